"""Running a command over input paths: load, check, then compile or report."""

from __future__ import annotations

import os
import time
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


def time_created() -> int:
    """Unix seconds for file_id.time_created; SOURCE_DATE_EPOCH makes builds reproducible."""
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if value is None:
        return int(time.time())
    if not value.strip().isdigit():
        raise UsageError(f"SOURCE_DATE_EPOCH must be a whole number of seconds, not {value!r}")
    return int(value)


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

    created = time_created() if fit else 0
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(f"{outdir}: cannot create the output folder: {error.strerror or error}") from None
    stems = assign_stems(run)
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
                _write(target, encode_workout(workout, created, truncate_utf8(workout.name, device.name_bytes)))
                written.append(f"{target} ({_plural(fit_step_count(workout.steps), 'step')})")
                report.written.append(target)
        report.workouts += len(written)
        if skipped:
            report.failed_files += 1
        if fit:
            line = f"{source.path}: {_plural(len(written), 'workout')}" + (f" -> {', '.join(written)}" if written else "")
            if skipped:
                line += "; not compiled: " + ", ".join(f'"{name}"' for name in skipped)
            print(line, file=err if skipped else out)
    if pages:
        report.written += write_pages(run, outdir, stems, fit)
        print(f"pages: {outdir / 'index.html'}", file=out)
    return report


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


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")
