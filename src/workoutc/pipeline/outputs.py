"""Writing output files safely: whole files or nothing.

Every file is written to a temporary name in its destination folder and renamed
into place, so a reader (or a watch) never sees half a file and a failed run
leaves the previous output as it was. Rewriting a user's own file (`write_through`)
keeps it the same file: its links, mode and owner.
"""

from __future__ import annotations

import errno
import itertools
import os
import secrets
import signal
import stat
import time
from contextlib import contextmanager, suppress
from functools import lru_cache
from pathlib import Path

try:
    import fcntl
except ImportError:  # not on a POSIX system: runs are told apart by process alone
    fcntl = None  # type: ignore[assignment]

FILE_MODE = 0o666  # the process's umask applies, as for any file it creates


_counter = itertools.count()
RUN_LOCK = ".workoutc-run.{}.lock"  # held by a run while it stages files in a folder
OLD_ENOUGH = 60  # seconds: an unlocked run's files younger than this might be a run just starting


@lru_cache(maxsize=1)
def run_id() -> str:
    """This run's id: its process id and a random token, so that runs in other process
    namespaces (containers, another host on NFS) that reuse a process id differ."""
    return f"{os.getpid()}-{secrets.token_hex(4)}"


def _temporary(path: Path | str, owner: str | None = None) -> tuple[int, str]:
    """Create a new file beside `path` that no other writer can be using.

    The name holds the id of the run that owns it (this one, unless `owner` says which
    run it belongs to) and a counter, and O_EXCL refuses an existing file (one left by
    a killed run, say), so two runs writing into one folder never share a temporary
    file. Cheaper than tempfile.mkstemp's random names.
    """
    owner = str(os.getpid()) if owner is None else owner
    while True:
        folder, name = os.path.split(path)
        temporary = os.path.join(folder, f".{name}.{owner}.{next(_counter)}.tmp")
        try:
            return os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE), temporary
        except FileExistsError:
            continue


def _temporaries(folder: Path | str) -> list[tuple[str, str]]:
    """The temporary files and run locks in `folder`, each with the id of its run."""
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    found = []
    for name in names:
        parts = name.split(".")
        if name.startswith(".") and name.endswith(".tmp") and len(parts) >= 4 and _is_run_id(parts[-3]):
            found.append((os.path.join(folder, name), parts[-3]))
        elif name.startswith(".workoutc-run.") and name.endswith(".lock") and len(parts) == 4:
            found.append((os.path.join(folder, name), parts[2]))
    return found


def _is_run_id(text: str) -> bool:
    pid, _, token = text.partition("-")
    return pid.isascii() and pid.isdigit() and (not token or (token.isascii() and token.isalnum()))


def _unlink(path: str) -> None:
    with suppress(OSError):
        os.unlink(path)


def hold_folder(folder: Path | str) -> None:
    """Mark `folder` as this run's while it stages files there: a lock file no other run
    sweeps while it is held (see `remove_stale_temporaries`). Released by `release_folder`,
    or by the system when the process ends."""
    key = os.path.abspath(folder)
    if key in _held:
        return
    with suppress(OSError):
        handle = os.open(os.path.join(folder, RUN_LOCK.format(run_id())), os.O_RDWR | os.O_CREAT, FILE_MODE)
        if fcntl is not None:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        _held[key] = handle


def release_folder(folder: Path | str) -> None:
    handle = _held.pop(os.path.abspath(folder), None)
    if handle is not None:
        _unlink(os.path.join(folder, RUN_LOCK.format(run_id())))
        os.close(handle)


_held: dict[str, int] = {}  # folders this run holds, by absolute path: the lock's descriptor


def remove_stale_temporaries(folder: Path) -> None:
    """Delete temporary files (and run locks) left by runs that are over."""
    over: dict[str, bool] = {run_id(): False}  # a run stages thousands of files under one id
    for path, owner in _temporaries(folder):
        if owner not in over:
            over[owner] = _run_is_over(folder, owner)
        if over[owner]:
            _unlink(path)


def _run_is_over(folder: Path, owner: str) -> bool:
    """A run that holds its folder lock is alive, wherever it runs; one whose lock is free
    is over. Without a lock file (an older workoutc, a run just starting), its process
    must be gone here, and its files old enough that it is not starting elsewhere."""
    lock = os.path.join(folder, RUN_LOCK.format(owner))
    try:
        handle = os.open(lock, os.O_RDWR)
    except OSError:
        pid = int(owner.partition("-")[0])
        return not _running(pid) and (owner.isdigit() or _age(folder, owner) > OLD_ENOUGH)
    try:
        if fcntl is None:
            return not _running(int(owner.partition("-")[0]))
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:  # held: the run goes on
        return False
    finally:
        os.close(handle)


