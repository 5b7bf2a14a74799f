"""Every exercise of FIT's catalogue, and every category alone, written as the printer
writes it, reads back as the same exercise through the real grammar: no category or
name is shadowed by a step keyword (`run`, `row`, `ride`)."""

from __future__ import annotations

from workoutc.diagnostics import Span
from workoutc.fit.exercises import CATEGORIES, entries
from workoutc.language.printer import workout_text
from workoutc.language.source import load_text
from workoutc.model import Exercise, Intensity, Reps, Step, Workout, walk_steps

AT = Span(1, 1, 1, 2)


def _exercises(text: str) -> list[Exercise]:
    loaded = load_text(text, "x.wkt")
    assert loaded.document is not None, [d.message for d in loaded.diagnostics[:3]]
    return [step.exercise for step in walk_steps(loaded.document.workouts[0].steps)]


def _workout(pairs) -> Workout:
    steps = tuple(
        Step(Intensity.ACTIVE, Reps(10), (), None, AT, exercise=Exercise(category, name)) for category, name in pairs
    )
    return Workout("All", None, steps, AT, "", "training", sub_sport="strength_training")


def test_every_exercise_reads_back_from_its_line():
    pairs = [*entries(), *((category, None) for category in CATEGORIES)]
    assert [(e.category, e.name) for e in _exercises(workout_text(_workout(pairs)))] == pairs


def test_categories_that_are_step_keywords_are_written_apart_from_the_steps():
    text = workout_text(_workout([("run", None), ("run", "walk"), ("row", "face_pull"), ("bike", "ride")]))
    assert text.splitlines()[1:] == ["  runs 10", "  run/walk 10", "  row/face-pull 10", "  bike/ride 10"]
