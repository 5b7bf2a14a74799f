"""D401 too-many-steps: edge cases beyond its docstring examples."""

from __future__ import annotations

from .helpers import P, block, device, workout_cases_test

CODE = "D401"

WORKOUT_CASES = [
    # D401: every step and every repeat is a FIT step
    (
        block("intervals", "warmup 15min", "3x", "  run 400m", "  recover 200m", "cooldown lap"),
        device("max_steps = 5"),
        [],
    ),
    (
        block("intervals", "warmup 15min", "3x", "  run 400m", "  recover 200m", "cooldown lap"),
        device("max_steps = 4"),
        ["this workout is 5 FIT steps; the device takes at most 4"],
    ),
    (
        block("intervals", "warmup 15min", "2x", "  3x", "    run 400m", "    recover 200m", "  recover 2min"),
        device("max_steps = 5"),
        ["this workout is 6 FIT steps; the device takes at most 5"],
    ),
    ("easy 30min strides 4x20s\n", device("max_steps = 4"), []),
    ("easy 30min strides 4x20s\n", device("max_steps = 3"), ["4 FIT steps"]),
    (block("easy", *["run 1min"] * 100), P, []),
    (block("easy", *["run 1min"] * 101), P, ["this workout is 101 FIT steps; the device takes at most 100"]),
]


test_workout_rule = workout_cases_test(CODE, WORKOUT_CASES)
