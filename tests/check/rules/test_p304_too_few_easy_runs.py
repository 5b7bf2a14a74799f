"""P304 too-few-easy-runs: edge cases beyond its docstring examples."""

from __future__ import annotations

from .helpers import P, hits, plan, plan_cases_test

CODE = "P304"

PLAN_CASES = [
    # P304: per calendar week, Monday to Sunday
    (("2026-11-24 tempo 20min", "2026-11-25 easy 30min"), P, []),
    (
        ("2026-11-24 tempo 20min", "2026-11-26 tempo 20min", "2026-11-27 easy 30min"),
        P,
        ["the week of 2026-11-23 has 2 quality sessions but only 1 easy or recovery run"],
    ),
    (("2026-11-24 tempo 20min", "2026-11-26 tempo 20min", "2026-11-27 easy 30min", "2026-11-28 recovery 25min"), P, []),
    (
        ("2026-11-24 tempo 20min", "2026-11-28 tempo 20min", "2026-11-29 easy 30min", "2026-11-30 easy 30min"),
        P,
        ["the week of 2026-11-23 has 2 quality sessions but only 1 easy or recovery run"],
    ),  # Monday is next week
    (
        ("2026-11-24 tempo 20min", "2026-11-25 easy 30min", "2026-11-30 tempo 20min", "2026-12-01 tempo 20min"),
        P,
        ["the week of 2026-11-30 has 2 quality sessions but no easy or recovery run"],
    ),
    (("2026-11-23 rest", "2026-11-24 rest", "2026-11-25 long 1h"), P, []),
    (
        ("2026-11-24 tempo 20min", "2026-11-25 tempo 20min", "2026-11-26 long 1h30min", "2026-11-27 steady 30min"),
        P,
        ["2 quality sessions but no easy or recovery run"],
    ),  # long and steady are not easy
    (("2026-11-24 tempo 20min", '2026-11-25 "Hard easy"'), P, ["2 quality sessions but no easy or recovery run"]),
]


test_plan_rule = plan_cases_test(CODE, PLAN_CASES)


# regression: a bug these tests found, now fixed
def test_p304_one_quality_session_is_singular():
    assert hits("P304", plan("2026-11-24 tempo 20min", "2026-11-25 rest")) == [
        "the week of 2026-11-23 has 1 quality session but no easy or recovery run"
    ]
