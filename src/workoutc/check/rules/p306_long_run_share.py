"""Notes a long run that takes more than `max_percent` of its week's running time.

When the long run dominates the week, it is run on legs that have not built the
weekly base to carry it. Daniels keeps it under 30 % of weekly volume for runners
under 40 miles a week (25 % above).

**Source.** Daniels, *Running Formula* (long run at most 30 % of weekly volume under
40 mi/week, otherwise the lesser of 25 % and 150 minutes).

**Options.** `max_percent` (default 30).

**Passing.**

    plan "Week"
      2026-11-23 easy 45min
      2026-11-24 easy 45min
      2026-11-25 easy 45min
      2026-11-27 easy 45min
      2026-11-28 easy 45min
      2026-11-29 long 1h20min

**Failing.**

    plan "Week"
      2026-11-25 easy 40min
      2026-11-29 long 2h
"""

from ...diagnostics import Problem, Severity
from ...units import shown

ID = "P306"
NAME = "long-run-share"
SEVERITY = Severity.INFO
SCOPE = "plan"
OPTIONS = {"max_percent": 30}
SUMMARY = "a long run over 30 % of its week's running time"


def check(view, ctx):
    limit = ctx.options["max_percent"]
    for week in view.measured_weeks():
        for session in week.sessions:
            share = session.seconds * 100 / week.seconds
            if session.long and share > limit:
                yield Problem(
                    session.entry.span,
                    f"this long run is {shown(share, limit)} % of the running time in {week.label}, more than {limit:g} %",
                    "shorten it, or add easy running to the week",
                )
