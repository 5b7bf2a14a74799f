"""Each encoding in fit/values.py against its inverse: what the writer writes, the reader reads back."""

from __future__ import annotations

from datetime import datetime

import pytest

from workoutc.diagnostics import Span
from workoutc.fit import profile
from workoutc.fit.values import (
    CENTIMETRES,
    EQUIPMENT,
    HEART_RATE,
    HUNDREDTHS,
    INTENSITY,
    MILLISECONDS,
    POOL_UNIT,
    POWER,
    RANGES,
    SPORT,
    STROKE,
    SUB_SPORT,
    TARGET_TYPE,
    WEIGHT_UNIT,
    Reversed,
    Unsupported,
    decode_duration,
    decode_local_time,
    decode_repeat,
    decode_target,
    encode_duration,
    encode_local_time,
    encode_repeat,
    encode_stroke,
    encode_target,
)
from workoutc.model import (
    Calories,
    Distance,
    LapKey,
    Lengths,
    Pool,
    Reps,
    SendOff,
    Target,
    Time,
    Tss,
    UntilHeartRate,
    UntilPower,
)

SPAN = Span(1, 1, 1, 2)


TABLES = [INTENSITY, SPORT, SUB_SPORT, TARGET_TYPE, STROKE, EQUIPMENT, POOL_UNIT, WEIGHT_UNIT]


@pytest.mark.parametrize("table", TABLES, ids=lambda table: ",".join(map(str, list(table.raw)[:2])))
def test_enum_tables_are_one_to_one(table):
    assert len(set(table.raw.values())) == len(table.raw)
    assert all(table.value[raw] == value for value, raw in table.raw.items())


def test_every_fit_sport_keeps_its_name():
    assert SPORT.value[profile.SPORT_CYCLING] == "cycling" and SPORT.raw["stand_up_paddleboarding"] == 37
    assert SUB_SPORT.value[6] == "indoor_cycling" and STROKE.value[4] == "drill"
    assert EQUIPMENT.value[1] == "swim_fins" and 0 not in EQUIPMENT.value  # 0 is FIT's "none"
    assert POOL_UNIT.value == {0: "m", 1: "yd"} and WEIGHT_UNIT.value == {1: "kg", 2: "lb"}


def test_scaled_quantities_round_trip_to_the_unit_stored():
    assert MILLISECONDS.encode(90.5) == 90_500 and MILLISECONDS.decode(90_500) == 90.5
    assert CENTIMETRES.encode(1609.344) == 160_934 and CENTIMETRES.decode(160_934) == 1609.34
    assert HUNDREDTHS.encode(22.86) == 2286 and HUNDREDTHS.decode(2286) == 22.86  # a 25 yd pool in metres


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
        ("cadence", 85, 95, "rpm"),
        ("pace", 240, 250, "s/km"),
        ("pace", 420, 435, "s/mi"),
        ("pace", 95, 105, "s/100m"),
        ("pace", 80, 90, "s/100yd"),
        ("speed", 30, 35, "km/h"),
        ("speed", 18, 22, "mph"),
        ("grade", 2, 6, "%"),
        ("resistance", 3, 7, ""),
    ],
)
def test_custom_ranges_round_trip(metric, low, high, unit):
    raw = RANGES[metric].encode_range(low, high, unit)
    decoded_low, decoded_high, decoded_unit = RANGES[metric].decode_range(*raw, metric, unit)
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
        *[
            UntilPower(above, 250, "W", average)
            for average in (None, "3s", "10s", "30s", "lap")
            for above in (False, True)
        ],
        UntilPower(False, 90, "%ftp"),
        Calories(300),
        Reps(12),
        Tss(50),
        SendOff(105),
    ],
)
def test_durations_round_trip(duration):
    assert decode_duration(*encode_duration(duration)) == duration


def test_lengths_are_a_distance_in_the_pools_length():
    pool = Pool(22.86, "yd")
    assert encode_duration(Lengths(4), pool) == (profile.DURATION_DISTANCE, 9144)
    assert decode_duration(*encode_duration(Lengths(4), pool)) == Distance(91.44, "m")


@pytest.mark.parametrize(
    ("count", "until"),
    [
        (5, None),
        (None, UntilHeartRate(False, 130, "bpm")),
        (None, UntilHeartRate(True, 85, "%max")),
        (None, UntilPower(False, 200, "W")),
        (None, UntilPower(True, 110, "%ftp")),
        (None, UntilPower(False, 180, "W", "lap")),
        (None, UntilPower(False, 400, "W", "max-lap")),
        (None, Time(1800)),
        (None, Distance(5000, "km")),
        (None, Calories(500)),
        (None, Tss(80)),
    ],
)
def test_repeats_round_trip(count, until):
    kind, _, value = encode_repeat(count, until)
    assert decode_repeat(kind, value) == (count, until)


