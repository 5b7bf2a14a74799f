"""Writing output files safely: safe names, and whole files or nothing.

Every file is written to a temporary name in its destination folder and renamed
into place, so a reader (or a watch) never sees half a file and a failed run
leaves the previous output as it was.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path

MAX_SLUG_LENGTH = 64
# Names Windows reserves for devices, whatever the extension.
# mkstemp creates files readable by the owner only; outputs get the usual mode.
_UMASK = os.umask(0)
os.umask(_UMASK)
FILE_MODE = 0o666 & ~_UMASK
RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def slugify(name: str) -> str:
    """A file-name stem from any workout name: ASCII letters, digits and dashes."""
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:MAX_SLUG_LENGTH].strip("-")
    if not slug:
        slug = "workout"
    if slug in RESERVED:
        slug += "-workout"
    return slug


class NameRegistry:
    """Hands out unique file-name stems within one output folder for one run."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def claim(self, name: str) -> str:
        stem = slugify(name)
        candidate, number = stem, 2
        while candidate in self._taken:
            candidate = f"{stem}-{number}"
            number += 1
        self._taken.add(candidate)
        return candidate


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file and a rename."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            os.fchmod(stream.fileno(), FILE_MODE)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise
