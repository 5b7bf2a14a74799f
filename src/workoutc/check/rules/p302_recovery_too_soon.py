"""Flags an easy or recovery run that comes too soon after a quality session.

A recovery run helps only once the hard session has been absorbed; the articles put
intense work and the recovery run at least 24 hours apart, and keep same-day doubles
(a short recovery run later the same day) for intermediate and advanced runners. So:

- for a beginner (`athlete.level`), the run must come `min_hours` (24) after the
  quality session: an evening session and a recovery run the next morning are too
  close;
- for others, a double is fine once `double_hours` (6) have passed: a morning session
  and an evening jog, or an evening session and the next morning's jog.

When both entries give a time the hours between them are compared; when either has
none, only calendar days are (a beginner's run must be on a later day; anyone else's
may be the same day). Without `athlete.level` the runner is taken as intermediate.

**Sports.** Runs only: the quality session and the easy run are both runs (the
hours between a double's runs); a swim or a spin after a hard run is not judged.

**Source.** "How to design easy recovery runs that promote blood flow and aid
adaptation between hard sessions" (at least 24 hours between intense work and the
recovery run); "Recovery Run: Speed Up Recovery Between Hard Workouts" (a short
recovery run later in the day after a morning workout, for some intermediate to
advanced athletes; "not required for beginners").

**Options.** `min_hours` (default 24): for beginners; `double_hours` (default 6): for
everyone else.

**Profile.**

    [athlete]
    level = "beginner"

**Passing.**

    plan "Week"
      2026-11-24 18:00 tempo 20min
      2026-11-25 18:00 recovery 25min hr<z2

**Failing.**

    plan "Week"
      2026-11-24 18:00 tempo 20min
      2026-11-25 07:00 recovery 25min hr<z2
"""

from datetime import datetime, timedelta

from ...diagnostics import Problem, Severity
from ...units import shown
from ..plans import day_words
from ._plan import level_of

ID = "P302"
NAME = "recovery-too-soon"
SEVERITY = Severity.WARNING
SCOPE = "plan"
OPTIONS = {"min_hours": 24, "double_hours": 6}
SUMMARY = "an easy or recovery run too soon after a quality session (24 h for beginners, 6 h for others)"


def check(calendar, ctx):
    runs = [s for s in calendar.sessions if s.running]
    if not any(s.quality for s in runs):
        return
    beginner = level_of(ctx)[0] == "beginner"
    limit = ctx.options["min_hours" if beginner else "double_hours"]
    last_quality = None
    for session in runs:
        if session.easy and last_quality is not None and _too_soon(last_quality, session, limit):
            yield _problem(last_quality, session, limit, beginner)
        if session.quality:
            last_quality = session


def _too_soon(quality, run, limit: float) -> bool:
    if quality.entry.at is None or run.entry.at is None:  # only the days are known
        return (run.day - quality.day).days < limit // 24
    return _hours(quality.start, run.start) < limit


def _hours(earlier: datetime, later: datetime) -> float:
    return (later - earlier).total_seconds() / 3600


def _problem(quality, run, limit: float, beginner: bool) -> Problem:
    what = "recovery run" if run.workout.kind == "recovery" else "easy run"
    if quality.entry.at is None or run.entry.at is None:
        gap = "the same day as" if run.day == quality.day else "the day after"
        earliest = day_words(quality.day + timedelta(days=int(limit // 24)))
    else:
        gap = f"{shown(_hours(quality.start, run.start), limit)} h after"
        earliest = _when(quality.start + timedelta(hours=limit))
    message = f"this {what}, {run.label}, comes {gap} {quality.label}, less than {limit:g} h"
    if beginner:
        return Problem(run.entry.span, message, f"as a beginner, run it on {earliest} or later, or rest that day")
    return Problem(
        run.entry.span, message, f"a double needs {limit:g} h between the runs: start it at {earliest} or later"
    )


def _when(moment: datetime) -> str:
    return f"{day_words(moment.date())} {moment:%H:%M}"
