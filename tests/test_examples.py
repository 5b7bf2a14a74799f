"""Every example compiles, decodes cleanly with both decoders and matches its golden dump."""

from __future__ import annotations

import pytest

from tools.fitdump import decode
from tools.golden import ROOT, TIME_CREATED, example_sources, golden_path, render, resolved
from workoutc.fit.encode import encode_workout
from workoutc.language.source import load

SOURCES = example_sources()


def test_there_are_enough_examples():
    workouts = sum(len(document.workouts) for path in SOURCES if (document := load(path).document))
    assert len(SOURCES) >= 12 and workouts >= 12


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_example_decodes_with_both_decoders(source):
    loaded = load(source)
    assert loaded.diagnostics == () and loaded.document is not None
    for workout in resolved(source).workouts:
        messages = decode(encode_workout(workout, TIME_CREATED))
        [header] = messages["workout_mesgs"]
        assert header["num_valid_steps"] == len(messages["workout_step_mesgs"])
        assert [s["message_index"] for s in messages["workout_step_mesgs"]] == list(range(header["num_valid_steps"]))


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_example_matches_golden_dump(source):
    golden = golden_path(source)
    assert golden.exists(), f"run `make golden` to create {golden.relative_to(ROOT)}"
    assert render(source) == golden.read_text(encoding="utf-8"), (
        f"{source.name} no longer compiles to its golden dump; if the change is intended, "
        "run `make golden` and review the diff"
    )
