"""Every value of a workout step, encoded for FIT and decoded back, side by side.

The writer (encode.py) and the reader (decode.py) both read these tables and codecs,
so an encoding is defined once, next to its inverse; tests/fit/test_values.py
round-trips each. Raw values follow Garmin's workout cookbook:

* time in ms, distance in cm;
* heart rate 0-100 = % of max, above 100 = bpm + 100; power 0-1000 = % of FTP, above
  1000 = watts + 1000;
* pace as speed in mm/s (the slower pace is the low end); running cadence in strides
  per minute (half the steps);
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
from ..model import Distance, Duration, Intensity, LapKey, Target, Time, UntilHeartRate
from ..units import LEVEL_LIMITS, LIMITS, PACE_UNITS, WRITTEN_UNITS, format_clock
from . import profile

K = TypeVar("K")


class Unsupported(Exception):
    """A value the language cannot express; the message names it."""


class Codes(Generic[K]):
    """A one-to-one table between the model's values and a FIT enum's raw values."""

    def __init__(self, pairs: dict[K, int]):
        self.raw = pairs
        self.value = {raw: value for value, raw in pairs.items()}


INTENSITY = Codes(
    {
        Intensity.WARMUP: profile.INTENSITY_WARMUP,
        Intensity.ACTIVE: profile.INTENSITY_ACTIVE,
        Intensity.RECOVERY: profile.INTENSITY_RECOVERY,
        Intensity.REST: profile.INTENSITY_REST,
        Intensity.COOLDOWN: profile.INTENSITY_COOLDOWN,
    }
)
SPORT = Codes({"running": profile.SPORT_RUNNING, "cycling": profile.SPORT_CYCLING})
TARGET_TYPE = Codes(
    {
        "hr": profile.TARGET_HEART_RATE,
        "pace": profile.TARGET_SPEED,
        "power": profile.TARGET_POWER,
        "cadence": profile.TARGET_CADENCE,
    }
)
LAP_POWER = profile.TARGET_POWER_LAP  # power averaged over the lap: a power target with `lap`
ZONES = {"hr": LIMITS.hr_zones, "power": LIMITS.power_zones}
INVALID_U32 = profile.STEP_DURATION_VALUE.invalid

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

    def decode_range(self, low: int, high: int, name: str) -> tuple[float, float, str]:
        if (low > self.split) != (high > self.split):
            raise Unsupported(f"a {name} range mixing percent and absolute values ({low}-{high})")
        (low_value, unit), (high_value, _) = self.decode(low), self.decode(high)
        return low_value, high_value, unit


HEART_RATE = Offset(100, "%max", "bpm")
POWER = Offset(1000, "%ftp", "W")


class Speed:
    """A pace range (seconds per km or mile) as a speed range in mm/s: the slower pace
    is the lower speed. Decoded paces are per km."""

    def encode_range(self, low: float, high: float, unit: str) -> tuple[int, int]:
        metres = PACE_UNITS[unit[2:]]
        return round(metres / high * 1000), round(metres / low * 1000)

    def decode_range(self, low: int, high: int, name: str) -> tuple[float, float, str]:
        if low <= 0 or high <= 0:
            raise Unsupported(f"a {name} target of zero speed")
        return 1_000_000 / high, 1_000_000 / low, "s/km"  # the faster speed is the faster (lower) pace


class Cadence:
    """Steps per minute as FIT's running cadence, strides (one foot) per minute, widened
    to whole strides; revolutions per minute as they are. Decoded as steps."""

    def encode_range(self, low: float, high: float, unit: str) -> tuple[int, int]:
        if unit == "spm":
            return math.floor(low / 2), math.ceil(high / 2)
        return round(low), round(high)

    def decode_range(self, low: int, high: int, name: str) -> tuple[float, float, str]:
        return low * 2, high * 2, "spm"


RANGES: dict[str, Offset | Speed | Cadence] = {"hr": HEART_RATE, "power": POWER, "pace": Speed(), "cadence": Cadence()}

# ------------------------------------------------------------------ durations


def encode_duration(duration: Duration) -> tuple[int, int]:
    """(duration_type, duration_value)."""
    match duration:
        case Time(seconds=seconds):
            return profile.DURATION_TIME, MILLISECONDS.encode(seconds)
        case Distance(metres=metres):
            return profile.DURATION_DISTANCE, CENTIMETRES.encode(metres)
        case LapKey():
            return profile.DURATION_OPEN, INVALID_U32
        case UntilHeartRate(above=above, value=value, unit=unit):
            kind = profile.DURATION_HR_GREATER_THAN if above else profile.DURATION_HR_LESS_THAN
            return kind, HEART_RATE.encode(value, unit)
    raise TypeError(f"not a duration: {duration!r}")


HR_DURATIONS = {profile.DURATION_HR_LESS_THAN: False, profile.DURATION_HR_GREATER_THAN: True}


def decode_duration(kind: int, value: int | None) -> Duration:
    """The duration of a (non-repeat) step; absent type means open."""
    if kind == profile.DURATION_OPEN:
        return LapKey()
    name = profile.DURATION_NAMES.get(kind, f"type {kind}")
    if value is None:
        raise Unsupported(f"a {profile.DURATION_NAMES.get(kind, kind)} duration without a value")
    if kind in (profile.DURATION_TIME, profile.DURATION_DISTANCE) and value == 0:
        raise Unsupported(f"a {name} duration of zero")
    if kind == profile.DURATION_TIME:
        if value > LIMITS.duration_seconds * MILLISECONDS.factor:
            raise Unsupported(f"a time duration of {value / 3_600_000:g}h (a step lasts at most 24h)")
        return Time(MILLISECONDS.decode(value))
    if kind == profile.DURATION_DISTANCE:
        if value > LIMITS.distance_metres * CENTIMETRES.factor:
            limit = LIMITS.distance_metres // 1000
            raise Unsupported(f"a distance duration of {value / 100_000:g}km (a step covers at most {limit}km)")
        return Distance(CENTIMETRES.decode(value), "m" if value < 100_000 else "km")
    if kind in HR_DURATIONS:
        return until_heart_rate(HR_DURATIONS[kind], value)
    raise Unsupported(f"a {name} duration")


def until_heart_rate(above: bool, raw: int) -> UntilHeartRate:
    """A heart-rate condition (of a step or a repeat) from its raw value."""
    value, unit = HEART_RATE.decode(raw)
    check_limits(value, value, unit, "heart rate")
    return UntilHeartRate(above, value, unit)


def check_limits(low: float, high: float, unit: str, what: str) -> None:
    """Raise Unsupported for a value (or range) in `unit` beyond what the language accepts."""
    floor, ceiling = LEVEL_LIMITS[unit]
    if floor <= low and high <= ceiling:
        return
    written = WRITTEN_UNITS[unit]
    shown = f"{low:g}{written}" if low == high else f"{low:g}-{high:g}{written}"
    raise Unsupported(f"a {what} of {shown} (the language takes {floor}-{ceiling}{written})")


def _check_pace(fast: float, slow: float, name: str) -> None:
    """Paces (seconds per km) beyond the language's limits raise Unsupported."""
    floor, ceiling = LIMITS.pace_seconds_per_km
    if floor <= fast and slow <= ceiling:
        return
    shown = f"{format_clock(fast, 2)}-{format_clock(slow, 2)}/km"
    raise Unsupported(
        f"a {name} target of {shown} (the language takes {format_clock(floor)}-{format_clock(ceiling)}/km)"
    )


