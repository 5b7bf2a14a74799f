"""P306 long-run-share: edge cases beyond its docstring examples."""

from __future__ import annotations

from .helpers import P, limit_cases_test, plan, plan_cases_test, rules

CODE = "P306"

PLAN_CASES = [
    # P306: per calendar week
    (("2026-11-23 easy 70min", "2026-11-29 long 30min"), P, []),  # exactly 30 %
    (("2026-11-23 easy 60min", "2026-11-29 long 40min"), P, ["this long run is 40 % of the running time"]),
    (("2026-11-29 long 30min",), P, ["is 100 % of the running time in the week of 2026-11-23, more than 30 %"]),
    (("2026-11-23 easy 60min", "2026-11-29 long 40min"), rules("P306 = { max_percent = 40 }"), []),
    (("2026-11-23 easy 50min", "2026-11-29 long 40min"), rules("P306 = { max_percent = 40 }"), ["44 %"]),
    (("2026-11-23 easy 200min", "2026-11-29 steady 100min"), P, []),
    (("2026-11-23 easy 100min", "2026-11-28 long 30min", "2026-11-29 long 30min"), P, []),  # 19 % each
    (("2026-11-28 easy 30min", "2026-11-29 long 90min", "2026-11-30 easy 200min"), P, ["is 75 % of"]),
]


test_plan_rule = plan_cases_test(CODE, PLAN_CASES)


# the message never shows the limit itself as the value past it
LIMIT_CASES = [
    (plan("2026-11-23 easy 69min", "2026-11-29 long 30min"), P, "is 30 % of the running time"),
]


test_messages_never_show_the_limit_as_the_offending_value = limit_cases_test(CODE, LIMIT_CASES)
