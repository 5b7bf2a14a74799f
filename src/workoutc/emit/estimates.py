"""How long each step of a workout lasts and how far it goes, as the pages estimate it,
in its sport's terms: a run's distance at its pace target or the athlete's easy pace
(check/training.py), a ride's at its speed target only, a swim's from its pace per 100
and its pool, and a swimmer's send-off as the repetition's whole time. A running pace
never times a ride or a swim; what cannot be told is None."""

from __future__ import annotations

from ..check.training import step_metres, step_seconds
from ..model import (
    FOOT_SPORTS,
    Distance,
    Intensity,
    Lengths,
    Pool,
    SendOff,
    Step,
    Time,
    Workout,
    expanded_steps,
)
from ..units import PACE_UNITS, SPEED_UNITS

Estimate = tuple[Step, float | None, float | None]  # a step, its seconds, its metres


def estimates(workout: Workout, athlete) -> list[Estimate]:
    """Every step as the athlete meets it (repeats expanded), with its seconds and metres."""
    steps = list(expanded_steps(workout.steps))
    if workout.sport in FOOT_SPORTS:
        return [(step, step_seconds(step, athlete), step_metres(step, athlete)) for step in steps]
    found: list[Estimate] = []
    for step in steps:
        if isinstance(step.duration, SendOff):
            found.append(_send_off(step, found))
        else:
            found.append((step, *_other_sport(step, workout.pool)))
    return found


def _other_sport(step: Step, pool: Pool | None) -> tuple[float | None, float | None]:
    """(seconds, metres) of a ride's, swim's or other sport's step: at its own speed or
    pace target only; a rest goes nowhere."""
    speed = step_speed(step)
    duration = step.duration
    metres = _step_distance(step, pool)
    if isinstance(duration, Time):
        resting = step.intensity is Intensity.REST
        return duration.seconds, 0.0 if resting else (None if speed is None else duration.seconds * speed)
    if metres is not None:
        return (None if speed is None else metres / speed), metres
    return None, 0.0 if step.intensity is Intensity.REST else None


def _step_distance(step: Step, pool: Pool | None) -> float | None:
    if isinstance(step.duration, Distance):
        return step.duration.metres
    if isinstance(step.duration, Lengths) and pool is not None:
        return step.duration.count * pool.metres
    return None


def _send_off(step: Step, before: list[Estimate]) -> Estimate:
    """A send-off rest lasts what is left of the repetition after the swim before it;
    when the swim's time is unknown the swim is given the whole repetition."""
    assert isinstance(step.duration, SendOff)
    whole = step.duration.seconds
    if before and before[-1][1] is None:
        swim, _, metres = before[-1]
        before[-1] = (swim, whole, metres)
        return step, 0.0, 0.0
    swum = before[-1][1] if before else 0.0
    return step, max(0.0, whole - (swum or 0.0)), 0.0


def step_speed(step: Step) -> float | None:
    """Metres per second at the middle of the step's speed or pace target, if it has one."""
    for target in step.targets:
        if target.low is None or target.high is None or target.unit is None:
            continue
        if target.metric == "speed" and target.unit in SPEED_UNITS:
            return (target.low + target.high) / 2 * SPEED_UNITS[target.unit]
        if target.metric == "pace" and target.unit[2:] in PACE_UNITS and target.low > 0:
            return PACE_UNITS[target.unit[2:]] / ((target.low + target.high) / 2)
    return None
