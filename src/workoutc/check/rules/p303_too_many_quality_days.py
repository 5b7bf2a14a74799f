"""Flags more quality sessions within any 7 days than the athlete's level allows.

Quality sessions are where fitness is stimulated and where injuries start: beginners
should start with one a week, intermediate runners hold two, advanced runners three.
Long runs do not count here (see P301).

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

ID = "P303"
NAME = "too-many-quality-days"
SEVERITY = Severity.WARNING
SCOPE = "plan"
OPTIONS = {"beginner": 1, "intermediate": 2, "advanced": 3}
SUMMARY = "more quality sessions in 7 days than the level allows (1 / 2 / 3)"


def check(view, ctx):
    quality = [s for s in view.sessions if s.quality]
    if not quality:
        return
    level = ctx.athlete.level
    if level is None:
        return
    allowed = ctx.options[level]
    first = 0  # the first quality session of the 7 days up to this one (sessions are in time order)
    for index, session in enumerate(quality):
        window_start = session.start.date() - timedelta(days=6)
        while quality[first].start.date() < window_start:
            first += 1
        count = index - first + 1
        if count > allowed:
            yield Problem(
                session.entry.span,
                f"quality session {count} within 7 days (up to {session.start.date().isoformat()}); "
                f"the {level} level allows {allowed:g}",
                "make one of them an easy run",
            )
