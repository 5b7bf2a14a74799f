"""Whole-workout measures worked out once: within `remembered()` (a run of the plan
checks, or of the pages) a measure decorated with `per_workout` is worked out once per
workout and profile, however many plan entries name the workout."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from typing import Any, TypeVar

from ..model import Workout

# A plan may name one workout thousands of times; within `remembered()` each measure of
# a whole workout is worked out once per profile. Keyed by id(workout) and holding the
# workout, so an id is not reused while its entry lives.
_MEMO: ContextVar[dict | None] = ContextVar("workoutc_training_memo", default=None)
_Value = TypeVar("_Value")


@contextmanager
def remembered() -> Iterator[None]:
    """Remember whole-workout measures until the block ends (one run of the checker or pages)."""
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


class _Reads:
    """An athlete that notes each profile value read, first reads only, in order."""

    def __init__(self, athlete):
        self._athlete = athlete
        self.reads: dict[str, object] = {}

    def __getattr__(self, name: str):
        value = getattr(self._athlete, name)
        self.reads.setdefault(name, value)
        return value


def per_workout(measure: Callable[[Workout, Any], _Value]) -> Callable[[Workout, Any], _Value]:
    """`measure(workout, athlete)`, remembered inside `remembered()`.

    A remembered value is reused when the athlete gives the same values it was worked
    out from; they are read again in the order `measure` read them, so a recording
    athlete notes the same missing values, in the same order, as a fresh call. (The
    reads stop at the first difference: up to there `measure` would read the same.)
    """

    @wraps(measure)
    def remembering(workout: Workout, athlete) -> _Value:
        memo = _MEMO.get()
        if memo is None:
            return measure(workout, athlete)
        known = memo.setdefault((measure.__name__, id(workout)), (workout, []))[1]
        for reads, value in known:
            if all(getattr(athlete, name) == seen for name, seen in reads.items()):
                return value
        reader = _Reads(athlete)
        value = measure(workout, reader)
        known.append((reader.reads, value))
        return value

    return remembering
