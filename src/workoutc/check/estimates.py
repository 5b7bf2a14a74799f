"""How long a step lasts and how far it goes, as the checker estimates them, in its
sport's terms.

A distance is timed at the step's own pace or speed target (any sport: a swim's pace
per 100 m, a ride's km/h), else, in a run only, at the middle of the athlete's easy
pace; a ride, swim or walk without one has no known time (the runner's easy pace
never times it). `4len` is that many lengths of the workout's pool. A swimmer's
send-off (`on 1:45`) makes the swim and its rest together last the send-off. Steps the
athlete ends (the lap key, a heart-rate or power condition, a set of reps) are
open-ended by design and count as zero; a calories or training-stress goal has no
honest estimate, and makes the session's length unknown.
"""

from __future__ import annotations

from ..model import (
    Distance,
    LapKey,
    Lengths,
    Reps,
    SendOff,
    Step,
    Time,
    UntilHeartRate,
    UntilPower,
    Workout,
    expanded_steps,
)
from .memo import per_workout
from .sports import RUNNING, own_pace

OPEN_ENDED = (LapKey, UntilHeartRate, UntilPower, Reps)  # the athlete ends them: zero in estimates


def _sport(workout: Workout | None) -> str:
    return RUNNING if workout is None else workout.sport


def step_pace(step: Step, athlete, workout: Workout | None = None) -> float | None:
    """Seconds per metre for timing a step: its pace or speed target, else in a run the
    athlete's easy pace (read only then, so a ride never notes it missing)."""
    pace = own_pace(step)
    if pace is not None or _sport(workout) != RUNNING:
        return pace
    easy = athlete.easy_pace
    return sum(easy) / 2 / 1000 if easy else None


def step_distance(step: Step, workout: Workout | None = None) -> float | None:
    """The metres a step's duration is written in: a distance, or lengths of the pool."""
    if isinstance(step.duration, Distance):
        return step.duration.metres
    if isinstance(step.duration, Lengths) and workout is not None and workout.pool is not None:
        return step.duration.count * workout.pool.metres
    return None


def step_seconds(step: Step, athlete, workout: Workout | None = None) -> float | None:
    """How long a step lasts; None for open-ended steps, goals of calories or training
    stress, send-offs (see `step_times`) and distances with no known pace."""
    if isinstance(step.duration, Time):
        return step.duration.seconds
    metres = step_distance(step, workout)
    if metres is None:
        return None
    pace = step_pace(step, athlete, workout)
    return None if pace is None else metres * pace


def step_metres(step: Step, athlete, workout: Workout | None = None) -> float | None:
    """How far a step goes; None when it cannot be told."""
    metres = step_distance(step, workout)
    if metres is not None:
        return metres
    if isinstance(step.duration, Time):
        pace = step_pace(step, athlete, workout)
        return None if pace is None else step.duration.seconds / pace
    return None


def total(nodes, measure, athlete, workout: Workout | None = None) -> tuple[float, bool]:
    """(sum of known values, whether every step was known) over the expanded steps."""
    known, complete = 0.0, True
    for step in expanded_steps(nodes):
        value = measure(step, athlete, workout)
        if value is None:
            complete = False
        else:
            known += value
    return known, complete


def step_times(workout: Workout, athlete) -> list[tuple[Step, float | None]]:
    """Every step as met, with its seconds. A send-off's rest lasts what is left of the
    repetition after the swim before it; a swim of unknown time is given the whole
    repetition and its rest none."""
    times: list[tuple[Step, float | None]] = []
    for step in expanded_steps(workout.steps):
        if not isinstance(step.duration, SendOff):
            times.append((step, step_seconds(step, athlete, workout)))
            continue
        whole = step.duration.seconds
        if times and times[-1][1] is None:
            times[-1] = (times[-1][0], whole)
            times.append((step, 0.0))
        else:
            swum = times[-1][1] if times else 0.0
            times.append((step, max(0.0, whole - (swum or 0.0))))
    return times


@per_workout
def timeable(workout: Workout, athlete) -> bool:
    """Whether the session's length is known: every step timed, or open-ended by design.

    A distance without a pace is a missing profile value (in a run) or unknown (a ride
    or swim without a speed or pace target); a calories or TSS goal is unknown.
    """
    times = step_times(workout, athlete)
    return all(seconds is not None or isinstance(step.duration, OPEN_ENDED) for step, seconds in times)


@per_workout
def workout_seconds(workout: Workout, athlete) -> float:
    """Estimated time; open-ended steps and steps of unknown length count as zero."""
    return sum(seconds or 0.0 for _, seconds in step_times(workout, athlete))
