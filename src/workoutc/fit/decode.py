"""FIT workout file -> model.

Every duration and target the language can express is read back exactly (values.py
holds each encoding beside its inverse); repeats are rebuilt as blocks, nested ones
too. Whatever the language cannot express (a swim or strength step, a target type it
lacks, a value or a workout beyond its limits) is reported as a loss, never dropped
silently and never written as text that does not compile. language/printer.py turns
the workout into text.

A schedules file is read into its sessions by schedule.py (`decompile_any`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..diagnostics import Span
from ..model import Intensity, Repeat, Step, Workout, expanded_count, fit_step_count, truncate_utf8
from ..units import LIMITS
from . import profile
from .read import FitError, read_messages
from .schedule import FILE_ID_REF, DecompiledSchedule, FileRef, read_schedule
from .values import INTENSITY, REPEAT_KINDS, SPORT, Reversed, Unsupported, decode_duration, decode_repeat, decode_target

NOWHERE = Span(1, 1, 1, 2)  # decoded steps come from no source text
FILE_ID, WORKOUT, WORKOUT_STEP = profile.FILE_ID_MESSAGE, profile.WORKOUT_MESSAGE, profile.WORKOUT_STEP_MESSAGE
SCHEDULE = profile.SCHEDULE_MESSAGE
MESSAGE_NAMES = {FILE_ID: "file_id", WORKOUT: "workout", WORKOUT_STEP: "workout_step", SCHEDULE: "schedule"}
TEXT_FIELDS = {  # fields that hold strings; every other field of these messages is a whole number
    WORKOUT: {profile.WORKOUT_NAME.number},
    WORKOUT_STEP: {profile.STEP_NAME.number, profile.STEP_NOTES.number},
}
EXERCISE_FIELDS = (  # strength and drill steps
    profile.STEP_EXERCISE_CATEGORY.number,
    profile.STEP_EXERCISE_NAME.number,
    profile.STEP_EXERCISE_WEIGHT.number,
)
PRIMARY = (profile.STEP_TARGET_TYPE, profile.STEP_TARGET_VALUE, profile.STEP_CUSTOM_LOW, profile.STEP_CUSTOM_HIGH)
SECONDARY = (
    profile.STEP_SECONDARY_TARGET_TYPE,
    profile.STEP_SECONDARY_TARGET_VALUE,
    profile.STEP_SECONDARY_CUSTOM_LOW,
    profile.STEP_SECONDARY_CUSTOM_HIGH,
)
INDEX = profile.MESSAGE_INDEX.number
DURATION_TYPE, DURATION_VALUE = profile.STEP_DURATION_TYPE.number, profile.STEP_DURATION_VALUE.number
TARGET_VALUE = profile.STEP_TARGET_VALUE.number  # a repeat's count, or the heart rate it repeats until
STRING_BYTES = 254  # what the language takes in a name or note (language/lower.py MAX_STRING_BYTES)


class NotAWorkout(FitError):
    """A readable FIT file of another type than workout or schedules (an activity, a
    course, settings): nothing for decompile, rather than damaged."""


@dataclass
class Decompiled:
    workout: Workout
    losses: list[str] = field(default_factory=list)  # what the language could not express
    file: FileRef | None = None  # the file's identity, by which schedules name it


def _check_types(messages) -> None:
    """Names and notes are strings, everything else whole numbers; a file that says
    otherwise is damaged or not a workout file, whatever its CRC."""
    for number, fields in messages:
        if number not in MESSAGE_NAMES:
            continue
        text = TEXT_FIELDS.get(number, set())
        for key, value in fields.items():
            if (key in text and not isinstance(value, str)) or (key not in text and type(value) is not int):
                raise FitError(f"field {key} of a {MESSAGE_NAMES[number]} message has the wrong type")


def decompile(data: bytes, fallback_name: str) -> Decompiled:
    """A FIT workout file's workout. Raises FitError for files that are not readable
    FIT workout files (NotAWorkout for other readable FIT files, schedules included)."""
    result = decompile_any(data, fallback_name)
    if not isinstance(result, Decompiled):
        raise NotAWorkout("this is a schedules file, not a workout file")
    return result


def decompile_any(data: bytes, fallback_name: str) -> Decompiled | DecompiledSchedule:
    """A FIT workout file's workout or a schedules file's sessions. Raises FitError for
    files that are neither, NotAWorkout when they are readable FIT files."""
    messages = read_messages(data)
    _check_types(messages)
    file_id = next((fields for number, fields in messages if number == FILE_ID), None)
    file_type = file_id.get(profile.FILE_ID_TYPE.number) if file_id is not None else None
    if file_type == profile.FILE_TYPE_SCHEDULES:
        return read_schedule([fields for number, fields in messages if number == SCHEDULE])
    if file_id is not None and file_type != profile.FILE_TYPE_WORKOUT:
        shown = profile.FILE_TYPE_NAMES.get(file_type, file_type) if type(file_type) is int else "not given"
        raise NotAWorkout(f"this is not a workout or schedules file (its FIT file type is {shown})")
    workout, losses = _workout(messages, fallback_name)
    return Decompiled(workout, losses, FileRef.read(file_id or {}, FILE_ID_REF))


def _workout(messages: list[tuple[int, dict]], fallback_name: str) -> tuple[Workout, list[str]]:
    header: dict = next((fields for number, fields in messages if number == WORKOUT), {})
    raw_steps = [fields for number, fields in messages if number == WORKOUT_STEP]
    if not raw_steps:
        raise FitError("the file holds no workout steps")
    losses: list[str] = []
    sport = _sport(header.get(profile.WORKOUT_SPORT.number), losses)
    steps = _within_limits(_rebuild(sorted(raw_steps, key=lambda s: s.get(INDEX, 0)), losses), losses)
    if not steps:
        losses.append("no step is left that the language can express")
    given = header.get(profile.WORKOUT_NAME.number)
    name = _name(given if isinstance(given, str) else None, fallback_name, losses)
    return Workout(name, None, tuple(steps), NOWHERE, "", sport), losses


def _name(given: str | None, fallback: str, losses: list[str]) -> str:
    """The workout's name as the language takes it: not blank, no spaces at its ends.
    A blank one gives way to the file's name, as a missing one does."""
    cleaned = _clean(given, "the workout name", losses)
    name = (cleaned or "").strip()
    if name:
        if name != cleaned:
            losses.append("the workout name has spaces at its ends; they are left out")
        return name
    stem = (_clean(fallback, "the file's name", losses) or "").strip() or "workout"
    if cleaned is not None:
        losses.append(f'the workout name is blank; it is written as "{stem}", the file\'s name')
    return stem


