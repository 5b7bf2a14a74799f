"""Each encoding in fit/values.py against its inverse: what the writer writes, the reader reads back."""

from __future__ import annotations

import pytest

from workoutc.diagnostics import Span
from workoutc.fit import profile
from workoutc.fit.values import (
    CENTIMETRES,
    HEART_RATE,
    INTENSITY,
    MILLISECONDS,
    POWER,
    RANGES,
    SPORT,
    TARGET_TYPE,
    Unsupported,
    decode_duration,
    decode_target,
    encode_duration,
    encode_target,
)
from workoutc.model import Distance, LapKey, Target, Time, UntilHeartRate

SPAN = Span(1, 1, 1, 2)


@pytest.mark.parametrize("table", [INTENSITY, SPORT, TARGET_TYPE], ids=["intensity", "sport", "target type"])
def test_enum_tables_are_one_to_one(table):
    assert len(set(table.raw.values())) == len(table.raw)
    assert all(table.value[raw] == value for value, raw in table.raw.items())


def test_scaled_quantities_round_trip_to_the_unit_stored():
    assert MILLISECONDS.encode(90.5) == 90_500 and MILLISECONDS.decode(90_500) == 90.5
    assert CENTIMETRES.encode(1609.344) == 160_934 and CENTIMETRES.decode(160_934) == 1609.34


@pytest.mark.parametrize(
    ("codec", "value", "unit", "raw"),
    [
        (HEART_RATE, 150, "bpm", 250),
        (HEART_RATE, 80, "%max", 80),
        (HEART_RATE, 101, "bpm", 201),
        (POWER, 250, "W", 1250),
        (POWER, 95, "%ftp", 95),
        (POWER, 1, "W", 1001),
    ],
)
def test_percent_or_absolute_values_are_told_apart_by_size(codec, value, unit, raw):
    assert codec.encode(value, unit) == raw
    assert codec.decode(raw) == (value, unit)


def test_a_range_mixing_percent_and_absolute_is_unsupported():
    with pytest.raises(Unsupported, match="mixing percent and absolute"):
        HEART_RATE.decode_range(90, 250, "heart_rate")


@pytest.mark.parametrize(
    ("metric", "low", "high", "unit"),
    [
        ("hr", 140, 150, "bpm"),
        ("hr", 60, 70, "%max"),
        ("power", 200, 240, "W"),
        ("power", 90, 105, "%ftp"),
        ("cadence", 170, 180, "spm"),
        ("pace", 240, 250, "s/km"),
    ],
)
def test_custom_ranges_round_trip(metric, low, high, unit):
    raw = RANGES[metric].encode_range(low, high, unit)
    decoded_low, decoded_high, decoded_unit = RANGES[metric].decode_range(*raw, metric)
    assert decoded_unit == unit
    assert decoded_low == pytest.approx(low, abs=0.1) and decoded_high == pytest.approx(high, abs=0.1)


def test_pace_is_stored_as_speed_with_the_slower_pace_low():
    assert RANGES["pace"].encode_range(240, 250, "s/km") == (4000, 4167)  # mm/s
    assert RANGES["pace"].encode_range(386.2, 386.2, "s/mi") == (4167, 4167)  # 6:26/mi is 4:00/km


def test_odd_step_cadences_widen_to_whole_strides():
    assert RANGES["cadence"].encode_range(171, 179, "spm") == (85, 90)
    assert RANGES["cadence"].encode_range(85, 95, "rpm") == (85, 95)


@pytest.mark.parametrize(
    "duration",
    [
        Time(1800),
        Time(0.5),
        Distance(400, "m"),
        Distance(5000, "km"),
        LapKey(),
        UntilHeartRate(False, 120, "bpm"),
        UntilHeartRate(True, 80, "%max"),
    ],
)
def test_durations_round_trip(duration):
    assert decode_duration(*encode_duration(duration)) == duration


@pytest.mark.parametrize(
    ("kind", "value", "message"),
    [
        (profile.DURATION_TIME, 0, "a time duration of zero"),
        (profile.DURATION_DISTANCE, None, "a distance duration without a value"),
        (profile.DURATION_TIME + 100, 5, "a type 100 duration"),
        (4, 500, "a calories duration"),
    ],
)
def test_durations_the_language_lacks_are_named(kind, value, message):
    with pytest.raises(Unsupported, match=message):
        decode_duration(kind, value)


@pytest.mark.parametrize(
    "target",
    [
        Target("hr", 2, None, None, None, SPAN),
        Target("power", 7, None, None, None, SPAN),
        Target("power", 4, None, None, None, SPAN, lap=True),
        Target("hr", None, 140, 150, "bpm", SPAN),
        Target("power", None, 250, 270, "W", SPAN, lap=True),
        Target("cadence", None, 170, 180, "spm", SPAN),
    ],
)
def test_targets_round_trip(target):
    assert decode_target(*encode_target(target), SPAN) == target


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ((profile.TARGET_HEART_RATE, 6, None, None), "a heart_rate target in zone 6"),
        ((profile.TARGET_CADENCE, 2, None, None), "a cadence target in zone 2"),
        ((profile.TARGET_SPEED, 0, None, 3000), "a speed target with no range"),
        ((profile.TARGET_SPEED, 0, 0, 3000), "a speed target of zero speed"),
        ((7, 0, 1, 2), "a power_3s target"),
    ],
)
def test_targets_the_language_lacks_are_named(raw, message):
    kind, zone, low, high = raw
    with pytest.raises(Unsupported, match=message):
        decode_target(kind, zone, low, high, SPAN)


def test_an_open_target_is_no_target():
    assert decode_target(None, None, None, None, SPAN) is None
    assert decode_target(profile.TARGET_OPEN, 0, None, None, SPAN) is None
