"""A checker that knows sports (issue 16): a cyclist's, a swimmer's, a lifter's and a
triathlete's weeks draw no warning meant for runners, running words stay out of the
findings on other sports, and a ride's classic mistakes are still caught by the rule
that owns them."""

from __future__ import annotations

import tomllib

import pytest

from workoutc.check.config import parse_config
from workoutc.check.estimates import timeable, workout_seconds
from workoutc.check.training import EASY, HARD, MODERATE, session_intensity
from workoutc.diagnostics import Severity, Span
from workoutc.language.source import load_text
from workoutc.model import Calories, Intensity, Lengths, Pool, Reps, SendOff, Step, Time, Tss, UntilPower, Workout

from .rules.helpers import findings, hits, notes

PROFILE = """
[athlete]
max_hr = 186
level = "intermediate"
easy_pace = "5:20-5:50/km"
threshold_pace = "4:10/km"
ftp = 250
"""
REPORTED = (Severity.WARNING, Severity.ERROR)
HERE = Span.point(1, 1)

# A cyclist's week after TrainerRoad's and Coggan's power-based plans: sweet spot and
# threshold intervals, a recovery spin, endurance rides (Coggan's level 2, 56-75 % FTP).
CYCLIST = """
workout "Sweet spot 3x12" intervals cycling indoor-cycling
  warmup 10min power 50-65%
  3x
    ride 12min power 88-94%
    recover 5min power 50-55%
  cooldown 10min power 45-55%

workout "Threshold 2x20" threshold cycling
  warmup 15min power 50-70%
  2x
    ride 20min power 95-100%
    recover 5min power 50%
  cooldown 10min power<=55%

workout "Endurance 2h" easy cycling
  ride 2h power 56-75%

workout "Recovery spin" recovery cycling
  ride 60min power<=55% cadence 90-100rpm

plan "Cyclist week"
  2026-05-04 rest
  2026-05-05 "Sweet spot 3x12"
  2026-05-06 "Recovery spin"
  2026-05-07 "Threshold 2x20"
  2026-05-08 rest
  2026-05-09 long ride 5h power 56-75%
  2026-05-10 "Endurance 2h"
"""

# A masters swimmer's week: a threshold set on a send-off twice, aerobic sets between.
SWIMMER = """
workout "Swim: CSS 100s" threshold pool 25m
  warmup 400m free
  4x50m drill fins rest 15s
  10x100m free pace 1:30-1:35/100m on 1:55
  swim 200m free pull-buoy
  cooldown 200m mixed

workout "Swim aerobic" easy pool 25m
  swim 400m free
  6x200m free rest 20s
  8x50m back rest 15s
  swim 8len mixed

workout "Swim recovery" recovery pool 25m
  8x100m free rest 20s

plan "Swimmer week"
  2026-05-04 "Swim aerobic"
  2026-05-05 "Swim: CSS 100s"
  2026-05-06 "Swim recovery"
  2026-05-07 "Swim: CSS 100s"
  2026-05-08 "Swim aerobic"
  2026-05-09 long swim 4000m
  2026-05-10 rest
"""

# A lifter's week: two full-body sessions alternated, walks and a hike between.
LIFTER = """
workout "Strength A" strength
  warmup 5min
  squat 3x10 @ 60kg rest 90s
  bench-press 3x8 @ 50kg rest 2min
  plank 3x45s rest 30s

workout "Strength B" strength
  warmup 5min
  deadlift 5x5 @ 100kg rest 3min
  pull-up 3x8 rest 2min
  farmers-walk 3x30m rest 90s

plan "Lifter week"
  2026-05-04 "Strength A"
  2026-05-05 walk 45min
  2026-05-06 "Strength B"
  2026-05-07 rest
  2026-05-08 "Strength A"
  2026-05-09 hike 3h
  2026-05-10 rest
"""

# A triathlete's week: swims, a hard ride, a tempo run, and a Saturday brick (a FIT
# workout holds one sport: two workouts on one day).
TRIATHLETE = """
workout "Bike intervals" intervals cycling
  warmup 15min power 50-70%
  4x
    ride 8min power 100-105%
    recover 4min power 50%
  cooldown 10min power<=55%

workout "Run tempo" tempo
  warmup 15min hr<=z2
  run 20min pace 4:15-4:25/km
  cooldown 10min hr<=z2

workout "Brick ride" tempo cycling
  warmup 15min power 50-65%
  ride 60min power 80-88%
  cooldown 5min

workout "Brick run"
  run 20min hr<=z3 "off the bike: settle into race pace"
  cooldown 5min

workout "Swim endurance" easy pool 25m
  swim 400m free
  5x200m free rest 20s
  cooldown 200m mixed

plan "Triathlete week"
  2026-05-04 "Swim endurance"
  2026-05-05 "Bike intervals"
  2026-05-06 "Swim endurance"
  2026-05-06 18:00 easy 40min hr<=z2
  2026-05-07 "Run tempo"
  2026-05-08 rest
  2026-05-09 07:00 "Brick ride"
  2026-05-09 08:40 "Brick run"
  2026-05-10 easy 45min hr<=z2
"""


