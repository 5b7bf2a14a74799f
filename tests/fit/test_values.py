"""Each encoding in fit/values.py against its inverse: what the writer writes, the reader reads back."""

from __future__ import annotations

from datetime import datetime

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
    decode_local_time,
    decode_target,
    encode_duration,
    encode_local_time,
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
        Target("power", 4, None, None, None, SPAN, average="lap"),
        Target("hr", None, 140, 150, "bpm", SPAN),
        Target("power", None, 250, 270, "W", SPAN, average="lap"),
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


# ------------------------------------------------------------------ the language's limits


@pytest.mark.parametrize(
    ("kind", "value", "message"),
    [
        (profile.DURATION_TIME, 100 * 3_600_000, r"a time duration of 100h \(a step lasts at most 24h\)"),
        (profile.DURATION_TIME, 86_400_001, "a time duration of 24h"),
        (profile.DURATION_DISTANCE, 100_000_001, r"a distance duration of 1000km \(a step covers at most 1000km\)"),
        (profile.DURATION_HR_GREATER_THAN, 999, r"a heart rate of 899bpm \(the language takes 30-250bpm\)"),
        (profile.DURATION_HR_LESS_THAN, 129, "a heart rate of 29bpm"),
        (profile.DURATION_HR_LESS_THAN, 0, r"a heart rate of 0% \(the language takes 1-100%\)"),
    ],
)
def test_durations_beyond_the_limits_are_unsupported(kind, value, message):
    with pytest.raises(Unsupported, match=message):
        decode_duration(kind, value)


@pytest.mark.parametrize(
    "raw, duration",
    [
        ((profile.DURATION_TIME, 86_400_000), Time(86_400)),
        ((profile.DURATION_DISTANCE, 100_000_000), Distance(1_000_000, "km")),
        ((profile.DURATION_HR_GREATER_THAN, 350), UntilHeartRate(True, 250, "bpm")),
        ((profile.DURATION_HR_LESS_THAN, 130), UntilHeartRate(False, 30, "bpm")),
        ((profile.DURATION_HR_LESS_THAN, 1), UntilHeartRate(False, 1, "%max")),
    ],
)
def test_durations_at_the_limits_are_read(raw, duration):
    assert decode_duration(*raw) == duration


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (
            (profile.TARGET_HEART_RATE, 0, 201, 400),
            r"a heart_rate target of 101-300bpm \(the language takes 30-250bpm\)",
        ),
        ((profile.TARGET_HEART_RATE, 0, 0, 50), "a heart_rate target of 0-50%"),
        ((profile.TARGET_POWER, 0, 1001, 4001), r"a power target of 1-3001W \(the language takes 1-3000W\)"),
        ((profile.TARGET_POWER, 0, 250, 301), "a power target of 250-301%"),
        ((profile.TARGET_POWER_LAP, 0, 0, 100), "a power_lap target of 0-100%"),
        ((profile.TARGET_CADENCE, 0, 9, 90), r"a cadence target of 18-180spm \(the language takes 20-300spm\)"),
        ((profile.TARGET_CADENCE, 0, 90, 151), "a cadence target of 180-302spm"),
        (
            (profile.TARGET_SPEED, 0, 5000, 11112),
            r"a speed target of 1:29.99-3:20/km \(the language takes 1:30-30:00/km\)",
        ),
        ((profile.TARGET_SPEED, 0, 555, 1000), "a speed target of 16:40-30:01.8/km"),
    ],
)
def test_targets_beyond_the_limits_are_unsupported(raw, message):
    kind, zone, low, high = raw
    with pytest.raises(Unsupported, match=message):
        decode_target(kind, zone, low, high, SPAN)


@pytest.mark.parametrize(
    "raw",
    [
        (profile.TARGET_HEART_RATE, 0, 130, 350),
        (profile.TARGET_HEART_RATE, 0, 1, 100),
        (profile.TARGET_POWER, 0, 1001, 4000),
        (profile.TARGET_POWER, 0, 1, 300),
        (profile.TARGET_CADENCE, 0, 10, 150),
        (profile.TARGET_SPEED, 0, 556, 11111),  # 30:00/km and 1:30/km, as the language writes them
        (profile.TARGET_HEART_RATE, 0, 350, 130),  # either way round
    ],
)
def test_targets_at_the_limits_are_read(raw):
    kind, zone, low, high = raw
    assert decode_target(kind, zone, low, high, SPAN) is not None


@pytest.mark.parametrize("when", [datetime(2000, 1, 1), datetime(2026, 11, 26, 7, 30), datetime(2099, 12, 31, 23, 59)])
def test_a_schedules_local_time_round_trips(when):
    assert decode_local_time(encode_local_time(when)) == when


def test_a_local_time_is_seconds_from_the_fit_epoch_and_a_small_one_no_date():
    assert encode_local_time(datetime(1990, 1, 1)) == 86_400
    with pytest.raises(Unsupported, match=r"^a time 86400 s after a device was switched on, not a date$"):
        decode_local_time(86_400)
