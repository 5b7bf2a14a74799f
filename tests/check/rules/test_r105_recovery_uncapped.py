"""R105 recovery-uncapped: edge cases beyond its docstring examples."""

from __future__ import annotations

import pytest

from .helpers import P, block, findings, hits, rules, workout_cases_test

CODE = "R105"

WORKOUT_CASES = [
    # R105: cadence and stride targets are no cap
    ("recovery 30min cadence 170-180spm\n", P, ["this recovery run has no heart-rate, pace or power cap"]),
    ("recovery 30min strides 4x20s hr<z2\n", P, ["no heart-rate, pace or power cap"]),
    ("recovery 30min cadence 170-180spm hr<z2\n", P, []),
    ("recovery 30min hr<=z2\n", P, []),
    ("recovery 30min pace 5:50-6:20/km\n", P, []),
    ("recovery 30min power z1\n", P, []),
    ("recovery until hr<120bpm\n", P, ["no heart-rate, pace or power cap"]),  # a duration, not a target
    (block("recovery", "warmup 5min", "run 25min", "cooldown 5min pace 6:00-6:30/km"), P, []),
    ('workout "W"\n  run 25min\n', P, []),
]


test_workout_rule = workout_cases_test(CODE, WORKOUT_CASES)

LTHR_ZONES = '[athlete]\nmax_hr = 190\nlthr = 175\nhr_zones = "lthr"\n'  # zone 1 tops out at 78 % of max


@pytest.mark.parametrize(
    "profile, cap",
    [
        (P, "`hr<=z2` or `hr<=70%`"),
        ("", "`hr<=z2` or `hr<=70%`"),  # the default zones are % of max: nothing missing
        (rules("R103 = { max_hr_percent = 65 }"), "`hr<=z1` or `hr<=65%`"),  # what R103 lets through
        (LTHR_ZONES, "`hr<=70%`"),  # zone 2 under LTHR zones is above R103's cap
    ],
)
def test_the_hint_offers_a_cap_that_r103_accepts(profile, cap):
    [finding] = [d for d in findings("recovery 30min\n", profile) if d.code == CODE]
    assert finding.hint == f"add {cap} after the duration, so the watch warns you when you speed up"
    assert not hits("R103", f"recovery 30min {cap.split('`')[1]}\n", profile)
