"""Inputs that once ended in a traceback: each is now a clear error (exit 2 for the
configuration, the environment or I/O, exit 1 for an input), or just works."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from workoutc.cli import main

from .helpers import write


def run(capsys, *args) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_a_pyproject_whose_tool_is_not_a_table_is_a_clear_error(tmp_path, capsys):
    write(tmp_path, "pyproject.toml", 'tool = "workoutc"\n')
    status, _, err = run(capsys, "check", str(write(tmp_path, "a.wkt", "easy 30min\n")))
    assert status == 2 and "pyproject.toml: tool: must be a table (write it as [tool.workoutc])" in err


def test_a_pyproject_that_is_not_toml_is_left_to_its_own_tools(tmp_path, capsys):
    write(tmp_path, "pyproject.toml", "[project\n")
    assert run(capsys, "check", str(write(tmp_path, "a.wkt", "easy 30min\n")))[0] == 0


def test_a_pyproject_whose_workoutc_table_is_not_a_table_is_a_clear_error(tmp_path, capsys):
    write(tmp_path, "pyproject.toml", "[tool]\nworkoutc = 5\n")
    status, _, err = run(capsys, "check", str(write(tmp_path, "a.wkt", "easy 30min\n")))
    assert status == 2 and "workoutc: must be a table (write it as [tool.workoutc])" in err


@pytest.mark.parametrize("pace", ["0:00/km", "0:00-5:00/km", "50:00/mi", "1:29/km"])
def test_a_profile_pace_outside_the_limits_is_a_clear_error(tmp_path, capsys, pace):
    write(tmp_path, "workoutc.toml", f'[athlete]\neasy_pace = "{pace}"\n')
    source = write(tmp_path, "a.wkt", "easy 30min\n")
    status, _, err = run(capsys, "html", str(source), "-o", str(tmp_path / "out"))
    assert status == 2 and "is outside the paces workoutc takes (1:30-30:00/km)" in err


def test_a_file_named_with_bytes_that_are_not_utf8(tmp_path, capsys):
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"\xff-easy.wkt"), "wb") as stream:
        stream.write(b"easy 30min\n")
    assert run(capsys, "check", str(tmp_path))[0] == 0
    assert run(capsys, "compile", str(tmp_path), "-o", str(tmp_path / "out"))[0] == 0
    assert run(capsys, "html", str(tmp_path), "-o", str(tmp_path / "pages"))[0] == 0
    assert "\ufffd-easy" in (tmp_path / "pages" / "index.html").read_text(encoding="utf-8")


def test_a_file_name_that_is_not_utf8_is_printed_readably(tmp_path):
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"\xff.wkt"), "wb") as stream:
        stream.write(b"easy 30mins\n")
    for command, shown_on in (["check"], "stdout"), (["compile", "-o", str(tmp_path / "out")], "stderr"):
        result = subprocess.run(
            [sys.executable, "-m", "workoutc", *command, str(tmp_path)], capture_output=True, check=False
        )
        assert result.returncode == 1
        assert "\ufffd.wkt:1:8: error".encode() in getattr(result, shown_on)
        assert b"Traceback" not in result.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_output_to_a_full_device_is_a_clear_error(tmp_path):
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "workoutc", "check", "--format", "json", "examples"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert result.returncode == 2
    assert result.stderr.strip() == "workoutc: error: cannot write the output: No space left on device"


def test_a_source_date_epoch_past_the_year_9999_is_a_usage_error(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "300000000000")
    source = write(tmp_path, "p.wkt", 'plan "P"\n  2026-03-14 easy 30min\n')
    status, _, err = run(capsys, "compile", str(source), "-o", str(tmp_path / "out"))
    assert status == 2 and "SOURCE_DATE_EPOCH must be a time before the year 10000" in err


@pytest.mark.parametrize("epoch", ["²", "١٢٣", "１２", "0\x1f", "\x1c12"])  # digits or spaces to str, not to int()
def test_a_source_date_epoch_of_other_digits_is_a_usage_error(tmp_path, capsys, monkeypatch, epoch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    source = write(tmp_path, "a.wkt", "easy 30min\n")
    status, _, err = run(capsys, "compile", str(source), "-o", str(tmp_path / "out"))
    assert status == 2 and f"SOURCE_DATE_EPOCH must be a whole number of seconds, not {epoch!r}" in err


def test_temporary_names_with_other_digits_in_the_output_folder_are_not_a_run(tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    for name in (".staged-1.²-0badc0de.1.tmp", ".staged-1.12-٣.1.tmp", ".workoutc-run.²³.lock"):
        (out / name).write_bytes(b"not workoutc's")
    source = write(tmp_path, "a.wkt", "easy 30min\n")
    status, _, _ = run(capsys, "compile", str(source), "-o", str(out))
    assert status == 0 and (out / ".staged-1.²-0badc0de.1.tmp").exists()


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_an_endless_input_is_read_only_as_far_as_the_limit(capsys):
    status, out, _ = run(capsys, "check", "/dev/zero")
    assert status == 1 and "the file is more than 1,000,000 bytes; workoutc reads at most 1,000,000" in out


def test_a_huge_sparse_file_is_refused_without_being_read(tmp_path, capsys):
    huge = tmp_path / "huge.wkt"
    with open(huge, "wb") as stream:
        stream.truncate(3_000_000_000)  # sparse: no disk space, but reading it would take 3 GB
    status, out, _ = run(capsys, "check", str(huge))
    assert status == 1 and "the file is 3,000,000,000 bytes; workoutc reads at most 1,000,000" in out