@pytest.mark.parametrize("week", [CYCLIST, SWIMMER, LIFTER, TRIATHLETE], ids=["cyclist", "swimmer", "lifter", "tri"])
def test_a_sensible_week_of_another_sport_draws_no_warning(week):
    found = [f"{d.code} {d.message}" for d in findings(week, PROFILE) if d.severity in REPORTED]
    assert found == []


@pytest.mark.parametrize("week", [CYCLIST, SWIMMER, LIFTER], ids=["cyclist", "swimmer", "lifter"])
def test_no_running_words_about_other_sports(week):
    said = [f"{d.message} {d.hint or ''}" for d in findings(week, PROFILE) if d.code != "N001"]
    assert not [text for text in said if "running" in text or " run " in text or "runs" in text]


def test_a_week_without_running_never_asks_for_running_paces():
    assert not [m for m in notes(CYCLIST + SWIMMER + LIFTER) if "pace" in m]


# ------------------------------------------------------------------ a ride's mistakes, caught by their rule


def test_a_recovery_ride_at_95_percent_ftp_is_r103():
    [message] = hits("R103", 'workout "Spin" recovery cycling\n  ride 40min power 90-100%\n', PROFILE)
    assert "above the recovery cap of 55 %" in message


def test_a_recovery_ride_is_capped_at_coggans_active_recovery():
    assert hits("R103", 'workout "Spin" recovery cycling\n  ride 40min power z2\n', PROFILE)
    assert not hits("R103", 'workout "Spin" recovery cycling\n  ride 40min power z1\n', PROFILE)
    assert not hits("R103", 'workout "Spin" recovery cycling\n  ride 40min power<=55%\n', PROFILE)


def test_an_uncapped_recovery_ride_is_told_of_a_power_cap():
    [problem] = [d for d in findings('workout "Spin" recovery cycling\n  ride 40min\n', PROFILE) if d.code == "R105"]
    assert "recovery ride has no heart-rate or power cap" in problem.message
    assert "power<=55%" in (problem.hint or "")


def test_an_easy_ride_at_heart_rate_zone_4_is_s206_in_riding_words():
    [message] = hits("S206", 'workout "E" easy cycling\n  ride 60min hr z4\n', PROFILE)
    assert message == "heart-rate zone 4 is harder than easy riding, so this easy ride is not easy"


def test_a_long_ride_at_sweet_spot_is_past_tempo():
    [message] = hits("S206", 'workout "L" long cycling\n  ride 3h power 88-94%\n', PROFILE)
    assert "long ride" in message


def test_a_ride_warms_up_ten_minutes():
    cold = 'workout "SS" intervals cycling\n  warmup 5min power 50%\n  3x\n    ride 10min power 90%\n    recover 5min\n'
    [message] = hits("S201", cold, PROFILE)
    assert message == "the first repeat comes after only 5 min of easy riding"
    assert not hits("S201", cold.replace("warmup 5min", "warmup 10min"), PROFILE)


# ------------------------------------------------------------------ running rules stay with runs


@pytest.mark.parametrize(
    "code, text",
    [
        ("R101", 'workout "Spin" recovery cycling\n  ride 75min power z1\n'),
        ("R102", 'workout "Spin" recovery cycling\n  ride 15min power z1\n'),
        ("R104", 'workout "Easy swim" recovery pool 25m\n  8x100m free rest 20s\n'),
        ("R105", 'workout "Easy swim" recovery pool 25m\n  swim 800m free\n'),
        ("S203", "long ride 5h30min power z2\n"),
        ("S205", 'workout "Kick" easy pool 25m\n  4x25m free rest 10s\n'),
        ("S205", 'workout "Carry" strength\n  farmers-walk 3x30m rest 90s\n'),
        ("S204", 'workout "Steady" easy pool 25m\n  swim 400m free pace 1:40-1:41/100m\n'),
        ("S201", 'workout "Legs" intervals strength\n  squat 5x5 @ 100kg rest 3min\n'),
    ],
)
def test_a_running_rule_leaves_other_sports_alone(code, text):
    assert not hits(code, text, PROFILE)


def test_a_swims_pace_is_not_a_running_pace():
    # 1:20/100m is 13:20/km: far slower than easy running, and no verdict on a swim
    assert not hits("R103", 'workout "Easy" recovery pool 25m\n  swim 400m free pace 1:20-1:30/100m\n', PROFILE)
    assert not hits("S206", 'workout "Easy" easy pool 25m\n  swim 400m free pace 1:10-1:15/100m\n', PROFILE)


# ------------------------------------------------------------------ plan rules: what they count


def test_a_brick_is_no_double_of_one_sport_but_two_hard_rides_are():
    brick = 'plan "B"\n  2026-05-09 07:00 tempo ride 60min\n  2026-05-09 09:00 tempo 20min\n'
    assert not hits("P310", brick, PROFILE)
    assert hits("P310", brick.replace("tempo 20min", "tempo ride 30min"), PROFILE)


