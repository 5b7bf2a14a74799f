"""R103 recovery-too-intense: edge cases beyond its docstring examples."""

from __future__ import annotations

import pytest

from .helpers import EASY_PER_MILE, P, block, findings, limit_cases_test, rules, workout_cases_test

CODE = "R103"

WORKOUT_CASES = [
    # R103: zone 2 / 70 % of max, the easy pace's slow end, 75 % FTP; strides exempt
    ("recovery 30min hr<=z2\n", P, []),
    ("recovery 30min hr z2\n", P, []),
    ("recovery 30min hr z3\n", P, ["heart rate up to 80 % of max is above the recovery cap of 70 %"]),
    ("recovery 30min hr 65-70%\n", P, []),
    ("recovery 30min hr 65-71%\n", P, ["up to 71 % of max"]),
    ("recovery 30min hr 65-75%\n", rules("R103 = { max_hr_percent = 75 }"), []),
    ("recovery 30min hr 120-131bpm\n", P, []),  # 131 / 188 = 69.7 %
    ("recovery 30min hr 131bpm\n", P, ["up to 72 % of max"]),  # 126-136 bpm
    ("recovery 30min hr 120-140bpm\n", "", []),  # no max_hr: not judged (see the notes)
    # pace: no faster than the slow end of easy pace (5:20-5:50/km); a window's fast end counts
    ("recovery 30min pace 5:50-6:20/km\n", P, []),
    ("recovery 30min pace 6:00/km\n", P, []),  # 5:55-6:05
    ("recovery 30min pace 5:30/km\n", P, ["a pace as fast as 5:25/km is within your easy pace (5:20-5:50/km)"]),
    ("recovery 30min pace 5:50/km\n", P, ["a pace as fast as 5:45/km is within"]),  # a single pace is a 10 s window
    ("recovery 30min pace 5:20-5:50/km\n", P, ["a pace as fast as 5:20/km is within your easy pace"]),
    (
        "recovery 30min pace 5:19-5:50/km\n",
        P,
        ["a pace as fast as 5:19/km is faster than your easy pace (5:20-5:50/km)"],
    ),
    ("recovery 30min pace easy\n", P, ["a pace as fast as 5:20/km is within your easy pace"]),
    ("recovery 30min pace easy+30s\n", P, []),
    ("recovery 30min pace 5:00/km\n", "", []),
    ("recovery 30min pace 9:25-9:50/mi\n", P, []),  # 5:51/km
    ("recovery 30min pace 8:40-9:00/mi\n", P, ["a pace as fast as 8:40/mi is within your easy pace (8:35-9:23/mi)"]),
    ("recovery 30min pace 8:30-8:40/mi\n", P, ["a pace as fast as 8:30/mi is faster than your easy pace"]),
    ("recovery 30min pace 5:51-6:10/km\n", EASY_PER_MILE, []),
    ("recovery 30min pace 5:21-5:40/km\n", EASY_PER_MILE, ["a pace as fast as 5:21/km is within"]),
    (
        "recovery 30min pace 5:19/km\n",
        EASY_PER_MILE,
        ["a pace as fast as 5:14/km is faster than your easy pace (5:20-5:50/km)"],
    ),
    # the lenient reading: only paces faster than all of easy pace
    ("recovery 30min pace 5:20-5:50/km\n", rules("R103 = { slower_than_easy = false }"), []),
    ("recovery 30min pace 5:19/km\n", rules("R103 = { slower_than_easy = false }"), ["faster than your easy pace"]),
    ("recovery 30min power 70-75%\n", P, []),
    ("recovery 30min power 70-76%\n", P, ["power up to 76 % of FTP is above the recovery cap of 75 %"]),
    ("recovery 30min power 190-210W\n", P, []),  # 210 / 280 = 75 %
    ("recovery 30min power 230W\n", P, ["power up to 86 % of FTP"]),
    ("recovery 30min power 230W\n", "", []),
    ("recovery 30min power 70-80%\n", rules("R103 = { max_power_percent = 80 }"), []),
    ("recovery 30min power z2\n", "", []),
    ("recovery 30min power z3\n", "", ["power zone 3 is above the recovery cap"]),
    ("recovery 30min cadence 170-180spm\n", P, []),
    ("recovery 30min hr<z2 strides 4x20s hr z5 pace 3:00/km\n", P, []),  # strides: R106 judges their pace
    (block("recovery", "run 25min hr<z2", "strides 4x20s power 120%"), P, []),
    (
        block("recovery", "run 10min hr<z2", "run 10min hr z4", "run 10min power 90%"),
        P,
        ["up to 90 % of max", "up to 93 % of FTP"],
    ),  # a single 90 % is 87-93 %
]


