"""The checker: run every enabled rule over the sources of one run.

Rules yield bare `Problem`s; this module stamps them with code, rule name, severity
and path, applies the configuration (disabled rules, severities, options) and the
inline `# workoutc: disable=CODE` comments, resolves plan references across the
run, and says once when a rule needed a profile value that is missing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from ..diagnostics import Diagnostic, Severity, Span, input_error
from ..language.lower import lower_text
from ..language.source import Source, WorkoutInfo
from ..model import Plan, PlanEntry, Workout
from ..suggest import closest
from .config import DEFAULT, Athlete, Config, ConfigFinder
from .rules import REGISTRY, RULES, Problem
from .training import is_easy_run, is_long, is_quality, timeable, workout_seconds

SUPPRESSION = re.compile(r"#\s*workoutc:\s*disable=([\w,\s]+)")
UNTIMED = time(12, 0)  # entries without a time sort (and are spaced) as if at noon

# What each profile value is for, in the "missing value" note.
PROFILE_HELP = {
    "max_hr": "max_hr = 188",
    "level": 'level = "intermediate"',
    "easy_pace": 'easy_pace = "5:20-5:50/km"',
    "threshold_pace": 'threshold_pace = "4:10/km"',
    "ftp": "ftp = 250",
}


class RecordingAthlete:
    """An Athlete that remembers which missing values were asked for."""

    def __init__(self, athlete: Athlete):
        self._athlete = athlete
        self.missing: list[str] = []

    def __getattr__(self, name: str):
        value = getattr(self._athlete, name)
        if value is None and name not in self.missing:
            self.missing.append(name)
        return value


@dataclass
class Context:
    """What a rule sees besides its subject."""

    athlete: RecordingAthlete
    options: dict
    config: Config


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

    @property
    def hard(self) -> bool:
        return self.quality or self.long


@dataclass(frozen=True)
class Week:
    """A calendar week (Monday to Sunday) of a plan."""

    monday: date
    sessions: list[Session]
    complete: bool  # the plan covers the week from its Monday

    @property
    def label(self) -> str:
        return f"the week of {self.monday.isoformat()}"

    @property
    def seconds(self) -> float:
        return sum(session.seconds for session in self.sessions)

    @property
    def timed(self) -> bool:
        """Whether the week's running time is known (no session of unknown length)."""
        return all(session.timed for session in self.sessions)


@dataclass
class PlanView:
    """A plan with its entries resolved and classified, in time order."""

    plan: Plan
    sessions: list[Session]

    def days(self) -> list[tuple[date, list[Session]]]:
        by_day: dict[date, list[Session]] = defaultdict(list)
        for session in self.sessions:
            by_day[session.start.date()].append(session)
        return sorted(by_day.items())

    def measured_weeks(self) -> list[Week]:
        """The weeks whose running time is known and not zero: the ones shares are taken of."""
        return [week for week in self.weeks() if week.timed and week.seconds > 0]

    def weeks(self) -> list[Week]:
        by_monday: dict[date, list[Session]] = defaultdict(list)
        for session in self.sessions:
            day = session.start.date()
            by_monday[day - timedelta(days=day.weekday())].append(session)
        first = self.sessions[0].start.date() if self.sessions else None
        return [
            Week(monday, sessions, first is not None and first <= monday)
            for monday, sessions in sorted(by_monday.items())
        ]


@dataclass
class _MissingValue:
    """Where a missing profile value was first needed (and by which rule), and by which rules in all."""

    source: Source
    span: Span
    codes: list[str]


