from pathlib import Path

from workoutc.parse import grammar_text

ROOT = Path(__file__).resolve().parent.parent


def test_packaged_grammar_is_the_source_grammar():
    source = (ROOT / "grammar" / "workout.lark").read_text(encoding="utf-8")
    assert grammar_text() == source, "copy grammar/workout.lark to src/workoutc/workout.lark"
