"""Training knowledge shared by the checker and the pages.

How hard a target is, how long a step lasts, what kind of day a session makes.
Functions take an `athlete` (config.Athlete, or the checker's recording proxy) and
read a profile value only when they need it, so the checker can tell the user which
missing value stopped a rule from deciding; nothing here guesses a missing value.
Within `remembered()` (a run of the plan checks, or of the pages) a whole workout is
measured once, however many plan entries name it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from typing import Any, TypeVar

from ..model import Distance, Intensity, Repeat, Step, Target, Time, Workout, expanded_steps
from ..units import HR_ZONE_BOUNDS, PACE_UNITS
from .zones import hr_zone_percent_of_max, power_zone_percent

QUALITY_KINDS = frozenset({"tempo", "threshold", "intervals", "hills", "fartlek", "race"})
EASY_KINDS = frozenset({"easy", "recovery"})
EASY, MODERATE, HARD = 1, 2, 3
HARD_POWER_PERCENT = 90  # above this % of FTP a step is quality work
EASY_POWER_PERCENT = 75  # the recovery cap
EASY_HR_PERCENT = HR_ZONE_BOUNDS[2]  # top of zone 2
HARD_HR_PERCENT = HR_ZONE_BOUNDS[3]  # bottom of zone 4


# ------------------------------------------------------------------ once per workout

# A plan may name one workout thousands of times; within `remembered()` each measure of
# a whole workout is worked out once per profile. Keyed by id(workout) and holding the
# workout, so an id is not reused while its entry lives.
_MEMO: ContextVar[dict | None] = ContextVar("workoutc_training_memo", default=None)
_Value = TypeVar("_Value")


@contextmanager
def remembered() -> Iterator[None]:
    """Remember whole-workout measures until the block ends (one run of the checker or pages)."""
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


class _Reads:
    """An athlete that notes each profile value read, first reads only, in order."""

    def __init__(self, athlete):
        self._athlete = athlete
        self.reads: dict[str, object] = {}

    def __getattr__(self, name: str):
        value = getattr(self._athlete, name)
        self.reads.setdefault(name, value)
        return value


def per_workout(measure: Callable[[Workout, Any], _Value]) -> Callable[[Workout, Any], _Value]:
    """`measure(workout, athlete)`, remembered inside `remembered()`.

    A remembered value is reused when the athlete gives the same values it was worked
    out from; they are read again in the order `measure` read them, so a recording
    athlete notes the same missing values, in the same order, as a fresh call. (The
    reads stop at the first difference: up to there `measure` would read the same.)
    """

    @wraps(measure)
    def remembering(workout: Workout, athlete) -> _Value:
        memo = _MEMO.get()
        if memo is None:
            return measure(workout, athlete)
        known = memo.setdefault((measure.__name__, id(workout)), (workout, []))[1]
        for reads, value in known:
            if all(getattr(athlete, name) == seen for name, seen in reads.items()):
                return value
        reader = _Reads(athlete)
        value = measure(workout, reader)
        known.append((reader.reads, value))
        return value

    return remembering


def hr_percent(target: Target, athlete) -> tuple[float, float] | None:
    """A heart-rate target as (low, high) % of max HR; None when max HR is needed but unknown."""
    if target.zone is not None:  # the watch's own zone: as the athlete's zone model defines it
        return hr_zone_percent_of_max(athlete, target.zone)
    return _percent_of(target, "%max", athlete, "max_hr")


def power_percent(target: Target, athlete) -> tuple[float, float] | None:
    """A power target as (low, high) % of FTP; None when unknown (zones, or watts without FTP)."""
    if target.zone is not None:
        return None
    return _percent_of(target, "%ftp", athlete, "ftp")


def _percent_of(target: Target, percent_unit: str, athlete, reference: str) -> tuple[float, float] | None:
    """A custom range as percentages of the athlete's `reference` value, asked for only
    when the range is not in percent already (so an unneeded missing value goes unnoted)."""
    low, high = target.bounds
    if target.unit == percent_unit:
        return low, high
    value = getattr(athlete, reference)
    if value is None:
        return None
    return low * 100 / value, high * 100 / value


def pace_per_km(target: Target) -> tuple[float, float]:
    """A pace target as (fast, slow) seconds per km."""
    factor = 1000 / PACE_UNITS[target.range_unit[2:]]
    low, high = target.bounds
    return low * factor, high * factor


def target_effort(target: Target, athlete) -> int | None:
    """EASY, MODERATE or HARD by the middle of the target; None when it cannot be told."""
    if target.metric == "hr":
        span = hr_percent(target, athlete)
        if span is None:
            return None
        middle = sum(span) / 2
        return EASY if middle <= EASY_HR_PERCENT else HARD if middle >= HARD_HR_PERCENT else MODERATE
    if target.metric == "power":
        if target.zone is not None:
            return EASY if target.zone <= 2 else HARD if target.zone >= 4 else MODERATE
        span = power_percent(target, athlete)
        if span is None:
            return None
        middle = sum(span) / 2
        return EASY if middle <= EASY_POWER_PERCENT else HARD if middle > HARD_POWER_PERCENT else MODERATE
    if target.metric == "pace":
        middle = sum(pace_per_km(target)) / 2
        threshold = athlete.threshold_pace
        if threshold is not None and middle <= threshold:
            return HARD
        easy = athlete.easy_pace
        if easy is None:
            return None if threshold is None else MODERATE
        return EASY if middle >= easy[0] else MODERATE
    return None  # cadence says nothing about effort


def step_effort(step: Step, athlete) -> int | None:
    """The hardest known effort among the step's targets."""
    efforts = [effort for target in step.targets if (effort := target_effort(target, athlete)) is not None]
    return max(efforts) if efforts else None


