"""Flags more quality sessions within any 7 days than the athlete's level allows.

Quality sessions are where fitness is stimulated and where injuries start: beginners
should start with one a week, intermediate runners hold two, advanced runners three.
Quality is the effective intensity (see P301): an easy run at zone 4 counts. Long runs
do not count here (see P301). Without `athlete.level` the limit is the intermediate
one, and the first finding says so.

**Sports.** Runs only: the limits are Daniels' quality days of running. A
triathlete's hard rides and swims are not counted here (P301 and P309 judge the
days of every sport).

**Source.** "How I Recover After Speed Sessions" (start with one speed day a week);
"How to design easy recovery runs that promote blood flow and aid adaptation between
hard sessions" (avoid long, uninterrupted stretches of hard training).

**Options.** `beginner` (default 1), `intermediate` (default 2), `advanced`
(default 3): quality sessions allowed in 7 days.

**Profile.**

    [athlete]
    level = "intermediate"

**Passing.**

    plan "Week"
      2026-11-24 intervals 40min
      2026-11-26 easy 40min
      2026-11-28 tempo 40min

**Failing.**

    plan "Week"
      2026-11-23 intervals 40min
      2026-11-25 tempo 40min
      2026-11-27 hills 40min
"""

from datetime import timedelta

from ...diagnostics import Problem, Severity
from ..plans import day_words, labels
from ._plan import level_of

ID = "P303"
NAME = "too-many-quality-days"
SEVERITY = Severity.WARNING
SCOPE = "plan"
OPTIONS = {"beginner": 1, "intermediate": 2, "advanced": 3}
SUMMARY = "more quality sessions in 7 days than the level allows (1 / 2 / 3)"
WEEK = timedelta(days=7)


def check(calendar, ctx):
    quality = [s for s in calendar.sessions if s.quality and s.running]
    if not quality:
        return
    level, assumed = level_of(ctx)
    allowed = ctx.options[level]
    first = 0  # the first quality session of the 7 days up to this one (sessions are in time order)
    for index, session in enumerate(quality):
        while quality[first].day <= session.day - WEEK:
            first += 1
        window = quality[first : index + 1]
        if len(window) > allowed:
            said = f"the {level} level allows {allowed:g}"
            if assumed:
                said += " (athlete.level is not set: taken as intermediate)"
                assumed = False  # said once
            # it fits once the session that opens the surplus is 7 days behind it
            free = window[len(window) - int(allowed) - 1].day + WEEK
            yield Problem(
                session.entry.span,
                f"{len(window)} quality sessions within 7 days, {labels(window)}; {said}",
                f"make {session.name} an easy run, or move it to {day_words(free)} or later",
            )
