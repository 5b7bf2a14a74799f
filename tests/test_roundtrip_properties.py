"""Property tests: decompiling is the inverse of compiling on everything the language
accepts, and whatever decompile writes either compiles or says at its top why not.

Workouts are generated as text across the whole documented range (docs/language.md,
Limits), edges included: compile -> FIT -> decompile -> text -> compile -> FIT must give
the same FIT messages, field by field, with nothing reported lost. Crafted FIT files,
with values anywhere in their fields' ranges, must decompile to text that compiles or
that starts with `# workoutc could not express` lines. The profiles are those of
tests/test_properties.py (`make fuzz` sets HYPOTHESIS_PROFILE=fuzz).
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from garmin_fit_sdk import Encoder, Profile
from hypothesis import given
from hypothesis import strategies as st

from tools.fitdump import decode
from workoutc.fit import exercises
from workoutc.fit.decode import decompile
from workoutc.fit.encode import encode_workout
from workoutc.fit.read import FitError
from workoutc.language.printer import LINE_KEYWORDS, workout_text
from workoutc.language.source import load_text
from workoutc.language.targets import OPEN_SIDE
from workoutc.language.vocabulary import (
    EQUIPMENT_WORDS,
    SPORT_OF_SUB_SPORT,
    SPORT_WORDS,
    STEP_KEYWORDS,
    STROKE_WORDS,
    SUB_SPORT_WORDS,
)
from workoutc.model import FOOT_SPORTS, KINDS
from workoutc.pipeline.rewrite import COULD_NOT, decompiled_text
from workoutc.units import LEVEL_LIMITS, LEVEL_UNITS, LIMITS, SINGLE_VALUE_HALF_WIDTH, pace_limits

TIME_CREATED = 1764547200
SPELLINGS = {  # canonical unit -> every way the language lets it be written
    canonical: [written for written, unit in spellings.items() if unit == canonical]
    for spellings in LEVEL_UNITS.values()
    for canonical in spellings.values()
}
METRIC_UNITS = {
    "hr": ("bpm", "%max"),
    "power": ("W", "%ftp"),
    "cadence": ("spm", "rpm"),
    "grade": ("%",),
    "resistance": ("",),
}
ZONES = {"hr": LIMITS.hr_zones, "power": LIMITS.power_zones}


def edged(low: int, high: int):
    """A whole number in low..high, its ends drawn often."""
    return st.one_of(st.sampled_from([low, high]), st.integers(low, high))


def quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


strings = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=30).filter(
    lambda s: s.strip() and len(s.encode("utf-8")) <= 254
)
long_strings = st.sampled_from(["é" * 127, "x" * 254, "\U0001f3c3" * 63 + "xx"])  # 254 bytes exactly
names = st.one_of(strings, strings, strings, long_strings)

# ------------------------------------------------------------------ durations


@st.composite
def time_text(draw) -> str:
    millis = draw(edged(1, LIMITS.duration_seconds * 1000))
    style = draw(st.sampled_from(["parts", "seconds", "minutes"]))
    if style == "seconds":
        return f"{millis / 1000:.3f}".rstrip("0").rstrip(".") + "s"
    if style == "minutes" and millis % 60_000 == 0:
        return f"{millis // 60_000}min"
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds = f"{rest / 1000:.3f}".rstrip("0").rstrip(".")
    parts = [f"{hours}h" if hours else "", f"{minutes}min" if minutes else "", f"{seconds}s" if rest else ""]
    return "".join(parts)


@st.composite
def distance_text(draw) -> str:
    unit = draw(st.sampled_from(["m", "km", "mi", "yd"]))
    if unit == "yd":
        most = int(LIMITS.distance_metres / 0.9144 * 100)  # hundredths of a yard
        return f"{draw(edged(1, most)) / 100:.2f}".rstrip("0").rstrip(".") + "yd"
    if unit == "m":
        return f"{draw(edged(1, LIMITS.distance_metres * 100)) / 100:.2f}".rstrip("0").rstrip(".") + "m"
    if unit == "km":
        return f"{draw(edged(1, LIMITS.distance_metres * 100)) / 100_000:.5f}".rstrip("0").rstrip(".") + "km"
    most = int(LIMITS.distance_metres / 1609.344 * 10_000)  # ten-thousandths of a mile
    return f"{draw(edged(1, most)) / 10_000:.4f}".rstrip("0").rstrip(".") + "mi"


@st.composite
def heart_rate_condition(draw) -> str:
    unit = draw(st.sampled_from(["bpm", "%max"]))
    value = draw(edged(*LEVEL_LIMITS[unit]))
    return f"hr{draw(st.sampled_from('<>'))}{value}{draw(st.sampled_from(SPELLINGS[unit]))}"


@st.composite
def power_condition(draw, pairs) -> str:
    """`power-3s>300W`: one of `pairs` (keyword, comparison)."""
    keyword, compare = draw(st.sampled_from(pairs))
    unit = draw(st.sampled_from(["W", "%ftp"]))
    value = draw(edged(*LEVEL_LIMITS[unit]))
    return f"{keyword}{compare}{value}{draw(st.sampled_from(SPELLINGS[unit]))}"


STEP_POWER = [
    (keyword, compare) for keyword in ("power", "power-3s", "power-10s", "power-30s", "lap-power") for compare in "<>"
]
REPEAT_POWER = [("power", "<"), ("power", ">"), ("lap-power", "<"), ("max-lap-power", "<")]


def counted(unit: str, limits: tuple[int, int]):
    return edged(*limits).map(lambda count: f"{count}{unit}")


amounts = st.one_of(  # what a step, or each set of an exercise, lasts
    time_text(),
    distance_text(),
    st.just("lap"),
    heart_rate_condition().map(lambda condition: "until " + condition),
    power_condition(STEP_POWER).map(lambda condition: "until " + condition),
    counted("kcal", LIMITS.calories),
    counted("reps", LIMITS.reps),
    counted("tss", LIMITS.tss),
)
durations = amounts
repeat_conditions = st.one_of(
    heart_rate_condition(),
    power_condition(REPEAT_POWER),
    time_text(),
    distance_text(),
    counted("kcal", LIMITS.calories),
    counted("tss", LIMITS.tss),
)

# ------------------------------------------------------------------ targets


@st.composite
def level(draw, metric: str) -> str:
    """A heart-rate, power or cadence level in any of its shapes, within its limits."""
    shapes = ["bound", "range", "single"] + (["zone"] if metric in ZONES else []) + (["zone bound"] * (metric == "hr"))
    shape = draw(st.sampled_from(shapes))
    if shape == "zone":
        return f"{draw(st.sampled_from('zZ'))}{draw(edged(1, ZONES[metric]))}"
    if shape == "zone bound":
        compare = draw(st.sampled_from(["<", "<=", ">", ">="]))
        low, high = {"<": (2, 5), "<=": (1, 5), ">": (1, 4), ">=": (1, 5)}[compare]
        return f"{compare}z{draw(edged(low, high))}"
    unit = draw(st.sampled_from(METRIC_UNITS[metric]))
    written = draw(st.sampled_from(SPELLINGS[unit]))
    floor, ceiling = LEVEL_LIMITS[unit]
    if shape == "single":
        return f" {draw(edged(floor, ceiling))}{written}"
    if shape == "range":
        low, high = draw(edged(floor, ceiling)), draw(edged(floor, ceiling))
        return f" {low}{written if draw(st.booleans()) else ''}-{high}{written}"
    compare = draw(st.sampled_from(["<", "<=", ">", ">="]))
    open_floor, open_ceiling = OPEN_SIDE[unit]  # the bound must leave a range on its open side
    low, high = {
        "<": (max(floor, open_floor + 1), ceiling),
        "<=": (max(floor, open_floor), ceiling),
        ">": (floor, min(ceiling, open_ceiling - 1)),
        ">=": (floor, min(ceiling, open_ceiling)),
    }[compare]
    return f"{compare}{draw(edged(low, high))}{written}"


def clock(millis: int) -> str:
    minutes, rest = divmod(millis, 60_000)
    seconds, fraction = divmod(rest, 1000)
    return f"{minutes}:{seconds:02d}" + (f".{fraction:03d}".rstrip("0") if fraction else "")


PACES_OF = {"foot": ["km", "mi"], "swim": ["100m", "100yd"], "other": ["km", "mi"]}


def family(sport: str) -> str:
    return "foot" if sport in FOOT_SPORTS else "swim" if sport == "swimming" else "other"


@st.composite
def pace(draw, sport: str) -> str:
    per = draw(st.sampled_from(PACES_OF[family(sport)]))
    floor, ceiling = pace_limits(per)
    fastest, slowest = round(floor * 1000), round(ceiling * 1000)
    fastest += fastest < floor * 1000  # whole milliseconds inside the limits
    slowest -= slowest > ceiling * 1000
    paces = [clock(draw(edged(fastest, slowest))) for _ in range(draw(st.integers(1, 2)))]
    return f"{draw(st.sampled_from(['pace', 'lap-pace']))} " + "-".join(paces) + f"/{per}"


@st.composite
def speed(draw) -> str:
    """`speed 30-35km/h`, `lap-speed 20mph`, `speed>30km/h` (up to the top speed)."""
    unit = draw(st.sampled_from(["km/h", "mph"]))
    written = draw(st.sampled_from(SPELLINGS[unit]))
    keyword = draw(st.sampled_from(["speed", "lap-speed"]))
    top = 150 if unit == "km/h" else 93
    if draw(st.booleans()):
        return f"{keyword}{draw(st.sampled_from(['<', '<=', '>', '>=']))}{draw(st.integers(3, top - 2))}{written}"
    values = [draw(edged(2, top - 1)) for _ in range(draw(st.integers(1, 2)))]  # a single value's window: ±1
    return f"{keyword} " + "-".join(map(str, values)) + written


KEYWORDS = {  # a target family -> the keywords it is written with
    "hr": ["hr", "lap-hr"],
    "power": ["power", "power-3s", "power-10s", "power-30s", "lap-power"],
    "cadence": ["cadence"],
    "grade": ["grade"],
    "resistance": ["resistance"],
}


def targets_of(metric: str, sport: str):
    if metric == "speed":
        return pace(sport) if family(sport) != "other" else st.one_of(pace(sport), speed())
    level_of = level("power" if "power" in metric else metric)
    keywords = st.sampled_from(KEYWORDS[metric])
    return st.tuples(keywords, level_of).map(lambda kw: kw[0] + ("" if kw[1][0] in "<> " else " ") + kw[1])


@st.composite
def targets(draw, sport: str = "running", most: int = 2) -> list[str]:
    families = st.sampled_from(["hr", "power", "cadence", "speed", "grade", "resistance"])
    metrics = draw(st.lists(families, max_size=most, unique=True))
    return [draw(targets_of(metric, sport)) for metric in metrics]


# ------------------------------------------------------------------ workouts


STEP_WORDS = sorted(STEP_KEYWORDS)
STROKES = sorted(STROKE_WORDS)
EQUIPMENT = sorted(EQUIPMENT_WORDS)
EXERCISES = exercises.entries()


@dataclass(frozen=True)
class Context:
    """What a workout's header allows its lines: its sport, its pool (as written)."""

    sport: str
    pool: str | None = None


