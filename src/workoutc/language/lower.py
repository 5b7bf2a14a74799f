"""Tokens -> model: the Lowerer gives every token its meaning, inside the parser.

Each rule method returns a model object (language/callbacks.py runs them as the
parser's callbacks, so no tree is built, and turns a `LowerError` into a marker that
fails the enclosing rules). Targets are read in language/targets.py; the checks on
whole workouts and plans, and gathering a file's items, are in language/document.py.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, time
from functools import cache, lru_cache

from lark import Lark, Token

from .. import units
from ..diagnostics import Diagnostic
from ..model import (
    KINDS,
    SPORTS,
    Distance,
    Document,
    Intensity,
    LapKey,
    Plan,
    PlanEntry,
    Repeat,
    Step,
    Target,
    Time,
    UntilHeartRate,
    Workout,
)
from ..suggest import did_you_mean
from .callbacks import Callbacks, LowerError, extent, spanless, token_span, unit_error
from .document import check_nesting, check_size, finish
from .grammar import build_parser, comments_of
from .indentation import Comment
from .parse import run_parser
from .relative import read_level, read_relative_pace
from .targets import metric_label, read_pace, read_value
from .vocabulary import STEP_KEYWORDS, unquote

STRIDE_JOG_FACTOR = 3  # an unwritten stride recovery jogs 3x the stride
MAX_TARGETS = 2  # FIT has a primary and a secondary target
MAX_STRING_BYTES = 254  # FIT string fields: 255 bytes with the terminating NUL
ESCAPE = re.compile(r"\\(.)")  # inside a quoted string, only \" and \\ mean anything
REPEAT_AS_DURATION = re.compile(r"(\d+)[xX](\d.*)")  # `easy 5x400m`: a repeat written where a duration goes


# A library repeats the same few durations ("15min", "400m") thousands of times;
# reading one is a pure function of its text, so each is read once. Errors are not
# cached (lru_cache keeps only returned values), and callers may adjust them.
@lru_cache(maxsize=4096)
def _read_duration(text: str) -> tuple[str, float, str]:
    """units.read_duration, plus the unit of a distance in lower case ("" for a time)."""
    kind, value = units.read_duration(text)
    return kind, value, units.folded(units.split_quantity(text)[0].unit) if kind == "distance" else ""


class Lowerer:
    """Rule methods receive (span, *children); one instance serves every file of a
    process, one at a time (`start_file`)."""

    def __init__(self, path: str = "<input>"):
        self.path = path
        self.references: set[str] = set()  # Relative.reference of every target so far

    def start_file(self, path: str) -> None:
        self.path = path
        self.references = set()

    # ------------------------------------------------------------ durations

    def fixed(self, span, token):
        repeat = REPEAT_AS_DURATION.fullmatch(token.value)
        if repeat:
            raise LowerError(
                token_span(token),
                f"`{token}` is not a duration",
                f"repeats are written in a workout block: `{repeat.group(1)}x` on its own line, "
                f"then `run {repeat.group(2)}` indented below it",
            )
        try:
            kind, value, unit = _read_duration(token.value)
        except units.UnitError as error:
            raise unit_error(token, error) from None
        if kind == "time":
            return Time(value, span)
        return Distance(value, unit, span)

    def lap(self, span, token):
        return LapKey(span)

    def until_hr(self, span, _until, _hr, compare, quantity):
        if compare.value not in ("<", ">"):
            raise LowerError(
                token_span(compare),
                f"`until hr{compare.value}` is not a condition the watch knows",
                "write `until hr<VALUE` or `until hr>VALUE`",
            )
        value, unit = read_value(quantity, "hr")
        return UntilHeartRate(compare.value == ">", int(value), unit, span)

    # ------------------------------------------------------------ targets

    def hr(self, span, _keyword, level):
        return self._level("hr", level, span)

    def power(self, span, keyword, level):
        target = self._level("power", level, span)
        return replace(target, average="lap") if keyword.type == "LAP_POWER" else target

    def cadence(self, span, _keyword, level):
        return self._level("cadence", level, span)

    def pace(self, span, _keyword, spec):
        low, high, unit, _ = spec
        return Target("pace", None, low, high, unit, span)

    def relative_pace(self, span, _keyword, spec):
        relative, _ = spec
        return self._noted(Target("pace", None, None, None, None, span, relative=relative))

    def _level(self, metric: str, level: tuple, span) -> Target:
        return self._noted(read_level(metric, level, span))

    def _noted(self, target: Target) -> Target:
        """The target, its reference to the athlete (if any) noted for the file's Document."""
        if target.relative is not None:
            self.references.add(target.relative.reference)
        return target

    # `level` alternatives return (shape, tokens) for read_level.
    @spanless
    def zone(self, span, token):
        return ("zone", token)

    @spanless
    def zone_bound(self, span, compare, token):
        return ("zone_bound", compare, token)

    @spanless
    def bound(self, span, compare, token):
        return ("bound", compare, token)

    @spanless
    def range(self, span, low, high):
        return ("range", low, high)

    @spanless
    def single(self, span, token):
        return ("single", token)

    @spanless
    def relative_range(self, span, low, high, reference):
        return ("relative_range", low, high, reference)

    @spanless
    def relative_single(self, span, token, reference):
        return ("relative_single", token, reference)

    def pace_relative(self, span, first, second, reference, offset, per):
        """(Relative, span): the span makes the pace target end where its text does."""
        return read_relative_pace(first, second, reference, offset, per), span

    @spanless
    def slower(self, span, token):  # a pace offset as (sign, token): `+` is slower
        return (1, token)

    @spanless
    def faster(self, span, token):
        return (-1, token)

    def pace_range(self, span, fast_token, slow_token, unit_token):
        """(fast, slow, unit, span): the span makes the pace target end where its text does."""
        return (*read_pace(fast_token, slow_token, unit_token), span)

    # ------------------------------------------------------------ steps

    def step(self, span, kind, name, duration, *rest):
        *targets, note = rest
        return Step(
            STEP_KEYWORDS[units.folded(kind.value)],
            duration,
            self._targets(targets),
            self._note(note),
            span,
            self._step_name(name),
        )

    def repeat(self, span, count, name, *steps):
        check_nesting(steps, span)
        return Repeat(self._count(count, count.value[:-1]), tuple(steps), span, name=self._step_name(name))

    def repeat_until(self, span, _repeat, until_keyword, hr, compare, quantity, name, *steps):
        check_nesting(steps, span)
        until = self.until_hr(extent((until_keyword, quantity)), until_keyword, hr, compare, quantity)
        return Repeat(None, tuple(steps), span, until=until, name=self._step_name(name))

    def _step_name(self, token: Token | None) -> str | None:
        return None if token is None else self._string(token, "a step name")

    def strides(self, span, _keyword, spec, jog, *targets):
        """`strides NxD[/R]`: N passes of a stride and its recovery jog."""
        text = spec.value
        number, x, stride_text = units.folded(text).partition("x")
        if not x or not number.isdigit() or not stride_text or not stride_text[0].isdigit():
            raise LowerError(
                token_span(spec),
                f"`strides {text}` is not a count and a length",
                "write strides as COUNTxLENGTH, like `strides 4x20s` or `strides 6x100m/45s`",
            )
        count = self._count(spec, number)
        stride = self._duration_part(spec, stride_text, len(number) + 1)
        if jog is None:
            recovery = _scaled(stride, STRIDE_JOG_FACTOR)
            too_long = (
                recovery.seconds > units.LIMITS.duration_seconds
                if isinstance(recovery, Time)
                else recovery.metres > units.LIMITS.distance_metres
            )
            if too_long:
                raise LowerError(
                    token_span(spec),
                    f"the jog after each stride ({STRIDE_JOG_FACTOR}x the stride) is longer than a step may be",
                    "write a shorter jog: `/2min`",
                )
        else:
            recovery = self.fixed(token_span(jog), jog)
        run = Step(Intensity.ACTIVE, stride, self._targets(targets), None, span, stride=True)
        rest = Step(Intensity.RECOVERY, recovery, (), None, span, stride=True)
        return Repeat(count, (run, rest), span, strides=True)

    def strides_step(self, span, repeat, note):
        if note is None:
            return repeat
        run, jog = repeat.steps
        run = Step(run.intensity, run.duration, run.targets, self._note(note), run.span, stride=True)
        return Repeat(repeat.count, (run, jog), repeat.span, strides=True)

    def _duration_part(self, token: Token, text: str, offset: int):
        try:
            kind, value, unit = _read_duration(text)
        except units.UnitError as error:
            error.start += offset
            raise unit_error(token, error) from None
        return Time(value) if kind == "time" else Distance(value, unit)

    def _count(self, token: Token, digits: str) -> int:
        count = int(digits)
        limit = units.LIMITS.repeat_count
        if not 1 <= count <= limit:
            raise LowerError(token_span(token).sub(0, len(digits)), f"a repeat count must be 1-{limit}, not {count}")
        return count

    def _targets(self, targets) -> tuple[Target, ...]:
        if len(targets) > MAX_TARGETS:
            raise LowerError(
                targets[MAX_TARGETS].span,
                "a step takes at most two targets",
                "the first is the main target, the second a secondary one",
            )
        seen = {}
        for target in targets:
            if target.metric in seen:
                raise LowerError(target.span, f"a second {metric_label(target.metric)} target on one step")
            seen[target.metric] = target
        return tuple(targets)

    def _note(self, token: Token | None) -> str | None:
        return None if token is None else self._string(token, "a note")

    def _string(self, token: Token, what: str) -> str:
        escape = next(
            (m for m in ESCAPE.finditer(token.value, 1, len(token.value) - 1) if m.group(1) not in '"\\'), None
        )
        if escape:
            raise LowerError(
                token_span(token).sub(escape.start(), 2),
                f"`{escape.group()}` is not an escape",
                'only \\" (a quote) and \\\\ (a backslash) are; write the character itself',
            )
        text = unquote(token.value)
        if any(ord(char) < 32 for char in text):
            raise LowerError(token_span(token), f"{what} may not hold control characters")
        size = len(text.encode("utf-8"))
        if size > MAX_STRING_BYTES:
            raise LowerError(
                token_span(token), f"{what} is {size} bytes long; FIT strings hold at most {MAX_STRING_BYTES}"
            )
        return text

    # ------------------------------------------------------------ workouts

    def session(self, span, kind, duration, *rest):
        """KIND DURATION [TARGET...] [strides ...] ["note"] -> (kind, steps)."""
        *targets, strides, note = rest
        main = Step(Intensity.ACTIVE, duration, self._targets(targets), self._note(note), span)
        steps = (main,) if strides is None else (main, strides)
        return self._kind(kind), steps, span

    def _kind(self, token: Token) -> str:
        kind = units.folded(token.value)
        if kind not in KINDS:
            raise LowerError(
                token_span(token),
                f"unknown workout kind `{token}`",
                did_you_mean(token.value, KINDS) or f"kinds: {', '.join(KINDS)}",
                "E003",
            )
        return kind

    def workout_line(self, span, _keyword, name, session):
        kind, steps, _ = session
        return check_size(Workout(self._name(name), kind, steps, span, self.path, one_line=True))

    def workout_block(self, span, _keyword, name, *rest):
        words = [child for child in rest if isinstance(child, Token)]
        steps = tuple(child for child in rest if not isinstance(child, Token))
        kind, sport = None, "running"
        for word in words:
            if units.folded(word.value) in SPORTS:
                sport = units.folded(word.value)
            elif kind is None or units.folded(word.value) not in KINDS:
                kind = self._kind(word)
            else:
                raise LowerError(token_span(word), f"a workout has one kind; `{kind}` was given first")
        return check_size(Workout(self._name(name), kind, steps, span, self.path, sport))

    def _name(self, token: Token) -> str:
        name = self._string(token, "a workout name").strip()
        if not name:
            raise LowerError(token_span(token), "a workout name may not be empty")
        return name

    # ------------------------------------------------------------ plans

    def plan(self, span, _keyword, name, *entries):
        # Its one-line sessions are named in document.finish, with every plan of the file.
        return Plan(self._name(name), entries, span, self.path)

    def plan_entry(self, span, day, at, what):
        when = self._date(day)
        clock = self._time(at) if at is not None else None
        if isinstance(what, Token) and what.type == "REST":
            return PlanEntry(when, clock, None, None, span)
        if isinstance(what, Token):
            return PlanEntry(when, clock, None, self._string(what, "a workout name"), span)
        kind, steps, session_span = what
        workout = Workout(kind, kind, steps, session_span, self.path, one_line=True)
        return PlanEntry(when, clock, workout, None, span)

    def _date(self, token: Token) -> date:
        try:
            day = date.fromisoformat(token.value)
        except ValueError:
            raise LowerError(token_span(token), f"`{token}` is not a date", "write dates as YYYY-MM-DD") from None
        first, last = units.LIMITS.plan_dates
        if not first <= day <= last:
            raise LowerError(
                token_span(token), f"{day} is outside the dates a plan can hold ({first.year}-{last.year})"
            )
        return day

    def _time(self, token: Token) -> time:
        hours, _, minutes = token.value.partition(":")
        if len(minutes) != 2 or not minutes.isdigit() or int(hours) > 23 or int(minutes) > 59:
            raise LowerError(token_span(token), f"`{token}` is not a time of day", "write times as HH:MM, 24-hour")
        return time(int(hours), int(minutes))


def _scaled(duration, factor: int):
    if isinstance(duration, Time):
        return Time(duration.seconds * factor)
    return Distance(duration.metres * factor, duration.unit)


@cache
def _lowering_parser() -> tuple[Lark, Lowerer]:
    lowerer = Lowerer()
    return build_parser(transformer=Callbacks(lowerer)), lowerer


def lower_text(
    text: str, path: str, first_line: int = 1
) -> tuple[Document | None, list[Diagnostic], tuple[Comment, ...]]:
    """Parse and lower in one pass: the Lowerer runs inside the LALR parser, so no tree
    is built. Raises ParseFailure for text that does not parse. `first_line` numbers the
    text's lines from there: a piece of a file, lowered again, keeps its spans."""
    lark, lowerer = _lowering_parser()
    lowerer.start_file(path)
    start = run_parser(lark, text, path, first_line)
    document, diagnostics = finish(start.children, path)
    if document is not None and lowerer.references:
        document = replace(document, references=frozenset(lowerer.references))
    return document, diagnostics, comments_of(lark)
