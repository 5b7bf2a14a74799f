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
import json
import os
import pickle
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..user_cache import cache_folder, read_sealed, seal
from .fingerprint import Fingerprint, file_fingerprint, fingerprint
from .ledger import lock_folder, record_name
from .outputs import atomic_write

if TYPE_CHECKING:  # not imported at run time: a no-change compile stays light
    from .publish import Report
    from .stages import FileResult, Run


class Replay(NamedTuple):
    chunks: list  # [0 (standard output) or 1 (standard error), text], in the order printed
    status: int


def _output_state(path: str) -> list | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns]


def manifest_path(outdir: Path) -> Path | None:
    folder = cache_folder()
    if folder is None:
        return None
    return folder / "manifests" / f"{record_name(outdir)}.json"


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
        return recorded_replay(manifest)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
        return None


def recorded_replay(manifest: dict) -> Replay | None:
    """What a record says its run printed and returned, if it is what a run records."""
    try:
        printed, status = manifest["printed"], manifest["status"]
        if status not in (0, 1) or not all(
            isinstance(chunk, list) and chunk[0] in (0, 1) and isinstance(chunk[1], str) for chunk in printed
        ):
            return None
        return Replay(printed, status)
    except (KeyError, TypeError, IndexError):
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
        prune_records(path.parent, KEPT_FOLDERS)


KEPT_FOLDERS = 16  # the output folders whose last compile the cache remembers


def prune_records(folder: Path, kept: int) -> None:
    """Forget all but the `kept` records (manifest and snapshots) written most recently
    in `folder`, so the cache stays small."""
    try:
        manifests = sorted(folder.glob("*.json"), key=lambda path: path.stat().st_mtime, reverse=True)
        for old in manifests[kept:]:
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
        athlete: str | None = None,
        keep_stale: bool = False,
        enabled: bool = True,
        waiting: Callable[[], None] = lambda: None,
    ):
        self._outdir, self._pages = outdir, html
        self._lock = lock_folder(outdir, waiting)  # `waiting` is called if another compile holds it
        self._started = time.time()
        self._blobs: dict[str, bytes] = {}
        self.in_place: frozenset = frozenset()  # (path, workout, file name) of FIT files still in place
        self._previous: dict | None = None
        self._stamp: Fingerprint | None = None  # None: no cache
        if enabled:
            options = {
                "html": html,
                "keep_stale": keep_stale,
                "athlete": athlete,
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