def is_hard_step(step: Step, athlete) -> bool:
    return step.intensity is Intensity.ACTIVE and not step.stride and step_effort(step, athlete) == HARD


def hard_part(workout: Workout, athlete) -> tuple[int, int] | None:
    """Indices of the first and last top-level nodes of a session's hard part.

    Hard: a repeat (other than strides) or a work step at zone 3+, faster than easy
    pace or above 75 % FTP. When nothing is known to be hard, targeted work steps of
    unknown effort are; failing those, the first work step. A one-line session's hard
    part is its main step when that has a target; without one it has no known shape.
    """
    if workout.one_line:
        main = workout.steps[0]
        assert isinstance(main, Step), "a one-line session starts with its main step"
        return (0, 0) if main.targets else None
    hard, unknown, first_work = [], [], None
    for index, node in enumerate(workout.steps):
        if isinstance(node, Repeat):
            if not node.strides:
                hard.append(index)
            continue
        if node.intensity is not Intensity.ACTIVE:
            continue
        first_work = index if first_work is None else first_work
        effort = step_effort(node, athlete)
        if effort is not None and effort >= MODERATE:
            hard.append(index)
        elif effort is None and node.targets:
            unknown.append(index)
    chosen = hard or unknown or ([first_work] if first_work is not None else [])
    return (chosen[0], chosen[-1]) if chosen else None


@per_workout
def is_quality(workout: Workout, athlete) -> bool:
    """A quality session: a quality kind, or a block workout with a work step at zone 4+,
    threshold pace or faster, or above 90 % FTP. One-line sessions are what their kind says."""
    if workout.kind in QUALITY_KINDS:
        return True
    if workout.one_line:
        return False
    return any(is_hard_step(step, athlete) for step in expanded_steps(workout.steps))


def is_long(workout: Workout) -> bool:
    return workout.kind == "long"


def is_easy_run(workout: Workout, athlete) -> bool:
    return workout.kind in EASY_KINDS and not is_quality(workout, athlete)


