"""Reading the lines of a workout block: steps, repeats, strides, set lines and exercises.

A mixin of the Lowerer (language/lower.py). A set line is a repeat of one step and its
rest (`10x100m free on 1:45`, `6x400m pace 3:50/km recover 90s`); an exercise line is
the same for a strength exercise (`squat 3x10 @ 60kg rest 90s`). Words after a duration
are a swim stroke or a piece of equipment (language/vocabulary.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lark import Token

from .. import units
from ..diagnostics import Span
from ..fit import exercises
from ..model import Distance, Exercise, Intensity, Repeat, Step, Target, Time, UntilPower
from ..suggest import did_you_mean
from .callbacks import LowerError, token_span
from .document import check_nesting
from .durations import DurationRules, read_duration_token
from .targets import metric_label
from .vocabulary import EQUIPMENT_WORDS, LINE_KEYWORDS, STEP_KEYWORDS, STROKE_WORDS, swim_word

STRIDE_JOG_FACTOR = 3  # an unwritten stride recovery jogs 3x the stride
MAX_TARGETS = 2  # FIT has a primary and a secondary target
WEIGHT_UNITS = {"kg": "kg", "lb": "lb", "lbs": "lb"}
# What a repeat may run until on power: (average, above) pairs FIT has a repeat for.
REPEAT_POWER = {(None, False), (None, True), ("lap", False), ("max-lap", False)}


class StepRules(DurationRules):
    """The Lowerer's rule methods for the lines of a block."""

    if TYPE_CHECKING:  # the Lowerer's own, for the strings of a line

        def _note(self, token: Token | None) -> str | None: ...

        def _step_name(self, token: Token | None) -> str | None: ...

    def step(self, span, kind, name, duration, *rest):
        *attributes, note = rest
        return self._line_step(span, _intensity(kind), duration, attributes, name, note)

    def _line_step(self, span, intensity, duration, attributes, name, note, exercise=None) -> Step:
        """The step a line writes: its duration, then its targets, stroke and equipment."""
        targets, stroke, equipment = self._attributes(attributes)
        name_, note_ = self._step_name(name), self._note(note)
        return Step(
            intensity, duration, targets, note_, span, name_, stroke=stroke, equipment=equipment, exercise=exercise
        )

    def repeat(self, span, count, name, *steps):
        check_nesting(steps, span)
        return Repeat(self._count(count, count.value[:-1]), tuple(steps), span, name=self._step_name(name))

    def repeat_until(self, span, _repeat, _until, condition, name, *steps):
        check_nesting(steps, span)
        if isinstance(condition, UntilPower) and (condition.average, condition.above) not in REPEAT_POWER:
            raise LowerError(
                condition.span or span,
                "a repeat ends on power, on the last lap's power below a value, or its maximum below one",
                "write `repeat until power>250W`, `lap-power<200W` or `max-lap-power<300W`",
            )
        return Repeat(None, tuple(steps), span, until=condition, name=self._step_name(name))

    def set_line(self, span, count, duration, *rest):
        """`10x100m free on 1:45`: `count` times the step, then its rest if written."""
        *attributes, after, note = rest
        work = self._line_step(span, Intensity.ACTIVE, duration, attributes, None, note)
        return self._sets(span, count, work, after)

    def exercise(self, span, word, name_part, kind, name, count, amount, weight, *rest):
        """`squat 3x10 @ 60kg rest 90s`: sets of an exercise, each followed by its rest."""
        *attributes, after, note = rest
        category, exercise_name = self._exercise(word, name_part)
        kilos, unit = weight if weight is not None else (None, "kg")
        exercise = Exercise(category, exercise_name, kilos, unit)
        step = self._line_step(span, _intensity(kind), amount, attributes, name, note, exercise)
        if count is None and after is None:
            return step
        return self._sets(span, count, step, after)

    def _sets(self, span, count: Token | None, work: Step, after: Step | None) -> Repeat:
        times = 1 if count is None else self._count(count, count.value[:-1])
        return Repeat(times, (work,) if after is None else (work, after), span)

    def set_rest(self, span, _keyword, duration):
        return Step(Intensity.REST, duration, (), None, span)

    def set_recover(self, span, _keyword, duration):
        return Step(Intensity.RECOVERY, duration, (), None, span)

    def set_send_off(self, span, on, token):
        return Step(Intensity.REST, self.send_off(span, on, token), (), None, span)

    def weight(self, span, token):
        """`@ 60kg` -> (60, "kg"); `@ 135lb` -> (61.23..., "lb"): kilograms, and the unit shown."""
        parts = units.split_quantity(token.value)
        unit = WEIGHT_UNITS.get(units.folded(parts[0].unit)) if len(parts) == 1 else None
        if unit is None:
            raise LowerError(token_span(token), f"`{token}` is not a weight", "write it in kg or lb: `@ 60kg`", "E003")
        floor, ceiling = units.LIMITS.weight_kg if unit == "kg" else units.LIMITS.weight_lb
        if not floor <= parts[0].number <= ceiling:
            raise LowerError(token_span(token), f"a weight of `{token}` is outside {floor}-{ceiling}{unit}")
        return parts[0].number * units.KILOGRAMS[unit], unit

    def _exercise(self, word: Token, name_part: Token | None) -> tuple[str, str | None]:
        written = word.value if name_part is None else f"{word.value}/{name_part.value}"
        try:
            return exercises.lookup(written)
        except exercises.UnknownExercise as error:
            start, end = token_span(word), token_span(name_part or word)
            step = did_you_mean(word.value, sorted(LINE_KEYWORDS)) if name_part is None else None
            if step is not None:  # a misspelt step keyword (`rnu 30min`), not an exercise
                raise LowerError(
                    start, f"expected a step, a repeat or an exercise, found `{word}`", step, "E001"
                ) from None
            where = Span(start.line, start.column, end.end_line, end.end_column)
            raise LowerError(where, str(error), error.hint, "E003") from None

    def _attributes(self, attributes) -> tuple[tuple[Target, ...], str | None, str | None]:
        """(targets, stroke, equipment) from what follows a duration."""
        targets: list[Target] = []
        swim: dict[str, Token] = {}  # "stroke" and "piece of equipment", as written
        for item in attributes:
            if isinstance(item, Target):
                targets.append(item)
                continue
            what = "stroke" if swim_word(item.value) in STROKE_WORDS else "piece of equipment"
            if what in swim:
                raise LowerError(token_span(item), f"a step has one {what}; `{swim[what]}` was given first")
            swim[what] = item  # a SWIM_WORD: a stroke or a piece of equipment
        stroke, equipment = swim.get("stroke"), swim.get("piece of equipment")
        return (
            self._targets(targets),
            None if stroke is None else STROKE_WORDS[swim_word(stroke.value)],
            None if equipment is None else EQUIPMENT_WORDS[swim_word(equipment.value)],
        )

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
        stride = read_duration_token(spec, None, len(number) + 1, stride_text)
        if not isinstance(stride, (Time, Distance)):
            raise LowerError(token_span(spec), f"a stride lasts a time or a distance, not `{stride_text}`")
        recovery = self._stride_jog(spec, stride) if jog is None else self.fixed(token_span(jog), jog)
        run = Step(Intensity.ACTIVE, stride, self._targets(targets), None, span, stride=True)
        rest = Step(Intensity.RECOVERY, recovery, (), None, span, stride=True)
        return Repeat(count, (run, rest), span, strides=True)

    @staticmethod
    def _stride_jog(spec: Token, stride: Time | Distance) -> Time | Distance:
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
        return recovery

    def strides_step(self, span, repeat, note):
        if note is None:
            return repeat
        run, jog = repeat.steps
        run = Step(run.intensity, run.duration, run.targets, self._note(note), run.span, stride=True)
        return Repeat(repeat.count, (run, jog), repeat.span, strides=True)

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


def _intensity(keyword: Token | None) -> Intensity:
    """A step keyword's intensity; active when none is written (an exercise line)."""
    return Intensity.ACTIVE if keyword is None else STEP_KEYWORDS[units.folded(keyword.value)]


def _scaled(duration: Time | Distance, factor: int) -> Time | Distance:
    if isinstance(duration, Time):
        return Time(duration.seconds * factor)
    return Distance(duration.metres * factor, duration.unit)
