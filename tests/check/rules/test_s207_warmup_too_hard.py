"""S207 warmup-too-hard: a hard target on a warm-up or a cool-down."""

from __future__ import annotations

from .helpers import P, block, findings, workout_cases_test

CODE = "S207"
SESSION = ("6x", "  run 800m pace 3:40-3:50/km", "  recover 2min")

WORKOUT_CASES = [
    (block("intervals", "warmup 15min hr z5", *SESSION), P, ["a warm-up at heart-rate zone 5 is hard running"]),
    (block("intervals", "warmup 15min hr z4", *SESSION), P, ["a warm-up at heart-rate zone 4"]),
    (block("intervals", "warmup 15min hr z3", *SESSION), P, []),  # moderate: a warm-up may build
    (block("intervals", "warmup 15min pace 4:05/km", *SESSION), P, ["a warm-up at 4:05/km is hard running"]),
    (block("intervals", "warmup 15min power 95%", *SESSION), P, ["a warm-up at 92-98 % of FTP"]),
    (
        block("intervals", "warmup 15min hr<=z2", *SESSION, "cooldown 10min hr z5"),
        P,
        ["a cool-down at heart-rate zone 5 is hard running"],
    ),
    (block("intervals", "warmup 15min hr<=z2", "strides 4x20s", *SESSION, "cooldown 10min"), P, []),
    (block("easy", "warmup 10min hr z5", "run 30min hr<=z2"), P, ["a warm-up at heart-rate zone 5"]),
    (block("intervals", "warmup 15min hr 170-180bpm", *SESSION), "", []),  # no max HR: cannot tell
]


test_workout_rule = workout_cases_test(CODE, WORKOUT_CASES)


def test_s207_hint_shows_an_easy_step():
    [hint] = [d.hint for d in findings(block("intervals", "warmup 15min hr z5", *SESSION)) if d.code == CODE]
    assert hint == "run the warm-up easy, like `warmup 15min hr<=z2`; strides can follow the warm-up"


def test_a_hard_warm_up_makes_the_session_hard_in_a_plan():
    text = (
        block("easy", "warmup 20min hr z5", "run 30min hr<=z2")
        + 'plan "P"\n  2026-11-24 tempo 20min\n  2026-11-25 "W"\n'
    )
    assert any(d.code == "P301" and "20 min at heart-rate zone 5" in d.message for d in findings(text))
