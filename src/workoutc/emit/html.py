"""Model -> HTML pages: one per workout, one per plan, and an index of the run.

The pages are rendered from Jinja2 templates (src/workoutc/emit/templates/) with
autoescaping on and undefined variables as errors. This module turns the model into
plain view data (strings and numbers already formatted); the templates only lay it
out. Pages are self-contained: CSS inline, the chart as inline SVG, nothing fetched.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

import jinja2

from ..check.config import Athlete
from ..check.training import hr_percent, pace_per_km, power_percent, step_level, step_metres, step_seconds
from ..diagnostics import Diagnostic, Severity
from ..model import (
    Distance,
    Document,
    LapKey,
    Repeat,
    Step,
    Target,
    Time,
    UntilHeartRate,
    Workout,
    expanded_steps,
)
from ..units import format_clock

MILE = 1609.344
CHART_WIDTH, CHART_HEIGHT, CHART_TOP = 1000, 200, 5.5
OPEN_STEP_SECONDS = 120  # how wide an open-ended step is drawn when its length is unknown
DASH = "\u2013"


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


# ------------------------------------------------------------------ numbers in words


def duration_text(seconds: float, *, exact: bool = True) -> str:
    """`1 h 15 min`; totals (exact=False) of ten minutes or more round to the minute."""
    whole = round(seconds) if exact or seconds < 600 else round(seconds / 60) * 60
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{hours} h" if hours else "", f"{minutes} min" if minutes else "", f"{secs} s" if secs else ""]
    return " ".join(part for part in parts if part) or "0 s"


def distance_text(metres: float, imperial_first: bool) -> str:
    metric = f"{metres:,.0f} m" if metres < 1000 else f"{metres / 1000:,.2f}".rstrip("0").rstrip(".") + " km"
    imperial = f"{metres / MILE:,.2f}".rstrip("0").rstrip(".") + " mi"
    return _both(metric, imperial, imperial_first)


def _both(metric: str, imperial: str, imperial_first: bool) -> str:
    first, second = (imperial, metric) if imperial_first else (metric, imperial)
    return f"{first} \u00b7 {second}"


def _range(low: float, high: float, unit: str, digits: int = 0) -> str:
    low_text, high_text = f"{low:.{digits}f}", f"{high:.{digits}f}"
    return f"{low_text} {unit}" if low_text == high_text else f"{low_text}{DASH}{high_text} {unit}"


def _pace_range(fast: float, slow: float, per: str) -> str:
    if round(fast) == round(slow):
        return f"{format_clock(fast)} /{per}"
    return f"{format_clock(fast)}{DASH}{format_clock(slow)} /{per}"


def target_text(target: Target, athlete) -> str:
    """A target in the runner's units, with its equivalents when the profile allows."""
    imperial_first = athlete.units == "imperial"
    if target.metric == "pace":
        fast, slow = pace_per_km(target)
        per_mile = MILE / 1000
        return _both(_pace_range(fast, slow, "km"), _pace_range(fast * per_mile, slow * per_mile, "mi"), imperial_first)
    if target.metric == "hr":
        return _heart_rate_text(target, athlete)
    if target.metric == "power":
        label = "lap power" if target.lap else "power"
        if target.zone is not None:
            return f"{label} zone {target.zone}"
        parts = [_range(target.low, target.high, "W" if target.unit == "W" else "% FTP")]
        percent = power_percent(target, athlete)
        if target.unit == "W" and percent is not None:
            parts.append(_range(*percent, "% FTP"))
        elif target.unit == "%ftp" and athlete.ftp:
            parts.append(_range(target.low * athlete.ftp / 100, target.high * athlete.ftp / 100, "W"))
        return f"{label} " + " \u00b7 ".join(parts)
    spm = (target.low, target.high) if target.unit == "spm" else (target.low * 2, target.high * 2)
    return f"cadence {_range(*spm, 'spm')}"


def _heart_rate_text(target: Target, athlete) -> str:
    percent = hr_percent(target, athlete)
    parts = [f"zone {target.zone}"] if target.zone is not None else []
    if target.unit == "bpm":
        parts.append(_range(target.low, target.high, "bpm"))
        if percent is not None:
            parts.append(_range(*percent, "% max"))
    else:
        parts.append(_range(*percent, "% max"))
        if athlete.max_hr:
            parts.append(_range(percent[0] * athlete.max_hr / 100, percent[1] * athlete.max_hr / 100, "bpm"))
    return "HR " + " \u00b7 ".join(parts)


