"""install against fake device trees, and the schedule and calendar files plans bring."""

from __future__ import annotations

import errno
import os
from datetime import datetime
from pathlib import Path

import pytest

from tools.fitdump import decode
from workoutc.cli import main
from workoutc.pipeline import install

DEVICE_XML = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<Device xmlns="http://www.garmin.com/xmlschemas/GarminDevice/v2">'
    "<Model><PartNumber>006-B4257-00</PartNumber><Description>{model}</Description></Model></Device>\n"
)


@pytest.fixture(autouse=True)
def environment(monkeypatch, tmp_path):
    monkeypatch.setenv(install.MOUNT_ROOTS_VARIABLE, str(tmp_path / "media"))
    (tmp_path / "media").mkdir()


def watch(tmp_path: Path, name: str = "FR265", model: str = "Forerunner 265") -> Path:
    root = tmp_path / "media" / name
    (root / "GARMIN" / "NewFiles").mkdir(parents=True)
    (root / "GARMIN" / "GarminDevice.xml").write_text(DEVICE_XML.format(model=model))
    (root / "GARMIN" / "Activity").mkdir()
    (root / "GARMIN" / "Activity" / "run.fit").write_bytes(b"an activity")
    return root


def source(tmp_path: Path, text: str = "easy 30min hr<=z2\n", name: str = "easy.wkt") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_normal_copy_names_the_model_and_touches_nothing_else(tmp_path, capsys):
    root = watch(tmp_path)
    before = tree(root)
    assert main(["install", source(tmp_path)]) == 0
    after = tree(root)
    assert set(after) - set(before) == {"GARMIN/NewFiles/easy.fit"}
    assert all(after[name] == data for name, data in before.items())
    assert decode(after["GARMIN/NewFiles/easy.fit"])["workout_mesgs"][0]["wkt_name"] == "easy"
    out = capsys.readouterr().out
    assert out.startswith(f"Forerunner 265 at {root}\n")
    assert "copied 1 file to Forerunner 265" in out


def test_fit_files_are_copied_as_they_are(tmp_path):
    root = watch(tmp_path)
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "trainerroad_744490.fit"
    assert main(["install", str(fixture)]) == 0
    assert (root / "GARMIN/NewFiles/trainerroad_744490.fit").read_bytes() == fixture.read_bytes()


def test_a_name_clash_is_refused_unless_forced(tmp_path, capsys):
    root = watch(tmp_path)
    clash = root / "GARMIN/NewFiles/easy.fit"
    clash.write_bytes(b"someone else's file")
    assert main(["install", source(tmp_path)]) == 1
    assert clash.read_bytes() == b"someone else's file"
    assert "easy.fit exists and differs; pass --force to replace it" in capsys.readouterr().err
    assert main(["install", "--force", source(tmp_path)]) == 0
    assert clash.read_bytes()[8:12] == b".FIT"


def test_the_same_file_again_is_left_as_it_is(tmp_path, capsys):
    root = watch(tmp_path)
    assert main(["install", source(tmp_path)]) == 0
    assert main(["install", source(tmp_path)]) == 0
    assert "already there: " in capsys.readouterr().out
    assert len(list((root / "GARMIN/NewFiles").iterdir())) == 1


