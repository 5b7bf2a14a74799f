"""Lark tree -> model: a Transformer that gives every token its meaning.

Each rule method returns a model object. A meaning error (an unknown unit, a pace
with 70 seconds, zone 9) raises `LowerError`; the class-wide wrapper turns it into an
`Invalid` marker, which poisons the enclosing rules, so one file reports all of its
independent errors at once and yields nothing half-built.

The same Lowerer either transforms a parse tree (`lower`, the reference pipeline) or
runs as the parser's own callbacks (`lower_text`, what the commands use: no tree is
built, which makes parsing and lowering together as fast as parsing alone).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, time
from functools import cache, lru_cache, partial
from pathlib import PurePath

from lark import Lark, Token, Transformer, v_args

from .. import units
from ..diagnostics import Diagnostic, Span, input_error
from ..model import (
    KINDS,
    SPORTS,
    STEP_KEYWORDS,
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
    expanded_count,
    fit_step_count,
)
from ..suggest import did_you_mean
from .parse import Comment, ParsedSource, build_parser, run_parser

STRIDE_JOG_FACTOR = 3  # an unwritten stride recovery jogs 3x the stride
MAX_TARGETS = 2  # FIT has a primary and a secondary target
MAX_STRING_BYTES = 254  # FIT string fields: 255 bytes with the terminating NUL

HR_UNITS = {"bpm": "bpm", "BPM": "bpm", "%": "%max"}
POWER_UNITS = {"W": "W", "w": "W", "%": "%ftp"}
CADENCE_UNITS = {"spm": "spm", "rpm": "rpm"}
LEVEL_UNITS = {"hr": HR_UNITS, "power": POWER_UNITS, "cadence": CADENCE_UNITS}
ZONE_COUNT = {"hr": units.LIMITS["hr_zones"], "power": units.LIMITS["power_zones"]}
VALUE_LIMITS = {
    "bpm": units.LIMITS["hr_bpm"],
    "%max": units.LIMITS["hr_percent"],
    "W": units.LIMITS["power_watts"],
    "%ftp": units.LIMITS["power_percent"],
    "spm": units.LIMITS["cadence_spm"],
    "rpm": units.LIMITS["cadence_rpm"],
}
# What a one-sided bound (`hr<150bpm`) uses for its open side.
OPEN_SIDE = {"bpm": (30, 250), "%max": (50, 100), "W": (1, 3000), "%ftp": (1, 300), "spm": (20, 300), "rpm": (10, 150)}


class LowerError(Exception):
    def __init__(self, span: Span, message: str, hint: str | None = None, code: str = "E004"):
        super().__init__(message)
        self.span, self.message, self.hint, self.code = span, message, hint, code


def token_span(token: Token) -> Span:
    return Span(token.line, token.column, token.end_line, token.end_column)


def _unit_error(token: Token, error: units.UnitError, code: str = "E004") -> LowerError:
    span = token_span(token)
    if error.length:
        span = span.sub(error.start, error.length)
    unknown = error.message.startswith("unknown")
    return LowerError(span, error.message, error.hint, "E003" if unknown else code)


class Invalid:
    """Stands in for a subtree that failed to lower; carries its errors upwards."""

    __slots__ = ("errors",)

    def __init__(self, errors: list[LowerError]):
        self.errors = errors


def _edge(child, first: bool):
    """The (line, column) where `child` starts (first) or ends, if it knows."""
    kind = type(child)
    if kind is Token:
        return (child.line, child.column) if first else (child.end_line, child.end_column)
    if child is None:  # an optional part left out
        return None
    span = child if kind is Span else getattr(child, "span", None)
    if isinstance(span, Span):
        return (span.line, span.column) if first else (span.end_line, span.end_column)
    if isinstance(child, tuple):
        for part in child if first else reversed(child):
            edge = _edge(part, first)
            if edge is not None:
                return edge
    return None


def extent(children) -> Span:
    """The span of a rule from its children: tokens and lowered nodes carry positions."""
    start = end = None
    for child in children:
        start = _edge(child, True)
        if start is not None:
            break
    else:
        start = (1, 1)
    for child in reversed(children):
        end = _edge(child, False)
        if end is not None:
            break
    else:
        end = start
    return Span(start[0], start[1], end[0], end[1])


ESCAPE = re.compile(r"\\(.)")  # inside a quoted string, only \" and \\ mean anything
NUMERIC_TOKENS = {"QUANTITY", "ZONE", "CLOCK", "REPEAT_COUNT", "DATE"}
LONG_NUMBER = re.compile(r"\d{13,}")  # no meaningful number has this many digits


def _lowering(method, children):
    return _lower_rule(method, getattr(method, "uses_span", True), children)


def _lower_rule(method, uses_span: bool, children):
    """Every rule method goes through here: a rule whose children failed fails too
    (carrying all their errors), a number too long to mean anything is an error before
    any arithmetic sees it, and a LowerError becomes Invalid."""
    for child in children:
        kind = type(child)
        if kind is Invalid:
            return Invalid([error for child in children if type(child) is Invalid for error in child.errors])
        if kind is Token and len(child) > 12 and child.type in NUMERIC_TOKENS and LONG_NUMBER.search(child):
            return Invalid([LowerError(token_span(child), f"`{_shorten(child.value)}` is too large a number")])
    try:
        return method(extent(children) if uses_span else None, *children)
    except LowerError as error:
        return Invalid([error])


def spanless(method):
    """Marks a rule method that never reads its span, so none is worked out for it."""
    method.uses_span = False
    return method


def _shorten(text: str, limit: int = 24) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


# A library repeats the same few quantities ("15min", "400m", "170-180spm") thousands of
# times; reading one is a pure function of its text, so each is read once. Errors are
# not cached (lru_cache keeps only returned values), and callers may adjust them.
@lru_cache(maxsize=4096)
def _read_duration(text: str) -> tuple[str, float, str | None]:
    """units.read_duration, plus the unit written for a distance."""
    kind, value = units.read_duration(text)
    return kind, value, units.split_quantity(text)[0].unit if kind == "distance" else None


@lru_cache(maxsize=4096)
def _read_value(text: str, metric: str, default_unit: str | None) -> tuple[float, str]:
    """A heart-rate, power or cadence value and its canonical unit, within the unit's limits."""
    label = _metric_label(metric)
    value, unit = units.read_value(text, LEVEL_UNITS[metric], label, default_unit)
    units.check_range(value, VALUE_LIMITS[unit], label, text)
    return value, unit


