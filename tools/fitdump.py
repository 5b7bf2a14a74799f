"""Decode FIT bytes with both decoders and dump them as reviewable text.

garmin-fit-sdk (Garmin's own decoder) is the judge of every field; fitdecode, an
independent implementation, must also read the file with its CRC checked.
"""

from __future__ import annotations

import io
from datetime import UTC

import fitdecode
from garmin_fit_sdk import Decoder, Stream

MESSAGE_ORDER = ("file_id_mesgs", "workout_mesgs", "workout_step_mesgs", "schedule_mesgs")


def decode(data: bytes, *, strings: bool = False) -> dict:
    """Raw messages from Garmin's decoder; asserts the file is sound for both decoders."""
    decoder = Decoder(Stream.from_byte_array(bytearray(data)))
    assert decoder.is_fit(), "garmin-fit-sdk: not a FIT file"
    assert decoder.check_integrity(), "garmin-fit-sdk: integrity check failed"
    decoder = Decoder(Stream.from_byte_array(bytearray(data)))
    messages, errors = decoder.read(
        apply_scale_and_offset=False,
        expand_sub_fields=False,
        expand_components=False,
        convert_types_to_strings=strings,
        merge_heart_rates=False,
    )
    assert errors == [], f"garmin-fit-sdk errors: {errors}"
    _read_with_fitdecode(data)
    return dict(messages)


def _read_with_fitdecode(data: bytes) -> list:
    with fitdecode.FitReader(io.BytesIO(data), check_crc=fitdecode.CrcCheck.ENABLED) as reader:
        return [frame for frame in reader if isinstance(frame, fitdecode.FitDataMessage)]


def steps(data: bytes) -> list[dict]:
    return decode(data)["workout_step_mesgs"]


def dump(data: bytes) -> str:
    """One line per message: its name and every field as decoded (enums by name)."""
    messages = decode(data, strings=True)
    lines = []
    for kind in MESSAGE_ORDER:
        for message in messages.get(kind, []):
            label = kind.removesuffix("_mesgs")
            if "message_index" in message:
                label += f"[{message['message_index']}]"
            fields = " ".join(f"{key}={_show(value)}" for key, value in message.items() if key != "message_index")
            lines.append(f"{label}: {fields}")
    return "\n".join(lines) + "\n"


def _show(value) -> str:
    if hasattr(value, "astimezone"):
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, str):
        return repr(value)
    return str(value)
