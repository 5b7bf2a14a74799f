"""P312 session-volume-cap: Daniels' caps on T, I and R running in a session."""

from __future__ import annotations

import pytest

from .helpers import P, findings, plan, rules

CODE = "P312"
PACES = P + 'marathon_pace = "4:25/km"\ninterval_pace = "3:50/km"\nrepetition_pace = "3:35/km"\n'
WEEK = ("2026-11-23 rest", "2026-11-25 easy 8km", "2026-11-27 easy 8km", "2026-11-29 long 12km")


def week_with(count: int, length: str, pace: str, *week: str) -> str:
    session = f'workout "S" intervals\n  warmup 2km\n  {count}x\n    run {length} pace {pace}\n    recover 400m\n'
    return session + "  cooldown 2km\n" + plan('2026-11-24 "S"', *(week or WEEK))


def found(text: str, profile: str = PACES) -> list[tuple[str, str, str | None]]:
    return [(d.severity.value, d.message, d.hint) for d in findings(text, profile) if d.code == CODE]


def test_p312_twelve_by_one_km_at_interval_pace_in_a_forty_km_week():
    assert found(week_with(12, "1km", "3:50/km")) == [
        (
            "warning",
            '"S" (Tue 2026-11-24) runs 12 km at interval pace, 25 % of the 48.8 km of the week of 2026-11-23; '
            "Daniels caps a session at 8 % of the week (3.9 km)",
            "cut it to 3.9 km: 3 x 1 km instead of 12, or run more easy kilometres that week",
        )
    ]


@pytest.mark.parametrize(
    "count, length, pace, expected",
    [
        (3, "1km", "3:50/km", []),  # 3 km of I in a 37 km week: 8 %
        (4, "1km", "3:50/km", [("info", "runs 4 km at interval pace, 11 % of the 37.6 km")]),  # within half again
        (5, "1km", "3:50/km", [("warning", "runs 5 km at interval pace")]),
        (4, "1km", "4:02/km", []),  # threshold pace, 10.5 %: "about" 10 %
        (3, "2km", "4:10/km", [("warning", "runs 6 km at threshold pace, 15 % of the 39.2 km")]),
        (8, "400m", "3:35/km", [("warning", "runs 3.2 km at repetition pace")]),
        (3, "2km", "4:25/km", []),  # marathon pace is not capped
        (4, "1km", "4:18/km", []),  # nearer marathon than threshold pace
    ],
)
def test_p312_each_intensity_has_its_cap(count, length, pace, expected):
    got = found(week_with(count, length, pace))
    assert len(got) == len(expected) and all(
        severity == want and part in message for (severity, message, _), (want, part) in zip(got, expected, strict=True)
    ), got


def test_p312_the_absolute_caps_of_interval_and_repetition_running():
    big_week = ("2026-11-23 rest", *(f"2026-11-{day} easy 30km" for day in (25, 26, 27, 28)), "2026-11-29 long 35km")
    [(_, message, hint)] = found(week_with(12, "1km", "3:50/km", *big_week))
    assert message.endswith("Daniels caps a session at 10 km at most (10 km)")
    assert str(hint).startswith("cut it to 10 km: 10 x 1 km instead of 12")


def test_p312_repetitions_name_their_bouts_in_metres():
    [(_, _, hint)] = found(week_with(12, "400m", "3:35/km"))
    assert str(hint).startswith("cut it to 2.1 km: 5 x 400 m instead of 12")


@pytest.mark.parametrize(
    "text, profile",
    [
        (week_with(12, "1km", "3:50/km", "2026-11-25 easy 8km"), PACES),  # the plan covers 6 days of the week
        (week_with(12, "1km", "3:50/km", "2026-11-23 rest", "2026-11-25 easy 8km", "2026-11-29 long lap"), PACES),
        (week_with(12, "1km", "3:50/km"), P),  # no interval pace: faster than threshold is threshold at most
    ],
)
def test_p312_judges_only_weeks_it_can_measure(text, profile):
    assert [message for _, message, _ in found(text, profile) if "interval pace" in message] == []


def test_p312_caps_can_be_set():
    assert found(week_with(4, "1km", "3:50/km"), rules("P312 = { interval_percent = 12 }", PACES)) == []


def test_p312_does_not_cap_a_race():
    race = 'workout "S" race\n  warmup 2km\n  run 10km pace 3:50/km\n  cooldown 2km\n'
    assert found(race + plan('2026-11-24 "S"', *WEEK)) == []
