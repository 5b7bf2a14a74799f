"""Property tests: generated workouts survive exactly; broken input never crashes anything.

`make test` runs a CI-sized number of cases; `make fuzz` runs the same properties with
the `fuzz` profile (over 100 000 cases in all). A failing input is saved under
tests/regressions/, where test_saved_regressions replays it forever after.
"""

from __future__ import annotations

import contextlib
import hashlib
import math
import struct
from pathlib import Path

import pytest
from garmin_fit_sdk import Profile
from hypothesis import assume, given
from hypothesis import strategies as st

from tools.fitdump import decode
from tools.fitdump import steps as decoded_steps
from tools.golden import example_sources
from workoutc.check.config import ConfigFinder
from workoutc.check.runner import Checker
from workoutc.diagnostics import Span, render_text
from workoutc.fit import exercises
from workoutc.fit.crc import crc16
from workoutc.fit.decode import decompile
from workoutc.fit.encode import encode_workout
from workoutc.fit.read import FitError
from workoutc.fit.values import EQUIPMENT as FIT_EQUIPMENT
from workoutc.fit.values import SPORT as FIT_SPORT
from workoutc.fit.values import STROKE as FIT_STROKE
from workoutc.fit.values import SUB_SPORT as FIT_SUB_SPORT
from workoutc.language.printer import workout_text
from workoutc.language.source import load_text
from workoutc.model import (
    FOOT_SPORTS,
    KINDS,
    SPORTS,
    Calories,
    Distance,
    Exercise,
    Intensity,
    LapKey,
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
    expanded_count,
)
from workoutc.units import pace_limits

ROOT = Path(__file__).resolve().parent.parent
REGRESSIONS = ROOT / "tests" / "regressions"
NOWHERE = None


_last_failure: dict[str, bytes] = {}


def save_regression(kind: str, data: bytes) -> None:
    """Remember a failing input; Hypothesis replays the smallest one last, and that one is saved."""
    _last_failure[kind] = data


@pytest.fixture(scope="module", autouse=True)
def _write_regressions():
    yield
    for kind, data in _last_failure.items():
        folder = REGRESSIONS / kind
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{hashlib.sha256(data).hexdigest()[:16]}.{'fit' if kind == 'fit' else 'wkt'}").write_bytes(data)


# ------------------------------------------------------------------ generated workouts

SPAN = Span(1, 1, 1, 2)  # generated models come from no source text
text = st.text(
    st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\u2028\u2029\x85"), min_size=1, max_size=40
).filter(lambda s: s.strip() and len(s.encode()) <= 254)

# FIT's own tables, from Garmin's SDK: the expected values are worked out from them,
# independently of workoutc's copy of the profile.
FIT_TYPES = Profile["types"]


def fit_code(type_name: str, name: str) -> int:
    return next(int(raw) for raw, value in FIT_TYPES[type_name].items() if value == name)


ALL_SPORTS = sorted(name for name in FIT_SPORT.raw if name != "all")
ALL_SUB_SPORTS = sorted(name for name in FIT_SUB_SPORT.raw if name != "all")
EXERCISES = exercises.entries()
PACE_METRES = {"s/km": 1000, "s/mi": 1609.344, "s/100m": 100, "s/100yd": 91.44}
KMH_PER_UNIT = {"km/h": 1, "mph": 1.609344}
POWER_AVERAGES = [None, "3s", "10s", "30s", "lap"]


def _ordered(low: int, high: int):
    return st.tuples(st.integers(low, high), st.integers(low, high)).map(sorted)


def _millis(low: int = 1, high: int = 24 * 3600 * 1000):
    return st.integers(low, high).map(lambda ms: ms / 1000)


def _power_condition(pairs):
    """UntilPower with one of `pairs` (average, above)."""
    return st.builds(
        lambda pair, watts, value, percent: UntilPower(
            pair[1], value if watts else percent, "W" if watts else "%ftp", pair[0]
        ),
        st.sampled_from(pairs),
        st.booleans(),
        st.integers(1, 3000),
        st.integers(1, 300),
    )


