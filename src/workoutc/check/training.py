"""Training knowledge shared by the checker and the pages.

How hard a target is, how long a step lasts, and how hard a whole session is: its
effective intensity (`session_intensity`), decided here once from its kind, its
targets and its duration, for the plan rules, the workout rules and the plan page.
Functions take an `athlete` (config.Athlete, or the checker's recording proxy) and
read a profile value only when they need it, so the checker can tell the user which
missing value stopped a rule from deciding; nothing here guesses a missing value.
Within `remembered()` (a run of the plan checks, or of the pages) a whole workout is
measured once, however many plan entries name it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Intensity, Repeat, Step, Target, Time, Workout, expanded_steps
from ..units import PACE_UNITS, format_clock
from .estimates import step_metres as step_metres  # the pages read them from here
from .estimates import step_seconds, workout_seconds
from .memo import per_workout
from .memo import remembered as remembered
from .sports import LONG_EFFORT_SECONDS, RUNNING, TRAINING, doing, is_work, judges_pace, noun, own_pace
from .zones import hr_zone_percent_of_max

QUALITY_KINDS = frozenset({"tempo", "threshold", "intervals", "hills", "fartlek", "race"})
EASY_KINDS = frozenset({"easy", "recovery"})
MODERATE_KINDS = frozenset({"steady", "progression"})
EASY, MODERATE, HARD = 1, 2, 3
HARD_POWER_PERCENT = 90  # above this % of FTP a step is quality work
EASY_POWER_PERCENT = 75  # the recovery cap


def hr_percent(target: Target, athlete) -> tuple[float, float] | None:
    """A heart-rate target as (low, high) % of max HR; None when max HR is needed but unknown."""
    if target.zone is not None:  # the watch's own zone: as the athlete's zone model defines it
        return hr_zone_percent_of_max(athlete, target.zone)
    return _percent_of(target, "%max", athlete, "max_hr")


def power_percent(target: Target, athlete) -> tuple[float, float] | None:
    """A power target as (low, high) % of FTP; None when unknown (zones, or watts without
    FTP). Watts are taken over `athlete.threshold_power`: the FTP, or without one the
    critical power (config.Athlete)."""
    if target.zone is not None:
        return None
    return _percent_of(target, "%ftp", athlete, "threshold_power")


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


def target_effort(target: Target, athlete, sport: str = RUNNING) -> int | None:
    """EASY, MODERATE or HARD by the middle of the target; None when it cannot be told.
    Heart rate is judged under the athlete's zone model: easy up to the top of zone 2,
    hard from the bottom of zone 4 (70 and 80 % of max under the default model), in
    every sport; power by Coggan's levels in % of FTP, in every sport; pace against
    the runner's paces in a run only (`sports.judges_pace`: a swim's pace per 100 m or
    a walk's pace is not a running pace). Speed, cadence, grade and resistance say
    nothing about effort."""
    if target.metric == "hr":
        span = hr_percent(target, athlete)
        bounds = None if span is None else _hr_effort_bounds(athlete)
        if span is None or bounds is None:
            return None
        middle = sum(span) / 2
        return EASY if middle <= bounds[0] else HARD if middle >= bounds[1] else MODERATE
    if target.metric == "power":
        if target.zone is not None:
            return EASY if target.zone <= 2 else HARD if target.zone >= 4 else MODERATE
        span = power_percent(target, athlete)
        if span is None:
            return None
        middle = sum(span) / 2
        return EASY if middle <= EASY_POWER_PERCENT else HARD if middle > HARD_POWER_PERCENT else MODERATE
    if judges_pace(sport, target):
        middle = sum(pace_per_km(target)) / 2
        threshold = athlete.threshold_pace
        if threshold is not None and middle <= threshold:
            return HARD
        easy = athlete.easy_pace
        if easy is None:
            return None if threshold is None else MODERATE
        return EASY if middle >= easy[0] else MODERATE
    return None


def _hr_effort_bounds(athlete) -> tuple[float, float] | None:
    """(top of zone 2, bottom of zone 4) in % of max HR under the athlete's zone model."""
    two, four = hr_zone_percent_of_max(athlete, 2), hr_zone_percent_of_max(athlete, 4)
    return None if two is None or four is None else (two[1], four[0])


def step_effort(step: Step, athlete, sport: str = RUNNING) -> int | None:
    """The hardest known effort among the step's targets."""
    efforts = [e for target in step.targets if (e := target_effort(target, athlete, sport)) is not None]
    return max(efforts) if efforts else None


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
        if not is_work(node):
            continue
        first_work = index if first_work is None else first_work
        effort = step_effort(node, athlete, workout.sport)
        if effort is not None and effort >= MODERATE:
            hard.append(index)
        elif effort is None and node.targets:
            unknown.append(index)
    chosen = hard or unknown or ([first_work] if first_work is not None else [])
    return (chosen[0], chosen[-1]) if chosen else None


def is_quality(workout: Workout, athlete) -> bool:
    """A quality session: one whose effective intensity (`session_intensity`) is HARD,
    told without reading the profile values only the session's length would need."""
    return workout.kind in QUALITY_KINDS or hardest_running(workout, athlete)[0] == HARD


def is_long(workout: Workout) -> bool:
    return workout.kind == "long"


def is_easy_run(workout: Workout, athlete) -> bool:
    """An easy or recovery session that is easy in fact, not only by its kind (of any
    sport: `Session.running` tells runs apart)."""
    return workout.kind in EASY_KINDS and session_intensity(workout, athlete).level == EASY


# ------------------------------------------------------------------ how hard a session is


@dataclass(frozen=True)
class SessionIntensity:
    """How hard a session is, all things considered, and what decided it."""

    level: int  # EASY, MODERATE or HARD
    why: str  # in words, for findings and pages: "an intervals session", "1 h at heart-rate zone 4"


