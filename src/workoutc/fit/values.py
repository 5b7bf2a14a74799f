"""Every value of a workout step, encoded for FIT and decoded back, side by side.

The writer (encode.py) and the reader (decode.py) both read these tables and codecs,
so an encoding is defined once, next to its inverse; tests/fit/test_values.py
round-trips each. Raw values follow Garmin's workout cookbook:

* time in ms, distance in cm;
* heart rate 0-100 = % of max, above 100 = bpm + 100; power 0-1000 = % of FTP, above
  1000 = watts + 1000;
* pace and speed as speed in mm/s (the slower pace is the low end); running cadence
  in strides per minute (half the steps); grade and resistance as whole numbers;
* calories, reps and TSS as whole numbers; a pool's length and a weight in hundredths;
* a swim stroke as a swim_stroke target holding the stroke;
* a zone target sets target_value to the zone and no custom range.

What the language cannot express raises `Unsupported`, whose message says what it is:
a value of a kind it lacks, and a value beyond the limits it accepts (units.Limits),
which would otherwise be decompiled into text that does not compile.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from typing import Generic, TypeVar

from ..diagnostics import Span
from ..model import (
    Calories,
    Distance,
    Duration,
    Intensity,
    LapKey,
    Lengths,
    Pool,
    RepeatUntil,
    Reps,
    SendOff,
    Target,
    Time,
    Tss,
    UntilHeartRate,
    UntilPower,
)
from ..units import (
    LEVEL_LIMITS,
    LIMITS,
    PACE_UNITS,
    SPEED_UNITS,
    SWIM_PACE_UNITS,
    WRITTEN_UNITS,
    format_clock,
    pace_limits,
)
from . import profile

K = TypeVar("K")


class Unsupported(Exception):
    """A value the language cannot express; the message names it."""


class Codes(Generic[K]):
    """A one-to-one table between the model's values and a FIT enum's raw values."""

    def __init__(self, pairs: dict[K, int]):
        self.raw = pairs
        self.value = {raw: value for value, raw in pairs.items()}


INTENSITY = Codes({intensity: getattr(profile, f"INTENSITY_{intensity.name}") for intensity in Intensity})
SPORT = Codes({name: raw for raw, name in profile.SPORT_NAMES.items()})
SUB_SPORT = Codes({name: raw for raw, name in profile.SUB_SPORT_NAMES.items()})
STROKE = Codes({name: raw for raw, name in profile.STROKE_NAMES.items()})
EQUIPMENT = Codes({name: raw for raw, name in profile.EQUIPMENT_NAMES.items() if raw})  # 0 is "none"
POOL_UNIT = Codes({"m": profile.MEASURE_METRIC, "yd": profile.MEASURE_STATUTE})
WEIGHT_UNIT = Codes({"kg": profile.WEIGHT_UNIT_KILOGRAM, "lb": profile.WEIGHT_UNIT_POUND})
# (metric, what it is averaged over) -> target type. Pace and speed are both speed.
TARGET_TYPE = Codes(
    {
        ("pace", None): profile.TARGET_SPEED,
        ("hr", None): profile.TARGET_HEART_RATE,
        ("cadence", None): profile.TARGET_CADENCE,
        ("power", None): profile.TARGET_POWER,
        ("grade", None): profile.TARGET_GRADE,
        ("resistance", None): profile.TARGET_RESISTANCE,
        ("power", "3s"): profile.TARGET_POWER_3S,
        ("power", "10s"): profile.TARGET_POWER_10S,
        ("power", "30s"): profile.TARGET_POWER_30S,
        ("power", "lap"): profile.TARGET_POWER_LAP,
        ("pace", "lap"): profile.TARGET_SPEED_LAP,
        ("hr", "lap"): profile.TARGET_HEART_RATE_LAP,
    }
)
ZONES = {
    "hr": LIMITS.hr_zones,
    "power": LIMITS.power_zones,
    "pace": LIMITS.speed_zones,
    "speed": LIMITS.speed_zones,
    "cadence": LIMITS.cadence_zones,
}
INVALID_U32 = profile.STEP_DURATION_VALUE.invalid
INVALID_U16 = profile.STEP_EXERCISE_NAME.invalid

# ------------------------------------------------------------------ scalars


class Scaled:
    """A quantity stored as a whole number of a smaller unit (ms, cm)."""

    def __init__(self, factor: int):
        self.factor = factor

    def encode(self, value: float) -> int:
        return round(value * self.factor)

    def decode(self, raw: int) -> float:
        return raw / self.factor


MILLISECONDS = Scaled(1000)
CENTIMETRES = Scaled(100)
HUNDREDTHS = Scaled(100)  # a pool's length in metres, an exercise's weight in kg


class Offset:
    """Percent up to `split`, an absolute value above it, stored plus `split`:
    heart rate (bpm + 100) and power (watts + 1000)."""

    def __init__(self, split: int, percent: str, absolute: str):
        self.split, self.percent, self.absolute = split, percent, absolute

    def encode(self, value: float, unit: str) -> int:
        return round(value) + (self.split if unit == self.absolute else 0)

    def decode(self, raw: int) -> tuple[int, str]:
        return (raw - self.split, self.absolute) if raw > self.split else (raw, self.percent)

    def encode_range(self, low: float, high: float, unit: str) -> tuple[int, int]:
        return self.encode(low, unit), self.encode(high, unit)

    def decode_range(self, low: int, high: int, name: str, unit: str = "") -> tuple[float, float, str]:
        if (low > self.split) != (high > self.split):
            raise Unsupported(f"a {name} range mixing percent and absolute values ({low}-{high})")
        (low_value, decoded_unit), (high_value, _) = self.decode(low), self.decode(high)
        return low_value, high_value, decoded_unit


HEART_RATE = Offset(100, "%max", "bpm")
POWER = Offset(1000, "%ftp", "W")


class Speed:
    """A pace range (seconds per km, mile, 100 m or 100 yd) or a speed range (km/h,
    mph) as a speed range in mm/s: the slower pace is the lower speed. Decoded in the
    unit asked for (`unit`), which the sport decides."""

    def encode_range(self, low: float, high: float, unit: str) -> tuple[int, int]:
        if unit in SPEED_UNITS:
            return round(low * SPEED_UNITS[unit] * 1000), round(high * SPEED_UNITS[unit] * 1000)
        metres = PACE_UNITS[unit[2:]]
        return round(metres / high * 1000), round(metres / low * 1000)

    def decode_range(self, low: int, high: int, name: str, unit: str = "s/km") -> tuple[float, float, str]:
        if low <= 0 or high <= 0:
            raise Unsupported(f"a {name} target of zero speed")
        if unit in SPEED_UNITS:
            return low / 1000 / SPEED_UNITS[unit], high / 1000 / SPEED_UNITS[unit], unit
        metres = PACE_UNITS[unit[2:]]
        return metres * 1000 / high, metres * 1000 / low, unit  # the faster speed is the faster (lower) pace


class Cadence:
    """Steps per minute as FIT's running cadence, strides (one foot) per minute, widened
    to whole strides; revolutions per minute as they are. Decoded as steps on foot,
    revolutions otherwise (`unit`)."""

    def encode_range(self, low: float, high: float, unit: str) -> tuple[int, int]:
        if unit == "spm":
            return math.floor(low / 2), math.ceil(high / 2)
        return round(low), round(high)

    def decode_range(self, low: int, high: int, name: str, unit: str = "spm") -> tuple[float, float, str]:
        return (low * 2, high * 2, "spm") if unit == "spm" else (low, high, "rpm")


class Plain:
    """A whole number as it is: grade in percent and resistance levels, for which the
    profile defines no scale."""

    def __init__(self, unit: str):
        self.unit = unit

    def encode_range(self, low: float, high: float, unit: str) -> tuple[int, int]:
        return round(low), round(high)

    def decode_range(self, low: int, high: int, name: str, unit: str = "") -> tuple[float, float, str]:
        return low, high, self.unit


RANGES: dict[str, Offset | Speed | Cadence | Plain] = {
    "hr": HEART_RATE,
    "power": POWER,
    "pace": Speed(),
    "speed": Speed(),
    "cadence": Cadence(),
    "grade": Plain("%"),
    "resistance": Plain(""),
}

# ------------------------------------------------------------------ durations

# Power conditions by what the power is averaged over: (below, above) duration types.
POWER_DURATIONS = {
    None: (profile.DURATION_POWER_LESS_THAN, profile.DURATION_POWER_GREATER_THAN),
    "3s": (profile.DURATION_POWER_3S_LESS_THAN, profile.DURATION_POWER_3S_GREATER_THAN),
    "10s": (profile.DURATION_POWER_10S_LESS_THAN, profile.DURATION_POWER_10S_GREATER_THAN),
    "30s": (profile.DURATION_POWER_30S_LESS_THAN, profile.DURATION_POWER_30S_GREATER_THAN),
    "lap": (profile.DURATION_POWER_LAP_LESS_THAN, profile.DURATION_POWER_LAP_GREATER_THAN),
}
POWER_DURATION_OF = {
    kind: (average, above) for average, pair in POWER_DURATIONS.items() for above, kind in enumerate(pair)
}
HR_DURATIONS = {profile.DURATION_HR_LESS_THAN: False, profile.DURATION_HR_GREATER_THAN: True}


def encode_duration(duration: Duration, pool: Pool | None = None) -> tuple[int, int]:
    """(duration_type, duration_value); lengths are counted in `pool`."""
    match duration:
        case Time(seconds=seconds):
            return profile.DURATION_TIME, MILLISECONDS.encode(seconds)
        case Distance(metres=metres):
            return profile.DURATION_DISTANCE, CENTIMETRES.encode(metres)
        case Lengths(count=count):
            assert pool is not None, "lengths need a pool (checked when lowering)"
            return profile.DURATION_DISTANCE, CENTIMETRES.encode(count * pool.metres)
        case LapKey():
            return profile.DURATION_OPEN, INVALID_U32
        case UntilHeartRate(above=above, value=value, unit=unit):
            kind = profile.DURATION_HR_GREATER_THAN if above else profile.DURATION_HR_LESS_THAN
            return kind, HEART_RATE.encode(value, unit)
        case UntilPower(above=above, value=value, unit=unit, average=average):
            return POWER_DURATIONS[average][above], POWER.encode(value, unit)
        case Calories(kcal=kcal):
            return profile.DURATION_CALORIES, kcal
        case Reps(count=count):
            return profile.DURATION_REPS, count
        case Tss(points=points):
            return profile.DURATION_TRAINING_PEAKS_TSS, points
        case SendOff(seconds=seconds):
            return profile.DURATION_REPETITION_TIME, MILLISECONDS.encode(seconds)
    raise TypeError(f"not a duration: {duration!r}")


def decode_duration(kind: int, value: int | None) -> Duration:
    """The duration of a (non-repeat) step; absent type means open."""
    if kind == profile.DURATION_OPEN:
        return LapKey()
    name = profile.DURATION_NAMES.get(kind, f"type {kind}").replace("_", " ")
    if value is None:
        raise Unsupported(f"a {name} duration without a value")
    if kind in (profile.DURATION_TIME, profile.DURATION_REPETITION_TIME):
        seconds = _seconds(value, name)
        return Time(seconds) if kind == profile.DURATION_TIME else SendOff(seconds)
    if kind == profile.DURATION_DISTANCE:
        if value == 0:
            raise Unsupported(f"a {name} duration of zero")
        if value > LIMITS.distance_metres * CENTIMETRES.factor:
            limit = LIMITS.distance_metres // 1000
            raise Unsupported(f"a distance duration of {value / 100_000:g}km (a step covers at most {limit}km)")
        return Distance(CENTIMETRES.decode(value), "m" if value < 100_000 else "km")
    if kind in HR_DURATIONS:
        return until_heart_rate(HR_DURATIONS[kind], value)
    if kind in POWER_DURATION_OF:
        average, above = POWER_DURATION_OF[kind]
        return until_power(bool(above), value, average)
    if kind in COUNTED:
        build, limits = COUNTED[kind]
        _check_count(value, limits, name)
        return build(value)
    raise Unsupported(f"a {name} duration")


COUNTED: dict[int, tuple[type[Calories] | type[Reps] | type[Tss], tuple[int, int]]] = {
    # durations that are a whole number of something, and its limits
    profile.DURATION_CALORIES: (Calories, LIMITS.calories),
    profile.DURATION_REPS: (Reps, LIMITS.reps),
    profile.DURATION_TRAINING_PEAKS_TSS: (Tss, LIMITS.tss),
}


def _seconds(raw: int, name: str) -> float:
    if raw == 0:
        raise Unsupported(f"a {name} duration of zero")
    if raw > LIMITS.duration_seconds * MILLISECONDS.factor:
        raise Unsupported(f"a {name} duration of {raw / 3_600_000:g}h (a step lasts at most 24h)")
    return MILLISECONDS.decode(raw)


def _check_count(value: int, limits: tuple[int, int], name: str) -> None:
    floor, ceiling = limits
    if not floor <= value <= ceiling:
        raise Unsupported(f"a {name} duration of {value} (the language takes {floor}-{ceiling})")


def until_heart_rate(above: bool, raw: int) -> UntilHeartRate:
    """A heart-rate condition (of a step or a repeat) from its raw value."""
    value, unit = HEART_RATE.decode(raw)
    check_limits(value, value, unit, "heart rate")
    return UntilHeartRate(above, value, unit)


def until_power(above: bool, raw: int, average: str | None) -> UntilPower:
    """A power condition (of a step or a repeat) from its raw value."""
    value, unit = POWER.decode(raw)
    check_limits(value, value, unit, "power")
    return UntilPower(above, value, unit, average)


# ------------------------------------------------------------------ repeats

REPEAT_HR = {
    profile.DURATION_REPEAT_UNTIL_HR_LESS_THAN: False,
    profile.DURATION_REPEAT_UNTIL_HR_GREATER_THAN: True,
}
REPEAT_POWER = {  # duration type -> (above, average)
    profile.DURATION_REPEAT_UNTIL_POWER_LESS_THAN: (False, None),
    profile.DURATION_REPEAT_UNTIL_POWER_GREATER_THAN: (True, None),
    profile.DURATION_REPEAT_UNTIL_POWER_LAST_LAP_LESS_THAN: (False, "lap"),
    profile.DURATION_REPEAT_UNTIL_MAX_POWER_LAST_LAP_LESS_THAN: (False, "max-lap"),
}
REPEAT_POWER_OF = {condition: kind for kind, condition in REPEAT_POWER.items()}
REPEAT_KINDS = {
    profile.DURATION_REPEAT_UNTIL_STEPS_CMPLT,
    profile.DURATION_REPEAT_UNTIL_TIME,
    profile.DURATION_REPEAT_UNTIL_DISTANCE,
    profile.DURATION_REPEAT_UNTIL_CALORIES,
    profile.DURATION_REPEAT_UNTIL_TRAINING_PEAKS_TSS,
    *REPEAT_HR,
    *REPEAT_POWER,
}


def encode_repeat(count: int | None, until: RepeatUntil | None) -> tuple[int, int, int]:
    """(duration_type, target_type, target_value) of a repeat step: `count` times, or
    until a condition, a time, a distance, calories or a score is reached."""
    match until:
        case None:
            assert count is not None
            return profile.DURATION_REPEAT_UNTIL_STEPS_CMPLT, profile.TARGET_OPEN, count
        case UntilHeartRate(above=above, value=value, unit=unit):
            kind = (
                profile.DURATION_REPEAT_UNTIL_HR_GREATER_THAN if above else profile.DURATION_REPEAT_UNTIL_HR_LESS_THAN
            )
            return kind, profile.TARGET_HEART_RATE, HEART_RATE.encode(value, unit)
        case UntilPower(above=above, value=value, unit=unit, average=average):
            return REPEAT_POWER_OF[above, average], profile.TARGET_POWER, POWER.encode(value, unit)
        case Time(seconds=seconds):
            return profile.DURATION_REPEAT_UNTIL_TIME, profile.TARGET_OPEN, MILLISECONDS.encode(seconds)
        case Distance(metres=metres):
            return profile.DURATION_REPEAT_UNTIL_DISTANCE, profile.TARGET_OPEN, CENTIMETRES.encode(metres)
        case Calories(kcal=kcal):
            return profile.DURATION_REPEAT_UNTIL_CALORIES, profile.TARGET_OPEN, kcal
        case Tss(points=points):
            return profile.DURATION_REPEAT_UNTIL_TRAINING_PEAKS_TSS, profile.TARGET_OPEN, points
    raise TypeError(f"not a repeat condition: {until!r}")


def decode_repeat(kind: int, value: int | None) -> tuple[int | None, RepeatUntil | None]:
    """(count, until) of a repeat step from its duration type and target_value."""
    name = profile.DURATION_NAMES.get(kind, f"type {kind}").replace("_", " ")
    if value is None:
        raise Unsupported(f"a {name} repeat without a value")
    if kind == profile.DURATION_REPEAT_UNTIL_STEPS_CMPLT:
        if not 1 <= value <= LIMITS.repeat_count:
            raise Unsupported(f"a repeat count of {value} (the language takes 1-{LIMITS.repeat_count})")
        return value, None
    if kind in REPEAT_HR:
        return None, until_heart_rate(REPEAT_HR[kind], value)
    if kind in REPEAT_POWER:
        above, average = REPEAT_POWER[kind]
        return None, until_power(above, value, average)
    if kind == profile.DURATION_REPEAT_UNTIL_TIME:
        return None, Time(_seconds(value, name))
    counted = {
        profile.DURATION_REPEAT_UNTIL_DISTANCE: profile.DURATION_DISTANCE,
        profile.DURATION_REPEAT_UNTIL_CALORIES: profile.DURATION_CALORIES,
        profile.DURATION_REPEAT_UNTIL_TRAINING_PEAKS_TSS: profile.DURATION_TRAINING_PEAKS_TSS,
    }
    until = decode_duration(counted[kind], value)
    assert isinstance(until, (Distance, Calories, Tss)), "a distance, calories or a score"
    return None, until


def check_limits(low: float, high: float, unit: str, what: str) -> None:
    """Raise Unsupported for a value (or range) in `unit` beyond what the language accepts."""
    floor, ceiling = LEVEL_LIMITS[unit]
    if floor <= low and high <= ceiling:
        return
    written = WRITTEN_UNITS[unit]
    shown = f"{low:g}{written}" if low == high else f"{low:g}-{high:g}{written}"
    raise Unsupported(f"a {what} of {shown} (the language takes {floor}-{ceiling}{written})")


def check_pace(fast: float, slow: float, unit: str, name: str) -> None:
    """Paces beyond the language's limits raise Unsupported."""
    per = unit[2:]
    floor, ceiling = pace_limits(per)
    if floor <= fast and slow <= ceiling:
        return
    shown = f"{format_clock(fast, 2)}-{format_clock(slow, 2)}/{per}"
    raise Unsupported(
        f"a {name} target of {shown} (the language takes {format_clock(floor)}-{format_clock(ceiling)}/{per})"
    )


