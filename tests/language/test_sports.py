"""Issue 16's forms from text: sports and sub-sports, pools, swim strokes and equipment,
set lines, exercise lines, every duration, repeat condition and target. What each
lowers to, the errors new users meet (with their positions), and what `fmt` writes."""

from __future__ import annotations

import pytest

from workoutc.diagnostics import Span
from workoutc.fit import exercises
from workoutc.fit.decode import decompile
from workoutc.fit.encode import encode_workout
from workoutc.language.formatter import format_checked
from workoutc.language.printer import LINE_KEYWORDS, workout_text
from workoutc.language.source import load_text
from workoutc.model import (
    Calories,
    Distance,
    Exercise,
    Intensity,
    Lengths,
    Pool,
    Repeat,
    Reps,
    SendOff,
    Step,
    Target,
    Time,
    Tss,
    UntilHeartRate,
    UntilPower,
    Workout,
)

from ..helpers import TIME_CREATED, errors, fit_steps, messages, workout


def only_step(text: str):
    [node] = workout(text).steps
    return node


# ------------------------------------------------------------------ headers


@pytest.mark.parametrize(
    "header, sport, sub_sport, pool, description",
    [
        ('workout "x"', "running", None, None, None),
        ('workout "x" swim', "swimming", None, None, None),
        ('workout "x" pool 25m', "swimming", None, Pool(25, "m"), None),
        ('workout "x" pool 25yd', "swimming", None, Pool(25 * 0.9144, "yd"), None),
        ('workout "x" lap-swimming pool 25m', "swimming", "lap_swimming", Pool(25, "m"), None),
        ('workout "x" running generic', "running", "generic", None, None),
        ('workout "x" training hiit', "training", "hiit", None, None),
        ('workout "x" open-water', "swimming", "open_water", None, None),
        ('workout "x" strength', "training", "strength_training", None, None),
        ('workout "x" cardio', "training", "cardio_training", None, None),
        ('workout "x" cycling indoor-cycling', "cycling", "indoor_cycling", None, None),
        ('workout "x" indoor-cycling', "cycling", "indoor_cycling", None, None),
        ('workout "x" ride', "cycling", None, None, None),
        ('workout "x" running treadmill', "running", "treadmill", None, None),
        ('workout "x" easy trail', "running", "trail", None, None),
        ('workout "x" rowing indoor-rowing', "rowing", "indoor_rowing", None, None),
        ('workout "x" hike', "hiking", None, None, None),
        ('workout "x" tempo walk "Brisk"', "walking", None, None, "Brisk"),
        ('workout "x" swimming pool 50m "Main set"', "swimming", None, Pool(50, "m"), "Main set"),
    ],
)
def test_a_header_names_sport_sub_sport_pool_and_description(header, sport, sub_sport, pool, description):
    parsed = workout(header + "\n  active 1min\n")
    assert (parsed.sport, parsed.sub_sport, parsed.pool, parsed.description) == (sport, sub_sport, pool, description)


def test_a_pool_of_25_yards_is_held_in_metres_and_goes_out_in_hundredths_of_its_unit():
    header = messages('workout "x" pool 25yd "Set"\n  swim 100yd\n')["workout_mesgs"][0]
    assert header["sport"] == 5 and header["pool_length"] == 2286 and header["pool_length_unit"] == 1
    assert header["wkt_description"] == "Set"


def test_lengths_are_sugar_for_a_distance_in_the_pool():
    parsed = workout('workout "x" pool 25yd\n  swim 8len\n  swim 1lengths\n')
    assert [step.duration for step in parsed.steps] == [Lengths(8), Lengths(1)]
    steps = fit_steps('workout "x" pool 25yd\n  swim 8len\n  swim 1lengths\n')
    assert [(s["duration_type"], s["duration_value"]) for s in steps] == [(1, 18288), (1, 2286)]
    # Decompiled, a length is the distance it stands for, in the pool's unit.
    result = decompile(encode_workout(parsed, TIME_CREATED), "x")
    assert result.losses == []
    assert workout_text(result.workout) == 'workout "x" pool 25yd\n  swim 200yd\n  swim 25yd\n'


# ------------------------------------------------------------------ steps


