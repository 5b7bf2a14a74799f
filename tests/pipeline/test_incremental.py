"""-j N gives the same output as -j 1, and the incremental cache never serves a stale result."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import workoutc.pipeline.fingerprint
import workoutc.pipeline.incremental
from workoutc.cli import main

from ..helpers import copy_output


def library(folder: Path, files: int = 90) -> Path:
    """Enough files for the parallel path (64+), with errors, warnings, plans and references."""
    from benchmarks.library import write_library

    write_library(folder, workouts=files * 3 // 2, seed=3)
    (folder / "group-000" / "broken.wkt").write_text("recovery 30mins\n", encoding="utf-8")
    (folder / "group-000" / "hard.wkt").write_text("recovery 30min hr z4\n", encoding="utf-8")
    return folder


def run(capsys, *args) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def spy(monkeypatch, module, name: str, record=lambda *args: args) -> list:
    """What `record` makes of the arguments of every call to module.name from now on, in
    this process (the calls still do their work)."""
    calls: list = []
    original = getattr(module, name)

    def recorded(*args, **kwargs):
        calls.append(record(*args))
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, recorded)
    return calls


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_check_output_is_the_same_for_any_number_of_workers(tmp_path, capsys):
    lib = library(tmp_path / "lib")
    serial = run(capsys, "check", str(lib), "-j", "1", "--no-cache")
    parallel = run(capsys, "check", str(lib), "-j", "3", "--no-cache")
    assert serial == parallel
    assert serial[0] == 1 and "broken.wkt:1:12: error" in serial[1] and "warning" in serial[1]
    json_serial = run(capsys, "check", "--format", "json", str(lib), "-j", "1", "--no-cache")
    assert json_serial == run(capsys, "check", "--format", "json", str(lib), "-j", "2", "--no-cache")


def test_compile_output_and_files_are_the_same_for_any_number_of_workers(tmp_path, capsys):
    lib = library(tmp_path / "lib")
    one = run(capsys, "compile", str(lib), "-o", str(tmp_path / "out"), "-j", "1", "--html", "--no-cache")
    first = files(tmp_path / "out")
    two = run(capsys, "compile", str(lib), "-o", str(tmp_path / "out"), "-j", "2", "--html", "--no-cache")
    assert one == two
    assert files(tmp_path / "out") == first
    assert len([name for name in first if name.endswith(".fit")]) > 60


# ------------------------------------------------------------------ incremental compile


@pytest.fixture
def project(tmp_path):
    source = tmp_path / "src"
    source.mkdir()
    (source / "a.wkt").write_text('workout "A" tempo\n  warmup 15min\n  run 20min\n  cooldown 10min\n')
    (source / "b.wkt").write_text("recovery 50min hr<z2\n")
    return tmp_path


def compile_twice(capsys, project: Path, change=None):
    out = project / "out"
    first = run(capsys, "compile", str(project / "src"), "-o", str(out))
    if change:
        change()
    second = run(capsys, "compile", str(project / "src"), "-o", str(out))
    return first, second


def test_an_unchanged_library_is_not_recompiled(project, capsys, monkeypatch):
    out = project / "out"
    first = run(capsys, "compile", str(project / "src"), "-o", str(out))
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    import workoutc.pipeline.stages

    def fail(*args, **kwargs):
        raise AssertionError("an unchanged library was compiled again")

    monkeypatch.setattr(workoutc.pipeline.stages, "run_stages", fail)
    second = run(capsys, "compile", str(project / "src"), "-o", str(out))
    assert second == first  # the same messages (the R101 warning too) and status
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == before


def _recompiles(capsys, project, monkeypatch, change) -> bool:
    out = project / "out"
    run(capsys, "compile", str(project / "src"), "-o", str(out))
    change()
    import workoutc.pipeline.stages

    calls = spy(monkeypatch, workoutc.pipeline.stages, "run_stages")
    run(capsys, "compile", str(project / "src"), "-o", str(out))
    return bool(calls)


@pytest.mark.parametrize(
    "change",
    [
        "edit a source",
        "touch a source",
        "add a source",
        "remove a source",
        "add a config in a parent folder",
        "edit the config",
        "delete an output",
        "edit an output",
        "change SOURCE_DATE_EPOCH",
        "change the version",
        "upgrade a library",
    ],
)
def test_anything_that_shapes_the_output_triggers_a_recompile(project, capsys, monkeypatch, change):
    src, out = project / "src", project / "out"

    def apply():
        if change == "edit a source":
            (src / "b.wkt").write_text("recovery 30min hr<z2\n")
        elif change == "touch a source":
            stat = (src / "b.wkt").stat()
            os.utime(src / "b.wkt", ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
        elif change == "add a source":
            (src / "c.wkt").write_text("easy 30min\n")
        elif change == "remove a source":
            (src / "a.wkt").unlink()
        elif change == "add a config in a parent folder":
            (project / "workoutc.toml").write_text('[rules]\ndisable = ["R101"]\n')
        elif change == "edit the config":
            (src / "workoutc.toml").write_text('[rules]\ndisable = ["R102"]\n')
        elif change == "delete an output":
            (out / "a.fit").unlink()
        elif change == "edit an output":
            (out / "a.fit").write_bytes(b"tampered")
        elif change == "change SOURCE_DATE_EPOCH":
            monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764550000")
        elif change == "change the version":
            monkeypatch.setattr(workoutc.pipeline.fingerprint, "__version__", "9.9.9")
        elif change == "upgrade a library":
            versions = workoutc.pipeline.fingerprint._library_versions()
            monkeypatch.setattr(
                workoutc.pipeline.fingerprint, "_library_versions", lambda: [*versions[:-1], "jinja2 9.9"]
            )

    if change == "edit the config":
        (src / "workoutc.toml").write_text('[rules]\ndisable = ["R101"]\n')
    assert _recompiles(capsys, project, monkeypatch, apply)


def test_a_recompile_after_a_config_change_gives_the_new_result(project, capsys):
    (project / "src" / "workoutc.toml").write_text('[rules]\ndisable = ["R101"]\n')
    first = run(capsys, "compile", str(project / "src"), "-o", str(project / "out"))
    assert "R101" not in first[2]
    (project / "src" / "workoutc.toml").write_text("[rules]\n")
    second = run(capsys, "compile", str(project / "src"), "-o", str(project / "out"))
    assert "warning R101" in second[2]


def test_no_cache_compiles_everything(project, capsys, monkeypatch):
    run(capsys, "compile", str(project / "src"), "-o", str(project / "out"))
    import workoutc.pipeline.stages

    calls = spy(monkeypatch, workoutc.pipeline.stages, "run_stages")
    run(capsys, "compile", str(project / "src"), "-o", str(project / "out"), "--no-cache")
    assert calls


# ------------------------------------------------------------------ plans over lightened files


def test_a_workout_read_again_from_its_lines_equals_the_one_from_its_whole_file(tmp_path):
    from workoutc.language.source import load
    from workoutc.pipeline.inputs import collect_inputs

    lib = library(tmp_path / "lib")
    (lib / "tricky.wkt").write_text(
        '# a comment first\n\nworkout "A" tempo   # trailing\n  warmup 10min\n\n  # inside\n  3x\n'
        '    run 400m pace 3:50/km\n    recover 200m\n  cooldown lap\nworkout "B" easy 30min hr<z2\n'
        "tempo 20min\n",
        encoding="utf-8",
    )
    checked = 0
    for path in [*collect_inputs([str(lib)]), *collect_inputs(["examples"])]:
        source = load(path)
        if source.document is None:
            continue
        whole = {w.name: w for w in source.document.workouts}
        without_document = source._replace(document=None, comments=())  # even a plan file's workouts
        for info in source.workouts:
            if not info.in_plan:
                assert without_document.workout(info) == whole[info.name]
                checked += 1
    assert checked > 100


def test_library_versions_are_read_as_importlib_metadata_reads_them():
    from importlib import metadata

    from workoutc.pipeline.fingerprint import LIBRARIES, _library_versions

    assert _library_versions() == [f"{name} {metadata.version(name)}" for name in LIBRARIES]


# ------------------------------------------------------------------ file by file


def compiled(capsys, lib: Path, out: Path, *extra) -> tuple:
    """What a compile printed (the folder's name left out) and the files it left."""
    status, stdout, stderr = run(capsys, "compile", str(lib), "-o", str(out), *extra)
    return status, stdout.replace(str(out), "OUT"), stderr.replace(str(out), "OUT"), files(out)


def reads(monkeypatch) -> list[str]:
    """The files the next run reads and compiles (counted in this process: few are read)."""
    import workoutc.pipeline.stages

    return spy(monkeypatch, workoutc.pipeline.stages, "load_data", lambda data, path, *rest: path)


def edit(path: Path, text: str) -> None:
    """Write `text`, with a modification time clearly after the last compile."""
    path.write_text(text, encoding="utf-8")
    later = path.stat().st_mtime_ns + 5_000_000_000
    os.utime(path, ns=(later, later))


CHANGES = {
    "edit a workout": lambda lib: edit(lib / "group-000" / "w00003.wkt", "tempo 25min hr z3\n"),
    "break a file": lambda lib: edit(lib / "group-000" / "w00004.wkt", "easy 30mins\n"),
    "fix a broken file": lambda lib: edit(lib / "group-000" / "broken.wkt", "recovery 30min\n"),
    "rename a workout a plan refers to": lambda lib: edit(
        lib / "group-000" / "w00002.wkt", (lib / "group-000" / "w00002.wkt").read_text().replace('"W2-', '"V2-')
    ),
    "add a file whose name is taken first": lambda lib: edit(
        lib / "group-000" / "a-first.wkt", 'workout "W2-0" easy 30min\n'
    ),
    "remove a file": lambda lib: (lib / "group-000" / "w00005.wkt").unlink(),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_after_a_change_only_changed_files_are_read_and_the_result_is_a_full_compile(
    tmp_path, capsys, monkeypatch, change
):
    lib, out = library(tmp_path / "lib"), tmp_path / "out"
    run(capsys, "compile", str(lib), "-o", str(out))
    copy_output(out, tmp_path / "fresh")  # compiled afresh from the same starting point
    CHANGES[change](lib)
    read = reads(monkeypatch)
    incremental = compiled(capsys, lib, out)
    assert len(read) <= 1, read  # the changed file alone (none when one was removed)
    assert incremental == compiled(capsys, lib, tmp_path / "fresh", "--no-cache")


def test_cached_fit_files_deleted_or_edited_meanwhile_are_written_again(tmp_path, capsys, monkeypatch):
    lib, out = library(tmp_path / "lib"), tmp_path / "out"
    run(capsys, "compile", str(lib), "-o", str(out))
    copy_output(out, tmp_path / "fresh")
    fits = sorted(out.glob("*.fit"))
    fits[0].unlink()
    fits[1].write_bytes(b"tampered")
    edit(lib / "group-000" / "w00003.wkt", "easy 35min\n")  # so that it is not a plain replay
    read = reads(monkeypatch)
    assert compiled(capsys, lib, out) == compiled(capsys, lib, tmp_path / "fresh", "--no-cache")
    assert read == [str(lib / "group-000" / "w00003.wkt")]


def test_a_damaged_cache_means_a_full_compile(tmp_path, capsys, monkeypatch):
    from workoutc.pipeline.incremental import manifest_path

    lib, out = library(tmp_path / "lib"), tmp_path / "out"
    run(capsys, "compile", str(lib), "-o", str(out))
    copy_output(out, tmp_path / "fresh")
    path = manifest_path(out)
    assert path is not None
    path.with_suffix(".sources.pickle").write_bytes(b"not a pickle")
    edit(lib / "group-000" / "w00003.wkt", "easy 35min\n")
    assert compiled(capsys, lib, out) == compiled(capsys, lib, tmp_path / "fresh", "--no-cache")


def test_a_config_change_reads_every_file_again(tmp_path, capsys, monkeypatch):
    lib, out = library(tmp_path / "lib"), tmp_path / "out"
    run(capsys, "compile", str(lib), "-o", str(out), "-j", "1")
    copy_output(out, tmp_path / "fresh")
    (lib / "workoutc.toml").write_text("[athlete]\nmax_hr = 190\n", encoding="utf-8")
    read = reads(monkeypatch)
    assert compiled(capsys, lib, out, "-j", "1") == compiled(capsys, lib, tmp_path / "fresh", "--no-cache")
    assert len(read) == len(list(lib.rglob("*.wkt")))


def test_a_replay_interleaves_output_and_errors_as_the_compile_did(project, monkeypatch):
    """On a terminal both streams show together: the replay keeps each warning by its file."""
    import io
    import sys

    from workoutc.cli import main

    (project / "src" / "c.wkt").write_text("recovery 60min\n")  # a warning, between two files' lines
    shown = []
    for _ in range(2):
        both = io.StringIO()
        monkeypatch.setattr(sys, "stdout", both)
        monkeypatch.setattr(sys, "stderr", both)
        main(["compile", str(project / "src"), "-o", str(project / "out")])
        shown.append(both.getvalue())
    assert shown[0] == shown[1] and shown[0].index("a.wkt") < shown[0].index("R101") < shown[0].index("compiled")


def test_a_first_compile_reads_each_file_once_and_the_workers_hash_it(tmp_path, capsys, monkeypatch):
    import workoutc.pipeline.stages

    lib, out = library(tmp_path / "lib"), tmp_path / "out"
    hashed = spy(monkeypatch, workoutc.pipeline.fingerprint, "file_fingerprint", str)
    first = run(capsys, "compile", str(lib), "-o", str(out))
    assert not [path for path in hashed if path.endswith(".wkt")]
    manifest = workoutc.pipeline.incremental.previous_run(out)
    assert manifest is not None
    assert len(manifest["inputs"]) == len(list(lib.rglob("*.wkt")))
    assert all(len(state[3]) == 64 for state in manifest["inputs"].values())  # SHA-256, from the workers
    monkeypatch.setattr(workoutc.pipeline.stages, "run_stages", lambda *a, **k: pytest.fail("compiled again"))
    assert run(capsys, "compile", str(lib), "-o", str(out)) == first


def test_the_cache_remembers_only_the_most_recent_output_folders(project, capsys, monkeypatch):
    import workoutc.pipeline.incremental

    monkeypatch.setattr(workoutc.pipeline.incremental, "KEPT_FOLDERS", 3)
    past = os.stat(project).st_mtime - 100
    for number in range(5):
        run(capsys, "compile", str(project / "src"), "-o", str(project / f"out{number}"))
        path = workoutc.pipeline.incremental.manifest_path(project / f"out{number}")
        assert path is not None
        os.utime(path, (past + number, past + number))  # each record clearly newer than the last
        folder = path.parent
    assert len(list(folder.glob("*.json"))) == 3 and len(list(folder.glob("*.sources.pickle"))) == 3
    assert workoutc.pipeline.incremental.previous_run(project / "out4") is not None
    assert workoutc.pipeline.incremental.previous_run(project / "out0") is None
