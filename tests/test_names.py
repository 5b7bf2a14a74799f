"""Output file names: slugs and unique stems."""

from __future__ import annotations

from workoutc.names import NameRegistry, slugify


def test_many_names_that_slug_alike_are_numbered_quickly():
    names = NameRegistry()
    stems = [names.claim(slugify("走る")) for _ in range(20_000)]  # every CJK name slugs to "workout"
    assert stems[:3] == ["workout", "workout-2", "workout-3"] and len(set(stems)) == 20_000


def test_a_broken_file_keeps_the_names_its_outputs_have(tmp_path, capsys):
    from workoutc.cli import main

    from .helpers import write

    a = write(tmp_path / "lib", "a.wkt", 'workout "Tempo" tempo\n  run 20min\nplan "Week"\n  2026-03-14 easy 30min\n')
    write(
        tmp_path / "lib",
        "b.wkt",
        'workout "Tempo" tempo\n  run 25min\neasy 40min\nplan "Week"\n  2026-03-14 easy 45min\n',
    )
    out = tmp_path / "out"
    assert main(["compile", str(tmp_path / "lib"), "-o", str(out)]) == 0
    before = {path.name: path.read_bytes() for path in out.iterdir()}
    assert {"tempo.fit", "tempo-2.fit", "week.schedule.fit", "week-2.schedule.fit", "easy-03-14-2.fit"} <= set(before)
    a.write_text(a.read_text(encoding="utf-8").replace("20min", "20mins"), encoding="utf-8")  # a typo
    assert main(["compile", str(tmp_path / "lib"), "-o", str(out), "--no-cache"]) == 1
    capsys.readouterr()
    after = {path.name: path.read_bytes() for path in out.iterdir()}
    assert after == before, "b's outputs keep their names; a's are left as they were"


def test_a_workout_named_index_does_not_take_the_index_page(tmp_path, capsys):
    from workoutc.cli import main

    from .helpers import write

    write(tmp_path, "a.wkt", 'workout "Index" easy 30min\nplan "INDEX"\n  2026-03-14 "Index"\n')
    assert main(["compile", str(tmp_path / "a.wkt"), "-o", str(tmp_path / "out"), "--html"]) == 0
    capsys.readouterr()
    names = {path.name for path in (tmp_path / "out").iterdir()}
    assert {"index-2.fit", "index-2.html", "index-3.html", "index-3.schedule.fit", "index.html"} <= names
    assert "Workouts" in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
