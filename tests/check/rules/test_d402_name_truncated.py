"""D402 name-truncated: edge cases beyond its docstring examples."""

from __future__ import annotations

from .helpers import P, device, hits, plan, workout_cases_test

CODE = "D402"

WORKOUT_CASES = [
    # D402: bytes of UTF-8, cut between characters
    ('workout "Sixteen bytes ok" easy 30min\n', P, []),
    ('workout "Seventeen bytes x" easy 30min\n', P, ['the watch shows this name as "Seventeen bytes "']),
    ('workout "Track" easy 30min\n', device("name_bytes = 5"), []),
    ('workout "Track!" easy 30min\n', device("name_bytes = 5"), ['as "Track"']),
    ('workout "Séance piste" easy 30min\n', P, []),  # 13 bytes
    ('workout "Séances piste xx" easy 30min\n', P, ['as "Séances piste x"']),  # 16 characters, 17 bytes
    ('workout "日本語のワークアウト" easy 30min\n', P, ['as "日本語のワ"']),  # 15 of 30 bytes
    ('workout "🏃🏃🏃🏃🏃" easy 30min\n', P, ['as "🏃🏃🏃🏃"']),
    ('workout "Sé" easy 30min\n', device("name_bytes = 2"), ['as "S"']),
    ('workout "ab日" easy 30min\n', device("name_bytes = 4"), ['as "ab"']),
]


test_workout_rule = workout_cases_test(CODE, WORKOUT_CASES)


# regression: a bug these tests found, now fixed
def test_d402_generated_plan_session_names_fit_the_watch():
    assert hits("D402", plan("2026-11-26 07:00 recovery 30min hr<z2")) == []
