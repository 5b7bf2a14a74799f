"""The command line: exit codes, summaries, safe and atomic output."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tools.fitdump import decode
from workoutc.cli import main

from .helpers import write


def run(*args: str) -> int:
    return main(list(args))


def test_compile_writes_one_fit_per_workout_and_a_summary_per_file(tmp_path, capsys):
    write(tmp_path, "src/recovery.wkt", "recovery 30min hr<z2 strides 4x20s\n")
    write(tmp_path, "src/sub/week.wkt", 'workout "Tue" intervals\n  run 1km\nworkout "Thu" tempo\n  run 20min\n')
    out = tmp_path / "out"
    assert run("compile", str(tmp_path / "src"), "-o", str(out)) == 0
    assert sorted(p.name for p in out.iterdir()) == ["recovery.fit", "thu.fit", "tue.fit"]
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{tmp_path / 'src/recovery.wkt'}: 1 workout -> {out / 'recovery.fit'} (4 steps)"
    assert lines[1].startswith(f"{tmp_path / 'src/sub/week.wkt'}: 2 workouts -> {out / 'tue.fit'} (1 step), ")
    assert lines[2] == "compiled 3 workouts from 2 files"
    assert decode((out / "recovery.fit").read_bytes())["workout_mesgs"][0]["wkt_name"] == "recovery"


def test_a_file_with_errors_writes_nothing_and_the_others_still_compile(tmp_path, capsys):
    write(tmp_path, "a.wkt", "easy 30min\n")
    write(tmp_path, "b.wkt", 'workout "B"\n  run 1km\n  run 30mins\n')
    out = tmp_path / "out"
    assert run("compile", str(tmp_path / "a.wkt"), str(tmp_path / "b.wkt"), "-o", str(out)) == 1
    assert sorted(p.name for p in out.iterdir()) == ["a.fit"]
    err = capsys.readouterr().err
    assert f"{tmp_path / 'b.wkt'}:3:9: error E003 unknown duration unit `mins` in `30mins`" in err
    assert f"{tmp_path / 'b.wkt'}: not compiled (1 error)" in err


def test_a_failing_file_leaves_earlier_output_untouched(tmp_path):
    source = write(tmp_path, "tempo.wkt", 'workout "Tempo"\n  run 20min\n')
    out = tmp_path / "out"
    assert run("compile", str(source), "-o", str(out)) == 0
    before = (out / "tempo.fit").read_bytes()
    write(tmp_path, "tempo.wkt", 'workout "Tempo"\n  run 20min pace 3:70/km\n')
    assert run("compile", str(source), "-o", str(out)) == 1
    assert (out / "tempo.fit").read_bytes() == before
    assert [p.name for p in out.iterdir()] == ["tempo.fit"]  # no temporary files left


def test_builds_are_reproducible_with_source_date_epoch(tmp_path):
    source = write(tmp_path, "easy.wkt", "easy 40min hr<=z2\n")
    run("compile", str(source), "-o", str(tmp_path / "one"))
    run("compile", str(source), "-o", str(tmp_path / "two"))
    assert (tmp_path / "one/easy.fit").read_bytes() == (tmp_path / "two/easy.fit").read_bytes()
    created = decode((tmp_path / "one/easy.fit").read_bytes())["file_id_mesgs"][0]["time_created"]
    assert int(created.timestamp()) == 1764547200


@pytest.mark.parametrize(
    "name, expected",
    [
        ("../../etc/passwd", "etc-passwd.fit"),
        ("a/b:c|d", "a-b-c-d.fit"),
        ("CON", "con-workout.fit"),
        ("...", "workout.fit"),
        ("Séance à côté", "seance-a-cote.fit"),
        (".hidden", "hidden.fit"),
        ("x" * 200, "x" * 64 + ".fit"),
    ],
)
def test_output_names_are_safe_slugs(tmp_path, name, expected):
    write(tmp_path, "w.wkt", f'workout "{name}" easy 30min\n')
    out = tmp_path / "out"
    assert run("compile", str(tmp_path / "w.wkt"), "-o", str(out)) == 0
    assert [p.name for p in out.iterdir()] == [expected]


def test_output_names_are_unique_within_a_run(tmp_path):
    write(tmp_path, "a.wkt", 'workout "Easy run" easy 30min\nworkout "easy-run" easy 40min\n')
    write(tmp_path, "b.wkt", 'workout "EASY RUN!" easy 50min\n')
    out = tmp_path / "out"
    assert run("compile", str(tmp_path), "-o", str(out)) == 0
    assert sorted(p.name for p in out.iterdir()) == ["easy-run-2.fit", "easy-run-3.fit", "easy-run.fit"]


def test_missing_input_is_a_usage_error(tmp_path, capsys):
    assert run("compile", str(tmp_path / "nope.wkt"), "-o", str(tmp_path)) == 2
    assert "nope.wkt: no such file or folder" in capsys.readouterr().err


def test_an_unlistable_folder_is_a_usage_error_not_a_traceback(tmp_path, capsys, monkeypatch):
    import workoutc.pipeline.inputs

    (tmp_path / "lib" / "locked").mkdir(parents=True)
    real = workoutc.pipeline.inputs.os.scandir

    def scandir(folder):
        if str(folder).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real(folder)

    monkeypatch.setattr(workoutc.pipeline.inputs.os, "scandir", scandir)
    assert run("check", str(tmp_path / "lib")) == 2
    assert "locked: cannot list the folder: Permission denied" in capsys.readouterr().err


def test_unwritable_output_folder_is_an_io_error(tmp_path, capsys):
    write(tmp_path, "a.wkt", "easy 30min\n")
    blocker = write(tmp_path, "file", "not a folder")
    assert run("compile", str(tmp_path / "a.wkt"), "-o", str(blocker / "out")) == 2
    assert "cannot create the output folder" in capsys.readouterr().err


def test_bad_source_date_epoch_is_a_usage_error(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    write(tmp_path, "a.wkt", "easy 30min\n")
    assert run("compile", str(tmp_path / "a.wkt"), "-o", str(tmp_path / "out")) == 2
    assert "SOURCE_DATE_EPOCH" in capsys.readouterr().err


def test_no_arguments_lists_the_commands_and_is_a_usage_error(capsys):
    assert run() == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: workoutc [-h] [--version] COMMAND ...")
    for command in ("compile", "html", "check", "decompile", "install", "fmt", "rules", "explain"):
        assert re.search(rf"^    {command}\b", err, re.MULTILINE), command


def test_binary_input_is_reported_not_crashed_on(tmp_path, capsys):
    (tmp_path / "junk.wkt").write_bytes(bytes(range(256)) * 4)
    assert run("compile", str(tmp_path / "junk.wkt"), "-o", str(tmp_path / "out")) == 1
    assert "junk.wkt:1:1: error E007 this is a binary file, not workout text" in capsys.readouterr().err


def test_module_and_console_script_entry_points(tmp_path):
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1764547200"}
    version = subprocess.run(
        [sys.executable, "-m", "workoutc", "--version"], capture_output=True, text=True, env=env, check=False
    )
    assert version.returncode == 0 and version.stdout.startswith("workoutc ")
    script = Path(sys.executable).with_name("workoutc")
    if script.exists():
        write(tmp_path, "a.wkt", "easy 30min\n")
        result = subprocess.run(
            [str(script), "compile", str(tmp_path / "a.wkt"), "-o", str(tmp_path / "o")],
            capture_output=True,
            check=False,
            text=True,
            env=env,
        )
        assert result.returncode == 0 and (tmp_path / "o/a.fit").exists()


@pytest.mark.parametrize("epoch", ["0", "99999999999"])
def test_any_source_date_epoch_gives_a_valid_fit(tmp_path, monkeypatch, epoch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    source = write(tmp_path, "a.wkt", 'plan "P"\n  2026-11-24 easy 30min\n')
    assert run("compile", str(source), "-o", str(tmp_path / "out")) == 0
    for fit in (tmp_path / "out").glob("*.fit"):
        assert decode(fit.read_bytes())["file_id_mesgs"][0]["time_created"].year >= 1998


@pytest.mark.parametrize("command", ["check", "compile", "html", "fmt"])
def test_a_folder_without_wkt_files_is_a_usage_error(tmp_path, capsys, command):
    (tmp_path / "empty" / "notes").mkdir(parents=True)
    (tmp_path / "empty" / "notes" / "plan.txt").write_text("easy 30min\n")
    extra = ["-o", str(tmp_path / "out")] if command in ("compile", "html") else []
    assert (
        run(
            command,
            "--strict" if command == "check" else "--check" if command == "fmt" else "-j1",
            str(tmp_path / "empty"),
            *extra,
        )
        == 2
    )
    assert capsys.readouterr().err == (
        f"workoutc: error: {tmp_path / 'empty'}: no .wkt files found (folders are searched for files ending in .wkt)\n"
    )
    assert not (tmp_path / "out").exists()


def test_the_wkt_suffix_is_found_in_any_case(tmp_path, capsys):
    write(tmp_path / "lib", "A.WKT", "easy 30min\n")
    write(tmp_path / "lib", "b.Wkt", "easy 40min\n")
    assert run("check", "--strict", str(tmp_path / "lib")) == 0
    assert capsys.readouterr().err.endswith("in 2 files\n")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_sources_are_read_as_text(tmp_path, capsys, encoding):
    path = tmp_path / "tempo.wkt"
    path.write_bytes('workout "Tempo – 20"\r\n  run 20min hr z9\r\n'.encode(encoding))
    assert run("check", str(path)) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"{path}:2:16: error E004 `hr z9` has no zone 9 (invalid-value)\n 2 |   run 20min hr z9\n")


def test_damaged_utf16_is_named_as_such(tmp_path, capsys):
    path = tmp_path / "broken.wkt"
    path.write_bytes(b"\xff\xfe" + "easy 30min".encode("utf-16-le") + b"\x00\xd8")
    assert run("check", str(path)) == 1
    assert "broken.wkt:1:1: error E007 the file looks like UTF-16 text, but it is damaged" in capsys.readouterr().out
