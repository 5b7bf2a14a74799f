"""Write the generated files of tests/fit/corpus/generated/ (`python -m tools.gen_fit_corpus`).

Each file is written by garmin-fit-sdk's Encoder (Garmin's own writer, not ours), so
decompile reads what another tool wrote; each covers durations, targets, sports or
file shapes the real files in the corpus lack. Raw values are given as FIT stores
them (the Encoder applies a field's scale itself: pool_length and exercise_weight are
given in metres and kilograms); a repeat until a power or heart rate names that
metric as its target_type, as Garmin's samples do. Two files need shapes the Encoder does not write: a
big-endian workout and a workout whose steps carry a developer field; `_handmade`
packs those with struct. tests/fit/corpus/README.md lists what each file holds.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from pathlib import Path

from garmin_fit_sdk import Encoder, Profile

from workoutc.fit.crc import crc16

OUT = Path(__file__).resolve().parents[1] / "tests" / "fit" / "corpus" / "generated"
NUM = Profile["mesg_num"]
CREATED = 1_100_000_000  # FIT seconds: 2024-11-09


def _file(kind: int, workout: dict, steps: list[dict], *, before: Sequence[dict] = (), file_id: dict | None = None):
    encoder = Encoder()
    head = {"mesg_num": NUM["FILE_ID"], "type": kind, "manufacturer": 255, "product": 1, "serial_number": 4242}
    encoder.write_mesg({**head, "time_created": CREATED, **(file_id or {})})
    for message in before:
        encoder.write_mesg(message)
    encoder.write_mesg({"mesg_num": NUM["WORKOUT"], "num_valid_steps": len(steps), **workout})
    for index, step in enumerate(steps):
        encoder.write_mesg({"mesg_num": NUM["WORKOUT_STEP"], "message_index": index, **step})
    return bytes(encoder.close())


def step(duration: int, value: int | None = None, target: int = 2, **fields) -> dict:
    """A workout_step with its duration and (open unless given) target, raw."""
    values = {"duration_type": duration, "target_type": target, **fields}
    if value is not None:
        values["duration_value"] = value
    return values


def swim() -> bytes:
    """A 25 yd pool: strokes, equipment, a send-off, a drill, pace per 100 yd, lengths."""
    steps = [
        step(1, 9144, 11, target_value=0, intensity=2, wkt_step_name="warm up", equipment=0),
        step(1, 4572, 11, target_value=4, intensity=0, equipment=1, notes="kick with fins"),
        step(
            1,
            9144,
            11,
            target_value=0,
            secondary_target_type=0,
            secondary_target_value=0,
            secondary_custom_target_value_low=1016,
            secondary_custom_target_value_high=1143,
        ),
        step(28, 105_000, intensity=1),
        step(6, 2, target_value=4),
        step(1, 4572, 11, target_value=1, equipment=4),
        step(0, 20_000, intensity=1),
        step(1, 9144, 11, target_value=5, intensity=3),
    ]
    workout = {
        "wkt_name": "Yards and send-offs",
        "sport": 5,
        "sub_sport": 17,
        "pool_length": 22.86,
        "pool_length_unit": 1,
        "wkt_description": "CSS set in a 25 yd pool",
    }
    return _file(5, workout, steps)


def strength() -> bytes:
    """Strength: exercises by category and name, weights in lb and kg, reps, rests."""
    steps = [
        step(0, 300_000, intensity=2, exercise_category=2),  # cardio, no name
        step(29, 10, exercise_category=28, exercise_name=37, exercise_weight=60.0, weight_display_unit=1),
        step(0, 90_000, intensity=1),
        step(6, 1, target_value=3),
        step(29, 8, exercise_category=0, exercise_name=1, exercise_weight=61.23, weight_display_unit=2),
        step(5, intensity=1),
        step(6, 4, target_value=3),
        step(0, 60_000, exercise_category=19, exercise_name=43),
    ]
    workout = {"wkt_name": "Legs and press", "sport": 10, "sub_sport": 20}
    return _file(5, workout, steps)


def cycling() -> bytes:
    """Cycling: every power duration and average, calories, TSS, speeds in km/h,
    cadence in rpm, grade, resistance, secondary targets, repeats until conditions."""
    steps = [
        step(0, 600_000, 0, target_value=0, custom_target_value_low=6944, custom_target_value_high=8333, intensity=2),
        step(22, 1250, 7, target_value=0, custom_target_value_low=1240, custom_target_value_high=1260),
        step(
            19,
            1150,
            8,
            target_value=0,
            custom_target_value_low=1100,
            custom_target_value_high=1200,
            secondary_target_type=3,
            secondary_target_value=0,
            secondary_custom_target_value_low=85,
            secondary_custom_target_value_high=95,
        ),
        step(14, 1180, intensity=4),  # until power < 180 W
        step(23, 105, 9, target_value=0, custom_target_value_low=95, custom_target_value_high=105, intensity=5),
        step(26, 1300, 10, target_value=4),
        step(13, 1, 4, target_value=1280),  # repeat until power > 280 W
        step(20, 90, 5, target_value=0, custom_target_value_low=4, custom_target_value_high=6),
        step(21, 1100, 6, target_value=0, custom_target_value_low=3, custom_target_value_high=5),
        step(25, 1150),
        step(24, 1400, 12, target_value=0, custom_target_value_low=8000, custom_target_value_high=9000),
        step(4, 200, 13, target_value=0, custom_target_value_low=170, custom_target_value_high=180),
        step(9, 11, target_value=500),  # repeat until 500 kcal
        step(16, 30, 4, target_value=3, intensity=6),
        step(27, 13, target_value=60),  # repeat until TSS 60
        step(14, 1100, intensity=4),
        step(7, 15, target_value=3_600_000),  # repeat until 1 h
        step(15, 1200),
        step(8, 17, target_value=4_000_000),  # repeat until 40 km
        step(17, 17, 4, target_value=1200),  # until last lap's power < 200 W
        step(18, 17, 4, target_value=1300),  # until last lap's max power < 300 W
        step(5, intensity=3),
    ]
    workout = {"wkt_name": "Every power condition", "sport": 2, "sub_sport": 6}
    return _file(5, workout, steps)


def running() -> bytes:
    """Running on a treadmill: paces, lap pace and heart rate, cadence in steps, a
    repeat until heart rate, interval and other intensities, a description, and a
    file_id naming its product in words (as Stages Link writes)."""
    steps = [
        step(0, 900_000, 1, target_value=2, intensity=2),
        step(1, 100_000, 0, target_value=0, custom_target_value_low=4000, custom_target_value_high=4167, intensity=5),
        step(0, 120_000, 12, target_value=0, custom_target_value_low=2500, custom_target_value_high=2778, intensity=4),
        step(6, 1, target_value=5),
        step(2, 240, 3, target_value=0, custom_target_value_low=85, custom_target_value_high=90, intensity=6),
        step(11, 4, 1, target_value=275),  # repeat until hr > 175 bpm
        step(3, 180, 13, target_value=0, custom_target_value_low=80, custom_target_value_high=88),
        step(10, 6, 1, target_value=230),  # repeat until hr < 130 bpm
        step(5, intensity=3, notes="walk it off"),
    ]
    workout = {
        "wkt_name": "Treadmill session with a long name past the watch's sixteen bytes",
        "sport": 1,
        "sub_sport": 1,
        "wkt_description": "Threshold kilometres, then hill walking",
    }
    return _file(5, workout, steps, file_id={"product_name": "Stages Link"})


def activity() -> bytes:
    """An activity holding the workout it followed (as a watch records it)."""
    before = [
        {"mesg_num": NUM["EVENT"], "timestamp": CREATED, "event": 0, "event_type": 0},
        {"mesg_num": NUM["RECORD"], "timestamp": CREATED + 1, "heart_rate": 120, "cadence": 80},
    ]
    steps = [
        step(0, 600_000, 1, target_value=2, intensity=2),
        step(1, 400_000, 0, target_value=0, custom_target_value_low=3333, custom_target_value_high=3571),
        step(0, 120_000, intensity=4),
        step(6, 1, target_value=4),
        step(5, intensity=3),
    ]
    workout = {"wkt_name": "4x4km", "sport": 1, "sub_sport": 0}
    return _file(4, workout, steps, before=before)


# ------------------------------------------------------------------ shapes the Encoder does not write


def _record(local: int, number: int, endian: str, fields: Sequence[tuple[int, str, int, object]], dev=()) -> bytes:
    """A definition and one data message; fields (number, struct code, base type, value)."""
    arch = 0 if endian == "<" else 1
    header = 0x40 | local | (0x20 if dev else 0)
    definition = struct.pack(f"{endian}BBBHB", header, 0, arch, number, len(fields))
    definition += b"".join(struct.pack("BBB", n, struct.calcsize(code), base) for n, code, base, _ in fields)
    if dev:
        definition += bytes([len(dev)]) + b"".join(struct.pack("BBB", n, size, index) for n, size, index, _ in dev)
    body = bytes([local]) + b"".join(struct.pack(f"{endian}{code}", value) for _, code, _, value in fields)
    return definition + body + b"".join(value for *_, value in dev)


def _framed(records: bytes) -> bytes:
    header = struct.pack("<BBHI4s", 14, 0x20, 2132, len(records), b".FIT")
    header += struct.pack("<H", crc16(header))
    return header + records + struct.pack("<H", crc16(header + records))


def _head(endian: str, name: bytes) -> bytes:
    file_id = [(0, "B", 0x00, 5), (1, "H", 0x84, 255), (3, "I", 0x8C, 77), (4, "I", 0x86, CREATED)]
    workout = [(8, f"{len(name)}s", 0x07, name), (4, "B", 0x00, 1), (6, "H", 0x84, 2)]
    return _record(0, 0, endian, file_id) + _record(1, 26, endian, workout)


def big_endian() -> bytes:
    """A running workout written big-endian, as some devices do."""
    run = [(254, "H", 0x84, 0), (1, "B", 0x00, 0), (2, "I", 0x86, 1_200_000), (3, "B", 0x00, 1), (4, "I", 0x86, 3)]
    jog = [(254, "H", 0x84, 1), (1, "B", 0x00, 1), (2, "I", 0x86, 200_000), (3, "B", 0x00, 2), (7, "B", 0x00, 4)]
    return _framed(_head(">", b"Big end\0") + _record(2, 27, ">", run) + _record(2, 27, ">", jog))


def developer() -> bytes:
    """A workout whose steps carry a developer field, named by a field_description."""
    app = _record(3, 207, "<", [(3, "B", 0x02, 0)])  # developer_data_id: developer_data_index 0
    describe = [(0, "B", 0x02, 0), (1, "B", 0x02, 7), (2, "B", 0x02, 0x84), (3, "8s", 0x07, b"rpe\0\0\0\0\0")]
    steps = b""
    for index, seconds in enumerate((600_000, 300_000)):
        fields = [(254, "H", 0x84, index), (1, "B", 0x00, 0), (2, "I", 0x86, seconds), (3, "B", 0x00, 2)]
        steps += _record(2, 27, "<", fields, dev=[(7, 2, 0, struct.pack("<H", 6 + index))])
    return _framed(_head("<", b"Felt effort\0") + app + _record(4, 206, "<", describe) + steps)


FILES = {
    "swim-yards.fit": swim,
    "strength.fit": strength,
    "cycling-every-power.fit": cycling,
    "running-treadmill.fit": running,
    "activity-with-workout.fit": activity,
    "big-endian.fit": big_endian,
    "developer-field.fit": developer,
}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, build in FILES.items():
        (OUT / name).write_bytes(build())


if __name__ == "__main__":
    main()
