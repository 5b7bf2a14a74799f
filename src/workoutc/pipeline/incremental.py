"""Incremental compile: do nothing when nothing that shapes the output has changed,
and read again only the files that did change.

`compile` keeps a manifest per output folder, in the user's cache folder (the output
folder holds nothing but outputs): a fingerprint of everything the output depends on,
the files it wrote (with size and modification time), what it printed, and beside it a
snapshot of each input as the per-file stage left it (findings, names, FIT bytes).

The fingerprint covers every input's path, contents and modification time (FIT files
carry it as time_created; an input's hash is re-used only when its size and time are
unchanged and safely older than the record; else it is read again at once if a replay
is still possible, or hashed by the worker that reads it anyway), every config file
that could apply to them (present or absent, in each folder up to the root),
`--config`, the options, SOURCE_DATE_EPOCH, and the versions of workoutc and the
libraries whose output it embeds.

- When all of it and every output file are unchanged, the next compile prints the
  recorded messages and stops.
- When only some inputs changed (the rest of the fingerprint, `common`, is the same),
  the unchanged ones are taken from their snapshots: only changed files are parsed,
  checked and encoded. Plan rules run again over everything (they read other files),
  names are claimed again in order, and a cached FIT file is written again unless it
  is still in place under the same name.
- Anything else is a full compile. The cache never serves a stale result, and what a
  compile prints and writes does not depend on what it found in the cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

try:
    import fcntl
except ImportError:  # not on a POSIX system: no lock
    fcntl = None  # type: ignore[assignment]

from .. import __version__
from ..user_cache import cache_folder, read_sealed, seal
from .inputs import CONFIG_NAMES, real_folder_of, real_path
from .outputs import atomic_write

if TYPE_CHECKING:  # not imported at run time: a no-change compile stays light
    from .publish import Report
    from .stages import FileResult, Run

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
READ_AT_MOST = 1_000_000  # no input workoutc reads (sources, configs) is longer
LIBRARIES = ("lark", "jinja2")  # what shapes the output besides workoutc itself


def _library_versions() -> list[str]:
    """The installed versions of LIBRARIES, read from their `NAME-VERSION.dist-info`
    folders: importing importlib.metadata would cost a no-change run a tenth of its time.
    Anything unusual (no such folder, or several) is asked of importlib.metadata."""
    wanted = {name.replace("-", "_").lower(): name for name in LIBRARIES}
    found: dict[str, list[str]] = {name: [] for name in LIBRARIES}
    for folder in sys.path:
        try:
            entries = os.listdir(folder or ".")
        except OSError:
            continue
        for entry in entries:
            if entry.endswith(".dist-info"):
                project, _, version = entry[: -len(".dist-info")].partition("-")
                if project.lower() in wanted:
                    found[wanted[project.lower()]].append(version)
    return [
        f"{name} {versions[0] if len(versions) == 1 else _metadata_version(name)}" for name, versions in found.items()
    ]


def _metadata_version(name: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "?"


def file_fingerprint(path: Path | str) -> str:
    """`MTIME SHA256` of a file's first bytes, as much as workoutc would ever read of it
    (a larger file is an error whatever it holds, and its size is recorded beside)."""
    try:
        with open(path, "rb") as stream:
            stat = os.fstat(stream.fileno())
            data = stream.read(READ_AT_MOST + 1)
    except OSError:
        return "absent"
    return f"{stat.st_mtime_ns} {hashlib.sha256(data).hexdigest()}"


RACY_SECONDS = 2  # a file changed this close to the last record may have changed unseen
SHA = 3  # where an input's state holds its hash


def _input_fingerprint(shown: str, known: dict, recorded_at: float, eager: bool) -> list | None:
    """[size, mtime, identity, sha256] of an input (None if it is gone). The identity is
    the file's device, inode, change time and real path: a file replaced by another of
    the same size and time (an archive unpacked, `touch -d` after an edit, a link moved)
    differs in one of them. The recorded hash is reused only when all four match and the
    file was safely older than the last record (git's "racily clean" rule: a change
    within the same clock tick as the record is read again). Unless `eager`, the hash of
    a changed file is left None: the worker that reads the file hashes it (see
    Fingerprint.complete)."""
    try:
        stat = os.stat(shown)
    except OSError:
        return None
    identity = f"{stat.st_dev}:{stat.st_ino}:{stat.st_ctime_ns}:{real_path(shown)}"
    state = [stat.st_size, stat.st_mtime_ns, identity]
    previous = known.get(shown)
    unchanged = isinstance(previous, list) and previous[:SHA] == state
    if unchanged and stat.st_mtime < recorded_at - RACY_SECONDS:
        return previous
    if not (eager or unchanged):  # changed, so no replay: its hash can wait for its worker
        return [*state, None]
    fresh = file_fingerprint(shown)
    if fresh == "absent":
        return None
    mtime, sha = fresh.split()
    return [stat.st_size, int(mtime), identity, sha]


class Fingerprint(NamedTuple):
    key: str | None  # everything the output depends on; None while an input's hash is unknown
    common: str  # all of it but the inputs themselves: what every cached file depends on
    states: dict  # [size, mtime, identity, sha256] by input (None: the file is gone)

    @property
    def hashes(self) -> dict:
        """The states to record: those of the inputs that are there."""
        return {path: state for path, state in self.states.items() if state is not None}

    def complete(self, digests: dict[str, str]) -> Fingerprint | None:
        """With the hashes the workers worked out filled in; None if one is still missing."""
        states = {
            path: state if state is None or state[SHA] else [*state[:SHA], digests.get(path)]
            for path, state in self.states.items()
        }
        if any(state is not None and state[SHA] is None for state in states.values()):
            return None
        return Fingerprint(_key(self.common, states), self.common, states)


def _key(common: str, states: dict) -> str:
    return _digest([common, *(f"input\x1f{path}\x1f{state}" for path, state in states.items())])


def fingerprint(inputs: list[str], options: dict, previous: dict | None = None, eager: bool = True) -> Fingerprint:
    """The key of everything the output depends on, and the input hashes to record. Unless
    `eager`, hashes not known from `previous` are left to the workers (the key is None)."""
    known = (previous or {}).get("inputs", {})
    recorded_at = (previous or {}).get("recorded_at", 0.0)
    lines = []  # hashed together at the end

    def add(*parts: object) -> None:
        lines.append("\x1f".join(map(str, parts)))

    add("workoutc", __version__, *_library_versions())
    add("SOURCE_DATE_EPOCH", os.environ.get("SOURCE_DATE_EPOCH"))
    for key in sorted(options):
        add("option", key, options[key])
    states, folders = {}, set()
    for shown in inputs:
        states[shown] = _input_fingerprint(shown, known, recorded_at, eager)
        folder = real_folder_of(shown)  # where the configs are looked for (check/config.py)
        while folder not in folders:
            folders.add(folder)
            folder = os.path.dirname(folder)
    for folder in sorted(folders):
        for name in CONFIG_NAMES:
            candidate = os.path.join(folder, name)
            if os.path.exists(candidate):
                add("config", candidate, file_fingerprint(candidate))
    common = _digest(lines)
    unknown = any(state is not None and state[SHA] is None for state in states.values())
    return Fingerprint(None if unknown else _key(common, states), common, states)


def _digest(lines: list[str]) -> str:
    return hashlib.sha256("\x1e".join(lines).encode("utf-8", "surrogateescape")).hexdigest()


class Replay(NamedTuple):
    chunks: list  # [0 (standard output) or 1 (standard error), text], in the order printed
    status: int


def _output_state(path: str) -> list | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns]


def _record_name(outdir: Path) -> str:
    return hashlib.sha256(os.path.abspath(outdir).encode("utf-8", "surrogateescape")).hexdigest()[:32]


def manifest_path(outdir: Path) -> Path | None:
    folder = cache_folder()
    if folder is None:
        return None
    return folder / "manifests" / f"{_record_name(outdir)}.json"


def _lock(outdir: Path, waiting: Callable[[], None]) -> int | None:
    """Hold the output folder's lock (in the cache folder) until the descriptor is
    closed, so two compiles into one folder take turns and neither records the other's
    files; None where there is no cache folder or no flock."""
    folder = cache_folder()
    if folder is None or fcntl is None:
        return None
    try:
        (folder / "locks").mkdir(mode=0o700, exist_ok=True)
        handle = os.open(folder / "locks" / _record_name(outdir), os.O_RDWR | os.O_CREAT | _NOFOLLOW, 0o600)
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


def previous_run(outdir: Path) -> dict | None:
    """The manifest of the last compile into `outdir`, if any (and sealed by this user)."""
    path = manifest_path(outdir)
    data = read_sealed(path) if path is not None else None
    try:
        manifest = json.loads(data) if data is not None else None
    except ValueError:
        return None
    return manifest if isinstance(manifest, dict) else None


def _lookup(outdir: Path, key: str, manifest: dict | None) -> Replay | None:
    """The recorded result when the fingerprint and every output file are unchanged."""
    try:
        if manifest is None or manifest.get("key") != key:
            return None
        folder = str(outdir) + os.sep
        for name, state in manifest["outputs"].items():
            if _output_state(folder + name) != state:
                return None
        printed, status = manifest["printed"], manifest["status"]
        if status not in (0, 1) or not all(
            isinstance(chunk, list) and chunk[0] in (0, 1) and isinstance(chunk[1], str) for chunk in printed
        ):
            return None  # not what a compile records
        return Replay(printed, status)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
        return None


def _reusable(outdir: Path, manifest: dict | None, stamp: Fingerprint) -> tuple[dict[str, bytes], frozenset]:
    """The snapshots of the files of the last compile into `outdir` that this one can
    take as they were, by path, and which of their FIT files are still in place."""
    try:
        if manifest is None or manifest.get("common") != stamp.common:
            return {}, frozenset()
        sealed = read_sealed(_sources_path(outdir))
        if sealed is None:
            return {}, frozenset()
        stored = pickle.loads(sealed)  # sealed by this user: what the last run wrote
        if stored.get("key") != manifest["key"]:
            return {}, frozenset()
        blobs, in_place, folder, hashes = {}, set(), str(outdir) + os.sep, stamp.hashes
        for path, blob in stored["sources"].items():
            if hashes.get(path) == manifest["inputs"].get(path):
                blobs[path] = blob
                in_place |= {
                    (path, workout, name)
                    for workout, name in stored["placed"].get(path, {}).items()
                    if manifest["outputs"].get(name) == _output_state(folder + name)
                }
        return blobs, frozenset(in_place)
    except Exception:  # a damaged or foreign cache is no cache
        return {}, frozenset()


def _record(
    outdir: Path,
    stamp: Fingerprint,
    written: list[str],
    replay: Replay,
    started: float,
    placed: dict[str, dict[str, str]],
    snapshots: dict[str, bytes],
) -> None:
    """`started`: when the run began reading its inputs (the racily-clean reference);
    `placed`: each source's FIT file names by workout; `snapshots`: each input's
    per-file result, pickled."""
    outputs, prefix = {}, str(outdir) + os.sep
    for output in map(str, written):
        state = _output_state(output)
        if state is not None:  # every output is directly in the folder: no need for os.path.relpath
            outputs[output[len(prefix) :] if output.startswith(prefix) else os.path.relpath(output, outdir)] = state
    hashes = stamp.hashes
    manifest = {
        "key": stamp.key,
        "common": stamp.common,
        "outputs": outputs,
        "printed": replay.chunks,
        "status": replay.status,
        "inputs": hashes,
        "recorded_at": started,
    }
    path = manifest_path(outdir)
    if path is not None:
        path.parent.mkdir(mode=0o700, exist_ok=True)
        # The snapshots first, and apart (a no-change run reads only the manifest), tagged
        # with the key of the run the manifest records.
        snapshot = {
            "key": stamp.key,
            "sources": {p: blob for p, blob in snapshots.items() if p in hashes},
            "placed": placed,
        }
        sealed_snapshot = seal(pickle.dumps(snapshot, pickle.HIGHEST_PROTOCOL))
        # ASCII JSON: a file name that is not UTF-8 (held as surrogates) survives the trip.
        sealed_manifest = seal(json.dumps(manifest).encode("ascii"))
        if sealed_snapshot is None or sealed_manifest is None:
            return
        atomic_write(_sources_path(outdir), sealed_snapshot)
        atomic_write(path, sealed_manifest)
        _prune(path.parent)


KEPT_FOLDERS = 16  # the output folders whose last compile the cache remembers


def _prune(folder: Path) -> None:
    """Forget all but the output folders compiled into most recently, so the cache stays small."""
    try:
        manifests = sorted(folder.glob("*.json"), key=lambda path: path.stat().st_mtime, reverse=True)
        for old in manifests[KEPT_FOLDERS:]:
            old.unlink(missing_ok=True)
            old.with_suffix(".sources.pickle").unlink(missing_ok=True)
    except OSError:
        pass  # another run pruning at the same time, say: nothing is lost but space


def _sources_path(outdir: Path) -> Path:
    path = manifest_path(outdir)
    if path is None:
        raise OSError("no cache folder")  # callers take an OSError as "no cache"
    return path.with_suffix(".sources.pickle")


def _forget(outdir: Path) -> None:
    """Remove the manifest before a run changes the folder, so a failed run leaves no stale record."""
    path = manifest_path(outdir)
    if path is not None:
        with contextlib.suppress(OSError):
            path.unlink()


class CompileCache:
    """The compile cache of one output folder, and its only owner.

    Before a run it answers what can be replayed (`replay`: nothing changed) or reused
    (`start`: the unchanged files' results); after the run, `record` keeps what the
    next compile into the folder needs. Pages need every document, so a compile with
    pages may be replayed but reuses nothing. Used as a context manager, it holds the
    output folder's lock from before it reads the last record until after it writes the
    next (with or without the cache): compiles into one folder take turns.
    """

    def __init__(
        self,
        outdir: Path,
        inputs: list[str],
        *,
        html: bool,
        config: str | None,
        enabled: bool = True,
        waiting: Callable[[], None] = lambda: None,
    ):
        self._outdir, self._pages = outdir, html
        self._lock = _lock(outdir, waiting)  # `waiting` is called if another compile holds it
        self._started = time.time()
        self._blobs: dict[str, bytes] = {}
        self.in_place: frozenset = frozenset()  # (path, workout, file name) of FIT files still in place
        self._previous: dict | None = None
        self._stamp: Fingerprint | None = None  # None: no cache
        if enabled:
            options = {
                "html": html,
                "output": os.path.abspath(outdir),
                "config": file_fingerprint(config) if config else None,
            }
            self._previous = previous_run(outdir)
            # Pages take nothing from the cache: hash every file now.
            self._stamp = fingerprint(inputs, options, self._previous, eager=html)

    def __enter__(self) -> CompileCache:
        return self

    def __exit__(self, *_) -> None:
        if self._lock is not None:
            os.close(self._lock)  # closing the descriptor releases the lock
            self._lock = None

    def replay(self) -> Replay | None:
        """What the last compile printed and returned, when nothing it depends on changed."""
        if self._stamp is None or not self._stamp.key:
            return None
        return _lookup(self._outdir, self._stamp.key, self._previous)

    def start(self) -> dict[str, FileResult] | None:
        """Forget the last compile's record (this run changes the folder) and return the
        files it left that this run can take as they are; None when this run keeps no
        snapshots (no cache, or pages)."""
        if self._stamp is None:
            return None
        if not self._pages:
            self._blobs, self.in_place = _reusable(self._outdir, self._previous, self._stamp)
        _forget(self._outdir)
        return None if self._pages else {path: pickle.loads(blob) for path, blob in self._blobs.items()}

    def record(self, run: Run, report: Report, transcript: list, status: int) -> None:
        """Keep what the run did for the next compile into the folder. The hashes of files
        read for the first time come from the workers; without one there is no record
        (the next compile is a full one), as when the cache cannot be written."""
        if self._stamp is None:
            return
        stamp = self._stamp.complete({r.path: r.loaded.digest for r in run.files if r.loaded.digest})
        if stamp is None:
            return
        with contextlib.suppress(OSError):  # no manifest just means a full compile next time
            snapshots = {**self._blobs, **run.snapshots}
            _record(
                self._outdir, stamp, report.written, Replay(transcript, status), self._started, report.placed, snapshots
            )