@pytest.mark.parametrize(
    "line, duration",
    [
        ("run 45s", Time(45)),
        ("run 1h15min", Time(4500)),
        ("run 100yd", Distance(91.44, "yd")),
        ("run 300kcal", Calories(300)),
        ("run 12reps", Reps(12)),
        ("run 1rep", Reps(1)),
        ("run 50tss", Tss(50)),
        ("rest on 1:45", SendOff(105)),
        ("rest on 105s", SendOff(105)),
        ("run until power>250W", UntilPower(True, 250, "W")),
        ("run until power-3s>300W", UntilPower(True, 300, "W", "3s")),
        ("run until power-10s<80%", UntilPower(False, 80, "%ftp", "10s")),
        ("run until power-30s<200W", UntilPower(False, 200, "W", "30s")),
        ("run until lap-power>200W", UntilPower(True, 200, "W", "lap")),
        ("run until hr<120bpm", UntilHeartRate(False, 120, "bpm")),
    ],
)
def test_each_duration_lowers_to_its_model_value(line, duration):
    assert only_step(f'workout "x"\n  {line}\n').duration == duration


@pytest.mark.parametrize(
    "keyword, intensity",
    [
        ("interval", Intensity.INTERVAL),
        ("other", Intensity.OTHER),
        ("row", Intensity.ACTIVE),
        ("active", Intensity.ACTIVE),
    ],
)
def test_the_new_step_keywords_give_their_intensity(keyword, intensity):
    assert only_step(f'workout "x"\n  {keyword} 1min\n').intensity == intensity


SPAN_ANY = Span(1, 1, 1, 1)


@pytest.mark.parametrize(
    "target, expected",
    [
        ("pace 3:50-4:00/km", ("pace", None, 230, 240, "s/km", None)),
        ("pace 6:00/mi", ("pace", None, 355, 365, "s/mi", None)),
        ("pace 1:45/100m", ("pace", None, 100, 110, "s/100m", None)),
        ("lap-pace 1:30-1:40/100yd", ("pace", None, 90, 100, "s/100yd", "lap")),
        ("speed 30-35km/h", ("speed", None, 30, 35, "km/h", None)),
        ("speed 20mph", ("speed", None, 19, 21, "mph", None)),
        ("lap-speed 25-30km/h", ("speed", None, 25, 30, "km/h", "lap")),
        ("power-3s 300W", ("power", None, 290, 310, "W", "3s")),
        ("power-10s 88-94%", ("power", None, 88, 94, "%ftp", "10s")),
        ("power-30s z4", ("power", 4, None, None, None, "30s")),
        ("lap-power 200-220W", ("power", None, 200, 220, "W", "lap")),
        ("lap-hr 140-150bpm", ("hr", None, 140, 150, "bpm", "lap")),
        ("lap-hr z3", ("hr", 3, None, None, None, "lap")),
        ("cadence 85-95rpm", ("cadence", None, 85, 95, "rpm", None)),
        ("grade 5%", ("grade", None, 5, 5, "%", None)),
        ("grade 2-4%", ("grade", None, 2, 4, "%", None)),
        ("resistance 8", ("resistance", None, 8, 8, "", None)),
        ("resistance 3-6", ("resistance", None, 3, 6, "", None)),
    ],
)
def test_each_target_lowers_to_its_model_value(target, expected):
    [lowered] = only_step(f'workout "x" cycling\n  ride 1min {target}\n').targets
    assert (lowered.metric, lowered.zone, lowered.low, lowered.high, lowered.unit, lowered.average) == expected


def test_a_swim_step_holds_its_stroke_equipment_and_one_more_target():
    step = only_step('workout "x" pool 25m\n  swim 100m back pull-buoy pace 1:40/100m "relaxed"\n')
    assert (step.stroke, step.equipment, step.notes) == ("backstroke", "swim_pull_buoy", "relaxed")
    assert [t.metric for t in step.targets] == ["pace"]
    [row] = fit_steps('workout "x" pool 25m\n  swim 100m back pull-buoy pace 1:40/100m\n')
    # The stroke is the primary target; the pace goes second.
    assert (row["target_type"], row["target_value"], row["secondary_target_type"], row["equipment"]) == (11, 1, 0, 4)


