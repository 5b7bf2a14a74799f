"""Plans as the plan rules see them: entries resolved to workouts, classified, in weeks,
and the plans of one athlete laid end to end as calendars.

A plan entry may name a workout of any file of the run; `Library` finds it (reading
it again from its own lines when its file was lightened, see `Loaded.workout`) or
says why it cannot. `calendars` decides which plans of one athlete the rules judge
together (docs/language.md, "One calendar per athlete").
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cached_property

from ..diagnostics import Diagnostic, input_error
from ..language.source import Loaded, WorkoutInfo
from ..model import Distance, Plan, PlanEntry, Step, Workout
from ..suggest import closest
from ..units import METRES
from .config import Athlete
from .estimates import timeable, workout_seconds
from .resolve import resolve_workout
from .sports import RUNNING, is_running, noun
from .training import EASY, SessionIntensity, duration_text, is_easy_run, is_long, is_quality, session_intensity

MAX_SUGGESTIONS = 200  # different unknown workout names a run suggests a spelling for
UNTIMED = time(12, 0)  # entries without a time sort (and are spaced) as if at noon


@dataclass(frozen=True)
class Session:
    """A plan entry with its workout resolved and its day classified."""

    entry: PlanEntry
    workout: Workout | None  # None: rest
    start: datetime
    quality: bool
    long: bool
    easy: bool
    seconds: float
    timed: bool  # no distance lacks a pace, so `seconds` is the session's time (open steps count 0)
    intensity: SessionIntensity  # its effective intensity, and why
    sport: str = RUNNING  # FIT's name; rest days count as running's

    @property
    def hard(self) -> bool:
        return self.quality or self.long

    @property
    def running(self) -> bool:
        """A run: what the running-only plan rules count (P302-P307, P311, P312)."""
        return self.workout is not None and self.sport == RUNNING

    @property
    def easy_run(self) -> bool:
        """An easy or recovery run, easy in effect (`easy` is such a session of any sport)."""
        return self.easy and self.running

    @property
    def day(self) -> date:
        return self.start.date()

    @property
    def name(self) -> str:
        """How findings name it: `"Track 5x1k"` when the entry names a workout, else what
        the entry says (`tempo 20 min`), or `rest`."""
        if self.workout is None:
            return "rest"
        if self.entry.reference is not None:
            return f'"{self.workout.name}"'
        main = self.workout.steps[0]
        length = main.duration if isinstance(main, Step) else None
        if isinstance(length, Distance):
            amount = f"{length.metres / METRES[length.unit]:g} {length.unit}"
        else:
            amount = duration_text(self.seconds)
        words = [self.workout.kind] if self.workout.kind else []
        if not words or not is_running(self.workout):
            words.append(noun(self.workout))
        return f"{' '.join(words)} {amount}"

    @property
    def label(self) -> str:
        """Its name and when: `"Track 5x1k" (Tue 2026-11-24)`, `easy 40 min (Wed 2026-11-25 07:00)`."""
        return self.described()

    def described(self, *more: str) -> str:
        """`label` with more said in its parentheses: `"Track 5x1k" (Tue 2026-11-24, an intervals session)`."""
        when = day_words(self.day) + (self.entry.at.strftime(" %H:%M") if self.entry.at else "")
        return f"{self.name} ({', '.join((when, *more))})"


def day_words(day: date) -> str:
    """`Tue 2026-11-24`: a plan's date with its weekday."""
    return f"{day:%a} {day.isoformat()}"


def labels(sessions) -> str:
    """`A`, `A and B`, `A, B and C`."""
    names = [session.label for session in sessions]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def session(entry: PlanEntry, workout: Workout | None, athlete) -> Session:
    """`entry` with its workout (None: a rest day), classified for `athlete`."""
    start = datetime.combine(entry.day, entry.at or UNTIMED)
    if workout is None:
        return Session(entry, None, start, False, False, False, 0.0, True, SessionIntensity(EASY, "rest"))
    return Session(
        entry,
        workout,
        start,
        is_quality(workout, athlete),
        is_long(workout),
        is_easy_run(workout, athlete),
        workout_seconds(workout, athlete),
        timeable(workout, athlete),
        session_intensity(workout, athlete),
        workout.sport,
    )


