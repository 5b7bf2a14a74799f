"""workout_step messages -> the model's steps and (nested) repeats.

Each step's intensity, duration, targets, swim stroke and equipment, and exercise is
read exactly through values.py; speeds in the unit its sport reads them in. Whatever
a step holds that the language cannot say costs only that part, with a loss: a
target it lacks is left out (the step stays), a duration it lacks leaves the step
open (ended with the lap key), a range written high end first is turned round. A
repeat it cannot say leaves its steps written once.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..diagnostics import Span
from ..model import Exercise, Intensity, LapKey, Repeat, Step, Target, truncate_utf8
from ..units import LIMITS
from . import exercises, profile
from .fields import WORKOUT_STEP, Fields, unread_loss
from .read import FitError
from .values import (
    EQUIPMENT,
    HUNDREDTHS,
    INTENSITY,
    REPEAT_KINDS,
    STROKE,
    WEIGHT_UNIT,
    Reversed,
    Unsupported,
    decode_duration,
    decode_repeat,
    decode_target,
)

NOWHERE = Span(1, 1, 1, 2)  # decoded steps come from no source text
STRING_BYTES = 254  # what the language takes in a name or note (language/lower.py MAX_STRING_BYTES)
INDEX = profile.MESSAGE_INDEX.number
DURATION_TYPE, DURATION_VALUE = profile.STEP_DURATION_TYPE.number, profile.STEP_DURATION_VALUE.number
TARGET_VALUE = profile.STEP_TARGET_VALUE.number  # a repeat's count, or the value it repeats until
PRIMARY = (profile.STEP_TARGET_TYPE, profile.STEP_TARGET_VALUE, profile.STEP_CUSTOM_LOW, profile.STEP_CUSTOM_HIGH)
SECONDARY = (
    profile.STEP_SECONDARY_TARGET_TYPE,
    profile.STEP_SECONDARY_TARGET_VALUE,
    profile.STEP_SECONDARY_CUSTOM_LOW,
    profile.STEP_SECONDARY_CUSTOM_HIGH,
)


@dataclass
class Reading:
    """What the steps of one workout are read with: the unit its speeds are read in,
    and the list its losses go to."""

    speed_unit: str
    losses: list[str]


def rebuild(raw_steps: list[dict], reading: Reading) -> list[tuple[int, Step | Repeat]]:
    """Turn the flat step list back into steps and (nested) repeats, each with the index
    of its first FIT step."""
    nodes: list[tuple[int, Step | Repeat]] = []  # (index of the node's first FIT step, node)
    for position, values in enumerate(raw_steps):
        fields = Fields(WORKOUT_STEP, values, f"step {position}", reading.losses)
        index = fields.number(INDEX)
        if index is not None and index != position:
            raise FitError(f"step message_index {index} is out of order (expected {position})")
        index = position
        if fields.number(DURATION_TYPE) in REPEAT_KINDS:
            _add_repeat(nodes, fields, index, reading.losses)
        else:
            nodes.append((index, step(fields, reading)))
        reading.losses += unread_loss(fields)
    return nodes


def _add_repeat(nodes: list, fields: Fields, index: int, losses: list[str]) -> None:
    first = fields.number(DURATION_VALUE)
    fields.read.update((profile.STEP_TARGET_TYPE.number, TARGET_VALUE))  # read with the repeat's kind
    block = [node for start, node in nodes if first is not None and start >= first]
    if first is None or first >= index or not block or all(start != first for start, _ in nodes):
        raise FitError(f"repeat step {index} points at step {first}, which does not start a block")
    try:
        repeat = _repeat(fields, tuple(block), index, losses)
    except Unsupported as problem:  # its steps stay, done once
        losses.append(f"step {index}: {problem}; the repeat is left out, its steps are written once")
        return
    del nodes[len(nodes) - len(block) :]
    nodes.append((first, repeat))


def _repeat(fields: Fields, block: tuple, index: int, losses: list[str]) -> Repeat:
    depth = 1 + _depth(block)
    if depth > LIMITS.repeat_depth:
        raise Unsupported(f"a repeat nested {depth} deep (the language nests repeats {LIMITS.repeat_depth} deep)")
    kind = fields.number(DURATION_TYPE)
    assert kind is not None
    count, until = decode_repeat(kind, fields.number(TARGET_VALUE))
    intensity = fields.number(profile.STEP_INTENSITY.number)
    if intensity not in (None, profile.INTENSITY_ACTIVE):
        shown = profile.INTENSITY_NAMES.get(intensity, intensity)
        losses.append(f"step {index}: a repeat's intensity ({shown}) the language cannot say; it is written as active")
    name = clean(fields.text(profile.STEP_NAME.number), f"step {index}'s name", losses)
    return Repeat(count, block, NOWHERE, until=until, name=name)


def _depth(nodes) -> int:
    """Repeat levels in `nodes`: each level was checked as it was built."""
    return max((1 + _depth(node.steps) for node in nodes if isinstance(node, Repeat)), default=0)


def step(fields: Fields, reading: Reading) -> Step:
    """One step; what it holds that the language cannot say is a loss, never the step."""
    where, losses = fields.where, reading.losses
    stroke, targets = _targets(fields, reading)
    return Step(
        _intensity(fields, losses),
        _duration(fields, losses),
        targets,
        clean(fields.text(profile.STEP_NOTES.number), f"{where}'s note", losses),
        NOWHERE,
        clean(fields.text(profile.STEP_NAME.number), f"{where}'s name", losses),
        stroke=stroke,
        equipment=_equipment(fields, losses),
        exercise=_exercise(fields, losses),
    )


def _intensity(fields: Fields, losses: list[str]) -> Intensity:
    raw = fields.number(profile.STEP_INTENSITY.number)
    if raw is None:
        return Intensity.ACTIVE
    if raw not in INTENSITY.value:
        losses.append(f"{fields.where}: intensity {raw} is not one FIT defines; it is written as active")
        return Intensity.ACTIVE
    return INTENSITY.value[raw]


def _duration(fields: Fields, losses: list[str]):
    kind = fields.number(DURATION_TYPE)
    value = fields.number(DURATION_VALUE)
    try:
        return decode_duration(profile.DURATION_OPEN if kind is None else kind, value)
    except Unsupported as problem:
        losses.append(f"{fields.where}: {problem}; the step is kept, ended with the lap key")
        return LapKey()


def _targets(fields: Fields, reading: Reading) -> tuple[str | None, tuple[Target, ...]]:
    """The swim stroke (a swim_stroke target), and the other targets in order."""
    stroke, targets = None, []
    for position, numbers in enumerate((PRIMARY, SECONDARY)):
        kind, value, low, high = (fields.number(f.number) for f in numbers)
        if kind == profile.TARGET_SWIM_STROKE:
            stroke = _stroke(value, position, fields.where, reading.losses)
            continue
        target = _target(kind, value, low, high, fields.where, reading)
        if target is not None:
            targets.append(target)
    return stroke, tuple(targets)


def _stroke(value: int | None, position: int, where: str, losses: list[str]) -> str | None:
    if value not in STROKE.value:
        losses.append(f"{where}: a swim stroke target of stroke {value}, which FIT does not define; left out")
        return None
    if position:
        losses.append(f"{where}: its swim stroke, the secondary target, is written as the main one")
    return STROKE.value[value]


def _target(kind, value, low, high, where: str, reading: Reading) -> Target | None:
    try:
        return decode_target(kind, value, low, high, NOWHERE, speed_unit=reading.speed_unit)
    except Reversed as reversed_range:
        reading.losses.append(f"{where}: {reversed_range}; it is written low end first")
        return reversed_range.target
    except Unsupported as problem:
        reading.losses.append(f"{where}: {problem}; the target is left out, the step kept")
        return None


def _equipment(fields: Fields, losses: list[str]) -> str | None:
    raw = fields.number(profile.STEP_EQUIPMENT.number)
    if raw is None or raw == 0:  # 0 is FIT's "none"
        return None
    if raw not in EQUIPMENT.value:
        losses.append(f"{fields.where}: equipment {raw}, which FIT does not define; left out")
        return None
    return EQUIPMENT.value[raw]


def _exercise(fields: Fields, losses: list[str]) -> Exercise | None:
    category = fields.number(profile.STEP_EXERCISE_CATEGORY.number)
    name = fields.number(profile.STEP_EXERCISE_NAME.number)
    weight = fields.number(profile.STEP_EXERCISE_WEIGHT.number)
    unit = fields.number(profile.STEP_WEIGHT_DISPLAY_UNIT.number)
    if category is None:
        if name is not None or weight is not None:
            losses.append(f"{fields.where}: an exercise name or weight without a category; left out")
        return None
    try:
        category_name, exercise_name = exercises.names(category, name)
    except Unsupported as problem:
        losses.append(f"{fields.where}: {problem}; the exercise is left out")
        return None
    if weight is None:
        if unit is not None:
            losses.append(f"{fields.where}: a weight unit without a weight; left out")
        return Exercise(category_name, exercise_name)
    if unit is None or unit not in WEIGHT_UNIT.value:
        losses.append(f"{fields.where}: the weight's unit is {unit}, not kg or lb; it is written in kg")
        unit = WEIGHT_UNIT.raw["kg"]
    return Exercise(category_name, exercise_name, HUNDREDTHS.decode(weight), WEIGHT_UNIT.value[unit])


def clean(text: str | None, what: str, losses: list[str]) -> str | None:
    """Strings the language can hold: line breaks, but no other control characters
    (they become spaces), at most STRING_BYTES of UTF-8 (a damaged string decodes to more
    than its field held)."""
    if text is None:
        return None
    cleaned = "".join(" " if ord(char) < 32 and char != "\n" else char for char in text)
    if cleaned != text:
        losses.append(f"{what} held control characters (tabs, carriage returns); they are written as spaces")
    short = truncate_utf8(cleaned, STRING_BYTES)
    if short != cleaned:
        losses.append(f"{what} is longer than the language takes ({STRING_BYTES} bytes); its end is left out")
    return short
