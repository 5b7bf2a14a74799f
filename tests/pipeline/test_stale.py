"""The output folder mirrors the sources: all or nothing per file and per plan, and
the files workoutc wrote earlier for workouts now gone or refused are removed, never
a file it did not write or one changed since."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from workoutc.cli import main

from ..helpers import write

TRACK = 'workout "Track"\n  warmup 15min\n  5x\n    run 1km\n    recover 400m\n  cooldown 10min\n'
PLAN = 'plan "Week"\n  2026-11-24 "Track"\n  2026-11-26 easy 40min\n'


def compile_(capsys, *args: str) -> tuple[int, str, str]:
    status = main(["compile", *args])
    out, err = capsys.readouterr()
    return status, out, err


def names(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


@pytest.fixture
def library(tmp_path) -> Path:
    lib = tmp_path / "lib"
    write(lib, "track.wkt", TRACK)
    write(lib, "easy.wkt", "easy 40min hr<=z2\n")
    write(lib, "week.wkt", PLAN)
    return lib


def test_a_renamed_workout_leaves_no_stale_file(library, tmp_path, capsys):
    out = tmp_path / "out"
    assert compile_(capsys, str(library), "-o", str(out), "--html")[0] == 0
    assert "track.fit" in names(out) and "track.html" in names(out)
    write(library, "track.wkt", TRACK.replace('"Track"', '"Track 5x1k"'))
    write(library, "week.wkt", PLAN.replace('"Track"', '"Track 5x1k"'))
    status, stdout, _ = compile_(capsys, str(library), "-o", str(out), "--html")
    assert status == 0
    assert "track.fit" not in names(out) and "track.html" not in names(out)
    assert {"track-5x1k.fit", "track-5x1k.html"} <= set(names(out))
    assert f"removed {out / 'track.fit'}: no longer produced\n" in stdout
    assert f"removed {out / 'track.html'}: no longer produced\n" in stdout
    assert 'href="track.html"' not in (out / "index.html").read_text()


def test_a_deleted_source_takes_its_outputs_with_it(library, tmp_path, capsys):
    out = tmp_path / "out"
    compile_(capsys, str(library), "-o", str(out))
    (library / "easy.wkt").unlink()
    status, stdout, _ = compile_(capsys, str(library), "-o", str(out))
    assert status == 0 and "easy.fit" not in names(out)
    assert stdout.endswith(f"removed {out / 'easy.fit'}: no longer produced\n")


def test_a_workout_the_checker_now_refuses_is_removed(library, tmp_path, capsys):
    out = tmp_path / "out"
    compile_(capsys, str(library), "-o", str(out))
    write(library, "workoutc.toml", '[rules]\nS202 = { severity = "error" }\n')  # no cool-down: now an error
    write(library, "easy.wkt", "easy 40min hr<=z2\n")
    write(library, "track.wkt", TRACK.replace("run 1km", "run 1km hr z5").replace("  cooldown 10min\n", ""))
    status, stdout, err = compile_(capsys, str(library), "-o", str(out))
    assert status == 1
    # The plan names "Track", which has errors: no schedule, no calendar, nor its own sessions.
    assert names(out) == ["easy.fit"]
    assert f"{library / 'track.wkt'}: not compiled (1 error)\n" in err
    assert f'{library / "week.wkt"}: plan "Week" not compiled: it names "Track", which has errors\n' in err
    assert "not compiled: 1 file with errors, 1 plan naming workouts with errors\n" in err
    for name in ("track.fit", "easy-11-26.fit", "week.schedule.fit", "week.ics"):
        assert f"removed {out / name}: no longer produced\n" in stdout


def test_a_file_that_cannot_be_read_keeps_its_earlier_outputs(library, tmp_path, capsys):
    out = tmp_path / "out"
    compile_(capsys, str(library), "-o", str(out), "--html")
    before = {name: (out / name).read_bytes() for name in ("easy.fit", "easy.html")}
    write(library, "easy.wkt", "easy 40minn\n")
    status, stdout, err = compile_(capsys, str(library), "-o", str(out), "--html")
    assert status == 1
    assert {name: (out / name).read_bytes() for name in before} == before
    assert f"{library / 'easy.wkt'}: not compiled (1 error); its earlier outputs are kept until it compiles\n" in err
    assert "removed" not in stdout
    index = (out / "index.html").read_text()
    assert 'href="easy.html"' in index  # still there, and still listed


def test_a_plan_naming_an_unknown_workout_writes_nothing(tmp_path, capsys):
    lib = write(tmp_path / "lib", "week.wkt", PLAN + '  2026-11-27 "Tempo"\n').parent
    status, _, err = compile_(capsys, str(lib), "-o", str(tmp_path / "out"), "--html")
    assert status == 1
    assert names(tmp_path / "out") == ["index.html"]
    assert f"{lib / 'week.wkt'}: not compiled (2 errors)\n" in err  # "Track" and "Tempo"


def test_never_a_file_workoutc_did_not_write_nor_one_changed_since(library, tmp_path, capsys):
    out = tmp_path / "out"
    write(out, "track-notes.fit", "mine")
    compile_(capsys, str(library), "-o", str(out))
    (out / "easy.fit").write_bytes(b"edited by hand")
    (library / "easy.wkt").unlink()
    (library / "track.wkt").unlink()
    write(library, "week.wkt", 'plan "Week"\n  2026-11-26 easy 40min\n')
    status, stdout, err = compile_(capsys, str(library), "-o", str(out))
    assert status == 0
    assert names(out) == ["easy-11-26.fit", "easy.fit", "track-notes.fit", "week.ics", "week.schedule.fit"]
    assert (out / "track-notes.fit").read_text() == "mine"
    assert f"removed {out / 'track.fit'}: no longer produced\n" in stdout
    assert f"left {out / 'easy.fit'} alone: its workout is gone, but the file changed since workoutc wrote it\n" in err


def test_keep_stale_keeps_them_and_a_later_run_removes_them(library, tmp_path, capsys):
    out = tmp_path / "out"
    compile_(capsys, str(library), "-o", str(out))
    (library / "easy.wkt").unlink()
    assert "removed" not in compile_(capsys, str(library), "-o", str(out), "--keep-stale")[1]
    assert "easy.fit" in names(out)
    assert compile_(capsys, str(library), "-o", str(out))[1].endswith(
        f"removed {out / 'easy.fit'}: no longer produced\n"
    )


def test_one_file_compiled_into_a_library_folder_keeps_the_others_and_the_index_lists_them(library, tmp_path, capsys):
    out = tmp_path / "out"
    compile_(capsys, str(library), "-o", str(out), "--html")
    listed = (out / "index.html").read_text()
    before = names(out)
    assert compile_(capsys, str(library / "easy.wkt"), "-o", str(out), "--html")[0] == 0
    assert names(out) == before
    index = (out / "index.html").read_text()
    for page in ("track.html", "easy.html", "week.html", "easy-11-26.html"):
        assert f'href="{page}"' in index
    assert index == listed


def test_pages_alone_leave_fit_files_and_fit_files_alone_leave_pages(library, tmp_path, capsys):
    out = tmp_path / "out"
    compile_(capsys, str(library), "-o", str(out), "--html")
    before = names(out)
    assert compile_(capsys, str(library), "-o", str(out))[0] == 0
    assert main(["html", str(library), "-o", str(out)]) == 0
    assert names(out) == before


def test_without_a_cache_folder_nothing_is_removed(library, tmp_path, capsys, monkeypatch):
    cache = tmp_path / "shared-cache"
    cache.mkdir()
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    out = tmp_path / "out"
    compile_(capsys, str(library), "-o", str(out))
    os.chmod(cache / "workoutc", 0o777)  # now anyone could write there: no cache, no ledger
    from workoutc.user_cache import _key, _open

    _open.cache_clear()
    _key.cache_clear()
    try:
        (library / "easy.wkt").unlink()
        status, stdout, _ = compile_(capsys, str(library), "-o", str(out))
    finally:
        os.chmod(cache / "workoutc", 0o700)
        _open.cache_clear()
        _key.cache_clear()
    assert status == 0 and "easy.fit" in names(out) and "removed" not in stdout


def test_a_forged_ledger_removes_nothing(library, tmp_path, capsys):
    from workoutc.pipeline.ledger import _ledger_path

    out = tmp_path / "out"
    write(out, "precious.fit", "mine")
    path = _ledger_path(out)
    assert path is not None
    path.parent.mkdir(exist_ok=True)
    state = os.lstat(out / "precious.fit")
    path.write_text(f'{{"precious.fit": [[{state.st_size}, {state.st_mtime_ns}], "/nowhere.wkt", null]}}')
    compile_(capsys, str(library), "-o", str(out))
    assert (out / "precious.fit").read_text() == "mine"


def test_a_file_with_errors_says_so_once_even_with_pages(tmp_path, capsys):
    lib = write(tmp_path / "lib", "week.wkt", PLAN + '  2026-11-27 "Tempo"\n').parent
    write(lib, "track.wkt", TRACK)
    status, _, err = compile_(capsys, str(lib), "-o", str(tmp_path / "out"), "--html")
    assert status == 1
    assert "plan" not in err.replace('plan "Week"', "")  # no note about the plan of a file not compiled
    assert f"{lib / 'week.wkt'}: not compiled (1 error)\n" in err
