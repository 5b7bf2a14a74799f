"""Writes src/workoutc/fit/profile.py: the FIT profile numbers workoutc writes and
reads, taken from fit-tool's profile.

    python -m tools.gen_fit_profile      (or `make fit-profile`)

The writer and the reader read these plain numbers instead of importing fit-tool,
whose import alone costs more than compiling a hundred workouts;
tests/fit/test_profile.py fails when the written module and fit-tool disagree.
"""

from __future__ import annotations

from pathlib import Path

from fit_tool.base_type import BaseType
from fit_tool.profile.messages import file_id_message as file_id
from fit_tool.profile.messages import schedule_message as schedule
from fit_tool.profile.messages import workout_message as workout
from fit_tool.profile.messages import workout_step_message as step
from fit_tool.profile.messages.common_fields import MessageIndexField
from fit_tool.profile.profile_type import (
    DisplayMeasure,
    ExerciseCategory,
    FileType,
    FitBaseUnit,
    Intensity,
    Manufacturer,
    Schedule,
    Sport,
    SubSport,
    SwimStroke,
    WorkoutEquipment,
    WorkoutStepDuration,
    WorkoutStepTarget,
)

TARGET = Path(__file__).resolve().parent.parent / "src" / "workoutc" / "fit" / "profile.py"

MESSAGES = {
    "FILE_ID": file_id.FileIdMessage,
    "WORKOUT": workout.WorkoutMessage,
    "WORKOUT_STEP": step.WorkoutStepMessage,
    "SCHEDULE": schedule.ScheduleMessage,
}
FIELDS = {
    "FILE_ID_TYPE": file_id.FileIdTypeField,
    "FILE_ID_MANUFACTURER": file_id.FileIdManufacturerField,
    "FILE_ID_PRODUCT": file_id.FileIdProductField,
    "FILE_ID_SERIAL_NUMBER": file_id.FileIdSerialNumberField,
    "FILE_ID_TIME_CREATED": file_id.FileIdTimeCreatedField,
    "WORKOUT_NAME": workout.WorkoutWorkoutNameField,
    "WORKOUT_SPORT": workout.WorkoutSportField,
    "WORKOUT_NUM_VALID_STEPS": workout.WorkoutNumValidStepsField,
    "WORKOUT_SUB_SPORT": workout.WorkoutSubSportField,
    "WORKOUT_POOL_LENGTH": workout.WorkoutPoolLengthField,
    "WORKOUT_POOL_LENGTH_UNIT": workout.WorkoutPoolLengthUnitField,
    "WORKOUT_DESCRIPTION": workout.WorkoutWorkoutDescriptionField,
    "WORKOUT_CAPABILITIES": workout.WorkoutCapabilitiesField,
    "MESSAGE_INDEX": MessageIndexField,
    "STEP_DURATION_TYPE": step.WorkoutStepDurationTypeField,
    "STEP_DURATION_VALUE": step.WorkoutStepDurationValueField,
    "STEP_TARGET_TYPE": step.WorkoutStepTargetTypeField,
    "STEP_TARGET_VALUE": step.WorkoutStepTargetValueField,
    "STEP_CUSTOM_LOW": step.WorkoutStepCustomTargetValueLowField,
    "STEP_CUSTOM_HIGH": step.WorkoutStepCustomTargetValueHighField,
    "STEP_INTENSITY": step.WorkoutStepIntensityField,
    "STEP_SECONDARY_TARGET_TYPE": step.WorkoutStepSecondaryTargetTypeField,
    "STEP_SECONDARY_TARGET_VALUE": step.WorkoutStepSecondaryTargetValueField,
    "STEP_SECONDARY_CUSTOM_LOW": step.WorkoutStepSecondaryCustomTargetValueLowField,
    "STEP_SECONDARY_CUSTOM_HIGH": step.WorkoutStepSecondaryCustomTargetValueHighField,
    "STEP_NOTES": step.WorkoutStepNotesField,
    "STEP_EXERCISE_CATEGORY": step.WorkoutStepExerciseCategoryField,
    "STEP_EXERCISE_NAME": step.WorkoutStepExerciseNameField,
    "STEP_EXERCISE_WEIGHT": step.WorkoutStepExerciseWeightField,
    "STEP_WEIGHT_DISPLAY_UNIT": step.WorkoutStepWeightDisplayUnitField,
    "STEP_EQUIPMENT": step.WorkoutStepEquipmentField,
    "STEP_NAME": step.WorkoutStepWorkoutStepNameField,
    "SCHEDULE_MANUFACTURER": schedule.ScheduleManufacturerField,
    "SCHEDULE_PRODUCT": schedule.ScheduleProductField,
    "SCHEDULE_SERIAL_NUMBER": schedule.ScheduleSerialNumberField,
    "SCHEDULE_TIME_CREATED": schedule.ScheduleTimeCreatedField,
    "SCHEDULE_COMPLETED": schedule.ScheduleCompletedField,
    "SCHEDULE_TYPE": schedule.ScheduleTypeField,
    "SCHEDULE_SCHEDULED_TIME": schedule.ScheduleScheduledTimeField,
}
ALL = None  # every member of the enum
ENUMS = {
    "FILE_TYPE": (FileType, ("WORKOUT", "SCHEDULES", "ACTIVITY")),
    "MANUFACTURER": (Manufacturer, ("DEVELOPMENT",)),
    "SPORT": (Sport, ("RUNNING", "CYCLING", "SWIMMING", "TRAINING", "WALKING", "HIKING", "GENERIC")),
    "INTENSITY": (Intensity, ALL),
    "DURATION": (WorkoutStepDuration, ALL),
    "TARGET": (WorkoutStepTarget, ALL),
    "SCHEDULE": (Schedule, ("WORKOUT",)),
    "MEASURE": (DisplayMeasure, ("METRIC", "STATUTE")),
    "WEIGHT_UNIT": (FitBaseUnit, ("KILOGRAM", "POUND")),
}