def test_quality_days_count_runs_only():
    rides = "".join(f"  2026-05-{day:02d} intervals ride 60min\n" for day in (4, 6, 8))
    assert not hits("P303", 'plan "Rides"\n' + rides, PROFILE)


def test_the_load_counts_every_sport():
    weeks = "".join(f"  2026-{month}-{day:02d} easy 40min\n" for month, day in [("04", 6), ("04", 13), ("04", 20)])
    spike = "".join(f"  2026-04-{day:02d} easy ride 2h\n" for day in (27, 28, 29))
    found = hits("P308", 'plan "P"\n' + weeks + spike + "  2026-05-03 easy 40min\n", PROFILE)
    assert found and "trains" in found[0]
    assert not hits("P305", 'plan "P"\n' + weeks + spike + "  2026-05-03 easy 40min\n", PROFILE)


# ------------------------------------------------------------------ effective intensity of every sport


def _athlete(extra: str = ""):
    return parse_config(tomllib.loads(PROFILE + extra), "t.toml").athlete


def _workout(text: str) -> Workout:
    loaded = load_text(text, "t.wkt")
    assert loaded.document is not None, loaded.diagnostics
    return loaded.document.all_workouts()[0]


@pytest.mark.parametrize(
    "text, level, why",
    [
        ('workout "A" strength\n  squat 3x10 @ 60kg rest 90s\n', MODERATE, "a strength session"),
        ('workout "A" easy strength\n  plank 3x45s rest 30s\n', EASY, "easy training"),
        ("easy ride 90min power z2\n", EASY, "easy riding"),
        ("ride 4h30min power z2\n", MODERATE, "4 h 30 min of riding"),
        ("ride 60min power 95-100%\n", HARD, "1 h at 95-100 % of FTP"),
        ("ride 60min hr z4\n", HARD, "1 h at heart-rate zone 4"),
        ("swim 2000m\n", EASY, "easy swimming"),
        ('workout "T" threshold pool 25m\n  10x100m free on 1:45\n', HARD, "a threshold session"),
        ("walk 45min\n", EASY, "easy walking"),
        ("hike 5h\n", EASY, "easy hiking"),
        ("run 2h30min\n", MODERATE, "2 h 30 min of running"),
    ],
)
def test_every_sport_has_an_effective_intensity(text, level, why):
    found = session_intensity(_workout(text), _athlete())
    assert (found.level, found.why) == (level, why)


def test_critical_power_stands_in_for_a_missing_ftp():
    text = "recovery 30min power 250W\n"
    profile = '[athlete]\nmax_hr = 186\neasy_pace = "5:20-5:50/km"\ncritical_power = 300\n'
    assert hits("R103", text, profile)
    assert not [m for m in notes(text, profile) if "ftp" in m]
    assert any(m.startswith("athlete.ftp is not set") for m in notes(text, "[athlete]\nmax_hr = 186\n"))


# ------------------------------------------------------------------ new durations in the estimates


def _steps(*durations, sport="cycling", pool=None) -> Workout:
    steps = tuple(Step(Intensity.ACTIVE, duration, (), None, HERE) for duration in durations)
    return Workout("W", None, steps, HERE, "w.wkt", sport=sport, pool=pool)


def test_lengths_are_pool_lengths_and_a_send_off_times_its_repetition():
    from workoutc.check.estimates import step_metres

    swim = _steps(Lengths(8), sport="swimming", pool=Pool(25.0, "m"))
    [lengths] = swim.steps
    assert isinstance(lengths, Step) and step_metres(lengths, _athlete(), swim) == 200
    sets = _steps(Lengths(4), SendOff(105), sport="swimming", pool=Pool(25.0, "m"))
    assert workout_seconds(sets, _athlete()) == 105 and timeable(sets, _athlete())


@pytest.mark.parametrize("duration", [Calories(300), Tss(50)])
def test_a_goal_of_calories_or_tss_leaves_the_length_unknown(duration):
    workout = _steps(Time(600), duration)
    assert workout_seconds(workout, _athlete()) == 600 and not timeable(workout, _athlete())


@pytest.mark.parametrize("duration", [Reps(10), UntilPower(True, 250, "W")])
def test_reps_and_power_conditions_are_open_ended(duration):
    workout = _steps(Time(600), duration, sport="training")
    assert workout_seconds(workout, _athlete()) == 600 and timeable(workout, _athlete())


def test_a_ride_by_distance_is_timed_by_its_speed_never_by_easy_running_pace():
    assert "easy_pace" not in " ".join(notes('workout "R" cycling\n  ride 20km\n'))
    ride = _workout('workout "R" cycling\n  ride 20km speed 30km/h\n')
    assert workout_seconds(ride, _athlete()) == pytest.approx(2400)
    assert not timeable(_workout('workout "R" cycling\n  ride 20km\n'), _athlete())
