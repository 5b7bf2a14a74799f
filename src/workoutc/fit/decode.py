"""FIT workout file -> model -> workout language text.

Every duration and target the language can express is read back exactly; repeats are
rebuilt as blocks (nested ones too). Whatever the language cannot express (a swim or
strength step, a target type it lacks) is reported as a `Loss`, never dropped silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from fit_tool.profile.profile_type import (
    FileType,
    Sport,
)
from fit_tool.profile.profile_type import (
    Intensity as FitIntensity,
)
from fit_tool.profile.profile_type import (
    WorkoutStepDuration as D,
)
from fit_tool.profile.profile_type import (
    WorkoutStepTarget as T,
)

from ..diagnostics import Span
from ..language.printer import workout_text
from ..model import Distance, Intensity, LapKey, Repeat, Step, Target, Time, UntilHeartRate, Workout
from .read import FitError, read_messages

FILE_ID, WORKOUT, WORKOUT_STEP = 0, 26, 27
NOWHERE = Span(1, 1, 1, 2)

INTENSITIES = {
    FitIntensity.ACTIVE.value: Intensity.ACTIVE,
    FitIntensity.REST.value: Intensity.REST,
    FitIntensity.WARMUP.value: Intensity.WARMUP,
    FitIntensity.COOLDOWN.value: Intensity.COOLDOWN,
    FitIntensity.RECOVERY.value: Intensity.RECOVERY,
}
SPORTS = {Sport.RUNNING.value: "running", Sport.CYCLING.value: "cycling"}
SPORT_NAMES = {sport.value: sport.name.lower().replace("_", " ") for sport in Sport}
REPEAT_UNTIL_HR = {D.REPEAT_UNTIL_HR_LESS_THAN.value: False, D.REPEAT_UNTIL_HR_GREATER_THAN.value: True}
HR_DURATIONS = {D.HR_LESS_THAN.value: False, D.HR_GREATER_THAN.value: True}
DURATION_NAMES = {d.value: d.name.lower() for d in D}
TARGET_NAMES = {t.value: t.name.lower() for t in T}
EXERCISE_FIELDS = (10, 11, 12)  # exercise_category, exercise_name, exercise_weight: strength steps
STEP_FIELDS = {
    "name": 0,
    "duration_type": 1,
    "duration_value": 2,
    "target_type": 3,
    "target_value": 4,
    "low": 5,
    "high": 6,
    "intensity": 7,
    "notes": 8,
}
SECONDARY = {"target_type": 19, "target_value": 20, "low": 21, "high": 22}


@dataclass
class Decompiled:
    workout: Workout | None
    losses: list[str] = field(default_factory=list)  # what the language could not express

    @property
    def text(self) -> str:
        return workout_text(self.workout) if self.workout else ""


class Unsupported(Exception):
    """A step the language cannot express at all."""


TEXT_FIELDS = {WORKOUT: {8}, WORKOUT_STEP: {0, 8}}  # wkt_name; wkt_step_name, notes
MESSAGE_NAMES = {FILE_ID: "file_id", WORKOUT: "workout", WORKOUT_STEP: "workout_step"}


def _check_types(messages) -> None:
    """Names and notes are strings, everything else whole numbers; a file that says
    otherwise is damaged or not a workout file, whatever its CRC."""
    for number, fields in messages:
        if number not in MESSAGE_NAMES:
            continue
        text = TEXT_FIELDS.get(number, set())
        for key, value in fields.items():
            if (key in text and not isinstance(value, str)) or (key not in text and type(value) is not int):
                raise FitError(f"field {key} of a {MESSAGE_NAMES[number]} message has the wrong type")


def decompile(data: bytes, fallback_name: str) -> Decompiled:
    """Raises FitError for files that are not readable FIT workout files."""
    messages = read_messages(data)
    _check_types(messages)
    file_ids = [fields for number, fields in messages if number == FILE_ID]
    if file_ids and file_ids[0].get(0) != FileType.WORKOUT.value:
        raise FitError(f"this is not a workout file (file type {file_ids[0].get(0)})")
    header = next((fields for number, fields in messages if number == WORKOUT), {})
    raw_steps = [fields for number, fields in messages if number == WORKOUT_STEP]
    if not raw_steps:
        raise FitError("the file holds no workout steps")
    losses: list[str] = []
    sport = _sport(header.get(4), losses)
    steps = _rebuild(sorted(raw_steps, key=lambda s: s.get(254, 0)), losses)
    name = header.get(8) or fallback_name
    return Decompiled(Workout(_clean(name, "the workout name", losses), None, tuple(steps), NOWHERE, "", sport), losses)


def _sport(value, losses: list[str]) -> str:
    if value is None or value in SPORTS:
        return SPORTS.get(value, "running")
    losses.append(
        f"the workout's sport is {SPORT_NAMES.get(value, value)}, which the language lacks; it is written as running"
    )
    return "running"


def _rebuild(raw_steps: list[dict], losses: list[str]) -> list:
    """Turn the flat step list back into steps and (nested) repeats."""
    nodes: list[tuple[int, object]] = []  # (index of the node's first FIT step, node)
    for position, raw in enumerate(raw_steps):
        index = raw.get(254, position)
        if index != position:
            raise FitError(f"step message_index {index} is out of order (expected {position})")
        duration_type = raw.get(1)
        try:
            if duration_type == D.REPEAT_UNTIL_STEPS_CMPLT.value or duration_type in REPEAT_UNTIL_HR:
                first = raw.get(2)
                block = [node for start, node in nodes if first is not None and start >= first]
                if first is None or first >= index or not block or all(start != first for start, _ in nodes):
                    raise FitError(f"repeat step {index} points at step {first}, which does not start a block")
                del nodes[len(nodes) - len(block) :]
                nodes.append((first, _repeat(raw, tuple(block), index, losses)))
            else:
                nodes.append((index, _step(raw, index, losses)))
        except Unsupported as problem:
            losses.append(f"step {index}: {problem}; it is left out")
    return [node for _, node in nodes]


def _repeat(raw: dict, block: tuple, index: int, losses: list[str]) -> Repeat:
    name = _clean(raw.get(0), f"step {index}'s name", losses)
    duration_type = raw.get(1)
    if duration_type in REPEAT_UNTIL_HR:
        value = raw.get(4)
        if value is None:
            raise Unsupported("a repeat until a heart rate that is not given")
        return Repeat(None, block, NOWHERE, until=_heart_rate(REPEAT_UNTIL_HR[duration_type], value), name=name)
    count = raw.get(4)
    if not count or not 1 <= count <= 99:
        raise Unsupported(f"a repeat count of {count} (the language takes 1-99)")
    return Repeat(count, block, NOWHERE, name=name)


def _step(raw: dict, index: int, losses: list[str]) -> Step:
    if any(number in raw for number in EXERCISE_FIELDS):
        raise Unsupported("a strength or drill exercise step")
    intensity = raw.get(7, FitIntensity.ACTIVE.value)
    if intensity not in INTENSITIES:
        losses.append(f"step {index}: intensity {intensity} has no step keyword; it is written as `run`")
    targets = [t for t in (_target(raw, STEP_FIELDS, index), _target(raw, SECONDARY, index)) if t]
    return Step(
        INTENSITIES.get(intensity, Intensity.ACTIVE),
        _duration(raw, index),
        tuple(targets),
        _clean(raw.get(8), f"step {index}'s note", losses),
        NOWHERE,
        _clean(raw.get(0), f"step {index}'s name", losses),
    )


def _duration(raw: dict, index: int):
    kind, value = raw.get(1, D.OPEN.value), raw.get(2)
    if kind == D.OPEN.value:
        return LapKey()
    if value is None:
        raise Unsupported(f"a {DURATION_NAMES.get(kind, kind)} duration without a value")
    if kind in (D.TIME.value, D.DISTANCE.value) and value == 0:
        raise Unsupported(f"a {DURATION_NAMES[kind]} duration of zero")
    if kind == D.TIME.value:
        return Time(value / 1000)
    if kind == D.DISTANCE.value:
        return Distance(value / 100, "m" if value < 100_000 else "km")
    if kind in HR_DURATIONS:
        return _heart_rate(HR_DURATIONS[kind], value)
    raise Unsupported(f"a {DURATION_NAMES.get(kind, f'type {kind}')} duration")


def _heart_rate(above: bool, value: int) -> UntilHeartRate:
    if value > 100:
        return UntilHeartRate(above, value - 100, "bpm")
    return UntilHeartRate(above, value, "%max")


def _target(raw: dict, fields: dict, index: int) -> Target | None:
    kind = raw.get(fields["target_type"])
    if kind is None or kind == T.OPEN.value:
        return None
    zone = raw.get(fields["target_value"]) or None
    low, high = raw.get(fields["low"]), raw.get(fields["high"])
    name = TARGET_NAMES.get(kind, f"type {kind}")
    if kind not in (T.SPEED.value, T.HEART_RATE.value, T.CADENCE.value, T.POWER.value, T.POWER_LAP.value):
        raise Unsupported(f"a {name} target")
    lap = kind == T.POWER_LAP.value
    metric = {T.SPEED.value: "pace", T.HEART_RATE.value: "hr", T.CADENCE.value: "cadence"}.get(kind, "power")
    if zone is not None:
        limit = {"hr": 5, "power": 7}.get(metric)
        if limit is None or zone > limit:
            raise Unsupported(f"a {name} target in zone {zone}")
        return Target(metric, zone, None, None, None, NOWHERE, lap)
    if low is None or high is None:
        raise Unsupported(f"a {name} target with no range")
    return Target(metric, None, *_custom(metric, low, high, name), NOWHERE, lap)


def _custom(metric: str, low: int, high: int, name: str) -> tuple[float, float, str]:
    if metric == "pace":
        if low <= 0 or high <= 0:
            raise Unsupported(f"a {name} target of zero speed")
        return 1_000_000 / high, 1_000_000 / low, "s/km"  # the faster speed is the faster (lower) pace
    if metric == "cadence":
        return low * 2, high * 2, "spm"
    split = 100 if metric == "hr" else 1000
    if (low > split) != (high > split):
        raise Unsupported(f"a {name} range mixing percent and absolute values ({low}-{high})")
    if low > split:
        return low - split, high - split, "bpm" if metric == "hr" else "W"
    return low, high, "%max" if metric == "hr" else "%ftp"


def _clean(text: str | None, what: str, losses: list[str]) -> str | None:
    """Strings the language can hold: no control characters (they become spaces)."""
    if text is None:
        return None
    cleaned = "".join(" " if ord(char) < 32 else char for char in text)
    if cleaned != text:
        losses.append(f"{what} held control characters (line breaks); they are written as spaces")
    return cleaned
