"""Publishing a run's outputs into a folder: FIT files renamed into place, each plan's
schedule and calendar, the HTML pages; and a line per file saying what was made.

Every workout and plan gets its file name here, claimed in input order whatever is
written, so a name never depends on which other outputs a run makes. A file with any
error writes nothing, nor does a plan naming a workout with errors; with the folder's
ledger, what workoutc wrote earlier for workouts now gone or refused is removed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime, time
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ..language.source import WorkoutInfo, reserved_names
from ..names import NameRegistry, readable, slugify
from ..reporter import Reporter, io_error, plural
from .ledger import Owned, file_state, real_source, remove_stale, sort_out, write_ledger
from .outputs import atomic_write, publish_staged, release_folder, remove_own_temporaries, run_id, stage
from .stages import FileResult, Run, error_count, prepare_output, time_created

if TYPE_CHECKING:
    from ..check.plans import PlanView
    from ..emit.html import IndexEntry

INDEX_STEM = "index"
INDEX_PAGE = f"{INDEX_STEM}.html"


@dataclass
class Report:
    """What a publish did, for the summary, the exit status and the compile cache."""

    written: list[str] = field(default_factory=list)
    placed: dict[str, dict[str, str]] = field(default_factory=dict)  # source -> workout -> FIT file name
    failed_files: int = 0  # files with errors: they wrote nothing
    failed_plans: int = 0  # plans naming workouts with errors: no schedule, calendar or page
    errors: int = 0
    workouts: int = 0
    removed: list[str] = field(default_factory=list)  # earlier outputs of workouts now gone or refused
    changed: list[str] = field(default_factory=list)  # such outputs changed since, so left alone

    def skipped(self) -> str:
        """What was not compiled, for the summary: `; not compiled: 1 file with errors`."""
        parts = [plural(self.failed_files, "file") + " with errors"] if self.failed_files else []
        if self.failed_plans:
            parts.append(plural(self.failed_plans, "plan") + " naming workouts with errors")
        return f"; not compiled: {', '.join(parts)}" if parts else ""


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
    earlier: dict[str, Owned] | None = None,
    keep_stale: bool = False,
) -> Report:
    """Rename each workout's FIT file (staged by run_stages(output=outdir)) into place,
    write the plans' schedules and calendars and with `pages` the HTML pages, into
    `outdir`; `summaries` reports a line per file. A file with any error writes
    nothing, nor does a plan naming a workout with errors. `in_place` holds the (path,
    workout, file name) of FIT files a reused result left in place last time.

    With `earlier` (the folder's ledger), the files workoutc wrote there before for
    workouts now gone or refused are removed (unless `keep_stale`), the index lists
    every page the ledger knows, and the ledger is written anew. A failure part-way
    leaves no staged file behind."""
    if run.output != outdir:
        prepare_output(outdir)
    try:
        publisher = _Publisher(run, outdir, reporter, in_place, earlier)
        return publisher.publish(fit=fit, pages=pages, summaries=summaries, keep_stale=keep_stale)
    finally:
        remove_own_temporaries(outdir, run_id())  # staged files of files with errors, or of a failed run
        release_folder(outdir)


class _Publisher:
    """One publish: the names claimed for the run, what is written, and the renames still to do."""

    def __init__(self, run: Run, outdir: Path, reporter: Reporter, in_place: frozenset, earlier):
        self.run, self.outdir, self.reporter, self.in_place = run, outdir, reporter, in_place
        self.earlier: dict[str, Owned] | None = earlier
        self.stems = assign_stems(run)
        self.report = Report()
        self.moves: list[tuple[str, str | Path]] = []  # staged FIT file -> its name, renamed together at the end
        self.origins: dict[str, tuple[str, dict | None]] = {}  # file name -> (source, index row) for the ledger
        self.entries: list[IndexEntry] = []  # this run's rows in index.html
        self.failed: list[tuple[str, int]] = []  # this run's files with errors, for index.html
        self._plan_checked: dict[str, list[tuple[int, PlanView]]] = {}

    def publish(self, *, fit: bool, pages: bool, summaries: bool, keep_stale: bool) -> Report:
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
        kept = self._tidy(fit=fit, pages=pages, keep_stale=keep_stale)
        if pages:
            self._write_index(kept)
            self.reporter.result(f"pages: {self.outdir / INDEX_PAGE}")
        if self.earlier is not None:
            write_ledger(self.outdir, {**kept, **self._owned()})
        return self.report

    def _file(self, result: FileResult, *, fit: bool, summaries: bool) -> None:
        loaded, report = result.loaded, self.report
        diagnostics = self.run.diagnostics_of(result)
        for diagnostic in diagnostics:
            self.reporter.diagnostic(diagnostic, loaded.text)
        errors = error_count(diagnostics)
        report.errors += errors
        if errors:
            report.failed_files += 1
            kept = (
                "; its earlier outputs are kept until it compiles"
                if loaded.failed and self._made_before(result)
                else ""
            )
            self.reporter.note(f"{loaded.path}: not compiled ({plural(errors, 'error')}){kept}")
            return
        left_out = self._sessions_left_out(result)
        written = [self._fit(result, info) for info in loaded.workouts if info.name not in left_out] if fit else []
        report.workouts += len(written)
        plan_files = self._plans(result) if fit else []
        if fit and summaries:
            line = f"{loaded.path}: {plural(len(written), 'workout')}" + (
                f" -> {', '.join(written)}" if written else ""
            )
            if plan_files:
                count = len(self._plans_written(result))
                line += f"; {plural(count, 'plan')} -> {', '.join(plan_files)}"
            self.reporter.result(line)

    def _made_before(self, result: FileResult) -> bool:
        """Whether the ledger knows outputs of this file (which a file with syntax or
        meaning errors keeps, as the run cannot tell what it holds)."""
        source = real_source(result.path)
        return any(owned.source == source for owned in (self.earlier or {}).values())

    def _fit(self, result: FileResult, info: WorkoutInfo) -> str:
        """Publish one workout's FIT file; returns how the summary names it."""
        name = f"{self.stems[(result.path, info.name)]}.fit"
        target = os.path.join(str(self.outdir), name)
        staged = result.encoded.staged(info.name) or self._restage(result, info.name, name)
        if staged:
            self.moves.append((staged, target))
        self._wrote(name, result.path)
        self.report.placed.setdefault(result.path, {})[info.name] = name
        return f"{target} ({plural(info.fit_steps, 'step')})"

    def _wrote(self, name: str, source: str, row: dict | None = None) -> str:
        path = str(self.outdir / name)
        self.report.written.append(path)
        self.origins[name] = (source, row)
        return path

    def _owned(self) -> dict[str, Owned]:
        """What this run wrote, as the ledger keeps it."""
        owned = {}
        for name, (source, row) in self.origins.items():
            state = file_state(self.outdir / name)
            if state is not None:
                owned[name] = Owned(state, real_source(source) if source else "", row)
        return owned

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

    def _plans_written(self, result: FileResult) -> list[tuple[int, PlanView]]:
        """The file's plans that name no workout with errors, with their place in the file;
        the others are reported once, here."""
        if result.path in self._plan_checked:
            return self._plan_checked[result.path]
        chosen = []
        views = self.run.plans.views.get(result.path, ())
        for index, view in enumerate(views):
            refused = sorted({s.workout.name for s in view.sessions if s.workout and self._refused(s.workout)})
            if refused:
                self.report.failed_plans += 1
                named = ", ".join(f'"{name}"' for name in refused)
                self.reporter.note(
                    f'{result.path}: plan "{view.plan.name}" not compiled: it names {named}, '
                    f"which {'has' if len(refused) == 1 else 'have'} errors"
                )
            else:
                chosen.append((index, view))
        self._plan_checked[result.path] = chosen
        return chosen

    def _sessions_left_out(self, result: FileResult) -> frozenset[str]:
        """The one-line sessions of the file's plans that are not compiled: they go with their plan."""
        chosen = {index for index, _ in self._plans_written(result)}
        views = self.run.plans.views.get(result.path, ())
        return frozenset(
            entry.workout.name
            for index, view in enumerate(views)
            if index not in chosen
            for entry in view.plan.entries
            if entry.workout is not None
        )

    def _refused(self, workout) -> bool:
        return workout.path in self._failed_paths

    @cached_property
    def _failed_paths(self) -> set[str]:
        """The files with errors, which write nothing."""
        return {result.path for result in self.run.files if error_count(self.run.diagnostics_of(result))}

    def _plans(self, result: FileResult) -> list[str]:
        """Each plan's schedule (FIT) and calendar (.ics). The schedule names each
        workout's FIT file by its time_created: its source's."""
        from ..emit.ics import plan_calendar
        from ..fit.encode import encode_schedule

        written = []
        for index, view in self._plans_written(result):
            sessions = [
                (s.workout, datetime.combine(s.entry.day, s.entry.at or time()), time_created(s.workout.path))
                for s in view.sessions
                if s.workout is not None
            ]
            if not sessions:
                continue  # only rest days: nothing to put on a calendar
            stem, created = self.stems[(result.path, index)], time_created(result.path)
            schedule = encode_schedule(view.plan.name, sessions, created)
            written.append(self._write(f"{stem}.schedule.fit", schedule, result.path))
            calendar = plan_calendar(view.plan.name, view.sessions, created).encode()
            written.append(self._write(f"{stem}.ics", calendar, result.path))
        return written

    def _pages(self, *, with_fit: bool) -> None:
        from ..emit.html import PageSource, site

        failed = self._failed_paths
        sources = [
            PageSource(
                result.path,
                result.loaded.text,
                None if result.path in failed else result.loaded.document,
                self.run.diagnostics_of(result),
                self._plans_written(result) if result.path not in failed else [],
                self._sessions_left_out(result) if result.path not in failed else frozenset(),
                self.run.finder.for_file(result.path).athlete,
            )
            for result in self.run.files
        ]
        pages, self.entries, self.failed = site(sources, self.stems, with_fit)
        for (name, text), entry in zip(pages, self.entries, strict=True):
            self._write(name, readable(text).encode("utf-8"), entry.path, entry.row())

    def _tidy(self, *, fit: bool, pages: bool, keep_stale: bool) -> dict[str, Owned]:
        """Remove what workoutc wrote earlier for workouts now gone or refused; returns the
        earlier files that stay workoutc's."""
        if self.earlier is None:
            return {}

        def made_now(name: str) -> bool:  # a kind of output this run makes
            return pages if name.endswith(".html") else fit

        earlier = {name: owned for name, owned in self.earlier.items() if made_now(name)}
        read = {real_source(r.path) for r in self.run.files if not r.loaded.failed}
        unreadable = {real_source(r.path) for r in self.run.files if r.loaded.failed}
        tidy = sort_out(self.outdir, earlier, self.origins, read, unreadable)
        kept = {name: owned for name, owned in self.earlier.items() if not made_now(name)} | tidy.kept
        if keep_stale:
            kept |= {name: self.earlier[name] for name in tidy.stale}
        else:
            self.report.removed = remove_stale(self.outdir, tidy.stale)
        self.report.changed = tidy.changed
        return kept

    def _write_index(self, kept: dict[str, Owned]) -> None:
        from ..emit.html import IndexEntry, index_page

        earlier = [IndexEntry.from_row(owned.row) for owned in kept.values() if owned.row]
        # By source path, each file's pages in their order there (the ledger keeps it),
        # whichever files this run compiled.
        entries = sorted([*self.entries, *filter(None, earlier)], key=lambda entry: entry.path)
        text = index_page(entries, self.failed)
        self._write(INDEX_PAGE, readable(text).encode("utf-8"), "")

    def _write(self, name: str, data: bytes, source: str, row: dict | None = None) -> str:
        path = self.outdir / name
        try:
            atomic_write(path, data)
        except OSError as error:
            raise io_error(f"{path}: cannot write", error) from None
        return self._wrote(name, source, row)

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
