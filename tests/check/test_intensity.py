"""The effective-intensity model (check/training.py) and Daniels' intensities (check/domains.py)."""

from __future__ import annotations

import tomllib

import pytest

from workoutc.check.config import parse_config
from workoutc.check.domains import target_domain
from workoutc.check.resolve import resolve
from workoutc.check.training import EASY, HARD, MODERATE, is_easy_run, is_quality, session_intensity
from workoutc.language.source import load_text

from .rules.helpers import FULL_PROFILE

RESERVE = '[athlete]\nmax_hr = 184\nresting_hr = 44\nhr_zones = "reserve"\n'
DANIELS = '[athlete]\nmax_hr = 188\nrace = "10km 45:00"\n'  # M 4:55, T 4:37, I 4:15, R 4:00


def workout(text: str, profile: str = FULL_PROFILE):
    athlete = parse_config(tomllib.loads(profile), "test.toml").athlete
    document = load_text(text, "x.wkt").document
    assert document is not None
    [found] = resolve(document, athlete, "x.wkt")[0].workouts
    return found, athlete


@pytest.mark.parametrize(
    "text, level, why",
    [
        ("intervals 40min\n", HARD, "an intervals session"),
        ("tempo 20min hr<=z2\n", HARD, "a tempo session"),  # the kind promises it
        ("easy 60min hr z4\n", HARD, "1 h at heart-rate zone 4"),
        ("easy 45min pace 4:05/km\n", HARD, "45 min at 4:05/km"),
        ("long 2h30min pace 4:10/km\n", HARD, "2 h 30 min at 4:10/km"),
        ('workout "W" easy\n  warmup 10min hr z5\n  run 30min hr<=z2\n', HARD, "10 min at heart-rate zone 5"),
        (
            'workout "W" easy\n  run 30min hr<=z2\n  3x\n    run 2km pace 4:00/km\n    recover 2min hr z5\n',
            HARD,
            "24 min at 4:00/km",
        ),
        ("steady 50min hr<=z2\n", MODERATE, "a steady run"),
        ("easy 60min hr z3\n", MODERATE, "1 h at heart-rate zone 3"),
        ("easy 45min power 80%\n", MODERATE, "45 min at 77-83 % of FTP"),
        ("long 2h30min hr<=z2\n", MODERATE, "2 h 30 min of running"),  # its length
        ("easy 1h50min\n", EASY, "easy running"),
        ("easy 45min hr<=z2 strides 6x20s/60s\n", EASY, "easy running"),  # strides do not count
        ("recovery 30min hr<z2\n", EASY, "easy running"),
    ],
)
def test_session_intensity_says_how_hard_and_why(text, level, why):
    found, athlete = workout(text)
    assert session_intensity(found, athlete).level == level
    assert session_intensity(found, athlete).why == why


def test_quality_and_easy_runs_follow_the_effective_intensity():
    hard_easy, athlete = workout("easy 60min hr z4\n")
    assert is_quality(hard_easy, athlete) and not is_easy_run(hard_easy, athlete)
    steady_easy, athlete = workout("easy 60min hr z3\n")
    assert not is_quality(steady_easy, athlete) and not is_easy_run(steady_easy, athlete)
    easy, athlete = workout("easy 60min hr<=z2\n")
    assert is_easy_run(easy, athlete)


@pytest.mark.parametrize(
    "text, level",
    [
        ("easy 60min hr 131-149bpm\n", EASY),  # 62-75 % of reserve: Pfitzinger's general aerobic
        ("easy 60min hr 146-154bpm\n", MODERATE),  # over the top of zone 2 (142 bpm)
        ("easy 60min hr 160-170bpm\n", HARD),  # from the bottom of zone 4 (156 bpm)
    ],
)
def test_heart_rate_is_judged_under_the_athletes_zone_model(text, level):
    found, athlete = workout(text, RESERVE)
    assert session_intensity(found, athlete).level == level


@pytest.mark.parametrize(
    "target, domain",
    [
        ("pace 5:30/km", "E"),
        ("pace 4:55/km", "M"),
        ("pace 4:47/km", "M"),  # nearer marathon than threshold pace
        ("pace 4:45/km", "T"),
        ("pace 4:37/km", "T"),
        ("pace 4:15/km", "I"),
        ("pace 4:00/km", "R"),
        ("hr z4", "M"),  # 80-90 % of max: Daniels' marathon heart rate
        ("hr z5", "T"),  # heart rate does not tell I or R
        ("power 85%", "M"),
        ("power 100%", "T"),
        ("power 115%", "I"),
        ("power 130%", "R"),
        ("power z5", "I"),
        ("cadence 170-180spm", None),
    ],
)
def test_daniels_intensity_of_a_target(target, domain):
    found, athlete = workout(f"easy 30min {target}\n", DANIELS + "ftp = 280\n")
    [step] = found.steps
    assert target_domain(step.targets[0], athlete) == domain
