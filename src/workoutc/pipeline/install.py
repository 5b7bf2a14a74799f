"""`workoutc install`: copy FIT files onto a mounted Garmin watch.

A watch mounted as USB mass storage has `GARMIN/GarminDevice.xml`; files copied into
`GARMIN/NewFiles/` are filed by the watch when it is unplugged. Copies are whole or
nothing (a temporary name in the same folder, then a rename), nothing else on the
device is changed, a different file of the same name is replaced only with --force,
and no symlink is followed out of the device.
"""

from __future__ import annotations

import getpass
import os
import shutil
import sys
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..fit.read import MAX_FILE_BYTES as MAX_FIT_BYTES
from ..reporter import Reporter, UsageError, io_error, plural, reason
from .inputs import read_limited
from .ledger import Owned, file_state, folder_held, read_ledger, remove_stale, write_ledger
from .outputs import atomic_write

if TYPE_CHECKING:
    from .publish import Report

MOUNT_ROOTS_VARIABLE = "WORKOUTC_MOUNT_ROOTS"  # overrides where watches are looked for (tests, odd setups)
SPACE_MARGIN = 64 * 1024

MTP_HELP = (
    "Newer watches (Fenix 7 Pro, Forerunner 265 and later) connect over MTP and have no drive: "
    "mount one with `gio mount -li` then `gio mount mtp://...` (it appears under /run/user/UID/gvfs/) "
    "or with `jmtpfs ~/watch`, then pass that folder: `workoutc install --device ~/watch ...`. "
    "On macOS, use Garmin Express or OpenMTP."
)


@dataclass(frozen=True)
class Device:
    root: Path
    model: str

    @property
    def new_files(self) -> Path:
        return self.root / "GARMIN" / "NewFiles"


def mount_roots() -> list[Path]:
    override = os.environ.get(MOUNT_ROOTS_VARIABLE)
    if override is not None:
        return [Path(part) for part in override.split(os.pathsep) if part]
    user = getpass.getuser()
    if sys.platform == "darwin":
        return [Path("/Volumes")]
    return [Path("/media") / user, Path("/run/media") / user, Path("/media")]


def is_garmin(folder: Path) -> bool:
    return (folder / "GARMIN" / "GarminDevice.xml").is_file()


def find_devices() -> list[Path]:
    found = []
    for root in mount_roots():
        try:
            children = sorted(root.iterdir())
        except OSError:
            continue
        found += [child for child in children if child.is_dir() and is_garmin(child) and child not in found]
    return found


def model_name(root: Path) -> str:
    """The watch's model from GarminDevice.xml (`Forerunner 265`), or a plain description."""
    try:
        tree = ElementTree.parse(root / "GARMIN" / "GarminDevice.xml")
    except (OSError, ElementTree.ParseError):
        return "Garmin device"
    for element in tree.iter():
        if element.tag.rsplit("}", 1)[-1] == "Model":
            for child in element:
                description = (child.text or "").strip()
                if child.tag.rsplit("}", 1)[-1] == "Description" and description:
                    return description
    return "Garmin device"


def choose_device(given: str | None) -> Device:
    if given is not None:
        root = Path(given)
        if not root.is_dir():
            raise UsageError(f"{given}: no such folder")
        if not is_garmin(root):
            raise UsageError(f"{given} is not a Garmin watch (no GARMIN/GarminDevice.xml in it). {MTP_HELP}")
        return Device(root, model_name(root))
    found = find_devices()
    if not found:
        places = ", ".join(str(root) for root in mount_roots())
        raise UsageError(f"no Garmin watch is mounted (looked in {places}). {MTP_HELP}")
    if len(found) > 1:
        listed = "; ".join(f"{model_name(root)} at {root}" for root in found)
        raise UsageError(f"{len(found)} Garmin watches are mounted ({listed}); choose one with --device")
    return Device(found[0], model_name(found[0]))


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
        return True
    except ValueError:
        return False


class Upload(NamedTuple):
    """A file to copy: its name on the watch, its bytes, where it comes from, and the
    place on the command line of the argument that brought it (the last one wins a
    forced clash)."""

    name: str
    data: bytes
    source: str
    given: int = 0


@dataclass
class Plan:
    """What install will do with each file: (name on the watch, data, action)."""

    copies: list[tuple[str, bytes, str]]
    refused: list[str]


