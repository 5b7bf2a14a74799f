"""Daniels' VDOT: a race result as one number of running fitness, and the training
paces and race times that number gives.

The two formulas are Daniels and Gilbert's ("Oxygen Power: Performance Tables for
Distance Runners", 1979), the ones behind the tables of Daniels' Running Formula:

- the oxygen a speed costs, v in metres per minute:
  VO2 = -4.60 + 0.182258 v + 0.000104 v² (ml/kg/min);
- the fraction of VO2max a runner sustains for t minutes:
  0.8 + 0.1894393 e^(-0.012778 t) + 0.2989558 e^(-0.1932605 t).

A race's VDOT is the first over the second. Training paces are the speeds whose cost
is a share of VDOT, as Daniels' Running Formula places them (see `TRAINING_SHARE`);
marathon pace is the marathon this VDOT predicts. At VDOT 50 these land within a
second per km of the book's table (T 4:15/km, I 3:55/km, R 88 s per 400 m, M 4:31/km),
and the predicted race times within 0.1 % of it (docs/configuration.md).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

MARATHON_METRES = 42_195.0
# Share of VDOT each training pace costs (Daniels' Running Formula: E is 59-74 % of
# VO2max; T and I are the shares at which the formulas give the book's T and I paces).
EASY_SHARE = (0.74, 0.59)  # fast end, slow end
THRESHOLD_SHARE = 0.88
INTERVAL_SHARE = 0.975
# R pace is "about 6 seconds per 400 m faster than I pace" (Daniels' Running Formula).
REPETITION_GAIN_PER_KM = 6 * 1000 / 400
_BISECTIONS = 60  # halvings of a day: far below a hundredth of a second


def oxygen_cost(metres_per_minute: float) -> float:
    """The oxygen running at this speed costs, in ml/kg/min."""
    return -4.60 + 0.182258 * metres_per_minute + 0.000104 * metres_per_minute**2


def sustainable_fraction(minutes: float) -> float:
    """The fraction of VO2max a runner can hold for a race lasting `minutes`."""
    return 0.8 + 0.1894393 * math.exp(-0.012778 * minutes) + 0.2989558 * math.exp(-0.1932605 * minutes)


def vdot(metres: float, seconds: float) -> float:
    """The VDOT of a race: `metres` run in `seconds` (> 0)."""
    minutes = seconds / 60
    return oxygen_cost(metres / minutes) / sustainable_fraction(minutes)


def race_seconds(fitness: float, metres: float) -> float:
    """The time this VDOT predicts for a race of `metres`: where `vdot` meets it.

    Within any race a runner can finish (a few minutes to a day) a slower time gives a
    lower VDOT, so halving the interval finds the one time."""
    fast, slow = 1.0, 86_400.0
    for _ in range(_BISECTIONS):
        middle = (fast + slow) / 2
        if vdot(metres, middle) > fitness:
            fast = middle
        else:
            slow = middle
    return (fast + slow) / 2


def pace_at_share(fitness: float, share: float) -> float:
    """Seconds per km of the speed whose oxygen cost is `share` of VDOT (the positive
    root of the cost's quadratic)."""
    a, b, c = 0.000104, 0.182258, -4.60 - share * fitness
    metres_per_minute = (-b + math.sqrt(b * b - 4 * a * c)) / (2 * a)
    return 60_000 / metres_per_minute


@dataclass(frozen=True)
class TrainingPaces:
    """Daniels' five training paces, seconds per km."""

    easy: tuple[float, float]  # (fast end, slow end)
    marathon: float
    threshold: float
    interval: float
    repetition: float


def training_paces(fitness: float) -> TrainingPaces:
    interval = pace_at_share(fitness, INTERVAL_SHARE)
    return TrainingPaces(
        easy=(pace_at_share(fitness, EASY_SHARE[0]), pace_at_share(fitness, EASY_SHARE[1])),
        marathon=race_seconds(fitness, MARATHON_METRES) * 1000 / MARATHON_METRES,
        threshold=pace_at_share(fitness, THRESHOLD_SHARE),
        interval=interval,
        repetition=interval - REPETITION_GAIN_PER_KM,
    )
