"""What workoutc knows about an output folder: who is writing into it (the folder's
lock) and which of its files workoutc wrote (the ledger).

The ledger lives in the user's cache folder, sealed like every cache file, one per
output folder: for each file workoutc wrote there, its size and modification time
when written, the source it came from (its real path) and, for a page, its row in
`index.html`. It is what lets a run remove the outputs it made earlier for workouts
that are gone or refused, and never a file it did not write or one changed since.
Without a cache folder there is no ledger, and nothing is ever removed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NamedTuple

try:
    import fcntl
except ImportError:  # not on a POSIX system: no lock
    fcntl = None  # type: ignore[assignment]

from ..user_cache import cache_folder, read_sealed, seal
from .outputs import atomic_write

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
KEPT_LEDGERS = 256  # the output folders whose files workoutc remembers (a few kilobytes each)


def record_name(outdir: Path) -> str:
    """The name of an output folder's records in the cache folder."""
    return hashlib.sha256(os.path.abspath(outdir).encode("utf-8", "surrogateescape")).hexdigest()[:32]


def lock_folder(outdir: Path, waiting: Callable[[], None]) -> int | None:
    """Hold the output folder's lock (in the cache folder) until the descriptor is
    closed, so two runs into one folder take turns and neither records the other's
    files; None where there is no cache folder or no flock. `waiting` is called when
    another run holds it."""
    folder = cache_folder()
    if folder is None or fcntl is None:
        return None
    try:
        (folder / "locks").mkdir(mode=0o700, exist_ok=True)
        handle = os.open(folder / "locks" / record_name(outdir), os.O_RDWR | os.O_CREAT | _NOFOLLOW, 0o600)
    except OSError:
        return None
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        waiting()
        fcntl.flock(handle, fcntl.LOCK_EX)
    except BaseException:
        os.close(handle)
        raise
    return handle


@contextlib.contextmanager
def folder_held(outdir: Path, waiting: Callable[[], None]):
    """The output folder's lock, for the length of the block."""
    handle = lock_folder(outdir, waiting)
    try:
        yield
    finally:
        if handle is not None:
            os.close(handle)


class Owned(NamedTuple):
    """A file workoutc wrote: its state when written, its source, its index row."""

    state: tuple[int, int]  # size and modification time (ns)
    source: str  # the real path of the source it came from; "" for the index
    row: dict | None = None  # a page's row in index.html


def file_state(path: Path | str) -> tuple[int, int] | None:
    try:
        info = os.lstat(path)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


def real_source(path: str) -> str:
    return os.path.realpath(path)


def _ledger_path(outdir: Path) -> Path | None:
    folder = cache_folder()
    return None if folder is None else folder / "ledgers" / f"{record_name(outdir)}.json"


def read_ledger(outdir: Path) -> dict[str, Owned] | None:
    """The files workoutc wrote into `outdir`, by name; None when it cannot know (no
    cache folder), {} when it wrote none there."""
    path = _ledger_path(outdir)
    if path is None:
        return None
    data = read_sealed(path)
    try:
        stored = json.loads(data) if data is not None else {}
        return {
            name: Owned((int(state[0]), int(state[1])), str(source), row if isinstance(row, dict) else None)
            for name, (state, source, row) in stored.items()
            if isinstance(name, str) and os.sep not in name
        }
    except (ValueError, TypeError, AttributeError, IndexError):
        return {}  # sealed by this user, so never hostile: an older layout, say


def write_ledger(outdir: Path, owned: dict[str, Owned]) -> None:
    path = _ledger_path(outdir)
    sealed = seal(json.dumps({name: list(entry) for name, entry in owned.items()}).encode("ascii"))
    if path is None or sealed is None:
        return
    with contextlib.suppress(OSError):  # without a ledger, the next run just removes nothing
        path.parent.mkdir(mode=0o700, exist_ok=True)
        atomic_write(path, sealed)
        _forget_old(path.parent)


def _forget_old(folder: Path) -> None:
    with contextlib.suppress(OSError):
        ledgers = sorted(folder.glob("*.json"), key=lambda path: path.stat().st_mtime, reverse=True)
        for old in ledgers[KEPT_LEDGERS:]:
            old.unlink(missing_ok=True)


class Tidy(NamedTuple):
    """What a run does with the files it wrote earlier and did not write again."""

    stale: list[str]  # to remove: their workouts are gone or refused
    kept: dict[str, Owned]  # still workoutc's: their sources were not read, or could not be
    changed: list[str]  # stale, but changed since workoutc wrote them: left alone


def sort_out(
    outdir: Path, earlier: dict[str, Owned], written: Iterable[str], read: set[str], unreadable: set[str]
) -> Tidy:
    """Sort the files of `earlier` this run did not write (`written`, by name): a file
    whose source the run read (`read`, real paths) or that no longer exists is stale; one
    whose source could not be read (`unreadable`) or was not part of the run is kept. A
    file changed or removed since workoutc wrote it is no longer workoutc's."""
    stale, kept, changed = [], {}, []
    done = set(written)
    for name, owned in earlier.items():
        if name in done:
            continue
        state = file_state(outdir / name)
        if state is None:
            continue
        source = owned.source
        gone = source in read or (bool(source) and source not in unreadable and not os.path.lexists(source))
        if state != tuple(owned.state):
            if gone:
                changed.append(name)
        elif gone and source not in unreadable:
            stale.append(name)
        else:
            kept[name] = owned
    return Tidy(sorted(stale), kept, sorted(changed))


def remove_stale(outdir: Path, names: list[str]) -> list[str]:
    """Remove the stale files; returns those removed."""
    removed = []
    for name in names:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(outdir / name)
            removed.append(name)
    return removed
