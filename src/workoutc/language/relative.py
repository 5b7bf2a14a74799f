"""Reading targets written relative to the athlete: `pace threshold+10s`, `pace T-5s/mi`,
`pace 95-100% threshold`, `hr 80-85% lthr`, `hr 60% reserve`, `power 88-94% ftp`.

Lowering keeps what was written in a `Relative` (model.py) and leaves the numbers to
check/resolve.py, which reads them from one athlete's profile. `ftp` is the exception:
the watch applies its own FTP, so `power 88-94% ftp` has the numbers of `power 88-94%`.
Each failure is a `LowerError` at the token to blame, as in targets.py.
"""

from __future__ import annotations

from dataclasses import replace

from lark import Token

from .. import units
from ..diagnostics import Span
from ..model import Relative, Target
from .callbacks import LowerError, token_span, unit_error
from .printer import percent_text, signed_offset
from .targets import metric_label, read_pace_unit, read_target, read_value
from .vocabulary import LEVEL_REFERENCES, PACE_REFERENCE_OF, PACE_REFERENCES

LEVEL_HINTS = {
    "hr": "heart rate is a percentage of `lthr` or `reserve`, or of max heart rate with `%` alone: `hr 80%`",
    "power": "power is a percentage of `ftp`: `power 88-94% ftp`",
    "cadence": "cadence is written in spm or rpm: `cadence 170-180spm`",
}
# The percentages that make sense of each reference (of a pace: of its speed).
PERCENT_LIMITS = {**dict.fromkeys(PACE_REFERENCES, (50, 150)), "lthr": (50, 110), "reserve": (0, 100)}
MAX_OFFSET_SECONDS = 300  # 5 min per km (or mile) away from a reference pace is another pace


def pace_word(text: str) -> str:
    """The long word of a pace reference written long or short, in any case (`T`: `threshold`)."""
    return PACE_REFERENCE_OF[units.folded(text)]


def read_relative_pace(
    first: Token | None, second: Token | None, reference: Token, offset: tuple | None, per_token: Token | None
) -> Relative:
    """`[95-100%] threshold[+10s][/mi]`: a percentage of the pace's speed or an offset from it."""
    name = pace_word(reference.value)
    percent = None if first is None else read_percent(first, second, name)
    seconds = None if offset is None else read_offset(*offset)
    if percent is not None and offset is not None:
        raise LowerError(
            token_span(offset[1]),
            "a pace is a percentage of the athlete's pace or an offset from it, not both",
            f"write `pace {percent_text(percent)} {name}` or `pace {name}{signed_offset(seconds or 0)}`",
        )
    per = "km" if per_token is None else read_pace_unit(per_token)
    return Relative(name, None if seconds is None else (seconds, seconds), per, percent)


def read_level(metric: str, level: tuple, span: Span) -> Target:
    """A heart-rate, power or cadence target from the (shape, tokens...) its level rule gave."""
    if level[0] in ("relative_range", "relative_single"):
        return read_relative_level(metric, level, span)
    return read_target(metric, level, span)


def read_relative_level(metric: str, level: tuple, span: Span) -> Target:
    """`hr 80-85% lthr`, `hr 60% reserve`, `power 88-94% ftp` from their level's shape."""
    shape, *numbers, reference_token = level
    reference = units.folded(reference_token.value)
    if reference not in LEVEL_REFERENCES[metric]:
        raise LowerError(
            token_span(reference_token),
            f"a {metric_label(metric)} target is not a percentage of `{reference}`",
            LEVEL_HINTS[metric],
        )
    if reference == "ftp":
        return _percent_of_ftp(shape, numbers, span)
    first, second = numbers if len(numbers) == 2 else (numbers[0], None)
    relative = Relative(reference, percent=read_percent(first, second, reference))
    return Target(metric, None, None, None, None, span, relative=relative)


def _percent_of_ftp(shape: str, numbers: list[Token], span: Span) -> Target:
    """The target `power 88-94%` is, noting that it was written with `ftp`."""
    target = read_target("power", (shape.removeprefix("relative_"), *numbers), span)
    if target.unit != "%ftp":
        last = numbers[-1]
        raise LowerError(
            token_span(last),
            f"`{last} ftp` is not a percentage of FTP",
            f"write a percentage, like `power 90% ftp`, or watts without `ftp`: `power {last}`",
        )
    written = [read_value(token, "power", "%ftp")[0] for token in numbers]
    return replace(target, relative=Relative("ftp", percent=(min(written), max(written))))


def read_percent(first: Token, second: Token | None, reference: str) -> tuple[float, float]:
    """`95-100%` or `97%` of `reference`; `%` may be written once, at the end."""
    high = _percent(second or first, reference, bare=False)
    low = high if second is None else _percent(first, reference, bare=True)
    return min(low, high), max(low, high)


def _percent(token: Token, reference: str, bare: bool) -> float:
    """One percentage, within its reference's limits; `bare` allows it without `%`."""
    parts = units.split_quantity(token.value)
    part = parts[0]
    if len(parts) > 1 or part.unit not in (("%", "") if bare else ("%",)):
        digits = part.text[: len(part.text) - len(part.unit)]
        hint = f"write `{digits}%`" if len(parts) == 1 else None
        raise LowerError(token_span(token), f"`{token}` is not a percentage of {reference}", hint)
    low, high = PERCENT_LIMITS[reference]
    if not low <= part.number <= high:
        shown = percent_text((part.number, part.number))
        raise LowerError(token_span(token), f"{shown} of {reference} is outside {low}-{high} %")
    return part.number


def read_offset(sign: int, token: Token) -> float:
    """The seconds after `+` (slower) or `-` (faster): a time, at most 5 min."""
    if token.type == "CLOCK":
        raise LowerError(
            token_span(token),
            "an offset is written as a time like `10s`, not as a clock",
            _clock_hint(sign, token.value),
        )
    try:
        return sign * _offset_seconds(token.value)
    except units.UnitError as error:
        raise unit_error(token, error) from None


def _offset_seconds(text: str) -> float:
    parts = units.split_quantity(text)
    if len(parts) == 1 and not parts[0].unit:
        raise units.UnitError(f"`{text}` needs a unit", f"write `{text}s` for seconds", 0, len(text))
    kind, seconds = units.read_duration(text)
    if kind != "time":
        raise units.UnitError(f"`{text}` is a distance; an offset is a time", "write it like `10s`", 0, len(text))
    if seconds > MAX_OFFSET_SECONDS:
        raise units.UnitError(
            f"an offset of `{text}` is more than {MAX_OFFSET_SECONDS // 60}min",
            "a pace that far from the reference is another pace: write it as one",
            0,
            len(text),
        )
    return seconds


def _clock_hint(sign: int, clock: str) -> str:
    try:
        seconds = units.read_clock(clock)
    except units.UnitError:
        seconds = 0
    return f"write `{signed_offset(sign * seconds)}`" if seconds else "write seconds or minutes: `+10s`, `-1min`"
