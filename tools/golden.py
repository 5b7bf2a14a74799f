"""Golden files: `make golden` rewrites them, `git diff` reviews them.

Each examples/NAME.wkt has examples/NAME.fit.txt beside it: the decoded messages of
every FIT file the source compiles to, at a fixed time_created. tests/golden/ holds
the HTML pages of one structured workout and one plan.
"""

from __future__ import annotations

import contextlib
import io
import tempfile
from pathlib import Path

from workoutc.check.config import ConfigFinder
from workoutc.check.resolve import resolve
from workoutc.fit.encode import encode_workout
from workoutc.language.source import load
from workoutc.model import Document

from .fitdump import dump

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
GOLDEN_PAGES = ROOT / "tests" / "golden"
PAGES = ("track-5x1k.html", "base-week-3.html")
TIME_CREATED = 1764547200  # 2025-12-01T00:00:00Z


def example_sources() -> list[Path]:
    return sorted(EXAMPLES.rglob("*.wkt"))


def golden_path(source: Path) -> Path:
    return source.with_suffix(".fit.txt")


def resolved(source: Path) -> Document:
    """An example's document, its relative targets given the numbers of the athlete its
    config describes (the top-level [athlete], as `make demo` compiles it)."""
    shown = str(source.relative_to(ROOT))
    loaded = load(source, shown)
    assert loaded.document is not None, loaded.diagnostics
    document, problems = resolve(loaded.document, ConfigFinder().for_file(source).athlete, shown)
    assert not problems, problems
    return document


def render(source: Path) -> str:
    parts = []
    for workout in resolved(source).all_workouts():
        parts.append(f"== {workout.name}\n" + dump(encode_workout(workout, TIME_CREATED)))
    return "\n".join(parts)


def render_pages() -> dict[str, str]:
    """The golden pages, built from examples/ as `make demo` builds them."""
    from workoutc.pipeline.publish import publish
    from workoutc.pipeline.stages import run_stages
    from workoutc.reporter import Reporter

    with tempfile.TemporaryDirectory() as folder, contextlib.chdir(ROOT):
        run = run_stages(["examples"], None, keep_documents=True)
        publish(run, Path(folder), Reporter(io.StringIO(), io.StringIO()), fit=False, pages=True)
        return {name: (Path(folder) / name).read_text(encoding="utf-8") for name in PAGES}


def _update(path: Path, text: str) -> None:
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"rewrote {path.relative_to(ROOT)}")


def main() -> None:
    for source in example_sources():
        _update(golden_path(source), render(source))
    for name, text in render_pages().items():
        _update(GOLDEN_PAGES / name, text)


if __name__ == "__main__":
    main()
