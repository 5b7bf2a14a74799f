"""Quantities and targets in words for people (`1 h 15 min`, `4:00–4:10 /km · 6:26–6:42 /mi`),
as the pages and calendars show them, in the terms of each sport: a ride's speed in km/h,
a swim's pace per 100 m and its distances in the pool's unit, a lift's reps and weight.
(The workout language's own spelling of the same values, `1h15min`, is
language/printer.py's.)"""

from __future__ import annotations

from ..check.training import hr_percent, pace_per_km, power_percent
from ..language.vocabulary import PACE_REFERENCES
from ..model import (
    FOOT_SPORTS,
    Calories,
    Distance,
    LapKey,
    Lengths,
    Pool,
    Relative,
    Reps,
    SendOff,
    Step,
    Target,
    Time,
    Tss,
    UntilHeartRate,
    UntilPower,
)
from ..units import PACE_UNITS, format_clock
from .sports import exercise_words

MILE = 1609.344
YARD = 0.9144
DASH = "\u2013"
MINUS = "\u2212"
DOT = " \u00b7 "
HEART_RATE_REFERENCES = {"lthr": "LTHR", "reserve": "reserve"}  # what a heart rate may be a percentage of
AVERAGES = {"3s": "3 s", "10s": "10 s", "30s": "30 s", "lap": "lap", "max-lap": "max lap"}


def duration_words(seconds: float, *, exact: bool = True) -> str:
    """`1 h 15 min`; totals (exact=False) of ten minutes or more round to the minute."""
    whole = round(seconds) if exact or seconds < 600 else round(seconds / 60) * 60
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{hours} h" if hours else "", f"{minutes} min" if minutes else "", f"{secs} s" if secs else ""]
    return " ".join(part for part in parts if part) or "0 s"


def distance_words(metres: float, imperial_first: bool) -> str:
    metric = f"{metres:,.0f} m" if metres < 1000 else f"{metres / 1000:,.2f}".rstrip("0").rstrip(".") + " km"
    imperial = f"{metres / MILE:,.2f}".rstrip("0").rstrip(".") + " mi"
    return _both(metric, imperial, imperial_first)


def swim_distance_words(metres: float, pool: Pool | None) -> str:
    """A swim's distance in its pool's unit, `1,500 m` or `500 yd` (metres in open water)."""
    if pool is not None and pool.unit == "yd":
        return f"{metres / YARD:,.0f} yd"
    return f"{metres:,.0f} m"


def lengths_words(count: int) -> str:
    return f"{count} length{'s' if count != 1 else ''}"


def _both(metric: str, imperial: str, imperial_first: bool) -> str:
    first, second = (imperial, metric) if imperial_first else (metric, imperial)
    return f"{first}{DOT}{second}"


def _number(value: float, digits: int) -> str:
    return f"{value:.{digits}f}".rstrip("0").rstrip(".") if digits else f"{value:.0f}"


def _range(low: float, high: float, unit: str, digits: int = 0) -> str:
    low_text, high_text = _number(low, digits), _number(high, digits)
    spaced = f" {unit}" if unit else ""
    return f"{low_text}{spaced}" if low_text == high_text else f"{low_text}{DASH}{high_text}{spaced}"


def _pace_range(fast: float, slow: float, per: str) -> str:
    if round(fast) == round(slow):
        return f"{format_clock(fast)} /{per}"
    return f"{format_clock(fast)}{DASH}{format_clock(slow)} /{per}"


def target_words(target: Target, athlete, sport: str = "running") -> str:
    """A target in the athlete's units, with its equivalents when the profile allows; one
    written relative to the athlete says so first (`threshold +10 s/km = 4:20–4:30 /km · ...`),
    and until resolved for an athlete says only that."""
    written = relative_words(target.relative) if target.relative is not None else None
    if written is None:
        return _absolute_words(target, athlete, sport)
    if target.low is None:
        return written
    return f"{written} = {_absolute_words(target, athlete, sport).removeprefix('HR ')}"


