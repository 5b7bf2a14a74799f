"""Reading durations and the conditions a step or a repeat ends on.

A mixin of the Lowerer (language/lower.py): `45s`, `400m`, `100yd`, `8len`, `300kcal`,
`12reps`, `50tss`, `lap`, `until hr<120bpm`, `until power-3s>300W`, `on 1:45`, and a
repeat's `until` (a condition, or an amount: `repeat until 20min`). Each failure is a
`LowerError` at the token to blame.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lark import Token

from .. import units
from ..model import Calories, Distance, LapKey, Lengths, Reps, SendOff, Time, Tss, UntilHeartRate, UntilPower
from .callbacks import LowerError, token_span, unit_error
from .targets import read_value

REPEAT_AS_DURATION = re.compile(r"(\d+)[xX](\d.*)")  # `easy 5x400m`: a repeat written where a duration goes
COUNTED = {"calories": Calories, "reps": Reps, "tss": Tss, "lengths": Lengths}
COUNT_LIMITS = {
    "calories": units.LIMITS.calories,
    "reps": units.LIMITS.reps,
    "tss": units.LIMITS.tss,
    "lengths": units.LIMITS.lengths,
}
# What each average of power is written with, and the averages a condition may use.
POWER_AVERAGES = {"power": None, "power-3s": "3s", "power-10s": "10s", "power-30s": "30s", "lap-power": "lap"}
POWER_AVERAGES["max-lap-power"] = "max-lap"


# A library repeats the same few durations ("15min", "400m") thousands of times;
# reading one is a pure function of its text, so each is read once. Errors are not
# cached (lru_cache keeps only returned values), and callers may adjust them.
@lru_cache(maxsize=4096)
def _read_duration(text: str) -> tuple[str, float, str]:
    """units.read_duration, plus the unit of a distance in lower case ("" for a time);
    an amount counted in a unit of units.COUNT_UNITS is (that count's kind, number, "")."""
    parts = units.split_quantity(text)
    counted = units.COUNT_UNITS.get(units.folded(parts[-1].unit)) if len(parts) == 1 else None
    if counted is not None:
        return counted, _whole(parts[0], COUNT_LIMITS[counted], text), ""
    kind, value = units.read_duration(text)
    return kind, value, units.folded(parts[0].unit) if kind == "distance" else ""


def _whole(part: units.Part, limits: tuple[int, int], text: str) -> int:
    floor, ceiling = limits
    if not part.number.is_integer() or not floor <= part.number <= ceiling:
        raise units.UnitError(f"`{text}` must be a whole number from {floor} to {ceiling}", None, 0, len(text))
    return int(part.number)


def duration_of(kind: str, value: float, unit: str, span=None):
    """The model's duration for what _read_duration read."""
    if kind == "time":
        return Time(value, span)
    if kind == "distance":
        return Distance(value, unit, span)
    return COUNTED[kind](int(value), span)


def read_duration_token(token: Token, span=None, offset: int = 0, text: str | None = None):
    """The duration `token` (or the part `text` of it, `offset` characters in) says."""
    try:
        kind, value, unit = _read_duration(token.value if text is None else text)
    except units.UnitError as error:
        error.start += offset
        raise unit_error(token, error) from None
    return duration_of(kind, value, unit, span)


def power_average(keyword: Token) -> str | None:
    return POWER_AVERAGES[units.folded(keyword.value)]


class DurationRules:
    """The Lowerer's rule methods for durations and repeat conditions."""

    def fixed(self, span, token):
        repeat = REPEAT_AS_DURATION.fullmatch(token.value)
        if repeat:
            raise LowerError(
                token_span(token),
                f"`{token}` is not a duration",
                f"repeats are written in a workout block: `{repeat.group(1)}x` on its own line, "
                f"then `run {repeat.group(2)}` indented below it, or as one line: `{token.value} recover 90s`",
            )
        return read_duration_token(token, span)

    def amount(self, span, token):
        """An exercise's amount: a bare number is reps (`squat 3x10`)."""
        if token.value.isdigit():
            return self._counted(Reps, token, units.LIMITS.reps, span)
        return self.fixed(span, token)

    def lap(self, span, token):
        return LapKey(span)

    def send_off(self, span, _on, token):
        """`on 1:45`: the repetition, swim and rest, starts again every 1:45."""
        if token.type == "CLOCK":
            try:
                seconds = units.read_clock(token.value, "send-off")
                if not 0 < seconds <= units.LIMITS.duration_seconds:
                    raise units.UnitError(f"a send-off of `{token}` is outside 0:01-1440:00", None, 0, len(token.value))
            except units.UnitError as error:
                raise unit_error(token, error) from None
            return SendOff(seconds, span)
        duration = read_duration_token(token, span)
        if not isinstance(duration, Time):
            raise LowerError(token_span(token), f"a send-off is a time, not `{token}`", "write `on 1:45` or `on 105s`")
        return SendOff(duration.seconds, span)

    def until_hr(self, span, _until, keyword, compare, quantity):
        return self.hr_condition(span, keyword, compare, quantity)

    def until_power(self, span, _until, keyword, compare, quantity):
        condition = self.power_condition(span, keyword, compare, quantity)
        if condition.average == "max-lap":
            raise LowerError(token_span(keyword), "`max-lap-power` ends a repeat, not a step", "write `lap-power`")
        return condition

    def hr_condition(self, span, keyword, compare, quantity):
        if units.folded(keyword.value) != "hr":
            raise LowerError(token_span(keyword), f"a step cannot end on `{keyword}`", "write `until hr<VALUE`")
        self._strict(compare, "hr")
        value, unit = read_value(quantity, "hr")
        return UntilHeartRate(compare.value == ">", int(value), unit, span)

    def power_condition(self, span, keyword, compare, quantity):
        self._strict(compare, "power")
        value, unit = read_value(quantity, "power")
        return UntilPower(compare.value == ">", int(value), unit, power_average(keyword), span)

    def amount_condition(self, span, token):
        """`repeat until 20min`, `5km`, `500kcal`, `50tss`."""
        duration = self.fixed(span, token)
        if isinstance(duration, (Reps, Lengths)):
            raise LowerError(
                token_span(token),
                f"a repeat cannot run until `{token}`",
                "a repeat runs until a time, distance, kcal or tss",
            )
        return duration

    @staticmethod
    def _strict(compare: Token, metric: str) -> None:
        if compare.value not in ("<", ">"):
            raise LowerError(
                token_span(compare),
                f"`until {metric}{compare.value}` is not a condition the watch knows",
                f"write `until {metric}<VALUE` or `until {metric}>VALUE`",
            )

    @staticmethod
    def _counted(build, token: Token, limits: tuple[int, int], span):
        try:
            return build(_whole(units.split_quantity(token.value)[0], limits, token.value), span)
        except units.UnitError as error:
            raise unit_error(token, error) from None
