"""Model -> the plain data the page templates lay out: totals, the intensity chart,
the step table, findings, source lines and the plan calendar, every string and
number already formatted."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..check.load import session_load
from ..check.training import MODERATE, per_workout
from ..diagnostics import Diagnostic
from ..model import FOOT_SPORTS, Distance, Intensity, Pool, Repeat, SendOff, Step, Workout, set_parts
from .chart import LAST_TICK, chart, has_chart, level, zone_class
from .estimates import estimates
from .sports import kind_words, step_word
from .words import (
    distance_words,
    duration_words,
    repeat_until_words,
    step_duration_words,
    swim_distance_words,
    target_words,
)

__all__ = ["LAST_TICK", "chart", "has_chart"]

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
NON_DISTANCE_SPORTS = ("training",)  # whose distance is not worth a word
UNTARGETED_SPORTS = ("swimming", "training")  # whose steps without a target are not "open" running


@dataclass
class Totals:
    seconds: float
    metres: float
    time_known: bool
    distance_known: bool
    sport: str = "running"
    pool: Pool | None = None

    def time_text(self) -> str:
        return ("" if self.time_known else "at least ") + duration_words(self.seconds, exact=False)

    def distance_words(self, imperial_first: bool) -> str:
        """The distance in the sport's terms (a swim's in its pool's unit); `unknown`
        when nothing could be told, a dash for a strength session."""
        if self.sport in NON_DISTANCE_SPORTS:
            return "\u2014"
        if not self.metres:
            return "unknown"
        if self.sport == "swimming":
            shown = swim_distance_words(self.metres, self.pool)
        else:
            shown = distance_words(self.metres, imperial_first)
        return ("" if self.distance_known else "at least ") + shown


@per_workout  # a plan's calendar asks once per entry
def totals(workout: Workout, athlete) -> Totals:
    """The workout's time and distance, estimated step by step in its sport's terms."""
    seconds = metres = 0.0
    time_known = distance_known = True
    for _, step_time, step_distance in estimates(workout, athlete):
        time_known &= step_time is not None
        distance_known &= step_distance is not None
        seconds += step_time or 0
        metres += step_distance or 0
    return Totals(seconds, metres, time_known, distance_known, workout.sport, workout.pool)


def watch_counts(nodes) -> tuple[int, int]:
    """(steps, repeats) as the compile line counts the workout_step messages."""
    steps = repeats = 0
    for node in nodes:
        if isinstance(node, Repeat):
            inner = watch_counts(node.steps)
            steps, repeats = steps + inner[0], repeats + inner[1] + 1
        else:
            steps += 1
    return steps, repeats


def set_count(nodes) -> int:
    """How many sets a strength session holds: each exercise step times its repeats."""
    found = 0
    for node in nodes:
        if isinstance(node, Repeat):
            found += node.passes * set_count(node.steps)
        elif node.exercise is not None:
            found += 1
    return found


def step_rows(nodes, athlete, workout: Workout, depth: int = 0, counter: list | None = None) -> list[dict]:
    """The step table in written order: repeats as headers over their indented steps, and
    a line of sets (`10x100m free on 1:45`, `squat 3x10 @ 60kg rest 90s`) as one row."""
    counter = counter if counter is not None else [0]
    rows = []
    for node in nodes:
        if isinstance(node, Repeat) and _one_row(node, workout):
            counter[0] += 1
            rows.append(_set_row(node, athlete, workout, depth, counter[0]))
            counter[0] += len(node.steps) - 1  # numbers stay the watch's: the rest is a step too
        elif isinstance(node, Repeat):
            rows.append({"kind": "repeat", "depth": depth, "label": _repeat_label(node, athlete, workout)})
            rows += step_rows(node.steps, athlete, workout, depth + 1, counter)
        else:
            counter[0] += 1
            rows.append(_step_row(node, athlete, workout, depth, counter[0]))
    return rows


def _one_row(node: Repeat, workout: Workout) -> bool:
    """Sets of an exercise and a swim's repeats read as one row; a runner's or rider's
    intervals keep their block, each step as the watch shows it."""
    parts = set_parts(node)
    return parts is not None and (parts[0].exercise is not None or workout.sport == "swimming")


def _repeat_label(node: Repeat, athlete, workout: Workout) -> str:
    if node.until is not None:
        label = f"repeat {repeat_until_words(node.until, athlete, workout.sport, workout.pool)}"
    else:
        label = f"{node.count} \u00d7 strides" if node.strides else f"repeat {node.count} \u00d7"
    return label + (f" \u00b7 {node.name}" if node.name else "")


def _step_row(step: Step, athlete, workout: Workout, depth: int, number: int) -> dict:
    return {
        "kind": "step",
        "depth": depth,
        "number": number,
        "label": step_word(step, workout.sport) + (f" \u00b7 {step.name}" if step.name else ""),
        "duration": step_duration_words(step, athlete, workout.sport, workout.pool),
        "targets": [target_words(t, athlete, workout.sport) for t in step.targets],
        "rest": "",
        "open": "" if workout.sport in UNTARGETED_SPORTS else "open",
        "notes": step.notes or "",
        "zone": zone_class(level(step, athlete)),
    }


def _set_row(node: Repeat, athlete, workout: Workout, depth: int, number: int) -> dict:
    """`squat` over `3 × 10 reps @ 60 kg`, `rest 1 min 30 s`; `swim · freestyle` over
    `10 × 100 m`, `send-off 1:45`."""
    work = node.steps[0]
    assert isinstance(work, Step)
    row = _step_row(work, athlete, workout, depth, number)
    if isinstance(work.duration, Distance) and workout.sport == "swimming":  # `10 × 100 m`, lengths aside
        row["duration"] = swim_distance_words(work.duration.metres, workout.pool)
    row["duration"] = f"{node.count} \u00d7 {row['duration']}"
    if len(node.steps) == 2:
        rest = node.steps[1]
        assert isinstance(rest, Step)
        amount = step_duration_words(rest, athlete, workout.sport, workout.pool)
        word = "recover" if rest.intensity == Intensity.RECOVERY else "rest"
        row["rest"] = amount if isinstance(rest.duration, SendOff) else f"{word} {amount}"
        row["notes"] = " ".join(note for note in (row["notes"], rest.notes or "") if note)
    if node.name:
        row["label"] += f" \u00b7 {node.name}"
    return row


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
        metres = foot_metres(week.sessions, athlete)
        rows.append(
            {
                "label": week.label,
                "days": days,
                "time": duration_words(week.seconds, exact=False),
                "distance": distance_words(metres, imperial_first) if metres else "unknown",
            }
        )
    return rows


def foot_metres(sessions, athlete) -> float:
    """The distance run, walked or hiked in `sessions`: a ride's kilometres or a swim's
    metres would make a week's distance mean nothing."""
    return sum(totals(s.workout, athlete).metres for s in sessions if s.workout and s.workout.sport in FOOT_SPORTS)


def _session_cell(session, athlete, pages) -> dict:
    if session.workout is None:
        return {"name": "rest", "kind": "rest", "effort": "rest", "href": "", "time": "", "at": ""}
    workout = session.workout
    return {
        "name": workout.name,
        "kind": kind_words(workout),
        "effort": f"the long run: {session.intensity.why}" if session.long else session.intensity.why,
        "href": pages.get((workout.path, workout.name), ""),
        "time": duration_words(session.seconds, exact=False) if session.seconds else "",
        "at": session.entry.at.strftime("%H:%M") if session.entry.at else "",
    }