heart_rate_conditions = st.one_of(
    st.builds(UntilHeartRate, st.booleans(), st.integers(30, 250), st.just("bpm")),
    st.builds(UntilHeartRate, st.booleans(), st.integers(1, 100), st.just("%max")),
)
STEP_POWER = [(average, above) for average in POWER_AVERAGES for above in (False, True)]
REPEAT_POWER = [(None, False), (None, True), ("lap", False), ("max-lap", False)]
metres = st.integers(1, 100_000_000).map(lambda cm: Distance(cm / 100, "m"))
yards = st.integers(1, 109_361_329).map(lambda hundredths: Distance(hundredths / 100 * 0.9144, "yd"))

amounts = st.one_of(  # what a step or an exercise may last
    _millis().map(Time),
    metres,
    yards,
    st.just(LapKey()),
    heart_rate_conditions,
    _power_condition(STEP_POWER),
    st.integers(1, 20_000).map(Calories),
    st.integers(1, 1000).map(Reps),
    st.integers(1, 2000).map(Tss),
)
durations = st.one_of(amounts, _millis().map(SendOff))
repeat_conditions = st.one_of(
    heart_rate_conditions,
    _power_condition(REPEAT_POWER),
    _millis().map(Time),
    metres,
    yards,
    st.integers(1, 20_000).map(Calories),
    st.integers(1, 2000).map(Tss),
)


def _range(metric: str, unit: str, low: int, high: int, average=None, scale: float = 1):
    return _ordered(low, high).map(lambda r: Target(metric, None, r[0] / scale, r[1] / scale, unit, SPAN, average))


def _speeds(sport: str, pool: Pool | None):
    """Pace or speed as the sport reads it back: per km or mile on foot, per 100 m or
    100 yd swimming, km/h or mph otherwise."""
    if sport in FOOT_SPORTS:
        units_ = ["s/km", "s/mi"]
    elif sport == "swimming":
        units_ = ["s/100m", "s/100yd"]
    else:
        units_ = ["km/h", "mph"]
    options = []
    for unit in units_:
        for average in (None, "lap"):
            if unit in PACE_METRES:
                fastest, slowest = pace_limits(unit[2:])
                options.append(_range("pace", unit, math.ceil(fastest), math.floor(slowest), average))
            else:  # tenths, up to the top speeds
                top = 1500 if unit == "km/h" else 930
                options.append(_range("speed", unit, 10, top, average, scale=10))
    return st.one_of(options)


def _speeds_are_speed(sport: str) -> bool:
    return sport not in FOOT_SPORTS and sport != "swimming"


def targets_for(sport: str, pool: Pool | None):
    return st.one_of(
        st.builds(
            lambda z, a: Target("hr", z, None, None, None, SPAN, a), st.integers(1, 5), st.sampled_from([None, "lap"])
        ),
        st.sampled_from([None, "lap"]).flatmap(lambda a: _range("hr", "%max", 1, 100, a)),
        st.sampled_from([None, "lap"]).flatmap(lambda a: _range("hr", "bpm", 30, 250, a)),
        st.builds(
            lambda z, a: Target("power", z, None, None, None, SPAN, a),
            st.integers(1, 7),
            st.sampled_from(POWER_AVERAGES),
        ),
        st.sampled_from(POWER_AVERAGES).flatmap(lambda a: _range("power", "W", 1, 3000, a)),
        st.sampled_from(POWER_AVERAGES).flatmap(lambda a: _range("power", "%ftp", 1, 300, a)),
        _speeds(sport, pool),
        st.builds(  # the watch's own speed zones, as a pace on foot or in the pool, else a speed
            lambda z, a: Target("speed" if _speeds_are_speed(sport) else "pace", z, None, None, None, SPAN, a),
            st.integers(1, 10),
            st.sampled_from([None, "lap"]),
        ),
        st.integers(1, 10).map(lambda z: Target("cadence", z, None, None, None, SPAN)),
        _range("cadence", "spm", 20, 300),
        _range("cadence", "rpm", 10, 150),
        _range("grade", "%", 0, 60),
        _range("resistance", "", 0, 254),
    )


