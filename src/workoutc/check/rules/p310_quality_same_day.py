"""Flags two quality sessions on the same day.

A double is meant to be a hard session and a short easy one; two hard sessions in
one day stack the load the articles spread out over days. The Norwegian model of
double threshold days (two controlled threshold sessions, lactate measured) is the
school that disagrees: elite runners with a coach and a lactate meter. A deliberate
double threshold day is silenced on its line with `# workoutc: disable=P310`.

**Sports.** Two quality sessions of one sport: a hard swim in the morning and a hard
ride in the evening, or a triathlete's brick (a ride, then a run), are not a double
of one sport.

**Source.** "How I Recover After Speed Sessions" (you do not stack intervals, race
pace and hills; sandwich speed days between easy or off days); "Recovery Run: Speed
Up Recovery Between Hard Workouts" (a double is a short recovery run later the day).

**Options.** None.

**Passing.**

    plan "Week"
      2026-11-24 07:00 intervals 45min
      2026-11-24 18:00 recovery 25min hr<z2

**Failing.**

    plan "Week"
      2026-11-24 07:00 intervals 45min
      2026-11-24 18:00 tempo 30min
"""

from ...diagnostics import Problem, Severity
from ..plans import day_words, labels
from ._plan import DAY

ID = "P310"
NAME = "quality-same-day"
SEVERITY = Severity.WARNING
SCOPE = "plan"
OPTIONS: dict = {}
SUMMARY = "two quality sessions on one day"


def check(calendar, ctx):
    days = calendar.days()
    hard_days = {day for day, sessions in days if any(s.hard for s in sessions)}
    free = None
    for day, sessions in days:
        quality = _same_sport(s for s in sessions if s.quality)
        if len(quality) > 1:
            free = _next_free(max(day + 2 * DAY, free or day), hard_days)
            yield Problem(
                quality[1].entry.span,
                f"{len(quality)} quality sessions on {day_words(day)}: {labels(quality)}",
                f"move {quality[1].name} to {day_words(free)}, between easy days, or run it easy",
            )


def _same_sport(quality) -> list:
    """The day's quality sessions of the sport with the most of them (the first such
    sport): a hard swim and a hard ride, or a brick, are no double of one sport."""
    by_sport: dict[str, list] = {}
    for session in quality:
        by_sport.setdefault(session.sport, []).append(session)
    return max(by_sport.values(), key=len, default=[])


def _next_free(day, hard_days: set):
    """The first day from `day` with no hard session on it or either side of it (days
    are asked for in order, each from where the last search ended: linear work)."""
    while day in hard_days or day - DAY in hard_days or day + DAY in hard_days:
        day += DAY
    return day
