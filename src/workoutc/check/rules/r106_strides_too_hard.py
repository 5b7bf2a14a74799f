"""Flags strides that are too long, too many, or too short on recovery.

Strides are short, relaxed accelerations (15-20 s, up to 30 s) with a full recovery
of two to three times their length: enough to wake the legs, not a workout. A stride
written as a distance is timed at its pace target, or at `stride_seconds_per_100m`; a jog written
as a distance at the athlete's easy pace.

**Source.** "How to design easy recovery runs that promote blood flow and aid
adaptation between hard sessions" (occasional strides, well below race pace); "How I
Recover After Speed Sessions" (a few relaxed strides); Daniels, *Running Formula*
(strides 15-20 s, up to 30 s, recovery 2-3x the stride).

**Options.** `max_seconds` (default 30), `max_count` (default 8),
`min_recovery_ratio` (default 2), `stride_seconds_per_100m` (default 20, that is
3:20/km).

**Passing.**

    easy 40min hr<=z2 strides 6x20s/60s

**Failing.**

    easy 40min hr<=z2 strides 10x45s/30s
"""

from ...diagnostics import Problem, Severity
from ...model import Distance, Repeat, Time
from ...units import shown
from ..training import pace_per_km

ID = "R106"
NAME = "strides-too-hard"
SEVERITY = Severity.WARNING
SCOPE = "workout"
OPTIONS = {"max_seconds": 30, "max_count": 8, "min_recovery_ratio": 2, "stride_seconds_per_100m": 20}
SUMMARY = "strides over 30 s, with under 2x recovery, or more than 8 of them"


def check(workout, ctx):
    for node in _strides(workout.steps):
        stride, jog = node.steps
        stride_seconds = _seconds(stride, _stride_pace(stride, ctx))
        easy = ctx.athlete.easy_pace if isinstance(jog.duration, Distance) else None
        jog_seconds = _seconds(jog, sum(easy) / 2000 if easy else None)
        options = ctx.options
        if stride_seconds is not None and stride_seconds > options["max_seconds"]:
            yield Problem(
                node.span,
                f"strides of {shown(stride_seconds, options['max_seconds'])} s are longer than {options['max_seconds']:g} s",
                "strides are 15-30 s: long enough to open the stride, short enough to stay relaxed",
            )
        if node.count > options["max_count"]:
            yield Problem(
                node.span,
                f"{node.count} strides are more than {options['max_count']:g}",
                "a few strides are enough; more turns them into a speed session",
            )
        ratio = options["min_recovery_ratio"]
        if stride_seconds and jog_seconds is not None and jog_seconds < ratio * stride_seconds:
            yield Problem(
                node.span,
                f"a {shown(jog_seconds, ratio * stride_seconds)} s jog is less than {ratio:g}x the {stride_seconds:.0f} s stride",
                "recover fully between strides so each one stays relaxed",
            )


def _strides(nodes):
    for node in nodes:
        if isinstance(node, Repeat):
            if node.strides:
                yield node
            else:
                yield from _strides(node.steps)


def _stride_pace(stride, ctx) -> float | None:
    """Seconds per metre for a stride written as a distance."""
    for target in stride.targets:
        if target.metric == "pace":
            return sum(pace_per_km(target)) / 2000
    return ctx.options["stride_seconds_per_100m"] / 100


def _seconds(step, seconds_per_metre: float | None) -> float | None:
    if isinstance(step.duration, Time):
        return step.duration.seconds
    if isinstance(step.duration, Distance) and seconds_per_metre is not None:
        return step.duration.metres * seconds_per_metre
    return None