@pytest.mark.parametrize(
    "word, stroke",
    [("free", "freestyle"), ("fly", "butterfly"), ("im", "im"), ("im-by-round", "im_by_round"), ("choice", "mixed")],
)
def test_stroke_words(word, stroke):
    assert only_step(f'workout "x" swim\n  swim 100m {word}\n').stroke == stroke


def test_a_set_line_is_a_repeat_of_the_step_and_its_rest():
    [repeat] = workout('workout "x" pool 25m\n  10x100m free on 1:45\n').steps
    assert isinstance(repeat, Repeat) and repeat.count == 10
    swim, rest = repeat.steps
    assert isinstance(swim, Step) and isinstance(rest, Step)
    assert (swim.intensity, swim.duration, swim.stroke) == (Intensity.ACTIVE, Distance(100, "m"), "freestyle")
    assert (rest.intensity, rest.duration) == (Intensity.REST, SendOff(105))
    [repeat] = workout('workout "x"\n  6x400m pace 3:50/km recover 90s\n').steps
    run, jog = repeat.steps
    assert (run.targets[0].metric, jog.intensity, jog.duration) == ("pace", Intensity.RECOVERY, Time(90))


@pytest.mark.parametrize(
    "line, count, exercise, duration, rest",
    [
        ("squat 3x10 @ 60kg rest 90s", 3, Exercise("squat", None, 60, "kg"), Reps(10), Time(90)),
        ("goblet-squat 3x12 @ 16kg", 3, Exercise("squat", "goblet_squat", 16, "kg"), Reps(12), None),
        ("plank 3x45s rest 30s", 3, Exercise("plank"), Time(45), Time(30)),
        ("plank/45-degree-plank 30s", None, Exercise("plank", "45_degree_plank"), Time(30), None),
        ("deadlift 5 @ 100lb", None, Exercise("deadlift", None, 45.359237, "lb"), Reps(5), None),
        ("pull-up 3x8reps rest 2min", 3, Exercise("pull_up"), Reps(8), Time(120)),
        ("squats 1x10 @ 0kg", 1, Exercise("squat", None, 0, "kg"), Reps(10), None),
        ("cardio/jumping-jacks 1min", None, Exercise("cardio", "jumping_jacks"), Time(60), None),
    ],
)
def test_an_exercise_line_lowers_to_sets_of_the_exercise(line, count, exercise, duration, rest):
    node = only_step(f'workout "x" strength\n  {line}\n')
    if count is None and rest is None:
        work = node
    else:
        assert isinstance(node, Repeat) and node.count == (count or 1)
        work, *after = node.steps
        assert all(isinstance(step, Step) for step in after)
        assert [step.duration for step in after if isinstance(step, Step)] == ([rest] if rest else [])
    assert (work.intensity, work.exercise, work.duration) == (Intensity.ACTIVE, exercise, duration)


def test_an_exercise_goes_out_with_its_codes_and_weight_in_hundredths():
    rows = fit_steps('workout "x" strength\n  squat/goblet-squat 12 @ 135lb\n  plank 30s\n')
    assert rows[0]["exercise_category"] == 28 and rows[0]["exercise_weight"] == 6123
    assert rows[0]["weight_display_unit"] == 2 and rows[0]["duration_type"] == 29
    assert "exercise_name" not in rows[1] and "exercise_weight" not in rows[1]


@pytest.mark.parametrize(
    "condition, until",
    [
        ("hr>160bpm", UntilHeartRate(True, 160, "bpm")),
        ("power<200W", UntilPower(False, 200, "W")),
        ("power>250W", UntilPower(True, 250, "W")),
        ("lap-power<200W", UntilPower(False, 200, "W", "lap")),
        ("max-lap-power<250W", UntilPower(False, 250, "W", "max-lap")),
        ("20min", Time(1200)),
        ("5km", Distance(5000, "km")),
        ("500kcal", Calories(500)),
        ("50tss", Tss(50)),
    ],
)
def test_a_repeat_runs_until_a_condition_or_an_amount(condition, until):
    [repeat] = workout(f'workout "x" cycling\n  repeat until {condition}\n    ride 1min\n').steps
    assert (repeat.count, repeat.until) == (None, until)


