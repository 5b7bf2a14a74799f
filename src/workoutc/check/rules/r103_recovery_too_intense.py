"""Flags a target in a recovery session that lets the runner go harder than recovery.

Running too fast is the most frequent recovery-run mistake. The cap is the top of
heart-rate zone 2 (70 % of max HR; bpm targets are converted with `athlete.max_hr`),
the fast end of the athlete's easy pace, or 75 % of FTP (watts converted with
`athlete.ftp`). Strides are exempt: they are short and meant to be quicker.

**Source.** "Recovery Run: Speed Up Recovery Between Hard Workouts" (very easy,
significantly below aerobic threshold, slower than normal easy pace; running too fast
is the most frequent error).

**Options.** `max_hr_percent` (default 70), `max_power_percent` (default 75).

**Passing.**

    recovery 30min hr<=z2

**Failing.**

    recovery 30min hr z4
"""

from ...diagnostics import Problem, Severity
from ...model import walk_steps
from ...units import format_clock, shown
from ..training import hr_percent, pace_per_km, power_percent

ID = "R103"
NAME = "recovery-too-intense"
SEVERITY = Severity.ERROR
SCOPE = "workout"
KINDS = {"recovery"}  # the runner skips other sessions
OPTIONS = {"max_hr_percent": 70, "max_power_percent": 75}
SUMMARY = "a recovery-session target above the recovery cap (zone 2, easy pace, 75 % FTP)"


def check(workout, ctx):
    for step in walk_steps(workout.steps):
        if step.stride:
            continue
        for target in step.targets:
            problem = _too_hard(target, ctx)
            if problem:
                yield Problem(target.span, problem[0], problem[1])


def _too_hard(target, ctx):
    athlete, options = ctx.athlete, ctx.options
    if target.metric == "hr":
        span = hr_percent(target, athlete)
        cap = options["max_hr_percent"]
        if span is not None and span[1] > cap:
            return (
                f"heart rate up to {shown(span[1], cap)} % of max is above the recovery cap of {cap:g} %",
                "keep recovery runs in zone 2 or below: `hr<=z2` or `hr<z2`",
            )
    elif target.metric == "pace":
        easy = athlete.easy_pace
        fast = pace_per_km(target)[0]
        if easy is not None and fast < easy[0]:
            return (
                f"a pace of {format_clock(fast)}/km is faster than your easy pace ({format_clock(easy[0])}/km)",
                "recovery runs go slower than easy runs",
            )
    elif target.metric == "power":
        if target.zone is not None:
            if target.zone > 2:
                return (f"power zone {target.zone} is above the recovery cap", "use `power z1` or `power z2`")
            return None
        span = power_percent(target, athlete)
        cap = options["max_power_percent"]
        if span is not None and span[1] > cap:
            return (
                f"power up to {shown(span[1], cap)} % of FTP is above the recovery cap of {cap:g} %",
                f"keep recovery runs under {cap:g} % of FTP",
            )
    return None