def step_duration_text(step: Step, athlete) -> str:
    duration = step.duration
    if isinstance(duration, Time):
        return duration_text(duration.seconds)
    if isinstance(duration, Distance):
        return distance_text(duration.metres, athlete.units == "imperial")
    if isinstance(duration, LapKey):
        return "until the lap key"
    assert isinstance(duration, UntilHeartRate)
    unit = "bpm" if duration.unit == "bpm" else "% max"
    return f"until HR {'>' if duration.above else '<'} {duration.value} {unit}"


# ------------------------------------------------------------------ workout pages


@dataclass
class Totals:
    seconds: float
    metres: float
    time_known: bool
    distance_known: bool

    def time_text(self) -> str:
        return ("" if self.time_known else "at least ") + duration_text(self.seconds, exact=False)

    def distance_text(self, imperial_first: bool) -> str:
        if not self.metres:
            return "unknown"
        return ("" if self.distance_known else "at least ") + distance_text(self.metres, imperial_first)


def totals(workout: Workout, athlete) -> Totals:
    seconds = metres = 0.0
    time_known = distance_known = True
    for step in expanded_steps(workout.steps):
        step_time, step_distance = step_seconds(step, athlete), step_metres(step, athlete)
        time_known &= step_time is not None
        distance_known &= step_distance is not None
        seconds += step_time or 0
        metres += step_distance or 0
    return Totals(seconds, metres, time_known, distance_known)


def zone_class(level: float) -> str:
    return f"z{max(1, zone_number(level))}"


def chart(workout: Workout, athlete) -> dict:
    """The intensity profile: one bar per expanded step, time across, level up."""
    steps = list(expanded_steps(workout.steps))
    widths = [step_seconds(step, athlete) for step in steps]
    total = sum(width or OPEN_STEP_SECONDS for width in widths) or 1
    scale = CHART_WIDTH / total
    bars, x = [], 0.0
    for step, seconds in zip(steps, widths, strict=True):
        width = (seconds or OPEN_STEP_SECONDS) * scale
        level = step_level(step, athlete)
        height = CHART_HEIGHT * min(level, CHART_TOP) / CHART_TOP
        bars.append(
            {
                "x": round(x, 2),
                "y": round(CHART_HEIGHT - height, 2),
                "width": round(max(width, 0.5), 2),
                "height": round(height, 2),
                "zone": zone_class(level),
                "open": seconds is None,
                "label": f"{step.intensity.value}: {step_duration_text(step, athlete)}"
                + "".join(f", {target_text(t, athlete)}" for t in step.targets),
            }
        )
        x += width
    return {"width": CHART_WIDTH, "height": CHART_HEIGHT, "bars": bars, "ticks": _ticks(total, scale)}


