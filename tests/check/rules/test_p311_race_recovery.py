"""P311 race-recovery: rest and easy days after a race, by its distance."""

from __future__ import annotations

from .helpers import P, findings, plan, plan_cases_test, rules

CODE = "P311"
MARATHON = "2026-11-22 race 42.2km"

PLAN_CASES = [
    # a marathon: two days without running, two weeks without quality
    (
        (MARATHON, "2026-11-23 recovery 20min hr<z2"),
        P,
        [
            "recovery 20 min (Mon 2026-11-23) is 1 day after the race race 42.2 km (Sun 2026-11-22): "
            "42.2 km of racing needs 2 days without running"
        ],
    ),
    ((MARATHON, "2026-11-23 intervals 40min"), P, ["intervals 40 min (Mon 2026-11-23) is 1 day after"]),
    ((MARATHON, "2026-11-24 easy 30min"), P, ["is 2 days after"]),
    ((MARATHON, "2026-11-25 easy 30min", "2026-11-28 long 1h30min"), P, []),  # long runs are not quality
    (
        (MARATHON, "2026-11-25 easy 30min", "2026-12-01 tempo 30min"),
        P,
        [
            "tempo 30 min (Tue 2026-12-01, a tempo session) is 9 days after the race race 42.2 km "
            "(Sun 2026-11-22): 42.2 km of racing needs 14 days of easy running"
        ],
    ),
    ((MARATHON, "2026-12-06 tempo 30min"), P, ["is 14 days after"]),
    ((MARATHON, "2026-12-07 tempo 30min"), P, []),
    ((MARATHON, "2026-11-22 19:00 recovery 20min"), P, []),  # the same day: R rules' business
    # shorter races: a half a day's rest and a week; a 10 km three easy days; a 5 km one
    (("2026-11-22 race 21.1km", "2026-11-23 recovery 20min"), P, ["21.1 km of racing needs 1 day without running"]),
    (("2026-11-22 race 21.1km", "2026-11-24 recovery 20min", "2026-11-28 tempo 20min"), P, ["7 days of easy"]),
    (("2026-11-22 race 10km", "2026-11-23 recovery 20min", "2026-11-25 tempo 20min"), P, ["3 days of easy"]),
    (("2026-11-22 race 10km", "2026-11-23 recovery 20min", "2026-11-26 tempo 20min"), P, []),
    (("2026-11-22 race 5km", "2026-11-23 intervals 30min"), P, ["1 day of easy running"]),
    # without a length, a race is not judged
    (("2026-11-22 race 3h", "2026-11-23 recovery 20min"), "", []),
    ((MARATHON, "2026-11-23 recovery 20min"), rules("P311 = { km_per_rest_day = 50 }"), []),
]


test_plan_rule = plan_cases_test(CODE, PLAN_CASES)


def test_p311_a_race_is_its_work_steps():
    race = 'workout "Race" race\n  warmup 3km\n  run 19km\n  cooldown 2km\n'  # 19 km raced, not 24
    assert [d for d in findings(race + plan('2026-11-22 "Race"', "2026-11-23 recovery 20min")) if d.code == CODE] == []
    found = findings(race + plan('2026-11-22 "Race"', "2026-11-27 tempo 20min"))
    assert [d.message for d in found if d.code == CODE] == [
        'tempo 20 min (Fri 2026-11-27, a tempo session) is 5 days after the race "Race" (Sun 2026-11-22): '
        "19.0 km of racing needs 6 days of easy running"
    ]


def test_p311_hint_says_when_running_and_training_resume():
    [hint] = [d.hint for d in findings(plan(MARATHON, "2026-11-23 recovery 20min")) if d.code == CODE]
    assert hint == "rest until Wed 2026-11-25, then run easy until Mon 2026-12-07"
