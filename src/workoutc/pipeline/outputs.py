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
import signal
import stat
from contextlib import contextmanager, suppress
from pathlib import Path

FILE_MODE = 0o666  # the process's umask applies, as for any file it creates


_counter = itertools.count()


def _temporary(path: Path | str, owner: int | None = None) -> tuple[int, str]:
    """Create a new file beside `path` that no other writer can be using.

    The name holds the id of the process that owns it (this one, unless `owner` says
    which run it belongs to) and a counter, and O_EXCL refuses an existing file (one
    left by a killed run, say), so two runs writing into one folder never share a
    temporary file. Cheaper than tempfile.mkstemp's random names.
    """
    owner = os.getpid() if owner is None else owner
    while True:
        folder, name = os.path.split(path)
        temporary = os.path.join(folder, f".{name}.{owner}.{next(_counter)}.tmp")
        try:
            return os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE), temporary
        except FileExistsError:
            continue


def _temporaries(folder: Path) -> list[tuple[str, int]]:
    """The temporary files in `folder` (see _temporary), each with its owner's process id."""
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    found = []
    for name in names:
        parts = name.split(".")
        if name.startswith(".") and name.endswith(".tmp") and len(parts) >= 4 and parts[-3].isdigit():
            found.append((os.path.join(folder, name), int(parts[-3])))
    return found


def _unlink(path: str) -> None:
    with suppress(OSError):
        os.unlink(path)


def remove_stale_temporaries(folder: Path) -> None:
    """Delete temporary files left by a killed run (their process is gone)."""
    alive: dict[int, bool] = {os.getpid(): True}  # a run stages thousands of files under one id
    for path, owner in _temporaries(folder):
        if owner not in alive:
            alive[owner] = _running(owner)
        if not alive[owner]:
            _unlink(path)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        pass  # the process exists (owned by someone else), or the number is not a process id
    return True


def remove_own_temporaries(folder: Path, owner: int) -> None:
    """Delete the temporary files of the run `owner` (after it failed part-way)."""
    for path, pid in _temporaries(folder):
        if pid == owner:
            _unlink(path)


def stage(folder: str, data: bytes, owner: int) -> str:
    """Write `data` to a new temporary file in `folder`, for `publish_staged` to rename into
    place later; returns its path. Worker processes stage the files of a run whose main
    process is `owner`: if the run fails, it removes them (remove_own_temporaries), and
    if it is killed, the next run does (remove_stale_temporaries)."""
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


def _replace_with(path: Path | str, data: bytes) -> None:
    handle, temporary = _temporary(path)
    try:
        try:
            _write_all(handle, data)
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
        handle, temporary = _temporary(target)
        try:
            try:
                _write_all(handle, data)
                _keep_owner_and_mode(handle, info)
            finally:
                os.close(handle)
            os.replace(temporary, target)
        except BaseException:
            _unlink(temporary)
            raise


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
