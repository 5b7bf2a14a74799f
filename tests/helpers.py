"""Small helpers shared by the tests."""

from __future__ import annotations

from pathlib import Path

from tools.fitdump import decode
from workoutc.fit.encode import encode_workout
from workoutc.language.source import load_text

ROOT = Path(__file__).resolve().parent.parent  # the repository

TIME_CREATED = 1764547200


def document(text: str, path: str = "test.wkt"):
    source = load_text(text, path)
    assert source.document is not None, [d.message for d in source.diagnostics]
    return source.document


def workout(text: str, path: str = "test.wkt"):
    [only] = document(text, path).workouts
    return only


def messages(text: str, path: str = "test.wkt") -> dict:
    """Compile a one-workout source and decode it with Garmin's decoder."""
    return decode(encode_workout(workout(text, path), TIME_CREATED))


def fit_steps(text: str, path: str = "test.wkt") -> list[dict]:
    return messages(text, path)["workout_step_mesgs"]


def errors(text: str, path: str = "test.wkt"):
    source = load_text(text, path)
    assert source.document is None, "expected errors"
    return list(source.diagnostics)


def error(text: str, path: str = "test.wkt"):
    [only] = errors(text, path)
    return only


def write(folder: Path, name: str, text: str) -> Path:
    """A file under `folder` (folders made as needed); returns its path."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def copy_output(out: Path, to: Path) -> None:
    """A copy of an output folder, its files' times kept, that workoutc knows it wrote
    as it knows `out` (the folder's ledger is copied too)."""
    import shutil

    from workoutc.pipeline.ledger import read_ledger, write_ledger

    shutil.copytree(out, to)
    earlier = read_ledger(out)
    if earlier:
        write_ledger(to, earlier)
