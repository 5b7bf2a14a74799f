"""S202 no-cooldown: edge cases beyond its docstring examples."""

from __future__ import annotations

from .helpers import TEMPO, P, block, workout_cases_test

CODE = "S202"

WORKOUT_CASES = [
    # S202: what the session ends on
    (block("tempo", "warmup 15min", TEMPO), P, ["the session ends on its hard part"]),
    (block("tempo", "warmup 15min", TEMPO, "run 5min"), P, []),
    (block("tempo", "warmup 15min", TEMPO, "recover 5min"), P, []),
    (block("tempo", "warmup 15min", TEMPO, "strides 4x20s"), P, []),  # strides are not the hard part
    (
        block("intervals", "warmup 15min", "6x", "  run 400m pace 3:30-3:40/km", "  recover 200m", "run 10min hr<=z2"),
        P,
        [],
    ),
    (block("easy", "warmup 15min", "run 20min hr z4"), P, ["ends on its hard part"]),
    (block("easy", "warmup 15min", "run 20min hr z3"), P, []),
    ("intervals 40min hr z4\n", P, ["ends on its hard part"]),
    ("intervals 40min hr z4 strides 4x20s\n", P, []),
    ("intervals 40min\n", P, []),
]


test_workout_rule = workout_cases_test(CODE, WORKOUT_CASES)
