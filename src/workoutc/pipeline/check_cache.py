"""Incremental check: repeat the last check when nothing it read has changed, and check
again only the files that did change.

`check` keeps a record per command line (the current folder, the paths given,
`--athlete` and `--config`) in the user's cache folder: the fingerprint of everything
the findings depend on (pipeline/fingerprint.py: every input's path, contents and
identity, every config file that could apply, `--config`, the versions of workoutc
and its libraries), what the check printed and its exit status, and beside it a
snapshot of each file as the workout rules left it (its text, names, input errors and
findings; the document only of a file with plans or whose workouts a plan names).

- When all of it is unchanged and the output format and `--strict` are the same, the
  next check prints the recorded output and stops: the plan rules' findings are a
  function of the same inputs, so they are the same too.
- When only some files changed (the rest of the fingerprint is the same), the others
  are taken from their snapshots: only the changed files are read, parsed and given
  the workout rules. The plan rules always run again, over every plan of the run
  (they read other files); a workout a plan names is taken from its file's snapshot,
  or lowered again from the text kept there if the plan named it only since.
- Anything else is a full check. A check prints the same with and without the cache.

Every record is sealed (user_cache.seal) and read through `read_sealed`; a damaged,
foreign or half-written record is no record.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import time
from pathlib import Path
from typing import TYPE_CHECKING

from ..user_cache import cache_folder, read_sealed, seal
from .fingerprint import Fingerprint, file_fingerprint, fingerprint
from .incremental import Replay, prune_records, recorded_replay
from .outputs import atomic_write

if TYPE_CHECKING:  # not imported at run time: a no-change check stays light
    from .stages import FileResult, Run

KEPT_RECORDS = 16  # the command lines whose last check the cache remembers


class CheckCache:
    """The check cache of one command line for one athlete, and its only owner.

    Before the run it answers what can be replayed (`replay`) or reused (`start`: the
    unchanged files' snapshots); after the run, `record` keeps what the next check
    needs. `printing` is what shapes the output beside the findings (format, --strict).
    """

    def __init__(
        self,
        inputs: list[str],
        paths: list[str],
        *,
        config: str | None,
        athlete: str | None,
        printing: list,
        enabled: bool = True,
    ):
        self._started = time.time()
        self._printing = printing
        self._path: Path | None = None  # None: no cache
        self._previous: dict | None = None
        self._stamp: Fingerprint | None = None
        self._blobs: dict[str, bytes] = {}
        folder = cache_folder() if enabled else None
        here = _current_folder()
        if folder is None or here is None:
            return
        where = [here, paths, athlete, config]
        name = hashlib.sha256(json.dumps(where).encode("utf-8", "surrogateescape")).hexdigest()[:32]
        self._path = folder / "checks" / f"{name}.json"
        options = {"command": "check", "where": where, "config": file_fingerprint(config) if config else None}
        self._previous = _read_manifest(self._path)
        self._stamp = fingerprint(inputs, options, self._previous, eager=False)

    def replay(self) -> Replay | None:
        """What the last check printed and returned, when nothing it depends on changed."""
        previous, stamp = self._previous, self._stamp
        if previous is None or stamp is None or not stamp.key or previous.get("key") != stamp.key:
            return None
        if previous.get("printing") != self._printing:
            return None
        return recorded_replay(previous)

    def start(self) -> dict[str, FileResult] | None:
        """The unchanged files' results, by path; None when there is no cache (the run
        then keeps no snapshots)."""
        if self._path is None or self._stamp is None:
            return None
        self._blobs = _reusable(self._path, self._previous, self._stamp)
        return {path: pickle.loads(blob) for path, blob in self._blobs.items()}

    def record(self, run: Run, transcript: list, status: int) -> None:
        """Keep the run for the next check. Without every input's hash (the workers give
        those of the files they read) there is no record: the next check is a full one."""
        if self._path is None or self._stamp is None:
            return
        stamp = self._stamp.complete({r.path: r.loaded.digest for r in run.files if r.loaded.digest})
        if stamp is None:
            return
        hashes = stamp.hashes
        manifest = {
            "key": stamp.key,
            "common": stamp.common,
            "inputs": hashes,
            "printing": self._printing,
            "printed": transcript,
            "status": status,
            "recorded_at": self._started,
        }
        snapshots = {**self._blobs, **run.snapshots, **_with_documents(run)}
        sources = {"key": stamp.key, "sources": {p: blob for p, blob in snapshots.items() if p in hashes}}
        with contextlib.suppress(OSError):  # no record just means a full check next time
            _write(self._path, manifest, sources)


def _with_documents(run: Run) -> dict[str, bytes]:
    """The snapshots, document kept, of the files read this time whose workouts a plan
    names: the next check takes those workouts as they are instead of lowering them
    again from their text."""
    from .stages import check_snapshot

    named = {
        session.workout.path
        for views in run.plans.views.values()
        for view in views
        for session in view.sessions
        if session.entry.reference is not None and session.workout is not None
    }
    return {
        result.path: check_snapshot(result, keep_document=True)
        for result in run.files
        if result.path in named and result.path in run.snapshots and result.loaded.document is not None
    }


def _current_folder() -> str | None:
    """The folder relative paths start from (None if it is gone: no cache then)."""
    try:
        return os.getcwd()
    except OSError:
        return None


def _read_manifest(path: Path) -> dict | None:
    data = read_sealed(path)
    try:
        manifest = json.loads(data) if data is not None else None
    except ValueError:
        return None
    return manifest if isinstance(manifest, dict) else None


def _reusable(path: Path, manifest: dict | None, stamp: Fingerprint) -> dict[str, bytes]:
    """The snapshots of the last check's files that this one can take as they are."""
    try:
        if manifest is None or manifest.get("common") != stamp.common:
            return {}
        sealed = read_sealed(path.with_suffix(".sources.pickle"))
        if sealed is None:
            return {}
        stored = pickle.loads(sealed)  # sealed by this user: what the last check wrote
        if stored.get("key") != manifest["key"]:
            return {}  # the snapshots of another check than the one the manifest records
        recorded, hashes = manifest["inputs"], stamp.hashes
        return {p: blob for p, blob in stored["sources"].items() if hashes.get(p) == recorded.get(p)}
    except Exception:  # a damaged or foreign cache is no cache
        return {}


def _write(path: Path, manifest: dict, sources: dict) -> None:
    """The snapshots first, then the manifest (a no-change check reads only the
    manifest); each whole or not at all."""
    sealed_sources = seal(pickle.dumps(sources, pickle.HIGHEST_PROTOCOL))
    # ASCII JSON: a file name that is not UTF-8 (held as surrogates) survives the trip.
    sealed_manifest = seal(json.dumps(manifest).encode("ascii"))
    if sealed_sources is None or sealed_manifest is None:
        return
    path.parent.mkdir(mode=0o700, exist_ok=True)
    atomic_write(path.with_suffix(".sources.pickle"), sealed_sources)
    atomic_write(path, sealed_manifest)
    prune_records(path.parent, KEPT_RECORDS)