# ------------------------------------------------------------------ mistakes


def located(text: str):
    [found] = errors(text)
    span = found.span
    return found.code, (span.line, span.column, span.end_line, span.end_column), found.message, found.hint


STROKE_HINT = 'strokes and equipment belong to swims: `workout "Name" swim` or `pool 25m`'
REPEAT_POWER_HINT = "write `repeat until power>250W`, `lap-power<200W` or `max-lap-power<300W`"


@pytest.mark.parametrize(
    "text, code, where, message, hint",
    [
        (
            'workout "x" strength\n  sqaut 3x10\n',
            "E003",
            (2, 3, 2, 8),
            "unknown exercise `sqaut`",
            "did you mean `squat`?",
        ),
        (
            'workout "x" strength\n  jumping-jacks 3x10\n',
            "E003",
            (2, 3, 2, 16),
            "`jumping-jacks` is an exercise of 2 categories: `cardio` and `battle-rope`",
            "write `cardio/jumping-jacks` or `battle-rope/jumping-jacks`",
        ),
        (
            'workout "x" strength\n  squat/goblet 3x10\n',
            "E003",
            (2, 3, 2, 15),
            "no exercise `goblet` in the category `squat`",
            "did you mean `squat/goblet-squat`?",
        ),
        (
            'workout "x" strength\n  sqat/goblet-squat 3x10\n',
            "E003",
            (2, 3, 2, 20),
            "unknown exercise category `sqat`",
            "did you mean `squat/goblet-squat`?",
        ),
        ('workout "x"\n  run 400m free\n', "E004", (2, 3, 2, 16), "a swim stroke in a running workout", STROKE_HINT),
        (
            'workout "x" strength\n  squat 10 fins\n',
            "E004",
            (2, 3, 2, 16),
            "a swim piece of equipment in a strength workout",
            STROKE_HINT,
        ),
        (
            'workout "x" swim\n  swim 8len\n',
            "E004",
            (2, 8, 2, 12),
            "lengths need the pool's length",
            'name the pool on the workout\'s line: `workout "Name" pool 25m`',
        ),
        (
            'workout "x" pool 25ft\n  swim 100m\n',
            "E004",
            (1, 18, 1, 22),
            "`pool 25ft` is not a pool length",
            "write `pool 25m` or `pool 25yd`",
        ),
        ('workout "x" pool 250m\n  swim 100m\n', "E004", (1, 18, 1, 22), "a pool of `250m` is outside 10-200m", None),
        (
            'workout "x" strength\n  squat 3x10 @ 60\n',
            "E003",
            (2, 16, 2, 18),
            "`60` is not a weight",
            "write it in kg or lb: `@ 60kg`",
        ),
        (
            'workout "x" strength\n  squat 3x10 @ 60kgs\n',
            "E003",
            (2, 16, 2, 21),
            "`60kgs` is not a weight",
            "write it in kg or lb: `@ 60kg`",
        ),
        (
            'workout "x" strength\n  squat 3x10 @ 700kg\n',
            "E004",
            (2, 16, 2, 21),
            "a weight of `700kg` is outside 0-650kg",
            None,
        ),
        (
            'workout "x" cycling\n  ride 10min speed 30km/s\n',
            "E004",
            (2, 25, 2, 26),
            "unknown speed unit `/s`",
            "write speeds in km/h or mph: `speed 30km/h`",
        ),
        (
            'workout "x" cycling\n  ride 10min speed 30\n',
            "E004",
            (2, 20, 2, 22),
            "`30` needs a unit",
            "write `30mph` or `30km/h`",
        ),
        (
            'workout "x" cycling\n  repeat until power-3s>300W\n    ride 1min\n',
            "E004",
            (2, 16, 2, 29),
            "a repeat ends on power, on the last lap's power below a value, or its maximum below one",
            REPEAT_POWER_HINT,
        ),
        (
            'workout "x" cycling\n  repeat until lap-power>300W\n    ride 1min\n',
            "E004",
            (2, 16, 2, 30),
            "a repeat ends on power, on the last lap's power below a value, or its maximum below one",
            REPEAT_POWER_HINT,
        ),
        (
            'workout "x" cycling\n  ride 10min max-lap-power 200W\n',
            "E004",
            (2, 14, 2, 27),
            "`max-lap-power` ends a repeat; it is not a target",
            "write `lap-power`",
        ),
        (
            'workout "x" cycling\n  ride until max-lap-power<200W\n',
            "E004",
            (2, 14, 2, 27),
            "`max-lap-power` ends a repeat, not a step",
            "write `lap-power`",
        ),
        (
            'workout "x" pool 25m\n  10x100m free on 100m\n',
            "E004",
            (2, 19, 2, 23),
            "a send-off is a time, not `100m`",
            "write `on 1:45` or `on 105s`",
        ),
        (
            'workout "x" pool 25m\n  repeat until 12reps\n    swim 100m\n',
            "E004",
            (2, 16, 2, 22),
            "a repeat cannot run until `12reps`",
            "a repeat runs until a time, distance, kcal or tss",
        ),
        (
            'workout "x" pool 25m\n  repeat until 8len\n    swim 100m\n',
            "E004",
            (2, 16, 2, 20),
            "a repeat cannot run until `8len`",
            "a repeat runs until a time, distance, kcal or tss",
        ),
        (
            'workout "x" pool 25m\n  swim 100m freee\n',
            "E001",
            (2, 13, 2, 18),
            "expected a target (`hr`, `pace`, `speed`, `power`, `cadence`), a swim stroke, "
            "a note in quotes or the end of the line, found `freee`",
            "did you mean `free`?",
        ),
        (
            'workout "x" swimm\n  swim 100m\n',
            "E003",
            (1, 13, 1, 18),
            "unknown workout kind or sport `swimm`",
            "did you mean `swim`?",
        ),
        (
            'workout "x" running cycling\n  run 1min\n',
            "E004",
            (1, 21, 1, 28),
            "a workout has one sport; `running` was given first",
            None,
        ),
        (
            'workout "x" running treadmill trail\n  run 1min\n',
            "E004",
            (1, 31, 1, 36),
            "a workout has one sub-sport; `treadmill` was given first",
            None,
        ),
        (
            'workout "x" cycling\n  ride 1min speed 30-35km/h speed 20mph\n',
            "E004",
            (2, 29, 2, 40),
            "a second speed target on one step",
            None,
        ),
        (
            'workout "x"\n  run 1min power-3s 300W lap-power 200W\n',
            "E004",
            (2, 26, 2, 40),
            "a second power target on one step",
            None,
        ),
        (
            'workout "x" pool 25m\n  repeat until hr>=160bpm\n    swim 100m\n',
            "E004",
            (2, 18, 2, 20),
            "`until hr>=` is not a condition the watch knows",
            "write `until hr<VALUE` or `until hr>VALUE`",
        ),
        ('workout "x" strength\n  squat 0x10\n', "E004", (2, 9, 2, 10), "a repeat count must be 1-99, not 0", None),
        ('workout "x"\n  run 0reps\n', "E004", (2, 7, 2, 12), "`0reps` must be a whole number from 1 to 1000", None),
        (
            'workout "x"\n  run 20001kcal\n',
            "E004",
            (2, 7, 2, 16),
            "`20001kcal` must be a whole number from 1 to 20000",
            None,
        ),
        (
            'workout "x"\n  run 2001tss\n',
            "E004",
            (2, 7, 2, 14),
            "`2001tss` must be a whole number from 1 to 2000",
            None,
        ),
    ],
)
def test_the_mistakes_new_users_make_are_pinned_and_explained(text, code, where, message, hint):
    assert located(text) == (code, where, message, hint)


