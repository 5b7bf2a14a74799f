"""Which files a command reads: .wkt files named, or found under folders named."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from ..reporter import UsageError, io_error

SUFFIX = ".wkt"
FIT_SUFFIX = ".fit"
CONFIG_NAMES = ("workoutc.toml", "pyproject.toml")  # looked for in each folder up from a source


def read_limited(path: str | Path, limit: int) -> tuple[bytes, int]:
    """(the file's first bytes, its size), read in bounded memory: at most `limit` + 1
    bytes, enough to tell a file is too large. The size is the file's own, or for a
    device or pipe that keeps on giving (which has none), what was read."""
    with open(path, "rb") as stream:
        size = os.fstat(stream.fileno()).st_size
        data = stream.read(limit + 1)
    return data, max(size, len(data))


def real_path(path: str) -> str:
    """Where `path` really is, every link resolved: the path the configs are looked for
    from and the compile cache knows a file by. Folders are resolved once each; only a
    file that is itself a link costs more than one system call."""
    if os.path.islink(path):
        return os.path.realpath(path)
    folder, name = os.path.split(path)
    return os.path.join(_real_folder(folder or os.curdir), name)


def real_folder_of(path: str) -> str:
    """The folder `path` really lives in: `real_path`'s folder."""
    if os.path.islink(path):
        return os.path.dirname(os.path.realpath(path))
    return _real_folder(os.path.dirname(path) or os.curdir)


@lru_cache(maxsize=4096)
def _real_folder(folder: str) -> str:
    return os.path.realpath(folder)


def collect_inputs(paths: list[str]) -> list[str]:
    """Files named, and .wkt files under folders named (sorted; the suffix in any case),
    as they are shown: tidied like pathlib does (`./lib//a.wkt` is `lib/a.wkt`). A
    folder that holds no .wkt file is a usage error."""
    found: list[str] = []
    seen: set[str] = set()
    for given in paths:
        tidy = str(Path(given))
        if os.path.isdir(given):
            files = _files_under(tidy, SUFFIX)  # joined to a tidy folder, every path is tidy
            if not files:  # a wrong path in CI must not pass as "0 files, no errors"
                raise UsageError(f"{given}: no .wkt files found (folders are searched for files ending in .wkt)")
        elif os.path.exists(given):
            files = [tidy]
        else:
            raise UsageError(f"{given}: no such file or folder")
        for file in files:
            # One folder walk never lists a file twice; several paths may overlap.
            key = os.path.abspath(file) if len(paths) > 1 else file  # no system calls
            if key not in seen:
                seen.add(key)
                found.append(file)
    return found


def collect_fit_files(paths: list[str]) -> list[tuple[str, bool]]:
    """FIT files named, and the .fit files under folders named (recursively, sorted, the
    suffix in any case), as they are shown, each with whether it was named itself: a
    file named is meant to be decompiled, one found in a folder may be an activity."""
    found: list[tuple[str, bool]] = []
    seen: set[str] = set()
    for given in paths:
        tidy = str(Path(given))
        if os.path.isdir(given):
            files, named = _files_under(tidy, FIT_SUFFIX), False
            if not files:
                raise UsageError(f"{given}: no .fit files found (folders are searched for files ending in .fit)")
        elif os.path.exists(given):
            files, named = [tidy], True
        else:
            raise UsageError(f"{given}: no such file or folder")
        for file in files:
            key = os.path.abspath(file)
            if key not in seen:  # a file named and found in a folder named is decompiled once
                seen.add(key)
                found.append((file, named))
    return found


def _files_under(folder: str, suffix: str) -> list[str]:
    """Every file under `folder` whose name ends in `suffix` (in any case), in path
    order (folder by folder, name by name).

    Uses the directory entries' own file types, so a library of thousands of files is
    listed without a system call per file; paths are joined here, so `.` lists `a.wkt`
    rather than `./a.wkt`."""
    found, pending = [], [folder]
    while pending:
        current = pending.pop()
        prefix = "" if current == os.curdir else current.rstrip(os.sep) + os.sep
        try:
            with os.scandir(current) as entries:
                for entry in entries:
                    if entry.name[-len(suffix) :].lower() == suffix and entry.is_file():
                        found.append(prefix + entry.name)
                    elif entry.is_dir(follow_symlinks=False):
                        pending.append(prefix + entry.name)
        except OSError as error:
            raise io_error(f"{current}: cannot list the folder", error) from None
    return sorted(found, key=lambda path: path.split(os.sep))
