"""A workout page's chart: one bar per step as the athlete meets it, time across, and up
what the sport is held to: a run's zone, a ride's power (% of FTP, or watts) or speed,
a swim's pace per 100. Bars are coloured by zone; a step without such a target stands
at the height of its kind of step. A strength session has no chart (its sets are
listed instead).

The chart is drawn in percentages of its box, not in a viewBox: the box stretches to
the page's width while its height and the labels' font size stay in CSS pixels, so the
labels read the same on a phone as on a desktop (a viewBox would shrink them)."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from ..check.load import UNTARGETED_LEVEL, step_level, zone_number
from ..check.training import power_percent
from ..check.zones import power_zone_percent
from ..model import Intensity, Step, Workout
from ..units import PACE_UNITS, SPEED_UNITS, format_clock
from .estimates import estimates
from .sports import step_word
from .words import MILE, step_duration_words, target_words

CHART_TOP = 5.5  # the zone level at the top of a zone chart
BARS_TOP, BARS_BOTTOM = 2, 88  # % of the height the bars span; the time labels sit below
LAST_TICK = 95  # % across beyond which a time label, centred on its minute, would run off the chart
OPEN_STEP_SECONDS = 120  # how wide an open-ended step is drawn when its length is unknown
HEADROOM = 1.15  # a measured chart's top, over its highest bar
# How fast an untimed distance is drawn (metres a second) when nothing times it: a
# swim at 2:00 /100 m, a ride at 25 km/h. Only the chart's widths; totals say "at least".
DRAWN_SPEED = {"swimming": 100 / 120, "cycling": 25 / 3.6}


class Scale(NamedTuple):
    """What a bar's height measures: a step's value (None: drawn at its kind's level), the
    value at the top of the chart, the levels to draw a line at, and their words."""

    title: str  # `Power over time`
    legend: str  # `height: power, % of FTP`
    value: Callable[[Step], float | None]
    top: float
    lines: list[tuple[float, str]]


def has_chart(workout: Workout) -> bool:
    """A strength or cardio session of exercises is listed as sets, not charted."""
    return workout.sport != "training"


def level(step: Step, athlete) -> float:
    """The step's zone level (check/load.py); interval steps count as work, others as rest
    until that table knows them."""
    if step.intensity in UNTARGETED_LEVEL or step.targets:
        try:
            return step_level(step, athlete)
        except KeyError:
            pass
    return UNTARGETED_LEVEL[Intensity.ACTIVE if step.intensity is Intensity.INTERVAL else Intensity.RECOVERY]


def zone_class(value: float) -> str:
    return f"z{max(1, zone_number(value))}"


def chart(workout: Workout, athlete) -> dict:
    """One bar per expanded step, every coordinate a percentage of the chart's box."""
    timed = estimates(workout, athlete)
    scale = measure(workout, athlete, [step for step, _, _ in timed])
    drawn = [_drawn_seconds(seconds, metres, workout.sport) for _, seconds, metres in timed]
    total = sum(drawn) or 1
    across = 100 / total
    bars, x = [], 0.0
    for (step, seconds, metres), length in zip(timed, drawn, strict=True):
        width = length * across
        stepped = level(step, athlete)
        value = scale.value(step)
        fraction = min(stepped, CHART_TOP) / CHART_TOP if value is None else min(value / scale.top, 1.0)
        open_ended = seconds is None and not (metres and workout.sport in DRAWN_SPEED)
        bars.append(_bar(step, x, width, fraction, stepped, open_ended, workout, athlete))
        x += width
    return {
        "axis": BARS_BOTTOM,
        "bars": bars,
        "ticks": _ticks(total, across),
        "title": scale.title,
        "legend": scale.legend,
        "zones": not scale.lines,
        "drawn": _drawn_note(workout.sport, timed),
        "lines": [{"y": _height_at(value / scale.top), "label": label} for value, label in scale.lines],
    }


def _drawn_seconds(seconds: float | None, metres: float | None, sport: str) -> float:
    """How wide a step is drawn, in seconds: its own, an untimed swim or ride distance at
    DRAWN_SPEED, an open-ended step OPEN_STEP_SECONDS."""
    if seconds is not None:
        return seconds
    if metres and sport in DRAWN_SPEED:
        return metres / DRAWN_SPEED[sport]
    return OPEN_STEP_SECONDS


def _height_at(fraction: float) -> float:
    return round(BARS_BOTTOM - (BARS_BOTTOM - BARS_TOP) * fraction, 3)


def _bar(step, x, width, fraction, stepped, open_ended, workout, athlete) -> dict:
    y = _height_at(fraction)
    words = [step_duration_words(step, athlete, workout.sport, workout.pool)]
    words += [target_words(t, athlete, workout.sport) for t in step.targets]
    return {
        "x": round(x, 3),
        "y": y,
        "width": round(max(width, 0.05), 3),
        "height": round(BARS_BOTTOM - y, 3),
        "zone": zone_class(stepped),
        "open": open_ended,
        "label": f"{step_word(step, workout.sport)}: " + ", ".join(words),
    }


def _ticks(total: float, scale: float) -> list[dict]:
    for step_minutes in (1, 2, 5, 10, 15, 30, 60):
        if total / (step_minutes * 60) <= 10:
            break
    places = ((minute, round(minute * 60 * scale, 3)) for minute in range(0, int(total // 60) + 1, step_minutes))
    return [{"x": x, "label": f"{minute}'"} for minute, x in places if x <= LAST_TICK]


def _drawn_note(sport: str, timed) -> str:
    """The legend's word on widths drawn at a nominal speed, when any is."""
    if not any(seconds is None and metres for _, seconds, metres in timed) or sport not in DRAWN_SPEED:
        return ""
    return "untimed swims drawn at 2:00 /100 m" if sport == "swimming" else "untimed distances drawn at 25 km/h"


# ------------------------------------------------------------------ what a bar measures


def measure(workout: Workout, athlete, steps: list[Step]) -> Scale:
    """A ride's power or speed, a swim's pace; else the zone scale of check/load.py."""
    zone = Scale("Intensity over time", "", lambda step: None, CHART_TOP, [])
    if workout.sport == "cycling":
        return _power_scale(athlete, steps) or _speed_scale(athlete, steps) or zone
    if workout.sport == "swimming":
        return _swim_scale(steps) or zone
    return zone


def _first(step: Step, metric: str):
    """The step's first target of `metric` the chart can place: power zones and ranges, a
    pace's or speed's range (their zones are the watch's own)."""
    placed = (lambda t: t.zone is not None or t.low is not None) if metric == "power" else (lambda t: t.low is not None)
    return next((t for t in step.targets if t.metric == metric and placed(t)), None)


def _power_scale(athlete, steps: list[Step]) -> Scale | None:
    """Power in % of FTP (zones included), or in watts when some are watts and FTP unknown."""
    targets = [t for step in steps if (t := _first(step, "power")) is not None]
    if not targets:
        return None

    def percent(target) -> float | None:
        if target.zone is not None:
            low, high = power_zone_percent(athlete, target.zone)
            return low + (min(high, low * 1.2) - low) / 2
        span = power_percent(target, athlete)
        return None if span is None else sum(span) / 2

    def percent_of(step: Step) -> float | None:
        target = _first(step, "power")
        return None if target is None else percent(target)

    def watts(step: Step) -> float | None:
        target = _first(step, "power")
        return None if target is None else sum(target.bounds) / 2

    if all(percent(t) is not None for t in targets):
        top = max(150.0, max(percent(t) or 0 for t in targets) * HEADROOM)
        lines = [(float(p), f"{p} % FTP") for p in (50, 100, 150, 200) if p < top * 0.95]
        return Scale("Power over time", "height: power, % of FTP", percent_of, top, lines)
    if any(t.zone is not None or t.unit != "W" for t in targets):
        return None  # percentages without an FTP to compare watts with: zones it is
    top = max(sum(t.bounds) / 2 for t in targets) * HEADROOM
    step = next(s for s in (50, 100, 200, 250, 500, 1000) if top / s <= 4)
    lines = [(float(w), f"{w} W") for w in range(step, int(top * 0.95), step)]
    return Scale("Power over time", "height: power, W", watts, top, lines)


def _speed_scale(athlete, steps: list[Step]) -> Scale | None:
    """Speed in km/h (mph when the athlete reads miles first)."""
    unit = "mph" if athlete.units == "imperial" else "km/h"
    per = MILE / 3600 if unit == "mph" else 1000 / 3600

    def value(step: Step) -> float | None:
        target = _first(step, "speed")
        if target is None or target.unit not in SPEED_UNITS:
            return None
        return sum(target.bounds) / 2 * SPEED_UNITS[target.unit] / per

    speeds = [v for step in steps if (v := value(step)) is not None]
    if not speeds:
        return None
    top = max(speeds) * HEADROOM
    step = next(s for s in (5, 10, 20, 50) if top / s <= 4)
    lines = [(float(v), f"{v} {unit}") for v in range(step, int(top * 0.95), step)]
    return Scale("Speed over time", f"height: speed, {unit}", value, top, lines)


def _swim_scale(steps: list[Step]) -> Scale | None:
    """Pace per 100 m or 100 yd (as the first pace target says), faster higher: the bars
    measure speed, the lines are labelled in pace."""
    paced = [t for step in steps if (t := _first(step, "pace")) is not None and t.unit and t.unit[2:] in PACE_UNITS]
    if not paced:
        return None
    per = paced[0].range_unit[2:] if paced[0].range_unit[2:] in ("100m", "100yd") else "100m"
    hundred = PACE_UNITS[per]

    def value(step: Step) -> float | None:
        target = _first(step, "pace")
        if target is None or not target.unit or target.unit[2:] not in PACE_UNITS:
            return None
        return PACE_UNITS[target.unit[2:]] / (sum(target.bounds) / 2)  # metres per second

    top = max(v for step in steps if (v := value(step)) is not None) * HEADROOM
    shown = [p for p in range(45, 301, 15) if 0.3 * top < hundred / p < 0.95 * top]
    lines = [
        (hundred / p, f"{format_clock(p)} /{per.replace('100', '100 ')}") for p in shown[:: max(1, len(shown) // 3)][:3]
    ]
    return Scale("Pace over time", f"height: pace per {per.replace('100', '100 ')}, faster higher", value, top, lines)
