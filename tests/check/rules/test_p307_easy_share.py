"""P307 easy-share: edge cases beyond its docstring examples."""

from __future__ import annotations

from .helpers import P, findings, limit_cases_test, plan, plan_cases_test, rules

CODE = "P307"

PLAN_CASES = [
    # P307: easy = targeted easy, or untargeted in easy/recovery/long runs and non-work steps; never strides
    (("2026-11-23 easy 80min hr<=z2", "2026-11-25 tempo 20min"), P, []),  # exactly 80 %
    (
        ("2026-11-23 easy 79min hr<=z2", "2026-11-25 tempo 21min"),
        P,
        ["the week of 2026-11-23 is 79 % easy running, less than 80 %; the rest is in tempo 21 min (Wed 2026-11-25)"],
    ),
    (("2026-11-23 easy 80min", "2026-11-25 tempo 20min"), P, []),
    (("2026-11-23 steady 80min", "2026-11-25 tempo 20min"), P, ["is 0 % easy running"]),
    (("2026-11-23 steady 80min hr<=z2", "2026-11-25 tempo 20min"), P, []),
    (("2026-11-23 easy 80min hr z3", "2026-11-25 tempo 20min"), P, ["is 0 % easy running"]),
    (("2026-11-23 easy 40min pace 5:30-6:00/km", "2026-11-25 easy 40min pace 5:00/km"), P, ["is 50 % easy"]),
    (("2026-11-23 easy 80min power 200W", "2026-11-25 tempo 20min"), P, []),  # 71 % of FTP
    (("2026-11-23 easy 30min hr<=z2 strides 8x60s/5s hr<=z2",), P, ["is 79 % easy running"]),  # jogs count
    (("2026-11-23 easy 40min", "2026-11-25 tempo 20min"), rules("P307 = { min_percent = 66 }"), []),
    (('2026-11-23 "T"', "2026-11-24 easy 60min"), P, []),  # T's warm-up and cool-down are easy
    (("2026-11-23 rest",), P, []),
]


test_plan_rule = plan_cases_test(CODE, PLAN_CASES)


# the message never shows the limit itself as the value past it
LIMIT_CASES = [
    (
        plan("2026-11-23 easy 40min", "2026-11-25 tempo 20min"),
        rules("P307 = { min_percent = 67 }"),
        "67 % easy running, less than 67 %",
    ),
]


test_messages_never_show_the_limit_as_the_offending_value = limit_cases_test(CODE, LIMIT_CASES)


def test_p307_hint_says_how_much_more_easy_running():
    [hint] = [d.hint for d in findings(plan("2026-11-24 intervals 40min", "2026-11-26 easy 40min")) if d.code == CODE]
    assert hint == "make 24 min more of it easy (of its 80 min, 80 % is 64 min), so the hard sessions can work"