def plan_copies(device: Device, uploads: list[Upload], force: bool) -> Plan:
    """Decide file by file without touching the device. Names are compared ignoring
    case, as the watch's FAT file system does: two uploads for one name are refused
    (with --force the last one given is copied), and an existing `Tempo.FIT` is the
    file a new `tempo.fit` would replace."""
    folder = device.new_files
    if (
        folder.is_symlink()
        or (folder.parent.exists() and not _inside(folder.parent, device.root))
        or (folder.exists() and not _inside(folder, device.root))
    ):
        raise UsageError(f"{folder} leads outside the device (a symlink); nothing was copied")
    existing = _names_on_watch(folder)
    by_name: dict[str, list[Upload]] = {}
    for upload in sorted(uploads, key=lambda upload: upload.given):
        by_name.setdefault(upload.name.casefold(), []).append(upload)
    copies, refused = [], []
    for key, group in by_name.items():
        if len(group) > 1 and not force:
            sources = ", ".join(upload.source for upload in group)
            every = "both" if len(group) == 2 else "all"
            refused.append(
                f"{sources} would {every} be {group[0].name} on the watch, whose names ignore case; "
                f"rename {'one' if len(group) == 2 else 'all but one'}, or pass --force to copy the last one given"
            )
            continue
        upload = group[-1]
        action = _action(folder / existing.get(key, upload.name), upload.data, force, refused)
        if action:
            copies.append((existing.get(key, upload.name), upload.data, action))
    return Plan(copies, refused)


def _names_on_watch(folder: Path) -> dict[str, str]:
    """The files already in `folder`, by their names ignoring case."""
    try:
        return {name.casefold(): name for name in os.listdir(folder)}
    except OSError:
        return {}


def _action(target: Path, data: bytes, force: bool, refused: list[str]) -> str | None:
    """ "copy", "replace" or "unchanged", or None (with the reason on `refused`)."""
    if target.is_symlink():
        refused.append(f"{target} is a symlink; it was left alone")
        return None
    if not target.exists():
        return "copy"
    try:
        same = target.read_bytes() == data
    except OSError as error:
        raise io_error(f"{target}: cannot read", error) from None
    if same:
        return "unchanged"
    if force:
        return "replace"
    refused.append(f"{target} exists and differs; pass --force to replace it")
    return None


def free_space(folder: Path) -> tuple[int, int]:
    """(bytes free, the file system's allocation unit): a file takes whole clusters."""
    try:
        info = os.statvfs(folder)
    except (AttributeError, OSError):  # no statvfs: bytes, and a typical FAT cluster
        return shutil.disk_usage(folder).free, 4096
    return info.f_bavail * info.f_frsize, info.f_frsize or 4096