def _ticks(total: float, scale: float) -> list[dict]:
    for step_minutes in (1, 2, 5, 10, 15, 30, 60):
        if total / (step_minutes * 60) <= 10:
            break
    return [
        {"x": round(minute * 60 * scale, 2), "label": f"{minute}'"}
        for minute in range(0, int(total // 60) + 1, step_minutes)
    ]


def step_rows(nodes, athlete, depth: int = 0, counter: list | None = None) -> list[dict]:
    """The step table in written order: repeats as headers over their indented steps."""
    counter = counter if counter is not None else [0]
    rows = []
    for node in nodes:
        if isinstance(node, Repeat):
            if node.until is not None:
                label = f"repeat until HR {'>' if node.until.above else '<'} {node.until.value} " + (
                    "bpm" if node.until.unit == "bpm" else "% max"
                )
            else:
                label = f"{node.count} \u00d7 strides" if node.strides else f"repeat {node.count} \u00d7"
            if node.name:
                label += f" \u00b7 {node.name}"
            rows.append({"kind": "repeat", "depth": depth, "label": label})
            rows += step_rows(node.steps, athlete, depth + 1, counter)
            continue
        counter[0] += 1
        level = step_level(node, athlete)
        rows.append(
            {
                "kind": "step",
                "depth": depth,
                "number": counter[0],
                "label": (
                    "stride"
                    if node.stride and node.intensity.value == "active"
                    else "jog"
                    if node.stride
                    else _STEP_WORDS[node.intensity.value]
                )
                + (f" \u00b7 {node.name}" if node.name else ""),
                "duration": step_duration_text(node, athlete),
                "targets": [target_text(t, athlete) for t in node.targets],
                "notes": node.notes or "",
                "zone": zone_class(level),
            }
        )
    return rows


_STEP_WORDS = {"warmup": "warm-up", "active": "run", "recovery": "recover", "rest": "rest", "cooldown": "cool-down"}


def finding_rows(findings: list[Diagnostic]) -> list[dict]:
    return [
        {
            "severity": d.severity.value,
            "code": d.code,
            "rule": d.rule,
            "message": d.message,
            "hint": d.hint or "",
            "line": d.span.line,
        }
        for d in sorted(findings, key=lambda d: d.sort_key)
    ]


def source_lines(text: str, first: int, last: int) -> list[dict]:
    rows = text.split("\n")
    return [{"number": number, "text": rows[number - 1]} for number in range(first, min(last, len(rows)) + 1)]


def workout_page(
    workout: Workout,
    *,
    text: str,
    findings: list[Diagnostic],
    athlete,
    fit_name: str | None,
    index_name: str = "index.html",
) -> str:
    sums = totals(workout, athlete)
    return render(
        "workout.html",
        title=workout.name,
        workout=workout,
        kind=workout.kind or "workout",
        time=sums.time_text(),
        distance=sums.distance_text(athlete.units == "imperial"),
        chart=chart(workout, athlete),
        steps=step_rows(workout.steps, athlete),
        findings=finding_rows(findings),
        fit_name=fit_name,
        index_name=index_name,
        source=source_lines(text, workout.span.line, workout.span.end_line),
    )


def within(diagnostic: Diagnostic, first: int, last: int) -> bool:
    return first <= diagnostic.span.line <= last


# ------------------------------------------------------------------ plan pages

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def session_load(workout: Workout, athlete) -> float:
    """Zone-weighted minutes: a minute counts its step's zone (zone 1 = 1 ... zone 5 = 5;
    standing rest 0)."""
    load = 0.0
    for step in expanded_steps(workout.steps):
        seconds = step_seconds(step, athlete)
        if seconds:
            load += seconds / 60 * zone_number(step_level(step, athlete))
    return load


def zone_number(level: float) -> int:
    """The zone a level falls in, 1-5; below zone 1 (standing rest) is 0."""
    return 0 if level < 1 else min(5, int(level))


def day_class(sessions) -> str:
    if any(s.hard for s in sessions):
        return "hard"
    if any(s.workout is not None and not s.easy for s in sessions):
        return "moderate"
    if any(s.workout is not None for s in sessions):
        return "easy"
    return "rest"


def plan_page(
    view, *, text: str, findings: list[Diagnostic], athlete, pages: dict[int, str], index_name: str = "index.html"
) -> str:
    """`view` is a check.plans.PlanView; `pages` maps (source path, workout name) to its page."""
    imperial_first = athlete.units == "imperial"
    entry_days = {s.entry.span.line: s.start.date() for s in view.sessions}
    day_findings: dict = {}
    rows = finding_rows(findings)
    for row in rows:
        day = entry_days.get(row["line"])
        row["day"] = day.isoformat() if day else ""
        if day:
            day_findings[day] = day_findings.get(day, 0) + 1
    weeks = _calendar(view, athlete, pages, day_findings, imperial_first)
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
        index_name=index_name,
    )


def _calendar(view, athlete, pages, day_findings, imperial_first) -> list[dict]:
    weeks = view.weeks()
    loads = {}
    for session in view.sessions:
        if session.workout is not None:
            day = session.start.date()
            loads[day] = loads.get(day, 0.0) + session_load(session.workout, athlete)
    peak = max(loads.values(), default=0) or 1
    rows = []
    for week in weeks:
        by_day = {}
        for session in week.sessions:
            by_day.setdefault(session.start.date(), []).append(session)
        days = []
        for offset in range(7):
            day = week.monday.fromordinal(week.monday.toordinal() + offset)
            sessions = by_day.get(day, [])
            days.append(
                {
                    "date": day.isoformat(),
                    "label": f"{WEEKDAYS[offset]} {day.day} {day:%b}",
                    "planned": bool(sessions),
                    "class": day_class(sessions) if sessions else "none",
                    "sessions": [_session_cell(s, athlete, pages) for s in sessions],
                    "load": round(loads.get(day, 0)),
                    "load_percent": round(loads.get(day, 0) * 100 / peak),
                    "findings": day_findings.get(day, 0),
                }
            )
        metres = sum(totals(s.workout, athlete).metres for s in week.sessions if s.workout)
        rows.append(
            {
                "label": week.label,
                "days": days,
                "time": duration_text(week.seconds, exact=False),
                "distance": distance_text(metres, imperial_first) if metres else "unknown",
            }
        )
    return rows


def _session_cell(session, athlete, pages) -> dict:
    if session.workout is None:
        return {"name": "rest", "kind": "rest", "href": "", "time": "", "at": ""}
    workout = session.workout
    return {
        "name": workout.name,
        "kind": workout.kind or "workout",
        "href": pages.get((workout.path, workout.name), ""),
        "time": duration_text(session.seconds, exact=False) if session.seconds else "",
        "at": session.entry.at.strftime("%H:%M") if session.entry.at else "",
    }


# ------------------------------------------------------------------ index


@dataclass
class IndexEntry:
    name: str
    path: str
    kind: str
    page: str
    fit: str | None
    time: str
    distance: str
    findings: list[Diagnostic] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {s.value: sum(d.severity is s for d in self.findings) for s in Severity}


def index_page(workouts: list[IndexEntry], plans: list[IndexEntry], failed: list[tuple[str, int]]) -> str:
    return render("index.html", title="Workouts", workouts=workouts, plans=plans, failed=failed, index_name="")


# ------------------------------------------------------------------ a whole run


class PageSource(NamedTuple):
    """One input file as the pages need it."""

    path: str
    text: str | None
    document: Document | None  # None: the file has errors, and only the index lists it
    findings: Sequence[Diagnostic]  # everything found in the file
    blocked: frozenset[str]  # workouts with checker errors (they have no FIT file)
    views: Sequence  # a check.plans.PlanView per plan
    athlete: Athlete


def site(sources: Sequence[PageSource], stems: Mapping[tuple, str], with_fit: bool) -> list[tuple[str, str]]:
    """Every page of a run, in the order written: (file name, HTML), the index last.

    `stems` names each workout, by (path, name), and each plan, by (path, index)."""
    pages: list[tuple[str, str]] = []
    workouts, plans, failed = [], [], []
    links = {(s.path, info.name): f"{stems[(s.path, info.name)]}.html" for s in sources for info in _workouts(s)}
    for source in sources:
        if source.document is None:
            failed.append((source.path, sum(d.severity is Severity.ERROR for d in source.findings)))
            continue
        for workout in source.document.all_workouts():
            stem = stems[(source.path, workout.name)]
            fit_name = f"{stem}.fit" if with_fit and workout.name not in source.blocked else None
            entry, page = _workout_entry(source, workout, f"{stem}.html", fit_name)
            pages.append((entry.page, page))
            workouts.append(entry)
        for index, view in enumerate(source.views):
            entry, page = _plan_entry(source, view, f"{stems[(source.path, index)]}.html", links)
            pages.append((entry.page, page))
            plans.append(entry)
    pages.append(("index.html", index_page(workouts, plans, failed)))
    return pages


def _workouts(source: PageSource) -> list[Workout]:
    return source.document.all_workouts() if source.document else []


def _findings_within(source: PageSource, span) -> list[Diagnostic]:
    return [d for d in source.findings if within(d, span.line, span.end_line)]


def _workout_entry(source: PageSource, workout: Workout, page: str, fit_name: str | None) -> tuple[IndexEntry, str]:
    athlete, mine = source.athlete, _findings_within(source, workout.span)
    assert source.text is not None
    html = workout_page(workout, text=source.text, findings=mine, athlete=athlete, fit_name=fit_name)
    sums = totals(workout, athlete)
    kind = workout.kind or "workout"
    imperial = athlete.units == "imperial"
    entry = IndexEntry(
        workout.name, source.path, kind, page, fit_name, sums.time_text(), sums.distance_text(imperial), mine
    )
    return entry, html


def _plan_entry(source: PageSource, view, page: str, links: dict) -> tuple[IndexEntry, str]:
    athlete, plan = source.athlete, view.plan
    mine = _findings_within(source, plan.span)
    assert source.text is not None
    html = plan_page(view, text=source.text, findings=mine, athlete=athlete, pages=links)
    dates = f"{view.sessions[0].start:%Y-%m-%d} to {view.sessions[-1].start:%Y-%m-%d}" if view.sessions else ""
    metres = sum(totals(s.workout, athlete).metres for s in view.sessions if s.workout)
    time = duration_text(sum(s.seconds for s in view.sessions), exact=False)
    distance = distance_text(metres, athlete.units == "imperial") if metres else "unknown"
    return IndexEntry(plan.name, source.path, dates, page, None, time, distance, mine), html