@dataclass
class Checker:
    """Runs the rules for one run of `check` or `compile`.

    Workout rules need nothing but their file, so `check_workouts` can run in a worker
    process; plan rules need every workout of the run (`check_plans`). A rule that
    needed a missing profile value leaves a record on its source; the run turns those
    into one note per value, in source order, so parallel and serial runs agree.
    """

    finder: ConfigFinder
    _prepared: dict = field(default_factory=dict)

    def run(self, sources: list[Source]) -> None:
        for source in sources:
            self.check_workouts(source)
        self.check_plans(sources)

    def check_workouts(self, source: Source) -> None:
        if source.document is None:
            return
        config = self._config_for(source)
        findings: list[Diagnostic] = []
        for workout in source.document.all_workouts():
            found = []
            for rule in self._enabled(config, "workout"):
                kinds = getattr(rule, "KINDS", None)
                if kinds is None or workout.kind in kinds:
                    found += self._apply(rule, workout, workout.span, config, source)
            if any(d.severity is Severity.ERROR for d in found):
                source.blocked.add(workout.name)
            findings += found
        source.diagnostics += _suppress(findings, source)

    def check_plans(self, sources: list[Source]) -> None:
        library = _Library(sources)
        for source in sources:
            if source.document is not None and source.document.plans:
                config = self._config_for(source)
                findings = []
                for plan in source.document.plans:
                    findings += self._plan_findings(plan, library, config, source)
                source.diagnostics += _suppress(findings, source)
        _report_missing(sources)

    def _config_for(self, source: Source) -> Config:
        return self.finder.for_file(Path(source.path)) if source.path else DEFAULT

    def _plan_findings(self, plan: Plan, library: _Library, config: Config, source: Source) -> list[Diagnostic]:
        athlete = RecordingAthlete(config.athlete)
        sessions, found = [], []
        for entry in plan.entries:
            workout = entry.workout
            if workout is None and entry.reference is not None:
                workout, error = library.resolve(entry, source.path)
                if error:
                    found.append(error)
                    continue
            sessions.append(_session(entry, workout, athlete))
        sessions.sort(key=lambda s: s.start)
        view = PlanView(plan, sessions)
        source.plan_views.append(view)
        plan_rules = self._enabled(config, "plan")
        for rule in plan_rules:
            found += self._apply(rule, view, plan.span, config, source)
        # Classifying the days needed these values on behalf of every plan rule.
        for key in athlete.missing:
            source.missing += [(key, rule.ID, plan.span) for rule in plan_rules]
        return found

    def _enabled(self, config: Config, scope: str) -> list:
        """The rules of a scope that `config` leaves on, worked out once per config.

        Entries keep their config alive, so the id() in the key is never reused.
        """
        key = (id(config), scope)
        if key not in self._prepared:
            self._prepared[key] = (
                config,
                [rule for rule in RULES if scope == rule.SCOPE and rule.ID not in config.rules.disabled],
            )
        return self._prepared[key][1]

    def _context(self, config: Config, rule) -> Context:
        """One Context per config and rule, reused: only its record of missing values is reset."""
        key = (id(config), rule.ID)
        if key not in self._prepared:
            self._prepared[key] = (config, Context(RecordingAthlete(config.athlete), config.rule_options(rule), config))
        context = self._prepared[key][1]
        context.athlete.missing.clear()
        return context

    def _apply(self, rule, subject, span: Span, config: Config, source: Source) -> list[Diagnostic]:
        context = self._context(config, rule)
        severity = config.rules.severity.get(rule.ID)
        found = [
            Diagnostic(
                source.path, p.span, severity or p.severity or rule.SEVERITY, rule.ID, rule.NAME, p.message, p.hint
            )
            for p in rule.check(subject, context)
        ]
        if context.athlete.missing:
            source.missing += [(key, rule.ID, span) for key in context.athlete.missing]
        return found