weights = st.one_of(
    st.none(),
    st.integers(0, 65_000).map(lambda hundredths: (hundredths / 100, "kg")),
    st.integers(0, 144_000).map(lambda hundredths: (hundredths / 100 * 0.45359237, "lb")),
)


@st.composite
def exercise_of(draw):
    category, name = draw(st.sampled_from(EXERCISES))
    weight = draw(weights)
    return Exercise(category, name) if weight is None else Exercise(category, name, *weight)


@st.composite
def step(draw, sport: str, pool: Pool | None, work: bool = False):
    """A step of a `sport` workout; `work`: the active step of a set (no name when it is
    not an exercise, as a set line has no place for one)."""
    swimming = sport == "swimming"
    stroke = draw(st.none() | st.sampled_from(sorted(FIT_STROKE.raw))) if swimming else None
    equipment = draw(st.none() | st.sampled_from(sorted(FIT_EQUIPMENT.raw))) if swimming else None
    exercise = draw(st.none() | exercise_of()) if not swimming and draw(st.integers(0, 2)) == 0 else None
    most = 1 if stroke else 2  # the stroke goes out as the primary target
    chosen = draw(st.lists(targets_for(sport, pool), max_size=most, unique_by=lambda t: t.metric))
    if {t.metric for t in chosen} == {"pace", "speed"}:
        chosen = chosen[:1]
    intensity = Intensity.ACTIVE if work else draw(st.sampled_from(list(Intensity)))
    return Step(
        intensity,
        draw(amounts if exercise else durations),
        tuple(chosen),
        draw(st.none() | text),
        SPAN,
        None if work and not exercise else draw(st.none() | text),
        stroke=stroke,
        equipment=equipment,
        exercise=exercise,
    )


@st.composite
def set_of(draw, sport: str, pool: Pool | None):
    """A repeat of one step and its rest, which the printer writes as one line."""
    work = draw(step(sport, pool, work=True))
    rest = draw(
        st.none()
        | st.builds(
            lambda intensity, duration: Step(intensity, duration, (), None, SPAN),
            st.sampled_from([Intensity.REST, Intensity.RECOVERY]),
            st.one_of(_millis().map(Time), metres, _millis().map(SendOff)),
        )
    )
    return Repeat(draw(st.integers(1, 99)), (work,) if rest is None else (work, rest), SPAN)


def nodes(depth: int, sport: str, pool: Pool | None):
    if depth == 0:
        return st.lists(step(sport, pool), min_size=1, max_size=4)
    repeat = st.builds(
        lambda count, block, name, until: Repeat(None if until else count, tuple(block), SPAN, until=until, name=name),
        st.integers(1, 99),
        nodes(depth - 1, sport, pool),
        st.none() | text,
        st.none() | repeat_conditions,
    )
    return st.lists(st.one_of(step(sport, pool), repeat, set_of(sport, pool)), min_size=1, max_size=4)


pools = st.one_of(
    st.integers(1000, 20_000).map(lambda cm: Pool(cm / 100, "m")),
    st.integers(1094, 21872).map(lambda hundredths: Pool(round(hundredths * 0.9144) / 100, "yd")),
)


@st.composite
def workouts(draw):
    sport = draw(st.sampled_from(SPORTS) | st.sampled_from(ALL_SPORTS))
    sub_sport = draw(st.none() | st.sampled_from(ALL_SUB_SPORTS))
    pool = draw(st.none() | pools) if sport == "swimming" else None
    workout = Workout(
        draw(text.map(str.strip)),  # the language takes a workout's name without spaces at its ends
        draw(st.none() | st.sampled_from(KINDS)),
        tuple(draw(nodes(2, sport, pool))),
        SPAN,
        "x.wkt",
        sport,
        sub_sport=sub_sport,
        pool=pool,
        description=draw(st.none() | text),
    )
    assume(expanded_count(workout.steps) <= 10_000)  # the language's limit
    return workout


