"""The checker: run every enabled rule over the files of one run, and return findings.

Rules yield bare `Problem`s; this module stamps them with code, rule name, severity
and path, applies the configuration (disabled rules, severities, options) and the
inline `# workoutc: disable=CODE` comments, resolves plan references across the
run, lays each athlete's plans out as calendars for the plan rules (filing each
finding under the file of the entry it is about), and says once, in an N001 note,
when a rule needed a profile value that is missing. It writes into nothing: each
call returns its own result.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from ..diagnostics import NOTES, Diagnostic, Severity, Span
from ..language.source import Loaded
from ..model import Plan
from .config import DEFAULT, Athlete, Config, ConfigFinder
from .plans import Calendar, Library, PlanView, calendars, merged, session
from .resolve import resolve_loaded
from .rules import REGISTRY, RULES, Problem
from .shown import shown_groups
from .training import remembered

INCOMPLETE_PROFILE = "N001"  # the note about a missing profile value
SUPPRESSION = re.compile(r"#\s*workoutc:\s*disable=([\w,\s]+)")

# What each profile value is for, in the "missing value" note.
PROFILE_HELP = {
    "max_hr": "max_hr = 188",
    "level": 'level = "intermediate"',
    "easy_pace": 'easy_pace = "5:20-5:50/km"',
    "marathon_pace": 'marathon_pace = "4:31/km"',
    "threshold_pace": 'threshold_pace = "4:10/km"',
    "interval_pace": 'interval_pace = "3:55/km"',
    "repetition_pace": 'repetition_pace = "3:40/km"',
    "critical_power": "critical_power = 290",
    "ftp": "ftp = 250",
    "threshold_power": "ftp = 250` (or `critical_power = 290`",
    "lthr": "lthr = 170",
    "resting_hr": "resting_hr = 50",
}


# The profile values whose absence makes a rule skip part of its checks; the others
# (power_zones, name, race ...) have a meaning when unset.
MEASURES = frozenset(
    {"max_hr", "resting_hr", "lthr", "level", "easy_pace", "marathon_pace", "threshold_pace"}
    | {"interval_pace", "repetition_pace", "ftp", "critical_power", "threshold_power"}
)
# A value read under another name than the profile's key: FTP, or critical power without one.
SHOWN_KEYS = {"threshold_power": "ftp"}


class RecordingAthlete:
    """An Athlete that remembers which missing values were asked for."""

    def __init__(self, athlete: Athlete):
        self._athlete = athlete
        self.missing: list[str] = []

    def __getattr__(self, name: str):
        value = getattr(self._athlete, name)
        if value is None and name in MEASURES and name not in self.missing:
            self.missing.append(name)
        return value


@dataclass
class Context:
    """What a rule sees besides its subject."""

    athlete: RecordingAthlete
    options: dict
    config: Config


class Missing(NamedTuple):
    """A profile value (`key`) the rule `code` needed at `span` and did not find."""

    key: str
    code: str
    span: Span


class WorkoutFindings(NamedTuple):
    """What the workout rules found in one file."""

    diagnostics: tuple[Diagnostic, ...] = ()  # after inline suppression
    blocked: frozenset[str] = frozenset()  # workouts with an error finding (their file is not compiled)
    missing: tuple[Missing, ...] = ()


@dataclass(frozen=True)
class PlanFindings:
    """What the plan rules found in a run, by file path: findings (unknown workouts
    and the missing-profile notes included) and each plan resolved as the rules saw it."""

    diagnostics: dict[str, tuple[Diagnostic, ...]] = field(default_factory=dict)
    views: dict[str, tuple[PlanView, ...]] = field(default_factory=dict)

    def of(self, path: str) -> tuple[Diagnostic, ...]:
        return self.diagnostics.get(path, ())


@dataclass
class Checker:
    """Runs the rules for one run of `check` or `compile`.

    Workout rules need nothing but their file, so `check_workouts` can run in a worker
    process; plan rules need every workout of the run (`check_plans`). A rule that
    needed a missing profile value says so in its result; the plan step turns those
    into one note per value, in file order, so parallel and serial runs agree.
    """

    finder: ConfigFinder
    _prepared: dict = field(default_factory=dict)

    def run(self, files: Sequence[Loaded]) -> list[tuple[Diagnostic, ...]]:
        """Every file's input errors and findings, in file order: the whole checker in one call."""
        checked = [(loaded, self.check_workouts(loaded)) for loaded in files]
        plans = self.check_plans(checked)
        return [(*loaded.diagnostics, *found.diagnostics, *plans.of(loaded.path)) for loaded, found in checked]

    def check_workouts(self, loaded: Loaded) -> WorkoutFindings:
        """The workout rules over one file, its relative targets given its athlete's
        numbers first (the pipeline has done so already: see check.resolve.resolve_loaded)."""
        if loaded.document is None:
            return WorkoutFindings()
        config = self._config_for(loaded.path)
        resolved = resolve_loaded(loaded, config.athlete)
        if resolved.document is None:  # a value the profile lacks: nothing to judge
            every = frozenset(workout.name for workout in loaded.document.all_workouts())
            return WorkoutFindings(resolved.diagnostics, every)
        findings: list[Diagnostic] = []
        blocked: set[str] = set()
        missing: list[Missing] = []
        for workout in resolved.document.all_workouts():
            found = []
            for rule in self._enabled(config, "workout"):
                if _looks_at(rule, workout):
                    found += self._apply(rule, workout, workout.span, config, loaded.path, missing)
            if any(d.severity is Severity.ERROR for d in found):
                blocked.add(workout.name)
            findings += found
        return WorkoutFindings(tuple(_suppress(findings, loaded)), frozenset(blocked), tuple(missing))

    def check_plans(self, files: Sequence[tuple[Loaded, WorkoutFindings]]) -> PlanFindings:
        """Plan rules over every calendar of the run; `files` are every file of the run with
        its workout findings (whose missing values join the notes). Files not yet
        given their athletes' numbers are given them here, as check_workouts does.

        The plans of one athlete (the profile their files' configs give) are judged
        together, laid end to end (`plans.calendars`); each finding stays in the file
        of the entry it points at, under that file's rule settings."""
        files = [(self._resolved(loaded), found) for loaded, found in files]
        library = Library([loaded for loaded, _ in files], lambda path: self._config_for(path).athlete)
        found: dict[str, list[Diagnostic]] = {}
        needed: dict[str, list[Missing]] = {}
        with remembered():  # each named workout is measured once, however many entries name it
            planned = self._planned(files, library, found, needed)
            for group in _by_athlete(planned):
                views = [plan.view for plan in group]
                for indices in calendars(views):
                    self._judge([group[index] for index in indices], merged(views, indices), found, needed)
        self._judge_run(files, found)
        result = PlanFindings()
        for loaded, _ in files:
            if loaded.path in found:
                result.diagnostics[loaded.path] = tuple(_suppress(found[loaded.path], loaded))
        for plan in planned:
            result.views[plan.loaded.path] = (*result.views.get(plan.loaded.path, ()), plan.view)
        missing = [
            (loaded.path, record)
            for loaded, workouts in files
            for record in (*workouts.missing, *needed.get(loaded.path, ()))
        ]
        for path, note in _missing_notes(missing):
            result.diagnostics[path] = (*result.of(path), note)
        return result

    def _resolved(self, loaded: Loaded) -> Loaded:
        if loaded.document is None:  # nothing to resolve: no config to look for
            return loaded
        return resolve_loaded(loaded, self._config_for(loaded.path).athlete)

    def _config_for(self, path: str) -> Config:
        return self.finder.for_file(Path(path)) if path else DEFAULT

    def _planned(self, files, library: Library, found: dict, needed: dict) -> list[_Planned]:
        """Every plan of the run, in input order, resolved and classified; the unknown
        workouts (E006) go on `found`, the profile values classifying needed on `needed`."""
        planned = []
        for loaded, _ in files:
            if loaded.document is None or not loaded.document.plans:
                continue
            config = self._config_for(loaded.path)
            for plan in loaded.document.plans:
                view, errors, missing = self._view(plan, library, config, loaded.path)
                found.setdefault(loaded.path, []).extend(errors)
                needed.setdefault(loaded.path, []).extend(missing)
                planned.append(_Planned(loaded, config, view))
        return planned

    def _view(self, plan: Plan, library: Library, config: Config, path: str) -> tuple[PlanView, list, list[Missing]]:
        athlete = RecordingAthlete(config.athlete)
        sessions, errors = [], []
        for entry in plan.entries:
            workout = entry.workout
            if workout is None and entry.reference is not None:
                workout, error = library.resolve(entry, path)
                if error:
                    errors.append(error)
                    continue
            sessions.append(session(entry, workout, athlete))
        sessions.sort(key=lambda s: s.start)
        # Classifying the days needed these values on behalf of every plan rule.
        missing = [
            Missing(key, rule.ID, plan.span) for key in athlete.missing for rule in self._enabled(config, "plan")
        ]
        return PlanView(tuple(sessions), plan), errors, missing

    def _judge(self, plans: list[_Planned], calendar: Calendar, found: dict, needed: dict) -> None:
        """The plan rules over one calendar, once per config among its plans (usually one):
        each config's rules keep the findings on the entries of the plans it applies to."""
        owners = _owners(plans)
        for config in {id(plan.config): plan.config for plan in plans}.values():
            first = next(plan for plan in plans if plan.config is config)
            for rule in self._enabled(config, "plan"):
                problems, lacked = self._problems(rule, calendar, config)
                for problem in problems:
                    owner = owners.get(id(problem.span), first)
                    if owner.config is config:
                        found[owner.loaded.path].append(self._stamp(rule, problem, config, owner.loaded.path))
                needed[first.loaded.path] += [Missing(key, rule.ID, first.view.plan.span) for key in lacked]

    def _judge_run(self, files, found: dict) -> None:
        """The run-scope rules over what the watch shows of every workout the run
        compiles (check/shown.py), each finding filed under its workout's file and config."""
        for config, group in shown_groups(files, self._config_for, lambda config: self._enabled(config, "run")):
            where = {id(shown.span): shown.path for shown in group}
            for rule in self._enabled(config, "run"):
                for problem in self._problems(rule, group, config)[0]:
                    path = where[id(problem.span)]
                    found.setdefault(path, []).append(self._stamp(rule, problem, self._config_for(path), path))

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

    def _apply(self, rule, subject, span: Span, config: Config, path: str, missing: list) -> list[Diagnostic]:
        """The rule's findings on `subject`; the profile values it lacked go on `missing`."""
        problems, lacked = self._problems(rule, subject, config)
        missing += [Missing(key, rule.ID, span) for key in lacked]
        return [self._stamp(rule, problem, config, path) for problem in problems]

    def _problems(self, rule, subject, config: Config) -> tuple[list[Problem], list[str]]:
        """What the rule finds in `subject`, and the profile values it lacked."""
        context = self._context(config, rule)
        return list(rule.check(subject, context)), list(context.athlete.missing)

    @staticmethod
    def _stamp(rule, problem: Problem, config: Config, path: str) -> Diagnostic:
        severity = config.rules.severity.get(rule.ID) or problem.severity or rule.SEVERITY
        return Diagnostic(path, problem.span, severity, rule.ID, rule.NAME, problem.message, problem.hint)


