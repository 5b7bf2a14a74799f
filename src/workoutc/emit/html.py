"""Model -> HTML pages: one per workout, one per plan, and an index of the run.

The pages are rendered from Jinja2 templates (src/workoutc/emit/templates/) with
autoescaping on and undefined variables as errors. emit/view.py turns the model into
plain view data (strings and numbers already formatted, in the words of emit/words.py);
the templates only lay it out. Pages are self-contained: CSS inline, the chart as
inline SVG, nothing fetched.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from functools import cache
from typing import NamedTuple

import jinja2

from ..check.config import Athlete
from ..check.plans import PlanView
from ..check.training import remembered
from ..diagnostics import Diagnostic, Severity
from ..model import FOOT_SPORTS, Document, Workout
from .sports import header_words, kind_words, pool_words
from .view import (
    WEEKDAYS,
    calendar,
    chart,
    finding_rows,
    foot_metres,
    has_chart,
    set_count,
    source_lines,
    step_rows,
    totals,
    watch_counts,
)
from .words import distance_words, duration_words


@cache
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("workoutc.emit", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(template: str, **context) -> str:
    return environment().get_template(template).render(**context)


# ------------------------------------------------------------------ pages


def workout_page(
    workout: Workout,
    *,
    text: str | Sequence[str],
    findings: list[Diagnostic],
    athlete,
    fit_name: str | None,
    index_name: str = "index.html",
) -> str:
    sums = totals(workout, athlete)
    steps, repeats = watch_counts(workout.steps)
    return render(
        "workout.html",
        title=workout.name,
        workout=workout,
        kind=kind_words(workout),
        sport=header_words(workout),
        facts=facts(workout, sums, athlete),
        watch={"steps": steps, "repeats": repeats},
        chart=chart(workout, athlete) if has_chart(workout) else None,
        steps=step_rows(workout.steps, athlete, workout),
        findings=finding_rows(findings),
        fit_name=fit_name,
        athlete_name=athlete.name,
        index_name=index_name,
        source=source_lines(text, workout.span.line, workout.span.end_line),
    )


def facts(workout: Workout, sums, athlete) -> list[tuple[str, str]]:
    """The page's headline numbers, by sport: time and distance (a swim's in its pool's
    unit, with the pool), or a strength session's sets."""
    shown = [("Time", sums.time_text())]
    if workout.sport == "training":
        sets = set_count(workout.steps)
        return [*shown, ("Sets", str(sets))] if sets else shown
    if sums.metres or workout.sport in FOOT_SPORTS:  # an indoor ride's unknown distance is no news
        shown.append(("Distance", sums.distance_words(athlete.units == "imperial")))
    if workout.pool is not None:
        shown.append(("Pool", pool_words(workout).removesuffix(" pool")))
    return shown


def plan_page(
    view,
    *,
    text: str | Sequence[str],
    findings: list[Diagnostic],
    athlete,
    pages: dict[int, str],
    index_name: str = "index.html",
) -> str:
    """`view` is a check.plans.PlanView; `pages` maps (source path, workout name) to its page.
    `text` is the source, or its lines (see view.source_lines)."""
    imperial_first = athlete.units == "imperial"
    entry_days = {s.entry.span.line: s.start.date() for s in view.sessions}
    day_findings: dict = {}
    rows = finding_rows(findings)
    for row in rows:
        day = entry_days.get(row["line"])
        row["day"] = day.isoformat() if day else ""
        if day:
            day_findings[day] = day_findings.get(day, 0) + 1
    weeks = calendar(view, athlete, pages, day_findings, imperial_first)
    first, last = (view.sessions[0].start.date(), view.sessions[-1].start.date()) if view.sessions else (None, None)
    return render(
        "plan.html",
        title=view.plan.name,
        plan=view.plan,
        weeks=weeks,
        weekdays=WEEKDAYS,
        findings=rows,
        first=first.isoformat() if first else "",
        last=last.isoformat() if last else "",
        source=source_lines(text, view.plan.span.line, view.plan.span.end_line),
        athlete_name=athlete.name,
        index_name=index_name,
    )


# ------------------------------------------------------------------ index


@dataclass(frozen=True)
class IndexEntry:
    """A page's row in index.html; the output folder's ledger keeps it as a `row`."""

    name: str
    path: str
    kind: str  # a workout's kind, a plan's dates
    page: str
    fit: str | None
    time: str
    distance: str
    counts: dict[str, int] = field(default_factory=dict)  # findings by severity
    plan: bool = False

    def counting(self, findings: Sequence[Diagnostic]) -> IndexEntry:
        """The entry with its findings counted by severity."""
        counts = {s.value: sum(d.severity is s for d in findings) for s in Severity}
        return replace(self, counts={severity: n for severity, n in counts.items() if n})

    def row(self) -> dict:
        return asdict(self)

    @classmethod
    def from_row(cls, row: dict) -> IndexEntry | None:
        """The entry a ledger kept, or None if it is not one."""
        try:
            entry = cls(**row)
        except TypeError:
            return None
        return entry if all(isinstance(value, str) for value in (entry.name, entry.path, entry.page)) else None


