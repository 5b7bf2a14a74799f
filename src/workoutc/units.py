"""Units: reading quantities, paces and their limits.

Every function here takes the text of one token and either returns numbers in
canonical units (seconds, metres, beats per minute, seconds per kilometre) or
raises `UnitError` naming the offending part of the token, so the caller can point
a caret at it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .suggest import closest

SECONDS = {"s": 1, "min": 60, "h": 3600}
METRES = {"m": 1.0, "km": 1000.0, "mi": 1609.344, "yd": 0.9144}
# The distance a pace is per: runners' /km and /mi, swimmers' /100m and /100yd.
PACE_UNITS = {"km": 1000.0, "mi": 1609.344, "100m": 100.0, "100yd": 91.44}
SWIM_PACE_UNITS = ("100m", "100yd")
# A speed unit's metres per second.
KILOGRAMS = {"kg": 1.0, "lb": 0.45359237}  # a weight unit's kilograms
SPEED_UNITS = {"km/h": 1000 / 3600, "mph": 1609.344 / 3600}
# Other amounts a step may last, by unit (any case): `300kcal`, `12reps`, `50tss`, `8len`.
COUNT_UNITS = {"kcal": "calories", "reps": "reps", "rep": "reps", "tss": "tss", "len": "lengths", "lengths": "lengths"}

# Spellings people write, mapped to the one workoutc reads. Used for hints only:
# the language has exactly one spelling per unit, in any case (`MIN` is `min`), so
# files stay uniform. Keys are in lower case (see `folded`).
SPELLINGS = {
    "sec": "s",
    "secs": "s",
    "second": "s",
    "seconds": "s",
    "mins": "min",
    "minute": "min",
    "minutes": "min",
    "mn": "min",
    "hr": "h",
    "hrs": "h",
    "hour": "h",
    "hours": "h",
    "meter": "m",
    "meters": "m",
    "metre": "m",
    "metres": "m",
    "mtr": "m",
    "k": "km",
    "kms": "km",
    "kilometer": "km",
    "kilometers": "km",
    "kilometre": "km",
    "kilometres": "km",
    "mile": "mi",
    "miles": "mi",
    "ml": "mi",
    "yds": "yd",
    "yard": "yd",
    "yards": "yd",
    "cal": "kcal",
    "calories": "kcal",
    "kcals": "kcal",
    "length": "len",
    "lens": "len",
    "b": "bpm",
    "watts": "W",
    "watt": "W",
}
# Units too ambiguous to read in upper case: a capital `M` is metres to some, miles
# to others and minutes in ISO 8601 (`PT30M`). Its readings, in the order of a hint.
AMBIGUOUS_UNITS = {"M": ("m", "mi", "min")}

# Heart-rate, power and cadence units as they are written -> the canonical unit.
# Read in any case (`BPM`, `w`).
LEVEL_UNITS = {
    "hr": {"bpm": "bpm", "%": "%max"},
    "power": {"W": "W", "%": "%ftp"},
    "cadence": {"spm": "spm", "rpm": "rpm"},
    "speed": {"km/h": "km/h", "kmh": "km/h", "kph": "km/h", "mph": "mph"},
    "grade": {"%": "%"},
    "resistance": {"": ""},  # a bare level
}
# How each canonical unit is written.
WRITTEN_UNITS = {
    "bpm": "bpm",
    "%max": "%",
    "W": "W",
    "%ftp": "%",
    "spm": "spm",
    "rpm": "rpm",
    "km/h": "km/h",
    "mph": "mph",
    "%": "%",
    "": "",
}


def folded(word: str) -> str:
    """A word as the language compares it: ASCII letters in any case (`MIN` is `min`,
    `HR` is `hr`); a word with any other letter is left as written, so no non-ASCII
    letter (the Kelvin sign, the long s) ever reads as a keyword or unit."""
    return word.lower() if word.isascii() else word


def written_unit(unit: str) -> str:
    """How `fmt` writes a unit given in any case: lower case, but watts as `W`."""
    word = folded(unit)
    return "W" if word == "w" else word


@dataclass(frozen=True)
class Limits:
    """Limits on what a step can ask for; beyond them the input is a mistake."""

    duration_seconds: int = 24 * 3600
    distance_metres: int = 1_000_000
    repeat_count: int = 99
    hr_bpm: tuple[int, int] = (30, 250)
    hr_percent: tuple[int, int] = (1, 100)
    pace_seconds_per_km: tuple[int, int] = (90, 1800)
    power_watts: tuple[int, int] = (1, 3000)
    power_percent: tuple[int, int] = (1, 300)
    cadence_spm: tuple[int, int] = (20, 300)
    cadence_rpm: tuple[int, int] = (10, 150)
    speed_kmh: tuple[int, int] = (1, 150)
    speed_mph: tuple[int, int] = (1, 93)  # within 150 km/h, as a ride decompiles in km/h
    grade_percent: tuple[int, int] = (0, 60)
    resistance: tuple[int, int] = (0, 254)
    swim_pace_seconds_per_100m: tuple[int, int] = (30, 900)
    calories: tuple[int, int] = (1, 20_000)
    reps: tuple[int, int] = (1, 1000)
    tss: tuple[int, int] = (1, 2000)
    lengths: tuple[int, int] = (1, 1000)
    weight_kg: tuple[int, int] = (0, 650)  # FIT holds up to 655.34 kg
    weight_lb: tuple[int, int] = (0, 1440)
    pool_metres: tuple[int, int] = (10, 200)
    hr_zones: int = 5
    power_zones: int = 7
    speed_zones: int = 10  # the watch's speed (pace) and cadence zones
    cadence_zones: int = 10
    plan_dates: tuple[date, date] = (date(2000, 1, 1), date(2099, 12, 31))
    repeat_depth: int = 5
    fit_steps: int = 10_000
    expanded_steps: int = 10_000


LIMITS = Limits()
# The range of each heart-rate, power and cadence unit, for the language and the decoder.
LEVEL_LIMITS = {
    "bpm": LIMITS.hr_bpm,
    "%max": LIMITS.hr_percent,
    "W": LIMITS.power_watts,
    "%ftp": LIMITS.power_percent,
    "spm": LIMITS.cadence_spm,
    "rpm": LIMITS.cadence_rpm,
    "km/h": LIMITS.speed_kmh,
    "mph": LIMITS.speed_mph,
    "%": LIMITS.grade_percent,
    "": LIMITS.resistance,
}


def pace_limits(per: str) -> tuple[float, float]:
    """The pace limits in seconds per `per` (km, mi, 100m, 100yd): a runner's per km,
    a swimmer's per 100 m, scaled to the distance."""
    swim = per in SWIM_PACE_UNITS
    low, high = LIMITS.swim_pace_seconds_per_100m if swim else LIMITS.pace_seconds_per_km
    size = PACE_UNITS[per] / (100 if swim else 1000)
    return low * size, high * size


