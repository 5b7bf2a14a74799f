"""P301 hard-back-to-back: edge cases beyond its docstring examples, and raising its severity."""

from __future__ import annotations

from .helpers import P, findings, plan, plan_cases_test, rules

CODE = "P301"

PLAN_CASES = [
    # P301: hard = quality or long, by calendar day; quality by effective intensity
    (
        ("2026-11-24 tempo 20min", "2026-11-25 long 1h30min"),
        P,
        [
            "long 1 h 30 min (Wed 2026-11-25, the long run) comes the day after "
            "tempo 20 min (Tue 2026-11-24, a tempo session): two hard days in a row"
        ],
    ),
    (("2026-11-24 long 1h30min", "2026-11-25 long 1h30min"), P, ["(Wed 2026-11-25, the long run)"]),
    (("2026-11-24 tempo 20min", "2026-11-26 tempo 20min"), P, []),
    (("2026-11-24 tempo 20min", "2026-11-25 rest", "2026-11-26 tempo 20min"), P, []),
    (("2026-11-24 07:00 tempo 20min", "2026-11-24 18:00 intervals 30min"), P, []),  # a double is one day (P310)
    (
        ("2026-11-24 07:00 tempo 20min", "2026-11-24 18:00 intervals 30min", "2026-11-25 hills 30min"),
        P,
        ["hills 30 min (Wed 2026-11-25, a hills session) comes the day after tempo 20 min (Tue 2026-11-24 07:00"],
    ),
    (("2026-11-25 hills 30min", "2026-11-24 tempo 20min"), P, ["hills 30 min (Wed 2026-11-25"]),  # out of order
    (
        ("2026-11-24 tempo 20min", "2026-11-25 07:00 easy 30min", "2026-11-25 18:00 tempo 20min"),
        P,
        ["tempo 20 min (Wed 2026-11-25 18:00"],
    ),
    (
        ("2026-11-24 tempo 20min", "2026-11-25 tempo 20min", "2026-11-26 tempo 20min"),
        P,
        ["(Wed 2026-11-25", "(Thu 2026-11-26"],
    ),
    (("2026-11-29 tempo 20min", "2026-11-30 tempo 20min"), P, ["(Mon 2026-11-30"]),  # across weeks
    # an easy run at zone 4 is hard in effect, one-line or not, and the finding says why
    (
        ("2026-11-24 tempo 20min", "2026-11-25 easy 30min hr z4"),
        P,
        ["easy 30 min (Wed 2026-11-25, 30 min at heart-rate zone 4) comes the day after"],
    ),
    (("2026-11-24 tempo 20min", '2026-11-25 "Hard easy"'), P, ['"Hard easy" (Wed 2026-11-25, 30 min at heart-rate']),
    (("2026-11-24 tempo 20min", "2026-11-25 easy 10km hr<=z2"), P, []),
    (("2026-11-24 tempo 20min", "2026-11-25 steady 50min hr z3"), P, []),  # moderate is not hard
]


test_plan_rule = plan_cases_test(CODE, PLAN_CASES)


def test_plan_rule_severity_can_be_raised():
    text = plan("2026-11-30 tempo 20min", "2026-12-01 tempo 20min")
    assert {d.severity.value for d in findings(text, rules('P301 = { severity = "error" }')) if d.code == "P301"} == {
        "error"
    }


def test_plan_rule_hint_names_the_day_to_move_to():
    [hint] = [d.hint for d in findings(plan("2026-11-30 tempo 20min", "2026-12-01 tempo 20min")) if d.code == "P301"]
    assert hint == (
        "move tempo 20 min to Wed 2026-12-02 or later, or run it easy, so an easy or rest day follows each hard day"
    )


def test_p301_leaves_a_tune_up_weekend_to_p311():
    race_then_long = plan("2026-03-28 race 10km", "2026-03-29 long 16mi")
    assert [d for d in findings(race_then_long) if d.code == "P301"] == []
    race_then_tempo = plan("2026-03-28 race 10km", "2026-03-29 tempo 20min")
    assert [d.code for d in findings(race_then_tempo) if d.code == "P301"] == ["P301"]
    long_then_race = plan("2026-03-28 long 16mi", "2026-03-29 race 10km")
    assert [d.code for d in findings(long_then_race) if d.code == "P301"] == ["P301"]
