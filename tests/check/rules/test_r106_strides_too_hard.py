"""R106 strides-too-hard: edge cases beyond its docstring examples."""

from __future__ import annotations

import pytest

from .helpers import NOTE, P, block, findings, limit_cases_test, notes, rules, workout_cases_test

CODE = "R106"
REPETITION = P + 'repetition_pace = "3:40/km"\n'

WORKOUT_CASES = [
    # R106: distance strides at stride_seconds_per_100m (20 s) or their pace; jogs at the easy pace
    ("easy 40min hr<=z2 strides 8x30s/60s\n", P, []),
    ("easy 40min hr<=z2 strides 8x31s/62s\n", P, ["strides of 31 s are longer than 30 s"]),
    ("easy 40min hr<=z2 strides 10x20s\n", P, []),
    ("easy 50min hr<=z2 strides 10x100m\n", P, []),  # a published general-aerobic run
    ("easy 40min hr<=z2 strides 11x20s\n", P, ["11 strides are more than 10"]),
    ("easy 40min hr<=z2 strides 9x20s\n", rules("R106 = { max_count = 8 }"), ["9 strides are more than 8"]),
    ("easy 40min hr<=z2 strides 4x20s/40s\n", P, []),
    ("easy 40min hr<=z2 strides 4x20s/39s\n", P, ["a 39 s jog is less than 2x the 20 s stride"]),
    ("easy 40min strides 4x20s/50s\n", rules("R106 = { min_recovery_ratio = 3 }"), ["a 50 s jog is less than 3x"]),
    ("easy 40min strides 4x40s/90s\n", rules("R106 = { max_seconds = 40 }"), []),
    ("easy 40min strides 4x150m\n", P, []),  # 30 s stride, 450 m = 151 s jog
    ("easy 40min strides 4x160m/2min\n", P, ["strides of 32 s are longer than 30 s"]),
    ("easy 40min strides 4x100m/90s\n", rules("R106 = { stride_seconds_per_100m = 35 }"), ["strides of 35 s"]),
    ("easy 40min strides 4x200m/2min pace 3:00/km\n", P, ["strides of 36 s", "strides at 3:00/km are sprints"]),
    ("easy 40min strides 4x100m/100m\n", P, ["a 34 s jog is less than 2x the 20 s stride"]),
    ("easy 40min strides 4x20s/100m\n", P, ["a 34 s jog is less than 2x the 20 s stride"]),
    ("easy 40min strides 4x100m/30s\n", "", ["a 30 s jog is less than 2x the 20 s stride"]),
    ("easy 40min strides 4x20s/100m\n", "", []),  # a jog in metres, no easy pace
    ("easy 40min strides 12x45s/30s\n", P, ["strides of 45 s", "12 strides", "a 30 s jog is less than 2x the 45 s"]),
    (
        block("intervals", "warmup 15min", "2x", "  strides 10x20s", "  recover 2min", "cooldown 10min"),
        P,
        [],
    ),
    (
        block("intervals", "warmup 15min", "2x", "  strides 12x20s", "  recover 2min", "cooldown 10min"),
        P,
        ["12 strides are more than 10"],
    ),
    # pace: the middle of the stride's window, no faster than repetition pace (else T - 35 s/km: 3:35/km)
    ("recovery 30min hr<=z2 strides 6x20s pace 3:00/km\n", P, ["strides at 3:00/km are sprints, faster than 3:35/km"]),
    ("easy 40min strides 6x20s pace 3:35/km\n", P, []),
    ("easy 40min strides 6x20s pace 3:34/km\n", P, ["your threshold pace less 35 s/km"]),
    ("easy 40min strides 6x20s pace 3:20/km\n", rules("R106 = { threshold_margin_seconds = 50 }"), []),
    ("easy 40min strides 6x20s pace 3:40/km\n", REPETITION, []),
    ("easy 40min strides 6x20s pace repetition\n", REPETITION, []),  # R pace itself: 3:35-3:45
    (
        "easy 40min strides 6x20s pace 3:39/km\n",
        REPETITION,
        ["strides at 3:39/km are sprints, faster than your repetition pace (3:40/km)"],
    ),
    (
        "easy 40min strides 6x20s pace 5:50/mi\n",
        REPETITION,
        ["strides at 5:50/mi are sprints, faster than your repetition pace (5:54/mi)"],
    ),
    ("easy 40min strides 6x20s pace 3:00/km\n", "", []),  # no repetition or threshold pace
    ("easy 40min strides 6x20s hr z5\n", P, []),  # only a pace target is judged for speed
    ("recovery 30min hr<=z2 strides 4x15s/45s\n", P, []),
]


test_workout_rule = workout_cases_test(CODE, WORKOUT_CASES)


@pytest.mark.parametrize(
    "text, hint",
    [
        ("easy 40min strides 4x40s/90s\n", "shorten them to 30 s or less"),
        ("easy 40min strides 12x20s\n", "run 10 or fewer; more turns them into a speed session"),
        ("easy 40min strides 4x20s/30s\n", "jog at least 40 s between strides so each one stays relaxed"),
        ("easy 40min strides 4x20s pace 3:00/km\n", "well below race pace: run them at 3:35/km or slower"),
    ],
)
def test_hints_say_what_to_change_to(text, hint):
    [finding] = [d for d in findings(text) if d.code == CODE and NOTE not in d.message]
    assert hint in (finding.hint or "") and finding.severity.value == "warning"


def test_sprint_strides_without_a_repetition_pace_note_it_once():
    assert notes("easy 40min strides 4x20s pace 3:00/km\n", P) == [
        "athlete.repetition_pace is not set, so R106 skipped part of its checks"
    ]
    assert notes("easy 40min strides 4x20s\n", P) == []  # no pace target: nothing asked for


# the message never shows the limit itself as the value past it
LIMIT_CASES = [
    ("easy 40min strides 4x151m/2min\n", P, "strides of 30 s are longer than 30 s"),
    ("easy 40min strides 4x20s pace 3:39.8/km\n", REPETITION, "strides at 3:40/km"),
]


test_messages_never_show_the_limit_as_the_offending_value = limit_cases_test(CODE, LIMIT_CASES)
