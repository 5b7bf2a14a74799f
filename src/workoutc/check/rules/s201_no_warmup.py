"""Flags a quality session that reaches its first hard step without a warm-up.

Hard running on cold legs is how strains happen, and the first interval run cold is
slow anyway. The warm-up is the easy running before the first hard step: warm-up
steps, and untargeted or easy steps (standing rest does not count). Strides may be
part of it but do not count toward its length. A warm-up whose length is not known
(ended with the lap key, or a distance with no pace to time it) is the runner's call
and passes.

The hard part starts at the first repeat, or the first work step at zone 3 or above,
faster than the athlete's easy pace, or above 75 % FTP; when no step is known to be
that hard, at the first targeted work step, or else the first work step. A one-line
session (`tempo 20min pace 4:15/km`) is judged only when its main step has a target;
having no room for a warm-up, it gets the block form spelled out in the hint.

A `race` is not judged: how long to warm up depends on the distance (a 5 km racer jogs
and strides like before intervals, a marathoner barely warms up to save fuel), and the
warm-up happens before the start, off the watch's race workout. Nor is an `easy`,
`long` or `recovery` run with a hard target: its kind promises easy running, so the fix
is to run it easy (S206, R103), not to warm up for it.

**Sports.** Runs and rides. A ride's warm-up is easy riding, `ride_min_minutes`
long: structured rides (TrainerRoad's, Coggan's sweet-spot sessions) warm up for
about ten minutes before the first interval. A swim is not judged: its warm-up is
swum in metres, which the checker cannot time without a pace, and swimmers never skip
it; nor a strength session, whose warm-up is light sets, nor a walk or hike.

**Source.** "How I Recover After Speed Sessions" ("I treat warm-ups like a mini
session: 15-20 minutes jog, drills, strides, light sweat"); TrainerRoad's structured
workouts (ten-minute warm-ups before sweet-spot and threshold intervals).

**Options.** `min_minutes` (default 15), `ride_min_minutes` (default 10).

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
from ...language.printer import duration_text, step_line, target_text
from ...language.vocabulary import quote
from ...model import Intensity, Repeat, Step
from ...units import shown
from ..estimates import step_seconds
from ..sports import CYCLING, doing
from ..training import hard_part, is_quality

# A race's warm-up is off the watch; an easy, long or recovery run with a hard target is
# S206's or R103's finding (run it easy), not a missing warm-up.
UNJUDGED_KINDS = frozenset({"race", "easy", "long", "recovery"})

ID = "S201"
NAME = "no-warmup"
SEVERITY = Severity.WARNING
SCOPE = "workout"
SPORTS = {"running", "cycling"}
OPTIONS = {"min_minutes": 15, "ride_min_minutes": 10}
SUMMARY = "a quality session (not a race) without 15 minutes of easy running before the first hard step"
COOL_DOWN = "cooldown 10min hr<=z2"  # what the block form suggests after the main step


def check(workout, ctx):
    if workout.kind in UNJUDGED_KINDS or not is_quality(workout, ctx.athlete):
        return
    hard = hard_part(workout, ctx.athlete)
    if hard is None:
        return
    limit = warm_up_minutes(workout, ctx.options)
    if workout.one_line:
        if limit > 0:  # zero: no warm-up asked for
            yield Problem(
                workout.steps[0].span,
                f"a one-line {workout.kind} session starts on its hard step, with no warm-up",
                f"it has no room for one: {as_block(workout, limit)}",
            )
        return
    seconds = _warm_up_seconds(workout.steps[: hard[0]], ctx.athlete, workout)
    if seconds is not None and seconds < limit * 60:
        node = workout.steps[hard[0]]
        what = "repeat" if isinstance(node, Repeat) else "hard step"
        easy = f"only {shown(seconds / 60, limit)} min of" if seconds else "no"
        yield Problem(
            node.span,
            f"the first {what} comes after {easy} easy {doing(workout)}",
            f"make the easy {doing(workout)} before it {limit:g} min or more, like `warmup {limit:g}min hr<=z2`",
        )


def warm_up_minutes(workout, options) -> float:
    """The warm-up the options ask for before the session's hard part, by its sport."""
    return options["ride_min_minutes" if workout.sport == CYCLING else "min_minutes"]


def _warm_up_seconds(nodes, athlete, workout) -> float | None:
    """The easy running in `nodes` (steps and strides come before the hard part); None
    when a step's length is not known."""
    seconds = 0.0
    for node in nodes:
        if isinstance(node, Step) and node.intensity is not Intensity.REST:
            length = step_seconds(node, athlete, workout)
            if length is None:
                return None
            seconds += length
    return seconds


def as_block(workout, warm_up_minutes: float) -> str:
    """A one-line session written out as a block with a warm-up and a cool-down."""
    main, *strides = workout.steps
    lines = [f"warmup {warm_up_minutes:g}min hr<=z2", step_line(main), *map(_strides_line, strides), COOL_DOWN]
    steps = ", ".join(f"`{line}`" for line in lines)
    return (
        f"write it as a block, `workout {quote(workout.name)} {workout.kind}{_sport_word(workout)}` with the indented lines {steps} "
        "(in a plan, write the block outside it and put its name in the entry)"
    )


def _sport_word(workout) -> str:
    """The header's sport word, for a session other than a run: ` cycling`, ` strength`."""
    if workout.sport == "running":
        return ""
    training = {"strength_training": "strength", "cardio_training": "cardio"}
    return " " + (
        training.get(workout.sub_sport or "", "strength")
        if workout.sport == "training"
        else workout.sport.replace("_", "-")
    )


def _strides_line(node: Repeat) -> str:
    stride, jog = node.steps
    assert isinstance(stride, Step) and isinstance(jog, Step), "strides are a stride and its jog"
    words = [f"strides {node.count}x{duration_text(stride.duration)}/{duration_text(jog.duration)}"]
    return " ".join(words + [target_text(target) for target in stride.targets])
