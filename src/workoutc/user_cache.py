"""The user's own cache folder, and the only way in or out of it: sealed files.

What workoutc keeps between runs (Lark's parser tables, the compile records) lives
in one folder, `$XDG_CACHE_HOME/workoutc` or `~/.cache/workoutc`, which must be a
real folder (not a link) owned by the user and writable by nobody else; otherwise
workoutc works without a cache and says why once (`untrusted_reason`).

Every file in it is sealed: an HMAC-SHA256 under a random key kept in the folder,
readable by the user alone, heads the contents, and nothing is unpickled or trusted
before its seal is verified. Whoever cannot read the key cannot make a file workoutc
accepts, so a file planted in the folder, or one edited by hand, is no cache.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import stat
from functools import lru_cache
from pathlib import Path

MAGIC = b"workoutc sealed 1\n"
KEY_BYTES = 32
_SEAL_BYTES = len(MAGIC) + hashlib.sha256().digest_size


def _base() -> str:
    return os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")


def cache_folder() -> Path | None:
    """The user's own cache folder for workoutc, or None when there is none to trust."""
    folder, _ = _open(_base())
    return folder


def untrusted_reason() -> str | None:
    """Why an existing cache folder is refused (someone else could write to it), if it is."""
    return _open(_base())[1]


def seal(data: bytes) -> bytes | None:
    """`data` with its seal, ready to be written to the cache; None when there is no cache."""
    key = _key(_base())
    if key is None:
        return None
    return MAGIC + hmac.new(key, data, hashlib.sha256).digest() + data


def unseal(blob: bytes) -> bytes | None:
    """The contents of a sealed file, or None when the seal is missing or wrong."""
    key = _key(_base())
    if key is None or len(blob) < _SEAL_BYTES or not blob.startswith(MAGIC):
        return None
    mac, data = blob[len(MAGIC) : _SEAL_BYTES], blob[_SEAL_BYTES:]
    return data if hmac.compare_digest(mac, hmac.new(key, data, hashlib.sha256).digest()) else None


def read_sealed(path: Path) -> bytes | None:
    """The verified contents of a sealed cache file, or None (absent, unreadable, forged)."""
    try:
        with open(path, "rb") as stream:
            return unseal(stream.read())
    except OSError:
        return None


@lru_cache(maxsize=8)
def _open(base: str) -> tuple[Path | None, str | None]:
    """(the folder, or None; why an existing folder is refused, or None)."""
    folder = Path(base) / "workoutc"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.lstat(folder)
    except OSError:
        return None, None  # no cache folder can be made: nothing to say
    problem = _unsafe(info, "folder")
    if problem:
        return None, f"the cache folder {folder} {problem}; working without a cache"
    if not os.access(folder, os.W_OK):
        return None, None
    return folder, None


def _unsafe(info: os.stat_result, what: str) -> str | None:
    """Why a cache folder or key someone else could have written is not to be trusted."""
    if stat.S_ISLNK(info.st_mode):
        return "is a symbolic link"
    if what == "folder" and not stat.S_ISDIR(info.st_mode):
        return "is not a folder"
    if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
        return "belongs to another user"
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return "can be written by other users"
    if what == "key" and info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        return "can be read by other users"
    return None


@lru_cache(maxsize=8)
def _key(base: str) -> bytes | None:
    """The folder's sealing key, made on first use (readable by the user alone)."""
    folder, _ = _open(base)
    if folder is None:
        return None
    path = folder / "key"
    try:
        return _read_key(path) or _make_key(path)
    except OSError:
        return None


def _read_key(path: Path) -> bytes | None:
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        return None
    try:
        info = os.fstat(handle)
        if _unsafe(info, "key") or not stat.S_ISREG(info.st_mode):
            raise OSError("the cache key is not the user's own")
        key = os.read(handle, KEY_BYTES + 1)
    finally:
        os.close(handle)
    if len(key) != KEY_BYTES:
        raise OSError("the cache key is damaged")
    return key


def _make_key(path: Path) -> bytes | None:
    """A new key, written whole under a temporary name and linked into place, so two
    runs starting at once agree on one key (the loser reads the winner's)."""
    temporary = path.with_name(f".key.{os.getpid()}.tmp")
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(handle, os.urandom(KEY_BYTES))
    finally:
        os.close(handle)
    try:
        os.link(temporary, path)
    except FileExistsError:
        pass
    finally:
        os.unlink(temporary)
    return _read_key(path)
