"""Reading targets: heart rate, power and cadence levels, and paces, into `Target`s.

A level is written as a zone (`z2`), a bound on a zone (`<z2`, `<=z2`), a bound on a
value (`<150bpm`), a range (`140-150bpm`) or a single value (`250W`, a small window
around it). Each failure is a `LowerError` pointing at the token to blame.
"""

from __future__ import annotations

from functools import lru_cache

from lark import Token

from .. import units
from ..diagnostics import Span
from ..model import Relative, Target
from ..suggest import did_you_mean
from .callbacks import LowerError, token_span, unit_error

ZONE_COUNT = {
    "hr": units.LIMITS.hr_zones,
    "power": units.LIMITS.power_zones,
    "pace": units.LIMITS.speed_zones,
    "speed": units.LIMITS.speed_zones,
    "cadence": units.LIMITS.cadence_zones,
}
# What a one-sided bound (`hr<150bpm`) uses for its open side.
OPEN_SIDE = {
    "bpm": (30, 250),
    "%max": (50, 100),
    "W": (1, 3000),
    "%ftp": (1, 300),
    "spm": (20, 300),
    "rpm": (10, 150),
    **{unit: units.LEVEL_LIMITS[unit] for unit in ("km/h", "mph", "%", "")},
}


# A range of each metric without zones, for hints.
RANGE_EXAMPLE = {"cadence": "170-180spm", "speed": "30-35km/h", "grade": "2-4%", "resistance": "6-8"}


def metric_label(metric: str) -> str:
    return {"hr": "heart-rate"}.get(metric, metric)


# A library repeats the same few values ("170-180spm") thousands of times; reading one
# is a pure function of its text, so each is read once. Errors are not cached
# (lru_cache keeps only returned values).
@lru_cache(maxsize=4096)
def _read_value(text: str, metric: str, default_unit: str | None) -> tuple[float, str]:
    """A heart-rate, power or cadence value and its canonical unit, within the unit's limits."""
    label = metric_label(metric)
    value, unit = units.read_value(text, units.LEVEL_UNITS[metric], label, default_unit)
    units.check_range(value, units.LEVEL_LIMITS[unit], label, text)
    return value, unit


def read_value(token: Token, metric: str, default_unit: str | None = None) -> tuple[float, str]:
    try:
        return _read_value(token.value, metric, default_unit)
    except units.UnitError as error:
        raise unit_error(token, error) from None


def read_target(metric: str, level: tuple, span: Span) -> Target:
    """A target from the (shape, tokens...) its level rule gave."""
    shape, *tokens = level
    if shape == "zone":
        return Target(metric, read_zone(metric, tokens[0]), None, None, None, span)
    if shape == "zone_bound":
        # Garmin's default zones in % of max, so a file compiled without a profile says
        # what it always said; `relative` lets a profile's zone model read it again.
        compare, zone = tokens
        bottom, top = _zone_bound(metric, compare, zone)
        relative = Relative("zone", bound=(compare.value, int(zone.value[1:])))
        return Target(metric, None, bottom, top, "%max", span, relative=relative)
    low: float
    high: float
    if shape == "range":
        low, high, unit = _range(metric, *tokens)
    elif shape == "single":
        value, unit = read_value(tokens[0], metric)
        half = units.SINGLE_VALUE_HALF_WIDTH[unit]
        floor, ceiling = units.LEVEL_LIMITS[unit]  # a window never leaves the unit's range
        low, high = max(value - half, floor), min(value + half, ceiling)
    else:
        compare, token = tokens
        value, unit = read_value(token, metric)
        low, high = _bounded(compare, value, unit, token)
    return Target(metric, None, low, high, unit, span)


def _range(metric: str, low_token: Token, high_token: Token) -> tuple[float, float, str]:
    """`140-150bpm`: the unit may be written once, at the end; either end may come first."""
    high, unit = read_value(high_token, metric)
    low, low_unit = read_value(low_token, metric, default_unit=unit)
    if low_unit != unit:
        raise LowerError(token_span(low_token), f"`{low_token}` and `{high_token}` are in different units")
    return min(low, high), max(low, high), unit


