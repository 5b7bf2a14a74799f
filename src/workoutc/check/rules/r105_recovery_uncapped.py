"""Notes a recovery session with no heart-rate, pace or power target.

Without a cap the watch cannot warn a runner who drifts into a normal training
pace, which is the usual way a recovery run goes wrong. The hint suggests `hr<=z2`,
R103's cap (the top of zone 2; under a zone model whose zone 2 runs higher, the zone
or % of max that fits R103's cap); a pace no faster than the slow end of the easy
pace, or a power cap, does as well. Targets on strides do not count: they cap the
strides, not the run.

The article behind this rule is of two minds, and the rule is only a note because of
it: it names running too fast as the most frequent error, yet also tells the runner to
"ignore your watch and run by feel" and to "use the talk test". A runner who goes by
feel can disable R105; a cap on the watch is the safety net for the days when feel
drifts.

**Sports.** Runs and rides (a heart-rate or power cap; a speed in km/h caps nothing).
Not swims, whose watch reads heart rate poorly in the water and whose pace is per
length; nor strength sessions, walks or hikes, which have no training pace to drift
into.

**Source.** "Recovery Run: Speed Up Recovery Between Hard Workouts" (running too fast
is "the most frequent error"; "Ignore your watch and run by feel"); "How to design
easy recovery runs that promote blood flow and aid adaptation between hard sessions"
(keep "the intensity low enough that your heart rate stays in a comfortable zone").

**Options.** None.

**Passing.**

    recovery 30min hr<=z2

**Failing.**

    recovery 30min
"""

from ...diagnostics import Problem, Severity
from ...model import walk_steps
from ..sports import noun
from . import r103_recovery_too_intense as r103

ID = "R105"
NAME = "recovery-uncapped"
SEVERITY = Severity.INFO
SCOPE = "workout"
KINDS = {"recovery"}  # the runner skips other sessions
SPORTS = {"running", "cycling"}
OPTIONS: dict = {}
SUMMARY = "a recovery session with no heart-rate, pace or power cap"
CAPPING = {"running": {"hr", "pace", "power"}, "cycling": {"hr", "power"}}


def check(workout, ctx):
    capping = CAPPING[workout.sport]
    capped = any(t.metric in capping for s in walk_steps(workout.steps) if not s.stride for t in s.targets)
    if not capped:
        caps = "heart-rate, pace or power" if "pace" in capping else "heart-rate or power"
        yield Problem(
            workout.span,
            f"this recovery {noun(workout)} has no {caps} cap",
            f"add {_cap(workout, ctx)} after the duration, so the watch warns you when you speed up",
        )


def _cap(workout, ctx) -> str:
    """The heart-rate targets R103 lets through, and in a ride its power cap."""
    options = ctx.config.rule_options(r103)
    heart_rate = r103.capped_heart_rate(ctx.athlete, options["max_hr_percent"])
    if workout.sport != "cycling":
        return heart_rate
    return f"`power<={options['ride_max_power_percent']:g}%`, {heart_rate}"
