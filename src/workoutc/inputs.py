"""Which files a command reads: .wkt files named, or found under folders named."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import UsageError

SUFFIX = ".wkt"


def collect_inputs(paths: list[str]) -> list[tuple[Path, str]]:
    """Files named, and .wkt files under folders named (sorted), as (path, shown)."""
    found: list[tuple[Path, str]] = []
    seen: set[str] = set()
    for given in paths:
        if os.path.isdir(given):
            files = _wkt_files(given)
        elif os.path.exists(given):
            files = [given]
        else:
            raise UsageError(f"{given}: no such file or folder")
        for file in files:
            # One folder walk never lists a file twice; several paths may overlap.
            key = os.path.abspath(file) if len(paths) > 1 else file  # no system calls
            if key not in seen:
                seen.add(key)
                path = Path(file)
                found.append((path, str(path)))
    return found


def _wkt_files(folder: str) -> list[str]:
    """Every .wkt file under `folder`, in path order (folder by folder, name by name).

    Uses the directory entries' own file types, so a library of thousands of files is
    listed without a system call per file."""
    found, pending = [], [folder]
    while pending:
        with os.scandir(pending.pop()) as entries:
            for entry in entries:
                if entry.name.endswith(SUFFIX) and entry.is_file():
                    found.append(entry.path)
                elif entry.is_dir(follow_symlinks=False):
                    pending.append(entry.path)
    return sorted(found, key=lambda path: path.split(os.sep))
