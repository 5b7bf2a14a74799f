"""S202 no-cooldown: edge cases beyond its docstring examples."""

from __future__ import annotations

import re

from .helpers import TEMPO, P, block, findings, rules, workout_cases_test

CODE = "S202"

WORKOUT_CASES = [
    # S202: what the session ends on
    (block("tempo", "warmup 15min", TEMPO), P, ["the session ends on its hard part"]),
    (block("tempo", "warmup 15min", TEMPO, "run 5min"), P, []),
    (block("tempo", "warmup 15min", TEMPO, "recover 5min"), P, []),
    (block("tempo", "warmup 15min", TEMPO, "strides 4x20s"), P, []),  # strides are not the hard part
    (
        block("intervals", "warmup 15min", "6x", "  run 400m pace 3:30-3:40/km", "  recover 200m", "run 10min hr<=z2"),
        P,
        [],
    ),
    (block("easy", "warmup 15min", "run 20min hr z4"), P, []),  # an easy run: S206 says run it easy
    (block("easy", "warmup 15min", "run 20min hr z3"), P, []),
    ("intervals 40min hr z4\n", P, ["a one-line intervals session ends on its hard step, with no cool-down"]),
    ("intervals 40min hr z4 strides 4x20s\n", P, []),
    ("intervals 40min\n", P, []),
    # a race is not judged
    ("race 42.2km pace 4:50/km\n", P, []),
    (block("race", "warmup 10min", "run 10km pace 3:55-4:05/km"), P, []),
]


test_workout_rule = workout_cases_test(CODE, WORKOUT_CASES)


def hint_of(text: str, profile: str = P) -> str:
    [finding] = [d for d in findings(text, profile) if d.code == CODE]
    return finding.hint or ""


def test_a_one_line_session_gets_the_block_form_with_s201s_warm_up():
    hint = hint_of("tempo 20min pace 4:15-4:25/km\n", rules("S201 = { min_minutes = 20 }"))
    assert re.findall(r"`([^`]+)`", hint) == [
        'workout "example" tempo',
        "warmup 20min hr<=z2",
        "run 20min pace 4:15-4:25/km",
        "cooldown 10min hr<=z2",
    ]


def test_a_block_gets_a_cool_down_to_add():
    hint = hint_of(block("tempo", "warmup 15min", TEMPO))
    assert hint == "finish with a few easy minutes, like `cooldown 10min hr<=z2` or `cooldown lap`"