def test_two_strokes_on_one_step_point_at_the_second():
    code, where, message, _ = located('workout "x" pool 25m\n  swim 100m free back\n')
    assert (code, where) == ("E004", (2, 18, 2, 22))
    assert message.startswith("a step has one stroke")


def test_two_pieces_of_equipment_on_one_step_point_at_the_second():
    code, where, message, _ = located('workout "x" pool 25m\n  swim 100m fins kickboard\n')
    assert (code, where) == ("E004", (2, 18, 2, 27))
    assert message.startswith("a step has one piece of equipment")


@pytest.mark.parametrize(
    "line, message",
    [
        ("swim 100m free back", "a step has one stroke; `free` was given first"),
        ("swim 100m fins kickboard", "a step has one piece of equipment; `fins` was given first"),
    ],
)
def test_a_second_stroke_or_piece_of_equipment_names_the_first_as_written(line, message):
    assert located(f'workout "x" pool 25m\n  {line}\n')[2] == message


def test_a_zone_on_grade_is_refused_with_a_grade_example():
    assert located('workout "x"\n  run 1min grade z2\n')[1:] == (
        (2, 18, 2, 20),
        "grade targets have no zones",
        "give a range, like `grade 2-4%`",
    )


def test_a_send_off_with_bad_seconds_is_called_a_send_off():
    code, where, message, _ = located('workout "x" pool 25m\n  10x100m free on 1:75\n')
    assert (code, where) == ("E004", (2, 19, 2, 23))
    assert "pace" not in message


