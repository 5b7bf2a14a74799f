"""Nothing lost: a compile killed midway, or two compiles at once, leave only complete files."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tools.fitdump import decode


def _library(folder: Path, files: int) -> Path:
    from benchmarks.library import write_library

    write_library(folder, workouts=files, seed=11)
    return folder


def _compile(lib: Path, out: Path) -> subprocess.Popen:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1764547200"}
    return subprocess.Popen(
        [sys.executable, "-m", "workoutc", "compile", str(lib), "-o", str(out), "-j", "1", "--no-cache"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )


def _wait_for_files(out: Path, count: int, process: subprocess.Popen, staged: bool = False) -> None:
    """Until `count` FIT files are in `out` (or, with `staged`, hidden ones not yet published)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if out.is_dir():
            names = os.listdir(out)
            if sum(1 for name in names if name.startswith(".staged") if staged or name.endswith(".fit")) >= count:
                return
        time.sleep(0.005)


def _assert_complete(out: Path, allow_hidden: bool = False) -> int:
    complete = 0
    for path in out.iterdir():
        if path.name.startswith("."):
            assert allow_hidden, f"a temporary file was left behind: {path.name}"
            continue
        data = path.read_bytes()
        if path.suffix == ".fit":
            decode(data)  # asserts the file is whole: header, CRC, every message
            complete += 1
        else:
            assert data.rstrip().endswith((b"END:VCALENDAR", b"</html>")), path.name
    return complete


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGINT])
def test_a_compile_stopped_midway_leaves_only_complete_files(tmp_path, how):
    lib, out = _library(tmp_path / "lib", 3000), tmp_path / "out"
    process = _compile(lib, out)
    _wait_for_files(out, 20, process)
    process.send_signal(how)
    process.wait(timeout=60)
    written = _assert_complete(out)
    assert written >= 20


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGINT])
def test_a_compile_stopped_while_staging_leaves_the_folder_as_it_was(tmp_path, how):
    lib, out = _library(tmp_path / "lib", 3000), tmp_path / "out"
    out.mkdir()
    (out / "kept.fit").write_bytes(b"earlier output")
    process = _compile(lib, out)
    _wait_for_files(out, 20, process, staged=True)
    process.send_signal(how)
    assert process.wait(timeout=60) != 0
    assert os.listdir(out) == ["kept.fit"] and (out / "kept.fit").read_bytes() == b"earlier output"


def test_a_compile_failing_part_way_removes_what_its_workers_staged(tmp_path):
    from workoutc.pipeline.inputs import collect_inputs
    from workoutc.pipeline.stages import run_stages
    from workoutc.reporter import UsageError

    lib, out = _library(tmp_path / "lib", 300), tmp_path / "out"
    inputs = collect_inputs([str(lib)])
    inputs.insert(len(inputs) * 3 // 4, "vanished.wkt")  # listed, then gone
    with pytest.raises(UsageError, match=r"vanished\.wkt: cannot read"):
        run_stages([str(lib)], None, jobs=2, output=out, inputs=inputs)
    assert os.listdir(out) == []


def test_a_killed_compile_leaves_complete_visible_files_and_the_next_run_tidies_up(tmp_path):
    lib, out = _library(tmp_path / "lib", 3000), tmp_path / "out"
    process = _compile(lib, out)
    _wait_for_files(out, 20, process)
    process.kill()
    process.wait(timeout=60)
    _assert_complete(out, allow_hidden=True)  # SIGKILL cannot be caught: a hidden temporary may remain
    assert _compile(lib, out).wait(timeout=300) == 0
    _assert_complete(out)


def test_two_compiles_into_one_folder_at_once(tmp_path):
    lib, out = _library(tmp_path / "lib", 600), tmp_path / "out"
    first, second = _compile(lib, out), _compile(lib, out)
    assert first.wait(timeout=300) == 0 and second.wait(timeout=300) == 0
    assert _assert_complete(out) > 300


def _survivors(out: Path) -> list[int]:
    """Processes still running whose command line names `out`: the run's workers."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                command = Path(f"/proc/{entry}/cmdline").read_bytes()
            except OSError:
                continue
            if str(out).encode() in command:
                found.append(int(entry))
    return found


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="finds the workers through /proc")
@pytest.mark.parametrize(
    ("how", "times", "status"),
    [(signal.SIGINT, 2, 130), (signal.SIGINT, 3, 130), (signal.SIGTERM, 2, 143), (signal.SIGTERM, 3, 143)],
)
def test_signals_in_quick_succession_end_a_parallel_compile_promptly(tmp_path, how, times, status):
    lib, out = _library(tmp_path / "lib", 3000), tmp_path / "out"
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1764547200"}
    process = subprocess.Popen(
        [sys.executable, "-m", "workoutc", "compile", str(lib), "-o", str(out), "-j", "2", "--no-cache"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    _wait_for_files(out, 1, process, staged=True)
    for _ in range(times):
        process.send_signal(how)
        time.sleep(0.05)
    _, err = process.communicate(timeout=20)
    assert process.returncode == status
    assert "Traceback" not in err and err.strip().endswith("workoutc: interrupted")
    deadline = time.monotonic() + 5
    while _survivors(out) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _survivors(out) == []
    assert not [name for name in os.listdir(out) if name.startswith(".")]


@pytest.mark.skipif(sys.platform == "win32", reason="flock")
def test_a_run_in_another_process_namespace_keeps_its_staged_files(tmp_path):
    """Its process id means nothing here (a container, another host on NFS): its lock does."""
    import fcntl

    out = tmp_path / "out"
    out.mkdir()
    other = "999999999-0badc0de"  # no such process here
    staged = out / f".staged-7.{other}.1.tmp"
    staged.write_bytes(b"half of another run's file")
    lock = os.open(out / f".workoutc-run.{other}.lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(lock, fcntl.LOCK_EX)  # the other run, alive and holding its folder lock
    source = tmp_path / "a.wkt"
    source.write_text("easy 30min\n", encoding="utf-8")
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1764547200"}
    command = [sys.executable, "-m", "workoutc", "compile", str(source), "-o", str(out), "--no-cache"]
    assert subprocess.run(command, env=env, check=False).returncode == 0
    assert staged.exists()
    os.close(lock)  # the other run is over, without tidying up (as a killed one)
    assert subprocess.run(command, env=env, check=False).returncode == 0
    assert sorted(os.listdir(out)) == ["a.fit"]
