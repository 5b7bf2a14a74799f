"""The plan rules on whole weeks: published weeks of the main schools draw no warning,
and the ways of overdoing it that issue 15 lists are each a warning or an error."""

from __future__ import annotations

import pytest

from .rules.helpers import findings, plan

RUNNER = '[athlete]\nmax_hr = 188\nlevel = "{level}"\nrace = "10km 45:00"\nftp = 280\n'  # paces by VDOT 45
INTERMEDIATE, BEGINNER = RUNNER.format(level="intermediate"), RUNNER.format(level="beginner")

WORKOUTS = """\
workout "LT 5mi" threshold
  warmup 2mi pace easy
  run 5mi pace threshold
  cooldown 2mi pace easy

workout "Cruise 4x1mi" threshold
  warmup 2mi pace easy
  4x
    run 1mi pace threshold
    rest 1min
  cooldown 2mi pace easy

workout "Long with M" long
  run 2mi pace easy
  run 8mi pace marathon
  run 1mi pace easy

workout "Strength 3x2mi" intervals
  warmup 2mi pace easy
  3x
    run 2mi pace marathon-6s
    recover 800m pace easy
  cooldown 2mi pace easy

workout "MP tempo" tempo
  warmup 2mi pace easy
  run 6mi pace marathon
  cooldown 1mi pace easy

workout "80/20 speed" intervals
  warmup 15min hr<=z2
  10x
    run 1min hr z5
    recover 2min hr<=z2
  cooldown 10min hr<=z2

workout "80/20 tempo" tempo
  warmup 15min hr<=z2
  run 20min hr z4
  cooldown 10min hr<=z2

workout "Track 5x1k" intervals
  warmup 15min hr<=z2
  strides 4x20s
  5x
    run 1km pace interval
    recover 400m hr<=z2
  cooldown 10min hr<=z2

workout "C25K week 3" easy
  warmup 5min
  2x
    run 90s
    recover 90s
    run 3min
    recover 3min
  cooldown 5min
"""

PUBLISHED_WEEKS = {
    "Pfitzinger 18/55, a mid-block week": (
        INTERMEDIATE,
        [
            "2026-11-23 rest",
            '2026-11-24 "LT 5mi"',
            "2026-11-25 easy 12mi pace easy",
            "2026-11-26 rest",
            "2026-11-27 easy 8mi pace easy",
            "2026-11-28 recovery 4mi hr<z2",
            "2026-11-29 long 17mi pace easy",
        ],
    ),
    "Higdon Novice 1, the 20-miler week": (
        BEGINNER,
        [
            "2026-11-23 rest",
            "2026-11-24 easy 5mi",
            "2026-11-25 easy 10mi",
            "2026-11-26 easy 5mi",
            "2026-11-27 rest",
            "2026-11-28 long 20mi",
            "2026-11-29 rest",
        ],
    ),
    "Daniels 2Q": (
        INTERMEDIATE,
        [
            "2026-11-23 easy 8mi pace easy",
            "2026-11-24 easy 6mi pace easy",
            '2026-11-25 "Cruise 4x1mi"',
            "2026-11-26 easy 6mi pace easy",
            "2026-11-27 easy 6mi pace easy",
            "2026-11-28 easy 5mi pace easy",
            '2026-11-29 "Long with M"',
        ],
    ),
    "Hansons, SOS days": (
        INTERMEDIATE,
        [
            "2026-11-23 easy 6mi pace easy",
            '2026-11-24 "Strength 3x2mi"',
            "2026-11-25 rest",
            '2026-11-26 "MP tempo"',
            "2026-11-27 easy 6mi pace easy",
            "2026-11-28 easy 8mi pace easy",
            "2026-11-29 long 10mi pace easy",
        ],
    ),
    "80/20": (
        INTERMEDIATE,
        [
            "2026-11-23 rest",
            '2026-11-24 "80/20 speed"',
            "2026-11-25 easy 45min hr<=z2",
            '2026-11-26 "80/20 tempo"',
            "2026-11-27 rest",
            "2026-11-28 easy 40min hr<=z2",
            "2026-11-29 long 1h30min hr<=z2",
        ],
    ),
    "couch to 5K, week 3": (
        BEGINNER,
        ['2026-11-23 "C25K week 3"', '2026-11-25 "C25K week 3"', '2026-11-27 "C25K week 3"'],
    ),
    "a masters week: rest days around two quality sessions": (
        INTERMEDIATE,
        [
            "2026-11-23 rest",
            '2026-11-24 "Track 5x1k"',
            "2026-11-25 rest",
            "2026-11-26 easy 40min hr<=z2",
            '2026-11-27 "Cruise 4x1mi"',
            "2026-11-28 rest",
            "2026-11-29 long 1h20min hr<=z2",
        ],
    ),
    "a marathon race week, after two build weeks, and the week after": (
        INTERMEDIATE,
        [
            *(f"2026-11-{day:02d} easy 50min pace easy" for day in (2, 3, 5, 6, 7, 9, 10, 12, 13, 14)),
            "2026-11-08 long 1h40min pace easy",
            "2026-11-15 long 1h30min pace easy",
            "2026-11-16 rest",
            "2026-11-17 easy 40min pace easy strides 4x20s",
            '2026-11-18 "MP tempo"',
            "2026-11-19 easy 30min pace easy",
            "2026-11-20 rest",
            "2026-11-21 easy 20min pace easy",
            "2026-11-22 race 42.2km",
            "2026-11-23 rest",
            "2026-11-24 rest",
            "2026-11-25 recovery 20min hr<z2",
            "2026-11-27 easy 30min hr<=z2",
            "2026-11-29 easy 45min hr<=z2",
        ],
    ),
}


