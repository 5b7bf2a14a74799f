"""R102 recovery-too-short: edge cases beyond its docstring examples."""

from __future__ import annotations

from .helpers import RETURNING, P, block, findings, hits, limit_cases_test, plan, rules, workout_cases_test

CODE = "R102"

WORKOUT_CASES = [
    # R102: returning lowers the floor; open-ended or untimed sessions are not judged
    ("recovery 20min hr<z2\n", P, []),
    ("recovery 19min hr<z2\n", P, ["this recovery run lasts 19 min, less than 20 min"]),
    ("recovery 15min hr<z2\n", RETURNING, []),
    ("recovery 14min hr<z2\n", RETURNING, ["lasts 14 min, less than 15 min"]),
    ("recovery 25min hr<z2\n", rules("R102 = { min_minutes = 30 }"), ["lasts 25 min, less than 30 min"]),
    ("recovery 25min hr<z2\n", rules("R102 = { returning_min_minutes = 30 }"), []),  # not returning
    ("recovery 25min hr<z2\n", rules("R102 = { returning_min_minutes = 30 }", RETURNING), ["less than 30 min"]),
    ("recovery 12min hr<z2\n", rules("R102 = { min_minutes = 30, returning_min_minutes = 12 }", RETURNING), []),
    ("recovery lap hr<z2\n", P, []),
    ("recovery until hr<120bpm hr<z2\n", P, []),
    (block("recovery", "run 10min hr<z2", "run lap hr<z2"), P, []),
    ("recovery 2km hr<z2\n", "", []),
    ("recovery 2km hr<z2\n", P, ["lasts 11 min"]),
    ("easy 10min\n", P, []),
    # a shake-out says so in its name or a note; its floor is shakeout_min_minutes
    ('workout "Shake-out" recovery 15min hr<=z2\n', P, []),
    ('workout "Race-week shakeout" recovery 10min hr<=z2\n', P, []),
    ('workout "SHAKE OUT" recovery 9min hr<=z2\n', P, ["this shake-out lasts 9 min, less than 10 min"]),
    ('recovery 15min hr<=z2 "shake-out, then race"\n', P, []),
    (block("recovery", "run 12min hr<=z2", 'strides 4x15s/45s "shakeout strides"'), P, []),  # a note on any step
    ('workout "Shake-out" recovery 15min hr<=z2\n', rules("R102 = { shakeout_min_minutes = 20 }"), ["less than 20"]),
    ('workout "Shaker" recovery 15min hr<=z2\n', P, ["this recovery run lasts 15 min, less than 20 min"]),
    ('workout "Shake-out" easy 5min\n', P, []),
]


test_workout_rule = workout_cases_test(CODE, WORKOUT_CASES)


def test_a_race_week_shake_out_in_a_plan_draws_no_warning():
    week = plan(
        "2026-05-01 easy 30min hr<=z2", '2026-05-02 recovery 15min hr<=z2 "shake-out"', "2026-05-03 race 42.2km"
    )
    assert hits(CODE, week) == []


def test_the_hint_names_the_floor_and_how_to_mark_a_shake_out():
    [finding] = [d for d in findings("recovery 12min hr<=z2\n") if d.code == CODE]
    assert finding.hint == (
        "make it 20 min or longer, or take a rest day; a shake-out before a race? "
        'say so in a note: `recovery 15min hr<=z2 "shake-out"`'
    )


# the message never shows the limit itself as the value past it
LIMIT_CASES = [
    ("recovery 19min59s hr<z2\n", P, "lasts 20 min, less than 20 min"),
]


test_messages_never_show_the_limit_as_the_offending_value = limit_cases_test(CODE, LIMIT_CASES)
