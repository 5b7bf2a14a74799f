"""P308 acute-chronic-load: a week against the mean of the weeks before it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from .helpers import P, findings, plan, plan_cases_test, rules

CODE = "P308"


def weeks(*minutes: int, start: date = date(2026, 11, 2)) -> tuple[str, ...]:
    """One easy run on each Monday and Sunday, half the week's minutes each (0: a week without running)."""
    lines = []
    for index, total in enumerate(minutes):
        monday = start + timedelta(weeks=index)
        if total:
            lines += [f"{monday} easy {total / 2:g}min", f"{monday + timedelta(days=6)} easy {total / 2:g}min"]
    return tuple(lines)


PLAN_CASES = [
    (weeks(100, 100, 100, 130), P, []),  # exactly 1.3
    (
        weeks(100, 100, 100, 140),
        P,
        ["the week of 2026-11-23 runs 140 min, 1.40 times the 100 min a week of the 3 weeks before"],
    ),
    (weeks(100, 100, 140), P, []),  # two weeks are no baseline
    (weeks(100, 100, 100, 100, 100, 140), P, ["1.40 times the 100 min a week of the 4 weeks before"]),
    (weeks(200, 100, 100, 100, 100, 140), P, ["1.40 times the 100 min a week of the 3 weeks before"]),
    # a planned step-back week is left out of the baseline
    (weeks(100, 110, 120, 80, 130), P, []),
    (weeks(100, 110, 120, 80, 160), P, ["1.45 times the 110 min a week of the 3 weeks before"]),
    # a week of no running counts as zero, rest entries or none
    (weeks(100, 100, 0, 100), P, ["1.50 times the 67 min a week of the 3 weeks before"]),
    (
        (*weeks(100, 100), "2026-11-16 rest", "2026-11-22 rest", *weeks(100, start=date(2026, 11, 23))),
        P,
        ["1.50 times the 67 min a week of the 3 weeks before"],
    ),
    # a first partial week counts pro rata
    (
        ("2026-11-05 easy 28min", "2026-11-08 easy 29min", *weeks(100, 100, 140, start=date(2026, 11, 9))),
        P,
        ["1.40 times the 100 min a week of the 3 weeks before"],
    ),  # Thursday to Sunday: 57 min in 4 days is 100 a week
    (("2026-11-08 easy 30min", *weeks(100, 100, 140, start=date(2026, 11, 9))), P, []),  # one day: left out
    # a last week the plan ends in part-way through is not judged
    ((*weeks(100, 100, 100), "2026-11-23 easy 150min"), P, []),
    (weeks(100, 100, 100, 140), rules("P308 = { info_ratio = 1.5 }"), []),
]


test_plan_rule = plan_cases_test(CODE, PLAN_CASES)


@pytest.mark.parametrize(
    "last, severity", [(130, None), (131, "info"), (150, "info"), (151, "warning"), (300, "warning")]
)
def test_p308_a_note_then_a_warning_never_an_error(last, severity):
    found = [d.severity.value for d in findings(plan(*weeks(100, 100, 100, last))) if d.code == CODE]
    assert found == ([severity] if severity else [])


def test_p308_hint_gives_the_week_to_aim_for():
    [hint] = [d.hint for d in findings(plan(*weeks(100, 100, 100, 160))) if d.code == CODE]
    assert hint == "keep it to about 130 min (1.3 times): take 30 min off, e.g. from easy 1 h 20 min (Mon 2026-11-23)"


def test_p308_leaves_a_race_week_alone():
    assert [
        d for d in findings(plan(*weeks(100, 100, 100), "2026-11-23 rest", "2026-11-29 race 42.2km")) if d.code == CODE
    ] == []
