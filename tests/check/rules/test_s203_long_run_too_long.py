"""S203 long-run-too-long: edge cases beyond its docstring examples."""

from __future__ import annotations

from .helpers import P, block, limit_cases_test, rules, workout_cases_test

CODE = "S203"

WORKOUT_CASES = [
    # S203
    ("long 2h30min hr<=z2\n", P, []),
    ("long 2h31min hr<=z2\n", P, ["this long run lasts 151 min, more than 150 min"]),
    ("long 2h hr<=z2\n", rules("S203 = { max_minutes = 110 }"), ["lasts 120 min, more than 110 min"]),
    ("long 3h hr<=z2\n", rules("S203 = { max_minutes = 180 }"), []),
    ("long 28km hr<=z2\n", P, ["lasts 156 min"]),  # at the easy pace
    ("long 28km hr<=z2\n", "", []),
    ("long 30km pace 4:50/km\n", "", []),  # 145 min at its own pace
    ("easy 3h hr<=z2\n", P, []),
    (block("long", "run 2h hr<=z2", "run 40min pace 4:30/km"), P, ["lasts 160 min"]),
]


test_workout_rule = workout_cases_test(CODE, WORKOUT_CASES)


# the message never shows the limit itself as the value past it
LIMIT_CASES = [
    ("long 2h30min20s hr<=z2\n", P, "lasts 150 min, more than 150 min"),
]


test_messages_never_show_the_limit_as_the_offending_value = limit_cases_test(CODE, LIMIT_CASES)
