"""Flags a warm-up or cool-down with a hard target.

A warm-up readies the body for hard work by easy running (strides and drills may
follow it); a cool-down brings it down after. Either at zone 4 or above, at threshold
pace or faster, or above 90 % FTP is hard work under another name: the session is
harder than it reads, and the hard part starts cold or never ends. The plan rules
count such a session as hard (its effective intensity).

**Sports.** Every sport: a warm-up is easy in any of them. Pace is judged in runs only
(`sports.judges_pace`), heart rate and power everywhere.

**Source.** "How I Recover After Speed Sessions" (warm up with a 15-20 minute jog,
drills and strides before speed work); "How to design easy recovery runs that
promote blood flow and aid adaptation between hard sessions" (a short cool-down helps
the body into a recovery state).

**Options.** None.

**Passing.**

    workout "Track" intervals
      warmup 15min hr<=z2
      6x
        run 800m pace 3:40-3:50/km
        recover 2min
      cooldown 10min hr<=z2

**Failing.**

    workout "Track" intervals
      warmup 15min hr z5
      6x
        run 800m pace 3:40-3:50/km
        recover 2min
      cooldown 10min
"""

from ...diagnostics import Problem, Severity
from ...model import Intensity, walk_steps
from ..sports import doing
from ..training import HARD, target_effort, target_words

ID = "S207"
NAME = "warmup-too-hard"
SEVERITY = Severity.WARNING
SCOPE = "workout"
OPTIONS: dict = {}
SUMMARY = "a warm-up or cool-down at zone 4+, threshold pace or faster, or above 90 % FTP"
WORDS = {Intensity.WARMUP: "warm-up", Intensity.COOLDOWN: "cool-down"}


def check(workout, ctx):
    for step in walk_steps(workout.steps):
        what = WORDS.get(step.intensity)
        if what is None:
            continue
        for target in step.targets:
            if target_effort(target, ctx.athlete, workout.sport) == HARD:
                yield Problem(
                    target.span,
                    f"a {what} at {target_words(target)} is hard {doing(workout)}",
                    f"run the {what} easy, like `{step.intensity.value} 15min hr<=z2`; strides can follow the warm-up",
                )
