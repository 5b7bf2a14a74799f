"""Targets written relative to the athlete, given one athlete's numbers.

`resolve(document, athlete, path)` returns a copy of the document whose every pace,
`lthr` and `reserve` target (`pace threshold+10s`, `pace 95-100% T`, `hr 80-85% lthr`,
`hr 60% reserve`) holds that athlete's range: low, high and unit set, `relative` kept,
so pages can show both and `fmt` still prints what was written. A target whose profile
value is missing is an E009 error at the target, one that resolves beyond the
language's limits an E004; either stays unresolved (low None), and its workout must
not be encoded (fit/encode.py refuses it). Targets relative to zones (`hr<=z2`) hold
the default zones' % of max from lowering; with another zone model (`hr_zones`) they
become that athlete's bpm range.

Cost: lowering gathers each file's references (`Document.references`), so a document
with none of these is returned as it is, without a walk. In a document with some,
each distinct target is worked out once, and unchanged workouts, repeats and steps are
the same objects in the copy. Targets relative to FTP are left as they are (the watch
applies its own).
"""

from __future__ import annotations

import math
from dataclasses import replace

from .. import units
from ..diagnostics import Diagnostic, input_error
from ..language.printer import relative_text
from ..language.source import Loaded
from ..language.targets import zones_of_bound
from ..language.vocabulary import PACE_REFERENCES
from ..model import Document, Node, Plan, Relative, Repeat, Step, Target, Workout
from ..units import pace_limits
from .config import Athlete
from .zones import hr_zone_bpm, hr_zone_needs

RESOLVED_HERE = frozenset({*PACE_REFERENCES, "lthr", "reserve"})
PACE_KEYS = {reference: f"{reference}_pace" for reference in PACE_REFERENCES}


class _Unresolvable(Exception):
    def __init__(self, code: str, message: str, hint: str | None = None):
        super().__init__(message)
        self.code, self.message, self.hint = code, message, hint


def resolve(document: Document, athlete: Athlete, path: str) -> tuple[Document, list[Diagnostic]]:
    """The document with `athlete`'s numbers in its relative targets, and the errors of
    those it could not resolve."""
    if not needs_resolving(document, athlete):
        return document, []
    resolver = _Resolver(athlete, path)
    workouts = tuple(resolver.workout(workout) for workout in document.workouts)
    plans = tuple(resolver.plan(plan) for plan in document.plans)
    return replace(document, workouts=workouts, plans=plans, resolved=True), resolver.diagnostics


def needs_resolving(document: Document, athlete: Athlete) -> bool:
    """Whether the document has targets that `athlete`'s numbers change, not yet given them."""
    return not document.resolved and _to_resolve(document.references, athlete)


def resolve_loaded(loaded: Loaded, athlete: Athlete) -> Loaded:
    """A loaded file with `athlete`'s numbers in its relative targets; a value the profile
    lacks makes it a file that cannot be compiled (its E009 errors, no document)."""
    if loaded.document is None or not needs_resolving(loaded.document, athlete):
        return loaded
    document, problems = resolve(loaded.document, athlete, loaded.path)
    if problems:
        return loaded._replace(document=None, comments=(), diagnostics=tuple(problems))
    return loaded._replace(document=document)


def _to_resolve(references: frozenset[str], athlete: Athlete) -> bool:
    return bool(references & RESOLVED_HERE) or ("zone" in references and athlete.hr_zones != "max")


def resolve_workout(workout: Workout, athlete: Athlete, path: str) -> tuple[Workout, list[Diagnostic]]:
    """One workout (as `Loaded.workout` lowers it again, with no Document): its steps are walked."""
    resolver = _Resolver(athlete, path)
    return resolver.workout(workout), resolver.diagnostics


class _Resolver:
    def __init__(self, athlete: Athlete, path: str):
        self.athlete, self.path = athlete, path
        self.diagnostics: list[Diagnostic] = []
        self.known: dict[Relative, tuple[float, float, str] | _Unresolvable] = {}  # a library repeats its targets

    def plan(self, plan: Plan) -> Plan:
        entries = tuple(
            entry if entry.workout is None else replace(entry, workout=self.workout(entry.workout))
            for entry in plan.entries
        )
        return plan if _same(entries, plan.entries) else replace(plan, entries=entries)

    def workout(self, workout: Workout) -> Workout:
        steps = self.nodes(workout.steps)
        return workout if steps is workout.steps else replace(workout, steps=steps)

    def nodes(self, nodes: tuple[Node, ...]) -> tuple[Node, ...]:
        done = tuple(self.repeat(node) if isinstance(node, Repeat) else self.step(node) for node in nodes)
        return nodes if _same(done, nodes) else done

    def repeat(self, repeat: Repeat) -> Repeat:
        steps = self.nodes(repeat.steps)
        return repeat if steps is repeat.steps else replace(repeat, steps=steps)

    def step(self, step: Step) -> Step:
        targets = tuple(self.target(target) for target in step.targets)
        return step if _same(targets, step.targets) else replace(step, targets=targets)

    def target(self, target: Target) -> Target:
        relative = target.relative
        if relative is None or target.unit == "bpm" or not _to_resolve(frozenset({relative.reference}), self.athlete):
            return target
        if relative.reference in RESOLVED_HERE and target.low is not None:
            return target
        if relative not in self.known:
            try:
                self.known[relative] = resolved_range(relative, self.athlete)
            except _Unresolvable as problem:
                self.known[relative] = problem
        found = self.known[relative]
        if isinstance(found, _Unresolvable):
            self.diagnostics.append(input_error(found.code, self.path, target.span, found.message, found.hint))
            return target
        low, high, unit = found
        return replace(target, low=low, high=high, unit=unit)


