"""decompile: FIT workout files back to text, and the round trip through compile."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from garmin_fit_sdk import Encoder, Profile

from tools.fitdump import steps as decoded_steps
from tools.golden import TIME_CREATED, example_sources, resolved
from workoutc.cli import main
from workoutc.fit.crc import crc16
from workoutc.fit.decode import decompile
from workoutc.fit.encode import encode_workout
from workoutc.fit.read import FitError
from workoutc.language.printer import workout_text
from workoutc.language.source import load_text
from workoutc.model import Step, walk_steps

from ..helpers import document

ROOT = Path(__file__).resolve().parents[2]
LOCAL_FIXTURES = sorted((ROOT / "tests" / "fixtures").glob("*.fit"))


def recompile(data: bytes, name: str = "x") -> bytes:
    result = decompile(data, name)
    assert result.losses == []
    [workout] = document(workout_text(result.workout)).workouts
    return encode_workout(workout, TIME_CREATED)


@pytest.mark.parametrize("path", LOCAL_FIXTURES, ids=lambda p: p.name)
def test_fixture_round_trips_field_by_field(path):
    original = path.read_bytes()
    assert decoded_steps(recompile(original, path.stem)) == decoded_steps(original)


def test_all_five_fixtures_are_present():
    assert [p.name for p in LOCAL_FIXTURES] == [
        "WorkoutCustomTargetValues.fit",
        "WorkoutIndividualSteps.fit",
        "WorkoutRepeatGreaterThanStep.fit",
        "WorkoutRepeatSteps.fit",
        "trainerroad_744490.fit",
    ]


def test_fixture_text_reads_naturally():
    text = workout_text(decompile((ROOT / "tests/fixtures/WorkoutRepeatGreaterThanStep.fit").read_bytes(), "x").workout)
    assert text == (
        'workout "Example 2"\n'
        '  warmup "_A_" 1min hr z2\n'
        '  repeat until hr>80% "Rep"\n'
        '    run "B1_" 500m power z5\n'
        '    run "B2_" 500m power z3\n'
        '  cooldown "_C_" until hr<125bpm power z1\n'
    )
    trainerroad = workout_text(decompile((ROOT / "tests/fixtures/trainerroad_744490.fit").read_bytes(), "x").workout)
    assert trainerroad.startswith('workout "Beech" cycling\n  warmup 10min lap-power 158-205W "10 minutes warmup."\n')


@pytest.mark.parametrize("source", example_sources(), ids=lambda p: p.name)
def test_every_example_round_trips(source):
    for workout in resolved(source).all_workouts():
        original = encode_workout(workout, TIME_CREATED)
        assert decoded_steps(recompile(original)) == decoded_steps(original)


@pytest.mark.parametrize(
    "text",
    [
        "easy 40min pace 5:33.3-5:50/km\n",
        'workout "T"\n  run 3mi pace 7:05-7:15/mi\n  run 1234.56m\n  run 1.5s\n  recover until hr<60%\n',
        'workout "T"\n  run 10min pace 4:00-4:10/km hr<=z3\n  run 5min cadence 171-181spm\n',
        'workout "T"\n  2x "outer"\n    3x\n      run 200m\n    repeat until hr<130bpm\n      recover 1min\n',
    ],
)
def test_unusual_values_round_trip(text):
    [workout] = document(text).workouts
    original = encode_workout(workout, TIME_CREATED)
    assert decoded_steps(recompile(original)) == decoded_steps(original)


def _encoded(*steps: dict, sport: int | None = None, name: str = "W") -> bytes:
    encoder = Encoder()
    encoder.write_mesg({"mesg_num": Profile["mesg_num"]["FILE_ID"], "type": 5, "manufacturer": 255, "serial_number": 7})
    workout = {"mesg_num": Profile["mesg_num"]["WORKOUT"], "wkt_name": name, "num_valid_steps": len(steps)}
    if sport is not None:
        workout["sport"] = sport
    encoder.write_mesg(workout)
    for index, step in enumerate(steps):
        encoder.write_mesg({"mesg_num": Profile["mesg_num"]["WORKOUT_STEP"], "message_index": index, **step})
    return bytes(encoder.close())


@pytest.mark.parametrize(
    "step, sport, loss",
    [
        (
            {"duration_type": 31, "duration_value": 100, "target_type": 2},
            None,
            "step 1: a time only duration; the step is kept, ended with the lap key",
        ),
        (
            {"duration_type": 0, "duration_value": 1000, "target_type": 11, "target_value": 99},
            None,
            "step 1: a swim stroke target of stroke 99, which FIT does not define; left out",
        ),
        (
            {"duration_type": 0, "duration_value": 1000, "target_type": 5},
            None,
            "step 1: a grade target with no range; the target is left out, the step kept",
        ),
        (
            {"duration_type": 0, "duration_value": 1000, "target_type": 2, "intensity": 9},
            None,
            "step 1: intensity 9 is not one FIT defines; it is written as active",
        ),
        (
            {"duration_type": 0, "duration_value": 1000, "target_type": 2},
            99,
            "the workout's sport is 99, which FIT does not define; it is written as running",
        ),
        (
            {"duration_type": 0, "duration_value": 1000, "target_type": 2, "notes": "a\tb"},
            None,
            "step 1's note held control characters (tabs, carriage returns); they are written as spaces",
        ),
        (
            {
                "duration_type": 0,
                "duration_value": 1000,
                "target_type": 1,
                "target_value": 0,
                "custom_target_value_low": 160,
                "custom_target_value_high": 150,
            },
            None,
            "step 1: its range is written high end first (custom low 160, high 150); it is written low end first",
        ),
        (
            {"duration_type": 0, "duration_value": 1000, "target_type": 1, "target_value": 7},
            None,
            "step 1: a heart rate target in zone 7; the target is left out, the step kept",
        ),
    ],
)
def test_what_the_language_cannot_express_is_reported(step, sport, loss):
    data = _encoded({"duration_type": 0, "duration_value": 60000, "target_type": 2}, step, sport=sport)
    result = decompile(data, "x")
    assert result.losses == [loss]
    assert len(result.workout.steps) == 2  # the step is never dropped


@pytest.mark.parametrize(
    "step, sport, expected",
    [
        ({"duration_type": 4, "duration_value": 300, "target_type": 2, "intensity": 5}, 2, "interval calories"),
        ({"duration_type": 29, "duration_value": 12, "target_type": 2, "intensity": 6}, 10, "other reps"),
        ({"duration_type": 28, "duration_value": 105_000, "target_type": 2, "intensity": 1}, 5, "rest send-off"),
        ({"duration_type": 16, "duration_value": 40, "target_type": 2}, 2, "active tss"),
        ({"duration_type": 22, "duration_value": 1300, "target_type": 2}, 2, "active power"),
    ],
)
def test_every_duration_and_intensity_is_read(step, sport, expected):
    from workoutc.model import Calories, Reps, SendOff, Tss, UntilPower

    result = decompile(_encoded(step, sport=sport), "x")
    [read] = result.workout.steps
    assert result.losses == [] and isinstance(read, Step)
    kinds = {"calories": Calories(300), "reps": Reps(12), "send-off": SendOff(105), "tss": Tss(40)}
    kinds["power"] = UntilPower(True, 300, "W", "3s")
    intensity, duration = expected.split()
    assert (read.intensity.value, read.duration) == (intensity, kinds[duration])


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "the file is too short to be a FIT file"),
        (b"hello world, not fit", "not a FIT file (no .FIT signature in its header)"),
    ],
)
def test_unreadable_files_are_clear_errors(data, message):
    with pytest.raises(FitError, match="^" + message.replace("(", r"\(").replace(")", r"\)")):
        decompile(data, "x")


def test_damaged_file_is_reported_by_the_cli(tmp_path, capsys):
    data = bytearray((ROOT / "tests/fixtures/WorkoutRepeatSteps.fit").read_bytes())
    data[40] ^= 0xFF
    (tmp_path / "bad.fit").write_bytes(bytes(data))
    assert main(["decompile", str(tmp_path / "bad.fit")]) == 1
    assert "bad.fit: error: the file's CRC does not match: it is damaged" in capsys.readouterr().err


def test_cli_writes_wkt_files_and_never_clobbers_a_different_one(tmp_path, capsys):
    fixture = str(ROOT / "tests/fixtures/WorkoutRepeatSteps.fit")
    assert main(["decompile", fixture, "-o", str(tmp_path)]) == 0
    written = tmp_path / "WorkoutRepeatSteps.wkt"
    assert written.read_text().startswith('workout "Example 2"')
    assert main(["decompile", fixture, "-o", str(tmp_path)]) == 0  # the same text: fine
    written.write_text("# mine\n")
    assert main(["decompile", fixture, "-o", str(tmp_path)]) == 1
    assert written.read_text() == "# mine\n"
    assert main(["decompile", fixture, "-o", str(tmp_path), "--force"]) == 0
    assert written.read_text().startswith('workout "Example 2"')


# ------------------------------------------------------------------ beyond the language's limits

RUN = {"duration_type": 0, "duration_value": 60_000, "target_type": 2}  # run 1min


def _repeat(first: int, count: int) -> dict:
    return {"duration_type": 6, "duration_value": first, "target_type": 2, "target_value": count}


def _compiles(text: str) -> bool:
    return load_text(text, "x.wkt").document is not None


CRAFTED = {
    "a 100h step": (
        [{"duration_type": 0, "duration_value": 100 * 3_600_000, "target_type": 2}, RUN],
        ["step 0: a time duration of 100h (a step lasts at most 24h); the step is kept, ended with the lap key"],
        'workout "W"\n  run lap\n  run 1min\n',
    ),
    "hr 101-300bpm": (
        [{**RUN, "target_type": 1, "custom_target_value_low": 201, "custom_target_value_high": 400}, RUN],
        [
            "step 0: a heart rate target of 101-300bpm (the language takes 30-250bpm); "
            "the target is left out, the step kept"
        ],
        'workout "W"\n  run 1min\n  run 1min\n',
    ),
    "until hr>899bpm": (
        [RUN, {"duration_type": 3, "duration_value": 999, "target_type": 2}],
        ["step 1: a heart rate of 899bpm (the language takes 30-250bpm); the step is kept, ended with the lap key"],
        'workout "W"\n  run 1min\n  run lap\n',
    ),
    "repeat until hr>899bpm": (
        [RUN, {"duration_type": 11, "duration_value": 0, "target_type": 1, "target_value": 999}],
        [
            "step 1: a heart rate of 899bpm (the language takes 30-250bpm); "
            "the repeat is left out, its steps are written once"
        ],
        'workout "W"\n  run 1min\n',
    ),
    "a repeat count of 0": (
        [RUN, _repeat(0, 0)],
        ["step 1: a repeat count of 0 (the language takes 1-99); the repeat is left out, its steps are written once"],
        'workout "W"\n  run 1min\n',
    ),
    "a step kept open inside a repeat": (
        [{"duration_type": 0, "duration_value": 100 * 3_600_000, "target_type": 2}, RUN, _repeat(0, 3)],
        ["step 0: a time duration of 100h (a step lasts at most 24h); the step is kept, ended with the lap key"],
        'workout "W"\n  3x\n    run lap\n    run 1min\n',
    ),
    "seven levels of repeats": (
        [RUN, *[_repeat(0, 2) for _ in range(7)]],
        [
            f"step {index}: a repeat nested 6 deep (the language nests repeats 5 deep); "
            "the repeat is left out, its steps are written once"
            for index in (6, 7)
        ],
        'workout "W"\n' + "".join("  " * level + "2x\n" for level in range(1, 5)) + "  " * 5 + "2x1min\n",
    ),
    "99x 99x 99x": (
        [RUN, _repeat(0, 99), _repeat(0, 99), _repeat(0, 99), RUN],
        ["the repeat from step 0: 99 times would take the workout past 10,000 steps; it is written 1 time"],
        'workout "W"\n  1x\n    99x\n      99x1min\n  run 1min\n',  # a one-step repeat is one set line
    ),
}


@pytest.mark.parametrize("steps, losses, text", CRAFTED.values(), ids=CRAFTED.keys())
def test_values_beyond_the_limits_are_losses_and_the_text_compiles(steps, losses, text):
    result = decompile(_encoded(*steps), "x")
    assert result.losses == losses
    assert workout_text(result.workout) == text
    assert _compiles(text)


def test_more_steps_than_the_language_takes_are_left_out():
    result = decompile(_encoded(*[RUN] * 12_000), "x")
    assert result.losses == [
        "from step 10000 on, the workout is longer than the language takes "
        "(10,000 steps, 10,000 once repeats are counted out); those steps are left out"
    ]
    assert len(result.workout.steps) == 10_000
    assert _compiles(workout_text(result.workout))


@pytest.mark.parametrize(
    "name, written, losses",
    [
        ("   ", "stem", ['the workout name is blank; it is written as "stem", the file\'s name']),
        (
            "\t",
            "stem",
            [
                "the workout name held control characters (tabs, carriage returns); they are written as spaces",
                'the workout name is blank; it is written as "stem", the file\'s name',
            ],
        ),
        ("  Tempo ", "Tempo", ["the workout name has spaces at its ends; they are left out"]),
    ],
)
def test_a_blank_workout_name_gives_way_to_the_file_name(name, written, losses):
    result = decompile(_encoded(RUN, name=name), "stem")
    assert (result.workout.name, result.losses) == (written, losses)
    assert _compiles(workout_text(result.workout))


def test_a_blank_file_name_gives_way_to_a_plain_name():
    result = decompile(_encoded(RUN, name=" "), " ")
    assert result.workout.name == "workout"


def test_a_damaged_string_is_cut_to_what_the_language_holds():
    data = bytearray(_encoded({**RUN, "notes": "a" * 200}))
    start = data.index(b"a" * 200)
    data[start : start + 200] = b"\xff" * 200  # each decodes to U+FFFD, three bytes
    data[-2:] = struct.pack("<H", crc16(bytes(data[:-2])))
    result = decompile(bytes(data), "x")
    [step] = result.workout.steps
    assert isinstance(step, Step) and step.notes == "\ufffd" * 84
    assert result.losses == ["step 0's note is longer than the language takes (254 bytes); its end is left out"]
    assert _compiles(workout_text(result.workout))


# ------------------------------------------------------------------ fields and messages the language has no place for


def _handmade(step_fields: list, extra: bytes = b"") -> bytes:
    from tools.gen_fit_corpus import _framed, _head, _record

    return _framed(_head("<", b"Odd\0") + extra + _record(2, 27, "<", step_fields))


STEP = [(254, "H", 0x84, 0), (1, "B", 0x00, 0), (2, "I", 0x86, 60_000)]


def test_an_unknown_field_of_a_step_is_named_and_left_out():
    result = decompile(_handmade([*STEP, (30, "B", 0x02, 7)]), "x")
    assert result.losses == ["step 0: the language has no place for its field 30 (7); left out"]


def test_a_field_of_the_wrong_type_reads_as_absent_with_a_loss():
    result = decompile(_handmade([*STEP, (7, "4s", 0x07, b"hot\0")]), "x")
    assert result.losses == ["step 0: its intensity is a string; it is left out"]
    assert [step.intensity.value for step in walk_steps(result.workout.steps)] == ["active"]


def test_messages_a_workout_file_holds_beyond_the_workout_are_named():
    from tools.gen_fit_corpus import _record

    title = _record(3, 264, "<", [(0, "H", 0x84, 28), (1, "H", 0x84, 37)])
    result = decompile(_handmade(STEP, title), "x")
    assert result.losses == ["1 exercise_title message left out"]
