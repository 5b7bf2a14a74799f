"""Flags a distance in metres too short to be meant for its step.

`m` is always metres in workoutc, but `run 30m` was almost certainly meant as
30 minutes. A step (other than a stride) shorter than `min_metres` is reported with
the minutes reading as a hint.

**Sports.** Every sport but swimming, where `25m` and `50m` are a pool's lengths, and
strength and cardio (FIT's "training"), where a 20 m sled push or a 30 m carry is
what was meant.

**Source.** A common slip: many apps write minutes as `m`.

**Options.** `min_metres` (default 100).

**Passing.**

    workout "Hills" hills
      warmup 15min
      8x
        run 200m
        recover 200m
      cooldown 10min

**Failing.**

    workout "Easy" easy
      run 30m hr<=z2
"""

from ...diagnostics import Problem, Severity
from ...model import Distance, walk_steps

ID = "S205"
NAME = "ambiguous-unit"
SEVERITY = Severity.WARNING
SCOPE = "workout"
OPTIONS = {"min_metres": 100}
SUMMARY = "a distance in metres implausible for its step (`run 30m`: 30 minutes?)"


UNJUDGED_SPORTS = frozenset({"swimming", "training"})  # short distances are meant there


def check(workout, ctx):
    if workout.sport in UNJUDGED_SPORTS:
        return
    for step in walk_steps(workout.steps):
        duration = step.duration
        if step.stride or not isinstance(duration, Distance) or duration.unit != "m":
            continue
        if duration.metres < ctx.options["min_metres"]:
            metres = f"{duration.metres:g}"
            yield Problem(step.span, f"`{metres}m` is {metres} metres", f"did you mean `{metres}min`?")