# ------------------------------------------------------------------ what FIT must hold

DURATION: dict[str, int] = {name: int(raw) for raw, name in FIT_TYPES["wkt_step_duration"].items()}
TARGET: dict[str, int] = {name: int(raw) for raw, name in FIT_TYPES["wkt_step_target"].items()}
TARGET_NAME: dict[tuple[str, str | None], str] = {  # (metric, average) -> FIT's target type
    ("hr", None): "heart_rate",
    ("hr", "lap"): "heart_rate_lap",
    ("power", None): "power",
    ("power", "lap"): "power_lap",
    **{("power", average): f"power_{average}" for average in ("3s", "10s", "30s")},
    **{(metric, None): "speed" for metric in ("pace", "speed")},
    **{(metric, "lap"): "speed_lap" for metric in ("pace", "speed")},
    **{(metric, None): metric for metric in ("cadence", "grade", "resistance")},
}
STEP_POWER_NAME = {None: "power", "3s": "power_3s", "10s": "power_10s", "30s": "power_30s", "lap": "power_lap"}
REPEAT_POWER_NAME = {
    (None, False): "repeat_until_power_less_than",
    (None, True): "repeat_until_power_greater_than",
    ("lap", False): "repeat_until_power_last_lap_less_than",
    ("max-lap", False): "repeat_until_max_power_last_lap_less_than",
}
INTENSITY_CODE = {intensity: fit_code("intensity", intensity.value) for intensity in Intensity}


def raw_range(target: Target) -> tuple[int, int]:
    """A custom range as FIT holds it, from the cookbook's rules."""
    low, high = target.bounds
    unit = target.range_unit
    if unit in PACE_METRES:  # a speed in mm/s: the slower pace is the low end
        return round(PACE_METRES[unit] / high * 1000), round(PACE_METRES[unit] / low * 1000)
    if unit in KMH_PER_UNIT:
        return round(low * KMH_PER_UNIT[unit] / 3.6 * 1000), round(high * KMH_PER_UNIT[unit] / 3.6 * 1000)
    if unit == "spm":  # strides per minute, widened to whole strides
        return math.floor(low / 2), math.ceil(high / 2)
    offset = {"bpm": 100, "W": 1000}.get(unit, 0)
    return round(low) + offset, round(high) + offset


def target_fields(target: Target, prefix: str = "") -> dict:
    fields = {
        f"{prefix}target_type": TARGET[TARGET_NAME[target.metric, target.average]],
        f"{prefix}target_value": target.zone or 0,
    }
    if target.zone is None:
        low, high = raw_range(target)
        fields[f"{prefix}custom_target_value_low"], fields[f"{prefix}custom_target_value_high"] = low, high
    return fields


def condition_value(condition: UntilHeartRate | UntilPower) -> int:
    return condition.value + {"bpm": 100, "W": 1000}.get(condition.unit, 0)


def duration_fields(duration) -> dict:
    match duration:
        case Time(seconds=seconds):
            return {"duration_type": DURATION["time"], "duration_value": round(seconds * 1000)}
        case SendOff(seconds=seconds):
            return {"duration_type": DURATION["repetition_time"], "duration_value": round(seconds * 1000)}
        case Distance(metres=metres):
            return {"duration_type": DURATION["distance"], "duration_value": round(metres * 100)}
        case LapKey():
            return {"duration_type": DURATION["open"]}
        case UntilHeartRate(above=above):
            kind = "hr_greater_than" if above else "hr_less_than"
            return {"duration_type": DURATION[kind], "duration_value": condition_value(duration)}
        case UntilPower(above=above, average=average):
            kind = f"{STEP_POWER_NAME[average]}_{'greater' if above else 'less'}_than"
            return {"duration_type": DURATION[kind], "duration_value": condition_value(duration)}
        case Calories(kcal=kcal):
            return {"duration_type": DURATION["calories"], "duration_value": kcal}
        case Reps(count=count):
            return {"duration_type": DURATION["reps"], "duration_value": count}
        case Tss(points=points):
            return {"duration_type": DURATION["training_peaks_tss"], "duration_value": points}
    raise AssertionError(duration)


