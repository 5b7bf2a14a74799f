"""P302 recovery-too-soon: edge cases beyond its docstring examples."""

from __future__ import annotations

import pytest

from .helpers import ADVANCED, BEGINNER, P, findings, limit_cases_test, plan, plan_cases_test, rules

CODE = "P302"

PLAN_CASES = [
    # P302: beginners 24 h; others a double after 6 h; hours when both entries are timed, else calendar days
    (
        ("2026-11-24 18:00 tempo 20min", "2026-11-25 07:00 recovery 25min hr<z2"),
        BEGINNER,
        [
            "this recovery run, recovery 25 min (Wed 2026-11-25 07:00), comes 13 h after "
            "tempo 20 min (Tue 2026-11-24 18:00), less than 24 h"
        ],
    ),
    (("2026-11-24 18:00 tempo 20min", "2026-11-25 07:00 easy 25min"), BEGINNER, ["this easy run, easy 25 min"]),
    # the next morning's recovery run after an evening session is fine for others, and without a level
    (("2026-11-24 18:00 tempo 20min", "2026-11-25 07:00 recovery 25min hr<z2"), P, []),
    (("2026-11-24 18:00 tempo 20min", "2026-11-25 07:00 recovery 25min hr<z2"), ADVANCED, []),
    (("2026-11-24 18:00 tempo 20min", "2026-11-25 07:00 recovery 25min hr<z2"), "", []),
    (("2026-11-24 07:00 tempo 20min", "2026-11-24 18:00 recovery 25min hr<z2"), P, []),  # a double
    (
        ("2026-11-24 07:00 tempo 20min", "2026-11-24 10:00 recovery 25min hr<z2"),
        P,
        ["comes 3 h after tempo 20 min (Tue 2026-11-24 07:00), less than 6 h"],
    ),
    (("2026-11-24 tempo 20min", "2026-11-24 recovery 25min hr<z2"), P, []),  # a double, hours unknown
    # calendar days when a time is missing: a beginner's run must be on a later day
    (("2026-11-24 tempo 20min", "2026-11-25 recovery 25min hr<z2"), BEGINNER, []),
    (("2026-11-24 18:00 tempo 20min", "2026-11-25 recovery 25min hr<z2"), BEGINNER, []),
    (("2026-11-24 tempo 20min", "2026-11-25 07:00 recovery 25min hr<z2"), BEGINNER, []),
    (("2026-11-24 tempo 20min", "2026-11-24 19:00 recovery 25min hr<z2"), BEGINNER, ["comes the same day as"]),
    (("2026-11-24 07:00 tempo 20min", "2026-11-24 18:00 easy 25min"), BEGINNER, ["comes 11 h after"]),
    (("2026-11-24 18:00 tempo 20min", "2026-11-25 07:00 long 1h"), BEGINNER, []),  # long is not easy
    (("2026-11-24 18:00 long 1h30min", "2026-11-25 07:00 easy 30min"), BEGINNER, []),  # nor quality
    (("2026-11-24 18:00 tempo 20min", "2026-11-25 07:00 easy 30min hr z4"), BEGINNER, []),  # nor a hard "easy" run
    (
        ("2026-11-24 18:00 tempo 20min", "2026-11-25 07:00 recovery 25min"),
        rules("P302 = { min_hours = 12 }", BEGINNER),
        [],
    ),
    (
        ("2026-11-24 18:00 tempo 20min", "2026-11-26 07:00 recovery 25min"),
        rules("P302 = { min_hours = 48 }", BEGINNER),
        ["comes 37 h after tempo 20 min (Tue 2026-11-24 18:00), less than 48 h"],
    ),
    (
        ("2026-11-24 07:00 tempo 20min", "2026-11-24 18:00 recovery 25min hr<z2"),
        rules("P302 = { double_hours = 12 }"),
        ["comes 11 h after"],
    ),
    (
        ("2026-11-24 18:00 tempo 20min", "2026-11-25 07:00 recovery 25min", "2026-11-25 19:00 easy 25min"),
        BEGINNER,
        ["comes 13 h after"],
    ),  # the second one is 25 h after
]


test_plan_rule = plan_cases_test(CODE, PLAN_CASES)


@pytest.mark.parametrize(
    "lines, profile, hint",
    [
        (
            ("2026-11-24 18:00 tempo 20min", "2026-11-25 07:00 recovery 25min"),
            BEGINNER,
            "as a beginner, run it on Wed 2026-11-25 18:00 or later, or rest that day",
        ),
        (
            ("2026-11-24 tempo 20min", "2026-11-24 19:00 recovery 25min"),
            BEGINNER,
            "as a beginner, run it on Wed 2026-11-25 or later, or rest that day",
        ),
        (
            ("2026-11-24 07:00 tempo 20min", "2026-11-24 10:00 recovery 25min"),
            P,
            "a double needs 6 h between the runs: start it at Tue 2026-11-24 13:00 or later",
        ),
    ],
)
def test_p302_hint_names_the_earliest_time(lines, profile, hint):
    assert [d.hint for d in findings(plan(*lines), profile) if d.code == CODE] == [hint]


# the message never shows the limit itself as the value past it
LIMIT_CASES = [
    (
        plan("2026-11-24 12:00 tempo 20min", "2026-11-25 11:59 recovery 25min"),
        BEGINNER,
        "24 h after",
    ),
]


test_messages_never_show_the_limit_as_the_offending_value = limit_cases_test(CODE, LIMIT_CASES)