@pytest.mark.parametrize("name", PUBLISHED_WEEKS)
def test_a_published_week_draws_no_warning(name):
    profile, lines = PUBLISHED_WEEKS[name]
    loud = [
        f"{d.code} {d.span.line} {d.message}"
        for d in findings(WORKOUTS + plan(*lines), profile)
        if d.severity.value != "info"
    ]
    assert loud == []


BREACHES = [
    ("P311", INTERMEDIATE, ["2026-11-22 race 42.2km", "2026-11-23 recovery 20min hr<z2"]),  # a jog the next day
    ("P311", INTERMEDIATE, ["2026-11-22 race 42.2km", '2026-11-24 "Track 5x1k"']),
    (
        "P309",
        INTERMEDIATE,
        [
            f"2026-11-{day} {kind}"
            for day, kind in zip(range(23, 30), ["tempo 30min", "steady 50min"] * 4, strict=False)
        ],
    ),
    ("P306", INTERMEDIATE, ["2026-11-24 easy 43min", "2026-11-26 easy 43min", "2026-11-29 long 1h54min"]),  # 57 %
    ("P305", INTERMEDIATE, ["2026-11-23 easy 100min", "2026-11-30 easy 122min", "2026-12-07 easy 149min"]),
    (
        "P305",
        INTERMEDIATE,
        ["2026-11-24 easy 50min", "2026-11-26 easy 50min", "2026-12-01 easy 70min", "2026-12-03 easy 70min"],
    ),
    ("P304", BEGINNER, ['2026-11-24 "Track 5x1k"', "2026-11-26 easy 30min", "2026-11-29 long 1h30min"]),
    ("P310", INTERMEDIATE, ['2026-11-24 07:00 "Track 5x1k"', "2026-11-24 18:00 tempo 30min"]),
    ("S206", INTERMEDIATE, ["2026-11-24 easy 60min hr z4"]),
    ("S206", INTERMEDIATE, ["2026-11-29 long 2h30min pace threshold"]),
]
TWELVE_KM = (
    'workout "12x1k" intervals\n  warmup 2km\n  12x\n    run 1km pace interval\n    recover 400m\n  cooldown 2km\n'
)
ZONE_5_WARMUP = (
    'workout "Hot start" intervals\n  warmup 15min hr z5\n  6x\n    run 800m pace interval\n    recover 2min\n'
)


@pytest.mark.parametrize(
    "code, profile, lines", BREACHES, ids=[f"{code}-{index}" for index, (code, _, _) in enumerate(BREACHES)]
)
def test_a_breach_is_a_warning_or_an_error(code, profile, lines):
    severities = {d.severity.value for d in findings(WORKOUTS + plan(*lines), profile) if d.code == code}
    assert severities & {"warning", "error"}


def test_twelve_by_one_km_at_interval_pace_in_a_forty_km_week_is_a_warning():
    week = ["2026-11-23 rest", '2026-11-24 "12x1k"', "2026-11-26 easy 8km", "2026-11-29 long 12km"]
    assert {d.severity.value for d in findings(TWELVE_KM + plan(*week), INTERMEDIATE) if d.code == "P312"} == {
        "warning"
    }


def test_a_zone_5_warm_up_is_a_warning():
    assert {d.severity.value for d in findings(ZONE_5_WARMUP, INTERMEDIATE) if d.code == "S207"} == {"warning"}
