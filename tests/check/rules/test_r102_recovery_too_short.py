"""R102 recovery-too-short: edge cases beyond its docstring examples."""

from __future__ import annotations

from .helpers import RETURNING, P, block, limit_cases_test, rules, workout_cases_test

CODE = "R102"

WORKOUT_CASES = [
    # R102: returning lowers the floor; open-ended or untimed sessions are not judged
    ("recovery 20min hr<z2\n", P, []),
    ("recovery 19min hr<z2\n", P, ["this recovery run lasts 19 min, less than 20 min"]),
    ("recovery 15min hr<z2\n", RETURNING, []),
    ("recovery 14min hr<z2\n", RETURNING, ["lasts 14 min, less than 15 min"]),
    ("recovery 25min hr<z2\n", rules("R102 = { min_minutes = 30 }"), ["lasts 25 min, less than 30 min"]),
    ("recovery 25min hr<z2\n", rules("R102 = { returning_min_minutes = 30 }"), []),  # not returning
    ("recovery 25min hr<z2\n", rules("R102 = { returning_min_minutes = 30 }", RETURNING), ["less than 30 min"]),
    ("recovery 12min hr<z2\n", rules("R102 = { min_minutes = 30, returning_min_minutes = 12 }", RETURNING), []),
    ("recovery lap hr<z2\n", P, []),
    ("recovery until hr<120bpm hr<z2\n", P, []),
    (block("recovery", "run 10min hr<z2", "run lap hr<z2"), P, []),
    ("recovery 2km hr<z2\n", "", []),
    ("recovery 2km hr<z2\n", P, ["lasts 11 min"]),
    ("easy 10min\n", P, []),
]


test_workout_rule = workout_cases_test(CODE, WORKOUT_CASES)


# the message never shows the limit itself as the value past it
LIMIT_CASES = [
    ("recovery 19min59s hr<z2\n", P, "lasts 20 min, less than 20 min"),
]


test_messages_never_show_the_limit_as_the_offending_value = limit_cases_test(CODE, LIMIT_CASES)
