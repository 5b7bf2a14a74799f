"""What a compile's output depends on, as one key: the fingerprint the compile cache
compares (pipeline/incremental.py owns the cache; this module only measures).

It covers every input's path, contents and identity (size, modification time, device,
inode, change time, real path), every configuration file that could apply to them
(present or absent, in each folder from where each source really lives up to the
root), the options, SOURCE_DATE_EPOCH, and the versions of workoutc and the libraries
whose output it embeds.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path
from typing import NamedTuple

from .. import __version__
from .inputs import CONFIG_NAMES, real_folder_of, real_path

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
