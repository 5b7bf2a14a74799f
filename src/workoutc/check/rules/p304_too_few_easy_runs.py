"""Flags a plan week with fewer easy days than hard sessions.

Each hard session needs easy time around it for the body to absorb it: "sandwich
speed days between easy or off days". So an off day is as good a buffer as an easy
run: a rest entry, or a day inside the plan's span that no entry mentions. Quality
sessions count as hard; easy runs are easy and recovery runs that are easy in effect
(an easy run at zone 4 is not one). Races are not counted: what follows a race is
P311's business. Weeks are calendar weeks, Monday to Sunday.

Beginners are held to the ratio the articles give them, one easy run for every hard
session, and their long run counts as a hard session. Whether a beginner's rest day
may stand in for that easy run is where the articles part: one asks for the easy run,
the other says complete beginners may recover better with rest days. The default
asks for the run; `beginner_rest_counts = true` takes the rest day. A hint never asks
to turn a `rest` entry into a run: it offers a day the plan leaves free, or an easier
hard session. Without `athlete.level` the runner is taken as intermediate.

**Sports.** Runs only: quality runs against easy runs and days without a run (a day
of swimming only is an off day from running).

**Source.** "How to design easy recovery runs that promote blood flow and aid
adaptation between hard sessions" (beginners: one easy run for every hard session);
"How I Recover After Speed Sessions" (sandwich speed days between easy or off days);
"Recovery Run: Speed Up Recovery Between Hard Workouts" (complete beginners may
recover better through rest days).

**Options.** `beginner_rest_counts` (default false): whether a beginner's off days
count as easy days.

**Passing.**

    plan "Week"
      2026-11-24 intervals 40min
      2026-11-25 rest
      2026-11-27 tempo 40min
      2026-11-28 easy 40min

**Failing.**

    plan "Week"
      2026-11-23 intervals 40min
      2026-11-24 tempo 40min
      2026-11-25 hills 40min
      2026-11-26 easy 40min
      2026-11-27 fartlek 40min
      2026-11-28 easy 40min
      2026-11-29 long 1h30min
"""

from ...diagnostics import Problem, Severity
from ...reporter import plural
from ..plans import day_words, labels
from ._plan import free_days, level_of, off_days

ID = "P304"
NAME = "too-few-easy-runs"
SEVERITY = Severity.WARNING
SCOPE = "plan"
OPTIONS = {"beginner_rest_counts": False}
SUMMARY = "fewer easy or off days than hard sessions in a plan week (beginners: easy runs, long run hard)"


def check(calendar, ctx):
    beginner = level_of(ctx)[0] == "beginner"
    rest_counts = not beginner or ctx.options["beginner_rest_counts"]
    for week in calendar.weeks():
        hard = [s for s in week.runs if (s.quality and not _race(s)) or (beginner and s.long)]
        if not hard:
            continue
        easy = sum(s.easy for s in week.runs)
        off = len(off_days(week, calendar)) if rest_counts else 0
        if easy + off < len(hard):
            yield _problem(week, hard, easy, off, rest_counts, beginner)


def _race(session) -> bool:
    return session.workout is not None and session.workout.kind == "race"


def _problem(week, hard, easy: int, off: int, rest_counts: bool, beginner: bool) -> Problem:
    what = "hard session" if beginner else "quality session"
    has = plural(easy, "easy run") if easy else "no easy run"
    if rest_counts:
        has += f" and {plural(off, 'off day')}" if off else " and no off day"
    missing = len(hard) - easy - off
    free = free_days(week)
    easier = [s for s in hard if s.quality] or hard
    if free:
        change = f"add {plural(missing, 'easy run')}, on {', '.join(day_words(day) for day in free[:missing])}"
    else:
        chosen = easier[-missing:]
        change = f"make {' and '.join(s.name for s in chosen)} {'an easy run' if len(chosen) == 1 else 'easy runs'}"
    if not rest_counts:
        change += ", or count rest days as easy days (`P304 = { beginner_rest_counts = true }`)"
    return Problem(
        hard[0].entry.span,
        f"{week.label} has {plural(len(hard), what)}, {labels(hard)}, but {has}",
        f"{change}; each {what} needs an easy day",
    )
