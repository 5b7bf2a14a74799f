"""Flags a quality session that reaches its first hard step without a warm-up.

Hard running on cold legs is how strains happen, and the first interval run cold is
slow anyway. The warm-up is the easy running before the first hard step: warm-up
steps, and untargeted or easy steps (standing rest does not count). Strides may be
part of it but do not count toward its length. A warm-up whose length is not known (ended with the lap key, or a
distance with no pace to time it) is the runner's call and passes.

The hard part starts at the first repeat, or the first work step at zone 3 or above,
faster than the athlete's easy pace, or above 75 % FTP; when no step is known to be
that hard, at the first targeted work step, or else the first work step. A one-line
session (`tempo 20min pace 4:15/km`) is judged only when its main step has a target.

**Source.** "How I Recover After Speed Sessions" (warm up with a 15-20 minute jog,
drills and strides before speed work).

**Options.** `min_minutes` (default 15).

**Passing.**

    workout "Tempo" tempo
      warmup 15min hr<=z2
      run 20min pace 4:15-4:25/km
      cooldown 10min

**Failing.**

    workout "Cold tempo" tempo
      warmup 5min
      run 20min pace 4:15-4:25/km
      cooldown 10min
"""

from ...diagnostics import Problem, Severity
from ...model import Intensity, Repeat, Step
from ...units import shown
from ..training import hard_part, is_quality, step_seconds

ID = "S201"
NAME = "no-warmup"
SEVERITY = Severity.WARNING
SCOPE = "workout"
OPTIONS = {"min_minutes": 15}
SUMMARY = "a quality session without 15 minutes of easy running before the first hard step"


def check(workout, ctx):
    if not is_quality(workout, ctx.athlete):
        return
    hard = hard_part(workout, ctx.athlete)
    if hard is None:
        return
    seconds, open_ended = 0.0, False
    for node in workout.steps[: hard[0]]:  # only steps and strides come before the hard part
        if isinstance(node, Step) and node.intensity is not Intensity.REST:
            length = step_seconds(node, ctx.athlete)
            open_ended |= length is None
            seconds += length or 0
    limit = ctx.options["min_minutes"]
    if not open_ended and seconds < limit * 60:
        node = workout.steps[hard[0]]
        what = "repeat" if isinstance(node, Repeat) else "hard step"
        easy = f"only {shown(seconds / 60, limit)} min of" if seconds else "no"
        yield Problem(
            node.span,
            f"the first {what} comes after {easy} easy running",
            f"warm up with at least {limit:g} min of easy running first, like `warmup 15min hr<=z2`",
        )