def index_page(entries: Sequence[IndexEntry], failed: Sequence[tuple[str, int]]) -> str:
    workouts = [entry for entry in entries if not entry.plan]
    plans = [entry for entry in entries if entry.plan]
    return render("index.html", title="Workouts", workouts=workouts, plans=plans, failed=failed, index_name="")


# ------------------------------------------------------------------ a whole run


class PageSource(NamedTuple):
    """One input file as the pages need it."""

    path: str
    text: str | None
    document: Document | None  # None: the file has errors, and only the index lists it
    findings: Sequence[Diagnostic]  # everything found in the file
    views: Sequence[tuple[int, PlanView]]  # the plans to page, by their place in the file
    left_out: frozenset[str]  # workouts not to page: the one-line sessions of plans not compiled
    athlete: Athlete


class Site(NamedTuple):
    """A run's pages (file name, HTML), each page's row in the index, and the files
    with errors (path, how many), which have no page."""

    pages: list[tuple[str, str]]
    entries: list[IndexEntry]
    failed: list[tuple[str, int]]


def site(sources: Sequence[PageSource], stems: Mapping[tuple, str], with_fit: bool) -> Site:
    """Every page of a run but the index, in the order written.

    `stems` names each workout, by (path, name), and each plan, by (path, index).
    A file's text is split and its findings indexed once, not once per page, and a
    workout's totals are worked out once however many plans name it."""
    made = Site([], [], [])
    links = {(s.path, info.name): f"{stems[(s.path, info.name)]}.html" for s in sources for info in _workouts(s)}
    with remembered():
        for source in sources:
            if source.document is None:
                made.failed.append((source.path, sum(d.severity is Severity.ERROR for d in source.findings)))
                continue
            assert source.text is not None
            lines, findings = source.text.split("\n"), _Findings(source.findings)
            for workout in source.document.all_workouts():
                if workout.name in source.left_out:
                    continue
                stem = stems[(source.path, workout.name)]
                fit_name = f"{stem}.fit" if with_fit else None
                entry, page = _workout_entry(source, lines, findings, workout, f"{stem}.html", fit_name)
                made.pages.append((entry.page, page))
                made.entries.append(entry)
            for index, view in source.views:
                entry, page = _plan_entry(source, lines, findings, view, f"{stems[(source.path, index)]}.html", links)
                made.pages.append((entry.page, page))
                made.entries.append(entry)
    return made


def _workouts(source: PageSource) -> list[Workout]:
    return source.document.all_workouts() if source.document else []


class _Findings:
    """A file's findings by line: each page bisects for its own lines instead of
    filtering the whole file's list."""

    def __init__(self, findings: Sequence[Diagnostic]):
        self._findings = list(findings)
        self._order = sorted(range(len(self._findings)), key=lambda index: self._findings[index].span.line)
        self._lines = [self._findings[index].span.line for index in self._order]

    def within(self, span) -> list[Diagnostic]:
        """The findings on lines `span.line` to `span.end_line`, in the file's order."""
        chosen = self._order[bisect_left(self._lines, span.line) : bisect_right(self._lines, span.end_line)]
        return [self._findings[index] for index in sorted(chosen)]


def _workout_entry(
    source: PageSource, lines: list[str], findings: _Findings, workout: Workout, page: str, fit_name: str | None
) -> tuple[IndexEntry, str]:
    athlete, mine = source.athlete, findings.within(workout.span)
    html = workout_page(workout, text=lines, findings=mine, athlete=athlete, fit_name=fit_name)
    sums = totals(workout, athlete)
    kind = kind_words(workout)
    imperial = athlete.units == "imperial"
    entry = IndexEntry(workout.name, source.path, kind, page, fit_name, sums.time_text(), sums.distance_words(imperial))
    return entry.counting(mine), html


def _plan_entry(
    source: PageSource, lines: list[str], findings: _Findings, view, page: str, links: dict
) -> tuple[IndexEntry, str]:
    athlete, plan = source.athlete, view.plan
    mine = findings.within(plan.span)
    html = plan_page(view, text=lines, findings=mine, athlete=athlete, pages=links)
    dates = f"{view.sessions[0].start:%Y-%m-%d} to {view.sessions[-1].start:%Y-%m-%d}" if view.sessions else ""
    metres = foot_metres(view.sessions, athlete)
    time = duration_words(sum(s.seconds for s in view.sessions), exact=False)
    distance = distance_words(metres, athlete.units == "imperial") if metres else "unknown"
    entry = IndexEntry(plan.name, source.path, dates, page, None, time, distance, plan=True)
    return entry.counting(mine), html
