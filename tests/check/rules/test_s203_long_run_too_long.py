"""S203 long-run-too-long: edge cases beyond its docstring examples."""

from __future__ import annotations

from .helpers import ADVANCED, BEGINNER, NOTE, P, block, findings, limit_cases_test, notes, rules, workout_cases_test

CODE = "S203"
DANIELS = rules("S203 = { beginner = 150, intermediate = 150, advanced = 150 }")
NO_LEVEL = '[athlete]\neasy_pace = "5:20-5:50/km"\n'

WORKOUT_CASES = [
    # S203: by level, intermediate (P) 210 min, beginner 240, advanced 210
    ("long 20mi hr<=z2\n", P, []),  # 180 min at the easy pace: mainstream plans' longest run
    ("long 22mi pace 9:30/mi\n", P, []),  # 209 min
    ("long 3h30min hr<=z2\n", P, []),
    ("long 3h31min hr<=z2\n", P, ["this long run lasts 211 min, more than an intermediate runner's 210 min"]),
    ("long 4h hr<=z2\n", BEGINNER, []),
    ("long 4h1min hr<=z2\n", BEGINNER, ["lasts 241 min, more than a beginner's 240 min"]),
    ("long 3h31min hr<=z2\n", ADVANCED, ["more than an advanced runner's 210 min"]),
    ("long 38km hr<=z2\n", P, ["lasts 212 min"]),  # at the easy pace
    ("long 38km hr<=z2\n", "", []),  # no pace to time it
    ("long 30km pace 4:50/km\n", "", []),  # 145 min at its own pace
    ("easy 5h hr<=z2\n", P, []),
    (block("long", "run 3h hr<=z2", "run 40min pace 4:30/km"), P, ["lasts 220 min"]),
    # without a level: only past every level's limit
    ("long 3h50min hr<=z2\n", NO_LEVEL, []),
    ("long 4h10min hr<=z2\n", NO_LEVEL, ["lasts 250 min, more than any level's 240 min"]),
    # Daniels' reading: 150 minutes for everyone
    ("long 2h30min hr<=z2\n", DANIELS, []),
    ("long 20mi hr<=z2\n", DANIELS, ["lasts 180 min, more than an intermediate runner's 150 min"]),
    (
        "long 2h hr<=z2\n",
        rules("S203 = { intermediate = 110 }"),
        ["lasts 120 min, more than an intermediate runner's 110 min"],
    ),
]


test_workout_rule = workout_cases_test(CODE, WORKOUT_CASES)


def test_a_20_mile_long_run_draws_no_warning_and_an_over_long_one_only_a_note():
    assert [d for d in findings("long 20mi hr<=z2\n") if d.code == CODE] == []
    [finding] = [d for d in findings("long 4h hr<=z2\n") if d.code == CODE]
    assert finding.severity.value == "info"
    assert finding.hint == "shorten it to 210 min or less; for more endurance, add a mid-week medium-long run"


def test_the_level_is_asked_for_only_when_it_decides():
    assert notes("long 3h20min hr<=z2\n", NO_LEVEL) == []  # within every level's limit
    assert notes("long 3h40min hr<=z2\n", NO_LEVEL) == ["athlete.level is not set, so S203 skipped part of its checks"]
    assert all(NOTE not in d.message for d in findings("long 3h40min hr<=z2\n") if d.code == CODE)


# the message never shows the limit itself as the value past it
LIMIT_CASES = [
    ("long 3h30min20s hr<=z2\n", P, "lasts 210 min, more than"),
]


test_messages_never_show_the_limit_as_the_offending_value = limit_cases_test(CODE, LIMIT_CASES)