def repeat_fields(repeat: Repeat) -> dict:
    until = repeat.until
    match until:
        case None:
            kind, target, value = "repeat_until_steps_cmplt", "open", repeat.count
        case UntilHeartRate(above=above):
            kind = f"repeat_until_hr_{'greater' if above else 'less'}_than"
            target, value = "heart_rate", condition_value(until)
        case UntilPower(above=above, average=average):
            kind, target, value = REPEAT_POWER_NAME[average, above], "power", condition_value(until)
        case Time(seconds=seconds):
            kind, target, value = "repeat_until_time", "open", round(seconds * 1000)
        case Distance(metres=metres):
            kind, target, value = "repeat_until_distance", "open", round(metres * 100)
        case Calories(kcal=kcal):
            kind, target, value = "repeat_until_calories", "open", kcal
        case Tss(points=points):
            kind, target, value = "repeat_until_training_peaks_tss", "open", points
    return {"duration_type": DURATION[kind], "target_type": TARGET[target], "target_value": value}


def extra_fields(step_: Step) -> dict:
    """Swimming's equipment, strength's exercise and its weight."""
    fields = {}
    if step_.equipment:
        fields["equipment"] = fit_code("workout_equipment", step_.equipment)
    exercise = step_.exercise
    if exercise is not None:
        fields["exercise_category"] = fit_code("exercise_category", exercise.category)
        if exercise.name is not None:
            fields["exercise_name"] = fit_code(f"{exercise.category}_exercise_name", exercise.name)
        if exercise.weight is not None:
            fields["exercise_weight"] = round(exercise.weight * 100)
            fields["weight_display_unit"] = fit_code(
                "fit_base_unit", {"kg": "kilogram", "lb": "pound"}[exercise.weight_unit]
            )
    return fields


def expected_rows(nodes_) -> list[dict]:
    """The FIT values each step must decode to, worked out here independently of fit/."""
    rows: list[dict] = []

    def add(items):
        for node in items:
            if isinstance(node, Repeat):
                first = len(rows)
                add(node.steps)
                row: dict = {
                    "message_index": len(rows),
                    "duration_value": first,
                    "intensity": INTENSITY_CODE[Intensity.ACTIVE],
                }
                row |= repeat_fields(node)
                if node.name:
                    row["wkt_step_name"] = node.name
                rows.append(row)
                continue
            row = {
                "message_index": len(rows),
                "intensity": INTENSITY_CODE[node.intensity],
                **duration_fields(node.duration),
            }
            shown = list(node.targets)
            if node.stroke:  # the stroke is the primary target, the step's own target second
                row |= {"target_type": TARGET["swim_stroke"], "target_value": fit_code("swim_stroke", node.stroke)}
                if shown:
                    row |= target_fields(shown[0], "secondary_")
            elif shown:
                row |= target_fields(shown[0])
                if len(shown) > 1:
                    row |= target_fields(shown[1], "secondary_")
            else:
                row["target_type"] = TARGET["open"]
            row |= extra_fields(node)
            if node.notes:
                row["notes"] = node.notes
            if node.name:
                row["wkt_step_name"] = node.name
            rows.append(row)

    add(nodes_)
    return rows


