"""Notes a week whose days all carry much the same load: Foster's monotony and strain.

Foster measured each session's load as its rating of perceived exertion (on his
0-10 scale) times its minutes, and found illness and overtraining followed weeks that
were both heavy and monotonous. Monotony is the mean daily load of a week over its
standard deviation (rest days count zero); strain is the week's load times its
monotony. A plan cannot know the runner's ratings, so each session is rated by its
effective intensity: easy 2 ("easy"), moderate 4 ("somewhat hard"), hard 7 ("very
hard"; a quality session's rating takes in its warm-up). Foster's threshold for
monotony, 2.0, is a common figure rather than a law, and strain has no threshold but
the athlete's own history, so this rule is a note, and it gives the strain for the
runner to compare week with week. Judged for weeks the plan covers all seven days
of, with every session's length known.

**Sports.** Every sport: Foster's session load is the session's rating times its
minutes, in any sport. A week holding a session of unknown length is not judged.

**Source.** Foster, "Monitoring training in athletes with reference to overtraining
syndrome" (Medicine & Science in Sports & Exercise, 1998).

**Options.** `max_monotony` (default 2.0).

**Passing.**

    plan "Week"
      2026-11-23 rest
      2026-11-24 intervals 50min
      2026-11-25 easy 40min
      2026-11-26 tempo 45min
      2026-11-27 rest
      2026-11-28 easy 40min
      2026-11-29 long 1h40min

**Failing.**

    plan "Week"
      2026-11-23 easy 45min
      2026-11-24 easy 45min
      2026-11-25 easy 45min
      2026-11-26 easy 45min
      2026-11-27 easy 45min
      2026-11-28 easy 45min
      2026-11-29 easy 50min
"""

from ...diagnostics import Problem, Severity
from ..load import monotony
from ..training import EASY, HARD, MODERATE
from ._plan import DAY, covered_days

ID = "P313"
NAME = "monotony"
SEVERITY = Severity.INFO
SCOPE = "plan"
OPTIONS = {"max_monotony": 2.0}
SUMMARY = "a week's training monotony (Foster) over 2.0, with its strain"
RATING = {EASY: 2, MODERATE: 4, HARD: 7}  # Foster's session rating, from the effective intensity


def check(calendar, ctx):
    limit = ctx.options["max_monotony"]
    for week in calendar.weeks():
        if covered_days(week, calendar) < 7 or not week.timed:
            continue
        loads = [0.0] * 7
        for session in week.sessions:
            if session.workout is not None:
                loads[session.day.weekday()] += RATING[session.intensity.level] * session.seconds / 60
        found = monotony(loads)
        if found is not None and found > limit:
            yield _problem(week, loads, found, limit)


def _problem(week, loads: list[float], found: float, limit: float) -> Problem:
    endless = found == float("inf")
    said = "every day carries the same load" if endless else f"monotony {found:.1f}"
    strain = "" if endless else f", strain {sum(loads) * found:.0f}"
    lightest = min(range(7), key=lambda day: loads[day] if loads[day] > 0 else float("inf"))
    eased = [*loads[:lightest], 0.0, *loads[lightest + 1 :]]
    after = monotony(eased)
    day = week.monday + lightest * DAY
    named = next(session for session in week.sessions if session.day == day)
    return Problem(
        week.sessions[0].entry.span,
        f"{week.label} is monotonous: {said} (mean daily load over its spread; above {limit:g}){strain}",
        f"vary the days: a rest day instead of {named.label} brings monotony to "
        + (f"{after:.1f}" if after is not None and after != float("inf") else "below the limit")
        + ", or make the easy days easier and the hard days harder",
    )
