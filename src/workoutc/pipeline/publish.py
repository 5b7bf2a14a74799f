"""Publishing a run's outputs into a folder: FIT files renamed into place, each plan's
schedule and calendar, the HTML pages; and a line per file saying what was made.

Every workout and plan gets its file name here, claimed in input order whatever is
written, so a name never depends on which other outputs a run makes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime, time
from functools import cached_property
from pathlib import Path

from ..language.source import WorkoutInfo, reserved_names
from ..names import NameRegistry, readable, slugify
from ..reporter import Reporter, io_error, plural
from .outputs import atomic_write, publish_staged, release_folder, remove_own_temporaries, run_id, stage
from .stages import FileResult, Run, error_count, prepare_output, time_created

INDEX_STEM = "index"


@dataclass
class Report:
    """What a publish did, for the summary, the exit status and the compile cache."""

    written: list[str] = field(default_factory=list)
    placed: dict[str, dict[str, str]] = field(default_factory=dict)  # source -> workout -> FIT file name
    failed_files: int = 0
    errors: int = 0
    workouts: int = 0


def assign_stems(run: Run) -> dict[tuple, str]:
    """A unique file-name stem for every workout, by (path, name), and every plan, by
    (path, index). Claimed in source order whatever is written, so a workout's file name
    does not depend on whether pages are built or another workout has errors; a file
    that does not compile still claims the names it holds (`reserved_names`)."""
    names = NameRegistry()
    names.claim(INDEX_STEM)  # the library's index.html: no workout or plan page may take it
    stems: dict[tuple, str] = {}
    for result in run.files:
        loaded = result.loaded
        for slug in reserved_names(loaded) if loaded.failed else ():
            names.claim(slug)  # a broken file keeps the names its outputs have
        for info in loaded.workouts:
            stems[(loaded.path, info.name)] = names.claim(info.slug)
        for index, plan in enumerate(loaded.document.plans if loaded.document else ()):
            stems[(loaded.path, index)] = names.claim(slugify(plan.name))
    return stems


def publish(
    run: Run,
    outdir: Path,
    reporter: Reporter,
    *,
    fit: bool = True,
    pages: bool = False,
    summaries: bool = True,
    in_place: frozenset = frozenset(),
) -> Report:
    """Rename each workout's FIT file (staged by run_stages(output=outdir)) into place,
    write the plans' schedules and calendars and with `pages` the HTML pages, into
    `outdir`; `summaries` reports a line per file. `in_place` holds the (path, workout,
    file name) of FIT files a reused result left in place last time. A failure part-way
    leaves no staged file behind."""
    if run.output != outdir:
        prepare_output(outdir)
    try:
        return _Publisher(run, outdir, reporter, in_place).publish(fit=fit, pages=pages, summaries=summaries)
    except BaseException:
        remove_own_temporaries(outdir, run_id())
        raise
    finally:
        release_folder(outdir)


class _Publisher:
    """One publish: the names claimed for the run, what is written, and the renames still to do."""

    def __init__(self, run: Run, outdir: Path, reporter: Reporter, in_place: frozenset):
        self.run, self.outdir, self.reporter, self.in_place = run, outdir, reporter, in_place
        self.stems = assign_stems(run)
        self.report = Report()
        self.moves: list[tuple[str, str | Path]] = []  # staged FIT file -> its name, renamed together at the end

    def publish(self, *, fit: bool, pages: bool, summaries: bool) -> Report:
        for result in self.run.files:
            self._file(result, fit=fit, summaries=summaries)
        try:
            publish_staged(self.moves)
        except OSError as error:
            raise io_error(f"cannot write into {self.outdir}", error) from None
        if fit:
            self._note_shared_names()
        if pages:
            self._pages(with_fit=fit)
            self.reporter.result(f"pages: {self.outdir / 'index.html'}")
        return self.report

    def _file(self, result: FileResult, *, fit: bool, summaries: bool) -> None:
        loaded, report = result.loaded, self.report
        diagnostics = self.run.diagnostics_of(result)
        for diagnostic in diagnostics:
            self.reporter.diagnostic(diagnostic, loaded.text)
        errors = error_count(diagnostics)
        report.errors += errors
        if loaded.failed:
            report.failed_files += 1
            self.reporter.note(f"{loaded.path}: not compiled ({plural(errors, 'error')})")
            return
        blocked = result.checked.blocked
        skipped = [info.name for info in loaded.workouts if info.name in blocked]
        written = [self._fit(result, info) for info in loaded.workouts if info.name not in blocked] if fit else []
        report.workouts += len(written)
        views = self.run.plans.views.get(loaded.path, ())
        plan_files = self._plans(result) if fit and views else []
        if skipped:
            report.failed_files += 1
        if fit and summaries:
            line = f"{loaded.path}: {plural(len(written), 'workout')}" + (
                f" -> {', '.join(written)}" if written else ""
            )
            if plan_files:
                line += f"; {plural(len(views), 'plan')} -> {', '.join(plan_files)}"
            if skipped:
                line += "; not compiled: " + ", ".join(f'"{name}"' for name in skipped)
            self.reporter.outcome(line, failed=bool(skipped))

    def _fit(self, result: FileResult, info: WorkoutInfo) -> str:
        """Publish one workout's FIT file; returns how the summary names it."""
        name = f"{self.stems[(result.path, info.name)]}.fit"
        target = os.path.join(str(self.outdir), name)
        staged = result.encoded.staged(info.name) or self._restage(result, info.name, name)
        if staged:
            self.moves.append((staged, target))
        self.report.written.append(target)
        self.report.placed.setdefault(result.path, {})[info.name] = name
        return f"{target} ({plural(info.fit_steps, 'step')})"

    def _restage(self, result: FileResult, workout: str, name: str) -> str | None:
        """A reused workout's FIT file: None when the last run left it in place under the
        same name, else staged again from the kept bytes."""
        if (result.path, workout, name) in self.in_place:
            return None
        data = result.encoded.data(workout)
        assert data is not None, "a reused result keeps its FIT bytes"
        try:
            return stage(str(self.outdir), data, run_id())
        except OSError as error:
            raise io_error(f"cannot write into {self.outdir}", error) from None

    def _plans(self, result: FileResult) -> list[str]:
        """Each plan's schedule (FIT) and calendar (.ics); sessions whose workout has
        errors are left out. The schedule names each workout's FIT file by its
        time_created: its source's."""
        from ..emit.ics import plan_calendar
        from ..fit.encode import encode_schedule

        blocked = self._blocked
        written = []
        for index, view in enumerate(self.run.plans.views[result.path]):
            sessions = [
                (s.workout, datetime.combine(s.entry.day, s.entry.at or time()), time_created(s.workout.path))
                for s in view.sessions
                if s.workout is not None and (s.workout.path, s.workout.name) not in blocked
            ]
            left_out = sum(1 for s in view.sessions if s.workout is not None) - len(sessions)
            if not sessions and not left_out:
                continue  # only rest days: nothing to put on a calendar
            if left_out:
                self.reporter.note(
                    f'{result.path}: {plural(left_out, "session")} of "{view.plan.name}" left out of its schedule '
                    "(their workouts have errors)"
                )
            stem, created = self.stems[(result.path, index)], time_created(result.path)
            written.append(self._write(f"{stem}.schedule.fit", encode_schedule(view.plan.name, sessions, created)))
            written.append(self._write(f"{stem}.ics", plan_calendar(view.plan.name, view.sessions, created).encode()))
        return written

    @cached_property
    def _blocked(self) -> set[tuple[str, str]]:
        """Every workout of the run that has checker errors, by (path, name)."""
        return {(result.path, name) for result in self.run.files for name in result.checked.blocked}

    def _pages(self, *, with_fit: bool) -> None:
        from ..emit.html import PageSource, site

        sources = [
            PageSource(
                result.path,
                result.loaded.text,
                result.loaded.document,
                self.run.diagnostics_of(result),
                result.checked.blocked,
                self.run.plans.views.get(result.path, ()),
                self.run.finder.for_file(result.path).athlete,
            )
            for result in self.run.files
        ]
        for name, text in site(sources, self.stems, with_fit):
            self._write(name, readable(text).encode("utf-8"))

    def _write(self, name: str, data: bytes) -> str:
        path = self.outdir / name
        try:
            atomic_write(path, data)
        except OSError as error:
            raise io_error(f"{path}: cannot write", error) from None
        self.report.written.append(str(path))
        return str(path)

    def _note_shared_names(self) -> None:
        """Workouts in different files with one name get one serial number: the watch keeps one."""
        places: dict[str, list[str]] = {}
        for result in self.run.files:
            for info in result.loaded.workouts:
                places.setdefault(info.name.casefold(), []).append(f"{result.path}:{info.line}")
        for name, where in places.items():
            if len(where) > 1:
                self.reporter.note(
                    f'note: {len(where)} workouts are named "{name}" ({", ".join(where)}); a watch keeps only '
                    "one workout per name, so rename all but one"
                )