def test_a_repeat_count_is_its_target_value():
    assert encode_repeat(3, None) == (profile.DURATION_REPEAT_UNTIL_STEPS_CMPLT, profile.TARGET_OPEN, 3)
    with pytest.raises(Unsupported, match=r"a repeat count of 0 \(the language takes 1-99\)"):
        decode_repeat(profile.DURATION_REPEAT_UNTIL_STEPS_CMPLT, 0)


@pytest.mark.parametrize(
    ("kind", "value", "message"),
    [
        (profile.DURATION_TIME, 0, "a time duration of zero"),
        (profile.DURATION_DISTANCE, None, "a distance duration without a value"),
        (profile.DURATION_TIME + 100, 5, "a type 100 duration"),
        (profile.DURATION_TIME_ONLY, 5000, "a time only duration"),
        (profile.DURATION_CALORIES, 0, r"a calories duration of 0 \(the language takes"),
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
        *[Target("power", None, 200, 220, "W", SPAN, average) for average in ("3s", "10s", "30s")],
        Target("hr", None, 70, 80, "%max", SPAN, average="lap"),
        Target("pace", None, 200, 250, "s/km", SPAN, average="lap"),  # 5 and 4 m/s: exact
        Target("grade", None, 2, 4, "%", SPAN),
        Target("resistance", None, 5, 8, "", SPAN),
    ],
)
def test_targets_round_trip(target):
    assert decode_target(*encode_target(target), SPAN) == target


@pytest.mark.parametrize(
    ("target", "speed_unit"),
    [
        (Target("speed", None, 30, 35, "km/h", SPAN), "km/h"),
        (Target("speed", None, 18, 22, "mph", SPAN, average="lap"), "mph"),
        (Target("pace", None, 95, 105, "s/100m", SPAN), "s/100m"),
        (Target("pace", None, 80, 90, "s/100yd", SPAN), "s/100yd"),
        (Target("cadence", None, 85, 95, "rpm", SPAN), "km/h"),  # a bike's cadence is revolutions
        (Target("cadence", None, 170, 180, "spm", SPAN), "s/km"),  # a runner's is steps
    ],
)
def test_speeds_are_read_in_the_unit_the_sport_asks_for(target, speed_unit):
    raw = encode_target(target)
    decoded = decode_target(*raw, SPAN, speed_unit=speed_unit)
    assert decoded is not None and (decoded.metric, decoded.unit) == (target.metric, target.unit)
    assert decoded.bounds == pytest.approx(target.bounds, abs=0.05)  # speeds are whole mm/s
    assert encode_target(decoded) == raw


def test_a_stroke_is_a_swim_stroke_target():
    assert encode_stroke("backstroke") == (profile.TARGET_SWIM_STROKE, 1, 0xFFFFFFFF, 0xFFFFFFFF)
    with pytest.raises(Unsupported, match="a swim stroke target"):
        decode_target(*encode_stroke("backstroke"), SPAN)


@pytest.mark.parametrize(
    ("raw", "low", "high"),
    [
        ((profile.TARGET_HEART_RATE, 0, 350, 130), 30, 250),
        ((profile.TARGET_SPEED, 0, 4167, 4000), 240, 250),  # the faster speed first
        ((profile.TARGET_POWER, 0, 1300, 1200), 200, 300),
    ],
)
def test_a_range_written_high_end_first_is_turned_round(raw, low, high):
    kind, zone, first, second = raw
    with pytest.raises(Reversed) as reversed_range:
        decode_target(kind, zone, first, second, SPAN)
    assert reversed_range.value.target.bounds == pytest.approx((low, high), abs=0.05)


def test_a_pace_range_written_slower_speed_low_is_not_reversed():
    target = decode_target(profile.TARGET_SPEED, 0, 4000, 4167, SPAN)
    assert target is not None and target.bounds == pytest.approx((240, 250), abs=0.05)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ((profile.TARGET_HEART_RATE, 6, None, None), "a heart rate target in zone 6"),
        ((profile.TARGET_POWER, 8, None, None), "a power target in zone 8"),
        ((profile.TARGET_CADENCE, 11, None, None), "a cadence target in zone 11"),
        ((profile.TARGET_SPEED, 11, None, None), "a speed target in zone 11"),
        ((profile.TARGET_SPEED, 0, None, 3000), "a speed target with no range"),
        ((profile.TARGET_SPEED, 0, 0, 3000), "a speed target of zero speed"),
        ((14, 0, 1, 2), "a type 14 target"),
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
            r"a heart rate target of 101-300bpm \(the language takes 30-250bpm\)",
        ),
        ((profile.TARGET_HEART_RATE, 0, 0, 50), "a heart rate target of 0-50%"),
        ((profile.TARGET_POWER, 0, 1001, 4001), r"a power target of 1-3001W \(the language takes 1-3000W\)"),
        ((profile.TARGET_POWER, 0, 250, 301), "a power target of 250-301%"),
        ((profile.TARGET_POWER_LAP, 0, 0, 100), "a power lap target of 0-100%"),
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
