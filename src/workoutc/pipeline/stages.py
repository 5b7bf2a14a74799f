"""Running a command over input paths: load, check, then compile or report."""

from __future__ import annotations

import hashlib
import os
import pickle
import time as clock
from dataclasses import dataclass, field
from datetime import datetime, time
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ..check.config import ConfigError, ConfigFinder, load_config
from ..check.runner import Checker
from ..diagnostics import Diagnostic, Severity, render_text
from ..language.source import Source, load_data
from ..model import truncate_utf8
from ..reporter import UsageError
from .inputs import collect_inputs
from .outputs import (
    NameRegistry,
    atomic_write,
    publish,
    remove_own_temporaries,
    remove_stale_temporaries,
    slugify,
    stage,
)

if TYPE_CHECKING:
    from .incremental import Cached


@dataclass
class Run:
    """The sources of one command, loaded and checked."""

    sources: list[Source]
    finder: ConfigFinder
    # For the compile cache: every source as the workers left it (before plan
    # checks), pickled; and the (path, workout, file name) of FIT files already in place.
    snapshots: dict[str, bytes] = field(default_factory=dict)
    in_place: set[tuple[str, str, str]] = field(default_factory=set)
    output: Path | None = None  # the folder FIT files were staged in, made ready for them

    def diagnostics(self) -> list[Diagnostic]:
        return [d for source in self.sources for d in sorted(source.diagnostics, key=lambda d: d.sort_key)]

    @cached_property
    def _texts(self) -> dict[str, str | None]:
        return {source.path: source.text for source in self.sources}

    def text_of(self, path: str) -> str | None:
        return self._texts.get(path)


PARALLEL_MINIMUM = 64  # below this many files a process pool costs more than it saves
STAGE_RUN = 64  # files taken through each per-file stage together (see _Job.__call__)


def load_and_check(
    paths: list[str],
    config_file: str | None,
    *,
    jobs: int = 1,
    output: Path | None = None,
    keep_documents: bool = False,
    inputs: list[str] | None = None,
    cache: Cached | None = None,
) -> Run:
    """Load and check every input, in `jobs` processes; with an `output` folder, also
    build each workout's FIT file and stage it there for compile_run to publish.

    Per-file work (parse, lower, workout rules, FIT encoding and writing) is spread over
    worker processes; plan rules, which need every workout, run here afterwards. Results
    come back in input order, so the output does not depend on `jobs`. Unless
    `keep_documents` (pages need them), a file's document is dropped once done with.
    With a `cache` (an incremental compile), the files it holds are not read again, and
    the run keeps snapshots of the others for the next one.
    """
    inputs = collect_inputs(paths) if inputs is None else inputs
    try:
        finder = ConfigFinder(load_config(Path(config_file)) if config_file else None)
        for path in inputs:
            finder.for_file(path)  # every config is read (and any error raised) here, not in a worker
        if output is not None:
            for path in inputs[:1]:
                time_created(path)  # a bad SOURCE_DATE_EPOCH is a usage error, raised here
            prepare_output(output)
        job = _Job(
            finder, str(output) if output is not None else None, os.getpid(), keep_documents, cache=cache is not None
        )
        reused = cache.sources if cache is not None else {}
        fresh = [path for path in inputs if path not in reused]
        try:
            made = _in_parallel(job, fresh, jobs) if jobs > 1 and len(fresh) >= PARALLEL_MINIMUM else job(fresh)
        except BaseException:
            if output is not None:
                remove_own_temporaries(output, job.owner)  # what the workers staged before the failure
            raise
        snapshots = {}
        if cache is not None:  # the workers sent each source pickled too: kept as it is for the next run
            snapshots = cache.snapshots({path: blob for path, (_, blob) in zip(fresh, made, strict=True)})
            made = [source for source, _ in made]
        run = Run(
            _in_input_order(inputs, reused, made),
            finder,
            snapshots=snapshots,
            in_place=cache.in_place if cache is not None else set(),
            output=output,
        )
        Checker(finder).check_plans(run.sources)
    except ConfigError as error:
        raise UsageError(str(error)) from None
    return run