def relative_words(relative: Relative) -> str | None:
    """`threshold +10 s/km`, `95–100 % of threshold speed`, `HR 80–85 % LTHR`, `HR 60 % reserve`;
    None for zones and FTP, whose words are those of the range they give."""
    if relative.reference not in HEART_RATE_REFERENCES and relative.reference not in PACE_REFERENCES:
        return None
    low, high = relative.percent or (0.0, 0.0)
    percent = _range(low, high, "%", 0 if float(low).is_integer() and float(high).is_integer() else 1)
    if relative.reference in HEART_RATE_REFERENCES:
        return f"HR {percent} {HEART_RATE_REFERENCES[relative.reference]}"
    if relative.percent is not None:
        return f"{percent} of {relative.reference} speed"
    if relative.offset is None:
        return f"{relative.reference} pace"
    offset = relative.offset[0]
    return f"{relative.reference} {'+' if offset > 0 else MINUS}{duration_words(abs(offset))}/{relative.per}"


def _averaged(label: str, target: Target) -> str:
    """`power`, `3 s power`, `lap pace`: what the watch averages the value over."""
    return label if target.average is None else f"{AVERAGES.get(target.average, target.average)} {label}"


def _absolute_words(target: Target, athlete, sport: str) -> str:
    imperial_first = athlete.units == "imperial"
    if target.metric == "pace" and target.zone is None:
        prefix = "" if target.average is None else _averaged("pace", target) + " "
        return prefix + _pace_words(target, imperial_first)
    if target.metric == "hr":
        return _averaged("HR", target) + " " + _heart_rate_text(target, athlete)
    if target.metric == "power":
        return _power_words(target, athlete)
    if target.zone is not None:
        return f"{_averaged(target.metric, target)} zone {target.zone}"
    if target.metric == "cadence" and target.unit == "rpm" and sport in FOOT_SPORTS:
        low, high = target.bounds  # strides a minute, as a runner's watch counts them: steps are twice that
        return f"cadence {_range(low * 2, high * 2, 'spm')}"
    return _level_words(target, imperial_first)


def _pace_words(target: Target, imperial_first: bool) -> str:
    """A runner's pace per km and per mile; a swimmer's per 100 m and per 100 yd, as written first."""
    per = target.range_unit[2:]
    if per in ("100m", "100yd"):
        low, high = target.bounds
        other = "100yd" if per == "100m" else "100m"
        factor = PACE_UNITS[other] / PACE_UNITS[per]
        return f"{_pace_range(low, high, _spaced(per))}{DOT}{_pace_range(low * factor, high * factor, _spaced(other))}"
    fast, slow = pace_per_km(target)
    per_mile = MILE / 1000
    return _both(_pace_range(fast, slow, "km"), _pace_range(fast * per_mile, slow * per_mile, "mi"), imperial_first)


def _spaced(per: str) -> str:
    """`100 m`, `100 yd`."""
    return per.replace("100", "100 ")


def _power_words(target: Target, athlete) -> str:
    label = _averaged("power", target)
    if target.zone is not None:
        return f"{label} zone {target.zone}"
    low, high = target.bounds
    parts = [_range(low, high, "W" if target.unit == "W" else "% FTP")]
    percent = power_percent(target, athlete)
    if target.unit == "W" and percent is not None:
        parts.append(_range(*percent, "% FTP"))
    elif target.unit == "%ftp" and athlete.ftp:
        parts.append(_range(low * athlete.ftp / 100, high * athlete.ftp / 100, "W"))
    return f"{label} " + DOT.join(parts)


def _level_words(target: Target, imperial_first: bool) -> str:
    """Speed (km/h and mph), cadence (steps or revolutions a minute), grade and resistance."""
    low, high = target.bounds
    if target.metric == "speed":
        kmh = (low, high) if target.unit == "km/h" else (low * MILE / 1000, high * MILE / 1000)
        metric, imperial = _range(*kmh, "km/h", 1), _range(kmh[0] * 1000 / MILE, kmh[1] * 1000 / MILE, "mph", 1)
        return _averaged("speed", target) + " " + _both(metric, imperial, imperial_first)
    if target.metric == "cadence":
        return f"cadence {_range(low, high, target.unit or 'spm')}"
    if target.metric == "grade":
        return f"grade {_range(low, high, '%', 1)}"
    return f"resistance {_range(low, high, '')}"