def _sport(value, losses: list[str]) -> str:
    if value is None or value in SPORT.value:
        return SPORT.value.get(value, "running")
    shown = profile.SPORT_NAMES.get(value, value)
    shown = shown.replace("_", " ") if isinstance(shown, str) else shown
    losses.append(f"the workout's sport is {shown}, which the language lacks; it is written as running")
    return "running"


def _rebuild(raw_steps: list[dict], losses: list[str]) -> list[tuple[int, Step | Repeat]]:
    """Turn the flat step list back into steps and (nested) repeats, each with the index
    of its first FIT step. A step left out keeps its place (None) until the end, so a
    repeat of it still finds where its block starts."""
    nodes: list[tuple[int, Step | Repeat | None]] = []  # (index of the node's first FIT step, node)
    for position, raw in enumerate(raw_steps):
        index = raw.get(INDEX, position)
        if index != position:
            raise FitError(f"step message_index {index} is out of order (expected {position})")
        duration_type = raw.get(DURATION_TYPE)
        if duration_type in REPEAT_KINDS:
            first = raw.get(DURATION_VALUE)
            block = [node for start, node in nodes if first is not None and start >= first]
            if first is None or first >= index or not block or all(start != first for start, _ in nodes):
                raise FitError(f"repeat step {index} points at step {first}, which does not start a block")
            steps = tuple(node for node in block if node is not None)
            if not steps:
                losses.append(f"step {index}: a repeat of steps that are all left out; it is left out")
                continue
            try:
                repeat = _repeat(raw, steps, index, losses)
            except Unsupported as problem:  # its steps stay, done once
                losses.append(f"step {index}: {problem}; the repeat is left out, its steps are written once")
                continue
            del nodes[len(nodes) - len(block) :]
            nodes.append((first, repeat))
        else:
            try:
                nodes.append((index, _step(raw, index, losses)))
            except Unsupported as problem:
                losses.append(f"step {index}: {problem}; it is left out")
                nodes.append((index, None))
    return [(start, node) for start, node in nodes if node is not None]


