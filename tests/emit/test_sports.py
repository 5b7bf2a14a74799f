"""Pages for every sport: a swim's strokes, equipment, send-offs and pool units, a strength
session's sets, reps and weights, a ride's power and speeds, the new durations and
intensities in words, and a chart whose height follows the sport."""

from __future__ import annotations

import html
import re

import pytest

from workoutc.check.config import Athlete
from workoutc.emit.html import workout_page
from workoutc.emit.sports import exercise_label, header_words, kind_words, step_word
from workoutc.emit.view import chart, step_rows, totals
from workoutc.emit.words import amount_words, repeat_until_words, target_words
from workoutc.model import (
    Calories,
    Distance,
    Exercise,
    Intensity,
    Lengths,
    Pool,
    Reps,
    SendOff,
    Time,
    Tss,
    UntilHeartRate,
    UntilPower,
)

from . import sport_models as m

ATHLETE = Athlete(ftp=250, max_hr=190, easy_pace=(330, 360))
DOT, DASH = " \u00b7 ", "\u2013"


def page(workout, athlete=ATHLETE) -> str:
    """The page's text, tags and the chart's bars left out, entities decoded."""
    made = workout_page(workout, text="\n" * 10, findings=[], athlete=athlete, fit_name=None)
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", made)))


def rows(workout, athlete=ATHLETE) -> list[dict]:
    return step_rows(workout.steps, athlete, workout)


# ------------------------------------------------------------------ swimming


def test_a_swim_shows_strokes_equipment_and_its_pool():
    shown = [(row["label"], row["duration"], row["rest"]) for row in rows(m.swim())]
    assert shown == [
        ("swim \u00b7 freestyle", "400 m \u00b7 16 lengths", ""),
        ("swim \u00b7 drill \u00b7 with fins", "4 \u00d7 50 m", "rest 15 s"),
        ("swim \u00b7 freestyle", "10 \u00d7 100 m", "send-off 1:45"),
        ("swim \u00b7 backstroke", "200 m \u00b7 8 lengths", ""),
        ("cool-down \u00b7 freestyle", "100 m \u00b7 4 lengths", ""),
    ]


def test_a_swim_page_has_its_description_pool_and_distance_in_metres():
    text = page(m.swim())
    assert "Main set on a send-off" in text
    assert "swimming \u00b7 lap swimming \u00b7 25 m pool \u00b7 sports.wkt" in text
    assert "Distance 1,900 m" in text and "Pool 25 m" in text
    assert not re.search(r"\d (km|mi)\b|/km|/mi", text)  # no running distances or paces for a swim
    assert {row["open"] for row in rows(m.swim())} == {""}  # a swim without a target is not "open"


def test_a_send_off_times_the_whole_repetition():
    sums = totals(m.swim(), ATHLETE)
    assert not sums.time_known  # the other swims have no pace to time them
    assert sums.seconds == pytest.approx(10 * 105 + 4 * 15)
    assert sums.metres == 1900 and sums.distance_known


def test_a_yard_pool_shows_yards_lengths_and_paces_per_100_yd():
    workout = m.yard_swim()
    shown = rows(workout)
    assert shown[0]["duration"] == "8 lengths \u00b7 200 yd"
    assert shown[1]["duration"] == "6 \u00d7 100 yd"
    assert shown[1]["targets"] == [f"1:20{DASH}1:25 /100 yd{DOT}1:27{DASH}1:33 /100 m"]
    assert (
        shown[2]["label"] == "swim \u00b7 IM \u00b7 with pull buoy"
        and shown[2]["duration"] == "200 yd \u00b7 8 lengths"
    )
    assert totals(workout, ATHLETE).distance_words(False) == "1,000 yd"


def test_a_swim_chart_measures_pace_per_100():
    drawn = chart(m.yard_swim(), ATHLETE)
    assert drawn["title"] == "Pace over time" and drawn["legend"].startswith("height: pace per 100 yd")
    assert drawn["lines"] and all(line["label"].endswith(" /100 yd") for line in drawn["lines"])
    assert not any(bar["open"] for bar in drawn["bars"])  # an untimed swim is drawn, not faded


# ------------------------------------------------------------------ strength


def test_a_strength_session_lists_sets_reps_and_weights_without_a_chart():
    workout = m.strength()
    shown = [(row["label"], row["duration"], row["rest"]) for row in rows(workout)]
    assert shown == [
        ("warm-up", "5 min", ""),
        ("squat", "3 \u00d7 10 reps @ 60 kg", "rest 1 min 30 s"),
        ("bench press", "3 \u00d7 8 reps @ 50 kg", "rest 2 min"),
        ("plank", "3 \u00d7 45 s", "rest 30 s"),
        ("goblet squat", "12 reps @ 16 kg", ""),
    ]
    text = page(workout)
    assert "Sets 10" in text and "Distance" not in text
    assert 'class="profile"' not in workout_page(workout, text="", findings=[], athlete=ATHLETE, fit_name=None)
    assert "Steps on the watch 11 8 steps and 3 repeats" in text


def test_the_strength_header_says_strength_once():
    assert kind_words(m.strength()) == "strength" and header_words(m.strength()) == ""


def test_exercise_labels_come_from_fit_names():
    assert exercise_label("squat", "goblet_squat") == "goblet squat"
    assert exercise_label("bench_press", None) == "bench press"
    assert step_word(m.step(Intensity.ACTIVE, Reps(5), exercise=Exercise("deadlift", None, 100, "kg"))) == "deadlift"


