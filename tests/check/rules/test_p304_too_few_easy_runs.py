"""P304 too-few-easy-runs: edge cases beyond its docstring examples."""

from __future__ import annotations

import pytest

from .helpers import BEGINNER, P, findings, hits, plan, plan_cases_test, rules

CODE = "P304"

PLAN_CASES = [
    # P304: per calendar week, Monday to Sunday; off days (rest entries, days left out) are buffers
    (("2026-11-24 tempo 20min", "2026-11-25 easy 30min"), P, []),
    (("2026-11-24 tempo 20min", "2026-11-26 tempo 20min", "2026-11-27 easy 30min"), P, []),  # Wednesday is off
    (("2026-11-24 intervals 40min", "2026-11-25 rest", "2026-11-26 tempo 40min", "2026-11-27 easy 40min"), P, []),
    (
        ("2026-11-24 tempo 20min", "2026-11-25 tempo 20min", "2026-11-26 steady 40min", "2026-11-27 tempo 20min"),
        P,
        [
            "the week of 2026-11-23 has 3 quality sessions, tempo 20 min (Tue 2026-11-24), tempo 20 min "
            "(Wed 2026-11-25) and tempo 20 min (Fri 2026-11-27), but no easy run and no off day"
        ],
    ),
    (
        ("2026-11-24 tempo 20min", "2026-11-25 easy 30min", "2026-11-30 tempo 20min", "2026-12-01 tempo 20min"),
        P,
        ["the week of 2026-11-30 has 2 quality sessions"],
    ),  # the plan ends on Tuesday: the rest of that week is not an off day
    (("2026-11-23 rest", "2026-11-24 rest", "2026-11-25 long 1h"), P, []),
    (
        ("2026-11-24 tempo 20min", "2026-11-25 tempo 20min", "2026-11-26 long 1h30min", "2026-11-27 steady 30min"),
        P,
        ["2 quality sessions, tempo 20 min (Tue 2026-11-24) and tempo 20 min (Wed 2026-11-25), but no easy run"],
    ),  # long and steady are not easy
    (("2026-11-24 tempo 20min", '2026-11-25 "Hard easy"'), P, ['and "Hard easy" (Wed 2026-11-25), but no easy']),
    # beginners: one easy run per hard session, the long run hard, rest days not counted by default
    (
        ("2026-11-24 intervals 40min", "2026-11-26 easy 30min", "2026-11-29 long 1h30min"),
        BEGINNER,
        [
            "the week of 2026-11-23 has 2 hard sessions, intervals 40 min (Tue 2026-11-24) and long 1 h 30 min "
            "(Sun 2026-11-29), but 1 easy run"
        ],
    ),
    (
        ("2026-11-24 intervals 40min", "2026-11-26 easy 30min", "2026-11-29 long 1h30min"),
        rules("P304 = { beginner_rest_counts = true }", BEGINNER),
        [],
    ),
    (
        ("2026-11-24 intervals 40min", "2026-11-26 easy 30min", "2026-11-27 easy 30min", "2026-11-29 long 1h30min"),
        BEGINNER,
        [],
    ),
    (("2026-11-24 easy 30min", "2026-11-26 easy 30min", "2026-11-29 long 1h30min"), BEGINNER, []),
]


test_plan_rule = plan_cases_test(CODE, PLAN_CASES)


def test_p304_one_quality_session_is_singular():
    assert hits("P304", plan("2026-11-24 tempo 20min")) == [
        "the week of 2026-11-23 has 1 quality session, tempo 20 min (Tue 2026-11-24), but no easy run and no off day"
    ]


@pytest.mark.parametrize(
    "lines, profile, hint",
    [
        (  # a beginner: a day the plan leaves free, never a rest entry
            ("2026-11-23 rest", "2026-11-24 intervals 40min", "2026-11-26 easy 30min", "2026-11-29 long 1h30min"),
            BEGINNER,
            "add 1 easy run, on Wed 2026-11-25, or count rest days as easy days "
            "(`P304 = { beginner_rest_counts = true }`); each hard session needs an easy day",
        ),
        (
            (
                "2026-11-23 rest",
                "2026-11-24 intervals 40min",
                "2026-11-25 rest",
                "2026-11-26 easy 30min",
                "2026-11-27 rest",
                "2026-11-28 rest",
                "2026-11-29 long 1h30min",
            ),
            BEGINNER,
            "make intervals 40 min an easy run, or count rest days as easy days "
            "(`P304 = { beginner_rest_counts = true }`); each hard session needs an easy day",
        ),
        (
            ("2026-11-23 tempo 20min", "2026-11-24 tempo 20min", "2026-11-25 easy 30min", "2026-11-26 hills 30min"),
            P,
            "add 2 easy runs, on Fri 2026-11-27, Sat 2026-11-28; each quality session needs an easy day",
        ),
    ],
)
def test_p304_hint_never_turns_a_rest_day_into_a_run(lines, profile, hint):
    assert [d.hint for d in findings(plan(*lines), profile) if d.code == CODE] == [hint]