@st.composite
def send_off(draw) -> str:
    """`on 1:45` or `on 105s`."""
    if draw(st.booleans()):
        return f"on {draw(edged(0, 1439))}:{draw(edged(0, 59)):02d}".replace("on 0:00", "on 0:01")
    return "on " + draw(time_text())


def duration_in(context: Context):
    lengths = [counted("len", LIMITS.lengths)] if context.pool else []
    return st.one_of(durations, send_off(), *lengths)


@st.composite
def attributes(draw, context: Context) -> list[str]:
    """A swim's stroke and equipment, then targets (one beside a stroke)."""
    words = []
    if context.sport == "swimming":
        if draw(st.booleans()):
            words.append(draw(st.sampled_from(STROKES)))
        if draw(st.booleans()):
            words.append(draw(st.sampled_from(EQUIPMENT)))
    stroke = any(word in STROKE_WORDS for word in words)
    return words + draw(targets(context.sport, 1 if stroke else 2))


def note(draw) -> list[str]:
    return [quoted(draw(names))] if draw(st.booleans()) else []


@st.composite
def step_line(draw, context: Context) -> str:
    words = [draw(st.sampled_from(STEP_WORDS))]
    if draw(st.booleans()):
        words.append(quoted(draw(names)))
    words += [draw(duration_in(context)), *draw(attributes(context))]
    return " ".join(words + note(draw))