def _visit(method, _data, children, _meta):
    return _lowering(method, children)


@v_args(wrapper=_visit)
class Lowerer(Transformer):
    """Rule methods receive (span, *children); the span comes from the children, so
    the same class lowers a parse tree (`lower`) or runs inside the parser itself
    (`lower_text`, which builds no tree at all)."""

    def __init__(self, path: str = "<input>"):
        super().__init__(visit_tokens=False)
        self.path = path

    def start_file(self, path: str) -> None:
        """Used inside the parser, one instance serves every file, one at a time."""
        self.path = path

    # ------------------------------------------------------------ durations

    def fixed(self, span, token):
        try:
            kind, value, unit = _read_duration(token.value)
        except units.UnitError as error:
            raise _unit_error(token, error) from None
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
        value, unit = self._value(quantity, "hr")
        return UntilHeartRate(compare.value == ">", int(value), unit, span)

    # ------------------------------------------------------------ targets

    def hr(self, span, _keyword, level):
        return self._target("hr", level, span)

    def power(self, span, keyword, level):
        target = self._target("power", level, span)
        return replace(target, lap=True) if keyword.type == "LAP_POWER" else target

    def cadence(self, span, _keyword, level):
        return self._target("cadence", level, span)

    def pace(self, span, _keyword, spec):
        low, high, unit, _ = spec
        return Target("pace", None, low, high, unit, span)

    # `level` alternatives return (shape, tokens) for the target method to read.
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

    def _target(self, metric: str, level: tuple, span: Span) -> Target:
        shape, *tokens = level
        if shape == "zone":
            return Target(metric, self._zone(metric, tokens[0]), None, None, None, span)
        if shape == "zone_bound":
            low, high = self._zone_bound(metric, *tokens)
            return Target(metric, None, low, high, "%max", span)
        if shape == "range":
            low_token, high_token = tokens
            high, unit = self._value(high_token, metric)
            low, low_unit = self._value(low_token, metric, default_unit=unit)
            if low_unit != unit:
                raise LowerError(token_span(low_token), f"`{low_token}` and `{high_token}` are in different units")
            if low > high:
                low, high = high, low
        elif shape == "single":
            value, unit = self._value(tokens[0], metric)
            half = units.SINGLE_VALUE_HALF_WIDTH[unit]
            floor, ceiling = VALUE_LIMITS[unit]  # a window never leaves the unit's range
            low, high = max(value - half, floor), min(value + half, ceiling)
        else:
            compare, token = tokens
            value, unit = self._value(token, metric)
            low, high = self._bounded(compare, value, unit, token)
        return Target(metric, None, low, high, unit, span)

    def _zone(self, metric: str, token: Token) -> int:
        zones = ZONE_COUNT.get(metric)
        number = int(token.value[1:])
        if zones is None:
            raise LowerError(
                token_span(token), f"{metric} targets have no zones", f"give a range, like `{metric} 170-180spm`"
            )
        if not 1 <= number <= zones:
            raise LowerError(
                token_span(token),
                f"`{metric} {token}` has no zone {number}",
                f"{_metric_label(metric)} zones are 1-{zones}",
            )
        return number

    def _zone_bound(self, metric: str, compare: Token, token: Token) -> tuple[int, int]:
        """hr<z2 -> zone 1's range, hr<=z2 -> zones 1-2; as % of max HR."""
        number = self._zone(metric, token)
        if metric != "hr":
            raise LowerError(
                token_span(compare), f"`{compare}` works with heart-rate zones only", f"write `{metric} z{number}`"
            )
        op = compare.value
        if op == "<":
            first, last = 1, number - 1
        elif op == "<=":
            first, last = 1, number
        elif op == ">":
            first, last = number + 1, len(units.HR_ZONE_BOUNDS) - 1
        else:
            first, last = number, len(units.HR_ZONE_BOUNDS) - 1
        if first > last:
            side = "below" if op.startswith("<") else "above"
            raise LowerError(
                Span(compare.line, compare.column, token.end_line, token.end_column),
                f"there is no zone {side} zone {number}",
            )
        return units.HR_ZONE_BOUNDS[first - 1], units.HR_ZONE_BOUNDS[last]

    def _value(self, token: Token, metric: str, default_unit: str | None = None) -> tuple[float, str]:
        try:
            return _read_value(token.value, metric, default_unit)
        except units.UnitError as error:
            raise _unit_error(token, error) from None

    def _bounded(self, compare: Token, value: float, unit: str, token: Token) -> tuple[float, float]:
        """A one-sided bound: `<` excludes the value itself (whole units)."""
        floor, ceiling = OPEN_SIDE[unit]
        op = compare.value
        if op.startswith("<"):
            low, high = floor, value - (1 if op == "<" else 0)
        else:
            low, high = value + (1 if op == ">" else 0), ceiling
        if low > high:
            raise LowerError(token_span(token), f"`{compare}{token}` leaves no range above {floor}{_unit_text(unit)}")
        return low, high

    def pace_range(self, span, fast_token, slow_token, unit_token) -> tuple[float, float, str, Span]:
        per = unit_token.value
        if per not in units.PACE_UNITS:
            hint = did_you_mean(per, units.PACE_UNITS) or "pace is written per km or per mi: `4:00/km`"
            raise LowerError(token_span(unit_token), f"unknown pace unit `/{per}`", hint, "E003")
        seconds = []
        for token in (fast_token, slow_token):
            if token is None:
                continue
            try:
                value = units.read_clock(token.value)
                per_km = value * 1000 / units.PACE_UNITS[per]
                low, high = units.LIMITS["pace_seconds_per_km"]
                if not low <= per_km <= high:
                    raise units.UnitError(
                        f"pace {token.value}/{per} is outside {units.format_clock(low)}-"
                        f"{units.format_clock(high)} per km",
                        None,
                        0,
                        len(token.value),
                    )
            except units.UnitError as error:
                raise _unit_error(token, error) from None
            seconds.append(value)
        if len(seconds) == 1:
            half = units.SINGLE_VALUE_HALF_WIDTH["pace"]
            seconds = [seconds[0] - half, seconds[0] + half]
        return min(seconds), max(seconds), f"s/{per}", span

    # ------------------------------------------------------------ steps

    def step(self, span, kind, name, duration, *rest):
        *targets, note = rest
        return Step(
            STEP_KEYWORDS[kind.value], duration, self._targets(targets), self._note(note), span, self._step_name(name)
        )

    def repeat(self, span, count, name, *steps):
        _check_nesting(steps, span)
        return Repeat(self._count(count, count.value[:-1]), tuple(steps), span, name=self._step_name(name))

    def repeat_until(self, span, _repeat, until_keyword, hr, compare, quantity, name, *steps):
        _check_nesting(steps, span)
        until = self.until_hr(extent((until_keyword, quantity)), until_keyword, hr, compare, quantity)
        return Repeat(None, tuple(steps), span, until=until, name=self._step_name(name))

    def _step_name(self, token: Token | None) -> str | None:
        return None if token is None else self._string(token, "a step name")

    def strides(self, span, _keyword, spec, jog, *targets):
        """`strides NxD[/R]`: N passes of a stride and its recovery jog."""
        text = spec.value
        number, x, stride_text = text.partition("x")
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
                recovery.seconds > units.LIMITS["duration_seconds"]
                if isinstance(recovery, Time)
                else recovery.metres > units.LIMITS["distance_metres"]
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
            raise _unit_error(token, error) from None
        return Time(value) if kind == "time" else Distance(value, unit)

    def _count(self, token: Token, digits: str) -> int:
        count = int(digits)
        limit = units.LIMITS["repeat_count"]
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
                raise LowerError(target.span, f"a second {_metric_label(target.metric)} target on one step")
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
        text = _unquote(token.value)
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
        if token.value not in KINDS:
            raise LowerError(
                token_span(token),
                f"unknown workout kind `{token}`",
                did_you_mean(token.value, KINDS) or f"kinds: {', '.join(KINDS)}",
                "E003",
            )
        return token.value

    def workout_line(self, span, _keyword, name, session):
        kind, steps, _ = session
        return _check_size(Workout(self._name(name), kind, steps, span, self.path, one_line=True))

    def workout_block(self, span, _keyword, name, *rest):
        words = [child for child in rest if isinstance(child, Token)]
        steps = tuple(child for child in rest if not isinstance(child, Token))
        kind, sport = None, "running"
        for word in words:
            if word.value in SPORTS:
                sport = word.value
            elif kind is None or word.value not in KINDS:
                kind = self._kind(word)
            else:
                raise LowerError(token_span(word), f"a workout has one kind; `{kind}` was given first")
        return _check_size(Workout(self._name(name), kind, steps, span, self.path, sport))

    def _name(self, token: Token) -> str:
        name = self._string(token, "a workout name").strip()
        if not name:
            raise LowerError(token_span(token), "a workout name may not be empty")
        return name

    # ------------------------------------------------------------ plans

    def plan(self, span, _keyword, name, *entries):
        return Plan(self._name(name), _name_sessions(entries), span, self.path)

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
        first, last = units.LIMITS["plan_dates"]
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


