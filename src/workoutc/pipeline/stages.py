"""Running the stages over a command's input files: load, check, encode; then plans.

Each file goes through the per-file stages in a worker (or in this process for a
small run) and comes back as a `FileResult`, one typed result per stage; plan rules,
which need every workout of the run, run here afterwards. Publishing what was made
(renames, schedules, pages) is `publish`'s job.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import signal
import time as clock
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from ..check.config import ConfigError, ConfigFinder, load_config
from ..check.runner import Checker, PlanFindings, WorkoutFindings
from ..diagnostics import Diagnostic, Severity
from ..language.source import MAX_FILE_BYTES, Loaded, load_data
from ..reporter import UsageError, io_error
from .inputs import collect_inputs, read_limited
from .outputs import hold_folder, release_folder, remove_own_temporaries, remove_stale_temporaries, run_id, stage

LAST_TIME = 253_402_300_799  # 9999-12-31T23:59:59Z: the last second dates (and calendars) can hold
PARALLEL_MINIMUM = 64  # below this many files a process pool costs more than it saves
STAGE_RUN = 64  # files taken through each per-file stage together (see _Job.__call__)


class EncodedWorkout(NamedTuple):
    name: str
    staged: str | None  # its FIT file under a temporary name in the output folder, for publish to rename
    data: bytes | None  # the FIT file itself, kept for the compile cache


class Encoded(NamedTuple):
    """The encode stage's result for one file: each workout's FIT file, by workout name."""

    workouts: tuple[EncodedWorkout, ...] = ()

    def staged(self, name: str) -> str | None:
        return next((w.staged for w in self.workouts if w.name == name), None)

    def data(self, name: str) -> bytes | None:
        return next((w.data for w in self.workouts if w.name == name), None)

    def unstaged(self) -> Encoded:
        """The FIT bytes alone: what outlives this run (its staged files are published)."""
        return Encoded(tuple(w._replace(staged=None) for w in self.workouts if w.data is not None))


class FileResult(NamedTuple):
    """One input file through the per-file stages."""

    loaded: Loaded
    checked: WorkoutFindings
    encoded: Encoded

    @property
    def path(self) -> str:
        return self.loaded.path


@dataclass(frozen=True)
class Run:
    """A command's files through every stage, in input order, with the plan rules' findings."""

    files: tuple[FileResult, ...]
    plans: PlanFindings
    finder: ConfigFinder
    output: Path | None = None  # the folder FIT files were staged in, made ready for them
    # For the compile cache: this run's fresh FileResults as the workers pickled them (unstaged).
    snapshots: dict[str, bytes] = field(default_factory=dict)

    def diagnostics_of(self, result: FileResult) -> list[Diagnostic]:
        """Everything found in one file, in source order."""
        found = (*result.loaded.diagnostics, *result.checked.diagnostics, *self.plans.of(result.path))
        return sorted(found, key=lambda d: d.sort_key)

    def diagnostics(self) -> list[Diagnostic]:
        return [d for result in self.files for d in self.diagnostics_of(result)]

    @cached_property
    def _texts(self) -> dict[str, str | None]:
        return {result.path: result.loaded.text for result in self.files}

    def text_of(self, path: str) -> str | None:
        return self._texts.get(path)


def error_count(diagnostics: list[Diagnostic]) -> int:
    return sum(d.severity is Severity.ERROR for d in diagnostics)


def run_stages(
    paths: list[str],
    config_file: str | None,
    *,
    jobs: int = 1,
    output: Path | None = None,
    keep_documents: bool = False,
    inputs: list[str] | None = None,
    reuse: Mapping[str, FileResult] | None = None,
    athlete: str | None = None,
) -> Run:
    """Take every input through the stages, in `jobs` processes; with an `output` folder,
    also encode each workout and stage its FIT file there for `publish`.

    Results come back in input order, so the output does not depend on `jobs`. Unless
    `keep_documents` (pages need them), a file's document is dropped once done with.
    With `reuse` (an incremental compile or check), the files it holds are taken as
    they are and the others are hashed and kept as snapshots for the next run. `athlete` names the
    [athletes.NAME] whose numbers relative targets and the checker take (None: the
    top-level [athlete]).
    """
    inputs = collect_inputs(paths) if inputs is None else inputs
    try:
        finder = _configs(config_file, inputs, athlete)
        if output is not None:
            for path in inputs[:1]:
                time_created(path)  # a bad SOURCE_DATE_EPOCH is a usage error, raised here
            prepare_output(output)
        job = _Job(finder, str(output) if output is not None else None, run_id(), keep_documents, reuse is not None)
        fresh, snapshots = _run_job(job, [path for path in inputs if path not in (reuse or {})], jobs)
        files = _in_input_order(inputs, reuse or {}, fresh)
        plans = Checker(finder).check_plans([(result.loaded, result.checked) for result in files])
    except BaseException as error:
        if output is not None:  # what the workers staged before the failure goes, and the folder is let go
            remove_own_temporaries(output, run_id())
            release_folder(output)
        if isinstance(error, ConfigError):
            raise UsageError(str(error)) from None
        raise
    return Run(tuple(files), plans, finder, output, snapshots)


def _configs(config_file: str | None, inputs: list[str], athlete: str | None) -> ConfigFinder:
    """The configs of every input, read (and any error raised) here, not in a worker."""
    finder = ConfigFinder(load_config(Path(config_file)) if config_file else None, athlete=athlete)
    for path in inputs:
        finder.for_file(path)
    return finder


def _run_job(job: _Job, paths: list[str], jobs: int) -> tuple[list, dict[str, bytes]]:
    """The job's FileResults for `paths` and, when it keeps them, their pickled snapshots."""
    made = _in_parallel(job, paths, jobs) if jobs > 1 and len(paths) >= PARALLEL_MINIMUM else job(paths)
    if not job.snapshots:
        return made, {}
    return [result for result, _ in made], {path: blob for path, (_, blob) in zip(paths, made, strict=True)}