# ------------------------------------------------------------------ targets

NO_TARGET = (profile.TARGET_OPEN, INVALID_U32, INVALID_U32, INVALID_U32)


def encode_target(target: Target) -> tuple[int, int, int, int]:
    """(target_type, target_value, custom low, custom high) as raw FIT values."""
    metric = "pace" if target.metric == "speed" else target.metric
    kind = TARGET_TYPE.raw[metric, target.average]
    if target.zone is not None:
        return kind, target.zone, INVALID_U32, INVALID_U32
    if target.low is None or target.high is None or target.unit is None:
        raise ValueError(f"a custom target needs a range and a unit: {target!r}")
    low, high = RANGES[target.metric].encode_range(target.low, target.high, target.unit)
    return kind, 0, low, high


def encode_stroke(stroke: str) -> tuple[int, int, int, int]:
    """A swim stroke as the target the watch shows it with."""
    return profile.TARGET_SWIM_STROKE, STROKE.raw[stroke], INVALID_U32, INVALID_U32


def decode_target(
    kind: int | None, zone: int | None, low: int | None, high: int | None, span: Span, speed_unit: str = "s/km"
) -> Target | None:
    """A target from its raw fields (None when open), placed at `span`. Speeds are
    read in `speed_unit` (a pace's "s/km", "s/100m", ... or a speed's "km/h"), cadence
    as steps when that is a pace. A reversed range (low above high) raises Reversed."""
    if kind is None or kind == profile.TARGET_OPEN:
        return None
    name = profile.TARGET_NAMES.get(kind, f"type {kind}").replace("_", " ")
    if kind not in TARGET_TYPE.value:
        raise Unsupported(f"a {name} target")
    metric, average = TARGET_TYPE.value[kind]
    if metric == "pace" and speed_unit in SPEED_UNITS:
        metric = "speed"
    if zone:
        if metric not in ZONES or zone > ZONES[metric]:
            raise Unsupported(f"a {name} target in zone {zone}")
        return Target(metric, zone, None, None, None, span, average)
    if low is None or high is None:
        raise Unsupported(f"a {name} target with no range")
    unit = (
        "spm" if metric == "cadence" and speed_unit.startswith("s/") and speed_unit[2:] not in SWIM_PACE_UNITS else None
    )
    low_value, high_value, unit = RANGES[metric].decode_range(low, high, name, unit or speed_unit)
    bottom, top = min(low_value, high_value), max(low_value, high_value)
    if metric in ("pace", "speed"):
        _check_speeds(metric, (low, high), bottom, top, unit, name)
    else:
        check_limits(bottom, top, unit, f"{name} target")
    target = Target(metric, None, bottom, top, unit, span, average)
    if low_value > high_value:  # a pace's ends were swapped when read: its low end is the higher speed
        raise Reversed(target, low, high)
    return target