def _age(folder: Path, owner: str) -> float:
    """Seconds since the newest of a run's files in `folder` was written."""
    newest = 0.0
    for path, run in _temporaries(folder):
        if run == owner:
            with suppress(OSError):
                newest = max(newest, os.stat(path).st_mtime)
    return time.time() - newest


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        pass  # the process exists (owned by someone else), or the number is not a process id
    return True


def remove_own_temporaries(folder: Path, owner: str) -> None:
    """Delete the temporary files of the run `owner` (after it failed part-way)."""
    for path, run in _temporaries(folder):
        if run == owner and path.endswith(".tmp"):
            _unlink(path)


def stage(folder: str, data: bytes, owner: str) -> str:
    """Write `data` to a new temporary file in `folder`, for `publish_staged` to rename into
    place later; returns its path. Worker processes stage the files of the run `owner`
    (its `run_id`): if the run fails, it removes them (remove_own_temporaries), and if it
    is killed, the next run does (remove_stale_temporaries)."""
    handle, temporary = _temporary(os.path.join(folder, f"staged-{os.getpid()}"), owner)
    try:
        _write_all(handle, data)
    except BaseException:
        _unlink(temporary)
        raise
    finally:
        os.close(handle)
    return temporary


def _write_all(handle: int, data: bytes) -> None:
    """os.write until every byte is written (a file object would cost more than the write)."""
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view) :]


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


def publish_staged(moves: list[tuple[str, Path | str]], batch: int = 64) -> None:
    """Rename staged files (see `stage`) into place, holding signals per batch of renames."""
    for start in range(0, len(moves), batch):
        with signals_held():
            for staged, path in moves[start : start + batch]:
                os.replace(staged, path)


def _replace_with(path: Path | str, data: bytes, like: os.stat_result | None = None) -> None:
    """Rename a temporary file holding `data` over `path`; with `like`, the new file
    takes that file's owner and mode first."""
    handle, temporary = _temporary(path)
    try:
        try:
            _write_all(handle, data)
            if like is not None:
                _keep_owner_and_mode(handle, like)
        finally:
            os.close(handle)
        os.replace(temporary, path)
    except BaseException:
        _unlink(temporary)
        raise


def write_through(path: Path | str, data: bytes) -> None:
    """Give an existing file new contents and keep it the same file (what `fmt` does).

    A symlink stays a link: the file it leads to is written. The file keeps its
    permission bits (and, where allowed, its owner). One with other hard links is
    written in place, as a rename would part it from its other names.
    """
    target = os.path.realpath(path)
    info = os.stat(target)
    if info.st_nlink > 1:
        _write_in_place(target, data)
        return
    with signals_held():
        _replace_with(target, data, like=info)


def _keep_owner_and_mode(handle: int, info: os.stat_result) -> None:
    """Give a new file the owner (when the system allows it) and mode of the one it replaces."""
    current = os.fstat(handle)
    if (current.st_uid, current.st_gid) != (info.st_uid, info.st_gid):
        with suppress(OSError):
            os.fchown(handle, info.st_uid, info.st_gid)
    os.fchmod(handle, stat.S_IMODE(info.st_mode))


def _write_in_place(path: str, data: bytes) -> None:
    """Overwrite a file's own bytes, after a verified copy: the new text is written to a
    temporary file and read back first, so a full disk or a failing write shows before
    the file is touched; the bytes read back are the ones written. The copy is removed
    once the file holds them; if writing the file fails, the copy is kept and named."""
    handle, temporary = _temporary(path)
    try:
        try:
            _write_all(handle, data)
            os.fsync(handle)
        finally:
            os.close(handle)
        with open(temporary, "rb") as stream:
            copy = stream.read()
        if copy != data:
            raise OSError(errno.EIO, "the temporary copy does not read back as written")
    except BaseException:
        _unlink(temporary)
        raise
    with signals_held():
        try:
            handle = os.open(path, os.O_WRONLY)
            try:
                _write_all(handle, copy)
                os.ftruncate(handle, len(copy))
                os.fsync(handle)
            finally:
                os.close(handle)
        except OSError as error:
            raise OSError(error.errno, f"{error.strerror or error}; the new text is in {temporary}") from None
    _unlink(temporary)
