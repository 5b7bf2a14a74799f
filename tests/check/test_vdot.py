"""Daniels' VDOT against the tables of Daniels' Running Formula.

Tolerances: a race's VDOT within 0.1 of the table's; a predicted race time within
0.1 % of the table's (10 s over a marathon); a training pace within 3 s per km of
the table's (measured: within 1 s at VDOT 50).
"""

from __future__ import annotations

import pytest

from workoutc.check.vdot import (
    oxygen_cost,
    pace_at_share,
    race_seconds,
    sustainable_fraction,
    training_paces,
    vdot,
)

MILE = 1609.344
# Daniels' Running Formula, the VDOT 50 row of the race table.
VDOT_50_RACES = [
    (MILE, 5 * 60 + 50),
    (2 * MILE, 12 * 60 + 28),
    (5000, 19 * 60 + 57),
    (10_000, 41 * 60 + 21),
    (21_097.5, 3600 + 31 * 60 + 35),
    (42_195, 3 * 3600 + 10 * 60 + 49),
]


def test_the_formulas_at_hand_computed_points():
    # 5 km in 19:57: 250.6 m/min costs 47.6 ml/kg/min; 19.95 min is held at 95.3 % of VO2max.
    assert oxygen_cost(5000 / 19.95) == pytest.approx(47.61, abs=0.01)
    assert sustainable_fraction(19.95) == pytest.approx(0.9531, abs=0.0001)
    assert sustainable_fraction(0) == pytest.approx(0.8 + 0.1894393 + 0.2989558)


@pytest.mark.parametrize("metres, seconds", VDOT_50_RACES)
def test_each_race_of_the_vdot_50_row_gives_vdot_50(metres, seconds):
    assert vdot(metres, seconds) == pytest.approx(50, abs=0.1)


@pytest.mark.parametrize("metres, seconds", VDOT_50_RACES)
def test_vdot_50_predicts_the_row_s_race_times(metres, seconds):
    assert race_seconds(50, metres) == pytest.approx(seconds, rel=0.001)


def test_a_prediction_is_the_inverse_of_vdot():
    assert vdot(10_000, race_seconds(43.7, 10_000)) == pytest.approx(43.7, abs=1e-6)


def test_vdot_50_training_paces_match_the_book():
    paces = training_paces(50)
    assert paces.threshold == pytest.approx(4 * 60 + 15, abs=3)  # T 4:15/km
    assert paces.interval == pytest.approx(3 * 60 + 55, abs=3)  # I 3:55/km (94 s per 400 m)
    assert paces.repetition == pytest.approx(88 * 1000 / 400, abs=3)  # R 88 s per 400 m
    assert paces.marathon == pytest.approx((3 * 3600 + 10 * 60 + 49) / 42.195, abs=3)  # M 4:31/km
    fast, slow = paces.easy
    assert pace_at_share(50, 0.74) == fast < slow == pace_at_share(50, 0.59)
    assert 4 * 60 + 50 < fast < 5 * 60 and 5 * 60 + 45 < slow < 6 * 60  # 4:54-5:52/km


def test_vdot_49_paces_match_the_second_edition_table():
    # T 4:20/km, I 3:59/km, R 89 s per 400 m, M 7:24/mi.
    paces = training_paces(49)
    assert paces.threshold == pytest.approx(260, abs=3)
    assert paces.interval == pytest.approx(239, abs=3)
    assert paces.repetition == pytest.approx(89 * 2.5, abs=3)
    assert paces.marathon == pytest.approx(444 / 1.609344, abs=3)


def test_paces_get_faster_in_order_and_with_fitness():
    for fitness in (20, 35, 50, 65, 85):
        paces = training_paces(fitness)
        assert paces.easy[1] > paces.easy[0] > paces.marathon > paces.threshold > paces.interval > paces.repetition
    assert training_paces(51).threshold < training_paces(50).threshold
