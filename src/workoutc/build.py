"""Running a command over input paths: load, check, then compile or report."""

from __future__ import annotations

import os
import time as clock
from datetime import datetime, time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from .check import Checker
from .config import ConfigError, ConfigFinder, load_config
from .diagnostics import Diagnostic, Severity, render_text
from .model import fit_step_count, truncate_utf8
from .outputs import NameRegistry, atomic_write
from .source import Source, load

SUFFIX = ".wkt"


class UsageError(Exception):
    """A problem with the command line, the configuration or the file system: exit 2."""


def collect_inputs(paths: list[str]) -> list[tuple[Path, str]]:
    """Files named, and .wkt files under folders named (sorted), as (path, shown)."""
    found: list[tuple[Path, str]] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files = sorted(p for p in path.rglob(f"*{SUFFIX}") if p.is_file())
        elif path.exists():
            files = [path]
        else:
            raise UsageError(f"{given}: no such file or folder")
        for file in files:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                found.append((file, str(file)))
    return found


@dataclass
class Run:
    """The sources of one command, loaded and checked."""

    sources: list[Source]
    finder: ConfigFinder

    def diagnostics(self) -> list[Diagnostic]:
        return [d for source in self.sources for d in sorted(source.diagnostics, key=lambda d: d.sort_key)]

    def text_of(self, path: str) -> str | None:
        return next((s.text for s in self.sources if s.path == path), None)


def load_and_check(paths: list[str], config_file: str | None) -> Run:
    inputs = collect_inputs(paths)
    try:
        finder = ConfigFinder(load_config(Path(config_file)) if config_file else None)
        sources = []
        for path, shown in inputs:
            try:
                sources.append(load(path, shown))
            except OSError as error:
                raise UsageError(f"{shown}: cannot read: {error.strerror or error}") from None
        Checker(finder).run(sources)
    except ConfigError as error:
        raise UsageError(str(error)) from None
    return Run(sources, finder)


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
    failed_files: int = 0
    errors: int = 0
    workouts: int = 0


def error_count(diagnostics: list[Diagnostic]) -> int:
    return sum(d.severity is Severity.ERROR for d in diagnostics)


def assign_stems(run: Run) -> dict[int, str]:
    """A unique file-name stem for every workout and plan of the run, by id().

    Claimed in source order whatever is written, so a workout's file name does not
    depend on whether pages are built or another workout has errors.
    """
    names = NameRegistry()
    stems = {}
    for source in run.sources:
        if source.document is not None:
            for item in (*source.document.all_workouts(), *source.document.plans):
                stems[id(item)] = names.claim(item.name)
    return stems


def _write(path: Path, data: bytes) -> None:
    try:
        atomic_write(path, data)
    except OSError as error:
        raise UsageError(f"{path}: cannot write: {error.strerror or error}") from None


def compile_run(run: Run, outdir: Path, out: TextIO, err: TextIO, *, fit: bool = True, pages: bool = False) -> Report:
    """Write each workout's FIT file (and with `pages`, the HTML pages) into `outdir`."""
    from .fit import encode_workout  # the encoder is only needed here

    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(f"{outdir}: cannot create the output folder: {error.strerror or error}") from None
    stems = assign_stems(run)
    created = {id(w): time_created(s.path) for s in run.sources if s.document for w in s.document.all_workouts()}
    report = Report()
    for source in run.sources:
        for diagnostic in sorted(source.diagnostics, key=lambda d: d.sort_key):
            print(render_text(diagnostic, source.text), file=err)
        errors = error_count(source.diagnostics)
        report.errors += errors
        if source.failed:
            report.failed_files += 1
            print(f"{source.path}: not compiled ({_plural(errors, 'error')})", file=err)
            continue
        device = run.finder.for_file(Path(source.path)).device
        written, skipped = [], []
        for workout in source.document.all_workouts():
            if workout.name in source.blocked:
                skipped.append(workout.name)
                continue
            if fit:
                target = outdir / f"{stems[id(workout)]}.fit"
                _write(target, encode_workout(workout, created[id(workout)],
                                              truncate_utf8(workout.name, device.name_bytes)))
                written.append(f"{target} ({_plural(fit_step_count(workout.steps), 'step')})")
                report.written.append(target)
        report.workouts += len(written)
        if fit:
            written += _write_plans(source, outdir, stems, created, report, err)
        if skipped:
            report.failed_files += 1
        if fit:
            line = f"{source.path}: {_plural(len(written), 'workout')}" + (f" -> {', '.join(written)}" if written else "")
            if skipped:
                line += "; not compiled: " + ", ".join(f'"{name}"' for name in skipped)
            print(line, file=err if skipped else out)
    if fit:
        _note_shared_names(run, err)
    if pages:
        report.written += write_pages(run, outdir, stems, fit)
        print(f"pages: {outdir / 'index.html'}", file=out)
    return report