def _depth(nodes) -> int:
    """Repeat levels in `nodes` (each level was checked as it was built, so this is shallow)."""
    return max((1 + _depth(node.steps) for node in nodes if isinstance(node, Repeat)), default=0)


def _check_nesting(steps, span: Span) -> None:
    limit = units.LIMITS["repeat_depth"]
    if _depth(steps) >= limit:
        raise LowerError(
            Span(span.line, span.column, span.line, span.column + 1),
            f"repeats nest at most {limit} deep",
            "flatten the inner repeats",
        )


def _check_size(workout: Workout) -> Workout:
    """A workout stays within the FIT step and expanded step limits."""
    fit_steps, limit = fit_step_count(workout.steps), units.LIMITS["fit_steps"]
    if fit_steps > limit:
        raise LowerError(workout.span, f"this workout is {fit_steps:,} steps; workoutc takes at most {limit:,}")
    expanded, limit = expanded_count(workout.steps), units.LIMITS["expanded_steps"]
    if expanded > limit:
        raise LowerError(
            workout.span,
            f"this workout runs {expanded:,} steps once its repeats are counted out; workoutc takes at most {limit:,}",
            "use fewer or shorter repeats",
        )
    return workout


def _name_sessions(entries: tuple[PlanEntry, ...]) -> tuple[PlanEntry, ...]:
    """Name the one-line sessions of a plan by kind and date: `easy 11-26`.

    At most 17 bytes (`progression 11-26`), so a watch shows nearly all of it; a second
    session of the same kind on the same day gets a number: `easy 11-26 2`.
    """
    named, taken = [], set()
    for entry in entries:
        workout = entry.workout
        if workout is not None:
            name = f"{workout.kind} {entry.day:%m-%d}"
            base, number = name, 2
            while name.casefold() in taken:
                name, number = f"{base} {number}", number + 1
            taken.add(name.casefold())
            named.append(PlanEntry(entry.day, entry.at, replace(workout, name=name), None, entry.span))
        else:
            named.append(entry)
    return tuple(named)


