"""Flags a target range so narrow that the watch would alert constantly.

GPS pace wobbles by several seconds per kilometre and heart rate by a few beats, so a
window narrower than that keeps the watch beeping even when the runner is on target.
Heart-rate windows in % of max are converted with `athlete.max_hr`.

**Sports.** Heart-rate windows in every sport. Pace windows in runs, walks and
hikes, whose pace comes from GPS; a pool swim's pace per 100 m comes from counted
lengths, not GPS, and is not judged.

**Source.** Watch behaviour: a target alert fires on every excursion from the range.

**Options.** `min_pace_seconds` (default 5, per km), `min_bpm` (default 5).

**Passing.**

    workout "Tempo" tempo
      warmup 15min
      run 20min pace 4:15-4:25/km
      cooldown 10min

**Failing.**

    workout "Tempo" tempo
      warmup 15min
      run 20min pace 4:20-4:22/km
      cooldown 10min
"""

from ...diagnostics import Problem, Severity
from ...model import FOOT_SPORTS, walk_steps
from ...units import SWIM_PACE_UNITS, shown
from ..training import pace_per_km

ID = "S204"
NAME = "target-too-narrow"
SEVERITY = Severity.WARNING
SCOPE = "workout"
OPTIONS = {"min_pace_seconds": 5, "min_bpm": 5}
SUMMARY = "a pace window under 5 s/km or a heart-rate window under 5 bpm"
MAX_HR_RANGE = (100, 250)  # the max HR values the profile accepts


def check(workout, ctx):
    for step in walk_steps(workout.steps):
        for target in step.targets:
            if target.zone is not None:
                continue
            if target.metric == "pace" and _gps_pace(workout, target):
                fast, slow = pace_per_km(target)
                limit = ctx.options["min_pace_seconds"]
                if slow - fast < limit:
                    yield Problem(
                        target.span,
                        f"a pace window of {shown(slow - fast, limit)} s/km is narrower than {limit:g} s/km",
                        f"widen it to {limit:g} s/km or more: GPS pace wobbles, and the watch alerts on every wobble",
                    )
            elif target.metric == "hr":
                limit = ctx.options["min_bpm"]
                width = _bpm_width(target, ctx.athlete, limit)
                if width is not None and width < limit:
                    yield Problem(
                        target.span,
                        f"a heart-rate window of {shown(width, limit)} bpm is narrower than {limit:g} bpm",
                        f"widen it to {limit:g} bpm or more: heart rate drifts a few beats either way",
                    )


def _gps_pace(workout, target) -> bool:
    """A pace the watch takes from GPS: per km or mile, on foot."""
    return workout.sport in FOOT_SPORTS and target.range_unit[2:] not in SWIM_PACE_UNITS


def _bpm_width(target, athlete, limit: float) -> float | None:
    """The window in bpm; for % of max, max HR is asked for only when it decides."""
    width = target.high - target.low
    if target.unit == "bpm":
        return width
    lowest, highest = (width * max_hr / 100 for max_hr in MAX_HR_RANGE)
    if lowest >= limit:
        return lowest  # wide enough for any max HR
    if highest < limit:
        return highest  # too narrow for any max HR
    max_hr = athlete.max_hr
    return None if max_hr is None else width * max_hr / 100
