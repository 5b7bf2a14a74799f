"""The same workout written by the FIT writers people would otherwise use.

Both get the raw FIT values workoutc computes (fit.step_rows), so all three files hold
the same steps; what differs is only how the bytes are produced. Each is checked with
Garmin's decoder before it is timed.
"""

from __future__ import annotations

from datetime import UTC, datetime

from fit_tool.fit_file_builder import FitFileBuilder
from fit_tool.profile.messages.file_id_message import FileIdMessage
from fit_tool.profile.messages.workout_message import WorkoutMessage
from fit_tool.profile.messages.workout_step_message import WorkoutStepMessage
from fit_tool.profile.profile_type import FileType, Manufacturer, Sport
from garmin_fit_sdk import Encoder, Profile

from workoutc.fit.encode import INVALID_ENUM, INVALID_U16, INVALID_U32, serial_number, step_rows
from workoutc.model import Workout

ROW_FIELDS = (
    "message_index",
    "duration_type",
    "duration_value",
    "target_type",
    "target_value",
    "custom_target_value_low",
    "custom_target_value_high",
    "intensity",
    "secondary_target_type",
    "secondary_target_value",
    "secondary_custom_target_value_low",
    "secondary_custom_target_value_high",
    "equipment",
    "exercise_category",
    "exercise_name",
    "exercise_weight",
    "weight_display_unit",
    "notes",
    "wkt_step_name",
)


def _steps(workout: Workout) -> list[dict]:
    """The steps as {garmin field name: raw value}, absent fields left out."""
    steps = []
    for row in step_rows(workout.steps):
        step = {}
        for name, value in zip(ROW_FIELDS, row, strict=True):
            if value in (INVALID_U32, INVALID_U16, INVALID_ENUM, b""):
                continue
            step[name] = value.decode("utf-8") if isinstance(value, bytes) else value
        steps.append(step)
    return steps


def garmin_encoder(workout: Workout, time_created: int) -> bytes:
    """Garmin's own Python Encoder (main fields, scaled by hand, as it requires)."""
    encoder = Encoder()
    encoder.write_mesg(
        {
            "mesg_num": Profile["mesg_num"]["FILE_ID"],
            "type": 5,
            "manufacturer": 255,
            "product": 0,
            "serial_number": serial_number(workout.name),
            "time_created": datetime.fromtimestamp(time_created, UTC),
        }
    )
    steps = _steps(workout)
    encoder.write_mesg(
        {
            "mesg_num": Profile["mesg_num"]["WORKOUT"],
            "wkt_name": workout.name,
            "sport": 1,
            "num_valid_steps": len(steps),
        }
    )
    for step in steps:
        encoder.write_mesg({"mesg_num": Profile["mesg_num"]["WORKOUT_STEP"], **step})
    return bytes(encoder.close())


_FIT_TOOL_NAMES = {"wkt_step_name": "workout_step_name"}


def fit_tool_builder(workout: Workout, time_created: int) -> bytes:
    """fit-tool's FitFileBuilder. Values are set before their type fields, which keeps
    fit-tool from applying a sub-field's scale a second time."""
    builder = FitFileBuilder(auto_define=True, min_string_size=16)
    file_id = FileIdMessage()
    file_id.type = FileType.WORKOUT
    file_id.manufacturer = Manufacturer.DEVELOPMENT.value
    file_id.product = 0
    file_id.serial_number = serial_number(workout.name)
    file_id.time_created = time_created * 1000
    builder.add(file_id)
    steps = _steps(workout)
    header = WorkoutMessage()
    header.workout_name = workout.name
    header.sport = Sport.RUNNING
    header.num_valid_steps = len(steps)
    builder.add(header)
    for step in steps:
        message = WorkoutStepMessage()
        type_fields = {name: value for name, value in step.items() if name.endswith("_type")}
        for name, value in step.items():
            if name not in type_fields:
                setattr(message, _FIT_TOOL_NAMES.get(name, name), value)
        for name, value in type_fields.items():
            setattr(message, name, value)
        builder.add(message)
    return builder.build().to_bytes()
