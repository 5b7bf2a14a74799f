"""Model -> workout language text, in the canonical layout.

Used by `decompile` (FIT -> model -> text: workouts, and plans from schedules) and by
the property tests (model -> text -> compile). Every value is written so that compiling the text gives back exactly the
same FIT values: distances and paces choose the unit and the decimals that round-trip.
A target written relative to the athlete is written as it was (`pace threshold+10s`),
resolved or not, which is what `fmt` compares; decoded targets never are.
"""

from __future__ import annotations

from ..model import (
    Distance,
    LapKey,
    Plan,
    PlanEntry,
    Relative,
    Repeat,
    Step,
    Target,
    Time,
    UntilHeartRate,
    Workout,
)
from ..units import METRES, PACE_UNITS, WRITTEN_UNITS, format_clock
from .vocabulary import KEYWORD_OF, quote

INDENT = "  "


def number(value: float, decimals: int = 3) -> str:
    """`1.5`, `400`, `0.25`: the shortest spelling of `value` at this precision."""
    text = f"{value:.{decimals}f}".rstrip("0").rstrip(".")
    return text or "0"


def duration_text(duration) -> str:
    if isinstance(duration, Time):
        return time_text(duration.seconds)
    if isinstance(duration, Distance):
        return distance_text(duration.metres, duration.unit)
    if isinstance(duration, LapKey):
        return "lap"
    assert isinstance(duration, UntilHeartRate)
    return "until " + hr_condition(duration)


def hr_condition(until: UntilHeartRate) -> str:
    return f"hr{'>' if until.above else '<'}{until.value}{'bpm' if until.unit == 'bpm' else '%'}"


def time_text(seconds: float) -> str:
    """1h15min, 1min30s, 45s, 1.5s; milliseconds are kept exactly."""
    millis = round(seconds * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    parts = [f"{hours}h" if hours else "", f"{minutes}min" if minutes else ""]
    if millis:
        parts.append(number(millis / 1000) + "s")
    return "".join(parts) or "0s"


def distance_text(metres: float, preferred: str = "m") -> str:
    """The spelling that compiles back to the same centimetres: in `preferred` units
    unless another unit is clearly shorter (4828.03 m is `3mi`)."""
    centimetres = round(metres * 100)
    spellings = {}
    for unit, size in METRES.items():
        for decimals in range(7):
            value = number(metres / size, decimals)
            if float(value) > 0 and round(float(value) * size * 100) == centimetres:
                spellings[unit] = value + unit
                break
    if not spellings:
        return f"{number(metres, 2)}m"  # not a distance the language accepts; compiling says why
    shortest = min(spellings.values(), key=len)
    chosen = spellings.get(preferred, shortest)
    return chosen if len(chosen) <= len(shortest) + 1 else shortest


def pace_clock(seconds: float, metres: float) -> str:
    """A pace whose speed (mm/s) is what `seconds` per `metres` encodes to, written shortest."""
    speed = round(metres / seconds * 1000)
    for decimals in range(4):
        text = format_clock(seconds, decimals)
        minutes, _, rest = text.partition(":")
        candidate = int(minutes) * 60 + float(rest)
        if candidate > 0 and round(metres / candidate * 1000) == speed:
            return text
    return format_clock(seconds, 3)


def _span(low: float, high: float, unit: str) -> str:
    return f"{number(low)}-{number(high)}{unit}"


def target_text(target: Target) -> str:
    keyword = "lap-power" if target.average == "lap" else target.metric
    if target.zone is not None:
        return f"{keyword} z{target.zone}"
    if target.relative is not None:
        return relative_text(target.relative, keyword)
    low, high = target.bounds
    if target.metric == "pace":
        per = target.range_unit[2:]
        metres = PACE_UNITS[per]
        return f"pace {pace_clock(low, metres)}-{pace_clock(high, metres)}/{per}"
    return f"{keyword} {_span(low, high, WRITTEN_UNITS[target.range_unit])}"


def relative_text(relative: Relative, keyword: str) -> str:
    """A target relative to the athlete as `fmt` writes it, resolved or not: long words
    (`pace threshold+10s`, `pace 95-100% threshold/mi`, `hr 80-85% lthr`, `hr<=z2`)."""
    if relative.bound is not None:
        compare, zone = relative.bound
        return f"{keyword}{compare}z{zone}"
    words = [keyword]
    if relative.percent is not None:
        words.append(percent_text(relative.percent))
    if keyword != "pace":
        return " ".join([*words, relative.reference])
    offset = "" if relative.offset is None else signed_offset(relative.offset[0])
    per = "" if relative.per == "km" else f"/{relative.per}"
    return " ".join([*words, relative.reference + offset + per])


def percent_text(percent: tuple[float, float]) -> str:
    """`95-100%`, or `97%` for a single value."""
    low, high = percent
    return f"{number(low)}%" if low == high else f"{number(low)}-{number(high)}%"


def signed_offset(seconds: float) -> str:
    """`+10s`, `-1min30s`: an offset from a reference pace."""
    return ("-" if seconds < 0 else "+") + time_text(abs(seconds))


def step_line(step: Step, sport: str = "running") -> str:
    keyword = KEYWORD_OF[step.intensity]
    words = ["ride" if keyword == "run" and sport == "cycling" else keyword]
    if step.name:
        words.append(quote(step.name))
    words.append(duration_text(step.duration))
    words += [target_text(target) for target in step.targets]
    if step.notes:
        words.append(quote(step.notes))
    return " ".join(words)


def repeat_line(repeat: Repeat) -> str:
    head = f"repeat until {hr_condition(repeat.until)}" if repeat.until else f"{repeat.count}x"
    return head + (f" {quote(repeat.name)}" if repeat.name else "")


def node_lines(nodes, depth: int, sport: str = "running") -> list[str]:
    lines = []
    for node in nodes:
        if isinstance(node, Repeat):
            lines.append(INDENT * depth + repeat_line(node))
            lines += node_lines(node.steps, depth + 1, sport)
        else:
            lines.append(INDENT * depth + step_line(node, sport))
    return lines


def workout_text(workout: Workout) -> str:
    """The block form of a workout (strides are written out as the repeat they are)."""
    header = f"workout {quote(workout.name)}"
    if workout.kind:
        header += f" {workout.kind}"
    if workout.sport != "running":
        header += f" {workout.sport}"
    return "\n".join([header, *node_lines(workout.steps, 1, workout.sport)]) + "\n"


def plan_text(plan: Plan) -> str:
    """A plan of rest days and sessions that name their workouts (what a schedule holds;
    a one-line session written in a plan has no one-line form here)."""
    return "\n".join([f"plan {quote(plan.name)}", *(INDENT + entry_line(entry) for entry in plan.entries)]) + "\n"


def entry_line(entry: PlanEntry) -> str:
    assert entry.workout is None, "only rest days and entries naming a workout are printed"
    words = [f"{entry.day:%Y-%m-%d}"]
    if entry.at is not None:
        words.append(f"{entry.at:%H:%M}")
    words.append("rest" if entry.reference is None else quote(entry.reference))
    return " ".join(words)
