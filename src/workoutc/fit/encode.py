"""Model -> FIT workout and schedule file bytes.

The field numbers, base types and enum values come from profile.py (fit-tool's
profile, copied so that encoding does not pay for importing fit-tool) and each
value's raw form from values.py, which the reader shares; the bytes are packed
here with `struct`, because fit-tool's builder is slow and double-scales sub-fields
when fed physical units (see docs/fit.md). A repeat is its own step after its block,
pointing back at the block's first step, with the count in target_value; nested
repeats nest that layout, as Garmin's workout cookbook lays it out.
"""

from __future__ import annotations

import struct
import zlib
from datetime import datetime
from functools import cache

from ..model import Node, Pool, Repeat, Step, Target, Workout
from . import exercises, profile
from .crc import crc16
from .profile import Field
from .values import (
    EQUIPMENT,
    HUNDREDTHS,
    INTENSITY,
    INVALID_U16,
    INVALID_U32,
    MIN_DATE_TIME,
    NO_TARGET,
    POOL_UNIT,
    SPORT,
    SUB_SPORT,
    WEIGHT_UNIT,
    encode_duration,
    encode_local_time,
    encode_repeat,
    encode_stroke,
    encode_target,
)

FIT_EPOCH_OFFSET = 631065600  # seconds from the Unix epoch to 1989-12-31T00:00:00Z
PROTOCOL_VERSION = 0x20  # 2.0, as Garmin's own encoder writes
PROFILE_VERSION = 21212  # the fit-tool profile the field numbers come from
PRODUCT = 0
DEVELOPMENT = profile.MANUFACTURER_DEVELOPMENT

# Field definitions, in the order they are written.
FILE_ID_FIELDS = (
    profile.FILE_ID_TYPE,
    profile.FILE_ID_MANUFACTURER,
    profile.FILE_ID_PRODUCT,
    profile.FILE_ID_SERIAL_NUMBER,
    profile.FILE_ID_TIME_CREATED,
)
WORKOUT_FIELDS = (profile.WORKOUT_SPORT, profile.WORKOUT_NUM_VALID_STEPS)
SUB_SPORT_FIELDS = (profile.WORKOUT_SUB_SPORT,)
POOL_FIELDS = (profile.WORKOUT_POOL_LENGTH, profile.WORKOUT_POOL_LENGTH_UNIT)
STEP_FIELDS = (
    profile.MESSAGE_INDEX,
    profile.STEP_DURATION_TYPE,
    profile.STEP_DURATION_VALUE,
    profile.STEP_TARGET_TYPE,
    profile.STEP_TARGET_VALUE,
    profile.STEP_CUSTOM_LOW,
    profile.STEP_CUSTOM_HIGH,
    profile.STEP_INTENSITY,
)
SECONDARY_FIELDS = (
    profile.STEP_SECONDARY_TARGET_TYPE,
    profile.STEP_SECONDARY_TARGET_VALUE,
    profile.STEP_SECONDARY_CUSTOM_LOW,
    profile.STEP_SECONDARY_CUSTOM_HIGH,
)
SCHEDULE_FIELDS = (
    profile.SCHEDULE_MANUFACTURER,
    profile.SCHEDULE_PRODUCT,
    profile.SCHEDULE_SERIAL_NUMBER,
    profile.SCHEDULE_TIME_CREATED,
    profile.SCHEDULE_COMPLETED,
    profile.SCHEDULE_TYPE,
    profile.SCHEDULE_SCHEDULED_TIME,
)

EXTRA_FIELDS = (  # swimming's equipment and strength's exercise
    profile.STEP_EQUIPMENT,
    profile.STEP_EXERCISE_CATEGORY,
    profile.STEP_EXERCISE_NAME,
    profile.STEP_EXERCISE_WEIGHT,
    profile.STEP_WEIGHT_DISPLAY_UNIT,
)

INVALID_ENUM = profile.STEP_SECONDARY_TARGET_TYPE.invalid
NO_SECONDARY = (INVALID_ENUM, INVALID_U32, INVALID_U32, INVALID_U32)
NO_EXTRAS = (INVALID_ENUM, INVALID_U16, INVALID_U16, INVALID_U16, INVALID_U16)
# Where the parts of a step row (see _step_row) start.
SECONDARY_AT, EXTRAS_AT, NOTES_AT, NAME_AT = 8, 12, 17, 18


