"""What the plan rules share: the athlete's level, the days of a calendar, and weeks
measured against each other (running time, or every sport's training time; the days
they cover, step-back weeks)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from ..plans import Session, Week

DEFAULT_LEVEL = "intermediate"  # what plan rules take when `athlete.level` is not set
DAY = timedelta(days=1)


def level_of(ctx) -> tuple[str, bool]:
    """The athlete's level, and whether it was assumed: without `athlete.level` the plan
    rules take "intermediate". Read past the recording athlete: a level assumed is
    said in the finding it changes, not noted as a value a rule went without."""
    level = ctx.config.athlete.level
    return (level, False) if level else (DEFAULT_LEVEL, True)


def first_and_last(calendar) -> tuple[date, date]:
    return calendar.sessions[0].day, calendar.sessions[-1].day


def every_day(calendar) -> Iterator[tuple[date, list[Session]]]:
    """Every day from the calendar's first session to its last, with its sessions; a day
    the plans leave out is an off day, as a `rest` entry is."""
    if not calendar.sessions:
        return
    planned = dict(calendar.days())
    day, last = first_and_last(calendar)
    while day <= last:
        yield day, planned.get(day, [])
        day += DAY


def is_off(sessions: list[Session]) -> bool:
    return all(session.workout is None for session in sessions)


def is_easy_day(sessions: list[Session]) -> bool:
    """An off day, or a day of easy or recovery sessions (of any sport) easy in effect."""
    return all(session.workout is None or session.easy for session in sessions)


def free_days(week: Week) -> list[date]:
    """The days of the week no entry mentions (a `rest` entry is a deliberate rest day)."""
    taken = {session.day for session in week.sessions}
    days = (week.monday + offset * DAY for offset in range(7))
    return [day for day in days if day not in taken]


def off_days(week: Week, calendar) -> list[date]:
    """The week's days inside the calendar's span that hold no run (a day of swimming
    only is a day off running)."""
    first, last = first_and_last(calendar)
    running = {session.day for session in week.runs}
    days = (week.monday + offset * DAY for offset in range(7))
    return [day for day in days if first <= day <= last and day not in running]


def covered_days(week: Week, calendar) -> int:
    """How many of the week's seven days lie inside the calendar's span."""
    first, last = first_and_last(calendar)
    start, end = max(week.monday, first), min(week.monday + 6 * DAY, last)
    return max(0, (end - start).days + 1)


@dataclass(frozen=True)
class Volume:
    """A calendar week's running time (or every sport's training time) as the load rules
    compare it."""

    week: Week
    seconds: float | None  # None: a session of unknown length
    days: int  # of its seven days, those the calendar covers
    sessions: tuple[Session, ...]  # the sessions counted: the runs, or every session

    @property
    def full(self) -> bool:
        return self.days == 7 and self.seconds is not None

    @property
    def raced(self) -> bool:
        """A race week: its volume is the race, a rise the load rules leave alone."""
        return any(session.workout is not None and session.workout.kind == "race" for session in self.sessions)


def volumes(calendar, running: bool = True) -> list[Volume | None]:
    """One entry per calendar week from the first to the last, in order; None for a week
    inside the span with no session at all (its volume is zero). `running`: count the
    runs only (P305); else every sport's sessions (P308)."""
    weeks = {week.monday: week for week in calendar.weeks()}
    if not weeks:
        return []
    monday, last = min(weeks), max(weeks)
    found: list[Volume | None] = []
    while monday <= last:
        week = weeks.get(monday)
        if week is None:
            found.append(None)
        else:
            found.append(_volume(week, calendar, running))
        monday += 7 * DAY
    return found


def _volume(week: Week, calendar, running: bool) -> Volume:
    days = covered_days(week, calendar)
    if running:
        return Volume(week, week.running_seconds if week.running_timed else None, days, week.runs)
    return Volume(week, week.seconds if week.timed else None, days, week.sessions)


def is_step_back(volume: Volume | None, before: Volume | None, percent: float) -> bool:
    """A planned step-back (cutback) week: at least `percent` % less running than the
    full week before it, but some (a week without running is a week off)."""
    if volume is None or not volume.seconds or before is None or before.seconds is None or before.days < 7:
        return False
    return volume.seconds <= before.seconds * (1 - percent / 100)


def is_week_off(volume: Volume | None) -> bool:
    """A week inside the span without running: no entry, or only rest entries."""
    return volume is None or volume.seconds == 0


def seconds_from(volume: Volume, weekday: int) -> float:
    """The volume's time from `weekday` (0 Monday) to Sunday."""
    return sum(session.seconds for session in volume.sessions if session.day.weekday() >= weekday)


def minutes(seconds: float) -> str:
    return f"{seconds / 60:.0f} min"


def longest(sessions) -> Session:
    return max(sessions, key=lambda session: session.seconds)


def cut_hint(volume: Volume, seconds: float, keep: float, why: str) -> str:
    """`keep it to about 5 h 10 min (+10 %): take 40 min off, e.g. from the long run`."""
    cut = minutes(seconds - keep)
    return f"keep it to about {minutes(keep)} ({why}): take {cut} off, e.g. from {longest(volume.sessions).label}"
