"""P313 monotony: Foster's weekly monotony, with the strain, as a note."""

from __future__ import annotations

from .helpers import P, findings, plan, plan_cases_test, rules

CODE = "P313"
SAME_EVERY_DAY = tuple(f"2026-11-{day} easy 45min" for day in range(23, 30))

PLAN_CASES = [
    (SAME_EVERY_DAY, P, ["the week of 2026-11-23 is monotonous: every day carries the same load"]),
    (
        (*SAME_EVERY_DAY[:6], "2026-11-29 easy 50min"),
        P,
        [
            "the week of 2026-11-23 is monotonous: monotony 26.1 (mean daily load over its spread; above 2), "
            "strain 16722"
        ],
    ),
    ((*SAME_EVERY_DAY[:6], "2026-11-29 rest"), P, ["monotony 2.4"]),  # a rest day alone does not vary a week
    (
        (
            "2026-11-23 rest",
            "2026-11-24 intervals 50min",
            "2026-11-25 easy 40min",
            "2026-11-26 tempo 45min",
            "2026-11-27 easy 40min",
            "2026-11-28 easy 40min",
            "2026-11-29 long 1h40min",
        ),
        P,
        [],
    ),
    (SAME_EVERY_DAY[1:], P, []),  # the plan covers six days of the week
    (SAME_EVERY_DAY, rules("P313 = { max_monotony = 1000 }"), ["every day carries the same load"]),
    ((*SAME_EVERY_DAY[:6], "2026-11-29 easy 50min"), rules("P313 = { max_monotony = 30 }"), []),
]


test_plan_rule = plan_cases_test(CODE, PLAN_CASES)


def test_p313_is_a_note_whose_hint_says_what_a_rest_day_does():
    [found] = [d for d in findings(plan(*SAME_EVERY_DAY[:6], "2026-11-29 easy 50min")) if d.code == CODE]
    assert found.severity.value == "info"
    assert found.hint == (
        "vary the days: a rest day instead of easy 45 min (Mon 2026-11-23) brings monotony to 2.4, "
        "or make the easy days easier and the hard days harder"
    )