def _looks_at(rule, workout) -> bool:
    """Whether a workout rule judges the workout: its KINDS and SPORTS, when it has them."""
    kinds, sports = getattr(rule, "KINDS", None), getattr(rule, "SPORTS", None)
    return (kinds is None or workout.kind in kinds) and (sports is None or workout.sport in sports)


class _Planned(NamedTuple):
    """A plan of the run as the calendar step takes it: its file, that file's config, its view."""

    loaded: Loaded
    config: Config
    view: PlanView


def _by_athlete(planned: list[_Planned]) -> list[list[_Planned]]:
    """The plans grouped by the athlete their configs give (equal profiles are one
    athlete), each group in input order."""
    groups: dict[Athlete, list[_Planned]] = {}
    for plan in planned:
        groups.setdefault(plan.config.athlete, []).append(plan)
    return list(groups.values())


def _owners(plans: list[_Planned]) -> dict[int, _Planned]:
    """The plan each span a rule may point at belongs to, by the span's identity (the
    same line and column may be in several files): each plan's own span, its entries'
    and its one-line sessions'."""
    owners = {}
    for plan in plans:
        owners[id(plan.view.plan.span)] = plan
        for entry in plan.view.plan.entries:
            owners[id(entry.span)] = plan
            if entry.workout is not None:
                owners[id(entry.workout.span)] = plan
    return owners