def _in_input_order(inputs: list[str], reused: Mapping[str, FileResult], made: list[FileResult]) -> list[FileResult]:
    fresh = iter(made)
    return [reused[path] if path in reused else next(fresh) for path in inputs]


def prepare_output(outdir: Path) -> None:
    """Create the output folder, mark it as this run's while it stages files there, and
    clear it of what runs that are over left half-written."""
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise io_error(f"{outdir}: cannot create the output folder", error) from None
    hold_folder(outdir)
    remove_stale_temporaries(outdir)


@dataclass(frozen=True)
class _Job:
    """The per-file stages, picklable so a worker process can run them on a batch of files."""

    finder: ConfigFinder
    output: str | None  # where FIT files are staged; None: not compiling
    owner: str  # the run's id, which names the staged files
    keep_documents: bool
    snapshots: bool = False  # for the compile cache: hash each file, and send each result pickled too

    def __call__(self, batch: list[str]) -> list:
        """The batch's FileResults (with `snapshots`, each with its pickled snapshot; the
        pickles are made here, in parallel, and arrive as bytes that cost nothing to unpack).

        Each stage runs over a few dozen files before the next starts: keeping one
        stage's code and tables in the processor's caches saves about a sixth of the time."""
        checker = Checker(self.finder)
        results: list = []
        for start in range(0, len(batch), STAGE_RUN):
            loaded = [self._load(path) for path in batch[start : start + STAGE_RUN]]
            checked = [checker.check_workouts(file) for file in loaded]
            encoded = [self._encode(file, found) for file, found in zip(loaded, checked, strict=True)]
            if not self.keep_documents:
                loaded = [file.lightened() for file in loaded]
            results += map(FileResult, loaded, checked, encoded)
        if self.snapshots:
            return [(result, _snapshot(result, compiling=self.output is not None)) for result in results]
        return results

    def _load(self, path: str) -> Loaded:
        try:
            data, size = read_limited(path, MAX_FILE_BYTES)
        except OSError as error:
            raise io_error(f"{path}: cannot read", error) from None
        loaded = load_data(data, path, hashlib.sha256(data).hexdigest() if self.snapshots else None, size)
        from ..check.resolve import resolve_loaded

        return resolve_loaded(loaded, self.finder.for_file(path).athlete)

    def _encode(self, loaded: Loaded, checked: WorkoutFindings) -> Encoded:
        if self.output is None or loaded.document is None or checked.blocked:
            return Encoded()  # a file with any error writes nothing
        from ..fit.encode import encode_workout

        created = time_created(loaded.path)
        made = []
        for workout in loaded.document.all_workouts():
            data = encode_workout(workout, created)  # the whole name: the watch shows what fits (D402)
            try:
                staged = stage(self.output, data, self.owner)
            except OSError as error:
                raise io_error(f"cannot write into {self.output}", error) from None
            made.append(EncodedWorkout(workout.name, staged, data if self.snapshots else None))
        return Encoded(tuple(made))


def _snapshot(result: FileResult, compiling: bool) -> bytes:
    """A FileResult as the next run can take it: pickled, without this run's staged files."""
    if compiling:
        return pickle.dumps(result._replace(encoded=result.encoded.unstaged()), pickle.HIGHEST_PROTOCOL)
    return check_snapshot(result)


def check_snapshot(result: FileResult, keep_document: bool = False) -> bytes:
    """A FileResult as the next check can take it: pickled, and without its document
    unless the file has plans or `keep_document` (its workouts are named by a plan). A
    check needs the others' findings, names and text alone, and unpickling thousands of
    documents would cost a check of one changed file most of its time."""
    loaded = result.loaded
    if not keep_document and loaded.document is not None and not loaded.document.plans:
        loaded = loaded._replace(document=None, comments=())
    return pickle.dumps(result._replace(loaded=loaded), pickle.HIGHEST_PROTOCOL)


def _in_parallel(job: _Job, inputs: list[str], jobs: int) -> list:
    """The job over `inputs` in `jobs` worker processes, results in input order. If the
    run stops (an error, Ctrl-C, SIGTERM), the workers are terminated at once rather
    than waited for."""
    import multiprocessing

    size = max(16, len(inputs) // (jobs * 4))
    batches = [inputs[start : start + size] for start in range(0, len(inputs), size)]
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    pool = context.Pool(jobs, initializer=_worker_signals)
    try:
        results = [result for batch in pool.imap(job, batches) for result in batch]
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.close()
        pool.join()
    return results


def _worker_signals() -> None:
    """Workers leave Ctrl-C to the main process (which stops them) and end on SIGTERM."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def time_created(path: str) -> int:
    """Unix seconds for file_id.time_created: SOURCE_DATE_EPOCH when set, else when the
    source was last changed, so an unchanged file always compiles to the same bytes."""
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if value is not None:
        # ASCII digits only: str.isdigit takes `²`, str.strip takes `\x1f`, and int() takes neither
        digits = re.fullmatch(r"[ \t\n\r]*([0-9]{1,20})[ \t\n\r]*", value)
        if digits is None:
            raise UsageError(f"SOURCE_DATE_EPOCH must be a whole number of seconds, not {value!r}")
        if int(digits[1]) > LAST_TIME:
            raise UsageError(f"SOURCE_DATE_EPOCH must be a time before the year 10000, not {digits[1]}")
        return int(digits[1])
    try:
        return min(int(os.stat(path).st_mtime), LAST_TIME)
    except OSError:
        return int(clock.time())
