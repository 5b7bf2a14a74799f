"""R101 recovery-too-long: edge cases beyond its docstring examples."""

from __future__ import annotations

from .helpers import P, findings, limit_cases_test, rules, workout_cases_test

CODE = "R101"

WORKOUT_CASES = [
    # R101: the whole estimated time counts, strides included; distances at a pace
    ("recovery 45min hr<z2\n", P, []),
    ("recovery 46min hr<z2\n", P, ["this recovery run lasts 46 min, more than 45 min"]),
    ("recovery 40min hr<z2\n", rules("R101 = { max_minutes = 40 }"), []),
    ("recovery 41min hr<z2\n", rules("R101 = { max_minutes = 40 }"), ["lasts 41 min, more than 40 min"]),
    ("recovery 60min hr<z2\n", rules("R101 = { max_minutes = 60 }"), []),
    ("recovery 31min hr<=z2\n", rules("R101 = { max_minutes = 30 }"), ["more than 30 min"]),  # the strictest article
    ("recovery 40min hr<z2 strides 4x20s/40s\n", P, []),  # 44 min
    ("recovery 42min hr<z2 strides 4x20s\n", P, ["lasts 47 min"]),  # 42 min + 4 x 80 s
    ("recovery 8km hr<z2\n", P, []),  # 44.7 min at the middle of the easy pace
    ("recovery 9km hr<z2\n", P, ["lasts 50 min"]),
    ("recovery 8km pace 6:00-6:10/km\n", "", ["lasts 49 min"]),  # at its own pace: no profile needed
    ("recovery 8km hr<z2\n", "", []),  # no pace to time it
    ("easy 90min hr<z2\n", P, []),
]


test_workout_rule = workout_cases_test(CODE, WORKOUT_CASES)


def test_the_hint_names_the_limit():
    [finding] = [d for d in findings("recovery 50min hr<=z2\n", rules("R101 = { max_minutes = 40 }")) if d.code == CODE]
    assert finding.hint == "shorten it to 40 min or less, or make it an `easy` run if it is one"


# the message never shows the limit itself as the value past it
LIMIT_CASES = [
    ("recovery 40min hr<z2 strides 4x20s\n", P, "lasts 45 min, more than 45 min"),
]


test_messages_never_show_the_limit_as_the_offending_value = limit_cases_test(CODE, LIMIT_CASES)
