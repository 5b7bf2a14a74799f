"""Reports a long run that takes too large a share of its week's running time.

When the long run dominates the week, it is run on legs that have not built the
weekly base to carry it. The schools differ on how large a share is too large:

- Daniels keeps it under 30 % of weekly volume for runners under 40 miles a week
  (the lesser of 25 % and 150 minutes above);
- Higdon's novice marathon plans reach half the week: a 20-mile long run in a
  40-mile week;
- Galloway's run-walk plans go further still, with long runs of 26 miles and short
  weekday runs.

So: info above `max_percent` (Daniels), warning above `warning_percent` (past
Higdon's novice peak: more than half the week in one run). Galloway's runners raise
`warning_percent`.

**Sports.** Runs only: the long run against the week's running time.

**Source.** Daniels, *Running Formula* (long run at most 30 % of weekly volume under
40 mi/week, otherwise the lesser of 25 % and 150 minutes); Higdon, *Marathon: The
Ultimate Training Guide* (novice plans: 20 miles in a 40-mile week); Galloway,
*Marathon: You Can Do It!* (run-walk long runs beyond the race distance).

**Options.** `max_percent` (default 30): info above it; `warning_percent` (default
50): a warning above it.

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
from ._plan import minutes

ID = "P306"
NAME = "long-run-share"
SEVERITY = Severity.WARNING
SCOPE = "plan"
OPTIONS = {"max_percent": 30, "warning_percent": 50}
SUMMARY = "a long run over 30 % (info) or 50 % (warning) of its week's running time"


def check(calendar, ctx):
    guideline, warning = ctx.options["max_percent"], ctx.options["warning_percent"]
    for week in calendar.measured_weeks():
        for session in week.runs:
            share = round(session.seconds * 100 / week.running_seconds, 6)  # a share of exactly half stays half
            if session.long and share > guideline:
                limit = warning if share > warning else guideline
                yield Problem(
                    session.entry.span,
                    f"the long run {session.label} is {shown(share, limit)} % of the running time "
                    f"in {week.label}, more than {limit:g} %",
                    _hint(session.seconds, week.running_seconds, guideline),
                    None if share > warning else Severity.INFO,
                )


def _hint(long: float, week: float, percent: float) -> str:
    """How to bring the long run to `percent` of the week: shorten it, or add running."""
    if percent >= 100:
        return "shorten it, or add easy running to the week"
    others = week - long
    shorter = others * percent / (100 - percent)
    more = long * 100 / percent - week
    return (
        f"to bring it to {percent:g} %, shorten it to {minutes(shorter)} "
        f"or add {minutes(more)} of easy running to the week"
    )