@pytest.mark.parametrize("clock", ["0:00", "1441:00"])
def test_a_send_off_outside_a_step_s_limits_is_refused(clock):
    code, where, _, _ = located(f'workout "x" pool 25m\n  10x100m free on {clock}\n')
    assert (code, where[:2]) == ("E004", (2, 19))


# ------------------------------------------------------------------ exercises of the catalogue


def _reads_back(category: str, name: str | None) -> bool:
    written = exercises.written(category, name, LINE_KEYWORDS)
    source = load_text(f'workout "x" strength\n  {written} 10\n', "x.wkt")
    if source.document is None:
        return False
    [step] = source.document.workouts[0].steps
    return (
        isinstance(step, Step)
        and step.exercise is not None
        and (step.exercise.category, step.exercise.name) == (category, name)
    )


def test_every_exercise_of_the_catalogue_reads_back_as_the_printer_writes_it():
    entries = exercises.entries()
    assert len(entries) > 1800
    assert [entry for entry in entries if not _reads_back(*entry)] == []


@pytest.mark.parametrize(
    "line, exercise",
    [
        ("rows 3x10", Exercise("row")),
        ("runs 3x10", Exercise("run")),
        ("row/face-pull 3x10", Exercise("row", "face_pull")),
        ("run/sprint 3x10", Exercise("run", "sprint")),
    ],
)
def test_an_exercise_spelt_like_a_step_keyword_is_written_apart(line, exercise):
    [work] = only_step(f'workout "x" strength\n  {line}\n').steps
    assert work.exercise == exercise


def test_rows_written_row_are_refused_with_the_spelling_to_use():
    [found] = errors('workout "x" strength\n  row 3x10 @ 40kg rest 60s\n')
    assert "`rows`" in (found.hint or "")


# ------------------------------------------------------------------ printing and decompiling

NOWHERE = Span(1, 1, 1, 2)


def printed_back(workout_: Workout) -> Workout:
    source = load_text(workout_text(workout_), "x.wkt")
    assert source.document is not None, [d.message for d in source.diagnostics]
    return source.document.workouts[0]


@pytest.mark.parametrize("sport, sub_sport", [("running", "generic"), ("training", "hiit"), ("generic", "generic")])
def test_a_sub_sport_spelt_like_a_sport_round_trips(sport, sub_sport):
    step = Step(Intensity.ACTIVE, Time(60), (), None, NOWHERE)
    original = Workout("x", None, (step,), NOWHERE, "x.wkt", sport, sub_sport=sub_sport)
    again = printed_back(original)
    assert (again.sport, again.sub_sport) == (sport, sub_sport)


def test_a_pool_keeps_its_unit():
    step = Step(Intensity.ACTIVE, Time(60), (), None, NOWHERE)
    original = Workout("x", None, (step,), NOWHERE, "x.wkt", "swimming", pool=Pool(14.63, "m"))
    assert printed_back(original).pool == Pool(14.63, "m")


