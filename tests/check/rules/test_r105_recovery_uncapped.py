"""R105 recovery-uncapped: edge cases beyond its docstring examples."""

from __future__ import annotations

from .helpers import P, block, workout_cases_test

CODE = "R105"

WORKOUT_CASES = [
    # R105: cadence and stride targets are no cap
    ("recovery 30min cadence 170-180spm\n", P, ["this recovery run has no heart-rate, pace or power cap"]),
    ("recovery 30min strides 4x20s hr<z2\n", P, ["no heart-rate, pace or power cap"]),
    ("recovery 30min cadence 170-180spm hr<z2\n", P, []),
    ("recovery 30min power z1\n", P, []),
    ("recovery until hr<120bpm\n", P, ["no heart-rate, pace or power cap"]),  # a duration, not a target
    (block("recovery", "warmup 5min", "run 25min", "cooldown 5min pace 6:00-6:30/km"), P, []),
    ('workout "W"\n  run 25min\n', P, []),
]


test_workout_rule = workout_cases_test(CODE, WORKOUT_CASES)
