"""The cache can be neither poisoned nor fooled: a folder others can write is no cache,
nothing unverified is unpickled, and a cache hit needs the same real files, contents,
configs and folder to itself."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from workoutc.cli import main

from ..helpers import write


def run(capsys, *args) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture
def cache_home(tmp_path, monkeypatch) -> Path:
    """A cache of this test's own (the folder workoutc makes in it is the cache)."""
    home = tmp_path / "cache-home"
    home.mkdir()
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home


class Planted:
    """A pickle that, once loaded, leaves a file behind: proof that code ran."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def test_a_cache_folder_others_can_write_is_not_used_and_the_run_says_so(cache_home, tmp_path, capsys):
    folder = cache_home / "workoutc"
    folder.mkdir(mode=0o700)
    os.chmod(folder, 0o777)
    source = write(tmp_path, "a.wkt", "easy 30min\n")
    status, _, err = run(capsys, "compile", str(source), "-o", str(tmp_path / "out"))
    assert status == 0
    assert f"workoutc: note: the cache folder {folder} can be written by other users; working without a cache" in err
    assert os.listdir(folder) == []  # no parser tables, no key, no record


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="chown needs root")
def test_a_cache_folder_of_another_user_is_not_used(cache_home, tmp_path, capsys):
    folder = cache_home / "workoutc"
    folder.mkdir(mode=0o700)
    os.chown(folder, 12345, 12345)
    _, _, err = run(capsys, "check", str(write(tmp_path, "a.wkt", "easy 30min\n")))
    assert "belongs to another user; working without a cache" in err


def test_planted_records_and_parser_tables_are_never_unpickled(cache_home, tmp_path, capsys):
    source, out = write(tmp_path / "lib", "a.wkt", "easy 30min\n"), tmp_path / "out"
    assert run(capsys, "compile", str(source.parent), "-o", str(out))[0] == 0
    folder = cache_home / "workoutc"
    marker = tmp_path / "code-ran"
    planted = pickle.dumps(Planted(marker))
    # What someone who can write files there (but not read the key) could do: every file
    # but the records themselves becomes a pickle (after a first line, as in Lark's format).
    for path in folder.rglob("*"):
        if path.is_file() and path.name != "key" and path.suffix != ".json":
            path.write_bytes(b"planted\n" + planted if "pickle" not in path.name else planted)
    source.write_text("easy 35min\n", encoding="utf-8")
    for command in (["check", str(source)], ["compile", str(source.parent), "-o", str(out)]):
        assert run(capsys, *command)[0] == 0
    assert not marker.exists()
    assert (out / "a.fit").exists()


def test_a_record_edited_by_hand_is_ignored(cache_home, tmp_path, capsys):
    source, out = write(tmp_path / "lib", "a.wkt", "recovery 30min hr z4\n"), tmp_path / "out"
    first = run(capsys, "compile", str(source.parent), "-o", str(out))
    assert first[0] == 1
    [manifest] = (cache_home / "workoutc" / "manifests").glob("*.json")
    manifest.write_bytes(manifest.read_bytes().replace(b'"status": 1', b'"status": 7'))
    assert run(capsys, "compile", str(source.parent), "-o", str(out)) == first


def test_a_config_beside_the_real_folder_of_a_linked_library_is_seen(cache_home, tmp_path, capsys):
    real = tmp_path / "real" / "lib"
    write(real, "a.wkt", "recovery 40min hr<z2\n")
    link = tmp_path / "link"
    link.symlink_to(real)
    out = tmp_path / "out"
    assert run(capsys, "compile", str(link), "-o", str(out))[0] == 0
    write(real.parent, "workoutc.toml", "[rules]\nR101 = { max_minutes = 35 }\n")
    _, _, err = run(capsys, "compile", str(link), "-o", str(out))
    assert "R101" in err, "the config found through the real folder applies, and nothing is replayed"


def test_another_file_with_the_same_path_size_and_time_is_read_again(cache_home, tmp_path, capsys):
    lib, out = tmp_path / "lib", tmp_path / "out"
    source = write(lib, "a.wkt", "easy 30min\n")
    stat = source.stat()
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns - 10_000_000_000))  # old enough to be trusted
    stat = source.stat()
    assert run(capsys, "compile", str(lib), "-o", str(out))[0] == 0
    before = (out / "a.fit").read_bytes()
    replacement = write(tmp_path / "elsewhere", "a.wkt", "easy 40min\n")  # same size, another file
    os.utime(replacement, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    shutil.move(replacement, source)  # same shown path, size and time, as an unpacked archive gives
    assert run(capsys, "compile", str(lib), "-o", str(out))[0] == 0
    assert (out / "a.fit").read_bytes() != before


def test_a_file_edited_and_touched_back_to_its_old_time_is_read_again(cache_home, tmp_path, capsys):
    lib, out = tmp_path / "lib", tmp_path / "out"
    source = write(lib, "a.wkt", "easy 30min\n")
    old = source.stat().st_mtime_ns - 10_000_000_000
    os.utime(source, ns=(old, old))
    assert run(capsys, "compile", str(lib), "-o", str(out))[0] == 0
    before = (out / "a.fit").read_bytes()
    source.write_text("easy 40min\n", encoding="utf-8")  # the same size
    os.utime(source, ns=(old, old))  # `touch -d` back to the time it had
    assert run(capsys, "compile", str(lib), "-o", str(out))[0] == 0
    assert (out / "a.fit").read_bytes() != before


def _compile(lib: Path, out: Path, env: dict) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "workoutc", "compile", str(lib), "-o", str(out), "-j", "1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )


def test_two_compiles_into_one_folder_take_turns_and_the_record_stays_true(cache_home, tmp_path):
    from benchmarks.library import write_library

    first_lib, second_lib, out = tmp_path / "first", tmp_path / "second", tmp_path / "out"
    write_library(first_lib, workouts=300, seed=21)
    write_library(second_lib, workouts=300, seed=22)  # the same workout names, other contents
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1764547200"}
    first, second = _compile(first_lib, out, env), _compile(second_lib, out, env)
    _, first_err = first.communicate(timeout=300)
    _, second_err = second.communicate(timeout=300)
    assert first.returncode == second.returncode == 0
    assert "under way; waiting for it to finish" in first_err + second_err
    # A later compile of one library, trusting the record if it may, gives exactly a fresh compile.
    assert _compile(first_lib, out, env).wait(timeout=300) == 0
    fresh = tmp_path / "fresh"
    no_cache = subprocess.run(
        [sys.executable, "-m", "workoutc", "compile", str(first_lib), "-o", str(fresh), "--no-cache"],
        env=env,
        capture_output=True,
        check=False,
    )
    assert no_cache.returncode == 0
    for path in fresh.iterdir():
        assert (out / path.name).read_bytes() == path.read_bytes(), path.name
