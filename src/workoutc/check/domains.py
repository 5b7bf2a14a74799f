"""Daniels' five intensities: which one a target asks for, and how much running a
session does at each.

`training.target_effort` sorts targets into easy, moderate and hard, which is what a
day's kind depends on. Some rules need the finer scale of Daniels' *Running
Formula*: E (easy), M (marathon), T (threshold), I (interval) and R (repetition).
E is exactly what `target_effort` calls easy. Above it:

- pace, by the athlete's own paces: T from halfway between marathon and threshold
  pace (from threshold pace itself when the marathon pace is not known), I from
  halfway between threshold and interval pace, R from halfway between interval and
  repetition pace; a pace past a bound whose pace is unknown stays in the domain below;
- power, by Coggan's levels in % of FTP (which a power zone's number follows): up to
  90 % M (tempo), to 105 % T, to 120 % I, beyond R;
- heart rate: T from 88 % of max (Daniels: threshold running at 88-92 %), M below;
  heart rate lags too far behind short repetitions to tell I or R.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Step, Target, Workout, expanded_steps
from .estimates import step_metres
from .memo import per_workout
from .sports import RUNNING, is_running, is_work
from .training import EASY, hr_percent, pace_per_km, power_percent, target_effort

DOMAINS = ("E", "M", "T", "I", "R")
THRESHOLD_HR_PERCENT = 88  # Daniels: T running at 88-92 % of max heart rate
POWER_DOMAINS = ((90, "M"), (105, "T"), (120, "I"))  # Coggan: tempo, threshold, VO2max; anaerobic beyond
POWER_ZONE_DOMAINS = {3: "M", 4: "T", 5: "I"}  # higher zones are R
NAMES = {"E": "easy", "M": "marathon", "T": "threshold", "I": "interval", "R": "repetition"}


def target_domain(target: Target, athlete, sport: str = RUNNING) -> str | None:
    """The Daniels intensity a target asks for (in any sport: Coggan's power levels and
    heart rate place a ride too); None when it cannot be told."""
    effort = target_effort(target, athlete, sport)
    if effort is None:
        return None
    if effort == EASY:
        return "E"
    if target.metric == "hr":
        span = hr_percent(target, athlete)
        return None if span is None else "T" if sum(span) / 2 >= THRESHOLD_HR_PERCENT else "M"
    if target.metric == "power":
        if target.zone is not None:
            return POWER_ZONE_DOMAINS.get(target.zone, "R")
        span = power_percent(target, athlete)
        if span is None:
            return None
        return next((domain for top, domain in POWER_DOMAINS if sum(span) / 2 <= top), "R")
    return _pace_domain(sum(pace_per_km(target)) / 2, athlete)


def _pace_domain(middle: float, athlete) -> str:
    """Faster than easy already (see `target_effort`); where it sits among the athlete's paces."""
    threshold = athlete.threshold_pace
    if threshold is None:
        return "M"
    marathon = athlete.marathon_pace
    bound = threshold if marathon is None or marathon <= threshold else (marathon + threshold) / 2
    if middle > bound:
        return "M"
    domain, slower = "T", threshold
    for name, pace in (("I", athlete.interval_pace), ("R", athlete.repetition_pace)):
        if pace is None or pace >= slower or middle > (slower + pace) / 2:
            return domain
        domain, slower = name, pace
    return domain


def step_domain(step: Step, athlete) -> str | None:
    """The highest Daniels intensity among the step's pace and power targets."""
    found = [target_domain(t, athlete) for t in step.targets if t.metric in ("pace", "power")]
    known = [domain for domain in found if domain is not None]
    return max(known, key=DOMAINS.index) if known else None


@dataclass(frozen=True)
class DomainRunning:
    """The work a session does at one intensity: metres, and its bouts."""

    metres: float
    bouts: int
    bout_metres: float | None  # when every bout is as long as the others


def _work_steps(workout: Workout) -> Iterator[Step]:
    return (s for s in expanded_steps(workout.steps) if is_work(s) and not s.stride)


@per_workout
def domain_running(workout: Workout, athlete) -> dict[str, DomainRunning]:
    """The session's work steps at T, I and R by their pace or power targets (heart
    rate lags behind short bouts), in metres; steps of unknown length are left out.
    Running only: Daniels' caps are on running, so another sport's session has none."""
    bouts: dict[str, list[float]] = {}
    if not is_running(workout):
        return {}
    for step in _work_steps(workout):
        domain = step_domain(step, athlete)
        metres = step_metres(step, athlete, workout) if domain in ("T", "I", "R") else None
        if domain is not None and metres is not None:
            bouts.setdefault(domain, []).append(metres)
    return {
        domain: DomainRunning(sum(lengths), len(lengths), lengths[0] if len(set(lengths)) == 1 else None)
        for domain, lengths in bouts.items()
    }
