"""grammar/workout.lark is the one copy of the grammar, and the build ships it."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
import zipfile

from workoutc.language.grammar import grammar_text

from ..helpers import ROOT

GRAMMAR = ROOT / "grammar" / "workout.lark"


def test_the_repository_holds_one_grammar():
    tracked = subprocess.run(["git", "ls-files", "*.lark"], cwd=ROOT, capture_output=True, text=True, check=True)
    assert tracked.stdout.split() == ["grammar/workout.lark"]


def test_the_parser_reads_the_grammar_file_itself():
    assert grammar_text() == GRAMMAR.read_text(encoding="utf-8")


def test_every_package_under_src_is_listed_for_the_build():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(init.parent.relative_to(ROOT / "src").parts) for init in (ROOT / "src").rglob("__init__.py")}
    assert found | {"workoutc.grammar"} == listed


def test_a_built_wheel_carries_the_grammar_and_the_templates(tmp_path):
    tree = tmp_path / "tree"
    tree.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, tree / name)
    for folder in ("src", "grammar"):
        shutil.copytree(ROOT / folder, tree / folder, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path / "dist"),
            str(tree),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    [wheel] = (tmp_path / "dist").glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        assert archive.read("workoutc/grammar/workout.lark") == GRAMMAR.read_bytes()
    assert "workoutc/emit/templates/workout.html" in names
    assert not any(name.endswith(".lark") and name != "workoutc/grammar/workout.lark" for name in names)
