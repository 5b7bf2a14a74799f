"""P309 no-easy-day: seven days in a row without an easy or off day."""

from __future__ import annotations

from .helpers import ADVANCED, P, findings, plan, plan_cases_test, rules

CODE = "P309"
HARD_WEEK = (
    "2026-11-23 intervals 45min",
    "2026-11-24 steady 50min",
    "2026-11-25 tempo 40min",
    "2026-11-26 steady 45min",
    "2026-11-27 steady 50min",
    "2026-11-28 hills 40min",
)

PLAN_CASES = [
    (
        (*HARD_WEEK, "2026-11-29 long 1h40min"),
        P,
        [
            "7 days in a row without an easy or off day, Mon 2026-11-23 to Sun 2026-11-29: intervals 45 min "
            "(Mon 2026-11-23), steady 50 min (Tue 2026-11-24)"
        ],
    ),
    ((*HARD_WEEK, "2026-11-29 easy 40min"), P, []),
    ((*HARD_WEEK, "2026-11-29 rest"), P, []),
    ((*HARD_WEEK, "2026-11-30 long 1h40min"), P, []),  # Sunday left out: an off day
    ((*HARD_WEEK, "2026-11-29 easy 40min hr z4"), P, ["7 days in a row"]),  # not easy in effect
    ((*HARD_WEEK, "2026-11-29 easy 2h10min"), P, ["7 days in a row"]),  # over two hours: moderate
    ((*HARD_WEEK, "2026-11-29 07:00 tempo 30min", "2026-11-29 18:00 recovery 25min hr<z2"), P, ["7 days"]),
    # said once a stretch, however long it runs on
    (
        (*HARD_WEEK, "2026-11-29 long 1h40min", "2026-11-30 steady 50min", "2026-12-01 tempo 40min"),
        ADVANCED,
        ["7 days in a row"],
    ),
    ((*HARD_WEEK, "2026-11-29 long 1h40min"), rules("P309 = { max_days = 7 }"), []),
]


test_plan_rule = plan_cases_test(CODE, PLAN_CASES)


def test_p309_hint_offers_the_lightest_session():
    [hint] = [d.hint for d in findings(plan(*HARD_WEEK, "2026-11-29 long 1h40min")) if d.code == CODE]
    assert hint == "make steady 45 min (Thu 2026-11-26) an easy run of under 2 hours, or rest that day"


def test_p309_every_day_quality_is_named():
    text = plan(*(f"2026-11-{day} tempo 20min" for day in range(23, 30)))
    [found] = [d for d in findings(text) if d.code == CODE]
    assert (
        found.span.line == 8
        and found.hint == "make tempo 20 min (Mon 2026-11-23) an easy run of under 2 hours, or rest that day"
    )
