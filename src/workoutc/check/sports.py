"""What the checker counts in each sport: the words its findings use for a session,
which steps are work, how a distance is timed, and which sessions count as running.

The checker's knowledge of training comes from running (Daniels, Pfitzinger, the
recovery-run articles) and from power-based cycling (Coggan's levels in % of FTP).
A rule that only makes sense for runners asks `is_running`; a rule that judges
effort or load reads every sport through `training.session_intensity`, which takes
its defaults from here (a strength session is moderate unless its kind says
otherwise). Sports are FIT's own names (model.SPORTS).
"""

from __future__ import annotations

from ..model import Intensity, Step, Target, Workout
from ..units import PACE_UNITS, SPEED_UNITS, SWIM_PACE_UNITS

RUNNING = "running"
CYCLING = "cycling"
TRAINING = "training"  # strength and cardio (FIT's sport "training")
# (a session, doing it): "a ride", "easy riding".
WORDS = {
    "running": ("run", "running"),
    "cycling": ("ride", "riding"),
    "swimming": ("swim", "swimming"),
    "training": ("session", "training"),
    "walking": ("walk", "walking"),
    "hiking": ("hike", "hiking"),
}
# Hours of steady work that make a moderate day, whatever the effort: two hours of
# running; four of riding (Coggan's endurance rides of three hours and more are a
# cyclist's staple, a long day only past that). Other sports: none.
LONG_EFFORT_SECONDS = {RUNNING: 2 * 3600, CYCLING: 4 * 3600}
WORK = (Intensity.ACTIVE, Intensity.INTERVAL)  # the steps that do the session's work


def is_running(workout: Workout | None) -> bool:
    """A run: what the running-only rules and measures count (docs/rules.md)."""
    return workout is not None and workout.sport == RUNNING


def noun(workout: Workout) -> str:
    """A session of the workout's sport: `run`, `ride`, `swim`, `session`."""
    return WORDS.get(workout.sport, ("session", ""))[0]


def doing(workout: Workout) -> str:
    """The sport as an activity: `running`, `riding`, `training`, `rowing`."""
    return WORDS.get(workout.sport, ("", workout.sport.replace("_", " ")))[1]


def is_work(step: Step) -> bool:
    """A step that does the session's work: active or interval (FIT's intensities)."""
    return step.intensity in WORK


def judges_pace(sport: str, target: Target) -> bool:
    """Whether a pace target is a running pace, judged against the runner's paces: in
    a run, per km or mile. A swim's pace per 100 m and a walk's pace are not."""
    if sport != RUNNING or target.metric != "pace" or target.zone is not None:  # a watch's speed zone: its own
        return False
    return (target.unit or "")[2:] not in SWIM_PACE_UNITS


def seconds_per_metre(target: Target) -> float | None:
    """The middle of a pace or speed range as seconds per metre (any sport: a distance
    at its own pace or speed takes this long); None for other targets or zones."""
    if target.zone is not None or target.low is None or target.high is None or target.unit is None:
        return None
    if target.metric == "pace":
        return (target.low + target.high) / 2 / PACE_UNITS[target.unit[2:]]
    if target.metric == "speed" and target.unit in SPEED_UNITS:
        middle = (target.low + target.high) / 2
        return None if middle <= 0 else 1 / (middle * SPEED_UNITS[target.unit])
    return None


def own_pace(step: Step) -> float | None:
    """Seconds per metre the step's own pace or speed target holds it to, if any."""
    for target in step.targets:
        pace = seconds_per_metre(target)
        if pace is not None:
            return pace
    return None