def _missing_notes(missing: list[tuple[str, Missing]]) -> list[tuple[str, Diagnostic]]:
    """One N001 note per missing profile value for the whole run, naming the rules it
    held back, placed where it was first needed. A note of its own kind, not a rule's
    finding (diagnostics.NOTES), and not subject to inline suppression: it is about the
    profile, not a line."""
    first: dict[str, tuple[str, Span]] = {}
    codes: dict[str, list[str]] = {}
    for path, record in missing:
        first.setdefault(record.key, (path, record.span))
        needed_by = codes.setdefault(record.key, [])
        if record.code not in needed_by:
            needed_by.append(record.code)
    notes = []
    for key, (path, span) in first.items():
        listed = sorted(codes[key], key=list(REGISTRY).index)
        message = (
            f"athlete.{SHOWN_KEYS.get(key, key)} is not set, so {', '.join(listed)} skipped part of "
            f"{'its' if len(listed) == 1 else 'their'} checks"
        )
        hint = f"add `{PROFILE_HELP.get(key, key)}` under [athlete] in workoutc.toml"
        if key.endswith("_pace"):
            hint += ', or a race result such as `race = "10km 45:00"`'  # every pace follows from it
        name = NOTES[INCOMPLETE_PROFILE][0]
        notes.append((path, Diagnostic(path, span, Severity.INFO, INCOMPLETE_PROFILE, name, message, hint)))
    return notes


def _suppress(findings: list[Diagnostic], loaded: Loaded) -> list[Diagnostic]:
    """Drop findings silenced by `# workoutc: disable=CODE[,CODE]` on their line."""
    silenced: dict[int, set[str]] = {}
    for comment in loaded.comments:
        match = SUPPRESSION.search(comment.text)
        if match:
            codes = {code.strip().upper() for code in match.group(1).split(",") if code.strip()}
            silenced.setdefault(comment.span.line, set()).update(codes)
    if not silenced:
        return findings
    return [d for d in findings if d.code not in REGISTRY or not ({d.code, "ALL"} & silenced.get(d.span.line, set()))]


__all__ = ["Calendar", "Checker", "Context", "Missing", "PlanFindings", "PlanView", "Problem", "WorkoutFindings"]
