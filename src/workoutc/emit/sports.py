"""Each sport's words on the pages: what a workout's sport and sub-sport are called
(`strength`, `cycling · indoor cycling`), what a step is called (`ride`, `swim ·
freestyle · with fins`, `goblet squat`), and an exercise's weight. Everything here reads
FIT's own lower-case names (model.py) and words them for people."""

from __future__ import annotations

from typing import NamedTuple

from ..fit import exercises
from ..language.vocabulary import SPORT_WORD_OF  # strength and cardio: FIT's training by its sub-sport
from ..model import Exercise, Intensity, Step, Workout

# A work step (intensity active) by sport: what the athlete does.
ACTIVE_WORDS = {
    "running": "run",
    "cycling": "ride",
    "swimming": "swim",
    "walking": "walk",
    "hiking": "hike",
    "rowing": "row",
    "training": "work",
}
STEP_WORDS = {
    Intensity.WARMUP: "warm-up",
    Intensity.RECOVERY: "recover",
    Intensity.REST: "rest",
    Intensity.COOLDOWN: "cool-down",
    Intensity.INTERVAL: "interval",
    Intensity.OTHER: "other",
}
STROKE_WORDS = {
    "im": "IM",
    "im_by_round": "IM by round",
    "rimo": "reverse IM",
}
EQUIPMENT_WORDS = {
    "swim_fins": "fins",
    "swim_kickboard": "kickboard",
    "swim_paddles": "paddles",
    "swim_pull_buoy": "pull buoy",
    "swim_snorkel": "snorkel",
}


def fit_words(name: str) -> str:
    """FIT's lower-case name in words: `indoor_cycling` -> `indoor cycling`."""
    return name.replace("_", " ")


def sport_label(workout: Workout) -> str:
    """The sport in one word or two: `running`, `cycling`, `strength`, `cardio`."""
    if workout.sport == "training" and workout.sub_sport in SPORT_WORD_OF:
        return SPORT_WORD_OF[workout.sub_sport]
    return fit_words(workout.sport)


def sport_words(workout: Workout) -> str:
    """The header's sport: `running`, `cycling · indoor cycling`, `swimming · 25 m pool`."""
    parts = [sport_label(workout)]
    if workout.sub_sport and workout.sub_sport not in SPORT_WORD_OF and workout.sub_sport != "generic":
        parts.append(fit_words(workout.sub_sport))
    if workout.pool is not None:
        parts.append(pool_words(workout))
    return " \u00b7 ".join(parts)


def header_words(workout: Workout) -> str:
    """The header's sport beside the badge (kind_words), not saying its sport twice:
    `running`, `lap swimming · 25 m pool`, `cycling · road`, or nothing for strength."""
    parts = sport_words(workout).split(" \u00b7 ")
    badge = kind_words(workout)
    said = badge == parts[0] or badge.endswith(" " + parts[0])  # `cycling`, `long cycling`
    return " \u00b7 ".join(parts[1:] if said else parts)


def pool_words(workout: Workout) -> str:
    """`25 m pool`, `25 yd pool`; empty without a pool."""
    pool = workout.pool
    if pool is None:
        return ""
    length = pool.metres if pool.unit == "m" else pool.metres / 0.9144
    return f"{length:g} {pool.unit} pool" if length == round(length, 2) else f"{length:.2f} {pool.unit} pool"


def kind_words(workout: Workout) -> str:
    """The badge: a run's kind (`tempo`, or `workout`); another sport's kind and sport
    (`easy cycling`), or its sport alone (`swimming`, `strength`)."""
    if workout.sport == "running":
        return workout.kind or "workout"
    sport = sport_label(workout)
    return f"{workout.kind} {sport}" if workout.kind else sport


def exercise_label(category: str, name: str | None) -> str:
    """An exercise in words: fit/exercises.py's `label` once it has one, else FIT's names
    as words (the name within the category, or the category alone)."""
    label = getattr(exercises, "label", None)
    if label is not None:
        return label(category, name)
    return fit_words(name or category)


class ExerciseWords(NamedTuple):
    label: str  # `goblet squat`
    weight: str  # `16 kg`, or empty


def exercise_words(exercise: Exercise) -> ExerciseWords:
    """An exercise's label and the weight lifted (`60 kg`, `135 lb`)."""
    weight = "" if exercise.weight is None else f"{exercise.weight:g} {exercise.weight_unit}"
    return ExerciseWords(exercise_label(exercise.category, exercise.name), weight)


def step_word(step: Step, sport: str = "running") -> str:
    """What a step is called in a table: `warm-up`, `stride`, `jog`, `ride`, `squat`,
    `swim · drill · with fins`."""
    if step.stride:
        return "stride" if step.intensity is Intensity.ACTIVE else "jog"
    if step.exercise is not None:
        word = exercise_words(step.exercise).label
    elif step.intensity is Intensity.ACTIVE:
        word = ACTIVE_WORDS.get(sport, "active")
    else:
        word = STEP_WORDS[step.intensity]
    return " \u00b7 ".join([word, *swim_words(step)])


def swim_words(step: Step) -> list[str]:
    """A swim step's stroke and equipment: [`freestyle`, `with fins`]."""
    words = []
    if step.stroke is not None:
        words.append(STROKE_WORDS.get(step.stroke, fit_words(step.stroke)))
    if step.equipment is not None:
        words.append("with " + EQUIPMENT_WORDS.get(step.equipment, fit_words(step.equipment)))
    return words
