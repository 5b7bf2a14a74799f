"""The workout model: frozen dataclasses that every later stage reads.

Lowering builds these from the Lark tree; the checker, the FIT encoder and the HTML
pages only ever see this module's types. Quantities are canonical (seconds, metres,
beats per minute, seconds per km) and every node keeps its source span.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from enum import Enum

from .diagnostics import Span

KINDS = (
    "recovery",
    "easy",
    "long",
    "steady",
    "tempo",
    "threshold",
    "intervals",
    "hills",
    "fartlek",
    "progression",
    "race",
)
# A workout's sport and sub-sport are FIT's own names (fit/profile.py SPORT_NAMES,
# SUB_SPORT_NAMES): "running", "cycling", "swimming", "training" (strength and cardio),
# "walking", "hiking", ... The words people write for them are in language/vocabulary.py.
SPORTS = ("running", "cycling", "swimming", "training", "walking", "hiking")
FOOT_SPORTS = ("running", "walking", "hiking")  # whose targets are paces per km or mile


class Intensity(str, Enum):
    WARMUP = "warmup"
    ACTIVE = "active"
    RECOVERY = "recovery"
    REST = "rest"
    COOLDOWN = "cooldown"
    INTERVAL = "interval"
    OTHER = "other"


# A duration's span is where it was written; it takes no part in equality.
@dataclass(frozen=True, slots=True)
class Time:
    seconds: float
    span: Span | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Distance:
    metres: float
    unit: str  # the unit written: m, km or mi
    span: Span | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class LapKey:
    """Open-ended: the step ends when the lap key is pressed."""

    span: Span | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class UntilHeartRate:
    """The step ends when heart rate goes below (`<`) or above (`>`) a value."""

    above: bool
    value: int
    unit: str  # "bpm" or "%max"
    span: Span | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class UntilPower:
    """The step ends when power goes below (`<`) or above (`>`) a value, read as
    instant power (`average` None) or averaged: "3s", "10s", "30s", "lap"; a repeat
    may also end on the last lap's average ("lap") or maximum ("max-lap") power."""

    above: bool
    value: int
    unit: str  # "W" or "%ftp"
    average: str | None = None
    span: Span | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Calories:
    kcal: int
    span: Span | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Reps:
    """A set of `count` repetitions (strength), ended with the lap key on the watch."""

    count: int
    span: Span | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Tss:
    """Until a training-stress score (TrainingPeaks' TSS) is reached; whole points."""

    points: int
    span: Span | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class SendOff:
    """A swimmer's send-off (`on 1:45`): the rest lasts until the repetition, swim and
    rest together, has taken `seconds` (FIT's repetition_time)."""

    seconds: float
    span: Span | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Lengths:
    """A swim distance in lengths of the workout's pool (`4len`)."""

    count: int
    span: Span | None = field(default=None, compare=False, repr=False)


Duration = Time | Distance | LapKey | UntilHeartRate | UntilPower | Calories | Reps | Tss | SendOff | Lengths
# What a repeat may run until besides a count.
RepeatUntil = UntilHeartRate | UntilPower | Time | Distance | Calories | Tss


@dataclass(frozen=True, slots=True)
class Relative:
    """A target written relative to the athlete, as written (fmt prints it back).

    reference: pace: "easy", "marathon", "threshold", "interval", "repetition";
               hr: "lthr", "reserve", or "zone" (`hr<=z2`, read through the athlete's
               zone model); power: "ftp".
    offset:    pace only: seconds added to the reference pace per `per` (`T+10s`:
               (10, 10); negative is faster), or None.
    per:       "km" or "mi": the distance the offset is per.
    percent:   (low, high) % of the reference (for pace, % of its speed), or None.
    bound:     for reference "zone": the comparison and zone as written, like ("<=", 2).
    """

    reference: str
    offset: tuple[float, float] | None = None
    per: str = "km"
    percent: tuple[float, float] | None = None
    bound: tuple[str, int] | None = None


@dataclass(frozen=True, slots=True)
class Target:
    """What the watch holds the runner to during a step.

    metric: "hr", "pace", "speed", "power", "cadence", "grade" or "resistance".
    zone:   a zone number of the watch's own zones, or None for a custom range.
    low, high: the custom range, numerically (low <= high), in `unit`:
        hr: "bpm" or "%max"; power: "W" or "%ftp"; cadence: "spm" or "rpm";
        pace: "s/km", "s/mi", "s/100m" or "s/100yd" (seconds per unit: low is the
        FASTER pace); speed: "km/h" or "mph"; grade: "%"; resistance: "" (a level).
    average: what the watch averages the value over: None (as it is), "lap" (power,
        hr, pace, speed), or "3s", "10s", "30s" (power).
    """

    metric: str
    zone: int | None
    low: float | None
    high: float | None
    unit: str | None
    span: Span
    average: str | None = None
    # Written relative to the athlete: until resolved for one athlete (check/resolve.py),
    # low, high and unit are None; once resolved they hold that athlete's numbers.
    relative: Relative | None = None

    @property
    def bounds(self) -> tuple[float, float]:
        """(low, high) of a custom range; a zone target has none."""
        assert self.low is not None and self.high is not None, "a zone target has no range"
        return self.low, self.high

    @property
    def range_unit(self) -> str:
        """The unit of a custom range; a zone target has none."""
        assert self.unit is not None, "a zone target has no range"
        return self.unit