@dataclass(frozen=True)
class Week:
    """A calendar week (Monday to Sunday) of a plan."""

    monday: date
    sessions: tuple[Session, ...]
    complete: bool  # the plan covers the week from its Monday

    @property
    def label(self) -> str:
        return f"the week of {self.monday.isoformat()}"

    @cached_property
    def seconds(self) -> float:
        """Summed once: rules ask for it once per session of the week."""
        return sum(session.seconds for session in self.sessions)

    @cached_property
    def timed(self) -> bool:
        """Whether the week's training time is known (no session of unknown length)."""
        return all(session.timed for session in self.sessions)

    @cached_property
    def runs(self) -> tuple[Session, ...]:
        """The week's runs: what the running-only rules count."""
        return tuple(session for session in self.sessions if session.running)

    @cached_property
    def running_seconds(self) -> float:
        return sum(session.seconds for session in self.runs)

    @cached_property
    def running_timed(self) -> bool:
        """Whether the week's running time is known (no run of unknown length)."""
        return all(session.timed for session in self.runs)


@dataclass(frozen=True)
class Calendar:
    """Dated sessions in time order, as the plan rules judge them: the sessions of one
    or more plans of one athlete (see `calendars`)."""

    sessions: tuple[Session, ...]

    def days(self) -> list[tuple[date, list[Session]]]:
        by_day: dict[date, list[Session]] = defaultdict(list)
        for session in self.sessions:
            by_day[session.start.date()].append(session)
        return sorted(by_day.items())

    def measured_weeks(self) -> list[Week]:
        """The weeks whose running time is known and not zero: the ones shares of the
        running are taken of (other sports' sessions left out)."""
        return [week for week in self.weeks() if week.running_timed and week.running_seconds > 0]

    def weeks(self) -> list[Week]:
        by_monday: dict[date, list[Session]] = defaultdict(list)
        for session in self.sessions:
            day = session.start.date()
            by_monday[day - timedelta(days=day.weekday())].append(session)
        first = self.sessions[0].start.date() if self.sessions else None
        return [
            Week(monday, tuple(sessions), first is not None and first <= monday)
            for monday, sessions in sorted(by_monday.items())
        ]


@dataclass(frozen=True)
class PlanView(Calendar):
    """One plan with its entries resolved and classified, in time order (its page shows it)."""

    plan: Plan

    @property
    def first_day(self) -> date:
        return self.sessions[0].start.date()

    @property
    def last_day(self) -> date:
        return self.sessions[-1].start.date()


def calendars(views: Sequence[PlanView]) -> list[list[int]]:
    """The plans of one athlete (their views, in input order) grouped into calendars, as
    indices into `views`; a plan without sessions is in none.

    A plan covers the days from its first session to its last. Plans that cover no day
    in common are laid end to end in one calendar (a plan per week, each in its own
    file); a plan covering a day another already covers (an alternative week) starts
    a calendar of its own, or continues one whose plans end before it starts. Taken
    in order of their first day (then input order), each plan continues the calendar
    that ends latest before its first day, so every plan is judged once, beside the
    plans that lead up to it and follow it.
    """
    order = sorted((index for index, view in enumerate(views) if view.sessions), key=lambda i: views[i].first_day)
    grouped: list[list[int]] = []
    ends: list[tuple[date, int]] = []  # (last day, -calendar number) of every calendar, sorted
    for index in order:
        view = views[index]
        place = bisect_left(ends, (view.first_day, -len(grouped) - 1)) - 1  # ends latest before the first day
        if place >= 0:
            number = -ends.pop(place)[1]
        else:
            number = len(grouped)
            grouped.append([])
        grouped[number].append(index)
        insort(ends, (view.last_day, -number))
    return grouped


