"""The exercise catalogue (src/workoutc/fit/exercise_names.py) and its page
(docs/exercises.md) are fit-tool's, and agree with Garmin's own SDK."""

from __future__ import annotations

from garmin_fit_sdk import Profile

from tools.gen_exercises import DOCS, TARGET, render, render_docs
from workoutc.fit.exercise_names import EXERCISE_NAMES
from workoutc.fit.profile import EXERCISE_CATEGORY_NAMES


def test_the_copied_catalogue_is_what_fit_tool_defines():
    assert TARGET.read_text(encoding="utf-8") == render(), "stale: run `make fit-profile` and review the diff"


def test_the_exercise_page_is_current():
    assert DOCS.read_text(encoding="utf-8") == render_docs(), "stale: run `make fit-profile` and review the diff"


def test_every_category_of_the_profile_is_in_the_catalogue():
    assert list(EXERCISE_NAMES) == [EXERCISE_CATEGORY_NAMES[code] for code in sorted(EXERCISE_CATEGORY_NAMES)]


def test_the_names_are_garmins():
    types = Profile["types"]
    for category, names in EXERCISE_NAMES.items():
        garmin = types.get(f"{category}_exercise_name", {})
        assert names == {int(code): name for code, name in garmin.items()}, category
