"""FIT workout file -> model.

The file's type is read first: a workout file gives its workout, a schedules file its
sessions (schedule.py), an activity that holds the workout it followed gives that
workout back (with a loss saying so), and any other file is `NotAWorkout`. Then the
workout message (sport, sub-sport, pool, name, description) is read here and its
steps by steps.py, every value exactly through values.py. Whatever the language
cannot express (developer fields, fields and messages it has no place for, a target
type it lacks, a value beyond its limits) is reported by name as a loss, never
dropped silently and never written as text that does not compile.
language/printer.py turns the workout into text.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..model import FOOT_SPORTS, Pool, Repeat, Step, Workout, expanded_count, fit_step_count
from ..units import LIMITS
from . import profile
from .fields import FILE_ID, WORKOUT, WORKOUT_STEP, Fields, developer_losses, other_message_losses, unread_loss
from .read import FitError, FitFile, read_file
from .schedule import FILE_ID_REF, DecompiledSchedule, FileRef, read_schedule
from .steps import NOWHERE, Reading, clean, rebuild
from .values import HUNDREDTHS, POOL_UNIT, SPORT, SUB_SPORT

SCHEDULE = profile.SCHEDULE_MESSAGE
FOLLOWED = "this is an activity; the workout it followed is given back"


class NotAWorkout(FitError):
    """A readable FIT file of another type than workout or schedules (an activity, a
    course, settings): nothing for decompile, rather than damaged."""


@dataclass
class Decompiled:
    workout: Workout
    losses: list[str] = field(default_factory=list)  # what the language could not express
    file: FileRef | None = None  # the file's identity, by which schedules name it


def decompile(data: bytes, fallback_name: str) -> Decompiled:
    """A FIT workout file's workout. Raises FitError for files that are not readable
    FIT workout files (NotAWorkout for other readable FIT files, schedules included)."""
    result = decompile_any(data, fallback_name)
    if not isinstance(result, Decompiled):
        raise NotAWorkout("not a workout file (it is a schedule)")
    return result


def decompile_any(data: bytes, fallback_name: str) -> Decompiled | DecompiledSchedule:
    """A FIT workout file's workout or a schedules file's sessions. Raises FitError for
    files that are neither, NotAWorkout when they are readable FIT files."""
    fit = read_file(data)
    file_id = next((values for number, values in fit.messages if number == FILE_ID), None)
    raw_type = file_id.get(profile.FILE_ID_TYPE.number) if file_id is not None else None
    if file_id is not None and not isinstance(raw_type, int):
        raise NotAWorkout("not a workout file (its file_id gives no file type)")
    file_type = raw_type if isinstance(raw_type, int) else None
    if file_type == profile.FILE_TYPE_SCHEDULES:
        return read_schedule([values for number, values in fit.messages if number == SCHEDULE])
    losses: list[str] = []
    if file_type == profile.FILE_TYPE_ACTIVITY and any(number == WORKOUT_STEP for number, _ in fit.messages):
        losses.append(FOLLOWED)
    elif file_id is not None and file_type != profile.FILE_TYPE_WORKOUT:
        raise NotAWorkout(f"not a workout file (it is {_kind(file_type or 0)})")
    else:
        losses += other_message_losses(fit)
    workout = _workout(fit, fallback_name, losses)
    return Decompiled(workout, losses, FileRef.read(file_id or {}, FILE_ID_REF))


def _kind(file_type: int) -> str:
    """A FIT file type in words: "an activity", "a course", "a settings file"."""
    name = profile.FILE_TYPE_NAMES.get(file_type)
    if name is None:
        return f"a file of type {file_type}"
    shown = name.replace("_", " ") + ("" if name in ("activity", "course", "segment") else " file")
    return ("an " if shown[0] in "aeiou" else "a ") + shown


def _workout(fit: FitFile, fallback_name: str, losses: list[str]) -> Workout:
    values: dict = next((values for number, values in fit.messages if number == WORKOUT), {})
    raw_steps = [values for number, values in fit.messages if number == WORKOUT_STEP]
    if not raw_steps:
        raise FitError("the file holds no workout steps")
    losses += developer_losses(fit, {FILE_ID, WORKOUT, WORKOUT_STEP})
    header = Fields(WORKOUT, values, "the workout", losses)
    sport, sub_sport = _sport(header, losses), _sub_sport(header, losses)
    pool = _pool(header, losses)
    description = clean(header.text(profile.WORKOUT_DESCRIPTION.number), "the workout description", losses)
    name = _name(header.text(profile.WORKOUT_NAME.number), fallback_name, losses)
    losses += unread_loss(header)
    reading = Reading(speed_unit(sport, pool), losses)
    steps = _within_limits(rebuild(sorted(raw_steps, key=_index), reading), losses)
    return Workout(
        name, None, tuple(steps), NOWHERE, "", sport, sub_sport=sub_sport, pool=pool, description=description
    )


def _index(values: dict) -> int:
    index = values.get(profile.MESSAGE_INDEX.number, 0)
    return index if type(index) is int else 0


def speed_unit(sport: str, pool: Pool | None) -> str:
    """How the sport reads a speed: a pace per km on foot, per 100 m or 100 yd (the
    pool's unit) swimming, and a speed in km/h on a bike or anything else."""
    if sport in FOOT_SPORTS:
        return "s/km"
    if sport == "swimming":
        return "s/100yd" if pool is not None and pool.unit == "yd" else "s/100m"
    return "km/h"


def _name(given: str | None, fallback: str, losses: list[str]) -> str:
    """The workout's name as the language takes it: not blank, no spaces at its ends.
    A blank one gives way to the file's name, as a missing one does."""
    cleaned = clean(given, "the workout name", losses)
    name = (cleaned or "").strip()
    if name:
        if name != cleaned:
            losses.append("the workout name has spaces at its ends; they are left out")
        return name
    stem = (clean(fallback, "the file's name", losses) or "").strip() or "workout"
    if cleaned is not None:
        losses.append(f'the workout name is blank; it is written as "{stem}", the file\'s name')
    return stem


def _sport(header: Fields, losses: list[str]) -> str:
    value = header.number(profile.WORKOUT_SPORT.number)
    if value is None:
        return "running"
    if value in SPORT.value:
        return SPORT.value[value]
    losses.append(f"the workout's sport is {value}, which FIT does not define; it is written as running")
    return "running"


def _sub_sport(header: Fields, losses: list[str]) -> str | None:
    value = header.number(profile.WORKOUT_SUB_SPORT.number)
    if value is None or value in SUB_SPORT.value:
        return None if value is None else SUB_SPORT.value[value]
    losses.append(f"the workout's sub_sport is {value}, which FIT does not define; it is left out")
    return None


def _pool(header: Fields, losses: list[str]) -> Pool | None:
    length = header.number(profile.WORKOUT_POOL_LENGTH.number)
    unit = header.number(profile.WORKOUT_POOL_LENGTH_UNIT.number)
    if length is None or length == 0:
        if unit is not None:
            losses.append("the workout's pool_length_unit comes without a pool length; left out")
        return None
    if unit is None or unit not in POOL_UNIT.value:
        losses.append(f"the workout's pool_length_unit is {unit}, not metric or statute; the pool is in metres")
        return Pool(HUNDREDTHS.decode(length), "m")
    return Pool(HUNDREDTHS.decode(length), POOL_UNIT.value[unit])


def _within_limits(nodes: list[tuple[int, Step | Repeat]], losses: list[str]) -> list[Step | Repeat]:
    """The workout's steps within the language's step counts (FIT steps, and steps once
    repeats are counted out): whole steps and repeats in order, until one would pass a
    limit; a counted repeat that would is done fewer times if that is enough."""
    fit_limit, run_limit = LIMITS.fit_steps, LIMITS.expanded_steps
    kept: list[Step | Repeat] = []
    fit_steps = run_steps = 0
    for start, node in nodes:
        size, runs = fit_step_count((node,)), expanded_count((node,))
        if isinstance(node, Repeat) and node.count and fit_steps + size <= fit_limit and run_steps + runs > run_limit:
            once = expanded_count(node.steps)
            count = (run_limit - run_steps) // once
            if count >= 1:
                losses.append(
                    f"the repeat from step {start}: {node.count} times would take the workout past "
                    f"{run_limit:,} steps; it is written {count} time{'' if count == 1 else 's'}"
                )
                kept.append(replace(node, count=count))
                fit_steps, run_steps = fit_steps + size, run_steps + count * once
                continue
        if fit_steps + size > fit_limit or run_steps + runs > run_limit:
            losses.append(
                f"from step {start} on, the workout is longer than the language takes ({fit_limit:,} steps, "
                f"{run_limit:,} once repeats are counted out); those steps are left out"
            )
            break
        kept.append(node)
        fit_steps, run_steps = fit_steps + size, run_steps + runs
    return kept
