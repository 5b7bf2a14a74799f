"""decompile and fmt writing files: decompiled text compiles or says why not at its top;
fmt rewrites a file as that same file (symlinks, modes and hard links kept) and refuses
a read-only one."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from garmin_fit_sdk import Encoder, Profile

from workoutc.cli import main
from workoutc.diagnostics import Span
from workoutc.fit.decode import Decompiled
from workoutc.language.source import load_text
from workoutc.model import Intensity, Step, Time, Workout
from workoutc.pipeline.rewrite import COULD_NOT, decompiled_text

NOWHERE = Span(1, 1, 1, 2)
MESSY = 'workout   "T"\n    run   030min  hr <= Z2\n'
TIDY = 'workout "T"\n  run 30min hr<=z2\n'


def _fit(*steps: dict) -> bytes:
    encoder = Encoder()
    encoder.write_mesg({"mesg_num": Profile["mesg_num"]["FILE_ID"], "type": 5, "manufacturer": 255, "serial_number": 7})
    encoder.write_mesg({"mesg_num": Profile["mesg_num"]["WORKOUT"], "wkt_name": "W", "num_valid_steps": len(steps)})
    for index, step in enumerate(steps):
        encoder.write_mesg({"mesg_num": Profile["mesg_num"]["WORKOUT_STEP"], "message_index": index, **step})
    return bytes(encoder.close())


TOO_LONG = {"duration_type": 0, "duration_value": 100 * 3_600_000, "target_type": 2}  # run 100h
LOSS = "step 0: a time duration of 100h (a step lasts at most 24h); it is left out"


# ------------------------------------------------------------------ decompile


def test_text_that_would_not_compile_says_why_at_its_top(tmp_path, capsys):
    (tmp_path / "long.fit").write_bytes(_fit(TOO_LONG))
    name = str(tmp_path / "long.fit")
    assert main(["decompile", name]) == 1
    out, err = capsys.readouterr()
    problems = [
        LOSS,
        "no step is left that the language can express",
        "the text does not compile: this workout needs an indented block of steps below it",
    ]
    assert out == "".join(COULD_NOT + p + "\n" for p in problems) + '# decompiled from long.fit\nworkout "W"\n\n'
    assert err == "".join(f"{name}: warning: {p}\n" for p in problems)


def test_a_written_file_that_would_not_compile_says_why_at_its_top(tmp_path):
    (tmp_path / "long.fit").write_bytes(_fit(TOO_LONG))
    assert main(["decompile", str(tmp_path / "long.fit"), "-o", str(tmp_path)]) == 1
    assert (tmp_path / "long.wkt").read_text().startswith(COULD_NOT + LOSS + "\n")


def test_a_workout_the_decoder_let_through_is_still_caught():
    """The guarantee does not rest on the decoder: whatever does not compile is named."""
    step = Step(Intensity.ACTIVE, Time(100 * 3600), (), None, NOWHERE)
    result = Decompiled(Workout("W", None, (step,), NOWHERE, ""), ["an earlier loss"])
    text, errors = decompiled_text(result, "x.fit")
    assert errors == ["the text does not compile: `100h` is longer than a step may last (24h)"]
    assert text == (f"{COULD_NOT}an earlier loss\n{COULD_NOT}{errors[0]}\n" + 'workout "W"\n  run 100h\n')


def test_text_that_compiles_has_no_header():
    step = Step(Intensity.ACTIVE, Time(60), (), None, NOWHERE)
    text, errors = decompiled_text(Decompiled(Workout("W", None, (step,), NOWHERE, "")), "x.fit", "# banner\n")
    assert (text, errors) == ('# banner\nworkout "W"\n  run 1min\n', [])
    assert load_text(text, "x.wkt").document is not None


# ------------------------------------------------------------------ fmt


def _temporaries(*folders: Path) -> list[str]:
    return [name for folder in folders for name in os.listdir(folder) if name.endswith(".tmp")]


def test_fmt_writes_through_a_symlink_and_keeps_it(tmp_path):
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "t.wkt"
    target.write_text(MESSY)
    link = tmp_path / "link.wkt"
    link.symlink_to(Path("real") / "t.wkt")
    assert main(["fmt", str(link)]) == 0
    assert link.is_symlink() and os.readlink(link) == os.path.join("real", "t.wkt")
    assert target.read_text() == TIDY
    assert _temporaries(tmp_path, tmp_path / "real") == []


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o755])
def test_fmt_keeps_the_file_mode(tmp_path, mode):
    path = tmp_path / "t.wkt"
    path.write_text(MESSY)
    path.chmod(mode)
    assert main(["fmt", str(path)]) == 0
    assert path.read_text() == TIDY
    assert stat.S_IMODE(path.stat().st_mode) == mode


def test_fmt_refuses_a_read_only_file(tmp_path, capsys):
    """Refused by its mode bits, so even root (whose writes nothing stops) leaves it alone."""
    path = tmp_path / "t.wkt"
    path.write_text(MESSY)
    path.chmod(0o444)
    try:
        assert main(["fmt", str(path)]) == 1
        assert f"{path}: cannot reformat a read-only file" in capsys.readouterr().err
        assert path.read_text() == MESSY
        assert stat.S_IMODE(path.stat().st_mode) == 0o444
        assert _temporaries(tmp_path) == []
        assert main(["fmt", "--check", str(path)]) == 1  # looking is fine
        assert "would reformat" in capsys.readouterr().err
    finally:
        path.chmod(0o644)


def test_fmt_refuses_a_read_only_file_behind_a_symlink(tmp_path, capsys):
    target = tmp_path / "t.wkt"
    target.write_text(MESSY)
    target.chmod(0o444)
    link = tmp_path / "link.wkt"
    link.symlink_to(target)
    try:
        assert main(["fmt", str(link)]) == 1
        assert f"{link}: cannot reformat a read-only file" in capsys.readouterr().err
        assert target.read_text() == MESSY
    finally:
        target.chmod(0o644)


def test_fmt_writes_a_hard_linked_file_in_place(tmp_path):
    first = tmp_path / "a.wkt"
    first.write_text(MESSY)
    (tmp_path / "other").mkdir()
    second = tmp_path / "other" / "b.wkt"
    os.link(first, second)
    inode = first.stat().st_ino
    assert main(["fmt", str(first)]) == 0
    assert first.read_text() == second.read_text() == TIDY
    assert first.stat().st_ino == second.stat().st_ino == inode
    assert first.stat().st_nlink == 2
    assert _temporaries(tmp_path, tmp_path / "other") == []


def test_fmt_writes_a_shorter_text_in_place_whole(tmp_path):
    """In place, the file is cut to the new text's length: nothing of the old one is left at its end."""
    first = tmp_path / "a.wkt"
    first.write_text(MESSY + "\n\n\n# the end\n")
    os.link(first, tmp_path / "b.wkt")
    assert main(["fmt", str(first)]) == 0
    assert (tmp_path / "b.wkt").read_text() == TIDY + "\n# the end\n"