def _scaled(duration, factor: int):
    if isinstance(duration, Time):
        return Time(duration.seconds * factor)
    return Distance(duration.metres * factor, duration.unit)


def _unquote(literal: str) -> str:
    body = literal[1:-1]
    if "\\" not in body:
        return body
    out, chars = [], iter(body)
    for char in chars:
        out.append(next(chars, "\\") if char == "\\" else char)
    return "".join(out)


def _metric_label(metric: str) -> str:
    return {"hr": "heart-rate", "power": "power", "cadence": "cadence"}.get(metric, metric)


def _unit_text(unit: str) -> str:
    return {"%max": "%", "%ftp": "%"}.get(unit, unit)


def lower(parsed: ParsedSource, path: str) -> tuple[Document | None, list[Diagnostic]]:
    """Lower a parse tree; on any error return (None, diagnostics)."""
    lowerer = Lowerer(path)
    return finish([lowerer.transform(child) for child in parsed.tree.children], path)


class _Callbacks:
    """The Lowerer's rule methods as the parser's callbacks, each called with the
    children list straight away (no per-call visitor wrapping). Rules without a method
    (the start rule and the parser's own helper rules) become plain Trees."""

    def __init__(self, lowerer: Lowerer):
        for name, attribute in vars(Lowerer).items():
            function = getattr(attribute, "base_func", None)
            if function is not None:
                uses_span = getattr(function, "uses_span", True)
                setattr(self, name, partial(_lower_rule, function.__get__(lowerer), uses_span))


