"""How long each step of a workout lasts and how far it goes, as the pages show it.

The times are the checker's (check/estimates.py: a distance at the step's own pace or
speed target, a run's also at the athlete's easy pace, a swimmer's send-off as the
repetition's whole time); the pages add only that a rest in another sport than running
goes nowhere, so a swim's or ride's distance is what was swum or ridden. What cannot
be told is None.
"""

from __future__ import annotations

from ..check.estimates import step_distance, step_metres, step_times
from ..model import FOOT_SPORTS, Intensity, SendOff, Step, Workout

Estimate = tuple[Step, float | None, float | None]  # a step, its seconds, its metres


def estimates(workout: Workout, athlete) -> list[Estimate]:
    """Every step as the athlete meets it (repeats expanded), with its seconds and metres."""
    return [(step, seconds, _metres(step, athlete, workout)) for step, seconds in step_times(workout, athlete)]


def _metres(step: Step, athlete, workout: Workout) -> float | None:
    resting = step.intensity is Intensity.REST or isinstance(step.duration, SendOff)
    if resting and workout.sport not in FOOT_SPORTS:
        return step_distance(step, workout) or 0.0
    return step_metres(step, athlete, workout)
