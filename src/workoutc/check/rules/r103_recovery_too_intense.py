"""Flags a target in a recovery session that lets the runner go harder than recovery.

Running too fast is the most frequent recovery-run mistake, and running at normal
easy pace is already too fast: recovery runs go slower than easy runs. The caps:

- heart rate: the top of zone 2 (70 % of max HR; bpm targets are converted with
  `athlete.max_hr`, `hr zN` read through the athlete's zone model);
- pace: the slow end of the athlete's easy pace. With `easy_pace = "5:20-5:50/km"`,
  `pace 5:30/km` is flagged and `pace 6:00/km` passes. A window's fast end is what
  counts, since the watch stays quiet up to it; a single pace is a 10 s window
  (`pace 5:50/km` is 5:45-5:55), so write the window (`pace 5:50-6:20/km`). A pace
  faster than all of easy pace is an error; one inside the easy range a warning;
- power: 75 % of FTP (watts converted with `athlete.ftp`, or `athlete.critical_power`
  without one), or power zone 2; in a ride 55 % of FTP, Coggan's active recovery
  (level 1), or power zone 1. A power zone passes when it starts below the cap.

Strides are not judged here: they are short and meant to be quicker; R106 checks
their pace (a sprint inside a recovery run is flagged there).

The articles differ on pace: "Recovery Run" puts it slower than normal easy pace, while
"Improving Aerobic Ability" has it "just barely faster than your long run pace", that
is inside the easy range. The default follows the first, as the safe side; set
`slower_than_easy = false` for the lenient reading, which flags only paces faster
than the fast end of easy pace.

**Sports.** Every sport: a recovery session in any sport exists to recover. Heart
rate is capped in all of them; power in rides at Coggan's active recovery; pace in
runs only (a swim's pace per 100 m or a walk's pace is not a running pace, and a
speed in km/h says nothing of effort).

**Source.** Allen and Coggan, *Training and Racing with a Power Meter* (active
recovery up to 55 % of FTP); "Recovery Run: Speed Up Recovery Between Hard Workouts" ("significantly
below aerobic threshold"; "usually slower than normal easy run pace"; "running a
recovery run at normal easy pace defeats the purpose"); "Improving Aerobic Ability:
The Recovery Run" ("just barely faster than your long run pace").

**Options.** `max_hr_percent` (default 70), `max_power_percent` (default 75),
`ride_max_power_percent` (default 55, rides), `slower_than_easy` (default true: the pace cap is the slow end of easy pace; false:
its fast end).

**Passing.**

    recovery 30min pace 5:50-6:20/km

**Failing.**

    recovery 30min pace 5:30/km
"""

from ...diagnostics import Problem, Severity
from ...model import walk_steps
from ...units import PACE_UNITS, format_clock, shown
from ..sports import CYCLING, judges_pace, noun
from ..training import hr_percent, pace_per_km, power_percent
from ..zones import POWER_ZONES, hr_zone_percent_of_max, power_zone_percent

ID = "R103"
NAME = "recovery-too-intense"
SEVERITY = Severity.ERROR
SCOPE = "workout"
KINDS = {"recovery"}  # the runner skips other sessions
OPTIONS = {"max_hr_percent": 70, "max_power_percent": 75, "ride_max_power_percent": 55, "slower_than_easy": True}
SUMMARY = "a recovery-session target above the recovery cap (zone 2, slower than easy pace, 75 % FTP)"
HINT_WINDOW = 30  # seconds per unit: the width of the pace window the hint suggests


def check(workout, ctx):
    for step in walk_steps(workout.steps):
        if step.stride:
            continue
        for target in step.targets:
            problem = _judge(workout, target, ctx)
            if problem:
                yield problem


def _judge(workout, target, ctx) -> Problem | None:
    if target.metric == "hr":
        return _heart_rate(target, ctx)
    if target.metric == "power":
        cap = ctx.options["ride_max_power_percent" if workout.sport == CYCLING else "max_power_percent"]
        return _power(target, ctx, cap, noun(workout))
    return _pace(target, ctx) if judges_pace(workout.sport, target) else None


def _heart_rate(target, ctx) -> Problem | None:
    cap = ctx.options["max_hr_percent"]
    hint = f"cap it at {cap:g} % of max: {capped_heart_rate(ctx.athlete, cap)}"
    return _over_cap(target, hr_percent(target, ctx.athlete), cap, "heart rate", "max", hint)


def capped_heart_rate(athlete, cap: float) -> str:
    """Targets within the cap: the highest watch zone that fits it (zone 2 under the
    default model; zone 1 under LTHR zones, whose zone 2 runs higher), and % of max."""
    for zone in (2, 1):
        span = hr_zone_percent_of_max(athlete, zone)
        if span is not None and span[1] <= cap:
            return f"`hr<=z{zone}` or `hr<={cap:g}%`"
    return f"`hr<={cap:g}%`"


def _pace(target, ctx) -> Problem | None:
    easy = ctx.athlete.easy_pace
    if easy is None:
        return None
    cap = easy[1] if ctx.options["slower_than_easy"] else easy[0]
    fast = pace_per_km(target)[0]
    if fast >= cap:
        return None
    per = target.range_unit[2:]
    written = f"{pace_clock(fast, per, apart_from=cap)}/{per}"
    easy_range = f"{pace_clock(easy[0], per)}-{pace_clock(easy[1], per)}/{per}"
    if fast < easy[0]:
        message, severity = f"a pace as fast as {written} is faster than your easy pace ({easy_range})", None
    else:  # inside the easy range: too fast to recover, though not a workout
        message = f"a pace as fast as {written} is within your easy pace ({easy_range}): too fast for recovery"
        severity = Severity.WARNING
    slowest = pace_clock(cap + HINT_WINDOW * 1000 / PACE_UNITS[per], per)
    hint = (
        f"recovery runs go slower than easy runs: slow to {pace_clock(cap, per)}/{per} or slower, "
        f"like `pace {pace_clock(cap, per)}-{slowest}/{per}`"
    )
    return Problem(target.span, message, hint, severity)


def pace_clock(seconds_per_km: float, per: str, apart_from: float | None = None) -> str:
    """A pace per km as a clock per `per` (the unit it was written in); with
    `apart_from`, tenths shown when whole seconds would show that pace instead."""
    factor = PACE_UNITS[per] / 1000
    text = format_clock(seconds_per_km * factor)
    if apart_from is not None and text == format_clock(apart_from * factor):
        return format_clock(seconds_per_km * factor, 1)
    return text


def _power(target, ctx, cap: float, session: str) -> Problem | None:
    if target.zone is not None:
        allowed = [zone for zone in range(1, POWER_ZONES + 1) if power_zone_percent(ctx.athlete, zone)[0] < cap]
        if target.zone in allowed:
            return None
        use = " or ".join(f"`power z{zone}`" for zone in allowed) or f"`power<={cap:g}%`"
        return Problem(
            target.span, f"power zone {target.zone} is above the recovery cap of {cap:g} % of FTP", f"use {use}"
        )
    hint = f"keep recovery {session}s at or under {cap:g} % of FTP: `power<={cap:g}%`"
    return _over_cap(target, power_percent(target, ctx.athlete), cap, "power", "FTP", hint)


def _over_cap(target, span: tuple[float, float] | None, cap: float, what: str, of: str, hint: str) -> Problem | None:
    """A problem when the top of `span` (in % of `of`) is above the recovery cap."""
    if span is None or span[1] <= cap:
        return None
    return Problem(
        target.span, f"{what} up to {shown(span[1], cap)} % of {of} is above the recovery cap of {cap:g} %", hint
    )
