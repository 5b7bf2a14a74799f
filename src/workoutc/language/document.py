"""Whole workouts and plans: the checks made on them as they are lowered, and a
file's lowered items gathered into a `Document` (or its errors)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import PurePath

from .. import units
from ..diagnostics import Diagnostic, Span, input_error
from ..model import Document, Plan, PlanEntry, Repeat, Workout, expanded_count, fit_step_count
from ..names import readable
from .callbacks import Invalid, LowerError


def _depth(nodes) -> int:
    """Repeat levels in `nodes` (each level was checked as it was built, so this is shallow)."""
    return max((1 + _depth(node.steps) for node in nodes if isinstance(node, Repeat)), default=0)


def check_nesting(steps, span: Span) -> None:
    limit = units.LIMITS.repeat_depth
    if _depth(steps) >= limit:
        raise LowerError(
            Span(span.line, span.column, span.line, span.column + 1),
            f"repeats nest at most {limit} deep",
            "flatten the inner repeats",
        )


def check_size(workout: Workout) -> Workout:
    """A workout stays within the FIT step and expanded step limits."""
    fit_steps, limit = fit_step_count(workout.steps), units.LIMITS.fit_steps
    if fit_steps > limit:
        raise LowerError(workout.span, f"this workout is {fit_steps:,} steps; workoutc takes at most {limit:,}")
    expanded, limit = expanded_count(workout.steps), units.LIMITS.expanded_steps
    if expanded > limit:
        raise LowerError(
            workout.span,
            f"this workout runs {expanded:,} steps once its repeats are counted out; workoutc takes at most {limit:,}",
            "use fewer or shorter repeats",
        )
    return workout


def name_sessions(entries: tuple[PlanEntry, ...]) -> tuple[PlanEntry, ...]:
    """Name the one-line sessions of a plan by kind and date: `easy 11-26`.

    At most 17 bytes (`progression 11-26`), so a watch shows nearly all of it; a second
    session of the same kind on the same day gets a number: `easy 11-26 2`.
    """
    named, taken = [], set()
    for entry in entries:
        workout = entry.workout
        if workout is not None:
            name = f"{workout.kind} {entry.day:%m-%d}"
            base, number = name, 2
            while name.casefold() in taken:
                name, number = f"{base} {number}", number + 1
            taken.add(name.casefold())
            named.append(PlanEntry(entry.day, entry.at, replace(workout, name=name), None, entry.span))
        else:
            named.append(entry)
    return tuple(named)


def finish(items: list, path: str) -> tuple[Document | None, list[Diagnostic]]:
    """The file's top-level items, lowered, into a Document; or (None, diagnostics)."""
    default_name = readable(PurePath(path).stem) or "workout"
    errors = [error for item in items if isinstance(item, Invalid) for error in item.errors]
    diagnostics = [input_error(e.code, path, e.span, e.message, e.hint) for e in errors]
    workouts, plans = [], []
    for item in items:
        if isinstance(item, tuple):  # a top-level one-line session
            kind, steps, span = item
            workouts.append(Workout(default_name, kind, steps, span, path, one_line=True))
        elif isinstance(item, Workout):
            workouts.append(item)
        elif isinstance(item, Plan):
            plans.append(item)
    diagnostics += _duplicate_names(workouts + [e.workout for p in plans for e in p.entries if e.workout], path)
    if not items and not diagnostics:
        diagnostics.append(
            input_error(
                "E008",
                path,
                Span.point(1, 1),
                "this file defines no workout or plan",
                "a workout can be one line: `easy 40min hr<=z2`",
            )
        )
    if diagnostics:
        return None, sorted(diagnostics, key=lambda d: d.sort_key)
    return Document(path, tuple(workouts), tuple(plans)), []


def _duplicate_names(workouts: list[Workout], path: str) -> list[Diagnostic]:
    first: dict[str, Workout] = {}
    found = []
    for workout in workouts:
        key = workout.name.casefold()
        if key in first:
            other = first[key]
            found.append(
                input_error(
                    "E005",
                    path,
                    workout.span,
                    f'a second workout named "{workout.name}"',
                    f"the first is at line {other.span.line}; names must be unique within a file"
                    + ("" if not workout.one_line else "; a one-line session is named after its file"),
                )
            )
        else:
            first[key] = workout
    return found
