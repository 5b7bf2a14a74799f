"""S204 target-too-narrow: edge cases beyond its docstring examples."""

from __future__ import annotations

from .helpers import P, block, findings, limit_cases_test, notes, rules, workout_cases_test

CODE = "S204"

WORKOUT_CASES = [
    # S204: pace per km (also for /mi), heart rate in bpm (% converted with max_hr)
    ("easy 30min pace 5:30-5:35/km\n", P, []),
    ("easy 30min pace 5:30-5:34/km\n", P, ["a pace window of 4 s/km is narrower than 5 s/km"]),
    ("easy 30min pace 5:30/km\n", P, []),  # a single value is a 10 s window
    ("easy 30min pace 8:50-8:59/mi\n", P, []),  # 9 s/mi = 5.6 s/km
    ("easy 30min pace 8:50-8:55/mi\n", P, ["a pace window of 3 s/km"]),
    ("easy 30min pace 5:30-5:34/km\n", rules("S204 = { min_pace_seconds = 3 }"), []),
    ("easy 30min pace 5:30-5:40/km\n", rules("S204 = { min_pace_seconds = 12 }"), ["10 s/km is narrower than 12 s/km"]),
    ("easy 30min hr 130-135bpm\n", P, []),
    ("easy 30min hr 130-134bpm\n", "", ["a heart-rate window of 4 bpm is narrower than 5 bpm"]),
    ("easy 30min hr 130-133bpm\n", rules("S204 = { min_bpm = 3 }"), []),
    ("easy 30min hr 65-67%\n", P, ["a heart-rate window of 4 bpm"]),  # 2 % of 188
    ("easy 30min hr 65-68%\n", "[athlete]\nmax_hr = 170\n", []),  # 5.1 bpm
    ("easy 30min hr 65-68%\n", "[athlete]\nmax_hr = 150\n", ["a heart-rate window of 4 bpm"]),
    ("easy 30min hr 65-67%\n", "", []),  # 2-5 bpm depending on max_hr: not judged
    ("easy 30min hr 65-70%\n", "", []),  # at least 5 bpm for any max_hr
    ("easy 30min hr 65-66%\n", "", ["a heart-rate window of 2 bpm"]),  # narrow for any max_hr
    ("easy 30min hr z2\n", P, []),
    ("easy 30min cadence 170-171spm power 200-201W\n", P, []),
    (
        block("easy", "run 10min hr 130-131bpm", "3x", "  run 1min pace 4:00-4:01/km", "  recover 1min"),
        P,
        ["1 bpm", "1 s/km"],
    ),
]


test_workout_rule = workout_cases_test(CODE, WORKOUT_CASES)


def test_hints_name_the_width_to_widen_to():
    found = [d.hint for d in findings("easy 30min pace 5:30-5:32/km hr 130-132bpm\n", rules("S204 = { min_bpm = 6 }"))]
    assert found == [
        "widen it to 5 s/km or more: GPS pace wobbles, and the watch alerts on every wobble",
        "widen it to 6 bpm or more: heart rate drifts a few beats either way",
    ]


# the message never shows the limit itself as the value past it
LIMIT_CASES = [
    ("easy 30min pace 8:50-8:58/mi\n", P, "5 s/km is narrower than 5 s/km"),
    ("easy 30min hr 65-68%\n", "[athlete]\nmax_hr = 160\n", "5 bpm is narrower than 5 bpm"),
]


test_messages_never_show_the_limit_as_the_offending_value = limit_cases_test(CODE, LIMIT_CASES)


# regression: a bug these tests found, now fixed
def test_s204_decided_percent_window_gives_no_missing_note():
    assert notes("easy 30min hr 65-66%\n") == []
