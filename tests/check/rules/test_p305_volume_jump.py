"""P305 volume-jump: edge cases beyond its docstring examples, and its info-then-warning severity."""

from __future__ import annotations

import pytest

from .helpers import P, findings, plan, plan_cases_test, rules

CODE = "P305"

PLAN_CASES = [
    # P305: only consecutive weeks; not from a first week the plan starts part-way through
    (("2026-11-23 easy 100min", "2026-11-30 easy 110min"), P, []),  # exactly 10 %
    (("2026-11-23 easy 100min", "2026-11-30 easy 50min"), P, []),
    (("2026-11-24 easy 100min", "2026-11-30 easy 200min"), P, []),  # first week starts on a Tuesday
    (
        ("2026-11-23 rest", "2026-11-24 easy 100min", "2026-11-30 easy 200min"),
        P,
        ["the week of 2026-11-30 runs 200 min"],
    ),
    (("2026-11-23 easy 100min", "2026-12-07 easy 200min"), P, []),  # not consecutive
    (("2026-11-23 rest", "2026-11-30 easy 200min"), P, []),  # nothing to compare with
    (
        ("2026-11-23 easy 100min", "2026-11-30 easy 200min", "2026-12-07 easy 250min"),
        P,
        ["the week of 2026-11-30 runs 200 min, 100 % more", "the week of 2026-12-07 runs 250 min, 25 % more"],
    ),
    (("2026-11-30 easy 200min", "2026-11-23 easy 100min"), P, ["the week of 2026-11-30"]),  # out of order
    (
        ("2026-11-23 easy 10km", "2026-11-30 easy 15km"),
        P,
        ["the week of 2026-11-30 runs 84 min, 50 % more than the 56 min of the week before"],
    ),  # at the easy pace
]


test_plan_rule = plan_cases_test(CODE, PLAN_CASES)


@pytest.mark.parametrize(
    "after, profile, severity",
    [
        ("111min", P, "info"),
        ("130min", P, "info"),  # exactly 30 %
        ("131min", P, "warning"),
        ("120min", rules("P305 = { info_percent = 20, warning_percent = 50 }"), None),
        ("121min", rules("P305 = { info_percent = 20, warning_percent = 50 }"), "info"),
        ("151min", rules("P305 = { info_percent = 20, warning_percent = 50 }"), "warning"),
    ],
)
def test_p305_info_then_warning(after, profile, severity):
    text = plan("2026-11-23 easy 100min", f"2026-11-30 easy {after}")
    assert [d.severity.value for d in findings(text, profile) if d.code == "P305"] == ([severity] if severity else [])