# ------------------------------------------------------------------ targets

NO_TARGET = (profile.TARGET_OPEN, INVALID_U32, INVALID_U32, INVALID_U32)


def encode_target(target: Target) -> tuple[int, int, int, int]:
    """(target_type, target_value, custom low, custom high) as raw FIT values."""
    kind = LAP_POWER if target.lap else TARGET_TYPE.raw[target.metric]
    if target.zone is not None:
        return kind, target.zone, INVALID_U32, INVALID_U32
    if target.low is None or target.high is None or target.unit is None:
        raise ValueError(f"a custom target needs a range and a unit: {target!r}")
    low, high = RANGES[target.metric].encode_range(target.low, target.high, target.unit)
    return kind, 0, low, high


def decode_target(kind: int | None, zone: int | None, low: int | None, high: int | None, span: Span) -> Target | None:
    """A target from its raw fields (None when open), placed at `span`."""
    if kind is None or kind == profile.TARGET_OPEN:
        return None
    name = profile.TARGET_NAMES.get(kind, f"type {kind}")
    lap = kind == LAP_POWER
    metric = "power" if lap else TARGET_TYPE.value.get(kind)
    if metric is None:
        raise Unsupported(f"a {name} target")
    if zone:
        if metric not in ZONES or zone > ZONES[metric]:
            raise Unsupported(f"a {name} target in zone {zone}")
        return Target(metric, zone, None, None, None, span, lap)
    if low is None or high is None:
        raise Unsupported(f"a {name} target with no range")
    low_value, high_value, unit = RANGES[metric].decode_range(low, high, name)
    bottom, top = min(low_value, high_value), max(low_value, high_value)  # either way round
    if metric == "pace":
        _check_pace(bottom, top, name)
    else:
        check_limits(bottom, top, unit, f"{name} target")
    return Target(metric, None, low_value, high_value, unit, span, lap)


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