def carry_out(device: Device, plan: Plan) -> None:
    """Copy the planned files, each whole or not at all, after checking they fit."""
    sizes = [len(data) for _, data, action in plan.copies if action != "unchanged"]
    if not sizes:
        return
    folder = device.new_files
    try:
        folder.mkdir(parents=False, exist_ok=True)
        free, cluster = free_space(folder)
    except OSError as error:
        raise UsageError(f"{folder}: {reason(error)} (is the watch read-only or unplugged?)") from None
    clusters = sum(-(-size // cluster) for size in sizes)
    needed = clusters * cluster
    if free < needed + SPACE_MARGIN:
        raise UsageError(
            f"the watch has {free:,} bytes free; these files take {needed:,} bytes there ({plural(clusters, 'cluster')} "
            f"of {cluster:,} bytes), and workoutc leaves {SPACE_MARGIN:,} bytes free for the watch itself"
        )
    for name, data, action in plan.copies:
        if action == "unchanged":
            continue
        try:
            atomic_write(folder / name, data)
        except OSError as error:
            raise io_error(f"{folder / name}: cannot write", error) from None


def install(
    paths: list[str],
    device_folder: str | None,
    config: str | None,
    reporter: Reporter,
    *,
    force: bool,
    dry_run: bool,
    prune: bool = False,
    athlete: str | None = None,
) -> bool:
    """Compile the .wkt inputs, take the .fit ones as they are, and copy them all onto
    the watch; whether any input or copy failed. Nothing is copied from a file or plan
    with errors. With `prune`, the files an earlier install put in NewFiles that this
    one does not copy go. `athlete` names the [athletes.NAME] to compile for. Device
    problems are UsageErrors."""
    device = choose_device(device_folder)
    reporter.result(f"{device.model} at {device.root}")
    files, failed = _given_fit_files(paths, reporter)
    skipped = ""
    sources = [p for p in paths if not p.lower().endswith(".fit")]
    if sources:
        compiled, report = _compile(paths, sources, config, reporter, athlete)
        files += compiled
        failed = bool(report.errors) or failed
        skipped = report.skipped()
    plan = plan_copies(device, files, force)
    for problem in plan.refused:
        reporter.note(f"refused: {problem}")
    for name, _, action in plan.copies:
        reporter.result(_copy_line(device, name, action, dry_run))
    with folder_held(device.new_files, lambda: None):
        earlier = read_ledger(device.new_files)
        stale = _stale_copies(device, earlier, plan) if prune else []
        for name in stale:
            reporter.result(f"{'would remove' if dry_run else 'remove'} {device.new_files / name}: no longer produced")
        if not dry_run:
            carry_out(device, plan)
            remove_stale(device.new_files, stale)
            _remember_copies(device, earlier, plan, stale)
    reporter.outcome(_install_summary(device, plan, dry_run, skipped, len(stale)), failed=failed or bool(plan.refused))
    return failed or bool(plan.refused)


def _install_summary(device: Device, plan: Plan, dry_run: bool, skipped: str, removed: int) -> str:
    """`copied 3 files to Forerunner 945; ...; unplug the watch to load them`, saying what
    was left out and giving the unplug advice only when something new is there."""
    copied = sum(action != "unchanged" for _, _, action in plan.copies)
    unchanged = len(plan.copies) - copied
    verb = "would copy" if dry_run else "copied"
    line = f"{verb} {plural(copied, 'file') if copied else 'nothing'} to {device.model}"
    if unchanged:
        line += f" ({unchanged} already there)"
    if removed:
        line += f"; {'would remove' if dry_run else 'removed'} {plural(removed, 'file')} no longer produced"
    if plan.refused:
        line += f"; refused {plural(len(plan.refused), 'file')}"
    line += skipped
    if copied and not dry_run:
        line += "; unplug the watch to load them"
    return line


def _stale_copies(device: Device, earlier: dict[str, Owned] | None, plan: Plan) -> list[str]:
    """The files earlier installs put in NewFiles, unchanged since, that this one does
    not copy (the watch has not filed them yet: it empties NewFiles when unplugged)."""
    if not earlier:
        return []
    copying = {name.casefold() for name, _, _ in plan.copies}
    folder = device.new_files
    return sorted(
        name
        for name, owned in earlier.items()
        if name.casefold() not in copying and file_state(folder / name) == tuple(owned.state)
    )


def _remember_copies(device: Device, earlier: dict[str, Owned] | None, plan: Plan, removed: list[str]) -> None:
    """Add this install's copies to the ledger of the watch's NewFiles folder."""
    if earlier is None:
        return
    folder = device.new_files
    owned = {name: entry for name, entry in earlier.items() if name not in removed}
    for name, _, _ in plan.copies:
        state = file_state(folder / name)
        if state is not None:
            owned[name] = Owned(state, "")
    write_ledger(folder, owned)


def _given_fit_files(paths: list[str], reporter: Reporter) -> tuple[list[Upload], bool]:
    """The .fit inputs, and whether any was not a FIT file."""
    files, failed = [], False
    for given, name in enumerate(paths):
        if not name.lower().endswith(".fit"):
            continue
        try:
            data, size = read_limited(name, MAX_FIT_BYTES)
        except OSError as error:
            raise io_error(f"{name}: cannot read", error) from None
        if size > MAX_FIT_BYTES or data[8:12] != b".FIT":
            problem = "not a FIT file" if size <= MAX_FIT_BYTES else f"{size:,} bytes, far more than a workout file"
            reporter.note(f"{name}: error: {problem}; left out")
            failed = True
            continue
        files.append(Upload(Path(name).name, data, name, given))
    return files, failed


def _compile(
    paths: list[str], sources: list[str], config: str | None, reporter: Reporter, athlete: str | None
) -> tuple[list[Upload], Report]:
    """The FIT files the sources compile to (none from a file or plan with errors),
    and what the compile did. The files are listed later by their names on the watch,
    so no summary per file."""
    import tempfile

    from .publish import publish
    from .stages import run_stages

    with tempfile.TemporaryDirectory() as folder:
        run = run_stages(sources, config, output=Path(folder), athlete=athlete)
        report = publish(run, Path(folder), reporter, summaries=False)
        origin = {name: source for source, names in report.placed.items() for name in names.values()}
        uploads = []
        for path in sorted(Path(folder).glob("*.fit")):
            source = origin.get(path.name)
            given = _argument_of(source, paths) if source else len(paths)
            uploads.append(
                Upload(path.name, path.read_bytes(), f"{path.name} compiled from {source or 'a plan'}", given)
            )
        return uploads, report


def _argument_of(source: str, paths: list[str]) -> int:
    """The place of the last argument that names `source` or a folder holding it."""
    for given in reversed(range(len(paths))):
        if Path(source) == Path(paths[given]) or Path(paths[given]) in Path(source).parents:
            return given
    return len(paths)


def _copy_line(device: Device, name: str, action: str, dry_run: bool) -> str:
    if action == "unchanged":
        return f"already there: {device.new_files / name}"
    return f"{'would ' if dry_run else ''}{action} {name} -> {device.new_files / name}"
