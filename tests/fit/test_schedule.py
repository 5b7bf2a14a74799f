"""Schedules files back to plans: each session's date, time and workout file as written,
named after the workouts decompiled with it, and what the language cannot say as losses."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from garmin_fit_sdk import Encoder, Profile
from hypothesis import given
from hypothesis import strategies as st

from tools.fitdump import decode
from tools.golden import TIME_CREATED
from workoutc.fit.crc import crc16
from workoutc.fit.decode import Decompiled, NotAWorkout, decompile, decompile_any
from workoutc.fit.encode import encode_schedule, encode_workout, serial_number
from workoutc.fit.read import FitError
from workoutc.fit.schedule import DecompiledSchedule, FileRef, WorkoutNames, schedule_plan
from workoutc.language.printer import plan_text
from workoutc.language.source import load_text
from workoutc.pipeline.rewrite import COULD_NOT, decompiled_plan

from ..helpers import document

SOURCE = """\
workout "Track 5x1k" intervals
  5x
    run 1km
    recover 400m

plan "Base week 3"
  2026-11-24 "Track 5x1k"
  2026-11-26 07:00 easy 45min hr<=z2
"""
LOCAL_EPOCH = datetime(1989, 12, 31)


def compiled() -> tuple[bytes, list[bytes]]:
    """The schedule and workout files compile writes for SOURCE."""
    source = document(SOURCE)
    [plan] = source.plans
    track, easy = source.all_workouts()
    sessions = [(track, datetime(2026, 11, 24), TIME_CREATED), (easy, datetime(2026, 11, 26, 7), TIME_CREATED)]
    return encode_schedule(plan.name, sessions, TIME_CREATED), [encode_workout(w, TIME_CREATED) for w in (track, easy)]


def names_of(*files: bytes) -> WorkoutNames:
    names = WorkoutNames()
    for data in files:
        result = decompile(data, "x")
        assert result.file is not None
        names.add(result.file, result.workout.name)
    return names


def test_a_schedule_reads_back_each_sessions_date_and_workout_file_as_written():
    schedule_data, workout_files = compiled()
    schedule = decompile_any(schedule_data, "x")
    assert isinstance(schedule, DecompiledSchedule) and schedule.losses == []
    written = decode(schedule_data)["schedule_mesgs"]  # Garmin's decoder is the judge
    assert [s.when for s in schedule.sessions] == [datetime(2026, 11, 24), datetime(2026, 11, 26, 7)]
    assert [LOCAL_EPOCH + timedelta(seconds=m["scheduled_time"]) for m in written] == [
        s.when for s in schedule.sessions
    ]
    assert [s.workout.serial_number for s in schedule.sessions] == [m["serial_number"] for m in written]
    files = [decompile(data, "x").file for data in workout_files]
    assert [s.workout for s in schedule.sessions] == files
    assert [f.serial_number for f in files if f] == [serial_number("Track 5x1k"), serial_number("easy 11-26")]


def test_a_schedule_becomes_a_plan_naming_the_workouts_decompiled_with_it():
    schedule_data, workout_files = compiled()
    schedule = decompile_any(schedule_data, "x")
    assert isinstance(schedule, DecompiledSchedule)
    plan, losses = schedule_plan(schedule, "base-week-3", names_of(*workout_files))
    assert losses == []
    assert plan_text(plan) == 'plan "base-week-3"\n  2026-11-24 "Track 5x1k"\n  2026-11-26 07:00 "easy 11-26"\n'
    assert document(plan_text(plan)).plans[0].entries[1].reference == "easy 11-26"


def test_a_session_whose_workout_is_not_decompiled_with_it_is_left_out_and_said():
    schedule_data, workout_files = compiled()
    schedule = decompile_any(schedule_data, "x")
    assert isinstance(schedule, DecompiledSchedule)
    plan, losses = schedule_plan(schedule, "p", names_of(workout_files[0]))
    assert plan_text(plan) == 'plan "p"\n  2026-11-24 "Track 5x1k"\n'
    serial = serial_number("easy 11-26")
    assert losses == [
        f"2026-11-26: the workout it names (serial number {serial}) is not among the files decompiled with it; "
        "the session is left out"
    ]


def test_two_workouts_of_one_identity_are_told_apart_by_time_created_or_not_at_all():
    names = WorkoutNames()
    names.add(FileRef(255, 0, 7, 100), "Old name")
    names.add(FileRef(255, 0, 7, 200), "New name")
    names.add(FileRef(255, 0, 8, 100), "Same")
    names.add(FileRef(255, 0, 8, 200), "Same")
    assert names.name_of(FileRef(255, 0, 7, 200)) == "New name"
    assert names.name_of(FileRef(255, 0, 8, 300)) == "Same"  # one name: the version does not matter
    schedule = decompile_any(_schedule_file({"serial_number": 7, "time_created": 1_100_000_000}), "x")
    assert isinstance(schedule, DecompiledSchedule)
    _, losses = schedule_plan(schedule, "p", names)
    assert losses == [
        '2026-11-24: the workout it names (serial number 7) could be any of "New name", "Old name"; '
        "the session is left out"
    ]


def _schedule_file(*sessions: dict) -> bytes:
    """A schedules file written by Garmin's own encoder; sessions on 2026-11-24 unless said."""
    encoder = Encoder()
    encoder.write_mesg({"mesg_num": Profile["mesg_num"]["FILE_ID"], "type": 7, "manufacturer": 255, "serial_number": 1})
    day = int((datetime(2026, 11, 24) - LOCAL_EPOCH).total_seconds())
    for session in sessions:
        fields = {"manufacturer": 255, "product": 0, "type": 0, "completed": 0, "scheduled_time": day, **session}
        encoder.write_mesg(
            {"mesg_num": Profile["mesg_num"]["SCHEDULE"], **{k: v for k, v in fields.items() if v is not None}}
        )
    return bytes(encoder.close())


