"""Flags hard days (quality sessions or long runs) on consecutive days.

Hard sessions do their good in the recovery after them; stacking two leaves the second
run on tired legs and the body no time to adapt. A quality session is one of the kinds
tempo, threshold, intervals, hills, fartlek or race, or any block workout with a work
step at zone 4 or above, at threshold pace or faster, or above 90 % FTP (a one-line
session is what its kind says). Long runs count as hard here.

**Source.** "How I Recover After Speed Sessions" ("Sandwich speed days between easy or
off days. Always."; after a Saturday long run, Sunday is rest or a light jog); "How to
design easy recovery runs that promote blood flow and aid adaptation between hard
sessions" (avoid long, uninterrupted stretches of hard training).

**Options.** None.

**Passing.**

    workout "Track" intervals
      warmup 15min
      6x
        run 800m pace 3:40-3:50/km
        recover 2min
      cooldown 10min

    plan "Week"
      2026-11-24 "Track"
      2026-11-25 recovery 30min hr<z2
      2026-11-26 tempo 20min

**Failing.**

    workout "Track" intervals
      warmup 15min
      6x
        run 800m pace 3:40-3:50/km
        recover 2min
      cooldown 10min

    plan "Week"
      2026-11-24 "Track"
      2026-11-25 tempo 20min
"""

from ...diagnostics import Problem, Severity

ID = "P301"
NAME = "hard-back-to-back"
SEVERITY = Severity.WARNING
SCOPE = "plan"
OPTIONS: dict = {}
SUMMARY = "two hard sessions (quality or long) on consecutive days"


def check(view, ctx):
    previous = None
    for day, sessions in view.days():
        hard = [s for s in sessions if s.hard]
        if hard and previous is not None and (day - previous).days == 1:
            yield Problem(
                hard[0].entry.span,
                f"a hard session on {day.isoformat()} follows the hard day before it",
                "put an easy run or a rest day between hard days",
            )
        previous = day if hard else previous