def _same(new: tuple, old: tuple) -> bool:
    return all(a is b for a, b in zip(new, old, strict=True))


def resolved_range(relative: Relative, athlete: Athlete) -> tuple[float, float, str]:
    """(low, high, unit) of a pace, `lthr`, `reserve` or zone target for `athlete`, or _Unresolvable."""
    if relative.reference in PACE_KEYS:
        return _pace(relative, athlete)
    if relative.reference == "zone":
        return _zones(relative, athlete)
    return _heart_rate(relative, athlete)


def _zones(relative: Relative, athlete: Athlete) -> tuple[float, float, str]:
    """`hr<=z2` under the athlete's zone model: from the bottom of its first zone to the
    top of its last, in whole bpm."""
    assert relative.bound is not None, "a target relative to zones has its bound"
    op, number = relative.bound
    first, last = zones_of_bound(op, number)
    bottom, top = hr_zone_bpm(athlete, first), hr_zone_bpm(athlete, last)
    if bottom is None or top is None:
        table = "athlete" if athlete.name is None else f"athletes.{athlete.name}"
        raise _Unresolvable(
            "E009",
            f"`hr{op}z{number}` in the athlete's zones (hr_zones = {athlete.hr_zones!r}) needs {hr_zone_needs(athlete)}",
            f"set it in workoutc.toml under [{table}]",
        )
    return math.floor(bottom[0] + 0.5), math.floor(top[1] + 0.5), "bpm"


def _pace(relative: Relative, athlete: Athlete) -> tuple[float, float, str]:
    """Per `relative.per`: the reference pace, as a percentage of its speed, or plus the offset;
    a single pace gets the window of a single written pace (`pace 4:00/km`)."""
    fast, slow = _reference_pace(relative, athlete)
    size = units.PACE_UNITS[relative.per] / 1000  # the reference is per km
    fast, slow = fast * size, slow * size
    if relative.percent is not None:
        low, high = relative.percent
        fast, slow = fast * 100 / high, slow * 100 / low  # a higher speed is a faster pace
    if relative.offset is not None:
        fast, slow = fast + relative.offset[0], slow + relative.offset[1]
    floor, ceiling = pace_limits(relative.per)
    for pace in (fast, slow):
        if not floor <= pace <= ceiling:
            raise _beyond(relative, athlete, pace, floor if pace < floor else ceiling)
    if fast == slow:
        half = units.SINGLE_VALUE_HALF_WIDTH["pace"]
        fast, slow = max(fast - half, floor), min(slow + half, ceiling)
    return round(fast, 3), round(slow, 3), f"s/{relative.per}"


def _reference_pace(relative: Relative, athlete: Athlete) -> tuple[float, float]:
    """(fast, slow) seconds per km: easy is a range, every other pace one value."""
    key = PACE_KEYS[relative.reference]
    pace = getattr(athlete, key)
    if pace is None:
        raise _missing(relative, athlete, [key, "race"], "or")
    return pace if isinstance(pace, tuple) else (pace, pace)


def _beyond(relative: Relative, athlete: Athlete, pace: float, limit: float) -> _Unresolvable:
    per = relative.per
    side = "faster than the fastest" if pace < limit else "slower than the slowest"
    key = PACE_KEYS[relative.reference]
    return _Unresolvable(
        "E004",
        f"`{relative_text(relative, 'pace')}` is {units.format_clock(pace)}/{per} for this athlete, "
        f"{side} pace a target may ask for ({units.format_clock(limit)}/{per})",
        f"check athlete.{key}",
    )


def _heart_rate(relative: Relative, athlete: Athlete) -> tuple[float, float, str]:
    """bpm: a percentage of LTHR, or of the reserve above resting heart rate (Karvonen);
    a single percentage gets the window of a single written bpm value (`hr 150bpm`)."""
    if relative.reference == "lthr":
        needed = {"lthr": athlete.lthr}
        base, scale = 0, athlete.lthr or 0
    else:
        needed = {"max_hr": athlete.max_hr, "resting_hr": athlete.resting_hr}
        base, scale = athlete.resting_hr or 0, (athlete.max_hr or 0) - (athlete.resting_hr or 0)
    missing = [key for key, value in needed.items() if value is None]
    if missing:
        raise _missing(relative, athlete, missing, "and")
    assert relative.percent is not None, "a heart rate relative to the athlete is a percentage"
    low, high = (math.floor(base + percent * scale / 100 + 0.5) for percent in relative.percent)  # halves up
    floor, ceiling = units.LEVEL_LIMITS["bpm"]
    if low < floor or high > ceiling:
        shown = f"{low}" if low == high else f"{low}-{high}"
        raise _Unresolvable(
            "E004",
            f"`{relative_text(relative, 'hr')}` is {shown} bpm for this athlete, outside {floor}-{ceiling} bpm",
            f"check athlete.{', athlete.'.join(needed)}",
        )
    if relative.percent[0] == relative.percent[1]:
        half = units.SINGLE_VALUE_HALF_WIDTH["bpm"]
        low, high = max(low - half, floor), min(high + half, ceiling)
    return low, high, "bpm"


def _missing(relative: Relative, athlete: Athlete, keys: list[str], joined: str) -> _Unresolvable:
    keyword = "pace" if relative.reference in PACE_KEYS else "hr"
    table = "athlete" if athlete.name is None else f"athletes.{athlete.name}"
    return _Unresolvable(
        "E009",
        f"`{relative_text(relative, keyword)}` needs {f' {joined} '.join(f'athlete.{key}' for key in keys)}",
        f"set {'them' if joined == 'and' and len(keys) > 1 else 'it'} in workoutc.toml under [{table}]",
    )
