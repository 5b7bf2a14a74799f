"""fit/exercises.py: codes and names, the words people write, and the shortest spelling."""

from __future__ import annotations

import re

import pytest

from workoutc.fit.exercises import (
    ALIASES,
    CATEGORIES,
    INVALID,
    OWNERS,
    UnknownExercise,
    codes,
    entries,
    label,
    lookup,
    names,
    written,
)
from workoutc.fit.values import Unsupported

WORD = re.compile(r"[^\W\d_][\w-]*")  # the language's word token
ALL = entries()


def test_every_entry_is_written_so_that_it_reads_back():
    for category, name in ALL:
        spelling = written(category, name)
        assert lookup(spelling) == (category, name), spelling
        assert lookup(spelling.upper().replace("-", "_")) == (category, name), spelling


def test_every_spelling_is_made_of_language_words():
    for category, name in ALL:
        first, _, rest = written(category, name).partition("/")
        assert WORD.fullmatch(first), (category, name)
        assert not rest or WORD.fullmatch(rest) or (name and name[0].isdigit()), (category, name)


def test_the_names_starting_with_a_digit_are_written_after_their_category():
    digits = {written(category, name) for category, name in ALL if name and name[0].isdigit()}
    assert digits == {
        "calf-raise/3-way-calf-raise",
        "calf-raise/3-way-weighted-calf-raise",
        "calf-raise/3-way-single-leg-calf-raise",
        "calf-raise/3-way-weighted-single-leg-calf-raise",
        "lateral-raise/45-degree-cable-external-rotation",
        "plank/45-degree-plank",
        "plank/90-degree-static-hold",
        "pull-up/30-degree-lat-pulldown",
        "shoulder-stability/90-degree-cable-external-rotation",
    }


def test_the_shortest_spelling():
    assert written("squat", None) == "squat"
    assert written("bench_press", None) == "bench-press"
    assert written("squat", "goblet_squat") == "goblet-squat"
    assert written("suspension", "chest_press") == "suspension/chest-press"  # in three categories
    assert written("squat", "squat") == "squat/squat"  # the word alone is the category
    assert written("run", "run") == "run/run"


def test_codes_and_names_are_inverses():
    for category, name in ALL:
        assert names(*codes(category, name)) == (category, name)
    assert codes("squat", None) == (28, INVALID)
    assert names(28, None) == ("squat", None)


def test_known_codes():
    assert codes("bench_press", "barbell_bench_press") == (0, 1)
    assert codes("plank", "45_degree_plank") == (19, 0)


@pytest.mark.parametrize("raw", [(48, None), (999, 0), (28, 999), (0, 60000)])
def test_codes_the_catalogue_lacks_are_unsupported(raw):
    with pytest.raises(UnknownExercise) as caught:
        names(*raw)
    assert isinstance(caught.value, Unsupported) and isinstance(caught.value, ValueError)


@pytest.mark.parametrize("pair", [("squats", None), ("squat", "chest_press"), ("nope", "x")])
def test_codes_refuse_names_outside_the_catalogue(pair):
    with pytest.raises(UnknownExercise):
        codes(*pair)


@pytest.mark.parametrize(
    ("word", "meant"),
    [
        ("squat", ("squat", None)),
        ("Bench-Press", ("bench_press", None)),
        ("bench_press", ("bench_press", None)),
        ("pull-up", ("pull_up", None)),
        ("goblet-squat", ("squat", "goblet_squat")),
        ("GOBLET_SQUAT", ("squat", "goblet_squat")),
        ("squat/goblet-squat", ("squat", "goblet_squat")),
        ("barbell-back-squat", ("squat", "barbell_back_squat")),
        ("romanian-deadlift", ("deadlift", "romanian_deadlift")),
        ("plank/45-degree-plank", ("plank", "45_degree_plank")),
        ("suspension/squat", ("suspension", "squat")),
        ("bench/barbell-bench-press", ("bench_press", "barbell_bench_press")),
    ],
)
def test_lookup(word, meant):
    assert lookup(word) == meant


@pytest.mark.parametrize(
    ("word", "category"),
    [
        ("bench", "bench_press"),
        ("PushUp", "push_up"),
        ("pull-ups", "pull_up"),
        ("pullup", "pull_up"),
        ("situp", "sit_up"),
        ("squats", "squat"),
        ("lunges", "lunge"),
    ],
)
def test_aliases(word, category):
    assert lookup(word) == (category, None)


def test_aliases_stand_for_categories_and_shadow_nothing():
    for alias, category in ALIASES.items():
        assert category in CATEGORIES
        assert alias not in CATEGORIES and alias not in OWNERS, alias


def test_a_name_in_several_categories_lists_the_spellings():
    with pytest.raises(UnknownExercise) as caught:
        lookup("chest-press")
    error = caught.value
    assert error.message == "`chest-press` is an exercise of 3 categories: `banded-exercises`, `sled` and `suspension`"
    assert error.hint == "write `banded-exercises/chest-press` or `sled/chest-press` or `suspension/chest-press`"


def test_every_ambiguous_name_is_refused_with_spellings_that_work():
    ambiguous = [name for name, owners in OWNERS.items() if len(owners) > 1 and name not in CATEGORIES]
    assert ambiguous
    for name in ambiguous:
        with pytest.raises(UnknownExercise) as caught:
            lookup(name)
        spellings = re.findall(r"`([^`]+)`", caught.value.hint or "")
        assert sorted(lookup(s) for s in spellings) == sorted((c, name) for c in OWNERS[name])


@pytest.mark.parametrize(
    ("word", "message", "hint"),
    [
        ("gobet-squat", "unknown exercise `gobet-squat`", "did you mean `goblet-squat`?"),
        ("Benchpress", "unknown exercise `Benchpress`", "did you mean `bench-press`?"),
        ("sqaut/goblet-squat", "unknown exercise category `sqaut`", "did you mean `squat/goblet-squat`?"),
        (
            "squat/gobletsquat",
            "no exercise `gobletsquat` in the category `squat`",
            "did you mean `squat/goblet-squat`?",
        ),
        (
            "squat/chest-press",
            "no exercise `chest-press` in the category `squat`",
            "write `banded-exercises/chest-press` or `sled/chest-press` or `suspension/chest-press`",
        ),
        (
            "squat/romanian-deadlift",
            "no exercise `romanian-deadlift` in the category `squat`",
            "write `romanian-deadlift`",
        ),
        ("xyzzy", "unknown exercise `xyzzy`", "docs/exercises.md lists FIT's exercises"),
    ],
)
def test_unknown_words_get_a_hint(word, message, hint):
    with pytest.raises(UnknownExercise) as caught:
        lookup(word)
    assert (caught.value.message, caught.value.hint) == (message, hint)
    assert str(caught.value) == message


def test_labels():
    assert label("squat", "goblet_squat") == "goblet squat"
    assert label("bench_press", None) == "bench press"
    assert label("plank", "45_degree_plank") == "45 degree plank"
