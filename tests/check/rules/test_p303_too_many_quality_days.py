"""P303 too-many-quality-days: edge cases beyond its docstring examples."""

from __future__ import annotations

from .helpers import ADVANCED, BEGINNER, P, plan_cases_test, rules

CODE = "P303"

PLAN_CASES = [
    # P303: any 7 days, sliding across calendar weeks; long runs do not count
    (
        ("2026-11-24 tempo 20min", "2026-11-26 tempo 20min"),
        BEGINNER,
        ["quality session 2 within 7 days (up to 2026-11-26); the beginner level allows 1"],
    ),
    (("2026-11-24 tempo 20min", "2026-12-01 tempo 20min"), BEGINNER, []),  # 7 days apart
    (
        ("2026-11-24 tempo 20min", "2026-11-30 tempo 20min"),
        BEGINNER,
        ["quality session 2 within 7 days (up to 2026-11-30)"],
    ),
    (("2026-11-24 07:00 tempo 20min", "2026-11-24 18:00 tempo 20min"), BEGINNER, ["(up to 2026-11-24)"]),
    (("2026-11-23 tempo 20min", "2026-11-25 tempo 20min", "2026-11-27 tempo 20min"), ADVANCED, []),
    (
        ("2026-11-23 tempo 20min", "2026-11-25 tempo 20min", "2026-11-27 tempo 20min", "2026-11-29 tempo 20min"),
        ADVANCED,
        ["quality session 4 within 7 days (up to 2026-11-29); the advanced level allows 3"],
    ),
    (
        ("2026-11-27 tempo 20min", "2026-11-29 tempo 20min", "2026-12-01 tempo 20min"),
        P,
        ["quality session 3 within 7 days (up to 2026-12-01); the intermediate level allows 2"],
    ),
    (("2026-11-27 tempo 20min", "2026-11-29 long 2h", "2026-12-01 tempo 20min"), P, []),
    (
        ("2026-11-24 tempo 20min", "2026-11-26 tempo 20min", "2026-11-28 tempo 20min"),
        rules("P303 = { intermediate = 3 }"),
        [],
    ),
    (
        ("2026-11-24 tempo 20min", "2026-11-26 tempo 20min", "2026-11-28 tempo 20min", "2026-11-30 tempo 20min"),
        P,
        ["quality session 3 within 7 days (up to 2026-11-28)", "quality session 4 within 7 days (up to 2026-11-30)"],
    ),
    (("2026-11-24 tempo 20min", "2026-11-26 tempo 20min"), "", []),
]


test_plan_rule = plan_cases_test(CODE, PLAN_CASES)
