"""P305 volume-jump: edge cases beyond its docstring examples, and its info-then-warning severity."""

from __future__ import annotations

import pytest

from .helpers import BEGINNER, P, findings, plan, plan_cases_test, rules

CODE = "P305"

PLAN_CASES = [
    # P305: week over week, over two weeks, after a step-back week, from a first partial week
    (("2026-11-23 easy 100min", "2026-11-30 easy 110min"), P, []),  # exactly 10 %
    (("2026-11-23 easy 100min", "2026-11-30 easy 50min"), P, []),
    (
        ("2026-11-24 easy 100min", "2026-12-01 easy 140min"),
        P,
        [
            "the week of 2026-11-30 runs 140 min, 40 % more than the 100 min of the same days of the week of "
            "2026-11-23, which the plan starts on a Tuesday"
        ],
    ),  # first week starts on a Tuesday: compared over its days
    (
        ("2026-11-24 easy 100min", "2026-11-30 easy 200min"),
        P,
        ["71 % more than the 117 min of the week of 2026-11-23, which the plan starts on a Tuesday, counted pro rata"],
    ),  # and pro rata: a Monday run is not left out
    (
        ("2026-11-23 rest", "2026-11-24 easy 100min", "2026-11-30 easy 200min"),
        P,
        ["the week of 2026-11-30 runs 200 min, 100 % more than the 100 min of the week of 2026-11-23"],
    ),
    (
        ("2026-11-23 easy 100min", "2026-12-07 easy 200min"),
        P,
        ["the week of 2026-12-07 runs 200 min, 100 % more than the 100 min of the week of 2026-11-23"],
    ),  # a week of no running between: compared over two weeks
    (("2026-11-23 easy 100min", "2026-12-14 easy 200min"), P, []),  # three weeks on
    (("2026-11-23 rest", "2026-11-30 easy 200min"), P, []),  # nothing to compare with
    (
        ("2026-11-23 easy 100min", "2026-11-30 easy 200min", "2026-12-07 easy 250min"),
        P,
        [
            "the week of 2026-11-30 runs 200 min, 100 % more",
            "the week of 2026-12-07 runs 250 min, 150 % more than the 100",
        ],
    ),
    (("2026-11-30 easy 200min", "2026-11-23 easy 100min"), P, ["the week of 2026-11-30"]),  # out of order
    (
        ("2026-11-23 easy 10km", "2026-11-30 easy 15km"),
        P,
        ["the week of 2026-11-30 runs 84 min, 50 % more than the 56 min of the week of 2026-11-23"],
    ),  # at the easy pace
    # two weeks: +22 % then +22 % is +49 %
    (
        ("2026-11-23 easy 100min", "2026-11-30 easy 122min", "2026-12-07 easy 149min"),
        P,
        [
            "the week of 2026-11-30 runs 122 min, 22 % more",
            "the week of 2026-12-07 runs 149 min, 49 % more than the 100",
        ],
    ),
    (("2026-11-23 easy 100min", "2026-11-30 easy 110min", "2026-12-07 easy 121min"), P, []),  # +10 % twice
    # after a planned step-back week, compared with the week before it
    (
        ("2026-11-23 easy 100min", "2026-11-30 easy 110min", "2026-12-07 easy 80min", "2026-12-14 easy 115min"),
        P,
        [],
    ),
    (
        ("2026-11-23 easy 100min", "2026-11-30 easy 80min", "2026-12-07 easy 140min"),
        P,
        [
            "the week of 2026-12-07 runs 140 min, 40 % more than the 100 min of the week of 2026-11-23, before the step-back"
        ],
    ),
    (("2026-11-23 easy 100min", "2026-11-30 easy 95min", "2026-12-07 easy 120min"), P, ["26 % more than the 95 min"]),
    # after a week off, with the week before it
    (
        ("2026-11-23 easy 100min", "2026-11-30 rest", "2026-12-06 rest", "2026-12-07 easy 120min"),
        P,
        [
            "the week of 2026-12-07 runs 120 min, 20 % more than the 100 min of the week of 2026-11-23, before the week off"
        ],
    ),
    (
        ("2026-11-23 easy 100min", "2026-11-30 rest", "2026-12-07 easy 140min"),
        P,
        ["40 % more than the 100 min of the week of 2026-11-23, before the week off"],
    ),
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


def test_p305_hint_says_how_much_to_take_off_and_where():
    text = plan("2026-11-23 easy 50min", "2026-11-25 easy 50min", "2026-11-30 easy 60min", "2026-12-02 long 80min")
    [hint] = [d.hint for d in findings(text) if d.code == "P305"]
    assert hint == "keep it to about 110 min (+10 %): take 30 min off, e.g. from long 1 h 20 min (Wed 2026-12-02)"


def test_p305_a_beginner_rebuilding_after_a_step_back_week_draws_nothing():
    weeks = [("2026-11-02", 60), ("2026-11-09", 66), ("2026-11-16", 72), ("2026-11-23", 45), ("2026-11-30", 75)]
    lines = [f"{day} easy {minutes}min" for day, minutes in weeks]
    assert [d for d in findings(plan(*lines), BEGINNER) if d.code in ("P305", "P308")] == []


def test_p305_leaves_a_race_week_alone():
    text = plan("2026-11-16 easy 100min", "2026-11-18 easy 40min", "2026-11-22 race 42.2km")
    assert [d for d in findings(plan("2026-11-09 easy 140min") + text[len('plan "W"\n') :]) if d.code == "P305"] == []
