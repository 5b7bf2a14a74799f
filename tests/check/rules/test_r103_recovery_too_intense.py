"""R103 recovery-too-intense: edge cases beyond its docstring examples."""

from __future__ import annotations

from .helpers import EASY_PER_MILE, P, block, limit_cases_test, rules, workout_cases_test

CODE = "R103"

WORKOUT_CASES = [
    # R103: zone 2 / 70 % of max, the easy pace's fast end, 75 % FTP; strides exempt
    ("recovery 30min hr<=z2\n", P, []),
    ("recovery 30min hr z2\n", P, []),
    ("recovery 30min hr z3\n", P, ["heart rate up to 80 % of max is above the recovery cap of 70 %"]),
    ("recovery 30min hr 65-70%\n", P, []),
    ("recovery 30min hr 65-71%\n", P, ["up to 71 % of max"]),
    ("recovery 30min hr 65-75%\n", rules("R103 = { max_hr_percent = 75 }"), []),
    ("recovery 30min hr 120-131bpm\n", P, []),  # 131 / 188 = 69.7 %
    ("recovery 30min hr 131bpm\n", P, ["up to 72 % of max"]),  # 126-136 bpm
    ("recovery 30min hr 120-140bpm\n", "", []),  # no max_hr: not judged (see the notes)
    ("recovery 30min pace 5:20-5:50/km\n", P, []),
    ("recovery 30min pace 5:19-5:50/km\n", P, ["a pace of 5:19/km is faster than your easy pace (5:20/km)"]),
    ("recovery 30min pace 5:00/km\n", "", []),
    ("recovery 30min pace 8:40-9:00/mi\n", P, []),  # 5:23/km
    ("recovery 30min pace 8:30-8:40/mi\n", P, ["a pace of 5:17/km"]),
    ("recovery 30min pace 5:21-5:40/km\n", EASY_PER_MILE, []),
    ("recovery 30min pace 5:19/km\n", EASY_PER_MILE, ["a pace of 5:14/km is faster than your easy pace (5:20/km)"]),
    ("recovery 30min power 70-75%\n", P, []),
    ("recovery 30min power 70-76%\n", P, ["power up to 76 % of FTP is above the recovery cap of 75 %"]),
    ("recovery 30min power 190-210W\n", P, []),  # 210 / 280 = 75 %
    ("recovery 30min power 230W\n", P, ["power up to 86 % of FTP"]),
    ("recovery 30min power 230W\n", "", []),
    ("recovery 30min power 70-80%\n", rules("R103 = { max_power_percent = 80 }"), []),
    ("recovery 30min power z2\n", "", []),
    ("recovery 30min power z3\n", "", ["power zone 3 is above the recovery cap"]),
    ("recovery 30min cadence 170-180spm\n", P, []),
    ("recovery 30min hr<z2 strides 4x20s hr z5 pace 3:00/km\n", P, []),
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


# the message never shows the limit itself as the value past it
LIMIT_CASES = [
    ("recovery 30min hr 120-132bpm\n", P, "up to 70 % of max is above the recovery cap of 70 %"),
    ("recovery 30min power 190-211W\n", P, "up to 75 % of FTP is above the recovery cap of 75 %"),
]


test_messages_never_show_the_limit_as_the_offending_value = limit_cases_test(CODE, LIMIT_CASES)