def _in_input_order(inputs: list[str], reused: dict[str, Source], made: list[Source]) -> list[Source]:
    fresh = iter(made)
    return [reused[path] if path in reused else next(fresh) for path in inputs]


def prepare_output(outdir: Path) -> None:
    """Create the output folder, and clear it of what a killed run left half-written."""
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(f"{outdir}: cannot create the output folder: {error.strerror or error}") from None
    remove_stale_temporaries(outdir)


@dataclass(frozen=True)
class _Job:
    """The per-file work, picklable so a worker process can run it on a batch of files."""

    finder: ConfigFinder
    output: str | None  # where FIT files are staged; None: not compiling
    owner: int  # the run's main process, which names the staged files
    keep_documents: bool
    cache: bool = False  # for the compile cache: keep FIT bytes and file digests, and send sources pickled

    def __call__(self, batch: list[str]) -> list:
        """The batch's sources (with `cache`, each with a pickled copy for the cache; the
        copies are made here, in parallel, and arrive as bytes that cost nothing to unpack).

        Each stage runs over a few dozen files before the next starts: keeping one
        stage's code and tables in the processor's caches saves about a sixth of the time."""
        checker = Checker(self.finder)
        sources = []
        for start in range(0, len(batch), STAGE_RUN):
            run = [self._load(path) for path in batch[start : start + STAGE_RUN]]
            for source in run:
                checker.check_workouts(source)
            if self.output is not None:
                for source in run:
                    if source.document is not None:
                        self._encode(source)
            if not self.keep_documents:
                for source in run:
                    source.lighten()
            sources += run
        if self.cache:
            return [(source, pickle.dumps(source, pickle.HIGHEST_PROTOCOL)) for source in sources]
        return sources

    def _load(self, path: str) -> Source:
        try:
            with open(path, "rb") as stream:
                data = stream.read()
        except OSError as error:
            raise UsageError(f"{path}: cannot read: {error.strerror or error}") from None
        source = load_data(data, path)
        if self.cache:
            source.digest = hashlib.sha256(data).hexdigest()
        return source

    def _encode(self, source: Source) -> None:
        from ..fit.encode import encode_workout

        created = time_created(source.path)
        limit = self.finder.for_file(source.path).device.name_bytes
        for workout in source.document.all_workouts():
            if workout.name not in source.blocked:
                data = encode_workout(workout, created, truncate_utf8(workout.name, limit))
                if self.cache:
                    source.fit_bytes[workout.name] = data
                try:
                    source.fits[workout.name] = stage(self.output, data, self.owner)
                except OSError as error:
                    raise UsageError(f"cannot write into {self.output}: {error.strerror or error}") from None


def _in_parallel(job: _Job, inputs: list[str], jobs: int) -> list[Source]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    size = max(16, len(inputs) // (jobs * 4))
    batches = [inputs[start : start + size] for start in range(0, len(inputs), size)]
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context)
    try:
        return [source for batch in pool.map(job, batches) for source in batch]
    finally:
        pool.shutdown(cancel_futures=True)  # after a failure, batches not yet started never start


def time_created(path: str) -> int:
    """Unix seconds for file_id.time_created: SOURCE_DATE_EPOCH when set, else when the
    source was last changed, so an unchanged file always compiles to the same bytes."""
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if value is not None:
        if not value.strip().isdigit():
            raise UsageError(f"SOURCE_DATE_EPOCH must be a whole number of seconds, not {value!r}")
        return int(value)
    try:
        return int(os.stat(path).st_mtime)
    except OSError:
        return int(clock.time())


@dataclass
class Report:
    """What a compile did, for the summary and the exit status."""

    written: list[Path] = field(default_factory=list)
    placed: dict[str, dict[str, str]] = field(default_factory=dict)  # source -> workout -> FIT file name
    failed_files: int = 0
    errors: int = 0
    workouts: int = 0


def error_count(diagnostics: list[Diagnostic]) -> int:
    return sum(d.severity is Severity.ERROR for d in diagnostics)