def test_unchanged_source_without_source_date_epoch_installs_identically(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    watch(tmp_path)
    assert main(["install", source(tmp_path)]) == 0
    assert main(["install", source(tmp_path)]) == 0  # would be refused if the bytes changed
    assert "already there" in capsys.readouterr().out


def test_dry_run_copies_nothing(tmp_path, capsys):
    root = watch(tmp_path)
    before = tree(root)
    assert main(["install", "--dry-run", source(tmp_path)]) == 0
    assert tree(root) == before
    out = capsys.readouterr().out
    assert f"would copy easy.fit -> {root / 'GARMIN/NewFiles/easy.fit'}" in out
    assert "would copy 1 file to Forerunner 265" in out


def test_a_read_only_device_is_a_clear_error(tmp_path, monkeypatch, capsys):
    watch(tmp_path)

    def read_only(path, data):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(install, "atomic_write", read_only)
    assert main(["install", source(tmp_path)]) == 2
    assert "cannot write: Read-only file system" in capsys.readouterr().err


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through permissions")
def test_a_read_only_folder_is_a_clear_error(tmp_path, capsys):
    root = watch(tmp_path)
    (root / "GARMIN/NewFiles").chmod(0o555)
    try:
        assert main(["install", source(tmp_path)]) == 2
    finally:
        (root / "GARMIN/NewFiles").chmod(0o755)


def test_no_space_is_checked_before_copying(tmp_path, monkeypatch, capsys):
    root = watch(tmp_path)
    monkeypatch.setattr(install, "free_space", lambda path: (100, 4096))
    assert main(["install", source(tmp_path)]) == 2
    assert "the watch has 100 bytes free" in capsys.readouterr().err
    assert list((root / "GARMIN/NewFiles").iterdir()) == []


def test_a_symlink_out_of_the_device_is_not_followed(tmp_path, capsys):
    root = watch(tmp_path)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (root / "GARMIN/NewFiles").rmdir()
    (root / "GARMIN/NewFiles").symlink_to(outside)
    assert main(["install", source(tmp_path)]) == 2
    assert list(outside.iterdir()) == []
    assert "leads outside the device" in capsys.readouterr().err


def test_a_symlinked_target_file_is_left_alone(tmp_path, capsys):
    root = watch(tmp_path)
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    (root / "GARMIN/NewFiles/easy.fit").symlink_to(victim)
    assert main(["install", "--force", source(tmp_path)]) == 1
    assert victim.read_text() == "keep me"
    assert "is a symlink; it was left alone" in capsys.readouterr().err


def test_two_devices_ask_for_a_choice(tmp_path, capsys):
    first, second = watch(tmp_path, "A", "Forerunner 265"), watch(tmp_path, "B", "Fenix 7")
    assert main(["install", source(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "2 Garmin watches are mounted" in err and "choose one with --device" in err
    assert main(["install", "--device", str(second), source(tmp_path)]) == 0
    assert (second / "GARMIN/NewFiles/easy.fit").exists() and not (first / "GARMIN/NewFiles/easy.fit").exists()


def test_no_device_explains_mtp(tmp_path, capsys):
    assert main(["install", source(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "no Garmin watch is mounted" in err and "MTP" in err and "jmtpfs" in err


def test_a_folder_that_is_not_a_watch_is_refused(tmp_path, capsys):
    (tmp_path / "usbstick").mkdir()
    assert main(["install", "--device", str(tmp_path / "usbstick"), source(tmp_path)]) == 2
    assert "is not a Garmin watch" in capsys.readouterr().err


# ------------------------------------------------------------------ schedules and calendars

PLAN = """workout "Track" intervals
  warmup 15min
  5x
    run 1km
    recover 400m
  cooldown lap

plan "Week"
  2026-11-23 rest
  2026-11-24 "Track"
  2026-11-25 recovery 30min hr<z2
  2026-11-26 07:30 easy 45min hr<=z2
"""


def test_schedule_names_the_right_workouts_and_dates(tmp_path):
    out = tmp_path / "out"
    assert main(["compile", source(tmp_path, PLAN, "week.wkt"), "-o", str(out)]) == 0
    schedule = decode((out / "week.schedule.fit").read_bytes())
    assert schedule["file_id_mesgs"][0]["type"] == 7
    workouts = {}
    for name in ("track.fit", "recovery-11-25.fit", "easy-11-26.fit"):
        [file_id] = decode((out / name).read_bytes())["file_id_mesgs"]
        workouts[name] = (file_id["serial_number"], file_id["time_created"])
    entries = [
        (s["serial_number"], s["time_created"], s["scheduled_time"], s["type"], s["completed"])
        for s in schedule["schedule_mesgs"]
    ]
    epoch = datetime(1989, 12, 31)
    local = [
        int((when - epoch).total_seconds())
        for when in (datetime(2026, 11, 24), datetime(2026, 11, 25), datetime(2026, 11, 26, 7, 30))
    ]
    assert entries == [
        (*workouts["track.fit"], local[0], 0, 0),
        (*workouts["recovery-11-25.fit"], local[1], 0, 0),
        (*workouts["easy-11-26.fit"], local[2], 0, 0),
    ]


def test_install_brings_the_schedule_with_its_workouts(tmp_path):
    root = watch(tmp_path)
    assert main(["install", source(tmp_path, PLAN, "week.wkt")]) == 0
    assert sorted(p.name for p in (root / "GARMIN/NewFiles").iterdir()) == [
        "easy-11-26.fit",
        "recovery-11-25.fit",
        "track.fit",
        "week.schedule.fit",
    ]


def test_calendar_has_one_event_per_session(tmp_path):
    out = tmp_path / "out"
    main(["compile", source(tmp_path, PLAN, "week.wkt"), "-o", str(out)])
    data = (out / "week.ics").read_bytes()
    assert data.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") and data.endswith(b"END:VCALENDAR\r\n")
    text = data.decode().replace("\r\n ", "")
    assert text.count("BEGIN:VEVENT") == 3
    assert "DTSTART;VALUE=DATE:20261124\r\nDTEND;VALUE=DATE:20261125\r\nSUMMARY:Track (intervals)" in text
    assert "DTSTART:20261126T073000\r\nDURATION:PT45M\r\nSUMMARY:easy 11-26 (easy)" in text
    assert all(len(line.encode()) <= 75 for line in data.decode().split("\r\n"))


def _fit_file(tmp_path: Path, name: str, text: str) -> str:
    """A FIT file compiled from `text`, saved as `name` (folders made as needed)."""
    out = tmp_path / "compiled" / name
    out.parent.mkdir(parents=True, exist_ok=True)
    assert main(["compile", source(out.parent, text, "one.wkt"), "-o", str(out.parent / "tmp")]) == 0
    [fit] = (out.parent / "tmp").glob("*.fit")
    fit.rename(out)
    return str(out)


def test_two_files_for_one_name_on_the_watch_are_refused_naming_both(tmp_path, capsys):
    root = watch(tmp_path)
    first = _fit_file(tmp_path / "a", "x.fit", "easy 30min\n")
    second = _fit_file(tmp_path / "b", "X.FIT", "easy 40min\n")
    capsys.readouterr()
    assert main(["install", first, second]) == 1
    err = capsys.readouterr().err
    assert f"{first}, {second} would both be x.fit on the watch, whose names ignore case" in err
    assert list((root / "GARMIN/NewFiles").iterdir()) == []
    assert main(["install", "--force", first, second]) == 0
    [copied] = (root / "GARMIN/NewFiles").iterdir()
    assert copied.read_bytes() == Path(second).read_bytes()  # the last one given


def test_a_given_fit_file_and_a_compiled_workout_of_one_name_are_refused(tmp_path, capsys):
    root = watch(tmp_path)
    given = _fit_file(tmp_path / "a", "tempo.fit", "easy 30min\n")
    compiled = source(tmp_path, 'workout "Tempo" tempo\n  run 20min\n', "week.wkt")
    capsys.readouterr()
    assert main(["install", given, compiled]) == 1
    assert f"{given}, tempo.fit compiled from {compiled} would both be tempo.fit" in capsys.readouterr().err
    assert list((root / "GARMIN/NewFiles").iterdir()) == []


@pytest.mark.parametrize("compiled_last", [True, False])
def test_forced_the_last_argument_given_wins_a_clash(tmp_path, capsys, compiled_last):
    root = watch(tmp_path)
    given = _fit_file(tmp_path / "a", "Tempo.FIT", "easy 30min\n")
    compiled = source(tmp_path, 'workout "Tempo" tempo\n  run 20min\n', "week.wkt")
    arguments = [given, compiled] if compiled_last else [compiled, given]
    assert main(["install", "--force", *arguments]) == 0
    [copied] = (root / "GARMIN/NewFiles").iterdir()
    name = decode(copied.read_bytes())["workout_mesgs"][0]["wkt_name"]
    assert name == ("Tempo" if compiled_last else "one")  # one.wkt, behind Tempo.FIT


def test_a_file_on_the_watch_differing_only_in_case_is_the_one_replaced(tmp_path, capsys):
    root = watch(tmp_path)
    (root / "GARMIN/NewFiles/EASY.FIT").write_bytes(b"an older easy run")
    assert main(["install", source(tmp_path)]) == 1
    assert "EASY.FIT exists and differs" in capsys.readouterr().err
    assert main(["install", "--force", source(tmp_path)]) == 0
    assert [path.name for path in (root / "GARMIN/NewFiles").iterdir()] == ["EASY.FIT"]
    assert decode((root / "GARMIN/NewFiles/EASY.FIT").read_bytes())["workout_mesgs"][0]["wkt_name"] == "easy"


def test_free_space_is_counted_in_whole_clusters_with_the_margin_explained(tmp_path, monkeypatch, capsys):
    root = watch(tmp_path)
    # 100 000 bytes free would hold the file's bytes and the margin, but not its 32 KiB cluster too.
    monkeypatch.setattr(install, "free_space", lambda path: (install.SPACE_MARGIN + 30_000, 32_768))
    assert main(["install", source(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "these files take 32,768 bytes there (1 cluster of 32,768 bytes)" in err
    assert f"workoutc leaves {install.SPACE_MARGIN:,} bytes free for the watch itself" in err
    assert list((root / "GARMIN/NewFiles").iterdir()) == []


def test_a_huge_file_given_as_fit_is_left_out_without_being_read(tmp_path, capsys):
    root = watch(tmp_path)
    huge = tmp_path / "huge.fit"
    with open(huge, "wb") as stream:
        stream.truncate(2_000_000_000)  # sparse
    assert main(["install", str(huge)]) == 1
    assert f"{huge}: error: 2,000,000,000 bytes, far more than a workout file; left out" in capsys.readouterr().err
    assert list((root / "GARMIN/NewFiles").iterdir()) == []


# ------------------------------------------------------------------ what is not copied, and pruning


WEEK = 'plan "Week"\n  2026-11-24 "Track"\n  2026-11-26 easy 40min\n'


def test_nothing_is_copied_from_a_plan_whose_workout_has_errors(tmp_path, capsys):
    root = watch(tmp_path)
    track = source(tmp_path, 'workout "Track" recovery\n  run 20min hr z5\n', "track.wkt")
    week = source(tmp_path, WEEK, "week.wkt")
    other = source(tmp_path)
    assert main(["install", track, week, other]) == 1
    assert sorted(tree(root / "GARMIN/NewFiles")) == ["easy.fit"]
    out, err = capsys.readouterr()
    assert f"{track}: not compiled (1 error)\n" in err
    assert f'{week}: plan "Week" not compiled: it names "Track", which has errors\n' in err
    assert err.endswith(
        "copied 1 file to Forerunner 265; not compiled: 1 file with errors, 1 plan naming workouts with errors; "
        "unplug the watch to load them\n"
    )
    assert "week.schedule.fit" not in out


def test_a_plan_naming_an_unknown_workout_copies_nothing(tmp_path, capsys):
    root = watch(tmp_path)
    assert main(["install", source(tmp_path, WEEK, "week.wkt")]) == 1
    assert tree(root / "GARMIN/NewFiles") == {}
    err = capsys.readouterr().err
    assert err.endswith("copied nothing to Forerunner 265; not compiled: 1 file with errors\n")  # no "unplug"


def test_nothing_new_says_so_without_the_unplug_advice(tmp_path, capsys):
    watch(tmp_path)
    assert main(["install", source(tmp_path)]) == 0
    capsys.readouterr()
    assert main(["install", source(tmp_path)]) == 0
    assert capsys.readouterr().out.endswith("copied nothing to Forerunner 265 (1 already there)\n")


def test_prune_removes_only_what_an_earlier_install_copied_and_nothing_changed_since(tmp_path, capsys):
    root = watch(tmp_path)
    new_files = root / "GARMIN/NewFiles"
    (new_files / "mine.fit").write_bytes(b"a file workoutc did not copy")
    assert main(["install", source(tmp_path), source(tmp_path, "easy 50min\n", "long.wkt")]) == 0
    (new_files / "long.fit").write_bytes(b"changed since")  # no longer what workoutc copied
    assert main(["install", source(tmp_path, "easy 20min\n", "short.wkt")]) == 0
    assert sorted(tree(new_files)) == ["easy.fit", "long.fit", "mine.fit", "short.fit"]  # no --prune
    capsys.readouterr()
    assert main(["install", "--prune", "--dry-run", source(tmp_path)]) == 0
    assert f"would remove {new_files / 'short.fit'}: no longer produced\n" in capsys.readouterr().out
    assert main(["install", "--prune", source(tmp_path)]) == 0
    assert sorted(tree(new_files)) == ["easy.fit", "long.fit", "mine.fit"]
    out = capsys.readouterr().out
    assert f"remove {new_files / 'short.fit'}: no longer produced\n" in out
    assert out.endswith("copied nothing to Forerunner 265 (1 already there); removed 1 file no longer produced\n")