def expected_header(workout: Workout) -> dict:
    header = {"wkt_name": workout.name, "sport": fit_code("sport", workout.sport)}
    header["num_valid_steps"] = len(expected_rows(workout.steps))
    if workout.sub_sport is not None:
        header["sub_sport"] = fit_code("sub_sport", workout.sub_sport)
    if workout.pool is not None:
        header["pool_length"] = round(workout.pool.metres * 100)
        header["pool_length_unit"] = fit_code("display_measure", {"m": "metric", "yd": "statute"}[workout.pool.unit])
    if workout.description:
        header["wkt_description"] = workout.description
    return header


def essence(workout: Workout) -> tuple:
    """What a workout says, as FIT can hold it: no spans, no units a value was written in
    (a distance in cm, a target as its raw range), no kind (FIT has none)."""

    def duration(value):
        match value:
            case Time(seconds=seconds) | SendOff(seconds=seconds):
                return type(value).__name__, round(seconds * 1000)
            case Distance(metres=metres):
                return "distance", round(metres * 100)
            case UntilHeartRate() | UntilPower():
                return type(value).__name__, value.above, value.value, value.unit, getattr(value, "average", None)
            case None:
                return None
        return repr(value)

    def target(value: Target):
        family = "speed" if value.metric in ("pace", "speed") else value.metric
        return family, value.average, value.zone, None if value.zone else raw_range(value)

    def exercise(value: Exercise | None):
        if value is None:
            return None
        weight = None if value.weight is None else (round(value.weight * 100), value.weight_unit)
        return value.category, value.name, weight

    def node(value):
        if isinstance(value, Repeat):
            return "repeat", value.count, duration(value.until), value.name, tuple(map(node, value.steps))
        return (
            value.intensity,
            duration(value.duration),
            tuple(map(target, value.targets)),
            value.notes,
            value.name,
            value.stroke,
            value.equipment,
            exercise(value.exercise),
        )

    pool = None if workout.pool is None else (round(workout.pool.metres * 100), workout.pool.unit)
    return (workout.name, workout.sport, workout.sub_sport, pool, workout.description, tuple(map(node, workout.steps)))


def compiled_workout(source_text: str) -> Workout:
    source = load_text(source_text, "x.wkt")
    assert source.document is not None, [d.message for d in source.diagnostics]
    [workout] = source.document.workouts
    return workout


@given(workouts())
def test_generated_workouts_survive_printing_compiling_and_decoding(workout):
    """Any workout the model holds prints, compiles to the same model, encodes to the FIT
    values the cookbook gives, and decompiles back to itself, whose text compiles again."""
    text_ = workout_text(workout)
    try:
        parsed = compiled_workout(text_)
        assert essence(parsed) == essence(workout)
        data = encode_workout(parsed, 1764547200)
        messages = decode(data)
        assert messages["workout_mesgs"] == [expected_header(workout)]
        assert messages["workout_step_mesgs"] == expected_rows(workout.steps)
        result = decompile(data, "x")
        assert result.losses == []
        assert essence(result.workout) == essence(workout)
        assert essence(compiled_workout(workout_text(result.workout))) == essence(workout)
    except AssertionError:
        save_regression("valid", text_.encode("utf-8"))
        raise


# ------------------------------------------------------------------ broken text

