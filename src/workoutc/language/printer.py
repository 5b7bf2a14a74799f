"""Model -> workout language text, in the canonical layout.

Used by `decompile` (FIT -> model -> text: workouts, and plans from schedules) and by
the property tests (model -> text -> compile). Every value is written so that compiling the text gives back exactly the
same FIT values: distances and paces choose the unit and the decimals that round-trip.
A target written relative to the athlete is written as it was (`pace threshold+10s`),
resolved or not, which is what `fmt` compares; decoded targets never are.
"""

from __future__ import annotations

import math

from ..fit import exercises
from ..model import (
    Calories,
    Distance,
    Exercise,
    Intensity,
    LapKey,
    Lengths,
    Plan,
    PlanEntry,
    Pool,
    Relative,
    Repeat,
    Reps,
    SendOff,
    Step,
    Target,
    Time,
    Tss,
    UntilHeartRate,
    UntilPower,
    Workout,
    set_parts,
)
from ..units import (
    KILOGRAMS,
    LEVEL_LIMITS,
    METRES,
    PACE_UNITS,
    SINGLE_VALUE_HALF_WIDTH,
    SPEED_UNITS,
    WRITTEN_UNITS,
    format_clock,
    pace_limits,
)
from .vocabulary import (
    ACTIVE_VERB,
    EQUIPMENT_WORD_OF,
    KEYWORD_OF,
    LINE_KEYWORDS,
    SPORT_OF_SUB_SPORT,
    SPORT_WORD_OF,
    SPORT_WORDS,
    STROKE_WORD_OF,
    hyphenated,
    quote,
)

INDENT = "  "


def number(value: float, decimals: int = 3) -> str:
    """`1.5`, `400`, `0.25`: the shortest spelling of `value` at this precision."""
    text = f"{value:.{decimals}f}".rstrip("0").rstrip(".")
    return text or "0"


def duration_text(duration, preferred: str = "m") -> str:
    """A duration as written; distances in the `preferred` unit when it is exact."""
    match duration:
        case Time(seconds=seconds):
            return time_text(seconds)
        case Distance(metres=metres, unit=unit):
            return distance_text(metres, unit if preferred == "m" else preferred)
        case LapKey():
            return "lap"
        case UntilHeartRate() | UntilPower():
            return "until " + condition_text(duration)
        case SendOff(seconds=seconds):
            return "on " + send_off_text(seconds)
        case Calories(kcal=kcal):
            return f"{kcal}kcal"
        case Reps(count=count):
            return f"{count}reps"
        case Tss(points=points):
            return f"{points}tss"
        case Lengths(count=count):
            return f"{count}len"
    raise TypeError(f"not a duration: {duration!r}")


def condition_text(until: UntilHeartRate | UntilPower) -> str:
    """`hr>160bpm`, `power-3s<250W`, `max-lap-power<300W`."""
    compare = ">" if until.above else "<"
    if isinstance(until, UntilHeartRate):
        return f"hr{compare}{until.value}{'bpm' if until.unit == 'bpm' else '%'}"
    return f"{power_keyword(until.average)}{compare}{until.value}{WRITTEN_UNITS[until.unit]}"


def power_keyword(average: str | None) -> str:
    """`power`, `power-3s`, `lap-power`, `max-lap-power`."""
    if average is None:
        return "power"
    return f"power-{average}" if average[0].isdigit() else f"{average}-power"


def send_off_text(seconds: float) -> str:
    """`1:45` for whole seconds under an hour, else the time spelled out."""
    return format_clock(seconds) if seconds == int(seconds) and seconds < 3600 else time_text(seconds)


