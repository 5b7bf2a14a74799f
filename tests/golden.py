"""Golden dumps of the examples: `make golden` rewrites them, `git diff` reviews them.

Each examples/NAME.wkt has examples/NAME.fit.txt beside it: the decoded messages of
every FIT file the source compiles to, at a fixed time_created.
"""

from __future__ import annotations

from pathlib import Path

from workoutc.fit import encode_workout
from workoutc.source import load

from .fitdump import dump

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
TIME_CREATED = 1764547200  # 2025-12-01T00:00:00Z


def example_sources() -> list[Path]:
    return sorted(EXAMPLES.rglob("*.wkt"))


def golden_path(source: Path) -> Path:
    return source.with_suffix(".fit.txt")


def render(source: Path) -> str:
    loaded = load(source, str(source.relative_to(ROOT)))
    assert loaded.document is not None, loaded.diagnostics
    parts = []
    for workout in loaded.document.all_workouts():
        parts.append(f"== {workout.name}\n" + dump(encode_workout(workout, TIME_CREATED)))
    return "\n".join(parts)


def main() -> None:
    for source in example_sources():
        path = golden_path(source)
        text = render(source)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"rewrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