def test_a_pool_in_odd_yards_keeps_its_unit():
    step = Step(Intensity.ACTIVE, Time(60), (), None, NOWHERE)
    original = Workout("x", None, (step,), NOWHERE, "x.wkt", "swimming", pool=Pool(10.94 * 0.9144, "yd"))
    pool = printed_back(original).pool
    assert pool is not None and pool.unit == "yd"


def test_an_exercise_keeps_its_intensity():
    step = Step(Intensity.WARMUP, Reps(10), (), None, NOWHERE, exercise=Exercise("squat"))
    original = Workout("x", None, (step,), NOWHERE, "x.wkt", "training", sub_sport="strength_training")
    assert workout_text(original) == 'workout "x" strength\n  squat warmup 10\n'
    [again] = printed_back(original).steps
    assert isinstance(again, Step) and again.intensity == Intensity.WARMUP


@pytest.mark.parametrize(
    "header, target",
    [
        ('workout "x" cycling', "speed 140-150km/h"),
        ('workout "x" cycling', "speed 88-93mph"),
        ('workout "x" cycling', "speed>30km/h"),
        ('workout "x" cycling', "speed>20mph"),
        ('workout "x" pool 25m', "pace 14:00-15:00/100m"),
    ],
)
def test_the_fastest_speeds_and_slowest_swim_paces_decompile(header, target):
    parsed = workout(f"{header}\n  active 1min {target}\n")
    assert decompile(encode_workout(parsed, TIME_CREATED), "x").losses == []


# ------------------------------------------------------------------ fmt

UNTIDY = """workout "Swim"  SWIMMING  POOL 25m  "d"
  SWIM 400m FREE   FINS
  10X100m Free ON 1:45
  4x50m drill fins REST 15S
  swim 8LEN
  6x400m PACE 1:50/100m RECOVER 90S
workout "T"  STRENGTH
  Squat 3X10 @ 60KG REST 90S
  squat 3x10 @ 60.50kg
  deadlift 5 @   135LB
  Plank/45-Degree-Plank 30S
workout "C" CYCLING Indoor-Cycling
  RIDE 1min SPEED 30-35KM/H GRADE 5%
  ride 1min RESISTANCE 8
  REPEAT UNTIL POWER<300w
    RIDE 300KCAL LAP-HR 140-150BPM
  repeat until 20MIN
    ride 12REPS power-3s 200W
  ride 50TSS
  ride until POWER-3S>300W
  INTERVAL 1min
  OTHER 1min
"""

TIDY = """workout "Swim" swimming pool 25m "d"
  swim 400m free fins
  10x100m free on 1:45
  4x50m drill fins rest 15s
  swim 8len
  6x400m pace 1:50/100m recover 90s
workout "T" strength
  squat 3x10 @ 60kg rest 90s
  squat 3x10 @ 60.5kg
  deadlift 5 @ 135lb
  plank/45-degree-plank 30s
workout "C" cycling indoor-cycling
  ride 1min speed 30-35km/h grade 5%
  ride 1min resistance 8
  repeat until power<300W
    ride 300kcal lap-hr 140-150bpm
  repeat until 20min
    ride 12reps power-3s 200W
  ride 50tss
  ride until power-3s>300W
  interval 1min
  other 1min
"""


def test_fmt_writes_the_new_forms_in_lower_case_with_sets_glued():
    assert format_checked(UNTIDY) == TIDY
    assert format_checked(TIDY) == TIDY


def test_the_printer_writes_what_fmt_writes_for_sets_and_exercises():
    document = load_text(TIDY, "x.wkt").document
    assert document is not None
    for parsed in document.workouts:
        text = workout_text(parsed)
        assert format_checked(text) == text
    strength = workout('workout "T" strength\n  squat 3x10 @ 60kg rest 90s\n  deadlift 5 @ 135lb\n')
    assert workout_text(strength) == 'workout "T" strength\n  squat 3x10 @ 60kg rest 1min30s\n  deadlift 5 @ 135lb\n'
    swim = workout('workout "S" pool 25yd\n  10x100yd free on 1:45\n')
    assert workout_text(swim) == 'workout "S" pool 25yd\n  10x100yd free on 1:45\n'


