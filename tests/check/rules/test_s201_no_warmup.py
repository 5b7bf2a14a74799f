"""S201 no-warmup: edge cases beyond its docstring examples."""

from __future__ import annotations

from .helpers import TEMPO, P, block, limit_cases_test, rules, workout_cases_test

CODE = "S201"

WORKOUT_CASES = [
    # S201: easy running before the hard part; strides and unknown lengths
    (block("tempo", "warmup 15min", TEMPO, "cooldown 10min"), P, []),
    (block("tempo", "warmup lap", TEMPO, "cooldown 10min"), P, []),
    (
        block("tempo", "warmup 2km", TEMPO, "cooldown 10min"),
        P,
        ["the first hard step comes after only 11 min of easy running"],
    ),
    (block("tempo", "warmup 3km", TEMPO, "cooldown 10min"), P, []),  # 16.75 min at the easy pace
    (block("tempo", "warmup 2km", TEMPO, "cooldown 10min"), "", []),  # unknown length: passes
    (block("tempo", "warmup 2km pace 6:00/km", TEMPO, "cooldown 10min"), "", ["only 12 min"]),
    (block("tempo", "warmup 3km pace 6:00/km", TEMPO, "cooldown 10min"), "", []),
    (block("tempo", "warmup 10min", "strides 4x20s", TEMPO, "cooldown 10min"), P, ["only 10 min"]),
    (block("tempo", "warmup 15min", "strides 4x20s", TEMPO, "cooldown 10min"), P, []),
    (block("tempo", "warmup 10min", "run 5min hr<=z2", TEMPO), P, []),
    (block("tempo", "warmup 5min", "run 10min", "run 20min hr z4"), P, []),  # untargeted counts
    (block("tempo", TEMPO, "cooldown 10min"), P, ["the first hard step comes after no easy running"]),
    (block("tempo", "warmup 10min", TEMPO), rules("S201 = { min_minutes = 10 }"), []),
    (block("tempo", "warmup 15min", TEMPO), rules("S201 = { min_minutes = 20 }"), ["only 15 min"]),
    (
        block("intervals", "warmup 5min", "6x", "  run 400m", "  recover 200m"),
        P,
        ["the first repeat comes after only 5 min of easy running"],
    ),
    (block("easy", "warmup 5min", "run 20min hr z4", "cooldown 10min"), P, ["only 5 min"]),  # quality by zone
    (block("easy", "warmup 5min", "run 20min hr z3", "cooldown 10min"), P, []),  # zone 3: not quality
    ("tempo 20min pace 4:15/km\n", P, ["no easy running"]),  # one line: the targeted main step
    ("tempo 20min\n", P, []),  # untargeted one line: no known shape (training.hard_part)
]


test_workout_rule = workout_cases_test(CODE, WORKOUT_CASES)


# the message never shows the limit itself as the value past it
LIMIT_CASES = [
    (block("tempo", "warmup 14min59s", TEMPO, "cooldown 10min"), P, "only 15 min of easy running"),
]


test_messages_never_show_the_limit_as_the_offending_value = limit_cases_test(CODE, LIMIT_CASES)
