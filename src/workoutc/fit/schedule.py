"""A schedules file (what compiling a plan writes beside its workouts) -> a plan.

Any field may hold any base type; one the reader needs as a number that holds
something else is absent, with a loss. Each schedule message puts a workout on the watch's calendar: a local date and time,
and the workout file it names by that file's maker, serial number and time_created
(how the watch knows a file; encode.encode_schedule writes them). Nothing in the
schedule says what the workout is called: `schedule_plan` names a session after the
workout file decompiled with it that has that identity (`WorkoutNames`), and a
session whose workout is not among them is a loss, never a guessed name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from ..diagnostics import Span
from ..model import Plan, PlanEntry
from ..units import LIMITS
from . import profile
from .values import Unsupported, decode_local_time

NOWHERE = Span(1, 1, 1, 2)  # decoded entries come from no source text
FILE_ID_REF = (
    profile.FILE_ID_MANUFACTURER,
    profile.FILE_ID_PRODUCT,
    profile.FILE_ID_SERIAL_NUMBER,
    profile.FILE_ID_TIME_CREATED,
)
SCHEDULE_REF = (
    profile.SCHEDULE_MANUFACTURER,
    profile.SCHEDULE_PRODUCT,
    profile.SCHEDULE_SERIAL_NUMBER,
    profile.SCHEDULE_TIME_CREATED,
)


@dataclass(frozen=True)
class FileRef:
    """A workout file as a schedule names it, and as the watch knows it: its file_id's
    manufacturer, product, serial number and time_created (raw FIT values)."""

    manufacturer: int | None
    product: int | None
    serial_number: int | None
    time_created: int | None

    @classmethod
    def read(cls, fields: dict, numbers: tuple[profile.Field, ...]) -> FileRef:
        """From a file_id (FILE_ID_REF) or schedule (SCHEDULE_REF) message's fields."""
        manufacturer, product, serial, created = (_whole(fields.get(f.number)) for f in numbers)
        return cls(manufacturer, product, serial, created)

    @property
    def key(self) -> tuple:
        """What names one workout: time_created only tells two versions of it apart."""
        return self.manufacturer, self.product, self.serial_number


@dataclass(frozen=True)
class Scheduled:
    when: datetime  # local date and time, whole minutes
    workout: FileRef


@dataclass
class DecompiledSchedule:
    sessions: list[Scheduled]
    losses: list[str] = field(default_factory=list)  # what the language could not express


def read_schedule(messages: list[dict]) -> DecompiledSchedule:
    """The sessions of a schedules file's schedule messages, in file order; what the
    language cannot say (a course on the calendar, a date it does not take) is a loss."""
    schedule = DecompiledSchedule([])
    for position, values in enumerate(messages):
        fields = {key: value for key, value in values.items() if _whole(value) is not None}
        if len(fields) != len(values):
            wrong = ", ".join(str(key) for key in sorted(set(values) - set(fields)))
            schedule.losses.append(f"schedule message {position}: its field {wrong} is not a number; left out")
        try:
            schedule.sessions.append(_session(fields, schedule.losses))
        except Unsupported as problem:
            schedule.losses.append(f"schedule message {position}: {problem}; the session is left out")
    if not messages:
        schedule.losses.append("the schedule holds no sessions")
    return schedule


def _session(fields: dict, losses: list[str]) -> Scheduled:
    kind = fields.get(profile.SCHEDULE_TYPE.number, profile.SCHEDULE_WORKOUT)
    if kind != profile.SCHEDULE_WORKOUT:
        raise Unsupported(f"a {profile.SCHEDULE_NAMES.get(kind, f'type {kind}')} on the calendar, not a workout")
    raw = fields.get(profile.SCHEDULE_SCHEDULED_TIME.number)
    if raw is None:
        raise Unsupported("no date")
    when = decode_local_time(raw)
    first, last = LIMITS.plan_dates
    if not first <= when.date() <= last:
        raise Unsupported(f"{when:%Y-%m-%d} is outside the dates a plan holds ({first.year}-{last.year})")
    if when.second:
        losses.append(f"{when:%Y-%m-%d}: the time {when:%H:%M:%S} is written as {when:%H:%M} (whole minutes)")
    if fields.get(profile.SCHEDULE_COMPLETED.number):
        losses.append(f"{when:%Y-%m-%d}: the session is marked done, which the language cannot say")
    return Scheduled(when.replace(second=0), FileRef.read(fields, SCHEDULE_REF))


def _whole(value: object) -> int | None:
    """A field's value when it is a whole number (any other base type reads as absent)."""
    return value if type(value) is int else None


class WorkoutNames:
    """The names of the workouts decompiled in one batch, by their files' identity."""

    def __init__(self) -> None:
        self._by_key: dict[tuple, list[tuple[int | None, str]]] = {}

    def add(self, file: FileRef, name: str) -> None:
        if file.serial_number is not None:  # a file without one is named by no schedule
            self._by_key.setdefault(file.key, []).append((file.time_created, name))

    def name_of(self, ref: FileRef) -> str:
        """The one name the workout `ref` names has; Unsupported when there is none or
        more than one (a same time_created picks among versions of different names)."""
        if ref.serial_number is None:
            raise Unsupported("it names no workout file (no serial number)")
        candidates = self._by_key.get(ref.key, [])
        names = {name for _, name in candidates}
        if len(names) > 1:
            names = {name for created, name in candidates if created == ref.time_created}
        if len(names) == 1:
            return names.pop()
        serial = f"serial number {ref.serial_number}"
        if not candidates:
            raise Unsupported(f"the workout it names ({serial}) is not among the files decompiled with it")
        shown = ", ".join(f'"{name}"' for name in sorted({name for _, name in candidates}))
        raise Unsupported(f"the workout it names ({serial}) could be any of {shown}")


def schedule_plan(schedule: DecompiledSchedule, name: str, names: WorkoutNames) -> tuple[Plan, list[str]]:
    """The plan `name` (a name the language takes) of the schedule's sessions, each
    naming its workout, and every loss: the schedule's own and a session per workout
    `names` cannot name (left out: a plan entry names its workout or is not written)."""
    losses = list(schedule.losses)
    entries = []
    for session in schedule.sessions:
        when = session.when
        try:
            workout = names.name_of(session.workout)
        except Unsupported as problem:
            losses.append(f"{when:%Y-%m-%d}: {problem}; the session is left out")
            continue
        at = when.time() if when.time() != datetime.min.time() else None
        entries.append(PlanEntry(when.date(), at, None, workout, NOWHERE))
    return Plan(name, tuple(entries), NOWHERE, ""), losses