@cache
def _lowering_parser() -> tuple[Lark, Lowerer]:
    lowerer = Lowerer()
    return build_parser(transformer=_Callbacks(lowerer), maybe_placeholders=True), lowerer


def lower_text(text: str, path: str) -> tuple[Document | None, list[Diagnostic], tuple[Comment, ...]]:
    """Parse and lower in one pass: the Lowerer runs inside the LALR parser, so no tree
    is built. Gives exactly what `lower(parse(text))` gives (a test holds them equal).
    Raises ParseFailure like `parse`."""
    lark, lowerer = _lowering_parser()
    lowerer.start_file(path)
    start = run_parser(lark, text, path)
    document, diagnostics = finish(start.children, path)
    return document, diagnostics, tuple(lark.options.postlex.comments)


def finish(items: list, path: str) -> tuple[Document | None, list[Diagnostic]]:
    """The file's top-level items, lowered, into a Document; or (None, diagnostics)."""
    default_name = PurePath(path).stem or "workout"
    errors = [error for item in items if isinstance(item, Invalid) for error in item.errors]
    diagnostics = [input_error(e.code, path, e.span, e.message, e.hint) for e in errors]
    workouts, plans = [], []
    for item in items:
        if isinstance(item, tuple):  # a top-level one-line session
            kind, steps, span = item
            workouts.append(Workout(default_name, kind, steps, span, path, one_line=True))
        elif isinstance(item, Workout):
            workouts.append(item)
        elif isinstance(item, Plan):
            plans.append(item)
    diagnostics += _duplicate_names(workouts + [e.workout for p in plans for e in p.entries if e.workout], path)
    if not items and not diagnostics:
        diagnostics.append(
            input_error(
                "E008",
                path,
                Span.point(1, 1),
                "this file defines no workout or plan",
                "a workout can be one line: `easy 40min hr<=z2`",
            )
        )
    if diagnostics:
        return None, sorted(diagnostics, key=lambda d: d.sort_key)
    return Document(path, tuple(workouts), tuple(plans)), []


def _duplicate_names(workouts: list[Workout], path: str) -> list[Diagnostic]:
    first: dict[str, Workout] = {}
    found = []
    for workout in workouts:
        key = workout.name.casefold()
        if key in first:
            other = first[key]
            found.append(
                input_error(
                    "E005",
                    path,
                    workout.span,
                    f'a second workout named "{workout.name}"',
                    f"the first is at line {other.span.line}; names must be unique within a file"
                    + ("" if not workout.one_line else "; a one-line session is named after its file"),
                )
            )
        else:
            first[key] = workout
    return found
