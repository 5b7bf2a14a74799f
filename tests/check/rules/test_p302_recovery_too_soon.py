"""P302 recovery-too-soon: edge cases beyond its docstring examples."""

from __future__ import annotations

from .helpers import (
    ADVANCED,
    BEGINNER,
    P,
    limit_cases_test,
    plan,
    plan_cases_test,
    rules,
)

CODE = "P302"

PLAN_CASES = [
    # P302: beginners only; untimed entries at noon
    (
        ("2026-11-24 18:00 tempo 20min", "2026-11-25 07:00 recovery 25min hr<z2"),
        BEGINNER,
        ["this easy run comes 13 h after a quality session, less than 24 h"],
    ),
    (("2026-11-24 18:00 tempo 20min", "2026-11-25 07:00 recovery 25min hr<z2"), P, []),
    (("2026-11-24 18:00 tempo 20min", "2026-11-25 07:00 recovery 25min hr<z2"), ADVANCED, []),
    (("2026-11-24 18:00 tempo 20min", "2026-11-25 07:00 recovery 25min hr<z2"), "", []),
    (("2026-11-24 tempo 20min", "2026-11-25 recovery 25min hr<z2"), BEGINNER, []),  # noon to noon
    (("2026-11-24 18:00 tempo 20min", "2026-11-25 recovery 25min hr<z2"), BEGINNER, ["comes 18 h after"]),
    (("2026-11-24 tempo 20min", "2026-11-25 12:00 recovery 25min hr<z2"), BEGINNER, []),
    (("2026-11-24 07:00 tempo 20min", "2026-11-24 18:00 easy 25min"), BEGINNER, ["comes 11 h after"]),
    (("2026-11-24 18:00 tempo 20min", "2026-11-25 07:00 long 1h"), BEGINNER, []),  # long is not easy
    (("2026-11-24 18:00 long 1h30min", "2026-11-25 07:00 easy 30min"), BEGINNER, []),  # nor quality
    (
        ("2026-11-24 18:00 tempo 20min", "2026-11-25 07:00 recovery 25min"),
        rules("P302 = { min_hours = 12 }", BEGINNER),
        [],
    ),
    (
        ("2026-11-24 18:00 tempo 20min", "2026-11-26 07:00 recovery 25min"),
        rules("P302 = { min_hours = 48 }", BEGINNER),
        ["comes 37 h after a quality session, less than 48 h"],
    ),
    (
        ("2026-11-24 18:00 tempo 20min", "2026-11-25 07:00 recovery 25min", "2026-11-25 19:00 easy 25min"),
        BEGINNER,
        ["comes 13 h after"],
    ),  # the second one is 25 h after
]


test_plan_rule = plan_cases_test(CODE, PLAN_CASES)


# the message never shows the limit itself as the value past it
LIMIT_CASES = [
    (
        plan("2026-11-24 tempo 20min", "2026-11-25 11:59 recovery 25min"),
        BEGINNER,
        "24 h after a quality session, less than 24 h",
    ),
]


test_messages_never_show_the_limit_as_the_offending_value = limit_cases_test(CODE, LIMIT_CASES)
