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

import pytest
from garmin_fit_sdk import Encoder, Profile
from hypothesis import given
from hypothesis import strategies as st

from tools.fitdump import decode
from workoutc.fit.decode import decompile
from workoutc.fit.encode import encode_workout
from workoutc.fit.read import FitError
from workoutc.language.printer import workout_text
from workoutc.language.source import load_text
from workoutc.language.targets import OPEN_SIDE, pace_limits
from workoutc.model import KINDS
from workoutc.pipeline.rewrite import COULD_NOT, decompiled_text
from workoutc.units import LEVEL_LIMITS, LEVEL_UNITS, LIMITS, SINGLE_VALUE_HALF_WIDTH

TIME_CREATED = 1764547200
SPELLINGS = {  # canonical unit -> every way the language lets it be written
    canonical: [written for written, unit in spellings.items() if unit == canonical]
    for spellings in LEVEL_UNITS.values()
    for canonical in spellings.values()
}
METRIC_UNITS = {"hr": ("bpm", "%max"), "power": ("W", "%ftp"), "cadence": ("spm", "rpm")}
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
    unit = draw(st.sampled_from(["m", "km", "mi"]))
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


durations = st.one_of(
    time_text(), distance_text(), st.just("lap"), heart_rate_condition().map(lambda condition: "until " + condition)
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


@st.composite
def pace(draw) -> str:
    per = draw(st.sampled_from(["km", "mi"]))
    fastest, slowest = (round(limit * 1000) for limit in pace_limits(per))
    fastest += fastest < pace_limits(per)[0] * 1000  # whole milliseconds inside the limits
    slowest -= slowest > pace_limits(per)[1] * 1000
    paces = [clock(draw(edged(fastest, slowest))) for _ in range(draw(st.integers(1, 2)))]
    return "pace " + "-".join(paces) + f"/{per}"


def targets_of(metric: str):
    if metric == "pace":
        return pace()
    if metric == "lap-power":
        return level("power").map(lambda text: "lap-power" + ("" if text[0] in "<> " else " ") + text)
    return level(metric).map(lambda text: metric + ("" if text[0] in "<> " else " ") + text)


@st.composite
def targets(draw) -> list[str]:
    metrics = draw(st.lists(st.sampled_from(["hr", "power", "lap-power", "cadence", "pace"]), max_size=2, unique=True))
    if set(metrics) == {"power", "lap-power"}:
        metrics = metrics[:1]  # one power target a step
    return [draw(targets_of(metric)) for metric in metrics]


# ------------------------------------------------------------------ workouts


@st.composite
def step_line(draw) -> str:
    words = [draw(st.sampled_from(["warmup", "run", "ride", "recover", "rest", "cooldown"]))]
    if draw(st.booleans()):
        words.append(quoted(draw(names)))
    words += [draw(durations), *draw(targets())]
    if draw(st.booleans()):
        words.append(quoted(draw(names)))
    return " ".join(words)


@st.composite
def strides_line(draw, budget: int) -> tuple[str, int]:
    """`strides NxD[/R]`: a repeat of two steps; its jog (3x the stride unless written) within the limits."""
    count = draw(st.integers(1, min(LIMITS.repeat_count, budget // 2)))
    stride = draw(st.sampled_from(["20s", "8h", "1.5s", "100m", "333.33km", "0.01m"]))
    jog = draw(st.sampled_from(["", "/45s", "/24h", "/1000km"]))
    line = f"strides {count}x{stride}{jog} " + " ".join(draw(targets()))
    return line.rstrip() + (" " + quoted(draw(names)) if draw(st.booleans()) else ""), 2 * count


@st.composite
def block(draw, depth: int, budget: int) -> tuple[list[str], int]:
    """Lines (indented within the block) of 1-3 nodes that run at most `budget` steps
    once counted out, with repeats nested at most `depth` deeper; and how many they run."""
    lines: list[str] = []
    runs = 0
    for _ in range(draw(st.integers(1, 3))):
        left = budget - runs
        kind = draw(st.sampled_from(["step", "repeat", "strides"])) if depth and left >= 2 else "step"
        if kind == "step" and left >= 1:
            lines.append(draw(step_line()))
            runs += 1
        elif kind == "strides":
            line, used = draw(strides_line(left))
            lines.append(line)
            runs += used
        elif kind == "repeat":
            inner, once = draw(block(depth - 1, left))
            name = f" {quoted(draw(names))}" if draw(st.booleans()) else ""
            if draw(st.booleans()):
                lines.append(f"repeat until {draw(heart_rate_condition())}{name}")
                runs += once
            else:
                count = draw(edged(1, min(LIMITS.repeat_count, left // once)))
                lines.append(f"{count}x{name}")
                runs += count * once
            lines += ["  " + line for line in inner]
    return lines, runs


@st.composite
def workout_source(draw) -> str:
    header = f"workout {quoted(draw(names))}"
    words = [draw(st.sampled_from(KINDS))] if draw(st.booleans()) else []
    if draw(st.booleans()):
        words.insert(draw(st.integers(0, len(words))), draw(st.sampled_from(["running", "cycling"])))
    header = " ".join([header, *words])
    if draw(st.integers(0, 5)) == 0:  # the one-line form: KIND DURATION [TARGET...] [strides] ["note"]
        session = [draw(st.sampled_from(KINDS)), draw(durations), *draw(targets())]
        if draw(st.booleans()):
            session.append(draw(strides_line(LIMITS.expanded_steps - 1))[0])
        return f"workout {quoted(draw(names))} " + " ".join(session) + "\n"
    lines, _ = draw(block(LIMITS.repeat_depth, LIMITS.expanded_steps))
    return "\n".join([header, *("  " + line for line in lines)]) + "\n"


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
    if not text.startswith(COULD_NOT):
        assert errors == [] and load_text(text, "x.wkt").document is not None, text
        return
    header = text.split("\n")[: len(result.losses) + len(errors)]
    assert errors and all(line.startswith(COULD_NOT) for line in header), text
    assert not text.split("\n")[len(header)].startswith(COULD_NOT)