def _report_missing(sources: list[Source]) -> None:
    """One note per missing profile value for the whole run, naming the rules it held back."""
    missing: dict[str, _MissingValue] = {}
    for source in sources:
        for key, code, span in source.missing:
            record = missing.setdefault(key, _MissingValue(source, span, []))
            if code not in record.codes:
                record.codes.append(code)
    for key, record in missing.items():
        codes = sorted(record.codes, key=list(REGISTRY).index)
        first = REGISTRY[record.codes[0]]  # the rule that needed it where the note points
        note = Diagnostic(
            record.source.path,
            record.span,
            Severity.INFO,
            first.ID,
            first.NAME,
            f"athlete.{key} is not set, so {', '.join(codes)} skipped part of "
            f"{'its' if len(codes) == 1 else 'their'} checks",
            f"add `{PROFILE_HELP.get(key, key)}` under [athlete] in workoutc.toml",
        )
        # Not subject to inline suppression: it is about the profile, not a line.
        record.source.diagnostics.append(note)


def _session(entry: PlanEntry, workout: Workout | None, athlete) -> Session:
    start = datetime.combine(entry.day, entry.at or UNTIMED)
    if workout is None:
        return Session(entry, None, start, False, False, False, 0.0, True)
    return Session(
        entry,
        workout,
        start,
        is_quality(workout, athlete),
        is_long(workout),
        is_easy_run(workout, athlete),
        workout_seconds(workout, athlete),
        timeable(workout, athlete),
    )


class _Library:
    """Every workout of the run by name, to resolve plan references.

    Only names are kept up front; a referenced workout whose file was lightened (see
    Source.lighten) is lowered again from its own lines of the file's text.
    """

    def __init__(self, sources: list[Source]):
        self._by_name: dict[str, list[tuple[Source, WorkoutInfo]]] = defaultdict(list)
        for source in sources:
            for info in source.workouts:
                if not info.in_plan:
                    self._by_name[info.name.casefold()].append((source, info))
        self._relowered: dict[tuple[str, str], Workout] = {}

    def resolve(self, entry: PlanEntry, path: str) -> tuple[Workout | None, Diagnostic | None]:
        candidates = self._by_name.get(entry.reference.casefold(), [])
        local = [(s, i) for s, i in candidates if s.path == path]
        if local or len(candidates) == 1:
            return self._workout(*(local or candidates)[0]), None
        if candidates:
            places = ", ".join(f"{s.path}:{i.line}" for s, i in candidates)
            return None, input_error(
                "E006",
                path,
                entry.span,
                f'several workouts are named "{entry.reference}"',
                f"defined at {places}; rename one",
            )
        names = [info.name for group in self._by_name.values() for _, info in group]
        match = closest(entry.reference, names)
        hint = f'did you mean "{match}"?' if match else "define it in this file or pass its file in the same run"
        return None, input_error("E006", path, entry.span, f'no workout named "{entry.reference}"', hint)

    def _workout(self, source: Source, info: WorkoutInfo) -> Workout:
        if source.document is not None:
            return next(w for w in source.document.workouts if w.name == info.name)
        key = (source.path, info.name)
        if key not in self._relowered:
            self._relowered[key] = relower(source, info)
        return self._relowered[key]


def relower(source: Source, info: WorkoutInfo) -> Workout:
    """A top-level workout of a lightened file, lowered again from its lines alone: a
    workout is self-contained, and blank lines in front keep every span where it was."""
    lines = source.text.split("\n")[info.line - 1 : info.end_line]
    document, _, _ = lower_text("\n" * (info.line - 1) + "\n".join(lines), source.path)
    return document.workouts[0]


def _suppress(findings: list[Diagnostic], source: Source) -> list[Diagnostic]:
    """Drop findings silenced by `# workoutc: disable=CODE[,CODE]` on their line."""
    silenced: dict[int, set[str]] = {}
    for comment in source.comments:
        match = SUPPRESSION.search(comment.text)
        if match:
            codes = {code.strip().upper() for code in match.group(1).split(",") if code.strip()}
            silenced.setdefault(comment.span.line, set()).update(codes)
    if not silenced:
        return findings
    return [d for d in findings if d.code not in REGISTRY or not ({d.code, "ALL"} & silenced.get(d.span.line, set()))]


__all__ = ["Checker", "Context", "PlanView", "Problem", "Session", "Week"]