# ------------------------------------------------------------------ cycling


def test_a_ride_charts_power_in_percent_of_ftp():
    workout = m.sweet_spot()
    drawn = chart(workout, ATHLETE)
    assert drawn["title"] == "Power over time" and drawn["legend"] == "height: power, % of FTP"
    assert [line["label"] for line in drawn["lines"]] == ["50 % FTP", "100 % FTP"]
    work, warmup = drawn["bars"][1], drawn["bars"][0]
    assert work["height"] > warmup["height"] and work["label"].startswith("ride: 12 min, power 88")
    assert [row["label"] for row in rows(workout)][1:3] == ["repeat 3 \u00d7", "ride"]  # intervals keep their block


def test_a_ride_in_watts_without_an_ftp_charts_watts():
    workout = m.workout("W", [m.step(Intensity.ACTIVE, Time(600), m.target("power", 200, 220, "W"))], sport="cycling")
    drawn = chart(workout, Athlete())
    assert drawn["legend"] == "height: power, W" and drawn["lines"][0]["label"] == "100 W"


def test_a_ride_is_never_timed_or_measured_at_a_running_pace():
    workout = m.road_ride()
    sums = totals(workout, ATHLETE)  # the athlete's easy running pace is known, and unused
    assert sums.seconds == pytest.approx(600 + 20000 / (31 / 3.6))
    assert sums.metres == pytest.approx(25 / 3.6 * 600 + 20000)
    assert not sums.time_known and not sums.distance_known  # calories, TSS, a power condition
    ride = m.workout("R", [m.step(Intensity.ACTIVE, Time(3600))], sport="cycling")
    assert totals(ride, ATHLETE).metres == 0 and "Distance" not in page(ride)
    assert "/km" not in page(workout) and "/mi" not in page(workout)


def test_a_ride_shows_speeds_cadence_grade_and_resistance():
    shown = rows(m.road_ride())
    assert shown[0]["targets"] == [f"speed 24{DASH}26 km/h{DOT}14.9{DASH}16.2 mph", f"cadence 85{DASH}95 rpm"]
    assert shown[1]["targets"] == [f"lap speed 30{DASH}32 km/h{DOT}18.6{DASH}19.9 mph"]
    assert shown[2]["label"] == "interval" and shown[2]["targets"] == [f"grade 5{DASH}6 %"]
    assert shown[3]["label"] == "other" and shown[3]["duration"] == "200 kcal"
    assert shown[4]["duration"] == "20 TSS" and shown[4]["targets"] == [
        f"10 s power 200{DASH}220 W{DOT}80{DASH}88 % FTP"
    ]
    assert shown[5]["targets"] == ["resistance 3"]
    assert kind_words(m.road_ride()) == "easy cycling" and header_words(m.road_ride()) == "road"


def test_a_speed_only_ride_charts_speed():
    workout = m.workout("S", [m.step(Intensity.ACTIVE, Time(600), m.target("speed", 30, 32, "km/h"))], sport="cycling")
    drawn = chart(workout, ATHLETE)
    assert drawn["title"] == "Speed over time" and drawn["lines"][-1]["label"] == "30 km/h"
    assert chart(workout, Athlete(units="imperial"))["legend"] == "height: speed, mph"


# ------------------------------------------------------------------ words


@pytest.mark.parametrize(
    "duration, sport, pool, expected",
    [
        (UntilPower(True, 250, "W"), "cycling", None, "until power > 250 W"),
        (UntilPower(False, 80, "%ftp", "3s"), "cycling", None, "until 3 s power < 80 % FTP"),
        (Calories(300), "running", None, "300 kcal"),
        (Reps(1), "training", None, "1 rep"),
        (Tss(50), "cycling", None, "50 TSS"),
        (SendOff(105), "swimming", Pool(25, "m"), "send-off 1:45"),
        (Lengths(4), "swimming", Pool(25, "m"), "4 lengths \u00b7 100 m"),
        (Distance(1500, "m"), "swimming", None, "1,500 m"),
        (Distance(1500, "m"), "cycling", None, "1.5 km \u00b7 0.93 mi"),
    ],
)
def test_durations_in_words(duration, sport, pool, expected):
    assert amount_words(duration, ATHLETE, sport, pool) == expected


@pytest.mark.parametrize(
    "until, expected",
    [
        (UntilHeartRate(True, 160, "bpm"), "until HR > 160 bpm"),
        (UntilPower(False, 250, "W", "max-lap"), "until max lap power < 250 W"),
        (Time(1200), "for 20 min"),
        (Distance(5000, "km"), "for 5 km \u00b7 3.11 mi"),
        (Calories(500), "until 500 kcal"),
        (Tss(50), "until 50 TSS"),
    ],
)
def test_repeat_ends_in_words(until, expected):
    assert repeat_until_words(until, ATHLETE, "cycling") == expected


def test_a_runners_cadence_in_rpm_still_reads_in_steps():
    cadence = m.target("cadence", 85, 90, "rpm")
    assert target_words(cadence, ATHLETE) == f"cadence 170{DASH}180 spm"
    assert target_words(cadence, ATHLETE, "cycling") == f"cadence 85{DASH}90 rpm"
