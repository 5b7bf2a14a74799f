"""Flags a workout with more FIT steps than the watch accepts.

Every step and every repeat is one FIT step (a repeat's block is written once, however
many times it repeats). Garmin's limit for a single-sport
workout is 100 steps; some older watches take 50. A workout over the limit is
refused by the watch, so this is an error and no FIT file is written. Set the limit
for your watch with `max_steps` under `[device]`.

**Source.** Garmin's Training API (at most 100 steps in a single-sport workout).

**Options.** None; the limit is `[device] max_steps` (default 100).

**Profile.**

    [device]
    max_steps = 5

**Passing.**

    workout "Track" intervals
      warmup 15min
      12x
        run 400m
        recover 200m
      cooldown lap

**Failing.**

    workout "Pyramid" intervals
      warmup 15min
      run 400m
      recover 200m
      run 800m
      recover 200m
      run 400m
      cooldown lap
"""

from ...diagnostics import Problem, Severity
from ...model import fit_step_count

ID = "D401"
NAME = "too-many-steps"
SEVERITY = Severity.ERROR
SCOPE = "workout"
OPTIONS: dict = {}
SUMMARY = "more FIT steps than the device allows (default 100)"


def check(workout, ctx):
    steps = fit_step_count(workout.steps)
    limit = ctx.config.device.max_steps
    if steps > limit:
        yield Problem(
            workout.span,
            f"this workout is {steps} FIT steps; the device takes at most {limit}",
            "split it into two workouts, or set [device] max_steps if your watch takes more",
        )
