"""The fields of the messages a workout is read from, by name, and what decompile
says about those it does not read.

The names are the FIT profile's (garmin-fit-sdk 21.x). `Fields` hands the decoder a
message's values with the type each interpreted field must have: any field of any
base type is accepted, but a field the decoder reads with the wrong type (a string
where a number belongs) is a loss naming it, never a refused file. `unread` names the
fields and developer fields the language has no place for, so decode.py lists them.
"""

from __future__ import annotations

from . import profile
from .read import FitFile

FILE_ID, WORKOUT, WORKOUT_STEP = profile.FILE_ID_MESSAGE, profile.WORKOUT_MESSAGE, profile.WORKOUT_STEP_MESSAGE
MESSAGE_NAMES = {
    FILE_ID: "file_id",
    WORKOUT: "workout",
    WORKOUT_STEP: "workout_step",
    profile.SCHEDULE_MESSAGE: "schedule",
    49: "file_creator",
    206: "field_description",
    207: "developer_data_id",
    264: "exercise_title",
}
# Messages of a workout file that say nothing about the workout itself.
SILENT_MESSAGES = {FILE_ID, WORKOUT, WORKOUT_STEP, 49, 206, 207}
FIELD_NAMES = {
    FILE_ID: {0: "type", 1: "manufacturer", 2: "product", 3: "serial_number", 4: "time_created", 5: "number"},
    WORKOUT: {
        254: "message_index",
        4: "sport",
        5: "capabilities",
        6: "num_valid_steps",
        8: "wkt_name",
        11: "sub_sport",
        14: "pool_length",
        15: "pool_length_unit",
        17: "wkt_description",
    },
    WORKOUT_STEP: {
        254: "message_index",
        0: "wkt_step_name",
        1: "duration_type",
        2: "duration_value",
        3: "target_type",
        4: "target_value",
        5: "custom_target_value_low",
        6: "custom_target_value_high",
        7: "intensity",
        8: "notes",
        9: "equipment",
        10: "exercise_category",
        11: "exercise_name",
        12: "exercise_weight",
        13: "weight_display_unit",
        19: "secondary_target_type",
        20: "secondary_target_value",
        21: "secondary_custom_target_value_low",
        22: "secondary_custom_target_value_high",
    },
}
FIELD_NAMES[FILE_ID][8] = "product_name"
# Fields whose meaning is the file's identity or is worked out again when written:
# nothing of the workout is lost without them.
SILENT_FIELDS = {
    FILE_ID: set(FIELD_NAMES[FILE_ID]),
    WORKOUT: {254, 5, 6},  # capabilities: what the steps need, which the watch works out
    WORKOUT_STEP: set(),
}


def field_name(message: int, number: int) -> str:
    """A field as FIT names it: `sport`, or `field 30` for one the profile lacks."""
    return FIELD_NAMES.get(message, {}).get(number, f"field {number}")


class Fields:
    """One message's values, read by the decoder: each read marks the field as used,
    and a value of the wrong type reads as absent, with a loss saying so."""

    def __init__(self, message: int, values: dict, where: str, losses: list[str]):
        self.message, self.values, self.where, self.losses = message, values, where, losses
        self.read: set[int] = set()

    def number(self, key: int) -> int | None:
        value = self._get(key, int)
        return value if isinstance(value, int) else None

    def text(self, key: int) -> str | None:
        value = self._get(key, str)
        return value if isinstance(value, str) else None

    def _get(self, key: int, kind: type) -> object:
        self.read.add(key)
        value = self.values.get(key)
        if value is None or type(value) is kind:
            return value
        shown = "a string" if isinstance(value, str) else "a list" if isinstance(value, tuple) else "not a whole number"
        self.losses.append(f"{self.where}: its {field_name(self.message, key)} is {shown}; it is left out")
        return None

    def unread(self) -> list[tuple[int, str]]:
        """The message's fields the decoder did not read and that carry meaning, by name."""
        silent = SILENT_FIELDS.get(self.message, set())
        keys = sorted(key for key in self.values if key not in self.read and key not in silent)
        return [(key, field_name(self.message, key)) for key in keys]


def unread_loss(fields: Fields) -> list[str]:
    """The loss naming the message's fields the language has no place for, if any."""
    unread = fields.unread()
    if not unread:
        return []
    named = ", ".join(f"{name} ({fields.values[key]!r})" for key, name in unread)
    return [f"{fields.where}: the language has no place for its {named}; left out"]


def developer_losses(fit: FitFile, messages: set[int]) -> list[str]:
    """A loss per developer field carried by messages of the kinds in `messages`."""
    losses = []
    for message in sorted(messages & set(fit.developer)):
        for key in sorted(fit.developer[message]):
            name = MESSAGE_NAMES.get(message, f"message {message}")
            losses.append(f"the {name} messages carry developer field {fit.developer_name(key)}; it is left out")
    return losses


def other_message_losses(fit: FitFile) -> list[str]:
    """A loss per kind of message a workout file holds that the language has no place for."""
    counts: dict[int, int] = {}
    for number, _ in fit.messages:
        if number not in SILENT_MESSAGES:
            counts[number] = counts.get(number, 0) + 1
    return [
        f"{count} {MESSAGE_NAMES.get(number, f'message {number}')} message{'s' if count > 1 else ''} left out"
        for number, count in sorted(counts.items())
    ]
