"""Notes a quality session that ends on a hard step.

Jogging easily for a few minutes after hard work brings the heart rate down gently and
eases the legs into recovery; finishing on the last interval skips that. Strides or
any easy step after the hard part count as a cool-down. A one-line session
(`tempo 20min pace 4:15/km`) has no room for one: the hint spells out its block form.

A `race` is not judged: the cool-down after a race is not part of the race workout
on the watch (and after a marathon, walking is the cool-down). Nor is an `easy`, `long`
or `recovery` run with a hard target: the fix is to run it easy (S206, R103).

**Sports.** Runs and rides, as S201: a swim's warm-down, a strength session's
stretching and a walk are not judged.

**Source.** "How to design easy recovery runs that promote blood flow and aid
adaptation between hard sessions" ("a short cooldown with slow strides helps
transition the body into a recovery state rather than letting the system remain in a
heightened, compensatory mode").

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
from . import s201_no_warmup as s201

# A race's warm-up is off the watch; an easy, long or recovery run with a hard target is
# S206's or R103's finding (run it easy), not a missing cool-down.
UNJUDGED_KINDS = frozenset({"race", "easy", "long", "recovery"})

ID = "S202"
NAME = "no-cooldown"
SEVERITY = Severity.INFO
SCOPE = "workout"
SPORTS = {"running", "cycling"}
OPTIONS: dict = {}
SUMMARY = "a quality session (not a race) that ends on a hard step"


def check(workout, ctx):
    if workout.kind in UNJUDGED_KINDS or not is_quality(workout, ctx.athlete):
        return
    hard = hard_part(workout, ctx.athlete)
    if hard is None or hard[1] != len(workout.steps) - 1:
        return
    if workout.one_line:
        warm_up = s201.warm_up_minutes(workout, ctx.config.rule_options(s201))
        yield Problem(
            workout.steps[-1].span,
            f"a one-line {workout.kind} session ends on its hard step, with no cool-down",
            f"it has no room for one: {s201.as_block(workout, warm_up)}",
        )
        return
    yield Problem(
        workout.steps[-1].span,
        "the session ends on its hard part",
        "finish with a few easy minutes, like `cooldown 10min hr<=z2` or `cooldown lap`",
    )
