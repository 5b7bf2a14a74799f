"""How a plan's one-line sessions are named: by kind and date, unique within their file,
with the year (date first) once the file's sessions fall in more than one year; and the
hint of a name given twice."""

from __future__ import annotations

import pytest

from workoutc.model import KINDS, truncate_utf8

from ..helpers import document, error


def session_names(text: str) -> list[str]:
    return [entry.workout.name for plan in document(text).plans for entry in plan.entries if entry.workout]


def test_sessions_of_one_year_are_named_by_kind_and_day():
    text = 'plan "P"\n  2026-11-25 recovery 30min\n  2026-11-26 07:00 easy 45min\n  2026-11-28 rest\n'
    assert session_names(text) == ["recovery 11-25", "easy 11-26"]


def test_a_second_session_of_a_kind_on_a_day_is_numbered_across_the_plans_of_a_file():
    text = 'plan "A"\n  2026-11-26 easy 45min\n  2026-11-26 easy 20min\nplan "B"\n  2026-11-26 easy 30min\n'
    assert session_names(text) == ["easy 11-26", "easy 11-26 2", "easy 11-26 3"]


def test_sessions_of_several_years_carry_the_year_date_first():
    text = 'plan "P"\n  2026-03-14 easy 40min\n  2027-03-14 easy 40min\n  2027-03-15 rest\n'
    assert session_names(text) == ["2026-03-14 easy", "2027-03-14 easy"]


def test_the_years_of_every_plan_in_the_file_count_together():
    text = 'plan "This year"\n  2026-03-14 easy 40min\nplan "Next year"\n  2027-03-14 easy 30min\n'
    assert session_names(text) == ["2026-03-14 easy", "2027-03-14 easy"]


def test_a_plan_over_new_year_carries_the_year():
    text = 'plan "P"\n  2026-12-30 recovery 30min\n  2027-01-02 long 1h30min\n'
    assert session_names(text) == ["2026-12-30 recovery", "2027-01-02 long"]


def test_a_rest_day_in_another_year_does_not_count():
    text = 'plan "P"\n  2026-12-30 recovery 30min\n  2027-01-02 rest\n'
    assert session_names(text) == ["recovery 12-30"]


def test_a_watch_showing_16_bytes_still_tells_every_day_and_kind_apart():
    days = [f"2026-12-{day}" for day in (28, 29, 30, 31)] + ["2027-01-01"]
    lines = [f"  {day} {kind} 30min" for day in days for kind in KINDS]
    names = session_names('plan "P"\n' + "\n".join(lines) + "\n")
    shown = {truncate_utf8(name, 16) for name in names}
    assert len(shown) == len(names) == len(days) * len(KINDS)
    assert all(len(name.encode()) <= 22 for name in names)  # `2026-12-28 progression`


def test_a_workout_with_a_sessions_name_is_an_error_saying_how_sessions_are_named():
    found = error('workout "easy 03-14"\n  run 1km\nplan "P"\n  2026-03-14 easy 30min\n')
    assert (found.code, found.span.line, found.message) == ("E005", 4, 'a second workout named "easy 03-14"')
    assert found.hint == "a plan's one-line session is named by its kind and date: rename the workout at line 1"


def test_the_sessions_name_carries_the_year_when_the_file_spans_years():
    text = 'workout "easy 03-14"\n  run 1km\nplan "P"\n  2026-03-14 easy 30min\n  2027-03-14 easy 30min\n'
    assert [w.name for w in document(text).all_workouts()] == ["easy 03-14", "2026-03-14 easy", "2027-03-14 easy"]


@pytest.mark.parametrize(
    "text, hint",
    [
        (
            'workout "A" easy 30min\nworkout "a" easy 20min\n',
            "the first is at line 1; names must be unique within a file",
        ),
        (
            'easy 30min\nworkout "test"\n  run 1km\n',
            "the first is at line 1; names must be unique within a file; "
            "the one-line session at line 1 is named after its file",
        ),
        (
            "easy 30min\neasy 20min\n",
            "the first is at line 1; names must be unique within a file; a one-line session is named after its file",
        ),
    ],
)
def test_the_hint_says_where_a_name_that_was_not_written_comes_from(text, hint):
    found = error(text)
    assert (found.code, found.hint) == ("E005", hint)
