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
from functools import cache

from lark import Lark, Token

from .. import units
from ..diagnostics import Diagnostic
from ..model import KINDS, Document, Intensity, Plan, PlanEntry, Pool, Step, Target, Workout
from ..suggest import did_you_mean
from .callbacks import Callbacks, LowerError, spanless, token_span
from .document import Session, check_size, check_sport, finish
from .durations import power_average
from .grammar import build_parser, comments_of
from .indentation import Comment
from .parse import run_parser
from .relative import read_level, read_relative_pace
from .steps import StepRules
from .targets import read_pace, read_zone
from .vocabulary import SPORT_OF_SUB_SPORT, SPORT_WORDS, SUB_SPORT_WORDS, hyphenated, unquote

LAP_ONLY = {"lap": "lap"}  # heart rate, pace and speed are averaged over the lap or not at all

MAX_STRING_BYTES = 254  # FIT string fields: 255 bytes with the terminating NUL
ESCAPE = re.compile(r"\\(.)")  # inside a quoted string, only \", \\ and \n mean anything


class Lowerer(StepRules):
    """Rule methods receive (span, *children); one instance serves every file of a
    process, one at a time (`start_file`). Durations and the lines of a block are read
    by the mixins (language/durations.py, language/steps.py)."""

    def __init__(self, path: str = "<input>"):
        self.path = path
        self.references: set[str] = set()  # Relative.reference of every target so far

    def start_file(self, path: str) -> None:
        self.path = path
        self.references = set()

    # ------------------------------------------------------------ targets

    def hr(self, span, keyword, level):
        return self._averaged(self._level("hr", level, span), keyword, LAP_ONLY)

    def power(self, span, keyword, level):
        target = self._level("power", level, span)
        average = power_average(keyword)
        if average == "max-lap":
            raise LowerError(
                token_span(keyword), "`max-lap-power` ends a repeat; it is not a target", "write `lap-power`"
            )
        return replace(target, average=average)

    def cadence(self, span, _keyword, level):
        return self._level("cadence", level, span)

    def grade(self, span, _keyword, level):
        return self._level("grade", level, span)

    def resistance(self, span, _keyword, level):
        return self._level("resistance", level, span)

    def speed(self, span, keyword, level, per):
        """`speed 30-35km/h`: the `/h` is read as part of the unit before it."""
        if per is not None:
            level = _per_hour(level, per)
        return self._averaged(self._level("speed", level, span), keyword, LAP_ONLY)

    def pace(self, span, keyword, spec):
        low, high, unit, _ = spec
        return self._averaged(Target("pace", None, low, high, unit, span), keyword, LAP_ONLY)

    def pace_zone(self, span, keyword, zone):
        """`pace z3`: the watch's own speed zone."""
        return self._averaged(Target("pace", read_zone("pace", zone), None, None, None, span), keyword, LAP_ONLY)

    def relative_pace(self, span, keyword, spec):
        relative, _ = spec
        target = Target("pace", None, None, None, None, span, relative=relative)
        return self._noted(self._averaged(target, keyword, LAP_ONLY))

    @staticmethod
    def _averaged(target: Target, keyword: Token, averages: dict[str, str]) -> Target:
        """A target averaged over the lap when its keyword says so (`lap-hr`)."""
        word = units.folded(keyword.value)
        return replace(target, average=averages[word.partition("-")[0]]) if "-" in word else target

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

    # ------------------------------------------------------------ strings

    def _step_name(self, token: Token | None) -> str | None:
        return None if token is None else self._string(token, "a step name")

    def _note(self, token: Token | None) -> str | None:
        return None if token is None else self._string(token, "a note")

    def _string(self, token: Token, what: str) -> str:
        escape = next(
            (m for m in ESCAPE.finditer(token.value, 1, len(token.value) - 1) if m.group(1) not in '"\\n'), None
        )
        if escape:
            raise LowerError(
                token_span(token).sub(escape.start(), 2),
                f"`{escape.group()}` is not an escape",
                'only \\" (a quote), \\\\ (a backslash) and \\n (a line break) are; write the character itself',
            )
        text = unquote(token.value)
        if any(ord(char) < 32 and char != "\n" for char in text):
            raise LowerError(token_span(token), f"{what} may not hold control characters")
        size = len(text.encode("utf-8"))
        if size > MAX_STRING_BYTES:
            raise LowerError(
                token_span(token), f"{what} is {size} bytes long; FIT strings hold at most {MAX_STRING_BYTES}"
            )
        return text

    # ------------------------------------------------------------ workouts

    def words(self, span, *tokens):
        return tokens

    def session(self, span, words, duration, *rest):
        """[KIND] [SPORT] DURATION [TARGET...] [strides ...] ["note"] -> Session."""
        *attributes, strides, note = rest
        kind, sport, sub_sport = self._header(words)
        targets, stroke, equipment = self._attributes(attributes)
        main = Step(Intensity.ACTIVE, duration, targets, self._note(note), span, stroke=stroke, equipment=equipment)
        steps = (main,) if strides is None else (main, strides)
        label = " ".join(units.folded(word.value) for word in words)
        return Session(kind, sport or "running", sub_sport, label, steps, span)

    def _header(self, words) -> tuple[str | None, str | None, str | None]:
        """(kind, sport, sub-sport) from a header's or a session's words; the sport is
        None when neither a sport nor a sub-sport implying one is named. A word that is
        both (`generic`, `hiit`) is the sport, or the sub-sport after a sport."""
        kind = sport = sub_sport = None
        for word in words:
            folded = units.folded(word.value)
            if folded in KINDS:
                kind = self._one(kind, folded, word, "kind")
            elif folded in SPORT_WORDS and (sport is None or folded not in SUB_SPORT_WORDS):
                sport = self._one(sport, SPORT_WORDS[folded][0], word, "sport")
                sub_sport = SPORT_WORDS[folded][1] or sub_sport
            elif folded in SUB_SPORT_WORDS:
                sub_sport = self._one(sub_sport, SUB_SPORT_WORDS[folded], word, "sub-sport")
            else:
                raise _unknown_header_word(word)
        return kind, sport or SPORT_OF_SUB_SPORT.get(sub_sport or ""), sub_sport

    @staticmethod
    def _one(current: str | None, value: str, token: Token, what: str) -> str:
        if current is not None and current != value:
            raise LowerError(token_span(token), f"a workout has one {what}; `{hyphenated(current)}` was given first")
        return value

    def workout_line(self, span, _keyword, name, session):
        workout = Workout(
            self._name(name), session.kind, session.steps, span, self.path, session.sport, True, session.sub_sport
        )
        return check_size(check_sport(workout))

    def workout_block(self, span, _keyword, name, words, pool_keyword, pool_length, description, *steps):
        kind, sport, sub_sport = self._header(words or ())
        pool = None if pool_length is None else self._pool(pool_length)
        sport = sport or ("swimming" if pool is not None else "running")
        described = None if description is None else self._string(description, "a description")
        workout = Workout(
            self._name(name), kind, tuple(steps), span, self.path, sport, False, sub_sport, pool, described
        )
        return check_size(check_sport(workout))

    def _pool(self, token: Token) -> Pool:
        parts = units.split_quantity(token.value)
        unit = units.folded(parts[0].unit) if len(parts) == 1 else ""
        floor, ceiling = units.LIMITS.pool_metres
        if unit not in ("m", "yd"):
            raise LowerError(
                token_span(token), f"`pool {token}` is not a pool length", "write `pool 25m` or `pool 25yd`"
            )
        if not floor <= parts[0].number * units.METRES[unit] <= ceiling:
            raise LowerError(token_span(token), f"a pool of `{token}` is outside {floor}-{ceiling}m")
        return Pool(parts[0].number * units.METRES[unit], unit)

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
        workout = Workout(what.label, what.kind, what.steps, what.span, self.path, what.sport, True, what.sub_sport)
        return PlanEntry(when, clock, check_sport(workout), None, span)

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


def _per_hour(level: tuple, per: Token) -> tuple:
    """`35km` followed by `/h` as the one token `35km/h` (the unit ends the level)."""
    shape, *tokens = level
    last = tokens[-1]
    if not isinstance(last, Token) or not last.value[-1:].isalpha() or units.folded(per.value) != "h":
        raise LowerError(token_span(per), f"unknown speed unit `/{per}`", "write speeds in km/h or mph: `speed 30km/h`")
    return (shape, *tokens[:-1], Token.new_borrow_pos(last.type, f"{last.value}/{per.value}", last))


def _unknown_header_word(word: Token) -> LowerError:
    known = [*KINDS, *SPORT_WORDS, *SUB_SPORT_WORDS]
    hint = did_you_mean(word.value, known) or (
        f"kinds: {', '.join(KINDS)}; sports: run, ride, swim, strength, cardio, walk, hike"
    )
    return LowerError(token_span(word), f"unknown workout kind or sport `{word}`", hint, "E003")


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
