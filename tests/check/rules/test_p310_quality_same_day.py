"""P310 quality-same-day: two quality sessions on one day."""

from __future__ import annotations

from .helpers import P, findings, plan, plan_cases_test

CODE = "P310"

PLAN_CASES = [
    (
        ("2026-11-24 07:00 intervals 45min", "2026-11-24 18:00 tempo 30min"),
        P,
        [
            "2 quality sessions on Tue 2026-11-24: intervals 45 min (Tue 2026-11-24 07:00) and tempo 30 min (Tue 2026-11-24 18:00)"
        ],
    ),
    (("2026-11-24 intervals 45min", "2026-11-24 tempo 30min"), P, ["2 quality sessions on Tue 2026-11-24"]),
    (("2026-11-24 07:00 intervals 45min", "2026-11-24 18:00 easy 30min hr z4"), P, ["and easy 30 min"]),
    (("2026-11-24 07:00 intervals 45min", "2026-11-24 18:00 recovery 25min hr<z2"), P, []),
    (("2026-11-24 07:00 intervals 45min", "2026-11-24 18:00 long 1h30min"), P, []),  # P301 and P302 judge
    (("2026-11-24 intervals 45min", "2026-11-25 tempo 30min"), P, []),  # P301's
    (("2026-11-24 tempo 20min", "2026-11-24 tempo 20min", "2026-11-24 tempo 20min"), P, ["3 quality sessions"]),
]


test_plan_rule = plan_cases_test(CODE, PLAN_CASES)


def test_p310_hint_names_a_day_between_easy_days():
    text = plan("2026-11-24 07:00 intervals 45min", "2026-11-24 18:00 tempo 30min", "2026-11-27 hills 30min")
    [hint] = [d.hint for d in findings(text) if d.code == CODE]
    assert hint == "move tempo 30 min to Sun 2026-11-29, between easy days, or run it easy"


def test_p310_can_be_silenced_on_a_deliberate_double_threshold_day():
    text = plan("2026-11-24 07:00 threshold 40min", "2026-11-24 18:00 threshold 40min  # workoutc: disable=P310")
    assert [d for d in findings(text) if d.code == CODE] == []
