"""S201 no-warmup: edge cases beyond its docstring examples."""

from __future__ import annotations

import re

import pytest

from .helpers import TEMPO, P, block, codes, findings, limit_cases_test, plan, rules, workout_cases_test

CODE = "S201"

WORKOUT_CASES = [
    # S201: easy running before the hard part; strides and unknown lengths
    (block("tempo", "warmup 15min", TEMPO, "cooldown 10min"), P, []),
    (block("tempo", "warmup lap", TEMPO, "cooldown 10min"), P, []),
    (
        block("tempo", "warmup 2km", TEMPO, "cooldown 10min"),
        P,
        ["the first hard step comes after only 11 min of easy running"],
    ),
    (block("tempo", "warmup 3km", TEMPO, "cooldown 10min"), P, []),  # 16.75 min at the easy pace
    (block("tempo", "warmup 2km", TEMPO, "cooldown 10min"), "", []),  # unknown length: passes
    (block("tempo", "warmup 2km pace 6:00/km", TEMPO, "cooldown 10min"), "", ["only 12 min"]),
    (block("tempo", "warmup 3km pace 6:00/km", TEMPO, "cooldown 10min"), "", []),
    (block("tempo", "warmup 10min", "strides 4x20s", TEMPO, "cooldown 10min"), P, ["only 10 min"]),
    (block("tempo", "warmup 15min", "strides 4x20s", TEMPO, "cooldown 10min"), P, []),
    (block("tempo", "warmup 10min", "run 5min hr<=z2", TEMPO), P, []),
    (block("tempo", "warmup 5min", "run 10min", "run 20min hr z4"), P, []),  # untargeted counts
    (block("tempo", TEMPO, "cooldown 10min"), P, ["the first hard step comes after no easy running"]),
    (block("tempo", "warmup 10min", TEMPO), rules("S201 = { min_minutes = 10 }"), []),
    (block("tempo", "warmup 15min", TEMPO), rules("S201 = { min_minutes = 20 }"), ["only 15 min"]),
    (
        block("intervals", "warmup 5min", "6x", "  run 400m", "  recover 200m"),
        P,
        ["the first repeat comes after only 5 min of easy running"],
    ),
    (block("easy", "warmup 5min", "run 20min hr z4", "cooldown 10min"), P, []),  # an easy run: S206 says run it easy
    (block("easy", "warmup 5min", "run 20min hr z3", "cooldown 10min"), P, []),  # zone 3: not quality
    ("tempo 20min pace 4:15/km\n", P, ["a one-line tempo session starts on its hard step, with no warm-up"]),
    ("tempo 20min\n", P, []),  # untargeted one line: no known shape (training.hard_part)
    ("tempo 20min pace 4:15/km\n", rules("S201 = { min_minutes = 0 }"), []),
    # a race is not judged, whatever its warm-up
    ("race 42.2km pace 4:50/km\n", P, []),
    (block("race", "warmup 5min", "run 42.2km pace 4:50-5:00/km"), P, []),
    (block("race", "run 5km pace 3:50/km"), P, []),
]


test_workout_rule = workout_cases_test(CODE, WORKOUT_CASES)


def hint_of(text: str, profile: str = P) -> str:
    [finding] = [d for d in findings(text, profile) if d.code == CODE]
    return finding.hint or ""


def test_the_hint_names_the_minutes_to_add():
    hint = hint_of(block("tempo", "warmup 5min", TEMPO), rules("S201 = { min_minutes = 20 }"))
    assert hint == "make the easy running before it 20 min or more, like `warmup 20min hr<=z2`"


@pytest.mark.parametrize(
    "text, lines",
    [
        (
            "tempo 20min pace 4:15-4:25/km\n",
            ['workout "example" tempo', "warmup 15min hr<=z2", "run 20min pace 4:15-4:25/km", "cooldown 10min hr<=z2"],
        ),
        (
            'workout "Thu" threshold 20min pace threshold strides 4x20s "steady" # a named one-liner\n',
            [
                'workout "Thu" threshold',
                "warmup 15min hr<=z2",
                'run 20min pace threshold "steady"',
                "strides 4x20s/1min",
                "cooldown 10min hr<=z2",
            ],
        ),
    ],
)
def test_a_one_line_session_gets_its_block_form_spelled_out(text, lines):
    hint = hint_of(text)
    assert hint.startswith("it has no room for one: write it as a block")
    assert re.findall(r"`([^`]+)`", hint) == lines


@pytest.mark.parametrize(
    "text",
    ["tempo 20min pace 4:15/km\n", "intervals 40min hr z4 strides 4x20s\n", plan("2026-11-24 tempo 30min hr z3")],
)
def test_following_the_one_line_hint_clears_s201_and_s202(text):
    header, *steps = re.findall(r"`([^`]+)`", hint_of(text))
    rewritten = "\n  ".join([header, *steps]) + "\n"
    assert codes(rewritten) & {"S201", "S202"} == set()


# the message never shows the limit itself as the value past it
LIMIT_CASES = [
    (block("tempo", "warmup 14min59s", TEMPO, "cooldown 10min"), P, "only 15 min of easy running"),
]


test_messages_never_show_the_limit_as_the_offending_value = limit_cases_test(CODE, LIMIT_CASES)


def test_an_easy_or_long_run_with_a_hard_target_is_left_to_s206():
    from .helpers import P, findings

    for text in ("easy 60min hr z4\n", "long 2h30min pace 4:10/km\n", 'workout "E" easy\n  run 40min hr z4\n'):
        codes = [d.code for d in findings(text, P)]
        assert "S201" not in codes and "S202" not in codes and "S206" in codes, (text, codes)