# Issue 16's forms, so that mutations reach them whatever the examples hold.
NEW_FORMS = [
    'workout "Swim" pool 25m "Main set"\n  swim 400m free fins\n  4x50m drill fins rest 15s\n'
    "  10x100m free on 1:45\n  swim 8len back pace 1:40/100m\n  cooldown 100yd im-by-round\n",
    'workout "Strength" strength\n  warmup 5min\n  squat 3x10 @ 60kg rest 90s\n  deadlift 5 @ 135lb\n'
    "  plank/45-degree-plank 30s\n  cardio/jumping-jacks warmup 2min\n  rows 3x8 rest 1min\n",
    'workout "Bike" cycling indoor-cycling\n  ride 10min speed 30-35km/h grade 5%\n  interval 1min resistance 8\n'
    "  repeat until max-lap-power<250W\n    ride until power-3s>300W lap-hr z4\n    other 300kcal\n"
    "  repeat until 20min\n    ride 50tss power-10s 88-94%\n  6x400m pace 3:50/km recover 90s\n",
    'workout "Row" rowing indoor-rowing\n  row 12reps lap-speed 12mph cadence 24rpm\n',
]
SEEDS = [path.read_text(encoding="utf-8") for path in example_sources()] + NEW_FORMS
ODD = [
    "\t",
    "  ",
    "\n",
    "#",
    '"',
    "\\",
    "x",
    "5x",
    "99999999999999",
    "0",
    "-",
    "/",
    ":",
    "<",
    "<=",
    "z9",
    "hr",
    "pace",
    "until",
    "lap",
    "strides",
    "workout",
    "plan",
    "\u202e",
    "\u0301",
    "\ufeff",
    "\x00",
    "\ud7ff",
    "é",
    "\U0001f3c3",
    "1e9",
    "  " * 40,
    "\r",
    "\u2028",
    "2026-02-30",
    "24:00",
    "rest",
    # the words of issue 16's forms
    "@",
    "60kg",
    "3x10",
    "10x100m",
    "on",
    "1:45",
    "pool",
    "25yd",
    "8len",
    "300kcal",
    "12reps",
    "50tss",
    "free",
    "fins",
    "pull-buoy",
    "squat",
    "plank/45-degree-plank",
    "strength",
    "swimming",
    "indoor-cycling",
    "speed",
    "30km/h",
    "grade",
    "resistance",
    "lap-hr",
    "lap-pace",
    "power-3s",
    "max-lap-power",
    "interval",
    "other",
    "repeat until",
    "until power>",
]


@st.composite
def mutated_text(draw):
    text_ = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 6))):
        where = draw(st.integers(0, len(text_)))
        action = draw(st.sampled_from(["insert", "delete", "swap", "bytes", "indent"]))
        if action == "insert":
            text_ = text_[:where] + draw(st.sampled_from(ODD)) + text_[where:]
        elif action == "delete":
            text_ = text_[:where] + text_[where + draw(st.integers(1, 12)) :]
        elif action == "swap":
            words = text_.split(" ")
            if len(words) > 2:
                a, b = draw(st.integers(0, len(words) - 1)), draw(st.integers(0, len(words) - 1))
                words[a], words[b] = words[b], words[a]
                text_ = " ".join(words)
        elif action == "bytes":
            text_ = text_[:where] + draw(st.text(max_size=8)) + text_[where:]
        else:
            lines = text_.split("\n")
            line = draw(st.integers(0, len(lines) - 1))
            lines[line] = draw(st.sampled_from(["\t", " ", "    ", " \t"])) * draw(st.integers(1, 30)) + lines[line]
            text_ = "\n".join(lines)
    return text_


def _no_crash(text_: str) -> None:
    source = load_text(text_, "x.wkt")
    checker = Checker(ConfigFinder(None))
    found = checker.check_workouts(source)
    plans = checker.check_plans([(source, found)])
    for diagnostic in (*source.diagnostics, *found.diagnostics, *plans.of(source.path)):
        assert diagnostic.span.line >= 1 and diagnostic.span.column >= 1
        render_text(diagnostic, text_)
    if source.document is not None:
        for workout in source.document.all_workouts():
            if workout.name not in found.blocked:
                decoded_steps(encode_workout(workout, 1764547200))


@given(st.one_of(mutated_text(), st.text(max_size=300)))
def test_any_text_gives_diagnostics_or_a_valid_fit_never_an_exception(text_):
    try:
        _no_crash(text_)
    except Exception:
        save_regression("text", text_.encode("utf-8", "surrogatepass"))
        raise


# ------------------------------------------------------------------ fmt keeps every comment


