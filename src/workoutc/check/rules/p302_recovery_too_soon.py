"""Flags, for beginners, an easy or recovery run less than 24 hours after a quality session.

A recovery run helps only once the hard session has been absorbed; the articles put
it at least a day later. Same-day doubles are for intermediate and advanced runners,
so this rule applies when `athlete.level` is "beginner". Entries without a time count
as noon, so two entries on consecutive days are 24 hours apart.

**Source.** "How to design easy recovery runs that promote blood flow and aid
adaptation between hard sessions" and "Recovery Run: Speed Up Recovery Between Hard
Workouts" (at least 24 hours between intense work and the recovery run; doubles only
for intermediate and advanced runners).

**Options.** `min_hours` (default 24).

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

from ...diagnostics import Problem, Severity
from ...units import shown

ID = "P302"
NAME = "recovery-too-soon"
SEVERITY = Severity.WARNING
SCOPE = "plan"
OPTIONS = {"min_hours": 24}
SUMMARY = "an easy or recovery run less than 24 h after a quality session (beginners)"


def check(view, ctx):
    if not any(s.quality for s in view.sessions) or ctx.athlete.level != "beginner":
        return
    limit = ctx.options["min_hours"]
    last_quality = None
    for session in view.sessions:
        if session.easy and last_quality is not None:
            hours = (session.start - last_quality.start).total_seconds() / 3600
            if hours < limit:
                yield Problem(
                    session.entry.span,
                    f"this easy run comes {shown(hours, limit)} h after a quality session, less than {limit:g} h",
                    "as a beginner, leave a full day before the next run, or rest",
                )
        if session.quality:
            last_quality = session
