"""Writing output files safely: safe names, and whole files or nothing.

Every file is written to a temporary name in its destination folder and renamed
into place, so a reader (or a watch) never sees half a file and a failed run
leaves the previous output as it was.
"""

from __future__ import annotations

import itertools
import os
import re
import signal
import unicodedata
from contextlib import contextmanager
from pathlib import Path

MAX_SLUG_LENGTH = 64
NOT_SLUG = re.compile(r"[^a-z0-9]+")
# Names Windows reserves for devices, whatever the extension.
FILE_MODE = 0o666  # the process's umask applies, as for any file it creates
RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def slugify(name: str) -> str:
    """A file-name stem from any workout name: ASCII letters, digits and dashes."""
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = NOT_SLUG.sub("-", ascii_text.lower()).strip("-")[:MAX_SLUG_LENGTH].strip("-")
    if not slug:
        slug = "workout"
    if slug in RESERVED:
        slug += "-workout"
    return slug


class NameRegistry:
    """Hands out unique file-name stems within one output folder for one run."""

    def __init__(self) -> None:
        self._taken: set[str] = set()
        self._next: dict[str, int] = {}  # the next number to try per stem: no quadratic search

    def claim(self, name: str) -> str:
        stem = slugify(name)
        candidate, number = stem, self._next.get(stem, 2)
        while candidate in self._taken:
            candidate = f"{stem}-{number}"
            number += 1
        self._next[stem] = number
        self._taken.add(candidate)
        return candidate


_counter = itertools.count()


def _temporary(path: Path | str) -> tuple[int, str]:
    """Create a new file beside `path` that no other writer can be using.

    The name holds this process's id and a counter, and O_EXCL refuses an existing
    file (one left by a killed run, say), so two runs writing into one folder never
    share a temporary file. Cheaper than tempfile.mkstemp's random names.
    """
    while True:
        folder, name = os.path.split(path)
        temporary = os.path.join(folder, f".{name}.{os.getpid()}.{next(_counter)}.tmp")
        try:
            return os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE), temporary
        except FileExistsError:
            continue


def remove_stale_temporaries(folder: Path) -> None:
    """Delete temporary files left by a killed run (their process is gone)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        parts = name.split(".")
        if not (name.startswith(".") and name.endswith(".tmp") and len(parts) >= 4 and parts[-3].isdigit()):
            continue
        try:
            os.kill(int(parts[-3]), 0)
        except ProcessLookupError:
            try:
                os.unlink(os.path.join(folder, name))
            except OSError:
                pass
        except (PermissionError, OverflowError, ValueError):
            pass  # the process exists (owned by someone else), or the number is not a process id


# Ctrl-C or a SIGTERM arriving mid-write waits until the write is done (or undone).
_HELD = {signal.SIGINT, signal.SIGTERM}


@contextmanager
def signals_held():
    """Delay Ctrl-C and SIGTERM until the block is done (where the platform allows)."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file and a rename.

    Interrupting signals are held meanwhile, so a stopped run never leaves a temporary
    file; only SIGKILL can, and the next run into the folder removes it.
    """
    with signals_held():
        _replace_with(path, data)


def atomic_write_many(files: list[tuple[Path | str, bytes]], batch: int = 64) -> None:
    """atomic_write for many files, holding signals per batch rather than per file."""
    for start in range(0, len(files), batch):
        with signals_held():
            for path, data in files[start:start + batch]:
                _replace_with(path, data)


def _replace_with(path: Path | str, data: bytes) -> None:
    handle, temporary = _temporary(path)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise


def cache_folder() -> Path | None:
    """The user's own cache folder for workoutc (never a shared temporary folder), or None."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(base) / "workoutc"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return None
    return folder if os.access(folder, os.W_OK) else None
