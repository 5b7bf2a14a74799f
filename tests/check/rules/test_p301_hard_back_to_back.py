"""P301 hard-back-to-back: edge cases beyond its docstring examples, and raising its severity."""

from __future__ import annotations

from .helpers import P, findings, plan, plan_cases_test, rules

CODE = "P301"

PLAN_CASES = [
    # P301: hard = quality or long, by calendar day; one-line sessions by their kind, blocks by their steps
    (("2026-11-24 tempo 20min", "2026-11-25 long 1h30min"), P, ["a hard session on 2026-11-25 follows"]),
    (("2026-11-24 long 1h30min", "2026-11-25 long 1h30min"), P, ["on 2026-11-25"]),
    (("2026-11-24 tempo 20min", "2026-11-26 tempo 20min"), P, []),
    (("2026-11-24 tempo 20min", "2026-11-25 rest", "2026-11-26 tempo 20min"), P, []),
    (("2026-11-24 07:00 tempo 20min", "2026-11-24 18:00 intervals 30min"), P, []),  # a double is one day
    (
        ("2026-11-24 07:00 tempo 20min", "2026-11-24 18:00 intervals 30min", "2026-11-25 hills 30min"),
        P,
        ["on 2026-11-25"],
    ),
    (("2026-11-25 hills 30min", "2026-11-24 tempo 20min"), P, ["on 2026-11-25"]),  # out of order
    (("2026-11-24 tempo 20min", "2026-11-25 07:00 easy 30min", "2026-11-25 18:00 tempo 20min"), P, ["on 2026-11-25"]),
    (
        ("2026-11-24 tempo 20min", "2026-11-25 tempo 20min", "2026-11-26 tempo 20min"),
        P,
        ["on 2026-11-25", "on 2026-11-26"],
    ),
    (("2026-11-29 tempo 20min", "2026-11-30 tempo 20min"), P, ["on 2026-11-30"]),  # across weeks
    (("2026-11-24 tempo 20min", "2026-11-25 easy 30min hr z4"), P, []),
    (("2026-11-24 tempo 20min", '2026-11-25 "Hard easy"'), P, ["on 2026-11-25"]),
]


test_plan_rule = plan_cases_test(CODE, PLAN_CASES)


def test_plan_rule_severity_can_be_raised():
    text = plan("2026-11-30 tempo 20min", "2026-12-01 tempo 20min")
    assert {d.severity.value for d in findings(text, rules('P301 = { severity = "error" }')) if d.code == "P301"} == {
        "error"
    }
