"""Model -> the plain data the page templates lay out: totals, the intensity chart,
the step table, findings, source lines and the plan calendar, every string and
number already formatted."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..check.load import session_load, step_level, zone_number
from ..check.training import MODERATE, per_workout, step_metres, step_seconds
from ..diagnostics import Diagnostic
from ..model import Repeat, Workout, expanded_steps
from .words import distance_words, duration_words, heart_rate_condition, step_duration_words, step_word, target_words

# The chart is drawn in percentages of its box, not in a viewBox: the box stretches to
# the page's width while its height and the labels' font size stay in CSS pixels, so
# the time labels read the same on a phone as on a desktop (a viewBox would shrink them).
CHART_TOP = 5.5  # the level at the top of the chart
BARS_TOP, BARS_BOTTOM = 2, 88  # % of the height the bars span; the time labels sit below
LAST_TICK = 95  # % across beyond which a time label, centred on its minute, would run off the chart
OPEN_STEP_SECONDS = 120  # how wide an open-ended step is drawn when its length is unknown
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass
class Totals:
    seconds: float
    metres: float
    time_known: bool
    distance_known: bool

    def time_text(self) -> str:
        return ("" if self.time_known else "at least ") + duration_words(self.seconds, exact=False)

    def distance_words(self, imperial_first: bool) -> str:
        if not self.metres:
            return "unknown"
        return ("" if self.distance_known else "at least ") + distance_words(self.metres, imperial_first)


@per_workout  # a plan's calendar asks once per entry
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
    """The intensity profile: one bar per expanded step, time across, level up, every
    coordinate a percentage of the chart's box."""
    steps = list(expanded_steps(workout.steps))
    widths = [step_seconds(step, athlete) for step in steps]
    total = sum(width or OPEN_STEP_SECONDS for width in widths) or 1
    scale = 100 / total
    bars, x = [], 0.0
    for step, seconds in zip(steps, widths, strict=True):
        width = (seconds or OPEN_STEP_SECONDS) * scale
        level = step_level(step, athlete)
        height = (BARS_BOTTOM - BARS_TOP) * min(level, CHART_TOP) / CHART_TOP
        bars.append(
            {
                "x": round(x, 3),
                "y": round(BARS_BOTTOM - height, 3),
                "width": round(max(width, 0.05), 3),
                "height": round(height, 3),
                "zone": zone_class(level),
                "open": seconds is None,
                "label": f"{step.intensity.value}: {step_duration_words(step, athlete)}"
                + "".join(f", {target_words(t, athlete)}" for t in step.targets),
            }
        )
        x += width
    return {"axis": BARS_BOTTOM, "bars": bars, "ticks": _ticks(total, scale)}


def _ticks(total: float, scale: float) -> list[dict]:
    for step_minutes in (1, 2, 5, 10, 15, 30, 60):
        if total / (step_minutes * 60) <= 10:
            break
    places = ((minute, round(minute * 60 * scale, 3)) for minute in range(0, int(total // 60) + 1, step_minutes))
    return [{"x": x, "label": f"{minute}'"} for minute, x in places if x <= LAST_TICK]


def step_rows(nodes, athlete, depth: int = 0, counter: list | None = None) -> list[dict]:
    """The step table in written order: repeats as headers over their indented steps."""
    counter = counter if counter is not None else [0]
    rows = []
    for node in nodes:
        if isinstance(node, Repeat):
            if node.until is not None:
                label = f"repeat until {heart_rate_condition(node.until)}"
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
                "label": step_word(node) + (f" \u00b7 {node.name}" if node.name else ""),
                "duration": step_duration_words(node, athlete),
                "targets": [target_words(t, athlete) for t in node.targets],
                "notes": node.notes or "",
                "zone": zone_class(level),
            }
        )
    return rows


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


def source_lines(text: str | Sequence[str], first: int, last: int) -> list[dict]:
    """Lines `first` to `last` of a source; `text` may come split into lines already, so
    a file of many workouts is split once rather than once per page."""
    rows = text.split("\n") if isinstance(text, str) else text
    return [{"number": number, "text": rows[number - 1]} for number in range(first, min(last, len(rows)) + 1)]


# ------------------------------------------------------------------ plan calendars


def day_class(sessions) -> str:
    """The day's colour by its sessions' effective intensity (long runs are hard days)."""
    if any(s.hard for s in sessions):
        return "hard"
    if any(s.workout is not None and s.intensity.level >= MODERATE for s in sessions):
        return "moderate"
    if any(s.workout is not None for s in sessions):
        return "easy"
    return "rest"


def calendar(view, athlete, pages, day_findings, imperial_first) -> list[dict]:
    weeks = view.weeks()
    loads: dict = {}
    for session in view.sessions:
        if session.workout is not None:
            day = session.start.date()
            loads[day] = loads.get(day, 0.0) + session_load(session.workout, athlete)
    peak = max(loads.values(), default=0) or 1
    rows = []
    for week in weeks:
        by_day: dict = {}
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
                "time": duration_words(week.seconds, exact=False),
                "distance": distance_words(metres, imperial_first) if metres else "unknown",
            }
        )
    return rows


def _session_cell(session, athlete, pages) -> dict:
    if session.workout is None:
        return {"name": "rest", "kind": "rest", "effort": "rest", "href": "", "time": "", "at": ""}
    workout = session.workout
    return {
        "name": workout.name,
        "kind": workout.kind or "workout",
        "effort": f"the long run: {session.intensity.why}" if session.long else session.intensity.why,
        "href": pages.get((workout.path, workout.name), ""),
        "time": duration_words(session.seconds, exact=False) if session.seconds else "",
        "at": session.entry.at.strftime("%H:%M") if session.entry.at else "",
    }
