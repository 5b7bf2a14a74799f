"""decompile and fmt writing files: decompiled text compiles or says why not at its top;
a folder's schedules come back as plans naming its workouts, and what is no workout is
skipped; fmt rewrites a file as that same file (symlinks, modes and hard links kept) and
refuses a read-only one."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from garmin_fit_sdk import Encoder, Profile

from tools.fitdump import decode
from workoutc.cli import main
from workoutc.diagnostics import Span
from workoutc.fit.decode import Decompiled
from workoutc.fit.encode import serial_number
from workoutc.language.source import load_text
from workoutc.model import Intensity, Step, Time, Workout
from workoutc.pipeline.rewrite import COULD_NOT, decompiled_text

ROOT = Path(__file__).resolve().parents[2]
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
LOSS = "step 0: a time duration of 100h (a step lasts at most 24h); the step is kept, ended with the lap key"


# ------------------------------------------------------------------ decompile


def test_what_could_not_be_said_heads_the_text_and_goes_to_stderr(tmp_path, capsys):
    (tmp_path / "long.fit").write_bytes(_fit(TOO_LONG))
    name = str(tmp_path / "long.fit")
    assert main(["decompile", name]) == 0  # the text compiles: the step is kept, open
    out, err = capsys.readouterr()
    assert out == f'{COULD_NOT}{LOSS}\n# decompiled from long.fit\nworkout "W"\n  run lap\n\n'
    assert err == f"{name}: warning: {LOSS}\n"


def test_a_written_file_says_at_its_top_what_could_not_be_said(tmp_path):
    (tmp_path / "long.fit").write_bytes(_fit(TOO_LONG))
    assert main(["decompile", str(tmp_path / "long.fit"), "-o", str(tmp_path)]) == 0
    text = (tmp_path / "long.wkt").read_text()
    assert text.startswith(COULD_NOT + LOSS + "\n")
    assert load_text(text, "long.wkt").document is not None


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


# ------------------------------------------------------------------ decompile: schedules and folders


def _sessions(folder: Path) -> dict[str, list[tuple]]:
    """Each schedule in `folder`: its sessions' dates and the workout files they name."""
    return {
        path.name: [
            (s["scheduled_time"], s["serial_number"], s["time_created"])
            for s in decode(path.read_bytes())["schedule_mesgs"]
        ]
        for path in sorted(folder.glob("*.schedule.fit"))
    }


def test_compile_decompile_compile_gives_the_same_schedules(tmp_path, capsys):
    first, text, second = tmp_path / "first", tmp_path / "text", tmp_path / "second"
    assert main(["compile", str(ROOT / "examples"), "-o", str(first)]) == 0
    capsys.readouterr()
    assert main(["decompile", str(first), "-o", str(text)]) == 0
    assert capsys.readouterr().err == ""  # every workout and session named, nothing skipped
    assert main(["compile", str(text), "-o", str(second)]) == 0
    assert _sessions(first) == _sessions(second)
    assert sorted(_sessions(first)) == [
        "base-week-3.schedule.fit",
        "brick-saturday.schedule.fit",
        "overreaching.schedule.fit",
        "squad-week-1.schedule.fit",
    ]
    assert (text / "base-week-3.schedule.wkt").read_text() == (
        'plan "base-week-3"\n'
        '  2026-11-24 "Track 5x1k"\n'
        '  2026-11-25 "recovery 11-25"\n'
        '  2026-11-26 07:00 "easy 11-26"\n'
        '  2026-11-27 "Tempo 20"\n'
        '  2026-11-28 "easy 11-28"\n'
        '  2026-11-29 "long 11-29"\n'
    )
    assert (text / "easy-11-26.wkt").read_text().startswith('workout "easy 11-26"\n')  # a session, now a workout


def _compiled(tmp_path: Path, source: str) -> Path:
    """The FIT files of `source`, compiled into a fresh folder."""
    (tmp_path / "src.wkt").write_text(source)
    assert main(["compile", str(tmp_path / "src.wkt"), "-o", str(tmp_path / "fit")]) == 0
    return tmp_path / "fit"


WEEK = 'workout "Track" intervals\n  run 1km\nplan "Week"\n  2026-11-24 "Track"\n  2026-11-25 07:30 easy 30min\n'


def test_a_schedule_without_its_workouts_says_at_its_top_what_it_cannot_name(tmp_path, capsys):
    schedule = str(_compiled(tmp_path, WEEK) / "week.schedule.fit")
    capsys.readouterr()
    assert main(["decompile", schedule]) == 1
    out, err = capsys.readouterr()
    problems = [
        f"2026-11-24: the workout it names (serial number {serial_number('Track')}) is not among the files "
        "decompiled with it; the session is left out",
        f"2026-11-25: the workout it names (serial number {serial_number('easy 11-25')}) is not among the files "
        "decompiled with it; the session is left out",
        "the text does not compile: this plan needs indented dated entries below it",
    ]
    assert (
        out == "".join(COULD_NOT + p + "\n" for p in problems) + '# decompiled from week.schedule.fit\nplan "week"\n\n'
    )
    assert err == "".join(f"{schedule}: warning: {p}\n" for p in problems)


