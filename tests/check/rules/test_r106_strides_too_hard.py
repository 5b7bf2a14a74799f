"""R106 strides-too-hard: edge cases beyond its docstring examples."""

from __future__ import annotations

from .helpers import P, block, limit_cases_test, rules, workout_cases_test

CODE = "R106"

WORKOUT_CASES = [
    # R106: distance strides at stride_seconds_per_100m (20 s) or their pace; jogs at the easy pace
    ("easy 40min hr<=z2 strides 8x30s/60s\n", P, []),
    ("easy 40min hr<=z2 strides 8x31s/62s\n", P, ["strides of 31 s are longer than 30 s"]),
    ("easy 40min hr<=z2 strides 9x20s\n", P, ["9 strides are more than 8"]),
    ("easy 40min hr<=z2 strides 10x20s\n", rules("R106 = { max_count = 10 }"), []),
    ("easy 40min hr<=z2 strides 4x20s/40s\n", P, []),
    ("easy 40min hr<=z2 strides 4x20s/39s\n", P, ["a 39 s jog is less than 2x the 20 s stride"]),
    ("easy 40min strides 4x20s/50s\n", rules("R106 = { min_recovery_ratio = 3 }"), ["a 50 s jog is less than 3x"]),
    ("easy 40min strides 4x40s/90s\n", rules("R106 = { max_seconds = 40 }"), []),
    ("easy 40min strides 4x150m\n", P, []),  # 30 s stride, 450 m = 151 s jog
    ("easy 40min strides 4x160m/2min\n", P, ["strides of 32 s are longer than 30 s"]),
    ("easy 40min strides 4x100m/90s\n", rules("R106 = { stride_seconds_per_100m = 35 }"), ["strides of 35 s"]),
    ("easy 40min strides 4x200m/2min pace 3:00/km\n", P, ["strides of 36 s"]),
    ("easy 40min strides 4x100m/100m\n", P, ["a 34 s jog is less than 2x the 20 s stride"]),
    ("easy 40min strides 4x20s/100m\n", P, ["a 34 s jog is less than 2x the 20 s stride"]),
    ("easy 40min strides 4x100m/30s\n", "", ["a 30 s jog is less than 2x the 20 s stride"]),
    ("easy 40min strides 4x20s/100m\n", "", []),  # a jog in metres, no easy pace
    ("easy 40min strides 12x45s/30s\n", P, ["strides of 45 s", "12 strides", "a 30 s jog is less than 2x the 45 s"]),
    (
        block("intervals", "warmup 15min", "2x", "  strides 10x20s", "  recover 2min", "cooldown 10min"),
        P,
        ["10 strides are more than 8"],
    ),
]


test_workout_rule = workout_cases_test(CODE, WORKOUT_CASES)


# the message never shows the limit itself as the value past it
LIMIT_CASES = [
    ("easy 40min strides 4x151m/2min\n", P, "strides of 30 s are longer than 30 s"),
]


test_messages_never_show_the_limit_as_the_offending_value = limit_cases_test(CODE, LIMIT_CASES)
