"""P303 too-many-quality-days: edge cases beyond its docstring examples."""

from __future__ import annotations

from .helpers import ADVANCED, BEGINNER, P, findings, notes, plan, plan_cases_test, rules

CODE = "P303"

PLAN_CASES = [
    # P303: any 7 days, sliding across calendar weeks; long runs do not count; sessions named
    (
        ("2026-11-24 tempo 20min", "2026-11-26 tempo 20min"),
        BEGINNER,
        [
            "2 quality sessions within 7 days, tempo 20 min (Tue 2026-11-24) and tempo 20 min (Thu 2026-11-26); "
            "the beginner level allows 1"
        ],
    ),
    (("2026-11-24 tempo 20min", "2026-12-01 tempo 20min"), BEGINNER, []),  # 7 days apart
    (("2026-11-24 tempo 20min", "2026-11-30 tempo 20min"), BEGINNER, ["and tempo 20 min (Mon 2026-11-30)"]),
    (("2026-11-24 07:00 tempo 20min", "2026-11-24 18:00 tempo 20min"), BEGINNER, ["(Tue 2026-11-24 18:00)"]),
    (("2026-11-23 tempo 20min", "2026-11-25 tempo 20min", "2026-11-27 tempo 20min"), ADVANCED, []),
    (
        ("2026-11-23 tempo 20min", "2026-11-25 tempo 20min", "2026-11-27 tempo 20min", "2026-11-29 tempo 20min"),
        ADVANCED,
        ["4 quality sessions within 7 days, tempo 20 min (Mon 2026-11-23), "],
    ),
    (
        ("2026-11-27 tempo 20min", "2026-11-29 tempo 20min", "2026-12-01 tempo 20min"),
        P,
        ["and tempo 20 min (Tue 2026-12-01); the intermediate level allows 2"],
    ),
    (("2026-11-27 tempo 20min", "2026-11-29 long 2h", "2026-12-01 tempo 20min"), P, []),
    (("2026-11-27 tempo 20min", "2026-11-29 easy 40min hr z4", "2026-12-01 tempo 20min"), P, ["easy 40 min (Sun"]),
    (
        ("2026-11-24 tempo 20min", "2026-11-26 tempo 20min", "2026-11-28 tempo 20min"),
        rules("P303 = { intermediate = 3 }"),
        [],
    ),
    (
        ("2026-11-24 tempo 20min", "2026-11-26 tempo 20min", "2026-11-28 tempo 20min", "2026-11-30 tempo 20min"),
        P,
        ["3 quality sessions within 7 days, tempo 20 min (Tue 2026-11-24)", "(Mon 2026-11-30); the intermediate"],
    ),
    # without a level: intermediate, said in the first finding only, and no note about the level
    (("2026-11-24 tempo 20min", "2026-11-26 tempo 20min"), "", []),
    (
        ("2026-11-24 tempo 20min", "2026-11-26 tempo 20min", "2026-11-28 tempo 20min", "2026-11-30 tempo 20min"),
        "",
        [
            "the intermediate level allows 2 (athlete.level is not set: taken as intermediate)",
            "(Mon 2026-11-30); the intermediate level allows 2",
        ],
    ),
]


test_plan_rule = plan_cases_test(CODE, PLAN_CASES)


def test_p303_says_the_level_it_assumed_once_and_notes_nothing():
    text = plan("2026-11-24 tempo 20min", "2026-11-26 tempo 20min", "2026-11-28 tempo 20min", "2026-11-30 tempo 20min")
    found = [d.message for d in findings(text, "")]
    assert sum("athlete.level is not set" in message for message in found) == 1
    assert notes(text) == []


def test_p303_hint_says_when_the_session_fits():
    text = plan("2026-11-24 tempo 20min", "2026-11-26 tempo 20min", "2026-11-28 tempo 20min")
    assert [d.hint for d in findings(text) if d.code == CODE] == [
        "make tempo 20 min an easy run, or move it to Tue 2026-12-01 or later"
    ]
