"""Notes a long run longer than the athlete's level allows.

Past a point a training run adds more fatigue and injury risk than endurance. Where
that point lies is where the schools part:

- Daniels (*Running Formula*) caps the long run by time: the lesser of 25 % of weekly
  volume and 150 minutes, for runners over 40 miles a week.
- Pfitzinger (*Advanced Marathoning*) and Higdon (his marathon plans, novice to
  advanced) cap it by distance: 20 miles, up to 22 for Pfitzinger, however long that
  takes.

Mainstream marathon plans follow the second school, so the default does too, and the
limits are time: the minutes their longest run takes at each level's usual long-run
pace, rounded up. Beginner 240 minutes (20 miles at 12:00/mi); intermediate and
advanced 210 (20 miles at 10:30/mi, 22 at 9:30/mi). Slower runners get longer, not
shorter: they need more time for the same distance. Without `athlete.level` only a run
past every level's limit is noted. The rule is a note, not a warning, as no school
speaks for all. Daniels' reading is one line:
`S203 = { beginner = 150, intermediate = 150, advanced = 150 }` (and
`severity = "warning"` to make it one). The share of the week a long run takes is
P306's business.

**Sports.** Runs only: the limits are running's; a long ride of five hours or a
day-long hike is no mistake.

**Source.** Daniels, *Running Formula* (long run at most 150 minutes); Pfitzinger and
Douglas, *Advanced Marathoning* (long runs up to 20-22 miles); Higdon's marathon
training plans (20 miles).

**Options.** `beginner` (default 240), `intermediate` (default 210), `advanced`
(default 210): the longest long run, in minutes, for each `athlete.level`.

**Passing.**

    long 20mi hr<=z2

**Failing.**

    long 4h hr<=z2
"""

from ...diagnostics import Problem, Severity
from ...units import shown
from ..config import LEVELS
from ..training import workout_seconds

ID = "S203"
NAME = "long-run-too-long"
SEVERITY = Severity.INFO
SCOPE = "workout"
KINDS = {"long"}  # the runner skips other sessions
SPORTS = {"running"}
OPTIONS = {"beginner": 240, "intermediate": 210, "advanced": 210}
SUMMARY = "a long run over the level's limit (240 minutes for beginners, 210 for others)"
WHOSE = {"beginner": "a beginner", "intermediate": "an intermediate runner", "advanced": "an advanced runner"}


def check(workout, ctx):
    minutes = workout_seconds(workout, ctx.athlete) / 60
    limits = {level: ctx.options[level] for level in LEVELS}
    if minutes <= min(limits.values()):
        return  # within every level's limit: the level need not be known
    level = ctx.athlete.level
    limit = limits[level] if level in limits else max(limits.values())
    if minutes > limit:
        yield Problem(
            workout.span,
            f"this long run lasts {shown(minutes, limit)} min, more than {WHOSE.get(level, 'any level')}'s {limit:g} min",
            f"shorten it to {limit:g} min or less; for more endurance, add a mid-week medium-long run",
        )
