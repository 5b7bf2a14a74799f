"""Shared by the rules that judge a session's total length."""

from __future__ import annotations

from ...diagnostics import Problem
from ...units import shown
from ..training import workout_seconds


def longer_than(workout, ctx, what: str, hint: str):
    """A problem when the session lasts more than the rule's `max_minutes`."""
    limit = ctx.options["max_minutes"]
    minutes = workout_seconds(workout, ctx.athlete) / 60
    if minutes > limit:
        yield Problem(workout.span, f"this {what} lasts {shown(minutes, limit)} min, more than {limit:g} min", hint)