def assign_stems(run: Run) -> dict[tuple, str]:
    """A unique file-name stem for every workout, by (path, name), and every plan, by
    (path, index). Claimed in source order whatever is written, so a workout's file name
    does not depend on whether pages are built or another workout has errors."""
    names = NameRegistry()
    stems = {}
    for source in run.sources:
        for info in source.workouts:
            stems[(source.path, info.name)] = names.claim(info.slug)
        for index, plan in enumerate(source.document.plans if source.document else ()):
            stems[(source.path, index)] = names.claim(slugify(plan.name))
    return stems


def _write(path: Path, data: bytes) -> None:
    try:
        atomic_write(path, data)
    except OSError as error:
        raise UsageError(f"{path}: cannot write: {error.strerror or error}") from None


def compile_run(
    run: Run, outdir: Path, out: TextIO, err: TextIO, *, fit: bool = True, pages: bool = False, summaries: bool = True
) -> Report:
    """Publish each workout's FIT file (staged by load_and_check(output=outdir)), write
    the plans' schedules and with `pages` the HTML pages, into `outdir`; `summaries`
    prints a line per file. A failure part-way leaves no staged file behind."""
    if run.output != outdir:
        prepare_output(outdir)
    try:
        return _emit(run, outdir, out, err, fit=fit, pages=pages, summaries=summaries)
    except BaseException:
        remove_own_temporaries(outdir, os.getpid())
        raise


def _emit(run: Run, outdir: Path, out: TextIO, err: TextIO, *, fit: bool, pages: bool, summaries: bool) -> Report:
    stems = assign_stems(run)
    blocked = {(s.path, name) for s in run.sources for name in s.blocked}  # workouts with checker errors
    report = Report()
    moves: list[tuple[str, str]] = []  # staged FIT file -> its name, renamed together below
    folder = str(outdir)
    for source in run.sources:
        for diagnostic in sorted(source.diagnostics, key=lambda d: d.sort_key):
            print(render_text(diagnostic, source.text), file=err)
        errors = error_count(source.diagnostics)
        report.errors += errors
        if source.failed:
            report.failed_files += 1
            print(f"{source.path}: not compiled ({_plural(errors, 'error')})", file=err)
            continue
        written, skipped = [], []
        for info in source.workouts:
            if info.name in source.blocked:
                skipped.append(info.name)
                continue
            if fit:
                name = f"{stems[(source.path, info.name)]}.fit"
                target = os.path.join(folder, name)
                staged = source.fits.get(info.name) or _restage(run, source, info.name, name, folder)
                if staged:
                    moves.append((staged, target))
                written.append(f"{target} ({_plural(info.fit_steps, 'step')})")
                report.written.append(target)
                report.placed.setdefault(source.path, {})[info.name] = name
        report.workouts += len(written)
        plan_files = _write_plans(source, blocked, outdir, stems, report, err) if fit and source.plan_views else []
        if skipped:
            report.failed_files += 1
        if fit and summaries:
            line = f"{source.path}: {_plural(len(written), 'workout')}" + (
                f" -> {', '.join(written)}" if written else ""
            )
            if plan_files:
                line += f"; {_plural(len(source.plan_views), 'plan')} -> {', '.join(plan_files)}"
            if skipped:
                line += "; not compiled: " + ", ".join(f'"{name}"' for name in skipped)
            print(line, file=err if skipped else out)
    try:
        publish(moves)
    except OSError as error:
        raise UsageError(f"cannot write into {outdir}: {error.strerror or error}") from None
    if fit:
        _note_shared_names(run, err)
    if pages:
        report.written += write_pages(run, outdir, stems, fit)
        print(f"pages: {outdir / 'index.html'}", file=out)
    return report


def _restage(run: Run, source: Source, workout: str, name: str, folder: str) -> str | None:
    """A cached workout's FIT file: None when the last run left it in place under the same
    name, else staged again from the cached bytes."""
    if (source.path, workout, name) in run.in_place:
        return None
    try:
        return stage(folder, source.fit_bytes[workout], os.getpid())
    except OSError as error:
        raise UsageError(f"cannot write into {folder}: {error.strerror or error}") from None


