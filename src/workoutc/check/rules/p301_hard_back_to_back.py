"""Flags hard days (quality sessions or long runs) on consecutive days.

Hard sessions do their good in the recovery after them; stacking two leaves the second
run on tired legs and the body no time to adapt. A quality session is one whose
effective intensity is hard: one of the kinds tempo, threshold, intervals, hills,
fartlek or race, or any session (one-line or not, whatever its kind) with a step at
zone 4 or above, at threshold pace or faster, or above 90 % FTP. Long runs count as
hard here. The finding names both days' sessions and what makes each hard.

The schools part on one pair: Pfitzinger puts the long run the day after a tune-up
race, on purpose, so that its last miles are run on tired legs as the marathon's will
be. A race followed by a long run is left to P311, which judges what a race of that
distance allows after it (a marathon: no running for days).

**Sports.** Every sport: a hard day is hard on the body whatever the sport, so a
threshold ride the day after a track session counts, as does a long ride (a session
of kind `long`).

**Source.** "How I Recover After Speed Sessions" ("Sandwich speed days between easy or
off days. Always."; after a Saturday long run, Sunday is rest or a light jog); "How to
design easy recovery runs that promote blood flow and aid adaptation between hard
sessions" (avoid long, uninterrupted stretches of hard training); Pfitzinger and
Douglas, *Advanced Marathoning* (tune-up races, the long run the next day).

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
from ..plans import day_words
from ..sports import noun
from ._plan import DAY

ID = "P301"
NAME = "hard-back-to-back"
SEVERITY = Severity.WARNING
SCOPE = "plan"
OPTIONS: dict = {}
SUMMARY = "two hard days (quality or long) in a row"


def check(calendar, ctx):
    before: list = []  # the hard sessions of the last hard day
    for day, sessions in calendar.days():
        hard = [s for s in sessions if s.hard]
        if hard and before and day - before[0].day == DAY and not _tune_up_weekend(before, hard):
            yield Problem(
                hard[0].entry.span,
                f"{hard[0].described(why_hard(hard[0]))} comes the day after "
                f"{before[0].described(why_hard(before[0]))}: two hard days in a row",
                f"move {hard[0].name} to {day_words(day + DAY)} or later, or run it easy, "
                "so an easy or rest day follows each hard day",
            )
        before = hard or before


def _tune_up_weekend(before: list, hard: list) -> bool:
    """A race, then a long run the next day: Pfitzinger's tune-up weekend (P311 judges
    what a race allows after it)."""
    races = all(s.workout is not None and s.workout.kind == "race" for s in before)
    return races and not any(s.quality for s in hard)


def why_hard(session) -> str:
    """What makes the session hard: its effective intensity, or its being the long run."""
    return session.intensity.why if session.quality else f"the long {noun(session.workout)}"