@per_workout
def easy_seconds(workout: Workout, athlete) -> float | None:
    """Time spent easy: zone 2 or below, easy pace, <= 75 % FTP, or untargeted easy running.

    Strides are not easy (their jogs are). None when a targeted step's effort is unknown.
    """
    untargeted_easy = workout.kind in EASY_KINDS or workout.kind == "long"
    seconds = 0.0
    for step in expanded_steps(workout.steps):
        if step.stride and step.intensity is Intensity.ACTIVE:
            continue
        effort = step_effort(step, athlete)
        if effort is None and step.targets:
            return None
        if effort == EASY or (not step.targets and (untargeted_easy or step.intensity is not Intensity.ACTIVE)):
            seconds += step_seconds(step, athlete) or 0
    return seconds


# ------------------------------------------------------------------ estimates


def step_pace(step: Step, athlete) -> float | None:
    """Seconds per metre for timing a step: its pace target, else the athlete's easy pace."""
    for target in step.targets:
        if target.metric == "pace":
            return sum(pace_per_km(target)) / 2 / 1000
    easy = athlete.easy_pace
    return sum(easy) / 2 / 1000 if easy else None


def step_seconds(step: Step, athlete) -> float | None:
    """How long a step lasts; None for open-ended steps or distances with no known pace."""
    if isinstance(step.duration, Time):
        return step.duration.seconds
    if isinstance(step.duration, Distance):
        pace = step_pace(step, athlete)
        return None if pace is None else step.duration.metres * pace
    return None


def step_metres(step: Step, athlete) -> float | None:
    if isinstance(step.duration, Distance):
        return step.duration.metres
    if isinstance(step.duration, Time):
        pace = step_pace(step, athlete)
        return None if pace is None else step.duration.seconds / pace
    return None


def total(nodes, measure, athlete) -> tuple[float, bool]:
    """(sum of known values, whether every step was known) over the expanded steps."""
    known, complete = 0.0, True
    for step in expanded_steps(nodes):
        value = measure(step, athlete)
        if value is None:
            complete = False
        else:
            known += value
    return known, complete


@per_workout
def timeable(workout: Workout, athlete) -> bool:
    """Whether every distance step has a pace to time it by.

    Open-ended steps (lap key, heart-rate conditions) have no length by design and count
    as zero in estimates; a distance without a pace is a missing profile value.
    """
    return all(
        not isinstance(step.duration, Distance) or step_pace(step, athlete) is not None
        for step in expanded_steps(workout.steps)
    )


@per_workout
def workout_seconds(workout: Workout, athlete) -> float:
    """Estimated running time; open-ended steps count as zero."""
    return total(workout.steps, step_seconds, athlete)[0]


# ------------------------------------------------------------------ intensity on a 1-5 scale

# Without a target a step's level follows its intensity (work steps sit in zone 2).
UNTARGETED_LEVEL = {
    Intensity.WARMUP: 1.5,
    Intensity.ACTIVE: 2.0,
    Intensity.RECOVERY: 1.0,
    Intensity.REST: 0.5,
    Intensity.COOLDOWN: 1.5,
}


def step_level(step: Step, athlete) -> float:
    """How hard a step is on the heart-rate zone scale (about 1-5), for charts and load.

    The first target that can be placed decides; otherwise the step's intensity does.
    """
    for target in step.targets:
        level = _target_level(target, athlete)
        if level is not None:
            return max(0.5, min(level, 5.5))
    return UNTARGETED_LEVEL[step.intensity]


def _target_level(target: Target, athlete) -> float | None:
    if target.metric == "hr":
        span = hr_percent(target, athlete)
        return None if span is None else 1 + (sum(span) / 2 - HR_ZONE_BOUNDS[0]) / 10
    if target.metric == "power":
        if target.zone is not None:
            return min(target.zone, 5) + 0.5
        span = power_percent(target, athlete)
        starts = tuple(power_zone_percent(athlete, zone)[0] for zone in range(1, 7))  # zone 1 .. zone 6's start
        return None if span is None else _interpolate(sum(span) / 2, starts)
    if target.metric == "pace":
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