# Garmin's default heart-rate zones in % of max HR: zone n spans BOUNDS[n-1]..BOUNDS[n].
HR_ZONE_BOUNDS = (50, 60, 70, 80, 90, 100)

# A target written as a single value becomes a window this wide on each side.
SINGLE_VALUE_HALF_WIDTH = {
    "bpm": 5,
    "%max": 3,
    "W": 10,
    "%ftp": 3,
    "spm": 4,
    "rpm": 2,
    "pace": 5,
    "km/h": 1,
    "mph": 1,
    "%": 0,
    "": 0,
}

_PART = re.compile(r"(\d+(?:\.\d+)?)([^\d.]*)")


class UnitError(ValueError):
    """A problem inside one token: `start`/`length` locate the part to underline."""

    def __init__(self, message: str, hint: str | None = None, start: int = 0, length: int = 0):
        super().__init__(message)
        self.message, self.hint, self.start, self.length = message, hint, start, length


@dataclass(frozen=True, slots=True)
class Part:
    number: float
    unit: str
    start: int  # offset of the number within the token
    text: str


def split_quantity(text: str) -> list[Part]:
    """`1h15min` -> [1 h, 15 min]; the grammar guarantees number/unit alternation."""
    parts = []
    for match in _PART.finditer(text):
        parts.append(Part(float(match.group(1)), match.group(2), match.start(), match.group(0)))
    return parts


def unit_hint(unit: str, known: list[str], number: str = "") -> str | None:
    """Suggest the spelling workoutc reads for an unknown unit."""
    if unit in AMBIGUOUS_UNITS:
        readings = [f"`{number}{reading}`" for reading in AMBIGUOUS_UNITS[unit] if reading in known]
        if readings:
            return f"a capital `{unit}` could mean metres, miles or minutes: write {_either(readings)}"
    by_fold = {folded(spelling): spelling for spelling in known}
    wanted = SPELLINGS.get(folded(unit))
    if wanted is None or folded(wanted) not in by_fold:
        wanted = closest(folded(unit), list(by_fold), cutoff=0.5)
    if wanted is None:
        return None
    return f"did you mean `{number}{by_fold[folded(wanted)]}`?"


def _either(choices: list[str]) -> str:
    """`a`, `a or b`, `a, b or c`."""
    return " or ".join([", ".join(choices[:-1]), choices[-1]] if len(choices) > 2 else choices)


def _unknown_unit(part: Part, known: list[str], what: str) -> UnitError:
    hint = unit_hint(part.unit, known, _number_text(part)) or f"{what} units: {', '.join(known)}"
    return UnitError(
        f"unknown {what} unit `{part.unit}` in `{part.text}`",
        hint,
        part.start + len(_number_text(part)),
        len(part.unit),
    )


def _number_text(part: Part) -> str:
    return part.text[: len(part.text) - len(part.unit)]


def _unit_in(part: Part, table: dict, what: str) -> str:
    """The unit of `part` as `table` spells it (any case), or UnitError."""
    unit = folded(part.unit)
    if unit not in table or part.unit in AMBIGUOUS_UNITS:
        raise _unknown_unit(part, list(table), what)
    return unit


