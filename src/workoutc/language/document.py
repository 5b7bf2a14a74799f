"""Whole workouts and plans: the checks made on them as they are lowered, and a
file's lowered items gathered into a `Document` (or its errors)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import PurePath
from typing import NamedTuple

from .. import units
from ..diagnostics import Diagnostic, Span, input_error
from ..model import (
    Document,
    Lengths,
    Node,
    Plan,
    PlanEntry,
    Repeat,
    Workout,
    expanded_count,
    fit_step_count,
    walk_steps,
)
from ..names import readable
from .callbacks import Invalid, LowerError
from .vocabulary import SPORT_WORD_OF, hyphenated


class Session(NamedTuple):
    """A one-line session as lowered: what its words say, and its steps."""

    kind: str | None
    sport: str
    sub_sport: str | None
    label: str  # its words as written, in lower case: `long ride`
    steps: tuple[Node, ...]
    span: Span


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


def sport_word(workout: Workout) -> str:
    """How a workout's sport is written: `strength`, `indoor-cycling` is `cycling`."""
    return SPORT_WORD_OF.get(workout.sub_sport or "") or hyphenated(workout.sport)


def check_sport(workout: Workout) -> Workout:
    """Swim strokes and equipment belong to swims, lengths to a workout with a pool."""
    for step in walk_steps(workout.steps):
        if (step.stroke or step.equipment) and workout.sport != "swimming":
            raise LowerError(
                step.span,
                f"a swim {'stroke' if step.stroke else 'piece of equipment'} in a {sport_word(workout)} workout",
                'strokes and equipment belong to swims: `workout "Name" swim` or `pool 25m`',
            )
        if isinstance(step.duration, Lengths) and workout.pool is None:
            raise LowerError(
                step.duration.span or step.span,
                "lengths need the pool's length",
                'name the pool on the workout\'s line: `workout "Name" pool 25m`',
            )
    return workout


def name_sessions(plans: list[Plan]) -> list[Plan]:
    """Name the one-line sessions of a file's plans, all plans together (names are
    unique per file), by kind and date: `easy 11-26`, at most 17 bytes.

    When the sessions fall in more than one calendar year, the name carries the year
    and the date comes first: `2026-03-14 easy`. First, because a watch shows about 16
    bytes of a name (rule D402) and cuts the end: `2026-03-14 recov` still tells every
    day and kind apart, where `recovery 2026-03` would not. A second session of the same
    kind on the same day gets a number: `easy 11-26 2`.
    """
    days = {entry.day.year for plan in plans for entry in plan.entries if entry.workout is not None}
    with_year = len(days) > 1
    taken: set[str] = set()

    def named(entry: PlanEntry) -> PlanEntry:
        workout = entry.workout
        if workout is None:
            return entry
        words = workout.name  # the session's words as written: `easy`, `long ride`
        name = f"{entry.day:%Y-%m-%d} {words}" if with_year else f"{words} {entry.day:%m-%d}"
        base, number = name, 2
        while name.casefold() in taken:
            name, number = f"{base} {number}", number + 1
        taken.add(name.casefold())
        return replace(entry, workout=replace(workout, name=name))

    return [replace(plan, entries=tuple(named(entry) for entry in plan.entries)) for plan in plans]


def finish(items: list, path: str) -> tuple[Document | None, list[Diagnostic]]:
    """The file's top-level items, lowered, into a Document; or (None, diagnostics)."""
    default_name = readable(PurePath(path).stem) or "workout"
    errors = [error for item in items if isinstance(item, Invalid) for error in item.errors]
    diagnostics = [input_error(e.code, path, e.span, e.message, e.hint) for e in errors]
    named: list[tuple[Workout, str]] = []  # each workout and where its name comes from
    workouts, plans = [], []
    for item in items:
        if isinstance(item, Session):  # a top-level one-line session
            session = Workout(default_name, item.kind, item.steps, item.span, path, item.sport, True, item.sub_sport)
            workouts.append(session)
            named.append((workouts[-1], FROM_FILE))
        elif isinstance(item, Workout):
            workouts.append(item)
            named.append((item, GIVEN))
        elif isinstance(item, Plan):
            plans.append(item)
    plans = name_sessions(plans)
    named += [(entry.workout, FROM_SESSION) for plan in plans for entry in plan.entries if entry.workout]
    diagnostics += _duplicate_names(named, path)
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


GIVEN, FROM_FILE, FROM_SESSION = "given", "file", "session"  # where a workout's name comes from


def _duplicate_names(named: list[tuple[Workout, str]], path: str) -> list[Diagnostic]:
    """E005 for each workout whose name an earlier one of the file has (case aside).
    Plan sessions come last and never share a name among themselves (name_sessions)."""
    first: dict[str, tuple[Workout, str]] = {}
    found = []
    for workout, origin in named:
        key = workout.name.casefold()
        if key in first:
            found.append(
                input_error(
                    "E005", path, workout.span, f'a second workout named "{workout.name}"', _why(first[key], origin)
                )
            )
        else:
            first[key] = (workout, origin)
    return found


def _why(first: tuple[Workout, str], origin: str) -> str:
    """The hint for a second workout of a name: where the first is, and how a name that
    was not written came about."""
    line = first[0].span.line
    if origin == FROM_SESSION:
        return f"a plan's one-line session is named by its kind and date: rename the workout at line {line}"
    hint = f"the first is at line {line}; names must be unique within a file"
    if origin == FROM_FILE:
        return hint + "; a one-line session is named after its file"
    if first[1] == FROM_FILE:
        return hint + f"; the one-line session at line {line} is named after its file"
    return hint