def merged(views: Sequence[PlanView], indices: Sequence[int]) -> Calendar:
    """One calendar of the plans at `indices`: every session, in time order."""
    return Calendar(tuple(sorted((s for i in indices for s in views[i].sessions), key=lambda s: s.start)))


class Library:
    """Every workout of the run by name, to resolve plan references.

    Only names are kept up front; a referenced workout is taken from its file when the
    reference is resolved, once per workout. A workout lowered again from its text (its
    file kept no document) is given the numbers of its file's athlete (`athlete_of`).
    """

    def __init__(self, files: list[Loaded], athlete_of: Callable[[str], Athlete] | None = None):
        self._athlete_of = athlete_of
        self._by_name: dict[str, list[tuple[Loaded, WorkoutInfo]]] = defaultdict(list)
        for loaded in files:
            for info in loaded.workouts:
                if not info.in_plan:
                    self._by_name[info.name.casefold()].append((loaded, info))
        self._taken: dict[tuple[str, str], Workout] = {}
        self._resolved: dict[tuple[str, str], tuple[Workout | None, tuple[str, str] | None]] = {}
        self._names: list[str] | None = None  # every name, for did-you-mean: listed once
        self._suggestions_left = MAX_SUGGESTIONS
        self._lines: dict[str, list[str]] = {}  # each lightened file's text, split once

    def resolve(self, entry: PlanEntry, path: str) -> tuple[Workout | None, Diagnostic | None]:
        """The workout `entry` (in the file `path`) names, or an E006 saying why not.
        A name defined in the plan's own file wins; elsewhere it must be unique."""
        assert entry.reference is not None
        key = (entry.reference, path)
        if key not in self._resolved:  # a plan may name one workout (or a missing one) thousands of times
            self._resolved[key] = self._find(entry.reference, path)
        workout, why = self._resolved[key]
        return workout, None if why is None else input_error("E006", path, entry.span, *why)

    def _find(self, reference: str, path: str) -> tuple[Workout | None, tuple[str, str] | None]:
        """The workout `reference` names from the file `path`, or the E006 message and hint."""
        candidates = self._by_name.get(reference.casefold(), [])
        local = [(loaded, info) for loaded, info in candidates if loaded.path == path]
        if local or len(candidates) == 1:
            loaded, info = (local or candidates)[0]
            if loaded.failed:  # its targets could not be given this athlete's numbers (E009)
                return None, (f'"{reference}" ({loaded.path}:{info.line}) has errors', "fix them first")
            return self._workout(loaded, info), None
        if candidates:
            places = ", ".join(f"{loaded.path}:{info.line}" for loaded, info in candidates)
            return None, (f'several workouts are named "{reference}"', f"defined at {places}; rename one")
        if self._names is None:
            self._names = [info.name for group in self._by_name.values() for _, info in group]
        # Each suggestion compares the name with every name of the run: a run with
        # thousands of different unknown names gets suggestions for the first few only.
        self._suggestions_left -= 1
        match = closest(reference, self._names) if self._suggestions_left >= 0 else None
        hint = f'did you mean "{match}"?' if match else "define it in this file or pass its file in the same run"
        return None, (f'no workout named "{reference}"', hint)

    def _workout(self, loaded: Loaded, info: WorkoutInfo) -> Workout:
        key = (loaded.path, info.name)
        if key not in self._taken and loaded.document is not None:
            # The whole file's at once: a plan may name every one of thousands of workouts.
            for workout in loaded.document.workouts:
                self._taken.setdefault((loaded.path, workout.name), workout)
        if key not in self._taken:
            if loaded.path not in self._lines:  # a plan may name thousands of another file's workouts
                self._lines[loaded.path] = (loaded.text or "").split("\n")
            workout = loaded.workout(info, self._lines[loaded.path])
            if self._athlete_of is not None:
                workout, _ = resolve_workout(workout, self._athlete_of(loaded.path), loaded.path)
            self._taken[key] = workout
        return self._taken[key]
