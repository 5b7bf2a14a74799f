"""The encoder's copy of the FIT profile (src/workoutc/fit/profile.py) is fit-tool's."""

from __future__ import annotations

import subprocess
import sys

from tools.gen_fit_profile import TARGET, render


def test_the_copied_profile_is_what_fit_tool_defines():
    assert TARGET.read_text(encoding="utf-8") == render(), "stale: run `make fit-profile` and review the diff"


def test_encoding_a_workout_does_not_import_fit_tool():
    code = (
        "import sys; from workoutc.language.lower import lower_text; from workoutc.fit.encode import encode_workout; "
        "doc, _, _ = lower_text('easy 30min hr<z2\\n', 'a.wkt'); encode_workout(doc.workouts[0], 0); "
        "print(any(name.startswith('fit_tool') for name in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
