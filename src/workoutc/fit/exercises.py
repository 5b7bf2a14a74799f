"""FIT's catalogue of strength and cardio exercises: placeholder until generated."""

from __future__ import annotations

from .profile import EXERCISE_CATEGORY_NAMES

CATEGORY_CODES = {name: code for code, name in EXERCISE_CATEGORY_NAMES.items()}


def codes(category: str, name: str | None) -> tuple[int, int]:
    """(exercise_category, exercise_name) raw values."""
    return CATEGORY_CODES[category], 65535 if name is None else 0
