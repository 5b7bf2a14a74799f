"""The check cache: a check prints the same with and without it, repeats itself when
nothing changed, reads only the files that changed, and never serves a stale result."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import workoutc.pipeline.fingerprint
import workoutc.pipeline.stages
from workoutc.cli import main

from ..helpers import write
from .test_incremental import library, spy

PROFILE = '[athlete]\nlevel = "intermediate"\nmax_hr = 188\nthreshold_pace = "4:10/km"\neasy_pace = "5:20-5:50/km"\n'
THRESHOLD = 'workout "Cruise" threshold\n  warmup 15min hr<=z2\n  run 20min pace T\n  cooldown 10min\n'
WEEK_1 = 'plan "Week 1"\n  2026-11-23 easy 40min\n  2026-11-25 "Cruise"\n  2026-11-29 long 1h30min\n'
WEEK_2 = 'plan "Week 2"\n  2026-11-30 intervals 40min\n  2026-12-02 easy 40min\n  2026-12-04 "Cruise"\n'


def check(capsys, *args: str) -> tuple[int, str, str]:
    status = main(["check", *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def same_with_and_without_cache(capsys, *args: str) -> tuple[int, str, str]:
    """A check with the cache, having asserted it prints what one without it does."""
    cached = check(capsys, *args)
    assert cached == check(capsys, *args, "--no-cache")
    return cached


@pytest.fixture
def coach(tmp_path) -> Path:
    """Plans over several files naming a workout of another file, with a relative target."""
    lib = tmp_path / "coach"
    write(lib, "workoutc.toml", PROFILE)
    write(lib, "cruise.wkt", THRESHOLD)
    write(lib, "weeks/week-01.wkt", WEEK_1)
    write(lib, "weeks/week-02.wkt", WEEK_2)
    write(lib, "recovery.wkt", "recovery 60min hr<z2\n")
    return lib


def loads(monkeypatch) -> list:
    """The paths loaded (read and parsed) from now on, in this process."""
    return spy(monkeypatch, workoutc.pipeline.stages, "load_data", lambda data, path, *rest: path)


def test_a_check_prints_the_same_with_and_without_the_cache_through_every_change(coach, capsys, monkeypatch):
    first = same_with_and_without_cache(capsys, str(coach), "-j", "1")
    assert first[0] == 0 and "P301" in first[1] and "R101" in first[1]
    changes = [
        lambda: write(coach, "recovery.wkt", "recovery 30min hr<z2\n"),  # a workout file
        lambda: write(coach, "cruise.wkt", THRESHOLD.replace("20min", "30min")),  # a workout a plan names
        lambda: write(coach, "weeks/week-02.wkt", WEEK_2.replace("intervals", "easy")),  # a plan
        lambda: write(coach, "weeks/week-03.wkt", 'plan "Week 3"\n  2026-12-07 tempo 30min\n'),  # a new file
        (coach / "recovery.wkt").unlink,  # a file gone
        lambda: write(coach, "workoutc.toml", PROFILE.replace("4:10", "4:00")),  # the profile
        lambda: write(coach, "broken.wkt", "recovery 30mins\n"),  # an error
    ]
    for change in changes:
        change()
        check(capsys, str(coach), "-j", "1")  # records the state before the next check
        for args in ([], ["--format", "json"], ["--format", "sarif"], ["--format", "github"], ["--strict"]):
            same_with_and_without_cache(capsys, str(coach), "-j", "1", *args)


def test_an_unchanged_library_is_not_checked_again(coach, capsys, monkeypatch):
    first = check(capsys, str(coach))

    def fail(*args, **kwargs):
        raise AssertionError("an unchanged library was checked again")

    monkeypatch.setattr(workoutc.pipeline.stages, "run_stages", fail)
    assert check(capsys, str(coach)) == first


def test_another_format_or_strict_is_not_a_replay(coach, capsys, monkeypatch):
    check(capsys, str(coach))
    calls = spy(monkeypatch, workoutc.pipeline.stages, "run_stages")
    assert check(capsys, str(coach), "--strict")[0] == 1  # the warnings fail it now
    assert check(capsys, str(coach), "--format", "json")[1].startswith("[")
    assert len(calls) == 2


def test_after_an_edit_only_the_changed_file_is_read_and_the_plan_rules_run_again(coach, capsys, monkeypatch):
    check(capsys, str(coach), "-j", "1")
    write(coach, "weeks/week-01.wkt", WEEK_1.replace("long 1h30min", "easy 40min"))  # no long run before Monday
    loaded = loads(monkeypatch)
    cached = check(capsys, str(coach), "-j", "1")
    assert loaded == [str(coach / "weeks" / "week-01.wkt")]
    assert cached == check(capsys, str(coach), "-j", "1", "--no-cache")
    assert "P301" not in cached[1]


def test_a_workout_named_in_an_unchanged_file_has_its_athletes_numbers(coach, capsys):
    # A steady run whose `pace T` is the athlete's threshold pace: hard, beside Monday's intervals.
    write(coach, "cruise.wkt", THRESHOLD.replace("threshold", "steady"))
    write(coach, "weeks/week-02.wkt", WEEK_2.replace("2026-12-04", "2026-12-01"))
    check(capsys, str(coach), "-j", "1")
    write(coach, "recovery.wkt", "recovery 40min hr<z2\n")
    _, out, _ = same_with_and_without_cache(capsys, str(coach), "-j", "1")
    assert "week-02.wkt:4:3: warning P301 " in out


def test_a_workout_a_plan_names_is_not_lowered_again_from_an_unchanged_file(coach, capsys, monkeypatch):
    import workoutc.language.source

    check(capsys, str(coach), "-j", "1")
    write(coach, "recovery.wkt", "recovery 40min hr<z2\n")
    lowered = spy(monkeypatch, workoutc.language.source, "lower_text", lambda text, path, *rest, **options: path)
    cached = check(capsys, str(coach), "-j", "1")
    assert lowered == [str(coach / "recovery.wkt")]  # "Cruise" comes from its snapshot
    assert cached == check(capsys, str(coach), "-j", "1", "--no-cache")


def test_each_athlete_has_a_record_of_its_own(coach, capsys):
    write(coach, "workoutc.toml", PROFILE + "[athletes.ana]\nmax_hr = 190\n[athletes.ben]\nmax_hr = 175\n")
    first = same_with_and_without_cache(capsys, str(coach), "--athlete", "all", "-j", "1")
    assert first == check(capsys, str(coach), "--athlete", "all")  # both replayed
    write(coach, "recovery.wkt", "recovery 70min hr<z2\n")
    same_with_and_without_cache(capsys, str(coach), "--athlete", "ana", "-j", "1")
    same_with_and_without_cache(capsys, str(coach), "--athlete", "all", "-j", "1")


def test_a_larger_library_in_parallel_prints_the_same(tmp_path, capsys):
    lib = library(tmp_path / "lib")
    first = same_with_and_without_cache(capsys, str(lib), "-j", "2")
    assert check(capsys, str(lib), "-j", "2") == first
    edited = sorted(lib.rglob("*.wkt"))[40]
    edited.write_text(edited.read_text(encoding="utf-8") + "easy 20min\n", encoding="utf-8")
    same_with_and_without_cache(capsys, str(lib), "-j", "2")


@pytest.mark.parametrize(
    "change",
    ["same size and time", "touch", "a config in a parent folder", "the version", "a library", "the current folder"],
)
def test_anything_the_findings_depend_on_checks_again(coach, capsys, monkeypatch, change):
    source = coach / "recovery.wkt"
    check(capsys, str(coach))
    if change == "same size and time":  # an edit that keeps the size and the modification time
        stat = source.stat()
        source.write_text("recovery 20min hr<z2\n", encoding="utf-8")
        os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    elif change == "touch":
        stat = source.stat()
        os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    elif change == "a config in a parent folder":
        write(coach.parent, "workoutc.toml", "[rules]\n")
    elif change == "the version":
        monkeypatch.setattr(workoutc.pipeline.fingerprint, "__version__", "9.9.9")
    elif change == "a library":
        versions = workoutc.pipeline.fingerprint._library_versions()
        monkeypatch.setattr(workoutc.pipeline.fingerprint, "_library_versions", lambda: [*versions[:-1], "jinja2 9"])
    else:
        monkeypatch.chdir(coach)
    calls = spy(monkeypatch, workoutc.pipeline.stages, "run_stages")
    args = ["."] if change == "the current folder" else [str(coach)]
    same_with_and_without_cache(capsys, *args)
    assert calls


def test_a_damaged_record_is_no_record(coach, capsys, private_cache):
    first = check(capsys, str(coach))
    for path in (private_cache / "workoutc" / "checks").iterdir():
        path.write_bytes(path.read_bytes()[:-10])
    write(coach, "recovery.wkt", "recovery 70min hr<z2\n")
    assert check(capsys, str(coach)) != first
    same_with_and_without_cache(capsys, str(coach))


def test_no_cache_checks_everything(coach, capsys, monkeypatch):
    check(capsys, str(coach))
    calls = spy(monkeypatch, workoutc.pipeline.stages, "run_stages")
    check(capsys, str(coach), "--no-cache")
    assert calls