def _write_plans(source: Source, blocked: set, outdir: Path, stems: dict, report: Report, err: TextIO) -> list[str]:
    """Each plan's schedule (FIT) and calendar (.ics); sessions whose workout has errors are left out.

    The schedule names each workout's FIT file by its time_created: its source's.
    """
    from ..emit.ics import plan_calendar
    from ..fit.encode import encode_schedule

    written = []
    for index, view in enumerate(source.plan_views):
        stem = stems[(source.path, index)]
        sessions = [
            (s.workout, datetime.combine(s.entry.day, s.entry.at or time()), time_created(s.workout.path))
            for s in view.sessions
            if s.workout is not None and (s.workout.path, s.workout.name) not in blocked
        ]
        left_out = sum(1 for s in view.sessions if s.workout is not None) - len(sessions)
        if not sessions and not left_out:
            continue  # only rest days: nothing to put on a calendar
        if left_out:
            print(
                f'{source.path}: {_plural(left_out, "session")} of "{view.plan.name}" left out of its schedule '
                "(their workouts have errors)",
                file=err,
            )
        plan_created = time_created(source.path)
        for name, data in (
            (f"{stem}.schedule.fit", encode_schedule(view.plan.name, sessions, plan_created)),
            (f"{stem}.ics", plan_calendar(view.plan.name, view.sessions, plan_created).encode()),
        ):
            _write(outdir / name, data)
            report.written.append(outdir / name)
            written.append(str(outdir / name))
    return written


def write_pages(run: Run, outdir: Path, stems: dict, with_fit: bool) -> list[Path]:
    """A page per workout and plan, and the index; returns the files written."""
    from ..emit import html

    written, workouts, plans, failed = [], [], [], []
    pages = {(s.path, info.name): f"{stems[(s.path, info.name)]}.html" for s in run.sources for info in s.workouts}

    def emit(name: str, text: str) -> None:
        path = outdir / name
        _write(path, text.encode("utf-8"))
        written.append(path)

    for source in run.sources:
        if source.document is None:
            failed.append((source.path, error_count(source.diagnostics)))
            continue
        athlete = run.finder.for_file(Path(source.path)).athlete
        for workout in source.document.all_workouts():
            stem = stems[(source.path, workout.name)]
            fit_name = f"{stem}.fit" if with_fit and workout.name not in source.blocked else None
            mine = [d for d in source.diagnostics if html.within(d, workout.span.line, workout.span.end_line)]
            emit(
                f"{stem}.html",
                html.workout_page(workout, text=source.text, findings=mine, athlete=athlete, fit_name=fit_name),
            )
            sums = html.totals(workout, athlete)
            workouts.append(
                html.IndexEntry(
                    workout.name,
                    source.path,
                    workout.kind or "workout",
                    f"{stem}.html",
                    fit_name,
                    sums.time_text(),
                    sums.distance_text(athlete.units == "imperial"),
                    mine,
                )
            )
        for index, view in enumerate(source.plan_views):
            plan = view.plan
            stem = stems[(source.path, index)]
            mine = [d for d in source.diagnostics if html.within(d, plan.span.line, plan.span.end_line)]
            emit(f"{stem}.html", html.plan_page(view, text=source.text, findings=mine, athlete=athlete, pages=pages))
            dates = f"{view.sessions[0].start:%Y-%m-%d} to {view.sessions[-1].start:%Y-%m-%d}" if view.sessions else ""
            metres = sum(html.totals(s.workout, athlete).metres for s in view.sessions if s.workout)
            plans.append(
                html.IndexEntry(
                    plan.name,
                    source.path,
                    dates,
                    f"{stem}.html",
                    None,
                    html.duration_text(sum(s.seconds for s in view.sessions), exact=False),
                    html.distance_text(metres, athlete.units == "imperial") if metres else "unknown",
                    mine,
                )
            )
    emit("index.html", html.index_page(workouts, plans, failed))
    return written


def _note_shared_names(run: Run, err: TextIO) -> None:
    """Workouts in different files with one name get one serial number: the watch keeps one."""
    places: dict[str, list[str]] = {}
    for source in run.sources:
        for info in source.workouts:
            places.setdefault(info.name.casefold(), []).append(f"{source.path}:{info.line}")
    for name, where in places.items():
        if len(where) > 1:
            print(
                f'note: {len(where)} workouts are named "{name}" ({", ".join(where)}); a watch keeps only '
                "one workout per name, so rename all but one",
                file=err,
            )


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")