def time_text(seconds: float) -> str:
    """1h15min, 1min30s, 45s, 1.5s; milliseconds are kept exactly."""
    millis = round(seconds * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    parts = [f"{hours}h" if hours else "", f"{minutes}min" if minutes else ""]
    if millis:
        parts.append(number(millis / 1000) + "s")
    return "".join(parts) or "0s"


def distance_text(metres: float, preferred: str = "m") -> str:
    """The spelling that compiles back to the same centimetres: in `preferred` units
    unless another is shorter (4828.03 m is `3mi`, 402.34 m `0.25mi`). Yards are a
    pool's unit, written only where they are preferred."""
    centimetres = round(metres * 100)
    spellings = {}
    for unit, size in METRES.items():
        if unit == "yd" and preferred != "yd":
            continue
        for decimals in range(7):
            value = number(metres / size, decimals)
            if float(value) > 0 and round(float(value) * size * 100) == centimetres:
                spellings[unit] = value + unit
                break
    if not spellings:
        return f"{number(metres, 2)}m"  # not a distance the language accepts; compiling says why
    return _shortest(spellings, preferred)


def _shortest(spellings: dict[str, str], preferred: str) -> str:
    """The shortest of the exact spellings by unit; the preferred unit's on a tie."""
    shortest = min(spellings.values(), key=len)
    chosen = spellings.get(preferred, shortest)
    return chosen if len(chosen) <= len(shortest) else shortest


def pace_clock(seconds: float, metres: float, limits: tuple[float, float] = (0, math.inf)) -> str:
    """A pace whose speed (mm/s) is what `seconds` per `metres` encodes to, written
    shortest, within `limits` (a limit comes back from FIT's rounding a little past
    itself: 13:42.96 per 100 yd is written 13:42, not 13:43)."""
    speed = round(metres / seconds * 1000)
    floor, ceiling = limits
    within = min(max(seconds, floor), ceiling)
    for decimals in range(4):
        scale = 10**decimals
        for value in (round(seconds, decimals), math.floor(within * scale) / scale, math.ceil(within * scale) / scale):
            text = format_clock(value, decimals)
            minutes, _, rest = text.partition(":")
            candidate = int(minutes) * 60 + float(rest)
            if floor <= candidate <= ceiling and candidate > 0 and round(metres / candidate * 1000) == speed:
                return text
    return format_clock(seconds, 3)


def _span(low: float, high: float, unit: str) -> str:
    return f"{number(low)}-{number(high)}{unit}"


def target_keyword(target: Target) -> str:
    """`hr`, `lap-hr`, `power-3s`, `lap-pace`: the metric and what it is averaged over."""
    if target.metric == "power":
        return power_keyword(target.average)
    return f"lap-{target.metric}" if target.average == "lap" else target.metric


def target_text(target: Target) -> str:
    keyword = target_keyword(target)
    if target.zone is not None:
        return f"{keyword} z{target.zone}"
    if target.relative is not None:
        return relative_text(target.relative, keyword)
    low, high = target.bounds
    unit = target.range_unit
    if target.metric == "pace":
        return f"{keyword} {pace_text(low, high, unit[2:])}"
    if target.metric == "speed":
        spellings = {unit: f"{speed_text(low, unit)}-{speed_text(high, unit)}{unit}"}
        for other, size in SPEED_UNITS.items():
            scale = SPEED_UNITS[unit] / size  # the same speed in `other`, if the language takes it there
            floor, ceiling = LEVEL_LIMITS[other]
            if other != unit and floor <= low * scale and high * scale <= ceiling:
                spellings[other] = f"{speed_text(low * scale, other)}-{speed_text(high * scale, other)}{other}"
        return f"{keyword} {_shortest(spellings, unit)}"
    if low == high and SINGLE_VALUE_HALF_WIDTH[unit] == 0:  # one value stands for itself
        return f"{keyword} {number(low)}{WRITTEN_UNITS[unit]}"
    return f"{keyword} {_span(low, high, WRITTEN_UNITS[unit])}"


def pace_text(fast: float, slow: float, per: str) -> str:
    """`3:50-4:00/km`: per km or per mile, whichever exact spelling is shorter (a pace
    decoded from `9:00/mi` is `9:00/mi`, not `5:35.6/km`); swims per 100 m or yd as given."""
    choices = ("km", "mi") if per in ("km", "mi") else (per,)
    spellings = {}
    for other in choices:
        scale = PACE_UNITS[other] / PACE_UNITS[per]
        metres = PACE_UNITS[other]
        limits = pace_limits(other)
        low, high = (pace_clock(value * scale, metres, limits) for value in (fast, slow))
        spellings[other] = f"{low}-{high}/{other}"
    return _shortest(spellings, per)


def speed_text(value: float, unit: str) -> str:
    """A speed whose mm/s is what `value` in `unit` encodes to, written shortest."""
    millimetres = round(value * SPEED_UNITS[unit] * 1000)
    for decimals in range(5):
        text = number(value, decimals)
        if round(float(text) * SPEED_UNITS[unit] * 1000) == millimetres:
            return text
    return number(value, 5)


def relative_text(relative: Relative, keyword: str) -> str:
    """A target relative to the athlete as `fmt` writes it, resolved or not: long words
    (`pace threshold+10s`, `pace 95-100% threshold/mi`, `hr 80-85% lthr`, `hr<=z2`)."""
    if relative.bound is not None:
        compare, zone = relative.bound
        return f"{keyword}{compare}z{zone}"
    words = [keyword]
    if relative.percent is not None:
        words.append(percent_text(relative.percent))
    if keyword != "pace":
        return " ".join([*words, relative.reference])
    offset = "" if relative.offset is None else signed_offset(relative.offset[0])
    per = "" if relative.per == "km" else f"/{relative.per}"
    return " ".join([*words, relative.reference + offset + per])


def percent_text(percent: tuple[float, float]) -> str:
    """`95-100%`, or `97%` for a single value."""
    low, high = percent
    return f"{number(low)}%" if low == high else f"{number(low)}-{number(high)}%"


def signed_offset(seconds: float) -> str:
    """`+10s`, `-1min30s`: an offset from a reference pace."""
    return ("-" if seconds < 0 else "+") + time_text(abs(seconds))


def step_keyword(intensity: Intensity, sport: str) -> str:
    """`run`, `ride`, `swim` (an active step in its sport's verb), `recover`, `rest`, ..."""
    if intensity == Intensity.ACTIVE:
        return ACTIVE_VERB.get(sport, "active")
    return KEYWORD_OF[intensity]


def step_line(step: Step, sport: str = "running", preferred: str = "m") -> str:
    if step.exercise is not None:
        return exercise_line(step, None, None)
    words = [step_keyword(step.intensity, sport)]
    if step.name:
        words.append(quote(step.name))
    words.append(duration_text(step.duration, preferred))
    return " ".join(words + _attribute_words(step) + _note(step))


def _attribute_words(step: Step) -> list[str]:
    """A step's stroke, equipment and targets, as they follow its duration."""
    words = [STROKE_WORD_OF[step.stroke]] if step.stroke else []
    if step.equipment:
        words.append(EQUIPMENT_WORD_OF[step.equipment])
    return words + [target_text(target) for target in step.targets]


def _note(step: Step) -> list[str]:
    return [quote(step.notes)] if step.notes else []


def _after(step: Step, rest: Step | None) -> list[str]:
    """What ends a line of sets: the step's attributes, the rest after each, the note."""
    return _attribute_words(step) + ([rest_text(rest)] if rest is not None else []) + _note(step)


def exercise_line(step: Step, count: int | None, rest: Step | None) -> str:
    """`squat 3x10 @ 60kg rest 90s`: an exercise, its sets and the rest after each."""
    exercise = step.exercise
    assert exercise is not None
    words = [exercises.written(exercise.category, exercise.name, LINE_KEYWORDS)]
    if step.intensity != Intensity.ACTIVE:
        words.append(KEYWORD_OF[step.intensity])
    if step.name:
        words.append(quote(step.name))
    amount = str(step.duration.count) if isinstance(step.duration, Reps) else duration_text(step.duration)
    words.append(amount if count is None else f"{count}x{amount}")
    if exercise.weight is not None:
        words.append("@ " + weight_text(exercise))
    return " ".join(words + _after(step, rest))


def weight_text(exercise: Exercise) -> str:
    """The weight in its unit, with the decimals that give back the same hundredths of a kg."""
    assert exercise.weight is not None
    hundredths = round(exercise.weight * 100)
    size = KILOGRAMS[exercise.weight_unit]
    for decimals in range(5):
        text = number(exercise.weight / size, decimals)
        if round(float(text) * size * 100) == hundredths:
            return text + exercise.weight_unit
    return number(exercise.weight, 2) + "kg"


def rest_text(rest: Step) -> str:
    """What follows each set: `rest 90s`, `recover 2min`, `on 1:45`."""
    if isinstance(rest.duration, SendOff) and rest.intensity == Intensity.REST:
        return duration_text(rest.duration)
    return f"{KEYWORD_OF[rest.intensity]} {duration_text(rest.duration)}"


def set_line(repeat: Repeat, work: Step, rest: Step | None, sport: str, preferred: str) -> str:
    if work.exercise is not None:
        count = None if repeat.count == 1 and rest is not None else repeat.count
        return exercise_line(work, count, rest)
    return " ".join([f"{repeat.count}x{duration_text(work.duration, preferred)}", *_after(work, rest)])


def repeat_line(repeat: Repeat) -> str:
    until = repeat.until
    if until is None:
        head = f"{repeat.count}x"
    elif isinstance(until, (UntilHeartRate, UntilPower)):
        head = f"repeat until {condition_text(until)}"
    else:
        head = f"repeat until {duration_text(until)}"
    return head + (f" {quote(repeat.name)}" if repeat.name else "")


def node_lines(nodes, depth: int, sport: str = "running", preferred: str = "m") -> list[str]:
    lines = []
    for node in nodes:
        if isinstance(node, Repeat):
            parts = set_parts(node)
            if parts is not None:
                lines.append(INDENT * depth + set_line(node, *parts, sport, preferred))
                continue
            lines.append(INDENT * depth + repeat_line(node))
            lines += node_lines(node.steps, depth + 1, sport, preferred)
        else:
            lines.append(INDENT * depth + step_line(node, sport, preferred))
    return lines


def header_words(workout: Workout) -> list[str]:
    """The words after a workout's name: kind, sport, sub-sport, pool, description."""
    words = [workout.kind] if workout.kind else []
    sport, sub_sport = workout.sport, workout.sub_sport
    if sport == "training" and sub_sport in SPORT_WORD_OF:
        words.append(SPORT_WORD_OF[sub_sport])
    else:
        # The sport is said unless it is running or a pool's swim (`cycling road`, not
        # `road`), and always before a sub-sport spelt like a sport (`running generic`).
        implied = "swimming" if workout.pool else "running"
        if sport != implied or hyphenated(sub_sport or "") in SPORT_WORDS or sub_sport in SPORT_OF_SUB_SPORT:
            words.append(hyphenated(sport))
        if sub_sport is not None:
            words.append(hyphenated(sub_sport))
    if workout.pool is not None:
        words.append("pool " + pool_text(workout.pool))
    if workout.description:
        words.append(quote(workout.description))
    return words


def pool_text(pool: Pool) -> str:
    """`25m`, `25yd`: always in the pool's own unit (FIT keeps it beside the length)."""
    hundredths, size = round(pool.metres * 100), METRES[pool.unit]
    for decimals in range(5):
        text = number(pool.metres / size, decimals)
        if round(float(text) * size * 100) == hundredths:
            return text + pool.unit
    return number(pool.metres / size, 5) + pool.unit


def workout_text(workout: Workout) -> str:
    """The block form of a workout (strides are written out as the repeat they are)."""
    header = " ".join([f"workout {quote(workout.name)}", *header_words(workout)])
    preferred = workout.pool.unit if workout.pool is not None else "m"
    return "\n".join([header, *node_lines(workout.steps, 1, workout.sport, preferred)]) + "\n"


def plan_text(plan: Plan) -> str:
    """A plan of rest days and sessions that name their workouts (what a schedule holds;
    a one-line session written in a plan has no one-line form here)."""
    return "\n".join([f"plan {quote(plan.name)}", *(INDENT + entry_line(entry) for entry in plan.entries)]) + "\n"


def entry_line(entry: PlanEntry) -> str:
    assert entry.workout is None, "only rest days and entries naming a workout are printed"
    words = [f"{entry.day:%Y-%m-%d}"]
    if entry.at is not None:
        words.append(f"{entry.at:%H:%M}")
    words.append("rest" if entry.reference is None else quote(entry.reference))
    return " ".join(words)
