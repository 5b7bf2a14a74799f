"""Flags running too soon after a race, by the race's distance.

A race is a maximal effort, and the longer it is the longer the legs take to mend: a
marathon needs days without running, not a night, and weeks before hard training.
The race's distance is its work steps (warm-up and cool-down left out). After it:

- no running for one day per `km_per_rest_day` km raced, rounded down (a half
  marathon one day, a marathon two, a 10 km none);
- no quality session for one day per `km_per_easy_day` km raced, rounded down (a
  10 km three days, a half marathon a week, a marathon two weeks).

Coaches' rules of thumb vary: "a day per mile raced" before hard training (four
weeks after a marathon) is the cautious end; Pfitzinger's schedules put tune-up
races of 8-15 km a few days before the next workout. The default sits between. Long
runs after a short race are not judged (Pfitzinger's tune-up weekends).

**Sports.** Runs only: a running race and the runs after it; a swim or an easy spin
the day after a marathon is recovery, not running.

**Source.** "Recovery Run: Speed Up Recovery Between Hard Workouts" (after racing or
near-maximal efforts, more rest before even light jogging); Pfitzinger and Douglas,
*Advanced Marathoning* (tune-up races; recovery after the marathon).

**Options.** `km_per_rest_day` (default 20), `km_per_easy_day` (default 3).

**Passing.**

    plan "After the marathon"
      2026-11-22 race 42.2km
      2026-11-25 recovery 20min hr<z2
      2026-12-08 intervals 40min

**Failing.**

    plan "After the marathon"
      2026-11-22 race 42.2km
      2026-11-23 recovery 20min hr<z2
      2026-11-26 intervals 40min
"""

from datetime import timedelta

from ...diagnostics import Problem, Severity
from ...model import Intensity, Workout, expanded_steps
from ...reporter import plural
from ..estimates import step_metres, total
from ..memo import per_workout
from ..plans import day_words

ID = "P311"
NAME = "race-recovery"
SEVERITY = Severity.WARNING
SCOPE = "plan"
OPTIONS = {"km_per_rest_day": 20, "km_per_easy_day": 3}
SUMMARY = "running within days of a race (a day per 20 km) or quality within a day per 3 km raced"


def check(calendar, ctx):
    sessions = calendar.sessions
    for index, race in enumerate(sessions):
        if race.workout is None or not race.running or race.workout.kind != "race":
            continue
        metres = race_metres(race.workout, ctx.athlete)
        if metres is None:
            continue
        rest, easy = (_days(metres, ctx.options[key]) for key in ("km_per_rest_day", "km_per_easy_day"))
        later = index + 1
        while later < len(sessions) and (after := (sessions[later].day - race.day).days) <= max(rest, easy):
            problem = _too_soon(race, sessions[later], after, metres, rest, easy)
            if problem:
                yield problem
            later += 1


def _days(metres: float, km_per_day: float) -> int:
    return int(metres / 1000 / km_per_day) if km_per_day else 0


def _too_soon(race, later, after: int, metres: float, rest: int, easy: int) -> Problem | None:
    if not later.running or after == 0:
        return None
    distance = f"{metres / 1000:.1f} km"
    back = race.day + timedelta(days=rest + 1)
    hard_again = day_words(race.day + timedelta(days=easy + 1))
    if after <= rest:
        return Problem(
            later.entry.span,
            f"{later.label} is {plural(after, 'day')} after the race {race.label}: "
            f"{distance} of racing needs {plural(rest, 'day')} without running",
            f"rest until {day_words(back)}, then run easy until {hard_again}",
        )
    if after <= easy and later.quality:
        return Problem(
            later.entry.span,
            f"{later.described(later.intensity.why)} is {plural(after, 'day')} after the race {race.label}: "
            f"{distance} of racing needs {plural(easy, 'day')} of easy running",
            f"move it to {hard_again} or later, or run it easy",
        )
    return None


@per_workout
def race_metres(workout: Workout, athlete) -> float | None:
    """The distance raced: the work steps, warm-up and cool-down left out; None when a
    step's length cannot be told."""
    work = tuple(s for s in expanded_steps(workout.steps) if s.intensity is Intensity.ACTIVE)
    metres, complete = total(work, step_metres, athlete, workout)
    return metres if complete and metres > 0 else None
