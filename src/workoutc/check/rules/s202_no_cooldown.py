"""Notes a quality session that ends on a hard step.

Jogging easily for a few minutes after hard work brings the heart rate down gently and
eases the legs into recovery; finishing on the last interval skips that.

**Source.** "How I Recover After Speed Sessions" (recovery starts the moment the hard
work stops); "How to design easy recovery runs that promote blood flow and aid
adaptation between hard sessions" (a short cooldown helps the body into a recovery
state).

**Options.** None.

**Passing.**

    workout "Track" intervals
      warmup 15min
      6x
        run 400m pace 3:30-3:40/km
        recover 200m
      cooldown lap

**Failing.**

    workout "No cooldown" intervals
      warmup 15min
      6x
        run 400m pace 3:30-3:40/km
        recover 200m
"""

from ...diagnostics import Problem, Severity
from ..training import hard_part, is_quality

ID = "S202"
NAME = "no-cooldown"
SEVERITY = Severity.INFO
SCOPE = "workout"
OPTIONS: dict = {}
SUMMARY = "a quality session that ends on a hard step"


def check(workout, ctx):
    if not is_quality(workout, ctx.athlete):
        return
    hard = hard_part(workout, ctx.athlete)
    if hard is not None and hard[1] == len(workout.steps) - 1:
        yield Problem(
            workout.steps[-1].span,
            "the session ends on its hard part",
            "finish with a few easy minutes, like `cooldown 10min` or `cooldown lap`",
        )