@st.composite
def commented_source(draw):
    lines = draw(st.sampled_from(SEEDS)).split("\n")
    for number in range(draw(st.integers(1, 6))):
        where = draw(st.integers(0, len(lines) - 1))
        comment = f"# note {number} " + draw(
            st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=12)
        )
        if draw(st.booleans()) and lines[where].strip():
            lines[where] += "  " + comment
        else:
            lines.insert(where, " " * draw(st.integers(0, 6)) + comment)
    return "\n".join(lines)


@given(commented_source())
def test_fmt_keeps_every_comment_and_the_meaning(text_):
    from workoutc.language.formatter import NotFormattable, format_checked, meaning

    try:
        formatted = format_checked(text_, "x.wkt")
    except NotFormattable:
        return  # a comment line inserted into a block can break the indentation; then nothing is written
    for line in text_.split("\n"):
        if "# note " in line:
            assert line[line.index("# note ") :].rstrip() in formatted
    assert meaning(formatted) == meaning(text_)
    assert format_checked(formatted, "x.wkt") == formatted


# ------------------------------------------------------------------ broken FIT files

FIT_SEEDS = [p.read_bytes() for p in sorted((ROOT / "tests" / "fixtures").glob("*.fit"))]


@st.composite
def mutated_fit(draw):
    data = bytearray(draw(st.sampled_from(FIT_SEEDS)))
    for _ in range(draw(st.integers(1, 4))):
        action = draw(st.sampled_from(["flip", "truncate", "size", "byte", "insert"]))
        where = draw(st.integers(0, len(data) - 1))
        if action == "flip":
            data[where] ^= 1 << draw(st.integers(0, 7))
        elif action == "truncate":
            data = data[:where]
        elif action == "size":  # absurd field sizes and counts
            data[where] = draw(st.sampled_from([0, 1, 3, 0x7F, 0xFF]))
        elif action == "byte":
            data[where] = draw(st.integers(0, 255))
        else:
            data[where:where] = draw(st.binary(max_size=16))
        if not data:
            break
    if draw(st.booleans()) and len(data) >= 14:
        # Make the CRCs right again, so the reader gets past them and into the records.
        struct.pack_into("<I", data, 4, max(0, len(data) - 16))
        data[12:14] = struct.pack("<H", crc16(bytes(data[:12])))
        if len(data) >= 16:
            data[-2:] = struct.pack("<H", crc16(bytes(data[:-2])))
    return bytes(data)


@given(mutated_fit())
def test_any_fit_file_decompiles_or_is_a_clear_error(data):
    try:
        try:
            result = decompile(data, "x")
        except FitError as error:
            assert str(error)
            return
        text_ = workout_text(result.workout)
        assert load_text(text_, "x.wkt").document is not None or text_
    except Exception:
        save_regression("fit", data)
        raise


# ------------------------------------------------------------------ saved failures


def _saved(kind: str) -> list[Path]:
    folder = REGRESSIONS / kind
    return sorted(folder.iterdir()) if folder.is_dir() else []


@pytest.mark.parametrize("path", _saved("text") + _saved("valid"), ids=lambda p: p.name)
def test_saved_text_regressions(path):
    _no_crash(path.read_bytes().decode("utf-8", "surrogatepass"))


@pytest.mark.parametrize("path", _saved("valid"), ids=lambda p: p.name)
def test_saved_valid_texts_round_trip(path):
    """Each saved valid text compiles, and its FIT file decompiles, losing nothing, to
    text that compiles to the same bytes."""
    loaded = load_text(path.read_text(encoding="utf-8"), path.name)
    assert loaded.document is not None, [d.message for d in loaded.diagnostics]
    for workout in loaded.document.workouts:
        data = encode_workout(workout, 1764547200)
        result = decompile(data, "x")
        assert result.losses == []
        again = load_text(workout_text(result.workout), "again.wkt").document
        assert again is not None and encode_workout(again.workouts[0], 1764547200) == data


@pytest.mark.parametrize("path", _saved("fit"), ids=lambda p: p.name)
def test_saved_fit_regressions(path):
    with contextlib.suppress(FitError):
        decompile(path.read_bytes(), "x")