def read_zone(metric: str, token: Token) -> int:
    zones = ZONE_COUNT.get(metric)
    number = int(token.value[1:])
    if zones is None:
        raise LowerError(
            token_span(token),
            f"{metric} targets have no zones",
            f"give a range, like `{metric} {RANGE_EXAMPLE[metric]}`",
        )
    if not 1 <= number <= zones:
        raise LowerError(
            token_span(token), f"`{metric} {token}` has no zone {number}", f"{metric_label(metric)} zones are 1-{zones}"
        )
    return number


def zones_of_bound(op: str, number: int) -> tuple[int, int]:
    """The first and last heart-rate zone `hr<z2` (1, 1), `hr<=z2` (1, 2), `hr>z3` (4, 5)
    or `hr>=z3` (3, 5) covers; first > last when there is none."""
    top = len(units.HR_ZONE_BOUNDS) - 1
    return {"<": (1, number - 1), "<=": (1, number), ">": (number + 1, top)}.get(op, (number, top))


def _zone_bound(metric: str, compare: Token, token: Token) -> tuple[int, int]:
    """hr<z2 -> zone 1's range, hr<=z2 -> zones 1-2; as % of max HR."""
    number = read_zone(metric, token)
    if metric != "hr":
        raise LowerError(
            token_span(compare), f"`{compare}` works with heart-rate zones only", f"write `{metric} z{number}`"
        )
    op = compare.value
    first, last = zones_of_bound(op, number)
    if first > last:
        side = "below" if op.startswith("<") else "above"
        start, end = token_span(compare), token_span(token)
        raise LowerError(
            Span(start.line, start.column, end.end_line, end.end_column), f"there is no zone {side} zone {number}"
        )
    return units.HR_ZONE_BOUNDS[first - 1], units.HR_ZONE_BOUNDS[last]


def _bounded(compare: Token, value: float, unit: str, token: Token) -> tuple[float, float]:
    """A one-sided bound: `<` excludes the value itself (whole units)."""
    floor, ceiling = OPEN_SIDE[unit]
    op = compare.value
    low: float
    high: float
    if op.startswith("<"):
        low, high = floor, value - (1 if op == "<" else 0)
    else:
        low, high = value + (1 if op == ">" else 0), ceiling
    if low > high:
        raise LowerError(
            token_span(token), f"`{compare}{token}` leaves no range above {floor}{units.WRITTEN_UNITS[unit]}"
        )
    return low, high


def read_pace(fast_token: Token, slow_token: Token | None, unit_token: Token) -> tuple[float, float, str]:
    """`3:50-4:00/km` (or a single pace, a small window around it) -> (fast, slow, "s/km");
    the unit in any case (`/KM`)."""
    per = read_pace_unit(unit_token)
    seconds = [_clock(token, per) for token in (fast_token, slow_token) if token is not None]
    if len(seconds) == 1:
        half = units.SINGLE_VALUE_HALF_WIDTH["pace"]
        floor, ceiling = units.pace_limits(per)  # a window never leaves the pace limits, as a level's does
        seconds = [max(seconds[0] - half, floor), min(seconds[0] + half, ceiling)]
    return min(seconds), max(seconds), f"s/{per}"


def read_pace_unit(token: Token) -> str:
    """The `km`, `mi`, `100m` or `100yd` after a pace's `/`, in any case."""
    per = units.folded(token.value)
    if per not in units.PACE_UNITS:
        hint = did_you_mean(per, units.PACE_UNITS) or "pace is written per km, mi, 100m or 100yd: `4:00/km`"
        raise LowerError(token_span(token), f"unknown pace unit `/{token}`", hint, "E003")
    return per


def _clock(token: Token, per: str) -> float:
    """A pace clock in seconds per `per`, within the pace limits."""
    try:
        value = units.read_clock(token.value)
        low, high = units.pace_limits(per)
        if not low <= value <= high:
            raise units.UnitError(
                f"pace {token.value}/{per} is outside {units.format_clock(low)}-{units.format_clock(high)} per {per}",
                None,
                0,
                len(token.value),
            )
    except units.UnitError as error:
        raise unit_error(token, error) from None
    return value
