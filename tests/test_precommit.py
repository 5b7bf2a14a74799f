"""The hooks of .pre-commit-hooks.yaml, run by the real pre-commit from another repository.

The working tree (tracked files and new ones git does not ignore) is committed to a
temporary repository, which a temporary library of workouts names with the `repo:`
form of the README and docs/ci.md. pre-commit then installs workoutc from it into a
virtual environment of its own, as it does for a user: this needs the package index
(lark, jinja2 and the build backend), and takes half a minute or so, once per run.

`pre-commit` is in the test extras; without it the tests are skipped, unless
WORKOUTC_REQUIRE_PRECOMMIT=1 (set by `.ci/run`), which makes them fail instead.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .helpers import ROOT

if importlib.util.find_spec("pre_commit") is None and os.environ.get("WORKOUTC_REQUIRE_PRECOMMIT") != "1":
    pytest.skip("pre-commit is not installed (it is in the test extras)", allow_module_level=True)

TRACK = """\
workout "Track 5x1k" intervals
  warmup 15min hr<=z2
  5x
    run 1km pace 3:50/km
    recover 2min
  cooldown 10min
"""
TEMPO = """\
workout "Tempo 20" tempo
  warmup 15min hr<=z2
  run 20min pace 4:15-4:25/km
  cooldown 10min
"""
# Names the workouts of the two files above: checked alone, it has two errors.
PLAN = """\
plan "Base week 3"
  2026-11-24 "Track 5x1k"
  2026-11-26 easy 45min hr<=z2
  2026-11-27 "Tempo 20"
  2026-11-29 easy 60min hr<=z2
