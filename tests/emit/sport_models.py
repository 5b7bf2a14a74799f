"""Workouts of every sport built as model objects, as the language will lower the
examples of issue 16 (a swim on a send-off, a strength session, a sweet-spot ride), for
the page tests to render without the parser."""

from __future__ import annotations

from workoutc.diagnostics import Span
from workoutc.model import (
    Calories,
    Distance,
    Exercise,
    Intensity,
    LapKey,
    Lengths,
    Pool,
    Repeat,
    Reps,
    SendOff,
    Step,
    Target,
    Time,
    Tss,
    UntilPower,
    Workout,
)

AT = Span(1, 1, 1, 2)


def step(intensity: Intensity, duration, *targets: Target, **more) -> Step:
    return Step(intensity, duration, tuple(targets), more.pop("notes", None), AT, **more)


def sets(count: int, *steps: Step, name: str | None = None) -> Repeat:
    """A line of sets: `10x100m free on 1:45`, `squat 3x10 @ 60kg rest 90s`."""
    return Repeat(count, steps, AT, name=name)


def target(metric: str, low: float, high: float, unit: str, average: str | None = None) -> Target:
    return Target(metric, None, low, high, unit, AT, average=average)


def workout(name: str, steps, **fields) -> Workout:
    return Workout(name, fields.pop("kind", None), tuple(steps), Span(1, 1, 9, 2), "sports.wkt", **fields)


ACTIVE, REST, WARMUP, COOLDOWN = Intensity.ACTIVE, Intensity.REST, Intensity.WARMUP, Intensity.COOLDOWN


def swim() -> Workout:
    """workout "Swim: threshold 100s" pool 25m "Main set on a send-off" (the spec's example)."""
    return workout(
        "Swim: threshold 100s",
        [
            step(ACTIVE, Distance(400, "m"), stroke="freestyle"),
            sets(4, step(ACTIVE, Distance(50, "m"), stroke="drill", equipment="swim_fins"), step(REST, Time(15))),
            sets(10, step(ACTIVE, Distance(100, "m"), stroke="freestyle"), step(REST, SendOff(105))),
            step(ACTIVE, Distance(200, "m"), stroke="backstroke"),
            step(COOLDOWN, Distance(100, "m"), stroke="freestyle"),
        ],
        sport="swimming",
        sub_sport="lap_swimming",
        pool=Pool(25, "m"),
        description="Main set on a send-off",
    )


def yard_swim() -> Workout:
    """A 25 yd pool: lengths, yards, and paces per 100 yd."""
    return workout(
        "Yards",
        [
            step(WARMUP, Lengths(8), stroke="mixed"),
            sets(
                6, step(ACTIVE, Distance(100 * 0.9144, "yd"), target("pace", 80, 85, "s/100yd")), step(REST, Time(20))
            ),
            step(ACTIVE, Distance(200 * 0.9144, "yd"), stroke="im", equipment="swim_pull_buoy"),
        ],
        sport="swimming",
        sub_sport="lap_swimming",
        pool=Pool(25 * 0.9144, "yd"),
    )


def strength() -> Workout:
    """workout "Strength A" strength."""
    return workout(
        "Strength A",
        [
            step(WARMUP, Time(300)),
            sets(3, step(ACTIVE, Reps(10), exercise=Exercise("squat", None, 60, "kg")), step(REST, Time(90))),
            sets(3, step(ACTIVE, Reps(8), exercise=Exercise("bench_press", None, 50, "kg")), step(REST, Time(120))),
            sets(3, step(ACTIVE, Time(45), exercise=Exercise("plank")), step(REST, Time(30))),
            step(ACTIVE, Reps(12), exercise=Exercise("squat", "goblet_squat", 16, "kg")),
        ],
        sport="training",
        sub_sport="strength_training",
    )


def sweet_spot() -> Workout:
    """workout "Sweet spot" cycling indoor-cycling."""
    return workout(
        "Sweet spot",
        [
            step(WARMUP, Time(900), target("power", 50, 65, "%ftp")),
            Repeat(
                3, (step(ACTIVE, Time(720), target("power", 88, 94, "%ftp")), step(Intensity.RECOVERY, Time(300))), AT
            ),
            step(COOLDOWN, Time(600)),
        ],
        sport="cycling",
        sub_sport="indoor_cycling",
    )


def road_ride() -> Workout:
    """A ride held to speeds, with a distance, cadence in rpm, grade and the new durations."""
    return workout(
        "Road ride",
        [
            step(WARMUP, Time(600), target("speed", 24, 26, "km/h"), target("cadence", 85, 95, "rpm")),
            step(ACTIVE, Distance(20000, "km"), target("speed", 30, 32, "km/h", average="lap")),
            step(Intensity.INTERVAL, UntilPower(True, 300, "W", "3s"), target("grade", 5, 6, "%")),
            step(Intensity.OTHER, Calories(200)),
            step(ACTIVE, Tss(20), target("power", 200, 220, "W", average="10s")),
            step(COOLDOWN, LapKey(), target("resistance", 3, 3, "")),
        ],
        kind="easy",
        sport="cycling",
        sub_sport="road",
    )