class _Layout:
    """A FIT definition message and the struct that packs its data messages."""

    __slots__ = ("definition", "packer")

    def __init__(self, local: int, global_number: int, fields: tuple[tuple[Field, int], ...]):
        header = struct.pack("<BBBHB", 0x40 | local, 0, 0, global_number, len(fields))
        specs = b"".join(struct.pack("BBB", f.number, size, f.base_type) for f, size in fields)
        self.definition = header + specs
        codes = "".join(f"{size}s" if f.base_type == profile.STRING else f.struct_format for f, size in fields)
        self.packer = struct.Struct(f"<B{codes}")


def _sized(fields: tuple[Field, ...]) -> tuple[tuple[Field, int], ...]:
    return tuple((f, f.size) for f in fields)


# Layouts are cached by plain ints (the string sizes), which hash far faster than fields.
FILE_ID_LAYOUT = _Layout(0, profile.FILE_ID_MESSAGE, _sized(FILE_ID_FIELDS))
SCHEDULE_LAYOUT = _Layout(1, profile.SCHEDULE_MESSAGE, _sized(SCHEDULE_FIELDS))


@cache
def _workout_layout(name_size: int, sub_sport: bool, pool: bool, description_size: int) -> _Layout:
    fields = ((profile.WORKOUT_NAME, name_size), *_sized(WORKOUT_FIELDS))
    fields += _sized((SUB_SPORT_FIELDS if sub_sport else ()) + (POOL_FIELDS if pool else ()))
    if description_size > 1:
        fields += ((profile.WORKOUT_DESCRIPTION, description_size),)
    return _Layout(1, profile.WORKOUT_MESSAGE, fields)


@cache
def _step_layout(secondary: bool, extras: bool, notes_size: int, name_size: int) -> _Layout:
    """Steps share one definition; strings are sized to the file's longest (NUL-padded)."""
    fields = _sized(STEP_FIELDS + (SECONDARY_FIELDS if secondary else ()) + (EXTRA_FIELDS if extras else ()))
    if notes_size > 1:
        fields += ((profile.STEP_NOTES, notes_size),)
    if name_size > 1:
        fields += ((profile.STEP_NAME, name_size),)
    return _Layout(2, profile.WORKOUT_STEP_MESSAGE, fields)


def serial_number(name: str) -> int:
    """Stable per workout name, never zero (uint32z): a re-copy replaces the file."""
    return zlib.crc32(name.encode("utf-8")) or 1


def _step_row(index: int, step: Step, pool: Pool | None) -> tuple:
    duration = encode_duration(step.duration, pool)
    targets = step.targets
    for target in targets:
        _check_resolved(target)
    if step.stroke is None:
        primary = encode_target(targets[0]) if targets else NO_TARGET
        secondary = encode_target(targets[1]) if len(targets) > 1 else NO_SECONDARY
    else:  # a swim stroke is shown as the main target; the step's own target comes second
        primary = encode_stroke(step.stroke)
        secondary = encode_target(targets[0]) if targets else NO_SECONDARY
    extras = NO_EXTRAS if step.equipment is None and step.exercise is None else _extras(step)
    intensity = INTENSITY.raw[step.intensity]
    return (index, *duration, *primary, intensity, *secondary, *extras, _text(step.notes), _text(step.name))


def _extras(step: Step) -> tuple:
    """(equipment, exercise category, exercise name, weight, weight unit)."""
    equipment = EQUIPMENT.raw[step.equipment] if step.equipment else INVALID_ENUM
    if step.exercise is None:
        return (equipment, INVALID_U16, INVALID_U16, INVALID_U16, INVALID_U16)
    exercise = step.exercise
    category, name = exercises.codes(exercise.category, exercise.name)
    if exercise.weight is None:
        return (equipment, category, name, INVALID_U16, INVALID_U16)
    return (equipment, category, name, HUNDREDTHS.encode(exercise.weight), WEIGHT_UNIT.raw[exercise.weight_unit])


def _check_resolved(target: Target) -> None:
    """A target written relative to the athlete has numbers only once resolved for one."""
    if target.relative is not None and target.zone is None and target.low is None:
        raise ValueError(
            f"line {target.span.line}: the {target.metric} target relative to the athlete's "
            f"{target.relative.reference} was not resolved: run check.resolve.resolve before encoding"
        )


def _repeat_row(index: int, first: int, repeat: Repeat) -> tuple:
    """The repeat step: back to `first`, `count` times or until its condition holds.

    Intensity is active, as in Garmin's own sample files.
    """
    kind, target, value = encode_repeat(repeat.count, repeat.until)
    active = profile.INTENSITY_ACTIVE
    head = (index, kind, first, target, value, INVALID_U32, INVALID_U32, active)
    return (*head, *NO_SECONDARY, *NO_EXTRAS, b"", _text(repeat.name))


