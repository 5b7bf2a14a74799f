"""Targets relative to the athlete in FIT files: once resolved for an athlete they encode
as the numbers written out would, read back by Garmin's decoder; unresolved, never."""

from __future__ import annotations

import pytest

from tools.fitdump import decode
from workoutc.check.config import Athlete
from workoutc.check.resolve import resolve
from workoutc.fit.encode import encode_workout

from ..helpers import TIME_CREATED, document

SPEED, HEART_RATE = 0, 1
ALICE = Athlete(max_hr=190, resting_hr=50, lthr=170, easy_pace=(330, 360), marathon_pace=270, threshold_pace=255)
BOB = Athlete(max_hr=200, resting_hr=40, lthr=180, easy_pace=(300, 330), marathon_pace=250, threshold_pace=240)


def encoded(text: str, athlete: Athlete | None = None) -> bytes:
    doc = document(f'workout "T"\n  run 10min {text}\n')
    if athlete is not None:
        doc, problems = resolve(doc, athlete, "t.wkt")
        assert problems == []
    [workout] = doc.workouts
    return encode_workout(workout, TIME_CREATED)


def custom_range(text: str, athlete: Athlete) -> tuple[int, int, int]:
    [step] = decode(encoded(text, athlete))["workout_step_mesgs"]
    return step["target_type"], step["custom_target_value_low"], step["custom_target_value_high"]


@pytest.mark.parametrize(
    "text, alice, bob",
    [
        ("pace T+10s", (SPEED, 3704, 3846), (SPEED, 3922, 4082)),  # 4:20-4:30/km; 4:05-4:15/km
        ("pace threshold", (SPEED, 3846, 4000), (SPEED, 4082, 4255)),
        ("pace M-5s/mi", (SPEED, 3704, 3791), (SPEED, 4000, 4102)),
        ("pace 95-100% T", (SPEED, 3725, 3922), (SPEED, 3958, 4167)),
        ("pace easy", (SPEED, 2778, 3030), (SPEED, 3030, 3333)),
        ("hr 80-85% lthr", (HEART_RATE, 236, 245), (HEART_RATE, 244, 253)),  # bpm + 100
        ("hr 60-70% reserve", (HEART_RATE, 234, 248), (HEART_RATE, 236, 252)),
    ],
)
def test_a_resolved_target_is_the_athletes_range_in_the_fit_file(text, alice, bob):
    assert custom_range(text, ALICE) == alice
    assert custom_range(text, BOB) == bob


@pytest.mark.parametrize(
    "relative, absolute",
    [
        ("pace T+10s", "pace 4:25/km"),
        ("pace 95-100% threshold", "pace 4:15-4:28.421/km"),
        ("pace E", "pace 5:30-6:00/km"),
        ("hr 80-85% lthr", "hr 136-145bpm"),
        ("hr 88% lthr", "hr 150bpm"),
        ("hr 60-70% reserve", "hr 134-148bpm"),
    ],
)
def test_a_resolved_target_encodes_as_its_numbers_written_out(relative, absolute):
    assert encoded(relative, ALICE) == encoded(absolute)


def test_relative_targets_that_need_no_profile_encode_as_today():
    assert encoded("power 88-94% ftp") == encoded("power 88-94%")
    assert encoded("hr<=z2") == encoded("hr 50-70%")


def test_an_unresolved_target_is_refused_with_a_reason_not_a_struct_error():
    with pytest.raises(ValueError, match="line 2: the pace target relative to the athlete's threshold was not"):
        encoded("pace T+10s")
    with pytest.raises(ValueError, match="the hr target relative to the athlete's lthr was not resolved"):
        encoded("hr 80% lthr")
