"""Training load: how hard each step is on the heart-rate zone scale (about 1-5), a
session's load in zone-weighted minutes (the plan page's charts and daily load bars),
and Foster's weekly monotony (plan rule P313).
"""

from __future__ import annotations

from statistics import fmean, pstdev

from ..model import Intensity, Step, Target, Workout
from ..units import HR_ZONE_BOUNDS
from .estimates import step_times
from .memo import per_workout
from .sports import RUNNING, judges_pace
from .training import hr_percent, pace_per_km, power_percent
from .zones import power_zone_percent

# Without a target a step's level follows its intensity (work steps sit in zone 2,
# FIT's interval steps in zone 3).
UNTARGETED_LEVEL = {
    Intensity.WARMUP: 1.5,
    Intensity.ACTIVE: 2.0,
    Intensity.INTERVAL: 3.0,
    Intensity.OTHER: 1.5,
    Intensity.RECOVERY: 1.0,
    Intensity.REST: 0.5,
    Intensity.COOLDOWN: 1.5,
}


def step_level(step: Step, athlete, sport: str = RUNNING) -> float:
    """How hard a step is on the heart-rate zone scale (about 1-5), for charts and load.

    The first target that can be placed decides (a pace only in a run: `sports.judges_pace`);
    otherwise the step's intensity does.
    """
    for target in step.targets:
        level = _target_level(target, athlete, sport)
        if level is not None:
            return max(0.5, min(level, 5.5))
    return UNTARGETED_LEVEL[step.intensity]


def _target_level(target: Target, athlete, sport: str) -> float | None:
    if target.metric == "hr":
        span = hr_percent(target, athlete)
        return None if span is None else 1 + (sum(span) / 2 - HR_ZONE_BOUNDS[0]) / 10
    if target.metric == "power":
        if target.zone is not None:
            return min(target.zone, 5) + 0.5
        span = power_percent(target, athlete)
        starts = tuple(power_zone_percent(athlete, zone)[0] for zone in range(1, 7))  # zone 1 .. zone 6's start
        return None if span is None else _interpolate(sum(span) / 2, starts)
    if judges_pace(sport, target):
        easy, threshold = athlete.easy_pace, athlete.threshold_pace
        if easy is None or threshold is None or easy[0] <= threshold:
            return None
        middle = sum(pace_per_km(target)) / 2
        # The easy pace's fast end sits at the top of zone 2 (3.0), threshold pace at
        # the bottom of zone 4 (4.0); paces in between and beyond scale linearly.
        return 3 + (easy[0] - middle) / (easy[0] - threshold)
    return None


def _interpolate(value: float, starts: tuple) -> float:
    for zone in range(1, len(starts)):
        if value < starts[zone]:
            return zone + (value - starts[zone - 1]) / (starts[zone] - starts[zone - 1])
    return float(len(starts) - 1)


def zone_number(level: float) -> int:
    """The zone a level falls in, 1-5; below zone 1 (standing rest) is 0."""
    return 0 if level < 1 else min(5, int(level))


@per_workout  # once per workout, however many plan entries name it
def session_load(workout: Workout, athlete) -> float:
    """Zone-weighted minutes: a minute counts its step's zone (zone 1 = 1 ... zone 5 = 5;
    standing rest 0)."""
    load = 0.0
    for step, seconds in step_times(workout, athlete):
        if seconds:
            load += seconds / 60 * zone_number(step_level(step, athlete, workout.sport))
    return load


def monotony(daily_loads: list[float]) -> float | None:
    """Foster's monotony: the mean daily load over its standard deviation (rest days
    count 0). Infinite when every day carries the same load; None for a week without load."""
    mean = fmean(daily_loads)
    if mean <= 0:
        return None
    spread = pstdev(daily_loads)
    return mean / spread if spread > 0 else float("inf")