def _text(value: str | None) -> bytes:
    return value.encode("utf-8") if value else b""


def step_rows(nodes: tuple[Node, ...], pool: Pool | None = None) -> list[tuple]:
    """Flatten steps and repeats into FIT workout_step rows (cookbook order)."""
    rows: list[tuple] = []

    def add(nodes):
        for node in nodes:
            if isinstance(node, Repeat):
                first = len(rows)
                add(node.steps)
                rows.append(_repeat_row(len(rows), first, node))
            else:
                rows.append(_step_row(len(rows), node, pool))

    add(nodes)
    return rows


def fit_time(unix_seconds: int) -> int:
    """A FIT date_time. Values below 0x10000000 mean time since device power-up, not a
    date, so earlier times (a file dated 1970, SOURCE_DATE_EPOCH=0) become the earliest
    real date; later ones stop at the largest uint32."""
    return min(max(unix_seconds - FIT_EPOCH_OFFSET, MIN_DATE_TIME), 0xFFFFFFFE)


def _file_id(kind: int, serial: int, time_created: int) -> bytes:
    head = FILE_ID_LAYOUT
    return head.definition + head.packer.pack(0, kind, DEVELOPMENT, PRODUCT, serial, fit_time(time_created))


def encode_workout(workout: Workout, time_created: int, name: str | None = None) -> bytes:
    """The complete FIT file for one workout. `time_created` is Unix seconds."""
    name_bytes = _text(name or workout.name)
    rows = step_rows(workout.steps, workout.pool)
    out = bytearray(_file_id(profile.FILE_TYPE_WORKOUT, serial_number(workout.name), time_created))

    description = _text(workout.description)
    sub_sport, pool = workout.sub_sport is not None, workout.pool is not None
    body = _workout_layout(len(name_bytes) + 1, sub_sport, pool, len(description) + 1 if description else 1)
    values: tuple = (name_bytes, SPORT.raw[workout.sport], len(rows))
    if workout.sub_sport is not None:
        values += (SUB_SPORT.raw[workout.sub_sport],)
    if workout.pool is not None:
        values += (HUNDREDTHS.encode(workout.pool.metres), POOL_UNIT.raw[workout.pool.unit])
    if description:
        values += (description,)
    out += body.definition
    out += body.packer.pack(1, *values)

    out += _encode_steps(rows)
    return _frame(out)


def encode_schedule(name: str, sessions: list[tuple[Workout, datetime, int]], time_created: int) -> bytes:
    """A schedules file putting workouts on the watch's calendar.

    Each schedule message names its workout file as the watch knows it (manufacturer,
    product, serial number, time_created); `sessions` are (workout, local date and
    time, the workout file's time_created in Unix seconds).
    """
    out = bytearray(_file_id(profile.FILE_TYPE_SCHEDULES, serial_number("schedule: " + name), time_created))
    layout = SCHEDULE_LAYOUT
    out += layout.definition
    for workout, when, created in sessions:
        local = encode_local_time(when)
        out += layout.packer.pack(
            1, DEVELOPMENT, PRODUCT, serial_number(workout.name), fit_time(created), 0, profile.SCHEDULE_WORKOUT, local
        )
    return _frame(out)


def _encode_steps(rows: list[tuple]) -> bytes:
    secondary = any(row[SECONDARY_AT] != INVALID_ENUM for row in rows)
    extras = any(
        row[EXTRAS_AT] != INVALID_ENUM or row[EXTRAS_AT + 1] != INVALID_U16 for row in rows
    )  # a weight needs an exercise
    notes_size = max(len(row[NOTES_AT]) for row in rows) + 1
    name_size = max(len(row[NAME_AT]) for row in rows) + 1
    layout = _step_layout(secondary, extras, notes_size, name_size)
    pack = layout.packer.pack
    parts = [layout.definition]
    for row in rows:
        values = row[:SECONDARY_AT]
        if secondary:
            values += row[SECONDARY_AT:EXTRAS_AT]
        if extras:
            values += row[EXTRAS_AT:NOTES_AT]
        if notes_size > 1:
            values += (row[NOTES_AT],)
        if name_size > 1:
            values += (row[NAME_AT],)
        parts.append(pack(2, *values))
    return b"".join(parts)


def _frame(records: bytes | bytearray) -> bytes:
    header = struct.pack("<BBHI4s", 14, PROTOCOL_VERSION, PROFILE_VERSION, len(records), b".FIT")
    header += struct.pack("<H", crc16(header))
    body = header + records
    return bytes(body + struct.pack("<H", crc16(body)))