@per_workout
def session_intensity(workout: Workout, athlete) -> SessionIntensity:
    """The one place that decides how hard a session is, from its sport, its kind, its
    targets (resolved for the athlete) and its duration, in this order:

    - HARD: a quality kind (tempo, threshold, intervals, hills, fartlek, race), or any
      step but strides, recoveries and rests at zone 4 or above (the athlete's zone
      model), at threshold pace or faster (runs), or above 90 % FTP (`target_effort`),
      whatever the kind says;
    - MODERATE: the steady and progression kinds, a step at zone 3, between easy and
      threshold pace or at 76-90 % FTP, or two hours of running or four of riding
      (`sports.LONG_EFFORT_SECONDS`);
    - a strength or cardio session (FIT's "training") without an easy or recovery
      kind: MODERATE, lifting is work whatever the heart rate says;
    - EASY: the rest, easy targets or none (an untargeted swim, walk or hike is easy
      unless its kind says otherwise).
    """
    if workout.kind in QUALITY_KINDS:
        return SessionIntensity(HARD, f"{_article(workout.kind)} {workout.kind} session")
    effort, seconds, target = hardest_running(workout, athlete)
    if effort == HARD:
        return SessionIntensity(HARD, _time_at(seconds, target, workout))
    if workout.kind in MODERATE_KINDS:
        return SessionIntensity(MODERATE, f"a {workout.kind} {noun(workout)}")
    if effort == MODERATE:
        return SessionIntensity(MODERATE, _time_at(seconds, target, workout))
    if workout.sport == TRAINING and workout.kind not in EASY_KINDS:
        return SessionIntensity(MODERATE, f"a {_training_words(workout)} session")
    long_effort = LONG_EFFORT_SECONDS.get(workout.sport)
    done = workout_seconds(workout, athlete) if long_effort is not None else 0.0
    if long_effort is not None and done >= long_effort:
        return SessionIntensity(MODERATE, f"{duration_text(done)} of {doing(workout)}")
    return SessionIntensity(EASY, f"easy {doing(workout)}")


def _training_words(workout: Workout) -> str:
    return {"strength_training": "strength", "cardio_training": "cardio"}.get(workout.sub_sport or "", "training")


@per_workout
def hardest_running(workout: Workout, athlete) -> tuple[int | None, float, Target | None]:
    """The hardest effort above easy of the session's work (strides, recoveries and
    rests left out), the time known to be spent at it, and the first target asking for
    it. (Named for running, as it was first; every sport's targets count.)"""
    hardest, seconds, first = None, 0.0, None
    sport = workout.sport
    for step in expanded_steps(workout.steps):
        if step.stride or step.intensity in (Intensity.RECOVERY, Intensity.REST):
            continue
        effort = step_effort(step, athlete, sport)
        if effort is None or effort == EASY or (hardest is not None and effort < hardest):
            continue
        if effort != hardest:
            hardest, seconds = effort, 0.0
            first = next(target for target in step.targets if target_effort(target, athlete, sport) == effort)
        seconds += _written_seconds(step)
    return hardest, seconds, first


def _written_seconds(step: Step) -> float:
    """A step's time as written: its duration, or its distance at its own pace or speed
    target; 0 otherwise."""
    if isinstance(step.duration, Time):
        return step.duration.seconds
    pace = own_pace(step)
    metres = getattr(step.duration, "metres", None)
    return metres * pace if pace is not None and metres is not None else 0.0


def _time_at(seconds: float, target: Target | None, workout: Workout) -> str:
    where = "a hard target" if target is None else target_words(target)
    return f"{duration_text(seconds)} at {where}" if seconds else f"{doing(workout)} at {where}"


_UNIT_WORDS = {"%max": "% of max heart rate", "%ftp": "% of FTP", "bpm": "bpm", "W": "W"}


def target_words(target: Target) -> str:
    """A target in a few words for a finding: `heart-rate zone 4`, `threshold pace (4:10/km)`,
    `95 % of FTP`."""
    if target.metric == "pace" and target.zone is None:
        pace = format_clock(sum(pace_per_km(target)) / 2) + "/km"
        return pace if target.relative is None else f"{target.relative.reference} pace ({pace})"
    if target.zone is not None:
        return f"{'heart-rate' if target.metric == 'hr' else target.metric} zone {target.zone}"
    low, high = target.bounds
    span = f"{low:g}" if low == high else f"{low:g}-{high:g}"
    return f"{span} {_UNIT_WORDS.get(target.unit or '', target.unit)}"


def duration_text(seconds: float) -> str:
    """`45 min`, `2 h 30 min`: a session's length in a finding."""
    hours, minutes = divmod(round(seconds / 60), 60)
    return (
        " ".join(part for part in (f"{hours} h" if hours else "", f"{minutes} min" if minutes else "") if part)
        or "0 min"
    )


def _article(word: str) -> str:
    return "an" if word[0] in "aeiou" else "a"


@per_workout
def easy_seconds(workout: Workout, athlete) -> float | None:
    """Time spent easy: zone 2 or below, easy pace, <= 75 % FTP, or untargeted easy running.

    Strides are not easy (their jogs are). None when a targeted step's effort is unknown.
    """
    untargeted_easy = workout.kind in EASY_KINDS or workout.kind == "long"
    seconds = 0.0
    for step in expanded_steps(workout.steps):
        if step.stride and is_work(step):
            continue
        effort = step_effort(step, athlete, workout.sport)
        if effort is None and step.targets:
            return None
        if effort == EASY or (not step.targets and (untargeted_easy or not is_work(step))):
            seconds += step_seconds(step, athlete, workout) or 0
    return seconds
