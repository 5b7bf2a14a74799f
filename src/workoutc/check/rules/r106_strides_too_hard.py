"""Flags strides that are too long, too many, too fast, or too short on recovery.

Strides are short, relaxed accelerations (15-20 s, up to 30 s) with a full recovery
of two to three times their length: enough to wake the legs, not a workout. Wherever
they are written (a recovery run, an easy run, a warm-up), this rule checks:

- length: over `max_seconds`. A stride written as a distance is timed at its pace
  target, or at `stride_seconds_per_100m`; a jog written as a distance at the middle
  of the athlete's easy pace.
- count: more than `max_count` in one `strides` line. Published plans end
  general-aerobic runs with up to 10 x 100 m strides, so ten pass by default.
- recovery: a jog shorter than `min_recovery_ratio` times the stride.
- pace: a stride whose pace target (the middle of its window, the pace aimed at) is
  faster than the athlete's repetition pace, about mile race pace, is a sprint, not a
  stride. Without a repetition pace in the profile, threshold pace less
  `threshold_margin_seconds` per km stands in (in Daniels' tables R pace runs 30-45
  s/km faster than T, 35 at VDOT 50), and the run notes once that the repetition pace
  is missing. Strides without a pace target are not judged on pace. Sprint-speed
  strides inside a recovery run are caught here: R103 leaves strides to this rule.

**Sports.** Runs only: strides, and the paces they are judged by, are running's.

**Source.** "How to design easy recovery runs that promote blood flow and aid
adaptation between hard sessions" ("occasional strides or gentle accelerations every
few minutes, as long as they remain well below race pace"); "How I Recover After
Speed Sessions" ("a few relaxed strides"); Daniels, *Running Formula* (strides 15-20 s,
up to 30 s, recovery 2-3x the stride, not sprints); Pfitzinger and Douglas, *Advanced
Marathoning* (general-aerobic runs with 10 x 100 m strides).

**Options.** `max_seconds` (default 30), `max_count` (default 10),
`min_recovery_ratio` (default 2), `stride_seconds_per_100m` (default 20, that is
3:20/km), `threshold_margin_seconds` (default 35).

**Passing.**

    easy 40min hr<=z2 strides 6x20s/60s

**Failing.**

    recovery 30min hr<=z2 strides 6x20s pace 3:00/km
"""

from ...diagnostics import Problem, Severity
from ...model import Distance, Repeat, Time
from ...units import shown
from ..training import pace_per_km
from .r103_recovery_too_intense import pace_clock

ID = "R106"
NAME = "strides-too-hard"
SEVERITY = Severity.WARNING
SCOPE = "workout"
SPORTS = {"running"}
OPTIONS = {
    "max_seconds": 30,
    "max_count": 10,
    "min_recovery_ratio": 2,
    "stride_seconds_per_100m": 20,
    "threshold_margin_seconds": 35,
}
SUMMARY = "strides over 30 s, more than 10, faster than repetition pace, or with under 2x recovery"


def check(workout, ctx):
    for node in _strides(workout.steps):
        stride, jog = node.steps
        stride_seconds = _seconds(stride, _stride_pace(stride, ctx))
        easy = ctx.athlete.easy_pace if isinstance(jog.duration, Distance) else None
        jog_seconds = _seconds(jog, sum(easy) / 2000 if easy else None)
        found = (
            _too_long(node, stride_seconds, ctx.options),
            _too_many(node, ctx.options),
            _too_fast(node, stride, ctx),
            _too_little_jog(node, stride_seconds, jog_seconds, ctx.options),
        )
        yield from (problem for problem in found if problem)


def _too_long(node, stride_seconds: float | None, options) -> Problem | None:
    limit = options["max_seconds"]
    if stride_seconds is None or stride_seconds <= limit:
        return None
    return Problem(
        node.span,
        f"strides of {shown(stride_seconds, limit)} s are longer than {limit:g} s",
        f"shorten them to {limit:g} s or less: long enough to open the stride, short enough to stay relaxed",
    )


def _too_many(node, options) -> Problem | None:
    limit = options["max_count"]
    if node.count <= limit:
        return None
    return Problem(
        node.span,
        f"{node.count} strides are more than {limit:g}",
        f"run {limit:g} or fewer; more turns them into a speed session",
    )


def _too_fast(node, stride, ctx) -> Problem | None:
    target = next((target for target in stride.targets if target.metric == "pace" and target.zone is None), None)
    cap = _stride_cap(ctx) if target else None
    if target is None or cap is None:
        return None
    aimed = sum(pace_per_km(target)) / 2
    if aimed >= cap:
        return None
    per = target.range_unit[2:]
    limit = f"{pace_clock(cap, per)}/{per}"
    if ctx.athlete.repetition_pace is not None:
        what = f"your repetition pace ({limit})"
    else:
        what = f"{limit}, your threshold pace less {ctx.options['threshold_margin_seconds']:g} s/km"
    return Problem(
        node.span,
        f"strides at {pace_clock(aimed, per, apart_from=cap)}/{per} are sprints, faster than {what}",
        f"strides are quick but relaxed, well below race pace: run them at {limit} or slower",
    )


def _stride_cap(ctx) -> float | None:
    """The fastest pace a stride may aim at (s/km): repetition pace, or its stand-in."""
    repetition = ctx.athlete.repetition_pace
    if repetition is not None:
        return repetition
    threshold = ctx.athlete.threshold_pace
    return None if threshold is None else threshold - ctx.options["threshold_margin_seconds"]


def _too_little_jog(node, stride_seconds: float | None, jog_seconds: float | None, options) -> Problem | None:
    ratio = options["min_recovery_ratio"]
    if not stride_seconds or jog_seconds is None or jog_seconds >= ratio * stride_seconds:
        return None
    return Problem(
        node.span,
        f"a {shown(jog_seconds, ratio * stride_seconds)} s jog is less than {ratio:g}x the {stride_seconds:.0f} s stride",
        f"jog at least {ratio * stride_seconds:.0f} s between strides so each one stays relaxed",
    )


def _strides(nodes):
    for node in nodes:
        if isinstance(node, Repeat):
            if node.strides:
                yield node
            else:
                yield from _strides(node.steps)


def _stride_pace(stride, ctx) -> float:
    """Seconds per metre for a stride written as a distance."""
    for target in stride.targets:
        if target.metric == "pace" and target.zone is None:
            return sum(pace_per_km(target)) / 2000
    return ctx.options["stride_seconds_per_100m"] / 100


def _seconds(step, seconds_per_metre: float | None) -> float | None:
    if isinstance(step.duration, Time):
        return step.duration.seconds
    if isinstance(step.duration, Distance) and seconds_per_metre is not None:
        return step.duration.metres * seconds_per_metre
    return None