def _repeat(raw: dict, block: tuple, index: int, losses: list[str]) -> Repeat:
    depth = 1 + _depth(block)
    if depth > LIMITS.repeat_depth:
        raise Unsupported(f"a repeat nested {depth} deep (the language nests repeats {LIMITS.repeat_depth} deep)")
    count, until = decode_repeat(raw.get(DURATION_TYPE), raw.get(TARGET_VALUE))
    name = _clean(raw.get(profile.STEP_NAME.number), f"step {index}'s name", losses)  # of a repeat kept
    return Repeat(count, block, NOWHERE, until=until, name=name)


def _depth(nodes) -> int:
    """Repeat levels in `nodes`: each level was checked as it was built."""
    return max((1 + _depth(node.steps) for node in nodes if isinstance(node, Repeat)), default=0)


def _within_limits(nodes: list[tuple[int, Step | Repeat]], losses: list[str]) -> list[Step | Repeat]:
    """The workout's steps within the language's step counts (FIT steps, and steps once
    repeats are counted out): whole steps and repeats in order, until one would pass a
    limit; a counted repeat that would is done fewer times if that is enough."""
    fit_limit, run_limit = LIMITS.fit_steps, LIMITS.expanded_steps
    kept: list[Step | Repeat] = []
    fit_steps = run_steps = 0
    for start, node in nodes:
        size, runs = fit_step_count((node,)), expanded_count((node,))
        if isinstance(node, Repeat) and node.count and fit_steps + size <= fit_limit and run_steps + runs > run_limit:
            once = expanded_count(node.steps)
            count = (run_limit - run_steps) // once
            if count >= 1:
                losses.append(
                    f"the repeat from step {start}: {node.count} times would take the workout past "
                    f"{run_limit:,} steps; it is written {count} time{'' if count == 1 else 's'}"
                )
                kept.append(replace(node, count=count))
                fit_steps, run_steps = fit_steps + size, run_steps + count * once
                continue
        if fit_steps + size > fit_limit or run_steps + runs > run_limit:
            losses.append(
                f"from step {start} on, the workout is longer than the language takes ({fit_limit:,} steps, "
                f"{run_limit:,} once repeats are counted out); those steps are left out"
            )
            break
        kept.append(node)
        fit_steps, run_steps = fit_steps + size, run_steps + runs
    return kept


def _step(raw: dict, index: int, losses: list[str]) -> Step:
    if any(number in raw for number in EXERCISE_FIELDS):
        raise Unsupported("a strength or drill exercise step")
    intensity = raw.get(profile.STEP_INTENSITY.number, profile.INTENSITY_ACTIVE)
    if intensity not in INTENSITY.value:
        losses.append(f"step {index}: intensity {intensity} has no step keyword; it is written as `run`")
    targets = [_target(raw, fields) for fields in (PRIMARY, SECONDARY)]
    return Step(
        INTENSITY.value.get(intensity, Intensity.ACTIVE),
        decode_duration(raw.get(DURATION_TYPE, profile.DURATION_OPEN), raw.get(DURATION_VALUE)),
        tuple(target for target in targets if target),
        _clean(raw.get(profile.STEP_NOTES.number), f"step {index}'s note", losses),
        NOWHERE,
        _clean(raw.get(profile.STEP_NAME.number), f"step {index}'s name", losses),
    )


def _target(raw: dict, fields: tuple):
    kind, value, low, high = (raw.get(f.number) for f in fields)
    try:
        return decode_target(kind, value, low, high, NOWHERE)
    except Reversed as reversed_range:
        return reversed_range.target


def _clean(text: str | None, what: str, losses: list[str]) -> str | None:
    """Strings the language can hold: no control characters (they become spaces), at
    most STRING_BYTES of UTF-8 (a damaged string decodes to more than its field held)."""
    if text is None:
        return None
    cleaned = "".join(" " if ord(char) < 32 else char for char in text)
    if cleaned != text:
        losses.append(f"{what} held control characters (line breaks); they are written as spaces")
    short = truncate_utf8(cleaned, STRING_BYTES)
    if short != cleaned:
        losses.append(f"{what} is longer than the language takes ({STRING_BYTES} bytes); its end is left out")
    return short