def _check_speeds(metric: str, raw: tuple[int, int], bottom: float, top: float, unit: str, name: str) -> None:
    """A pace or speed is within the language's limits when its speeds in mm/s are within
    the limits' own: the limit itself comes back from FIT's rounding a little past it."""
    floor, ceiling = pace_limits(unit[2:]) if metric == "pace" else LEVEL_LIMITS[unit]
    allowed = RANGES[metric].encode_range(floor, ceiling, unit)
    if min(allowed) <= min(raw) and max(raw) <= max(allowed):
        return
    if metric == "pace":
        check_pace(bottom, top, unit, name)
    else:
        check_limits(bottom, top, unit, f"{name} target")


class Reversed(Exception):
    """A custom range written high end first; `target` holds it the right way round."""

    def __init__(self, target: Target, low: int, high: int):
        super().__init__(f"its range is written high end first (custom low {low}, high {high})")
        self.target = target


# ------------------------------------------------------------------ dates

FIT_EPOCH_LOCAL = datetime(1989, 12, 31)  # local_date_time counts from FIT's epoch, in local time
MIN_DATE_TIME = 0x10000000  # smaller date_time and local_date_time values count from a power-up, not a date


def encode_local_time(when: datetime) -> int:
    """A schedule's date and time as FIT's local_date_time: seconds since 1989-12-31
    00:00 on the watch's own clock (no time zone, as a plan's dates have none)."""
    return int((when - FIT_EPOCH_LOCAL).total_seconds())


def decode_local_time(raw: int) -> datetime:
    """The local date and time `raw` stands for; Unsupported for a time since power-up."""
    if raw < MIN_DATE_TIME:
        raise Unsupported(f"a time {raw} s after a device was switched on, not a date")
    return FIT_EPOCH_LOCAL + timedelta(seconds=raw)
