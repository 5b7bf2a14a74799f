"""Property tests: generated workouts survive exactly; broken input never crashes anything.

`make test` runs a CI-sized number of cases; `make fuzz` runs the same properties with
the `fuzz` profile (over 100 000 cases in all). A failing input is saved under
tests/regressions/, where test_saved_regressions replays it forever after.
"""

from __future__ import annotations

import contextlib
import hashlib
import struct
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tools.fitdump import steps as decoded_steps
from tools.golden import example_sources
from workoutc.check.config import ConfigFinder
from workoutc.check.runner import Checker
from workoutc.diagnostics import Span, render_text
from workoutc.fit.crc import crc16
from workoutc.fit.decode import decompile
from workoutc.fit.encode import encode_workout
from workoutc.fit.read import FitError
from workoutc.language.printer import workout_text
from workoutc.language.source import load_text
from workoutc.model import (
    Distance,
    Intensity,
    LapKey,
    Repeat,
    Step,
    Target,
    Time,
    UntilHeartRate,
    Workout,
    expanded_count,
)

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

durations = st.one_of(
    st.integers(1, 24 * 3600 * 1000).map(lambda ms: Time(ms / 1000)),
    st.integers(1, 100_000_000).map(lambda cm: Distance(cm / 100, "m")),
    st.just(LapKey()),
    st.builds(UntilHeartRate, st.booleans(), st.integers(30, 250), st.just("bpm")),
    st.builds(UntilHeartRate, st.booleans(), st.integers(1, 100), st.just("%max")),
)


def _ordered(low: int, high: int):
    return st.tuples(st.integers(low, high), st.integers(low, high)).map(sorted)


targets = st.one_of(
    st.integers(1, 5).map(lambda z: Target("hr", z, None, None, None, SPAN)),
    _ordered(1, 100).map(lambda r: Target("hr", None, r[0], r[1], "%max", SPAN)),
    _ordered(30, 250).map(lambda r: Target("hr", None, r[0], r[1], "bpm", SPAN)),
    _ordered(90, 1800).map(lambda r: Target("pace", None, r[0], r[1], "s/km", SPAN)),
    _ordered(1, 3000).map(lambda r: Target("power", None, r[0], r[1], "W", SPAN)),
    _ordered(1, 300).map(lambda r: Target("power", None, r[0], r[1], "%ftp", SPAN)),
    st.integers(1, 7).map(lambda z: Target("power", z, None, None, None, SPAN, lap=False)),
    _ordered(10, 150).map(lambda r: Target("cadence", None, r[0] * 2, r[1] * 2, "spm", SPAN)),
    _ordered(1, 3000).map(lambda r: Target("power", None, r[0], r[1], "W", SPAN, average="lap")),
)


@st.composite
def step(draw):
    chosen = draw(st.lists(targets, max_size=2, unique_by=lambda t: (t.metric, t.average)))
    if len({t.metric for t in chosen}) < len(chosen):
        chosen = chosen[:1]
    return Step(
        draw(st.sampled_from(list(Intensity))),
        draw(durations),
        tuple(chosen),
        draw(st.none() | text),
        SPAN,
        draw(st.none() | text),
    )


def nodes(depth: int):
    if depth == 0:
        return st.lists(step(), min_size=1, max_size=4)
    repeat = st.builds(
        lambda count, block, name, until: Repeat(None if until else count, tuple(block), SPAN, until=until, name=name),
        st.integers(1, 99),
        nodes(depth - 1),
        st.none() | text,
        st.none() | st.builds(UntilHeartRate, st.booleans(), st.integers(30, 250), st.just("bpm")),
    )
    return st.lists(st.one_of(step(), repeat), min_size=1, max_size=4)


workouts = st.builds(lambda name, steps: Workout(name, None, tuple(steps), SPAN, "x.wkt"), text, nodes(2)).filter(
    lambda workout: expanded_count(workout.steps) <= 10_000
)  # the language's limit


def expected_rows(nodes_) -> list[dict]:
    """The FIT values each step must decode to, worked out here independently of fit.py."""
    rows: list[dict] = []

    def target_fields(target, prefix=""):
        kind = {"hr": 1, "pace": 0, "power": 4, "cadence": 3}[target.metric] if not target.average else 10
        fields = {f"{prefix}target_type": kind, f"{prefix}target_value": target.zone or 0}
        if target.zone is None:
            low, high = {
                "%max": (target.low, target.high),
                "bpm": (target.low + 100, target.high + 100),
                "W": (target.low + 1000, target.high + 1000),
                "%ftp": (target.low, target.high),
                "spm": (target.low // 2, target.high // 2),
                "s/km": (round(1_000_000 / target.high), round(1_000_000 / target.low)),
            }[target.unit]
            fields[f"{prefix}custom_target_value_low"], fields[f"{prefix}custom_target_value_high"] = low, high
        return fields

    def add(items):
        for node in items:
            if isinstance(node, Repeat):
                first = len(rows)
                add(node.steps)
                row: dict = {"message_index": len(rows), "duration_value": first, "intensity": 0}
                if node.until:
                    row |= {
                        "duration_type": 11 if node.until.above else 10,
                        "target_type": 1,
                        "target_value": node.until.value + 100,
                    }
                else:
                    row |= {"duration_type": 6, "target_type": 2, "target_value": node.count}
                if node.name:
                    row["wkt_step_name"] = node.name
                rows.append(row)
                continue
            row = {
                "message_index": len(rows),
                "intensity": {"warmup": 2, "active": 0, "recovery": 4, "rest": 1, "cooldown": 3}[node.intensity.value],
            }
            duration = node.duration
            if isinstance(duration, Time):
                row |= {"duration_type": 0, "duration_value": round(duration.seconds * 1000)}
            elif isinstance(duration, Distance):
                row |= {"duration_type": 1, "duration_value": round(duration.metres * 100)}
            elif isinstance(duration, LapKey):
                row["duration_type"] = 5
            else:
                value = duration.value + (100 if duration.unit == "bpm" else 0)
                row |= {"duration_type": 3 if duration.above else 2, "duration_value": value}
            if node.targets:
                row |= target_fields(node.targets[0])
            else:
                row["target_type"] = 2
            if len(node.targets) > 1:
                row |= target_fields(node.targets[1], "secondary_")
            if node.notes:
                row["notes"] = node.notes
            if node.name:
                row["wkt_step_name"] = node.name
            rows.append(row)

    add(nodes_)
    return rows


@given(workouts)
def test_generated_workouts_survive_printing_compiling_and_decoding(workout):
    text_ = workout_text(workout)
    source = load_text(text_, "x.wkt")
    try:
        assert source.document is not None, [d.message for d in source.diagnostics]
        [parsed] = source.document.workouts
        decoded = decoded_steps(encode_workout(parsed, 1764547200))
        assert decoded == expected_rows(workout.steps)
    except AssertionError:
        save_regression("valid", text_.encode("utf-8"))
        raise


# ------------------------------------------------------------------ broken text

SEEDS = [path.read_text(encoding="utf-8") for path in example_sources()]
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


@pytest.mark.parametrize("path", _saved("fit"), ids=lambda p: p.name)
def test_saved_fit_regressions(path):
    with contextlib.suppress(FitError):
        decompile(path.read_bytes(), "x")
