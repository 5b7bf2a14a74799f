"""The copy of the FIT profile (src/workoutc/fit/profile.py) is fit-tool's, and fit-tool is
never imported at run time."""

from __future__ import annotations

import subprocess
import sys

from tools.gen_fit_profile import TARGET, render


def test_the_copied_profile_is_what_fit_tool_defines():
    assert TARGET.read_text(encoding="utf-8") == render(), "stale: run `make fit-profile` and review the diff"


def test_no_module_imports_fit_tool_at_run_time(tmp_path):
    (tmp_path / "a.wkt").write_text('workout "A" tempo\n  run 20min hr z3\nplan "P"\n  2026-11-24 "A"\n')
    code = (
        "import pkgutil, sys, importlib, workoutc; from workoutc.cli import main\n"
        "for module in pkgutil.walk_packages(workoutc.__path__, 'workoutc.'):\n"
        "    if not module.name.endswith('__main__'): importlib.import_module(module.name)\n"
        f"main(['compile', {str(tmp_path / 'a.wkt')!r}, '-o', {str(tmp_path / 'out')!r}, '--html'])\n"
        f"main(['decompile', {str(tmp_path / 'out' / 'a.fit')!r}])\n"
        "print(sorted(name for name in sys.modules if name.startswith('fit_tool')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"