@dataclass(frozen=True, slots=True)
class Exercise:
    """A strength or cardio exercise from FIT's catalogue (fit/exercises.py): its
    category and, when given, its name within it, as FIT's lower-case names
    ("squat", "goblet_squat"); the weight lifted, if any, in kg (as FIT holds it),
    and the unit it is shown in."""

    category: str
    name: str | None = None
    weight: float | None = None  # kg
    weight_unit: str = "kg"  # "kg" or "lb": how it was written and is shown


@dataclass(frozen=True, slots=True)
class Step:
    intensity: Intensity
    duration: Duration
    targets: tuple[Target, ...]
    notes: str | None
    span: Span
    name: str | None = None
    stride: bool = False  # a stride (or its jog) expanded from `strides NxD`
    stroke: str | None = None  # swimming: FIT's swim stroke name ("freestyle", "drill", ...)
    equipment: str | None = None  # swimming: FIT's name ("swim_fins", "swim_pull_buoy", ...)
    exercise: Exercise | None = None


@dataclass(frozen=True, slots=True)
class Repeat:
    """A block done `count` times, or (with `until`) until a condition, a time, a
    distance, calories or a training-stress score is reached."""

    count: int | None
    steps: tuple[Node, ...]
    span: Span
    strides: bool = False  # written as `strides NxD[/R]`
    until: RepeatUntil | None = None
    name: str | None = None

    @property
    def passes(self) -> int:
        """How many times the block runs, for estimates: once when it ends on a condition."""
        return self.count or 1


Node = Step | Repeat


@dataclass(frozen=True, slots=True)
class Pool:
    """The pool of a swim workout: its length in metres, as written in `unit`."""

    metres: float
    unit: str  # "m" or "yd"


@dataclass(frozen=True, slots=True)
class Workout:
    name: str
    kind: str | None
    steps: tuple[Node, ...]
    span: Span
    path: str
    sport: str = "running"
    one_line: bool = False
    sub_sport: str | None = None  # FIT's name: "treadmill", "indoor_cycling", "lap_swimming", ...
    pool: Pool | None = None
    description: str | None = None


@dataclass(frozen=True, slots=True)
class PlanEntry:
    day: date
    at: time | None
    workout: Workout | None  # None: a rest day
    reference: str | None  # the name when the entry refers to a workout by name
    span: Span


@dataclass(frozen=True, slots=True)
class Plan:
    name: str
    entries: tuple[PlanEntry, ...]
    span: Span
    path: str


@dataclass(frozen=True, slots=True)
class Document:
    """Everything one source file defines."""

    path: str
    workouts: tuple[Workout, ...]
    plans: tuple[Plan, ...] = field(default=())
    # Relative.reference of every target written relative to the athlete, gathered
    # while lowering, so that resolving a file without any costs nothing
    # (check/resolve.py). A Document built elsewhere (decoded FIT) has none.
    references: frozenset[str] = field(default=frozenset(), compare=False)
    resolved: bool = field(default=False, compare=False)  # its relative targets hold an athlete's numbers

    def all_workouts(self) -> list[Workout]:
        """The file's workouts, then the one-line sessions written inside its plans."""
        inline = [entry.workout for plan in self.plans for entry in plan.entries if entry.workout is not None]
        return [*self.workouts, *inline]


def walk_steps(nodes: tuple[Node, ...]):
    """Every Step inside `nodes`, depth first, each repeat's block once."""
    for node in nodes:
        if isinstance(node, Repeat):
            yield from walk_steps(node.steps)
        else:
            yield node


def expanded_steps(nodes: tuple[Node, ...]):
    """Every Step in the order the runner meets them, repeats expanded."""
    for node in nodes:
        if isinstance(node, Repeat):
            for _ in range(node.passes):
                yield from expanded_steps(node.steps)
        else:
            yield node


def fit_step_count(nodes: tuple[Node, ...]) -> int:
    """How many FIT workout_step messages `nodes` become (repeat steps included)."""
    return sum(fit_step_count(n.steps) + 1 if isinstance(n, Repeat) else 1 for n in nodes)


def set_parts(repeat: Repeat) -> tuple[Step, Step | None] | None:
    """(work, rest) when the repeat is a line of sets, `10x100m free on 1:45` or
    `squat 3x10 rest 90s`: one step and the plain rest after it; else None. The printer
    writes such a repeat as one line and the pages show it as one row."""
    if repeat.until is not None or repeat.name or repeat.strides or not 1 <= len(repeat.steps) <= 2:
        return None
    work, *after = repeat.steps
    if not isinstance(work, Step) or work.stride or (work.intensity != Intensity.ACTIVE and work.exercise is None):
        return None
    if work.exercise is None and (work.name or isinstance(work.duration, Reps)):
        return None  # a set line has no place for a step name; a bare number there is no duration
    if not after:
        return work, None
    rest = after[0]
    return (work, rest) if isinstance(rest, Step) and _plain_rest(rest) else None


def _plain_rest(step: Step) -> bool:
    return (
        isinstance(step, Step)
        and step.intensity in (Intensity.REST, Intensity.RECOVERY)
        and not (step.targets or step.notes or step.name or step.stroke or step.equipment or step.exercise)
        and not step.stride
    )


def truncate_utf8(text: str, limit: int) -> str:
    """The longest prefix of `text` that fits in `limit` bytes of UTF-8."""
    return text.encode("utf-8")[:limit].decode("utf-8", errors="ignore")


def expanded_count(nodes: tuple[Node, ...]) -> int:
    """How many steps the runner meets, repeats counted out (without listing them)."""
    return sum(n.passes * expanded_count(n.steps) if isinstance(n, Repeat) else 1 for n in nodes)