def _heart_rate_text(target: Target, athlete) -> str:
    percent = hr_percent(target, athlete)
    parts = [f"zone {target.zone}"] if target.zone is not None else []
    if target.unit == "bpm":
        parts.append(_range(*target.bounds, "bpm"))
        if percent is not None:
            parts.append(_range(*percent, "% max"))
    else:
        assert percent is not None, "zones and % of max need no profile"
        parts.append(_range(*percent, "% max"))
        if athlete.max_hr:
            parts.append(_range(percent[0] * athlete.max_hr / 100, percent[1] * athlete.max_hr / 100, "bpm"))
    return DOT.join(parts)


def step_duration_words(step: Step, athlete, sport: str = "running", pool: Pool | None = None) -> str:
    """How long a step lasts, in its sport's terms, with an exercise's weight: `10 reps @ 60 kg`."""
    text = amount_words(step.duration, athlete, sport, pool)
    if step.exercise is not None and step.exercise.weight is not None:
        text += f" @ {exercise_words(step.exercise).weight}"
    return text


def amount_words(duration, athlete, sport: str = "running", pool: Pool | None = None) -> str:
    """A duration alone: `45 min`, `400 m · 16 lengths`, `12 reps`, `until power > 250 W`."""
    if isinstance(duration, Time):
        return duration_words(duration.seconds)
    if isinstance(duration, Distance):
        return _distance_amount(duration.metres, athlete, sport, pool)
    if isinstance(duration, Lengths):
        metres = "" if pool is None else DOT + swim_distance_words(duration.count * pool.metres, pool)
        return lengths_words(duration.count) + metres
    if isinstance(duration, LapKey):
        return "until the lap key"
    if isinstance(duration, UntilHeartRate):
        return f"until {heart_rate_condition(duration)}"
    if isinstance(duration, UntilPower):
        return f"until {power_condition(duration)}"
    return _count_words(duration)


def _distance_amount(metres: float, athlete, sport: str, pool: Pool | None) -> str:
    if sport != "swimming":
        return distance_words(metres, athlete.units == "imperial")
    text = swim_distance_words(metres, pool)
    lengths = metres / pool.metres if pool is not None else 0
    if lengths and abs(lengths - round(lengths)) < 0.01 and round(lengths) > 1:
        text += DOT + lengths_words(round(lengths))
    return text


def _count_words(duration) -> str:
    if isinstance(duration, Calories):
        return f"{duration.kcal} kcal"
    if isinstance(duration, Reps):
        return f"{duration.count} rep{'s' if duration.count != 1 else ''}"
    if isinstance(duration, Tss):
        return f"{duration.points} TSS"
    assert isinstance(duration, SendOff), duration
    return f"send-off {format_clock(duration.seconds)}"


def heart_rate_condition(until: UntilHeartRate) -> str:
    """`HR < 120 bpm`, `HR > 80 % max`."""
    unit = "bpm" if until.unit == "bpm" else "% max"
    return f"HR {'>' if until.above else '<'} {until.value} {unit}"


def power_condition(until: UntilPower) -> str:
    """`power > 250 W`, `3 s power < 80 % FTP`, `max lap power < 250 W`."""
    label = "power" if until.average is None else f"{AVERAGES.get(until.average, until.average)} power"
    unit = "W" if until.unit == "W" else "% FTP"
    return f"{label} {'>' if until.above else '<'} {until.value} {unit}"


def repeat_until_words(until, athlete, sport: str = "running", pool: Pool | None = None) -> str:
    """A repeat's end: `until HR > 160 bpm`, `for 20 min`, `for 5 km`, `until 500 kcal`."""
    if isinstance(until, Time | Distance):
        return f"for {amount_words(until, athlete, sport, pool)}"
    if isinstance(until, Calories | Tss):
        return f"until {amount_words(until, athlete, sport, pool)}"
    return amount_words(until, athlete, sport, pool)
