"""Incremental compile: do nothing when nothing that shapes the output has changed.

`compile` keeps a manifest per output folder, in the user's cache folder (the output
folder holds nothing but outputs): a fingerprint of everything the output depends on,
the files it wrote (with size and modification time) and what it printed. The next
compile into that folder computes the fingerprint again; when it and every output
file are unchanged, it prints the recorded messages and stops.

The fingerprint covers every input's path, contents and modification time (FIT files
carry it as time_created; an input's hash is re-used only when its size and time are
unchanged and safely older than the record, else it is read again), every config file that could apply to them (present or
absent, in each folder up to the root), `--config`, the options, SOURCE_DATE_EPOCH, and
the versions of workoutc and the libraries whose output it embeds. Anything else
changing is a rebuild: the cache never serves a stale result.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path
from typing import NamedTuple

from . import __version__
from .inputs import CONFIG_NAMES
from .outputs import atomic_write, cache_folder

LIBRARIES = ("lark", "fit-tool", "jinja2")


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
    return [f"{name} {versions[0] if len(versions) == 1 else _metadata_version(name)}"
            for name, versions in found.items()]


def _metadata_version(name: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "?"


def file_fingerprint(path: Path | str) -> str:
    try:
        with open(path, "rb") as stream:
            stat = os.fstat(stream.fileno())
            data = stream.read()
    except OSError:
        return "absent"
    return f"{stat.st_mtime_ns} {hashlib.sha256(data).hexdigest()}"


RACY_SECONDS = 2  # a file changed this close to the last record may have changed unseen


def _input_fingerprint(shown: str, known: dict, recorded_at: float) -> list | None:
    """[size, mtime, sha256] of an input (None if it is gone), reusing the recorded hash of
    a file whose size and time are unchanged and were safely older than the record (git's
    "racily clean" rule: a change within the same clock tick as the record is re-read)."""
    try:
        stat = os.stat(shown)
    except OSError:
        return None
    previous = known.get(shown)
    if previous and previous[0] == stat.st_size and previous[1] == stat.st_mtime_ns and \
            stat.st_mtime < recorded_at - RACY_SECONDS:
        return previous
    fresh = file_fingerprint(shown)
    if fresh == "absent":
        return None
    mtime, sha = fresh.split()
    return [stat.st_size, int(mtime), sha]


def fingerprint(inputs: list[str], options: dict, previous: dict | None = None) -> tuple[str, dict]:
    """The key of everything the output depends on, and the input hashes to record."""
    known = (previous or {}).get("inputs", {})
    recorded_at = (previous or {}).get("recorded_at", 0.0)
    lines = []  # hashed together at the end

    def add(*parts: object) -> None:
        lines.append("\x1f".join(map(str, parts)))

    add("workoutc", __version__, *_library_versions())
    add("SOURCE_DATE_EPOCH", os.environ.get("SOURCE_DATE_EPOCH"))
    for key in sorted(options):
        add("option", key, options[key])
    hashes, parents, folders = {}, set(), set()
    for shown in inputs:
        state = _input_fingerprint(shown, known, recorded_at)
        lines.append(f"input\x1f{shown}\x1f{state}")
        if state is not None:
            hashes[shown] = state
        parent = os.path.dirname(shown)
        if parent in parents:
            continue  # its folders are already listed
        parents.add(parent)
        folder = os.path.abspath(parent)
        while folder not in folders:
            folders.add(folder)
            folder = os.path.dirname(folder)
    for folder in sorted(folders):
        for name in CONFIG_NAMES:
            candidate = os.path.join(folder, name)
            if os.path.exists(candidate):
                add("config", candidate, file_fingerprint(candidate))
    text = "\x1e".join(lines).encode("utf-8", "surrogateescape")
    return hashlib.sha256(text).hexdigest(), hashes


class Replay(NamedTuple):
    out: str
    err: str
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
    name = hashlib.sha256(os.path.abspath(outdir).encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return folder / "manifests" / f"{name}.json"


def previous_run(outdir: Path) -> dict | None:
    """The manifest of the last compile into `outdir`, if any."""
    path = manifest_path(outdir)
    try:
        manifest = json.loads(path.read_text(encoding="utf-8")) if path else None
    except (OSError, ValueError):
        return None
    return manifest if isinstance(manifest, dict) else None


def lookup(outdir: Path, key: str, manifest: dict | None) -> Replay | None:
    """The recorded result when the fingerprint and every output file are unchanged."""
    try:
        if manifest is None or manifest.get("key") != key:
            return None
        folder = str(outdir) + os.sep
        for name, state in manifest["outputs"].items():
            if _output_state(folder + name) != state:
                return None
        return Replay(manifest["out"], manifest["err"], manifest["status"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def record(outdir: Path, key: str, hashes: dict, written: list[Path], replay: Replay, started: float) -> None:
    """`started`: when the run began reading its inputs (the racily-clean reference)."""
    outputs = {}
    for path in written:
        state = _output_state(str(path))
        if state is not None:
            outputs[os.path.relpath(path, outdir)] = state
    manifest = {"key": key, "outputs": outputs, "out": replay.out, "err": replay.err, "status": replay.status,
                "inputs": hashes, "recorded_at": started}
    path = manifest_path(outdir)
    if path is not None:
        path.parent.mkdir(mode=0o700, exist_ok=True)
        atomic_write(path, json.dumps(manifest, ensure_ascii=False).encode("utf-8"))


def forget(outdir: Path) -> None:
    """Remove the manifest before a run changes the folder, so a failed run leaves no stale record."""
    path = manifest_path(outdir)
    if path is not None:
        try:
            path.unlink()
        except OSError:
            pass