@pytest.mark.parametrize(
    "session, loss",
    [
        ({"type": 1}, "schedule message 0: a course on the calendar, not a workout; the session is left out"),
        ({"scheduled_time": None}, "schedule message 0: no date; the session is left out"),
        (
            {"scheduled_time": 1000},
            "schedule message 0: a time 1000 s after a device was switched on, not a date; the session is left out",
        ),
        (
            {"scheduled_time": int((datetime(2100, 1, 1) - LOCAL_EPOCH).total_seconds())},
            "schedule message 0: 2100-01-01 is outside the dates a plan holds (2000-2099); the session is left out",
        ),
        (
            {"scheduled_time": int((datetime(2026, 11, 24, 7, 0, 30) - LOCAL_EPOCH).total_seconds())},
            "2026-11-24: the time 07:00:30 is written as 07:00 (whole minutes)",
        ),
        ({"completed": 1}, "2026-11-24: the session is marked done, which the language cannot say"),
    ],
)
def test_what_a_plan_cannot_say_is_a_loss(session, loss):
    schedule = decompile_any(_schedule_file({"serial_number": 7, **session}), "x")
    assert isinstance(schedule, DecompiledSchedule)
    assert schedule.losses == [loss]


def test_a_schedule_with_no_sessions_says_so():
    schedule = decompile_any(_schedule_file(), "x")
    assert isinstance(schedule, DecompiledSchedule)
    assert (schedule.sessions, schedule.losses) == ([], ["the schedule holds no sessions"])


def test_decompile_takes_workouts_only_and_other_fit_files_are_not_workouts():
    schedule_data, workout_files = compiled()
    assert isinstance(decompile_any(workout_files[0], "x"), Decompiled)
    with pytest.raises(NotAWorkout, match=r"^not a workout file \(it is a schedule\)$"):
        decompile(schedule_data, "x")
    encoder = Encoder()
    encoder.write_mesg({"mesg_num": Profile["mesg_num"]["FILE_ID"], "type": 4, "manufacturer": 1, "serial_number": 3})
    with pytest.raises(NotAWorkout, match=r"^not a workout file \(it is an activity\)$"):
        decompile_any(bytes(encoder.close()), "x")


@st.composite
def damaged_schedule(draw) -> bytes:
    """What compile writes, with a few bytes of its records changed and its CRC made right."""
    data = bytearray(compiled()[0])
    for _ in range(draw(st.integers(1, 4))):
        data[draw(st.integers(14, len(data) - 3))] = draw(st.integers(0, 255))
    data[-2:] = crc16(bytes(data[:-2])).to_bytes(2, "little")
    return bytes(data)


@given(damaged_schedule(), st.sampled_from(["w.schedule.fit", 'a "b\\.schedule.fit', "\n.fit", ".schedule.fit"]))
def test_any_schedule_decompiles_to_a_plan_that_compiles_or_says_why_not(data, name):
    try:
        result = decompile_any(data, "x")
    except FitError as error:
        assert str(error)
        return
    if not isinstance(result, DecompiledSchedule):
        return
    text, problems = decompiled_plan(result, name, names_of(*compiled()[1]))
    body = text.split("\n")[len(problems) :]
    assert all(line.startswith(COULD_NOT) for line in text.split("\n")[: len(problems)]), text
    assert not body[0].startswith(COULD_NOT), text
    loaded = load_text("\n".join(body), "x.wkt")
    assert loaded.document is not None or any("does not compile" in p for p in problems), text
