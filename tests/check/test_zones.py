"""Heart-rate and power zones under each model, against values worked out by hand."""

from __future__ import annotations

import pytest

from workoutc.check.config import Athlete
from workoutc.check.runner import RecordingAthlete
from workoutc.check.zones import (
    hr_zone_bpm,
    hr_zone_needs,
    hr_zone_percent_of_max,
    power_zone_percent,
    power_zone_watts,
)

KARVONEN = Athlete(max_hr=190, resting_hr=50, hr_zones="reserve")  # a reserve of 140 bpm
FRIEL = Athlete(max_hr=190, lthr=170, hr_zones="lthr")
WRITTEN = Athlete(hr_zones=(100, 120, 140, 155, 170, 185))


@pytest.mark.parametrize(
    "athlete, zone, bpm",
    [
        (Athlete(max_hr=190), 1, (95, 114)),  # 50-60 % of 190
        (Athlete(max_hr=190), 5, (171, 190)),
        (KARVONEN, 1, (120, 134)),  # 50 + 50 % of 140, 50 + 60 % of 140
        (KARVONEN, 3, (148, 162)),
        (KARVONEN, 5, (176, 190)),
        (FRIEL, 1, (110.5, 144.5)),  # 65-85 % of 170
        (FRIEL, 2, (144.5, 153)),
        (FRIEL, 4, (161.5, 170)),
        (FRIEL, 5, (170, 180.2)),  # 100-106 %
        (WRITTEN, 4, (155, 170)),
    ],
)
def test_bpm_zones_under_each_model(athlete, zone, bpm):
    assert hr_zone_bpm(athlete, zone) == pytest.approx(bpm)


@pytest.mark.parametrize(
    "athlete, needs",
    [
        (Athlete(), "athlete.max_hr"),
        (Athlete(max_hr=190, hr_zones="reserve"), "athlete.resting_hr"),
        (Athlete(resting_hr=50, hr_zones="reserve"), "athlete.max_hr"),
        (Athlete(max_hr=190, hr_zones="lthr"), "athlete.lthr"),
        (Athlete(max_hr=190), None),
        (KARVONEN, None),
        (WRITTEN, None),
    ],
)
def test_what_bpm_zones_need(athlete, needs):
    assert hr_zone_needs(athlete) == needs
    assert (hr_zone_bpm(athlete, 3) is None) == (needs is not None)


def test_percent_of_max_keeps_the_default_percentages_without_max_hr():
    assert [hr_zone_percent_of_max(Athlete(), zone) for zone in (1, 2, 5)] == [(50, 60), (60, 70), (90, 100)]


def test_percent_of_max_under_another_model_is_its_bpm_over_max_hr():
    assert hr_zone_percent_of_max(KARVONEN, 1) == pytest.approx((120 * 100 / 190, 134 * 100 / 190))
    assert hr_zone_percent_of_max(FRIEL, 5) == pytest.approx((170 * 100 / 190, 180.2 * 100 / 190))
    assert hr_zone_percent_of_max(Athlete(lthr=170, hr_zones="lthr"), 2) is None  # no max_hr
    assert hr_zone_percent_of_max(WRITTEN, 1) is None


def test_power_zones_are_coggan_s_unless_written():
    assert [power_zone_percent(Athlete(), zone) for zone in (1, 2, 4, 7)] == [(0, 56), (56, 76), (91, 106), (151, 300)]
    own = Athlete(power_zones=(0, 50, 70, 85, 100, 115, 140, 200))
    assert power_zone_percent(own, 7) == (140, 200)
    assert power_zone_watts(Athlete(ftp=250), 4) == pytest.approx((227.5, 265))
    assert power_zone_watts(Athlete(), 4) is None


def test_only_the_values_a_model_needs_are_noted_missing():
    recording = RecordingAthlete(Athlete())
    hr_zone_percent_of_max(recording, 2)
    assert recording.missing == []
    recording = RecordingAthlete(Athlete(max_hr=190, hr_zones="reserve"))
    assert hr_zone_bpm(recording, 2) is None
    assert recording.missing == ["resting_hr"]


@pytest.mark.parametrize("zone", [0, 6])
def test_a_zone_outside_the_model_is_a_caller_s_mistake(zone):
    with pytest.raises(ValueError):
        hr_zone_bpm(Athlete(max_hr=190), zone)
