"""Flags a plan week with fewer easy or recovery runs than quality sessions.

Each hard session needs easy running around it for the body to absorb it: a beginner
one easy run per hard session, more advanced runners two or three easy runs a week.
Weeks are calendar weeks, Monday to Sunday.

**Source.** "How to design easy recovery runs that promote blood flow and aid
adaptation between hard sessions" (beginners: one easy run for every hard session);
"How I Recover After Speed Sessions" (sandwich speed days between easy or off days).

**Options.** None.

**Passing.**

    plan "Week"
      2026-11-24 intervals 40min
      2026-11-25 easy 40min
      2026-11-27 tempo 40min
      2026-11-28 recovery 25min hr<z2

**Failing.**

    plan "Week"
      2026-11-24 intervals 40min
      2026-11-25 rest
      2026-11-27 tempo 40min
      2026-11-28 easy 40min
"""

from ...diagnostics import Problem, Severity

ID = "P304"
NAME = "too-few-easy-runs"
SEVERITY = Severity.WARNING
SCOPE = "plan"
OPTIONS: dict = {}
SUMMARY = "fewer easy or recovery runs than quality sessions in a plan week"


def check(view, ctx):
    for week in view.weeks():
        quality = sum(s.quality for s in week.sessions)
        easy = sum(s.easy for s in week.sessions)
        if easy < quality:
            yield Problem(
                week.sessions[0].entry.span,
                f"{week.label} has {quality} quality "
                + ("session" if quality == 1 else "sessions")
                + " but "
                + (
                    "no easy or recovery run"
                    if easy == 0
                    else f"only {easy} easy or recovery " + ("run" if easy == 1 else "runs")
                ),
                "add an easy run for each hard session",
            )