def _write_plans(source: Source, outdir: Path, stems: dict[int, str], created: dict[int, int], report: Report,
                 err: TextIO) -> list[str]:
    """Each plan's schedule (FIT) and calendar (.ics); sessions whose workout has errors are left out.

    `created` maps id(workout) to its FIT file's time_created, which the schedule names.
    """
    from .fit import encode_schedule
    from .ics import plan_calendar

    written = []
    for view in source.plan_views:
        stem = stems[id(view.plan)]
        sessions = [(s.workout, datetime.combine(s.entry.day, s.entry.at or time()), created[id(s.workout)])
                    for s in view.sessions
                    if s.workout is not None and s.workout.name not in _blocked_names(s.workout, source)]
        left_out = sum(1 for s in view.sessions if s.workout is not None) - len(sessions)
        if left_out:
            print(f"{source.path}: {_plural(left_out, 'session')} of \"{view.plan.name}\" left out of its schedule "
                  "(their workouts have errors)", file=err)
        plan_created = time_created(source.path)
        for name, data in ((f"{stem}.schedule.fit", encode_schedule(view.plan.name, sessions, plan_created)),
                           (f"{stem}.ics", plan_calendar(view.plan.name, view.sessions, plan_created).encode())):
            _write(outdir / name, data)
            report.written.append(outdir / name)
            written.append(str(outdir / name))
    return written


def _blocked_names(workout, source: Source) -> set[str]:
    return source.blocked if workout.path == source.path else set()


def write_pages(run: Run, outdir: Path, stems: dict[int, str], with_fit: bool) -> list[Path]:
    """A page per workout and plan, and the index; returns the files written."""
    from . import html

    written, workouts, plans, failed = [], [], [], []

    def emit(name: str, text: str) -> None:
        path = outdir / name
        _write(path, text.encode("utf-8"))
        written.append(path)

    for source in run.sources:
        if source.document is None:
            failed.append((source.path, error_count(source.diagnostics)))
            continue
        athlete = run.finder.for_file(Path(source.path)).athlete
        pages = {id(w): f"{stems[id(w)]}.html" for s in run.sources if s.document for w in s.document.all_workouts()}
        for workout in source.document.all_workouts():
            stem = stems[id(workout)]
            fit_name = f"{stem}.fit" if with_fit and workout.name not in source.blocked else None
            mine = [d for d in source.diagnostics if html.within(d, workout.span.line, workout.span.end_line)]
            emit(f"{stem}.html", html.workout_page(workout, text=source.text, findings=mine, athlete=athlete,
                                                  fit_name=fit_name))
            sums = html.totals(workout, athlete)
            workouts.append(html.IndexEntry(workout.name, source.path, workout.kind or "workout", f"{stem}.html", fit_name,
                                            sums.time_text(), sums.distance_text(athlete.units == "imperial"), mine))
        for view in source.plan_views:
            plan = view.plan
            stem = stems[id(plan)]
            mine = [d for d in source.diagnostics if html.within(d, plan.span.line, plan.span.end_line)]
            emit(f"{stem}.html", html.plan_page(view, text=source.text, findings=mine, athlete=athlete, pages=pages))
            dates = f"{view.sessions[0].start:%Y-%m-%d} to {view.sessions[-1].start:%Y-%m-%d}" if view.sessions else ""
            plans.append(html.IndexEntry(plan.name, source.path, dates, f"{stem}.html", None,
                                         html.duration_text(sum(s.seconds for s in view.sessions), exact=False), "",
                                         mine))
    emit("index.html", html.index_page(workouts, plans, failed))
    return written


def _note_shared_names(run: Run, err: TextIO) -> None:
    """Workouts in different files with one name get one serial number: the watch keeps one."""
    places: dict[str, list[str]] = {}
    for source in run.sources:
        if source.document is not None:
            for workout in source.document.all_workouts():
                places.setdefault(workout.name.casefold(), []).append(f"{source.path}:{workout.span.line}")
    for name, where in places.items():
        if len(where) > 1:
            print(f"note: {len(where)} workouts are named \"{name}\" ({', '.join(where)}); a watch keeps only "
                  "one workout per name, so rename all but one", file=err)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")
