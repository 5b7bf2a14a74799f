"""S205 ambiguous-unit: edge cases beyond its docstring examples."""

from __future__ import annotations

from .helpers import P, block, rules, workout_cases_test

CODE = "S205"

WORKOUT_CASES = [
    # S205: metres only, strides exempt
    (block("easy", "run 99m hr<=z2"), P, ["`99m` is 99 metres"]),
    (block("easy", "run 100m hr<=z2"), P, []),
    (block("easy", "run 0.05km hr<=z2"), P, []),
    (block("easy", "run 30.5m hr<=z2"), P, ["`30.5m` is 30.5 metres"]),
    ("easy 30m hr<=z2\n", P, ["`30m` is 30 metres"]),
    ("easy 30min hr<=z2 strides 4x50m/50m\n", P, []),
    (block("easy", "run 30min", "recover 50m", "rest 20m"), P, ["`50m`", "`20m`"]),
    (block("hills", "warmup 15min", "8x", "  run 60m", "  recover 60m", "cooldown 10min"), P, ["`60m`", "`60m`"]),
    (block("easy", "run 150m hr<=z2"), rules("S205 = { min_metres = 200 }"), ["`150m` is 150 metres"]),
    (block("easy", "run 50m hr<=z2"), rules("S205 = { min_metres = 50 }"), []),
]


test_workout_rule = workout_cases_test(CODE, WORKOUT_CASES)