# Every value's name (FIT's own, in lower case), for messages about values workoutc does not take.
NAMES = {
    "SPORT_NAMES": Sport,
    "DURATION_NAMES": WorkoutStepDuration,
    "TARGET_NAMES": WorkoutStepTarget,
    "FILE_TYPE_NAMES": FileType,  # what a file that is not a workout or schedule is
    "SCHEDULE_NAMES": Schedule,
    "SUB_SPORT_NAMES": SubSport,
    "INTENSITY_NAMES": Intensity,
    "EQUIPMENT_NAMES": WorkoutEquipment,
    "STROKE_NAMES": SwimStroke,
    "EXERCISE_CATEGORY_NAMES": ExerciseCategory,
}


def render() -> str:
    lines = [
        '"""The FIT profile numbers workoutc writes and reads: base types, message and field',
        "numbers, and enum values with their names, as fit-tool's profile defines them.",
        "",
        "Generated by `make fit-profile` (tools/gen_fit_profile.py); do not edit. A test fails",
        "when this module and fit-tool disagree.",
        '"""',
        "",
        "from typing import NamedTuple",
        "",
        "",
        "class Field(NamedTuple):",
        "    number: int",
        "    base_type: int  # the FIT base type byte",
        "    size: int  # bytes; a string field is sized when written",
        "    struct_format: str  # empty for a string",
        "    invalid: int  # the raw value meaning 'no value'",
        "",
        "",
        "class BaseType(NamedTuple):",
        "    struct_format: str  # one value; 's' for a string",
        "    size: int  # bytes of one value",
        "    invalid: int | None  # the raw value meaning 'no value' (None: floats and strings are never compared)",
        "",
        "",
        f"STRING = 0x{BaseType.STRING.value:02X}  # the base type of string fields",
        "",
        "# Base types by their number (the low five bits of the base type byte).",
        "BASE_TYPES = {",
    ]
    for base in sorted(BaseType, key=lambda b: b.value & 0x1F):
        floating = base in (BaseType.FLOAT32, BaseType.FLOAT64)
        invalid = None if floating or base is BaseType.STRING else base.invalid_raw_value()
        lines.append(f'    0x{base.value & 0x1F:02X}: BaseType("{base.struct_format or "s"}", {base.size}, {invalid}),')
    lines += ["}", ""]
    lines += [f"{name}_MESSAGE = {message.ID}" for name, message in MESSAGES.items()]
    lines.append("")
    for name, cls in FIELDS.items():
        base = cls().base_type
        lines.append(
            f"{name} = Field({cls.ID}, 0x{base.value:02X}, {base.size}, "
            f'"{base.struct_format or ""}", {base.invalid_raw_value()})'
        )
    lines.append("")
    for name, (enum, members) in ENUMS.items():
        chosen = [member.name for member in enum] if members is ALL else members
        lines += [f"{name}_{member} = {enum[member].value}" for member in chosen]
    for name, enum in NAMES.items():
        lines += ["", f"{name} = {{"]
        lines += [f'    {member.value}: "{member.name.lower()}",' for member in enum]
        lines.append("}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    TARGET.write_text(render(), encoding="utf-8")
    print(f"wrote {TARGET}")
