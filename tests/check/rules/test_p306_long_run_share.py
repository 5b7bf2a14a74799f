"""P306 long-run-share: edge cases beyond its docstring examples."""

from __future__ import annotations

import pytest

from .helpers import P, findings, limit_cases_test, plan, plan_cases_test, rules

CODE = "P306"

PLAN_CASES = [
    # P306: per calendar week; info over 30 %, a warning over half the week
    (("2026-11-23 easy 70min", "2026-11-29 long 30min"), P, []),  # exactly 30 %
    (
        ("2026-11-23 easy 60min", "2026-11-29 long 40min"),
        P,
        ["the long run long 40 min (Sun 2026-11-29) is 40 % of the running time in the week of 2026-11-23"],
    ),
    (("2026-11-29 long 30min",), P, ["is 100 % of the running time in the week of 2026-11-23, more than 50 %"]),
    (("2026-11-23 easy 60min", "2026-11-29 long 40min"), rules("P306 = { max_percent = 40 }"), []),
    (("2026-11-23 easy 50min", "2026-11-29 long 40min"), rules("P306 = { max_percent = 40 }"), ["44 %"]),
    (("2026-11-23 easy 200min", "2026-11-29 steady 100min"), P, []),
    (("2026-11-23 easy 100min", "2026-11-28 long 30min", "2026-11-29 long 30min"), P, []),  # 19 % each
    (("2026-11-28 easy 30min", "2026-11-29 long 90min", "2026-11-30 easy 200min"), P, ["is 75 % of"]),
    (
        ("2026-11-24 easy 8km", "2026-11-26 easy 8km", "2026-11-29 long 16km"),
        P,
        ["is 50 % of the running time in the week of 2026-11-23, more than 30 %"],
    ),
    (
        ("2026-11-24 easy 43min", "2026-11-26 easy 43min", "2026-11-29 long 1h54min"),
        P,
        ["is 57 % of the running time in the week of 2026-11-23, more than 50 %"],
    ),
]


test_plan_rule = plan_cases_test(CODE, PLAN_CASES)


# the message never shows the limit itself as the value past it
LIMIT_CASES = [
    (plan("2026-11-23 easy 69min", "2026-11-29 long 30min"), P, "is 30 % of the running time"),
]


test_messages_never_show_the_limit_as_the_offending_value = limit_cases_test(CODE, LIMIT_CASES)


@pytest.mark.parametrize(
    "lines, severity",
    [
        (("2026-11-23 easy 60min", "2026-11-29 long 40min"), "info"),
        (("2026-11-24 easy 8km", "2026-11-26 easy 8km", "2026-11-29 long 16km"), "info"),  # Higdon's novice peak
        (("2026-11-24 easy 43min", "2026-11-26 easy 43min", "2026-11-29 long 1h54min"), "warning"),  # 57 %
    ],
)
def test_p306_is_a_warning_past_half_the_week(lines, severity):
    assert [d.severity.value for d in findings(plan(*lines)) if d.code == CODE] == [severity]


def test_p306_hint_gives_the_numbers():
    [hint] = [d.hint for d in findings(plan("2026-11-23 easy 60min", "2026-11-29 long 40min")) if d.code == CODE]
    assert hint == "to bring it to 30 %, shorten it to 26 min or add 33 min of easy running to the week"