def read_duration(text: str) -> tuple[str, float]:
    """A duration token -> ("time", seconds) or ("distance", metres); units in any case."""
    parts = split_quantity(text)
    if len(parts) == 1 and not parts[0].unit:
        hint = f"write `{text}min` for minutes, `{text}s` for seconds or `{text}m` for metres"
        raise UnitError(f"`{text}` needs a unit", hint, 0, len(text))
    last = parts[-1]
    if not last.unit:
        following = {"h": "min", "min": "s"}.get(folded(parts[-2].unit))
        suggestion = f"did you mean `{text}{following}`?" if following else None
        raise UnitError(f"`{last.text}` in `{text}` needs a unit", suggestion, last.start, len(last.text))
    if len(parts) == 1:
        unit = _unit_in(parts[0], {**SECONDS, **METRES}, "duration")
        if unit in METRES:
            return "distance", _metres(parts[0], unit, text)
    return "time", _seconds(parts, text)


def _metres(part: Part, unit: str, text: str) -> float:
    metres = part.number * METRES[unit]
    _check_positive(part, round(metres * 100))  # FIT counts whole centimetres
    if metres > LIMITS.distance_metres:
        raise UnitError(
            f"`{text}` is longer than workoutc allows ({LIMITS.distance_metres // 1000} km)", None, 0, len(text)
        )
    return metres


def _seconds(parts: list[Part], text: str) -> float:
    seconds = 0.0
    seen: set[str] = set()
    for part in parts:
        unit = _unit_in(part, SECONDS, "duration")
        if unit in seen:
            raise UnitError(f"`{part.unit}` appears twice in `{text}`", None, part.start, len(part.text))
        seen.add(unit)
        seconds += part.number * SECONDS[unit]
    _check_positive(parts[0], seconds)
    if seconds > LIMITS.duration_seconds:
        raise UnitError(f"`{text}` is longer than a step may last (24h)", None, 0, len(text))
    if abs(seconds * 1000 - round(seconds * 1000)) > 1e-6:
        raise UnitError(f"`{text}` is not a whole number of milliseconds", None, 0, len(text))
    return seconds


def _check_positive(part: Part, value: float) -> None:
    if value <= 0:
        raise UnitError(
            f"a duration of `{part.text}` is empty", "durations must be longer than zero", 0, len(part.text)
        )


def read_value(text: str, units: dict[str, str], what: str, default_unit: str | None = None) -> tuple[float, str]:
    """A single number with one of `units` (token spelling -> canonical unit).

    Units are read in any case (`BPM`, `w`). `default_unit` is used when the number
    has no unit (the other end of a range supplies it: `140-150bpm`).
    """
    parts = split_quantity(text)
    part = parts[0]
    if len(parts) > 1:
        raise UnitError(f"`{text}` is not a {what} value", None, 0, len(text))
    if not part.unit and "" in units:  # a bare level (resistance)
        return part.number, ""
    if not part.unit:
        if default_unit is None:
            spellings = {canonical: spelling for spelling, canonical in reversed(units.items())}
            shown = " or ".join(f"`{text}{spelling}`" for spelling in spellings.values())
            raise UnitError(f"`{text}` needs a unit", f"write {shown}", 0, len(text))
        return part.number, default_unit
    by_fold = {folded(spelling): canonical for spelling, canonical in units.items()}
    if folded(part.unit) not in by_fold:
        raise _unknown_unit(part, list(units), what)
    return part.number, by_fold[folded(part.unit)]


def check_range(value: float, bounds: tuple[float, float], label: str, text: str, start: int = 0) -> None:
    low, high = bounds
    if not low <= value <= high:
        raise UnitError(f"{label} {text} is outside {_fmt(low)}-{_fmt(high)}", None, start, len(text))


def _fmt(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number)


def read_clock(text: str, what: str = "pace") -> float:
    """`3:50` -> 230 seconds (`5:33.3` -> 333.3); seconds must be 00-59. `what` the
    clock is names it in a message: a pace, a send-off."""
    minutes, _, seconds = text.partition(":")
    whole = seconds.partition(".")[0]
    if len(whole) != 2 or int(whole) > 59:
        raise UnitError(
            f"`{text}` is not a {what}: seconds run from 00 to 59",
            f"did you mean `{int(minutes) + int(whole) // 60}:{int(whole) % 60:02d}`?"
            if len(whole) == 2
            else "write minutes and two-digit seconds, like `4:05`",
            0,
            len(text),
        )
    return int(minutes) * 60 + float(seconds)


def format_clock(seconds: float, decimals: int = 0) -> str:
    """230 -> `3:50`; with decimals, 333.333 -> `5:33.333` (trailing zeros dropped)."""
    if not decimals:
        whole = round(seconds)
        return f"{whole // 60}:{whole % 60:02d}"
    minutes, rest = divmod(round(seconds, decimals), 60)
    text = f"{rest:0{3 + decimals}.{decimals}f}".rstrip("0").rstrip(".")
    return f"{int(minutes)}:{text}"


def shown(value: float, limit: float) -> str:
    """`value` rounded for a message, but never onto `limit`: 45.3 against 45 is `45.3`."""
    for decimals in range(4):
        text = f"{value:.{decimals}f}"
        if float(text) != float(limit):
            return text
    return f"{value:.4f}"
