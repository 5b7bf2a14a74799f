"""Real and generated FIT files (tests/fit/corpus/, /work/shared/fixtures/fit/) back to
text, and back to FIT again with nothing changed but what the losses name.

Every workout file decompiles through the command (exit 0); encoding the decoded
workout gives the original's workout and workout_step fields, compared field by field
as garmin-fit-sdk decodes them, except the fields a loss names (`_excused`: each loss
excuses only the fields it is about). Going through the text as well (decompile ->
text -> compile) must give the same. Files that hold no workout are refused with the
file's kind named.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tools.fitdump import decode
from workoutc.cli import main
from workoutc.fit import profile
from workoutc.fit.decode import NotAWorkout, decompile
from workoutc.fit.encode import encode_workout
from workoutc.fit.fields import SILENT_FIELDS, WORKOUT, WORKOUT_STEP, field_name
from workoutc.fit.values import REPEAT_KINDS
from workoutc.language.printer import workout_text
from workoutc.language.source import load_text

HERE = Path(__file__).resolve().parent / "corpus"
SHARED = Path("/work/shared/fixtures/fit")
WORKOUTS = sorted([*(HERE / "real").glob("*.fit"), *(HERE / "generated").glob("*.fit"), *SHARED.glob("*.fit")])
OTHERS = {
    "elemnt-bolt-no-application-id-inside-developer-data-id.fit": "an activity",
    "garmin-fenix-5-run.fit": "an activity",
    "compressed-speed-distance.fit": "an activity",
    "DeveloperData.fit": "an activity",
    "Settings.fit": "a settings file",
}
CREATED = 1_700_000_000
TARGET = ("target_type", "target_value", "custom_target_value_low", "custom_target_value_high")
SECONDARY = tuple(f"secondary_{name}" for name in TARGET)
SILENT = {
    name: {field_name(message, number) for number in SILENT_FIELDS[message]}
    for message, name in ((WORKOUT, "workout"), (WORKOUT_STEP, "step"))
}
# Fields the writer always writes, with the value it writes when the original said nothing.
DEFAULTS = {"workout": {"sport": 1}, "step": {"intensity": 0, "target_type": 2}}
NOTHING = {"equipment": 0}  # a value that means nothing: the same as no value


def _ids(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def _excused(losses: list[str]) -> dict[int | None, set[str]]:
    """The fields each loss is about, by step (None: the workout message)."""
    excused: dict[int | None, set[str]] = {}
    for loss in losses:
        match = re.match(r"step (\d+)", loss)
        index = int(match.group(1)) if match else None
        fields = excused.setdefault(index, set())
        if "the target is left out" in loss or "written low end first" in loss or "swim stroke" in loss:
            fields.update(TARGET + SECONDARY)
        if "ended with the lap key" in loss:
            fields.update(("duration_type", "duration_value"))
        if "intensity" in loss:
            fields.add("intensity")
        if "equipment" in loss:
            fields.add("equipment")
        if "exercise" in loss or "weight" in loss:
            fields.update(("exercise_category", "exercise_name", "exercise_weight", "weight_display_unit"))
        for named in re.findall(r"no place for its (.*); left out", loss):
            fields.update(re.findall(r"(\w+) \(", named))
    return excused


def _fields(message: dict, kind: str) -> dict:
    shown = {key: value for key, value in message.items() if isinstance(key, str) and key not in SILENT[kind]}
    shown.pop("developer_fields", None)
    # The profile gives an open target's target_value no meaning, but in a repeat step,
    # where it holds the count or the condition.
    repeat = shown.get("duration_type") in REPEAT_KINDS or str(shown.get("duration_type")).startswith("repeat")
    for prefix in ("secondary_",) if repeat else ("", "secondary_"):
        if shown.get(f"{prefix}target_type") in ("open", profile.TARGET_OPEN):
            shown.pop(f"{prefix}target_value", None)
    return {key: value for key, value in shown.items() if NOTHING.get(key, object()) != value}


def _same(original: dict, written: dict, kind: str, excused: set[str]) -> list[str]:
    """How `written` differs from `original`, field by field, but for `excused` fields."""
    before, after = _fields(original, kind), _fields(written, kind)
    differences = []
    for key in sorted(set(before) | set(after)):
        if key in excused or before.get(key, DEFAULTS[kind].get(key)) == after.get(key):
            continue
        differences.append(f"{kind} {key}: {before.get(key)!r} -> {after.get(key)!r}")
    return differences


def _compare(original: bytes, written: bytes, losses: list[str]) -> list[str]:
    excused = _excused(losses)
    first, second = decode(original), decode(written)
    differences = _same(first["workout_mesgs"][0], second["workout_mesgs"][0], "workout", excused.get(None, set()))
    steps, again = first["workout_step_mesgs"], second["workout_step_mesgs"]
    if len(steps) != len(again):
        return [*differences, f"{len(steps)} steps -> {len(again)}"]
    for index, (step, written_step) in enumerate(zip(steps, again, strict=True)):
        differences += [f"step {index}: {d}" for d in _same(step, written_step, "step", excused.get(index, set()))]
    return differences


@pytest.mark.parametrize("path", WORKOUTS, ids=_ids)
def test_every_workout_decompiles_through_the_command(path, capsys):
    assert main(["decompile", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("".join(f"# workoutc could not express: {loss}\n" for loss in _losses(path)))
    assert err == "".join(f"{path}: warning: {loss}\n" for loss in _losses(path))


def _losses(path: Path) -> list[str]:
    return decompile(path.read_bytes(), path.stem).losses


@pytest.mark.parametrize("path", WORKOUTS, ids=_ids)
def test_encoding_the_decoded_workout_gives_the_original_fields(path):
    data = path.read_bytes()
    result = decompile(data, path.stem)
    assert _compare(data, encode_workout(result.workout, CREATED), result.losses) == []


@pytest.mark.parametrize("path", WORKOUTS, ids=_ids)
def test_going_through_the_text_gives_the_original_fields(path):
    data = path.read_bytes()
    result = decompile(data, path.stem)
    text = workout_text(result.workout)
    loaded = load_text(text, f"{path.stem}.wkt")
    assert loaded.document is not None, [d.message for d in loaded.diagnostics]
    [workout] = loaded.document.workouts
    assert _compare(data, encode_workout(workout, CREATED), result.losses) == []


def test_an_activity_gives_back_the_workout_it_followed():
    result = decompile((HERE / "generated" / "activity-with-workout.fit").read_bytes(), "x")
    assert result.losses == ["this is an activity; the workout it followed is given back"]
    assert result.workout.name == "4x4km" and len(result.workout.steps) == 3


@pytest.mark.parametrize("name", OTHERS, ids=str)
def test_files_holding_no_workout_are_refused_by_kind(name, capsys):
    path = HERE / "other" / name
    with pytest.raises(NotAWorkout, match=rf"^not a workout file \(it is {OTHERS[name]}\)$"):
        decompile(path.read_bytes(), "x")
    assert main(["decompile", str(path)]) == 1
    assert capsys.readouterr().err == f"{path}: error: not a workout file (it is {OTHERS[name]})\n"


def test_a_folder_skips_what_is_no_workout(tmp_path, capsys):
    assert main(["decompile", str(HERE / "other"), "-o", str(tmp_path)]) == 0
    assert list(tmp_path.iterdir()) == []
    assert capsys.readouterr().err.count("skipped: not a workout file") == len(OTHERS)


def test_the_corpus_is_small_and_every_file_is_listed():
    files = sorted(p for p in HERE.rglob("*.fit"))
    assert sum(p.stat().st_size for p in files) < 3_000_000
    readme = (HERE / "README.md").read_text()
    assert [p.name for p in files if p.name not in readme] == []