"""
TOO_HARD = 'workout "Shakeout" recovery\n  run 30min hr<=z4\n'  # R103
UNFORMATTED = 'workout   "Easy"  easy\n    run 40min    hr<=z2\n'
FORMATTED = 'workout "Easy" easy\n  run 40min hr<=z2\n'

CHECK, STRICT, FMT = "workoutc check", "workoutc check --strict", "workoutc fmt"


def _environment(home: Path) -> dict[str, str]:
    """This process's environment without what would point git or pre-commit elsewhere
    (as when the suite itself runs from a git hook), with a private pre-commit cache
    and no user or system git configuration."""
    keep = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("GIT_", "PRE_COMMIT")) and name != "GITHUB_ACTIONS"
    }
    ignored = home / "gitconfig"
    ignored.touch()
    return keep | {
        "PRE_COMMIT_HOME": str(home / "pre-commit"),
        "GIT_CONFIG_GLOBAL": str(ignored),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "test",
        "GIT_AUTHOR_EMAIL": "test@example.invalid",
        "GIT_COMMITTER_NAME": "test",
        "GIT_COMMITTER_EMAIL": "test@example.invalid",
    }


def _git(env: dict[str, str], cwd: Path, *arguments: str) -> str:
    done = subprocess.run(["git", *arguments], cwd=cwd, env=env, capture_output=True, text=True, check=True)
    return done.stdout.strip()


@pytest.fixture(scope="module")
def env(tmp_path_factory) -> dict[str, str]:
    """Shared by the tests of this file, so pre-commit installs workoutc only once."""
    if shutil.which("git") is None:
        pytest.fail("pre-commit needs git")
    return _environment(tmp_path_factory.mktemp("home"))


@pytest.fixture(scope="module")
def hook_repository(env, tmp_path_factory) -> tuple[Path, str]:
    """(a repository holding the working tree as one commit, that commit)."""
    listed = _git(env, ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    copy = tmp_path_factory.mktemp("workoutc")
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():  # a tracked file deleted in the working tree is left out
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name, follow_symlinks=False)
    _git(env, copy, "init", "--quiet")
    _git(env, copy, "add", ".")
    _git(env, copy, "commit", "--quiet", "--no-verify", "-m", "the working tree")
    return copy, _git(env, copy, "rev-parse", "HEAD")


def _config(hook_repository: tuple[Path, str], hooks: str) -> str:
    url, rev = hook_repository
    return f"repos:\n  - repo: {url}\n    rev: {rev}\n    hooks:\n{hooks}"


def _library(env: dict[str, str], folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir()
    _git(env, folder, "init", "--quiet")
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    _git(env, folder, "add", ".")
    _git(env, folder, "commit", "--quiet", "--no-verify", "-m", "a library")
    return folder


def _pre_commit(env: dict[str, str], library: Path, *arguments: str) -> tuple[int, str, dict[str, str]]:
    """(exit status, output, each hook's name -> Passed, Failed or Skipped)."""
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--color", "never", *arguments],
        cwd=library,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    output = done.stdout + done.stderr
    results = {
        found[1]: found[2] for found in re.finditer(r"^(\S.*?)\.{3,}.*?(Passed|Failed|Skipped)$", output, re.MULTILINE)
    }
    return done.returncode, output, results


EVERY_HOOK = "      - id: workoutc-check\n      - id: workoutc-check-strict\n      - id: workoutc-fmt\n"


def test_a_library_passes_and_a_plan_changed_alone_is_checked_with_the_workouts_it_names(
    env, hook_repository, tmp_path
):
    library = _library(
        env,
        tmp_path / "library",
        {
            "track.wkt": TRACK,
            "tempo.wkt": TEMPO,
            "plans/week3.wkt": PLAN,
            ".pre-commit-config.yaml": _config(hook_repository, EVERY_HOOK),
        },
    )
    status, output, results = _pre_commit(env, library, "--all-files")
    assert (status, results) == (0, {CHECK: "Passed", STRICT: "Passed", FMT: "Passed"}), output

    # Only the plan is staged: the check hooks still read the whole library.
    (library / "plans/week3.wkt").write_text(PLAN + "  2026-11-30 easy 30min hr<=z2\n", encoding="utf-8")
    _git(env, library, "add", "plans/week3.wkt")
    status, output, results = _pre_commit(env, library)
    assert (status, results) == (0, {CHECK: "Passed", STRICT: "Passed", FMT: "Passed"}), output

    # So does a change to the configuration alone; fmt has nothing to read.
    _git(env, library, "commit", "--quiet", "--no-verify", "-m", "a new day")
    (library / "workoutc.toml").write_text('[athlete]\nlevel = "intermediate"\n', encoding="utf-8")
    _git(env, library, "add", "workoutc.toml")
    status, output, results = _pre_commit(env, library)
    assert (status, results) == (0, {CHECK: "Passed", STRICT: "Passed", FMT: "Skipped"}), output

    # Given only the changed file, as pre-commit does by default, the check would fail:
    # what `pass_filenames: false` is for.
    given = _config(hook_repository, "      - id: workoutc-check\n        args: []\n        pass_filenames: true\n")
    (library / ".pre-commit-config.yaml").write_text(given, encoding="utf-8")
    _git(env, library, "add", ".pre-commit-config.yaml")
    status, output, results = _pre_commit(env, library, "--files", "plans/week3.wkt")
    assert (status, results) == (1, {CHECK: "Failed"}), output
    assert 'no workout named "Track 5x1k"' in output


def test_a_checker_error_anywhere_in_the_library_fails_the_check_hooks(env, hook_repository, tmp_path):
    library = _library(
        env,
        tmp_path / "library",
        {
            "track.wkt": TRACK,
            "drafts/shakeout.wkt": TOO_HARD,
            ".pre-commit-config.yaml": _config(hook_repository, EVERY_HOOK),
        },
    )
    status, output, results = _pre_commit(env, library, "--all-files")
    assert (status, results) == (1, {CHECK: "Failed", STRICT: "Failed", FMT: "Passed"}), output
    assert "drafts/shakeout.wkt:2:13: error R103" in output

    # A change to another file runs the check over the whole library again.
    (library / "track.wkt").write_text(TRACK.replace("5x", "6x"), encoding="utf-8")
    _git(env, library, "add", "track.wkt")
    status, output, results = _pre_commit(env, library)
    assert (status, results[CHECK]) == (1, "Failed"), output
    assert "drafts/shakeout.wkt:2:13: error R103" in output


def test_args_name_the_folders_the_check_reads(env, hook_repository, tmp_path):
    hooks = "      - id: workoutc-check-strict\n        args: [workouts]\n"
    library = _library(
        env,
        tmp_path / "library",
        {
            "workouts/track.wkt": TRACK,
            "workouts/tempo.wkt": TEMPO,
            "workouts/week3.wkt": PLAN,
            "attic/shakeout.wkt": TOO_HARD,  # outside workouts/: not read
            ".pre-commit-config.yaml": _config(hook_repository, hooks),
        },
    )
    status, output, results = _pre_commit(env, library, "--all-files", "--verbose")  # shows a passing hook's output
    assert (status, results) == (0, {STRICT: "Passed"}), output
    assert "3 files" in output


def test_the_fmt_hook_fails_on_an_unformatted_file_and_can_rewrite_it(env, hook_repository, tmp_path):
    library = _library(
        env,
        tmp_path / "library",
        {
            "track.wkt": TRACK,
            "easy.wkt": UNFORMATTED,
            ".pre-commit-config.yaml": _config(hook_repository, EVERY_HOOK),
        },
    )
    status, output, results = _pre_commit(env, library, "--all-files")
    assert (status, results) == (1, {CHECK: "Passed", STRICT: "Passed", FMT: "Failed"}), output
    assert "would reformat easy.wkt" in output
    assert (library / "easy.wkt").read_text(encoding="utf-8") == UNFORMATTED

    rewrite = _config(hook_repository, "      - id: workoutc-fmt\n        args: []\n")
    (library / ".pre-commit-config.yaml").write_text(rewrite, encoding="utf-8")
    status, output, results = _pre_commit(env, library, "--all-files")
    assert (status, results) == (1, {FMT: "Failed"}), output
    assert "files were modified by this hook" in output
    assert (library / "easy.wkt").read_text(encoding="utf-8") == FORMATTED


# The recipe of docs/ci.md: plans spread over weekly files, the sessions they name in others.
PROFILE = '[athlete]\nlevel = "intermediate"\nmax_hr = 188\neasy_pace = "5:20-5:50/km"\nthreshold_pace = "4:10/km"\n'
WEEK_1 = """\
plan "Week 1"
  2026-11-24 "Track 5x1k"
  2026-11-25 easy 45min hr<=z2
  2026-11-27 "Tempo 20"
  2026-11-28 easy 40min hr<=z2
  2026-11-29 long 1h10min hr<=z2
"""
WEEK_2 = 'plan "Week 2"\n  2026-11-30 rest\n  2026-12-01 "Track 5x1k"\n  2026-12-02 easy 45min hr<=z2\n'
RECIPE = (
    "      - id: workoutc-check-strict\n        args: [workouts/]\n        files: ^workouts/\n"
    "      - id: workoutc-fmt\n        files: ^workouts/.*\\.wkt$\n"
)


def test_a_library_of_weekly_plan_files_is_checked_as_one_calendar(env, hook_repository, tmp_path):
    library = _library(
        env,
        tmp_path / "library",
        {
            "workouts/workoutc.toml": PROFILE,
            "workouts/sessions/track.wkt": TRACK,
            "workouts/sessions/tempo.wkt": TEMPO,
            "workouts/plans/week-01.wkt": WEEK_1,
            "workouts/plans/week-02.wkt": WEEK_2,
            ".pre-commit-config.yaml": _config(hook_repository, RECIPE),
        },
    )
    status, output, results = _pre_commit(env, library, "--all-files")
    assert (status, results) == (0, {STRICT: "Passed", FMT: "Passed"}), output

    # Week 2 alone changes: its Monday, the day after week 1's long run, becomes the track session.
    moved = WEEK_2.replace("2026-11-30 rest", '2026-11-30 "Track 5x1k"').replace('  2026-12-01 "Track 5x1k"\n', "")
    (library / "workouts/plans/week-02.wkt").write_text(moved, encoding="utf-8")
    _git(env, library, "add", "workouts/plans/week-02.wkt")
    status, output, results = _pre_commit(env, library)
    assert (status, results) == (1, {STRICT: "Failed", FMT: "Passed"}), output
    assert "workouts/plans/week-02.wkt:2:3: warning P301" in output


def test_the_check_hook_passes_on_the_examples(env, hook_repository, tmp_path):
    files = {f"examples/{p.relative_to(ROOT / 'examples')}": p.read_text(encoding="utf-8") for p in _examples()}
    hooks = "      - id: workoutc-check\n        args: [examples/]\n      - id: workoutc-check-strict\n        args: [examples/]\n"
    library = _library(env, tmp_path / "library", {**files, ".pre-commit-config.yaml": _config(hook_repository, hooks)})
    status, output, results = _pre_commit(env, library, "--all-files")
    # The overreaching week is there to show warnings: only the strict hook fails on them.
    assert (status, results) == (1, {CHECK: "Passed", STRICT: "Failed"}), output


def _examples() -> list[Path]:
    return sorted(p for p in (ROOT / "examples").rglob("*") if p.suffix in (".wkt", ".toml"))