def test_a_target_keeps_its_range_through_the_printer():
    text = 'workout "C" cycling\n  ride 1min speed 30-35km/h lap-power 200-220W\n'
    [step] = workout(text).steps
    assert step.targets[0] == Target("speed", None, 30, 35, "km/h", step.targets[0].span)
    assert workout_text(workout(text)) == text


# ------------------------------------------------------------------ swimmers' spellings


@pytest.mark.parametrize("written", ["pull-buoy", "pull buoy", "Pull Buoy", "pull", "pullbuoy", "buoy"])
def test_a_pull_buoy_in_the_ways_swimmers_write_it(written):
    [swim] = workout(f'workout "x" pool 25m\n  swim 200m free {written}\n').steps
    assert isinstance(swim, Step) and (swim.stroke, swim.equipment) == ("freestyle", "swim_pull_buoy")


def test_a_kick_set_is_a_drill_with_a_board():
    [found] = errors('workout "x" pool 25m\n  4x50m kick rest 15s\n')
    assert (found.code, found.span.line, found.span.column) == ("E001", 2, 9)
    assert found.hint == "FIT has no kick stroke: write a kick set as `drill kickboard` (or `drill fins`)"


# ------------------------------------------------------------------ decompiling in the runner's units


@pytest.mark.parametrize(
    "line",
    ["run 0.25mi pace 9:00-9:45/mi", "run 1mi pace 6:35-6:45/mi", "run 400m pace 3:50-4:00/km", "run 3mi"],
)
def test_miles_and_paces_per_mile_come_back_in_miles(line):
    compiled = workout(f'workout "x"\n  {line}\n')
    text = workout_text(decompile(encode_workout(compiled, TIME_CREATED), "x").workout)
    assert text.splitlines()[1] == f"  {line}"


def test_a_ride_in_mph_comes_back_in_mph():
    compiled = workout('workout "x" cycling\n  ride 1h speed 18-20mph\n')
    text = workout_text(decompile(encode_workout(compiled, TIME_CREATED), "x").workout)
    assert text.splitlines()[1] == "  ride 1h speed 18-20mph"


@pytest.mark.parametrize(
    "text, column, hint",
    [
        (
            'workout "x" pool 25m\n  swim 100m free rest 20s\n',
            18,
            "the rest after a step goes on the next line: `rest 20s`; "
            "a repeat of a step and its rest is one line: `4x100m free rest 20s`",
        ),
        (
            'workout "x"\n  run 5min recover 2min\n',
            12,
            "the rest after a step goes on the next line: `recover 2min`; "
            "a repeat of a step and its rest is one line: `4x5min recover 2min`",
        ),
        ('workout "x" strength\n  squat 3 x 10 @ 60kg\n', 11, "write the sets and the reps together: `squat 3x10`"),
        ('workout "x" strength\n  bench press 3x10\n', 9, "an exercise's words are joined by hyphens: `bench-press`"),
    ],
)
def test_what_new_users_write_for_sets_gets_the_spelling(text, column, hint):
    [found] = errors(text)
    assert (found.code, found.span.line, found.span.column, found.hint) == ("E001", 2, column, hint)


# ------------------------------------------------------------------ the watch's speed and cadence zones


@pytest.mark.parametrize(
    "header, written, metric, zone, average",
    [
        ('workout "x"', "pace z3", "pace", 3, None),
        ('workout "x"', "lap-pace z4", "pace", 4, "lap"),
        ('workout "x" cycling', "speed z10", "speed", 10, None),
        ('workout "x" cycling', "cadence z2", "cadence", 2, None),
    ],
)
def test_speed_and_cadence_zones_are_the_watch_s_own(header, written, metric, zone, average):
    [step] = workout(f"{header}\n  active 10min {written}\n").steps
    assert isinstance(step, Step)
    [target] = step.targets
    assert (target.metric, target.zone, target.average, target.low) == (metric, zone, average, None)
    text = workout_text(
        decompile(encode_workout(workout(f"{header}\n  active 10min {written}\n"), TIME_CREATED), "x").workout
    )
    assert written in text


def test_a_speed_zone_past_ten_is_refused():
    assert located('workout "x"\n  run 10min pace z11\n')[1:3] == ((2, 18, 2, 21), "`pace z11` has no zone 11")
