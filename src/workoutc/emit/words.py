"""Quantities and targets in words for people (`1 h 15 min`, `4:00–4:10 /km · 6:26–6:42 /mi`),
as the pages and calendars show them. (The workout language's own spelling of the
same values, `1h15min`, is language/printer.py's.)"""

from __future__ import annotations

from ..check.training import hr_percent, pace_per_km, power_percent
from ..language.vocabulary import PACE_REFERENCES
from ..model import Distance, Intensity, LapKey, Relative, Step, Target, Time, UntilHeartRate
from ..units import format_clock

MILE = 1609.344
DASH = "\u2013"
MINUS = "\u2212"
HEART_RATE_REFERENCES = {"lthr": "LTHR", "reserve": "reserve"}  # what a heart rate may be a percentage of


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


def target_words(target: Target, athlete) -> str:
    """A target in the runner's units, with its equivalents when the profile allows; one
    written relative to the athlete says so first (`threshold +10 s/km = 4:20–4:30 /km · ...`),
    and until resolved for an athlete says only that."""
    written = relative_words(target.relative) if target.relative is not None else None
    if written is None:
        return _absolute_words(target, athlete)
    if target.low is None:
        return written
    return f"{written} = {_absolute_words(target, athlete).removeprefix('HR ')}"


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


def _absolute_words(target: Target, athlete) -> str:
    imperial_first = athlete.units == "imperial"
    if target.metric == "pace":
        fast, slow = pace_per_km(target)
        per_mile = MILE / 1000
        return _both(_pace_range(fast, slow, "km"), _pace_range(fast * per_mile, slow * per_mile, "mi"), imperial_first)
    if target.metric == "hr":
        return _heart_rate_text(target, athlete)
    if target.metric == "power":
        label = "power" if target.average is None else f"{target.average} power"
        if target.zone is not None:
            return f"{label} zone {target.zone}"
        low, high = target.bounds
        parts = [_range(low, high, "W" if target.unit == "W" else "% FTP")]
        percent = power_percent(target, athlete)
        if target.unit == "W" and percent is not None:
            parts.append(_range(*percent, "% FTP"))
        elif target.unit == "%ftp" and athlete.ftp:
            parts.append(_range(low * athlete.ftp / 100, high * athlete.ftp / 100, "W"))
        return f"{label} " + " \u00b7 ".join(parts)
    low, high = target.bounds
    spm = (low, high) if target.unit == "spm" else (low * 2, high * 2)
    return f"cadence {_range(*spm, 'spm')}"


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
    return "HR " + " \u00b7 ".join(parts)


def step_duration_words(step: Step, athlete) -> str:
    duration = step.duration
    if isinstance(duration, Time):
        return duration_words(duration.seconds)
    if isinstance(duration, Distance):
        return distance_words(duration.metres, athlete.units == "imperial")
    if isinstance(duration, LapKey):
        return "until the lap key"
    assert isinstance(duration, UntilHeartRate)
    return f"until {heart_rate_condition(duration)}"


def heart_rate_condition(until: UntilHeartRate) -> str:
    """`HR < 120 bpm`, `HR > 80 % max`."""
    unit = "bpm" if until.unit == "bpm" else "% max"
    return f"HR {'>' if until.above else '<'} {until.value} {unit}"


STEP_WORDS = {
    Intensity.WARMUP: "warm-up",
    Intensity.ACTIVE: "run",
    Intensity.RECOVERY: "recover",
    Intensity.REST: "rest",
    Intensity.COOLDOWN: "cool-down",
}


def step_word(step: Step) -> str:
    """What a step is called in a table: `warm-up`, `stride`, `jog`..."""
    if step.stride:
        return "stride" if step.intensity is Intensity.ACTIVE else "jog"
    return STEP_WORDS[step.intensity]