def test_a_plan_missing_one_workout_names_the_others_and_says_so_at_its_top(tmp_path, capsys):
    fit = _compiled(tmp_path, WEEK)
    capsys.readouterr()
    assert main(["decompile", str(fit / "week.schedule.fit"), str(fit / "easy-11-25.fit")]) == 1
    out, err = capsys.readouterr()
    lost = (
        f"2026-11-24: the workout it names (serial number {serial_number('Track')}) is not among the files "
        "decompiled with it; the session is left out"
    )
    assert out.startswith(
        COULD_NOT + lost + '\n# decompiled from week.schedule.fit\nplan "week"\n  2026-11-25 07:30 "easy 11-25"\n'
    )
    assert err == f"{fit / 'week.schedule.fit'}: warning: {lost}\n"


def _activity() -> bytes:
    encoder = Encoder()
    encoder.write_mesg({"mesg_num": Profile["mesg_num"]["FILE_ID"], "type": 4, "manufacturer": 1, "serial_number": 3})
    return bytes(encoder.close())


def test_a_folder_is_searched_and_what_is_no_workout_is_skipped_with_a_note(tmp_path, capsys):
    fit = _compiled(tmp_path, WEEK)
    (fit / "deeper").mkdir()
    (fit / "track.fit").rename(fit / "deeper" / "TRACK.FIT")
    (fit / "run.fit").write_bytes(_activity())
    (fit / "notes.txt").write_text("not a FIT file, and not looked at\n")
    capsys.readouterr()
    assert main(["decompile", str(fit), "-o", str(tmp_path / "text")]) == 0
    out, err = capsys.readouterr()
    text = tmp_path / "text"
    assert out.splitlines() == [
        f"{fit / 'deeper' / 'TRACK.FIT'} -> {text / 'TRACK.wkt'}",
        f"{fit / 'easy-11-25.fit'} -> {text / 'easy-11-25.wkt'}",
        f"{fit / 'week.schedule.fit'} -> {text / 'week.schedule.wkt'}",
    ]
    assert err == f"{fit / 'run.fit'}: skipped: not a workout file (it is an activity)\n"
    assert sorted(p.name for p in text.iterdir()) == ["TRACK.wkt", "easy-11-25.wkt", "week.schedule.wkt"]
    assert (
        text / "week.schedule.wkt"
    ).read_text() == 'plan "week"\n  2026-11-24 "Track"\n  2026-11-25 07:30 "easy 11-25"\n'


def test_a_damaged_file_in_a_folder_is_an_error_and_the_rest_is_decompiled(tmp_path, capsys):
    fit = _compiled(tmp_path, WEEK)
    (fit / "broken.fit").write_bytes((fit / "track.fit").read_bytes()[:-3])
    capsys.readouterr()
    assert main(["decompile", str(fit), "-o", str(tmp_path / "text")]) == 1
    err = capsys.readouterr().err
    assert (
        err
        == f"{fit / 'broken.fit'}: error: the file is truncated: its header announces 112 bytes of records (at byte 125)\n"
    )
    assert sorted(p.name for p in (tmp_path / "text").iterdir()) == ["easy-11-25.wkt", "track.wkt", "week.schedule.wkt"]


@pytest.mark.parametrize(
    "name, data, why",
    [
        ("run.fit", _activity(), "not a workout file (it is an activity)"),
        ("notes.txt", b"hello world, not fit", "not a FIT file (no .FIT signature in its header)"),
    ],
)
def test_a_file_named_that_is_no_workout_is_an_error_and_the_batch_goes_on(tmp_path, capsys, name, data, why):
    fit = _compiled(tmp_path, WEEK)
    (tmp_path / name).write_bytes(data)
    capsys.readouterr()
    assert main(["decompile", str(tmp_path / name), str(fit / "track.fit"), "-o", str(tmp_path / "text")]) == 1
    out, err = capsys.readouterr()
    assert err == f"{tmp_path / name}: error: {why}\n"
    assert out == f"{fit / 'track.fit'} -> {tmp_path / 'text' / 'track.wkt'}\n"


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_two_files_of_one_name_are_never_written_over_each_other(tmp_path, capsys, force):
    fit = _compiled(tmp_path, WEEK)
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "Track.FIT").write_bytes((fit / "easy-11-25.fit").read_bytes())
    text = tmp_path / "text"
    capsys.readouterr()
    assert main(["decompile", str(fit / "track.fit"), str(tmp_path / "other"), "-o", str(text), *force]) == 1
    out, err = capsys.readouterr()
    assert out == f"{fit / 'track.fit'} -> {text / 'track.wkt'}\n"
    assert err == (
        f"{tmp_path / 'other' / 'Track.FIT'}: error: {fit / 'track.fit'} went to {text / 'track.wkt'} already; "
        "decompile this one elsewhere\n"
    )
    assert (text / "track.wkt").read_text().startswith('workout "Track"\n')
    (tmp_path / "other" / "Track.FIT").write_bytes((fit / "track.fit").read_bytes())  # the same workout: no harm
    assert main(["decompile", str(fit / "track.fit"), str(tmp_path / "other"), "-o", str(text), *force]) == 0
    assert capsys.readouterr().out.splitlines()[1] == f"{tmp_path / 'other' / 'Track.FIT'} -> {text / 'track.wkt'}"
    assert sorted(p.name for p in text.iterdir()) == ["track.wkt"]


def test_a_folder_without_fit_files_is_a_usage_error(tmp_path, capsys):
    (tmp_path / "a.wkt").write_text("easy 30min\n")
    assert main(["decompile", str(tmp_path), "-o", str(tmp_path / "text")]) == 2
    assert capsys.readouterr().err == (
        f"workoutc: error: {tmp_path}: no .fit files found (folders are searched for files ending in .fit)\n"
    )
    assert not (tmp_path / "text").exists()


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
