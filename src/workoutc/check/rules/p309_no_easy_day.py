"""Flags seven days in a row without an easy or off day.

Hard sessions need easy days around them, and so does the body over a week: a run of
days each holding a quality session, a long run, a steady run or a double with a hard
session leaves no day to absorb them. An easy day holds only easy or recovery runs
that are easy in effect (an easy run at zone 4 is not one), or no run at all: a rest
entry, or a day inside the plan's span that no entry mentions. P307 measures the
share of easy running in a week; this rule looks for the days.

**Sports.** Every sport: an easy day is an off day or one of easy or recovery
sessions easy in effect, of any sport (`easy ride 60min power z2`); a strength
session counts as moderate unless its kind says it is easy.

**Source.** "How I Recover After Speed Sessions" ("Sandwich speed days between easy or
off days. Always."); "How to design easy recovery runs that promote blood flow and
aid adaptation between hard sessions" ("avoid long, uninterrupted stretches of hard
training").

**Options.** `max_days` (default 6): the most days in a row without an easy or off day.

**Passing.**

    plan "Week"
      2026-11-23 intervals 45min
      2026-11-24 steady 50min
      2026-11-25 tempo 40min
      2026-11-26 easy 40min
      2026-11-27 steady 50min
      2026-11-28 hills 40min
      2026-11-29 long 1h40min

**Failing.**

    plan "Week"
      2026-11-23 intervals 45min
      2026-11-24 steady 50min
      2026-11-25 tempo 40min
      2026-11-26 steady 45min
      2026-11-27 steady 50min
      2026-11-28 hills 40min
      2026-11-29 long 1h40min
"""

from ...diagnostics import Problem, Severity
from ..plans import day_words, labels
from ..sports import noun
from ._plan import every_day, is_easy_day

ID = "P309"
NAME = "no-easy-day"
SEVERITY = Severity.WARNING
SCOPE = "plan"
OPTIONS = {"max_days": 6}
SUMMARY = "seven days in a row without an easy or off day"


def check(calendar, ctx):
    limit = ctx.options["max_days"]
    streak: list = []  # the days since the last easy or off day, each as its sessions
    for _, sessions in every_day(calendar):
        if is_easy_day(sessions):
            streak = []
            continue
        streak.append(sessions)
        if len(streak) == int(limit) + 1:  # said once per stretch, where it passes the limit
            yield _problem(streak)


def _problem(streak: list) -> Problem:
    runs = [s for day in streak for s in day if s.workout is not None]
    lightest = min((s for s in runs if not s.hard), key=_weight, default=min(runs, key=_weight))
    first, last = runs[0].day, runs[-1].day
    return Problem(
        streak[-1][0].entry.span,
        f"{len(streak)} days in a row without an easy or off day, {day_words(first)} to {day_words(last)}: "
        f"{labels(runs)}",
        f"make {lightest.label} an easy {noun(lightest.workout)} of under 2 hours, or rest that day",
    )


def _weight(session) -> tuple:
    """Lightest first: by effective intensity, then length."""
    return (session.intensity.level, session.seconds)
