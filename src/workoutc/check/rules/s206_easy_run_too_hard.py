"""Flags an easy or long run with a target above what its kind promises.

A session's kind is a promise: an easy run is easy, a long run is aerobic. A target
above that turns it into another session, one the plan does not count as hard (see
P301: the plan rules judge the effective intensity, and this rule says where it
comes from). The ceilings:

- an easy run: easy running, heart-rate zone 2 or below (70 % of max), no faster
  than the fast end of the athlete's easy pace, at most 75 % FTP;
- a long run: marathon effort, so that a finish at marathon pace (Pfitzinger's
  marathon-pace long runs) passes: under 88 % of max heart rate (Daniels' threshold
  heart rate), slower than halfway between marathon and threshold pace (threshold
  pace itself without a marathon pace), at most 90 % FTP.

Strides are exempt, and so are warm-ups and cool-downs (S207 judges those).
Recovery runs have their own, lower cap (R103).

**Sports.** Every sport: an easy ride, swim or walk promises easy work too. Heart
rate and power (Coggan's levels: endurance up to 75 % of FTP, tempo to 90 %) are
judged in every sport, pace in runs only (a swim's pace per 100 m is not a running
pace).

**Source.** "Recovery Run: Speed Up Recovery Between Hard Workouts" (a run whose
pace creeps up "begins to generate training stress rather than relieve it"; it turns
into an unplanned workout); Daniels, *Running Formula* (easy running at 65-78 % of
max heart rate, threshold at 88-92 %); Pfitzinger and Douglas, *Advanced
Marathoning* (long runs with miles at marathon pace).

**Options.** None.

**Passing.**

    easy 45min hr<=z2 strides 6x20s/60s

**Failing.**

    easy 60min hr z4
"""

from ...diagnostics import Problem, Severity
from ...model import walk_steps
from ..domains import target_domain
from ..sports import doing, is_running, is_work, noun
from ..training import MODERATE, target_effort, target_words

ID = "S206"
NAME = "easy-run-too-hard"
SEVERITY = Severity.WARNING
SCOPE = "workout"
KINDS = {"easy", "long"}  # the runner skips other sessions
OPTIONS: dict = {}
SUMMARY = "an easy run above zone 2 or easy pace, or a long run above marathon effort"


def check(workout, ctx):
    for step in walk_steps(workout.steps):
        if step.stride or not is_work(step):
            continue
        for target in step.targets:
            if _too_hard(workout, target, ctx.athlete):
                yield _problem(workout, target)


def _too_hard(workout, target, athlete) -> bool:
    if workout.kind == "easy":
        effort = target_effort(target, athlete, workout.sport)
        return effort is not None and effort >= MODERATE
    return target_domain(target, athlete, workout.sport) in ("T", "I", "R")


def _problem(workout, target) -> Problem:
    asked, session, done = target_words(target), noun(workout), doing(workout)
    if workout.kind == "easy":
        easy = "`hr<=z2`, `pace easy`" if is_running(workout) else "`hr<=z2`, `power<=75%`"
        return Problem(
            target.span,
            f"{asked} is harder than easy {done}, so this easy {session} is not easy",
            f"keep it at zone 2 or below ({easy}), or call it what it is (steady, tempo)",
        )
    if not is_running(workout):
        return Problem(
            target.span,
            f"{asked} is threshold effort or harder, beyond the tempo effort a long {session} allows",
            f"keep the long {session} at or under 90 % of FTP (`power<=90%`), or make it a threshold session",
        )
    return Problem(
        target.span,
        f"{asked} is threshold running or faster, beyond the marathon effort a long run allows",
        "keep the long run at marathon pace or slower (`pace marathon`), or make it a threshold session",
    )