test_workout_rule = workout_cases_test(CODE, WORKOUT_CASES)


# `hr zN` is the watch's own zone: the checker reads it through the athlete's zone model.
LTHR_ZONES = '[athlete]\nmax_hr = 190\nlthr = 175\nhr_zones = "lthr"\n'  # z2: 85-90 % of 175 = 149-158 bpm
LOW_ZONES = "[athlete]\nmax_hr = 190\nhr_zones = [90, 100, 110, 120, 130, 140]\n"  # z4: 120-130 bpm, 68 % of max
ZONE_MODEL_CASES = [
    ("recovery 30min hr z2\n", P, []),  # % of max: zone 2 tops out at 70 %
    ("recovery 30min hr z2\n", LTHR_ZONES, ["heart rate up to 83 % of max is above the recovery cap of 70 %"]),
    ("recovery 30min hr z4\n", P, ["heart rate up to 90 % of max is above the recovery cap of 70 %"]),
    ("recovery 30min hr z4\n", LOW_ZONES, []),
    ("recovery 30min hr z2\n", '[athlete]\nlthr = 175\nhr_zones = "lthr"\n', []),  # no max_hr: not judged
]

test_the_watch_zones_follow_the_athletes_zone_model = workout_cases_test(CODE, ZONE_MODEL_CASES)


def severity_and_hint(text: str, profile: str = P) -> list[tuple[str, str | None]]:
    return [(d.severity.value, d.hint) for d in findings(text, profile) if d.code == CODE]


SLOWER = "recovery runs go slower than easy runs: slow to 5:50/km or slower, like `pace 5:50-6:20/km`"


@pytest.mark.parametrize(
    "text, profile, expected",
    [
        ("recovery 30min pace 5:30/km\n", P, [("warning", SLOWER)]),  # easy pace: a wasted recovery
        ("recovery 30min pace 5:00/km\n", P, [("error", SLOWER)]),  # faster than easy: a workout
        (
            "recovery 30min pace 8:40/mi\n",
            P,
            [
                (
                    "warning",
                    "recovery runs go slower than easy runs: slow to 9:23/mi or slower, like `pace 9:23-9:53/mi`",
                )
            ],
        ),
        (
            "recovery 30min pace 5:00/km\n",
            rules("R103 = { slower_than_easy = false }"),
            [("error", "recovery runs go slower than easy runs: slow to 5:20/km or slower, like `pace 5:20-5:50/km`")],
        ),
        ("recovery 30min pace 5:30/km\n", rules('R103 = { severity = "error" }'), [("error", SLOWER)]),
        ("recovery 30min hr z3\n", P, [("error", "cap it at 70 % of max: `hr<=z2` or `hr<=70%`")]),
        ("recovery 30min hr z3\n", LTHR_ZONES, [("error", "cap it at 70 % of max: `hr<=70%`")]),  # its z2 runs higher
        ("recovery 30min power 80%\n", P, [("error", "keep recovery runs at or under 75 % of FTP: `power<=75%`")]),
    ],
)
def test_severity_and_hint(text, profile, expected):
    assert severity_and_hint(text, profile) == expected


# the message never shows the limit itself as the value past it
LIMIT_CASES = [
    ("recovery 30min pace 5:49.6-6:10/km\n", P, "a pace as fast as 5:50/km"),
    ("recovery 30min hr 120-132bpm\n", P, "up to 70 % of max is above the recovery cap of 70 %"),
    ("recovery 30min power 190-211W\n", P, "up to 75 % of FTP is above the recovery cap of 75 %"),
]


test_messages_never_show_the_limit_as_the_offending_value = limit_cases_test(CODE, LIMIT_CASES)