@st.composite
def rest_after(draw) -> list[str]:
    """What follows each set: nothing, `rest D`, `recover D` or a send-off."""
    choice = draw(st.sampled_from(["", "rest", "recover", "on"]))
    if not choice:
        return []
    if choice == "on":
        return [draw(send_off())]
    return [choice, draw(st.one_of(time_text(), distance_text()))]


@st.composite
def set_line(draw, context: Context, budget: int) -> tuple[str, int]:
    """`10x100m free on 1:45`, `6x400m pace 3:50/km recover 90s`."""
    amount = draw(st.one_of(time_text(), distance_text(), *([counted("len", LIMITS.lengths)] if context.pool else [])))
    after = draw(rest_after())
    count = draw(edged(1, min(LIMITS.repeat_count, budget // (2 if after else 1))))
    line = " ".join([f"{count}x{amount}", *draw(attributes(context)), *after, *note(draw)])
    return line, count * (2 if after else 1)


@st.composite
def weight(draw) -> str:
    unit = draw(st.sampled_from(["kg", "lb", "lbs", "KG"]))
    most = LIMITS.weight_kg[1] if unit.lower() == "kg" else LIMITS.weight_lb[1]
    return f"@ {draw(edged(0, most * 100)) / 100:.2f}".rstrip("0").rstrip(".") + unit


@st.composite
def exercise_line(draw, context: Context, budget: int) -> tuple[str, int]:
    """`squat 3x10 @ 60kg rest 90s`, `plank/45-degree-plank 30s`, `deadlift 5 @ 100kg`."""
    category, name = draw(st.sampled_from(EXERCISES))
    words = [exercises.written(category, name, LINE_KEYWORDS)]
    if draw(st.booleans()):
        words.append(quoted(draw(names)))
    amount = draw(st.one_of(edged(*LIMITS.reps).map(str), amounts))
    after = draw(rest_after())
    sets = draw(st.none() | edged(1, min(LIMITS.repeat_count, budget // (2 if after else 1))))
    words.append(amount if sets is None else f"{sets}x{amount}")
    if draw(st.booleans()):
        words.append(draw(weight()))
    words += [*draw(targets(context.sport)), *after]
    return " ".join(words + note(draw)), (sets or 1) * (2 if after else 1)


@st.composite
def strides_line(draw, budget: int, sport: str = "running") -> tuple[str, int]:
    """`strides NxD[/R]`: a repeat of two steps; its jog (3x the stride unless written) within the limits."""
    count = draw(st.integers(1, min(LIMITS.repeat_count, budget // 2)))
    stride = draw(st.sampled_from(["20s", "8h", "1.5s", "100m", "333.33km", "0.01m"]))
    jog = draw(st.sampled_from(["", "/45s", "/24h", "/1000km"]))
    line = f"strides {count}x{stride}{jog} " + " ".join(draw(targets(sport)))
    return line.rstrip() + (" " + quoted(draw(names)) if draw(st.booleans()) else ""), 2 * count


@st.composite
def block(draw, context: Context, depth: int, budget: int) -> tuple[list[str], int]:
    """Lines (indented within the block) of 1-3 nodes that run at most `budget` steps
    once counted out, with repeats nested at most `depth` deeper; and how many they run."""
    lines: list[str] = []
    runs = 0
    kinds = ["step", "repeat", "strides", "set"] + (["exercise"] * 2 if context.sport == "training" else [])
    for _ in range(draw(st.integers(1, 3))):
        left = budget - runs
        kind = draw(st.sampled_from(kinds)) if depth and left >= 2 else "step"
        if kind == "step" and left >= 1:
            lines.append(draw(step_line(context)))
            runs += 1
        elif kind in ("strides", "set", "exercise"):
            line, used = draw(
                {
                    "strides": strides_line(left, context.sport),
                    "set": set_line(context, left),
                    "exercise": exercise_line(context, left),
                }[kind]
            )
            lines.append(line)
            runs += used
        elif kind == "repeat":
            inner, once = draw(block(context, depth - 1, left))
            name = f" {quoted(draw(names))}" if draw(st.booleans()) else ""
            if draw(st.booleans()):
                lines.append(f"repeat until {draw(repeat_conditions)}{name}")
                runs += once
            else:
                count = draw(edged(1, min(LIMITS.repeat_count, left // once)))
                lines.append(f"{count}x{name}")
                runs += count * once
            lines += ["  " + line for line in inner]
    return lines, runs


SPORT_HEADERS = ["running", "run", "cycling", "ride", "bike", "swimming", "swim", "strength", "cardio", "walk", "hike"]
ALL_SPORT_WORDS = sorted(word for word in SPORT_WORDS if "-" not in word or word in ("e-biking",))
SUB_SPORTS = sorted(SUB_SPORT_WORDS)
SUB_SPORTS_ALONE = sorted(set(SUB_SPORT_WORDS) - set(SPORT_WORDS))
POOLS = ["25m", "50m", "33.33m", "25yd", "20yd", "10m", "200m", "218yd"]


@st.composite
def header(draw) -> tuple[str, Context]:
    """`workout "Name" [kind] [sport] [sub-sport] [pool 25m] ["description"]` and what it allows."""
    words = [f"workout {quoted(draw(names))}"]
    if draw(st.booleans()):
        words.append(draw(st.sampled_from(KINDS)))
    sport = sub_sport = None
    if draw(st.integers(0, 3)):
        word = draw(st.sampled_from(SPORT_HEADERS) | st.sampled_from(ALL_SPORT_WORDS))
        words.append(word)
        sport, sub_sport = SPORT_WORDS[word]
    if sub_sport is None and draw(st.booleans()):
        # `generic` and `hiit` are sports too: they read as a sub-sport only after a sport.
        word = draw(st.sampled_from(SUB_SPORTS if sport else SUB_SPORTS_ALONE))
        words.append(word)
        sub_sport = SUB_SPORT_WORDS[word]
    sport = sport or SPORT_OF_SUB_SPORT.get(sub_sport or "")
    pool = None
    if sport in (None, "swimming") and draw(st.booleans()):
        pool = draw(st.sampled_from(POOLS))
        words.append(f"pool {pool}")
        sport = "swimming"
    if draw(st.booleans()):
        words.append(quoted(draw(names)))
    return " ".join(words), Context(sport or "running", pool)


SESSION_VERBS = ["", "ride", "swim", "walk", "hike", "run"]


@st.composite
def workout_source(draw) -> str:
    if draw(st.integers(0, 5)) == 0:  # the one-line form: [KIND] [SPORT] DURATION [TARGET...] [strides] ["note"]
        verb = draw(st.sampled_from(SESSION_VERBS))
        sport = SPORT_WORDS[verb][0] if verb else "running"
        words = [draw(st.sampled_from(KINDS))] if draw(st.booleans()) or not verb else []
        session = [*words, *([verb] if verb else []), draw(durations), *draw(targets(sport))]
        if draw(st.booleans()):
            session.append(draw(strides_line(LIMITS.expanded_steps - 1, sport))[0])
        return f"workout {quoted(draw(names))} " + " ".join(session) + "\n"
    line, context = draw(header())
    lines, _ = draw(block(context, LIMITS.repeat_depth, LIMITS.expanded_steps))
    return "\n".join([line, *("  " + line for line in lines)]) + "\n"


def compiled(text: str) -> bytes:
    source = load_text(text, "generated.wkt")
    assert source.document is not None, (text, [d.message for d in source.diagnostics])
    [workout] = source.document.workouts
    return encode_workout(workout, TIME_CREATED)


def assert_round_trips(text: str) -> None:
    original = compiled(text)
    result = decompile(original, "generated")
    assert result.losses == [], (text, result.losses)
    again = compiled(workout_text(result.workout))
    assert decode(again) == decode(original), (text, workout_text(result.workout))


@given(workout_source())
def test_compile_decompile_compile_is_the_identity(text):
    assert_round_trips(text)


EDGES = [
    'workout "E"\n  run 24h\n  run 0.001s\n  run 1000km\n  run 0.01m\n  run 621.3711mi\n',
    'workout "E"\n  run lap hr 30bpm\n  run lap hr 250bpm\n  run lap hr 1%\n  run lap hr 100%\n',
    'workout "E"\n  run lap power 1W\n  run lap power 3000W\n  run lap power 1%\n  run lap power 300%\n',
    'workout "E"\n  run lap cadence 20spm\n  run lap cadence 300spm\n  run lap cadence 10rpm\n  run lap cadence 150rpm\n',
    'workout "E"\n  run lap pace 1:30/km\n  run lap pace 30:00/km\n  run lap pace 2:24.841/mi\n  run lap pace 48:16.819/mi\n',
    'workout "E"\n  run lap pace 1:30-30:00/km\n  run lap pace 48:16.819-2:24.841/mi\n',
    'workout "E"\n  run until hr<30bpm\n  run until hr>250bpm\n  run until hr<1%\n  run until hr>100%\n',
    'workout "E"\n  run lap hr<31bpm\n  run lap hr>249bpm\n  run lap hr<=50%\n  run lap hr>=1% power<2W\n',
    'workout "E"\n  run lap hr<z2\n  run lap hr>z4\n  run lap hr z5 power z7\n  run lap lap-power z1 cadence<=300spm\n',
    'workout "E"\n  99x\n    99x\n      run 1s\n  1x\n    1x\n      1x\n        1x\n          1x\n            run 1s\n',
    'workout "E"\n  strides 99x8h/24h\n  repeat until hr>250bpm "x"\n    strides 1x0.01m\n',
    "workout "
    + quoted("é" * 127)
    + " cycling\n  ride "
    + quoted("x" * 254)
    + " 1s "
    + quoted("\U0001f3c3" * 63)
    + "\n",
    'workout "E" race 24h pace 1:30/km hr 250bpm strides 99x20s/45s lap-power 3000W "note"\n',
]


@pytest.mark.parametrize("text", EDGES, ids=range(len(EDGES)))
def test_the_edges_of_the_language_round_trip(text):
    assert_round_trips(text)


def test_a_single_value_window_stays_inside_the_limits():
    """The generator writes single values at the limits; their windows are clamped."""
    assert SINGLE_VALUE_HALF_WIDTH["pace"] > 0
    result = decompile(compiled('workout "E"\n  run 1s pace 1:30/km\n'), "x")
    assert workout_text(result.workout) == 'workout "E"\n  run 1s pace 1:30-1:35/km\n'


# ------------------------------------------------------------------ crafted FIT files

U32 = 0xFFFF_FFFE  # the largest valid uint32
raw_values = st.one_of(
    st.integers(0, 400), st.sampled_from([86_400_000, 86_400_001, 100_000_000, 100_000_001, U32]), st.integers(0, U32)
)
fit_strings = st.text(st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=40).filter(
    lambda s: "\0" not in s
)


@st.composite
def crafted_step(draw, index: int) -> dict:
    step: dict = {
        "duration_type": draw(st.sampled_from([0, 1, 2, 3, 4, 5, 6, 10, 11, 7, 28])),
        "duration_value": draw(st.integers(0, index) if index else raw_values),
        "target_type": draw(st.sampled_from([0, 1, 2, 3, 4, 5, 10, 11])),
        "target_value": draw(st.one_of(st.integers(0, 8), st.integers(90, 110), raw_values)),
        "intensity": draw(st.integers(0, 7)),
    }
    if step["duration_type"] not in (6, 10, 11):
        step["duration_value"] = draw(raw_values)
    for field in ("custom_target_value_low", "custom_target_value_high"):
        if draw(st.booleans()):
            step[field] = draw(raw_values)
    for field in ("notes", "wkt_step_name"):
        if draw(st.integers(0, 3)) == 0:
            step[field] = draw(fit_strings)
    return step


@st.composite
def crafted_fit(draw) -> bytes:
    encoder = Encoder()
    encoder.write_mesg({"mesg_num": Profile["mesg_num"]["FILE_ID"], "type": 5, "manufacturer": 255, "serial_number": 7})
    count = draw(st.integers(1, 12))
    workout = {"mesg_num": Profile["mesg_num"]["WORKOUT"], "num_valid_steps": count}
    if draw(st.booleans()):
        workout["wkt_name"] = draw(st.one_of(fit_strings, st.sampled_from([" ", "\t", " x ", "\n"])))
    if draw(st.booleans()):
        workout["sport"] = draw(st.sampled_from([1, 2, 5]))
    encoder.write_mesg(workout)
    for index in range(count):
        step = draw(crafted_step(index))
        encoder.write_mesg({"mesg_num": Profile["mesg_num"]["WORKOUT_STEP"], "message_index": index, **step})
    return bytes(encoder.close())


@given(crafted_fit(), st.sampled_from(["x.fit", " .fit", "a\nb.fit"]))
def test_what_decompile_writes_compiles_or_says_why_not(data, name):
    try:
        result = decompile(data, name.removesuffix(".fit"))
    except FitError as error:
        assert str(error)
        return
    text, errors = decompiled_text(result, name)
    # One line heads the text for each loss and each compile error, and only those.
    header = text.split("\n")[: len(result.losses) + len(errors)]
    assert all(line.startswith(COULD_NOT) for line in header), text
    assert not text.split("\n")[len(header)].startswith(COULD_NOT)
    assert (load_text(text, "x.wkt").document is not None) == (errors == []), (text, errors)
