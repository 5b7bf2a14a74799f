"""Edge cases for the checker rules, beyond each rule's docstring examples.

Boundaries (at a limit vs just over), options set in the profile's [rules] table, the
athlete values each rule leans on, the missing-value note and disabled rules.
The tests under "regressions" pin bugs this file found, now fixed.
"""

from __future__ import annotations

import tomllib

import pytest

from workoutc.check.config import ConfigFinder, parse_config
from workoutc.check.rules import RULES, examples
from workoutc.check.runner import Checker
from workoutc.language.source import load_text

from .test_rules import FULL_PROFILE, findings

P = FULL_PROFILE
BEGINNER = P.replace('"intermediate"', '"beginner"')
ADVANCED = P.replace('"intermediate"', '"advanced"')
RETURNING = P + "returning = true\n"
EASY_PER_MILE = '[athlete]\neasy_pace = "8:35-9:23/mi"\n'  # 5:20-5:50/km
NOTE = "is not set, so"  # the missing-profile-value note, see Checker._report_missing
TEMPO = "run 20min pace 4:15-4:25/km"
HARD_EASY = 'workout "Hard easy" easy\n  run 30min hr z4\n'  # an easy kind that is quality by its steps


def rules(body: str, profile: str = P) -> str:
    return f"{profile}\n[rules]\n{body}\n"


def device(body: str) -> str:
    return f"{P}\n[device]\n{body}\n"


def hits(code: str, text: str, profile: str = P) -> list[str]:
    """Messages of one rule's findings, missing-value notes left out."""
    return [d.message for d in findings(text, profile) if d.code == code and NOTE not in d.message]


def notes(text: str, profile: str = "") -> list[str]:
    return [d.message for d in findings(text, profile) if NOTE in d.message]


def plan(*lines: str) -> str:
    return 'plan "W"\n' + "".join(f"  {line}\n" for line in lines)


def block(kind: str, *lines: str) -> str:
    return f'workout "W" {kind}\n' + "".join(f"  {line}\n" for line in lines)


def assert_messages(found: list[str], expected: list[str]) -> None:
    """One finding per expected text, in order, each containing it."""
    assert len(found) == len(expected), found
    assert all(part in message for part, message in zip(expected, found, strict=True)), found


# ====================================================================== workout rules

WORKOUT_CASES = [
    # R101: the whole estimated time counts, strides included; distances at a pace
    ("R101", "recovery 45min hr<z2\n", P, []),
    ("R101", "recovery 46min hr<z2\n", P, ["this recovery run lasts 46 min, more than 45 min"]),
    ("R101", "recovery 40min hr<z2\n", rules("R101 = { max_minutes = 40 }"), []),
    ("R101", "recovery 41min hr<z2\n", rules("R101 = { max_minutes = 40 }"), ["lasts 41 min, more than 40 min"]),
    ("R101", "recovery 60min hr<z2\n", rules("R101 = { max_minutes = 60 }"), []),
    ("R101", "recovery 40min hr<z2 strides 4x20s/40s\n", P, []),  # 44 min
    ("R101", "recovery 42min hr<z2 strides 4x20s\n", P, ["lasts 47 min"]),  # 42 min + 4 x 80 s
    ("R101", "recovery 8km hr<z2\n", P, []),  # 44.7 min at the middle of the easy pace
    ("R101", "recovery 9km hr<z2\n", P, ["lasts 50 min"]),
    ("R101", "recovery 8km pace 6:00-6:10/km\n", "", ["lasts 49 min"]),  # at its own pace: no profile needed
    ("R101", "recovery 8km hr<z2\n", "", []),  # no pace to time it
    ("R101", "easy 90min hr<z2\n", P, []),
    # R102: returning lowers the floor; open-ended or untimed sessions are not judged
    ("R102", "recovery 20min hr<z2\n", P, []),
    ("R102", "recovery 19min hr<z2\n", P, ["this recovery run lasts 19 min, less than 20 min"]),
    ("R102", "recovery 15min hr<z2\n", RETURNING, []),
    ("R102", "recovery 14min hr<z2\n", RETURNING, ["lasts 14 min, less than 15 min"]),
    ("R102", "recovery 25min hr<z2\n", rules("R102 = { min_minutes = 30 }"), ["lasts 25 min, less than 30 min"]),
    ("R102", "recovery 25min hr<z2\n", rules("R102 = { returning_min_minutes = 30 }"), []),  # not returning
    ("R102", "recovery 25min hr<z2\n", rules("R102 = { returning_min_minutes = 30 }", RETURNING), ["less than 30 min"]),
    ("R102", "recovery 12min hr<z2\n", rules("R102 = { min_minutes = 30, returning_min_minutes = 12 }", RETURNING), []),
    ("R102", "recovery lap hr<z2\n", P, []),
    ("R102", "recovery until hr<120bpm hr<z2\n", P, []),
    ("R102", block("recovery", "run 10min hr<z2", "run lap hr<z2"), P, []),
    ("R102", "recovery 2km hr<z2\n", "", []),
    ("R102", "recovery 2km hr<z2\n", P, ["lasts 11 min"]),
    ("R102", "easy 10min\n", P, []),
    # R103: zone 2 / 70 % of max, the easy pace's fast end, 75 % FTP; strides exempt
    ("R103", "recovery 30min hr<=z2\n", P, []),
    ("R103", "recovery 30min hr z2\n", P, []),
    ("R103", "recovery 30min hr z3\n", P, ["heart rate up to 80 % of max is above the recovery cap of 70 %"]),
    ("R103", "recovery 30min hr 65-70%\n", P, []),
    ("R103", "recovery 30min hr 65-71%\n", P, ["up to 71 % of max"]),
    ("R103", "recovery 30min hr 65-75%\n", rules("R103 = { max_hr_percent = 75 }"), []),
    ("R103", "recovery 30min hr 120-131bpm\n", P, []),  # 131 / 188 = 69.7 %
    ("R103", "recovery 30min hr 131bpm\n", P, ["up to 72 % of max"]),  # 126-136 bpm
    ("R103", "recovery 30min hr 120-140bpm\n", "", []),  # no max_hr: not judged (see the notes)
    ("R103", "recovery 30min pace 5:20-5:50/km\n", P, []),
    ("R103", "recovery 30min pace 5:19-5:50/km\n", P, ["a pace of 5:19/km is faster than your easy pace (5:20/km)"]),
    ("R103", "recovery 30min pace 5:00/km\n", "", []),
    ("R103", "recovery 30min pace 8:40-9:00/mi\n", P, []),  # 5:23/km
    ("R103", "recovery 30min pace 8:30-8:40/mi\n", P, ["a pace of 5:17/km"]),
    ("R103", "recovery 30min pace 5:21-5:40/km\n", EASY_PER_MILE, []),
    (
        "R103",
        "recovery 30min pace 5:19/km\n",
        EASY_PER_MILE,
        ["a pace of 5:14/km is faster than your easy pace (5:20/km)"],
    ),
    ("R103", "recovery 30min power 70-75%\n", P, []),
    ("R103", "recovery 30min power 70-76%\n", P, ["power up to 76 % of FTP is above the recovery cap of 75 %"]),
    ("R103", "recovery 30min power 190-210W\n", P, []),  # 210 / 280 = 75 %
    ("R103", "recovery 30min power 230W\n", P, ["power up to 86 % of FTP"]),
    ("R103", "recovery 30min power 230W\n", "", []),
    ("R103", "recovery 30min power 70-80%\n", rules("R103 = { max_power_percent = 80 }"), []),
    ("R103", "recovery 30min power z2\n", "", []),
    ("R103", "recovery 30min power z3\n", "", ["power zone 3 is above the recovery cap"]),
    ("R103", "recovery 30min cadence 170-180spm\n", P, []),
    ("R103", "recovery 30min hr<z2 strides 4x20s hr z5 pace 3:00/km\n", P, []),
    ("R103", block("recovery", "run 25min hr<z2", "strides 4x20s power 120%"), P, []),
    (
        "R103",
        block("recovery", "run 10min hr<z2", "run 10min hr z4", "run 10min power 90%"),
        P,
        ["up to 90 % of max", "up to 93 % of FTP"],
    ),  # a single 90 % is 87-93 %
    # R104: repeats other than strides, nested or not
    ("R104", block("recovery", "run 25min hr<z2", "1x", "  run 1min hr<z2"), P, ["a 1x repeat"]),
    (
        "R104",
        block("recovery", "run 25min hr<z2", "strides 4x20s", "2x", "  run 1min", "  recover 1min"),
        P,
        ["a 2x repeat"],
    ),
    ("R104", block("recovery", "run 25min hr<z2", "strides 4x20s", "strides 4x100m/100m"), P, []),
    ("R104", block("recovery", "run 10min hr<z2", "2x", "  run 1min", "3x", "  run 1min"), P, ["a 2x", "a 3x"]),
    ("R104", block("easy", "run 25min hr<z2", "2x", "  run 1min", "  recover 1min"), P, []),
    # R105: cadence and stride targets are no cap
    ("R105", "recovery 30min cadence 170-180spm\n", P, ["this recovery run has no heart-rate, pace or power cap"]),
    ("R105", "recovery 30min strides 4x20s hr<z2\n", P, ["no heart-rate, pace or power cap"]),
    ("R105", "recovery 30min cadence 170-180spm hr<z2\n", P, []),
    ("R105", "recovery 30min power z1\n", P, []),
    ("R105", "recovery until hr<120bpm\n", P, ["no heart-rate, pace or power cap"]),  # a duration, not a target
    ("R105", block("recovery", "warmup 5min", "run 25min", "cooldown 5min pace 6:00-6:30/km"), P, []),
    ("R105", 'workout "W"\n  run 25min\n', P, []),
    # R106: distance strides at stride_seconds_per_100m (20 s) or their pace; jogs at the easy pace
    ("R106", "easy 40min hr<=z2 strides 8x30s/60s\n", P, []),
    ("R106", "easy 40min hr<=z2 strides 8x31s/62s\n", P, ["strides of 31 s are longer than 30 s"]),
    ("R106", "easy 40min hr<=z2 strides 9x20s\n", P, ["9 strides are more than 8"]),
    ("R106", "easy 40min hr<=z2 strides 10x20s\n", rules("R106 = { max_count = 10 }"), []),
    ("R106", "easy 40min hr<=z2 strides 4x20s/40s\n", P, []),
    ("R106", "easy 40min hr<=z2 strides 4x20s/39s\n", P, ["a 39 s jog is less than 2x the 20 s stride"]),
    (
        "R106",
        "easy 40min strides 4x20s/50s\n",
        rules("R106 = { min_recovery_ratio = 3 }"),
        ["a 50 s jog is less than 3x"],
    ),
    ("R106", "easy 40min strides 4x40s/90s\n", rules("R106 = { max_seconds = 40 }"), []),
    ("R106", "easy 40min strides 4x150m\n", P, []),  # 30 s stride, 450 m = 151 s jog
    ("R106", "easy 40min strides 4x160m/2min\n", P, ["strides of 32 s are longer than 30 s"]),
    ("R106", "easy 40min strides 4x100m/90s\n", rules("R106 = { stride_seconds_per_100m = 35 }"), ["strides of 35 s"]),
    ("R106", "easy 40min strides 4x200m/2min pace 3:00/km\n", P, ["strides of 36 s"]),
    ("R106", "easy 40min strides 4x100m/100m\n", P, ["a 34 s jog is less than 2x the 20 s stride"]),
    ("R106", "easy 40min strides 4x20s/100m\n", P, ["a 34 s jog is less than 2x the 20 s stride"]),
    ("R106", "easy 40min strides 4x100m/30s\n", "", ["a 30 s jog is less than 2x the 20 s stride"]),
    ("R106", "easy 40min strides 4x20s/100m\n", "", []),  # a jog in metres, no easy pace
    (
        "R106",
        "easy 40min strides 12x45s/30s\n",
        P,
        ["strides of 45 s", "12 strides", "a 30 s jog is less than 2x the 45 s"],
    ),
    (
        "R106",
        block("intervals", "warmup 15min", "2x", "  strides 10x20s", "  recover 2min", "cooldown 10min"),
        P,
        ["10 strides are more than 8"],
    ),
    # S201: easy running before the hard part; strides and unknown lengths
    ("S201", block("tempo", "warmup 15min", TEMPO, "cooldown 10min"), P, []),
    ("S201", block("tempo", "warmup lap", TEMPO, "cooldown 10min"), P, []),
    (
        "S201",
        block("tempo", "warmup 2km", TEMPO, "cooldown 10min"),
        P,
        ["the first hard step comes after only 11 min of easy running"],
    ),
    ("S201", block("tempo", "warmup 3km", TEMPO, "cooldown 10min"), P, []),  # 16.75 min at the easy pace
    ("S201", block("tempo", "warmup 2km", TEMPO, "cooldown 10min"), "", []),  # unknown length: passes
    ("S201", block("tempo", "warmup 2km pace 6:00/km", TEMPO, "cooldown 10min"), "", ["only 12 min"]),
    ("S201", block("tempo", "warmup 3km pace 6:00/km", TEMPO, "cooldown 10min"), "", []),
    ("S201", block("tempo", "warmup 10min", "strides 4x20s", TEMPO, "cooldown 10min"), P, ["only 10 min"]),
    ("S201", block("tempo", "warmup 15min", "strides 4x20s", TEMPO, "cooldown 10min"), P, []),
    ("S201", block("tempo", "warmup 10min", "run 5min hr<=z2", TEMPO), P, []),
    ("S201", block("tempo", "warmup 5min", "run 10min", "run 20min hr z4"), P, []),  # untargeted counts
    ("S201", block("tempo", TEMPO, "cooldown 10min"), P, ["the first hard step comes after no easy running"]),
    ("S201", block("tempo", "warmup 10min", TEMPO), rules("S201 = { min_minutes = 10 }"), []),
    ("S201", block("tempo", "warmup 15min", TEMPO), rules("S201 = { min_minutes = 20 }"), ["only 15 min"]),
    (
        "S201",
        block("intervals", "warmup 5min", "6x", "  run 400m", "  recover 200m"),
        P,
        ["the first repeat comes after only 5 min of easy running"],
    ),
    ("S201", block("easy", "warmup 5min", "run 20min hr z4", "cooldown 10min"), P, ["only 5 min"]),  # quality by zone
    ("S201", block("easy", "warmup 5min", "run 20min hr z3", "cooldown 10min"), P, []),  # zone 3: not quality
    ("S201", "tempo 20min pace 4:15/km\n", P, ["no easy running"]),  # one line: the targeted main step
    ("S201", "tempo 20min\n", P, []),  # untargeted one line: no known shape (training.hard_part)
    # S202: what the session ends on
    ("S202", block("tempo", "warmup 15min", TEMPO), P, ["the session ends on its hard part"]),
    ("S202", block("tempo", "warmup 15min", TEMPO, "run 5min"), P, []),
    ("S202", block("tempo", "warmup 15min", TEMPO, "recover 5min"), P, []),
    ("S202", block("tempo", "warmup 15min", TEMPO, "strides 4x20s"), P, []),  # strides are not the hard part
    (
        "S202",
        block("intervals", "warmup 15min", "6x", "  run 400m pace 3:30-3:40/km", "  recover 200m", "run 10min hr<=z2"),
        P,
        [],
    ),
    ("S202", block("easy", "warmup 15min", "run 20min hr z4"), P, ["ends on its hard part"]),
    ("S202", block("easy", "warmup 15min", "run 20min hr z3"), P, []),
    ("S202", "intervals 40min hr z4\n", P, ["ends on its hard part"]),
    ("S202", "intervals 40min hr z4 strides 4x20s\n", P, []),
    ("S202", "intervals 40min\n", P, []),
    # S203
    ("S203", "long 2h30min hr<=z2\n", P, []),
    ("S203", "long 2h31min hr<=z2\n", P, ["this long run lasts 151 min, more than 150 min"]),
    ("S203", "long 2h hr<=z2\n", rules("S203 = { max_minutes = 110 }"), ["lasts 120 min, more than 110 min"]),
    ("S203", "long 3h hr<=z2\n", rules("S203 = { max_minutes = 180 }"), []),
    ("S203", "long 28km hr<=z2\n", P, ["lasts 156 min"]),  # at the easy pace
    ("S203", "long 28km hr<=z2\n", "", []),
    ("S203", "long 30km pace 4:50/km\n", "", []),  # 145 min at its own pace
    ("S203", "easy 3h hr<=z2\n", P, []),
    ("S203", block("long", "run 2h hr<=z2", "run 40min pace 4:30/km"), P, ["lasts 160 min"]),
    # S204: pace per km (also for /mi), heart rate in bpm (% converted with max_hr)
    ("S204", "easy 30min pace 5:30-5:35/km\n", P, []),
    ("S204", "easy 30min pace 5:30-5:34/km\n", P, ["a pace window of 4 s/km is narrower than 5 s/km"]),
    ("S204", "easy 30min pace 5:30/km\n", P, []),  # a single value is a 10 s window
    ("S204", "easy 30min pace 8:50-8:59/mi\n", P, []),  # 9 s/mi = 5.6 s/km
    ("S204", "easy 30min pace 8:50-8:55/mi\n", P, ["a pace window of 3 s/km"]),
    ("S204", "easy 30min pace 5:30-5:34/km\n", rules("S204 = { min_pace_seconds = 3 }"), []),
    (
        "S204",
        "easy 30min pace 5:30-5:40/km\n",
        rules("S204 = { min_pace_seconds = 12 }"),
        ["10 s/km is narrower than 12 s/km"],
    ),
    ("S204", "easy 30min hr 130-135bpm\n", P, []),
    ("S204", "easy 30min hr 130-134bpm\n", "", ["a heart-rate window of 4 bpm is narrower than 5 bpm"]),
    ("S204", "easy 30min hr 130-133bpm\n", rules("S204 = { min_bpm = 3 }"), []),
    ("S204", "easy 30min hr 65-67%\n", P, ["a heart-rate window of 4 bpm"]),  # 2 % of 188
    ("S204", "easy 30min hr 65-68%\n", "[athlete]\nmax_hr = 170\n", []),  # 5.1 bpm
    ("S204", "easy 30min hr 65-68%\n", "[athlete]\nmax_hr = 150\n", ["a heart-rate window of 4 bpm"]),
    ("S204", "easy 30min hr 65-67%\n", "", []),  # 2-5 bpm depending on max_hr: not judged
    ("S204", "easy 30min hr 65-70%\n", "", []),  # at least 5 bpm for any max_hr
    ("S204", "easy 30min hr 65-66%\n", "", ["a heart-rate window of 2 bpm"]),  # narrow for any max_hr
    ("S204", "easy 30min hr z2\n", P, []),
    ("S204", "easy 30min cadence 170-171spm power 200-201W\n", P, []),
    (
        "S204",
        block("easy", "run 10min hr 130-131bpm", "3x", "  run 1min pace 4:00-4:01/km", "  recover 1min"),
        P,
        ["1 bpm", "1 s/km"],
    ),
    # S205: metres only, strides exempt
    ("S205", block("easy", "run 99m hr<=z2"), P, ["`99m` is 99 metres"]),
    ("S205", block("easy", "run 100m hr<=z2"), P, []),
    ("S205", block("easy", "run 0.05km hr<=z2"), P, []),
    ("S205", block("easy", "run 30.5m hr<=z2"), P, ["`30.5m` is 30.5 metres"]),
    ("S205", "easy 30m hr<=z2\n", P, ["`30m` is 30 metres"]),
    ("S205", "easy 30min hr<=z2 strides 4x50m/50m\n", P, []),
    ("S205", block("easy", "run 30min", "recover 50m", "rest 20m"), P, ["`50m`", "`20m`"]),
    (
        "S205",
        block("hills", "warmup 15min", "8x", "  run 60m", "  recover 60m", "cooldown 10min"),
        P,
        ["`60m`", "`60m`"],
    ),
    ("S205", block("easy", "run 150m hr<=z2"), rules("S205 = { min_metres = 200 }"), ["`150m` is 150 metres"]),
    ("S205", block("easy", "run 50m hr<=z2"), rules("S205 = { min_metres = 50 }"), []),
    # D401: every step and every repeat is a FIT step
    (
        "D401",
        block("intervals", "warmup 15min", "3x", "  run 400m", "  recover 200m", "cooldown lap"),
        device("max_steps = 5"),
        [],
    ),
    (
        "D401",
        block("intervals", "warmup 15min", "3x", "  run 400m", "  recover 200m", "cooldown lap"),
        device("max_steps = 4"),
        ["this workout is 5 FIT steps; the device takes at most 4"],
    ),
    (
        "D401",
        block("intervals", "warmup 15min", "2x", "  3x", "    run 400m", "    recover 200m", "  recover 2min"),
        device("max_steps = 5"),
        ["this workout is 6 FIT steps; the device takes at most 5"],
    ),
    ("D401", "easy 30min strides 4x20s\n", device("max_steps = 4"), []),
    ("D401", "easy 30min strides 4x20s\n", device("max_steps = 3"), ["4 FIT steps"]),
    ("D401", block("easy", *["run 1min"] * 100), P, []),
    ("D401", block("easy", *["run 1min"] * 101), P, ["this workout is 101 FIT steps; the device takes at most 100"]),
    # D402: bytes of UTF-8, cut between characters
    ("D402", 'workout "Sixteen bytes ok" easy 30min\n', P, []),
    ("D402", 'workout "Seventeen bytes x" easy 30min\n', P, ['the watch shows this name as "Seventeen bytes "']),
    ("D402", 'workout "Track" easy 30min\n', device("name_bytes = 5"), []),
    ("D402", 'workout "Track!" easy 30min\n', device("name_bytes = 5"), ['as "Track"']),
    ("D402", 'workout "Séance piste" easy 30min\n', P, []),  # 13 bytes
    ("D402", 'workout "Séances piste xx" easy 30min\n', P, ['as "Séances piste x"']),  # 16 characters, 17 bytes
    ("D402", 'workout "日本語のワークアウト" easy 30min\n', P, ['as "日本語のワ"']),  # 15 of 30 bytes
    ("D402", 'workout "🏃🏃🏃🏃🏃" easy 30min\n', P, ['as "🏃🏃🏃🏃"']),
    ("D402", 'workout "Sé" easy 30min\n', device("name_bytes = 2"), ['as "S"']),
    ("D402", 'workout "ab日" easy 30min\n', device("name_bytes = 4"), ['as "ab"']),
]


@pytest.mark.parametrize(
    "code, text, profile, expected",
    WORKOUT_CASES,
    ids=[f"{case[0]}-{index}" for index, case in enumerate(WORKOUT_CASES)],
)
def test_workout_rule(code, text, profile, expected):
    assert_messages(hits(code, text, profile), expected)


def spans(code: str, text: str, profile: str = P) -> list[tuple[int, int]]:
    return [(d.span.line, d.span.column) for d in findings(text, profile) if d.code == code]


@pytest.mark.parametrize(
    "code, text, expected",
    [
        ("R101", plan("2026-11-24 recovery 60min hr<z2"), [(2, 14)]),  # a plan's one-line session
        ("R103", block("recovery", "run 10min hr<z2", "run 10min hr z4", "run 10min power 90%"), [(3, 13), (4, 13)]),
        (
            "R104",
            block("recovery", "run 25min", "2x", "  3x", "    run 1min", "    recover 1min", "  recover 2min"),
            [(3, 3)],
        ),
        (
            "R106",
            block("intervals", "warmup 15min", "2x", "  strides 10x20s", "  recover 2min", "cooldown 10min"),
            [(4, 5)],
        ),
        ("S201", block("intervals", "warmup 5min", "6x", "  run 400m", "  recover 200m", "cooldown 10min"), [(3, 3)]),
        ("S202", block("tempo", "warmup 15min", "6x", "  run 1min hr z5", "  recover 1min"), [(3, 3)]),
        ("S204", block("easy", "run 10min hr 130-131bpm", "3x", "  run 1min pace 4:00-4:01/km"), [(2, 13), (4, 14)]),
        ("S205", block("easy", "run 30min", "run 30.5m"), [(3, 3)]),
    ],
)
def test_findings_point_at_the_offending_node(code, text, expected):
    assert spans(code, text) == expected


def test_hints_follow_the_finding():
    [s205] = [d for d in findings(block("easy", "run 30.5m")) if d.code == "S205"]
    assert s205.hint == "did you mean `30.5min`?"
    [s201] = [
        d
        for d in findings(block("tempo", "warmup 5min", TEMPO), rules("S201 = { min_minutes = 20 }"))
        if d.code == "S201"
    ]
    assert s201.hint == "warm up with at least 20 min of easy running first, like `warmup 15min hr<=z2`"


# ====================================================================== plan rules

PLAN_CASES = [
    # P301: hard = quality or long, by calendar day; one-line sessions by their kind, blocks by their steps
    ("P301", ("2026-11-24 tempo 20min", "2026-11-25 long 1h30min"), P, ["a hard session on 2026-11-25 follows"]),
    ("P301", ("2026-11-24 long 1h30min", "2026-11-25 long 1h30min"), P, ["on 2026-11-25"]),
    ("P301", ("2026-11-24 tempo 20min", "2026-11-26 tempo 20min"), P, []),
    ("P301", ("2026-11-24 tempo 20min", "2026-11-25 rest", "2026-11-26 tempo 20min"), P, []),
    ("P301", ("2026-11-24 07:00 tempo 20min", "2026-11-24 18:00 intervals 30min"), P, []),  # a double is one day
    (
        "P301",
        ("2026-11-24 07:00 tempo 20min", "2026-11-24 18:00 intervals 30min", "2026-11-25 hills 30min"),
        P,
        ["on 2026-11-25"],
    ),
    ("P301", ("2026-11-25 hills 30min", "2026-11-24 tempo 20min"), P, ["on 2026-11-25"]),  # out of order
    (
        "P301",
        ("2026-11-24 tempo 20min", "2026-11-25 07:00 easy 30min", "2026-11-25 18:00 tempo 20min"),
        P,
        ["on 2026-11-25"],
    ),
    (
        "P301",
        ("2026-11-24 tempo 20min", "2026-11-25 tempo 20min", "2026-11-26 tempo 20min"),
        P,
        ["on 2026-11-25", "on 2026-11-26"],
    ),
    ("P301", ("2026-11-29 tempo 20min", "2026-11-30 tempo 20min"), P, ["on 2026-11-30"]),  # across weeks
    ("P301", ("2026-11-24 tempo 20min", "2026-11-25 easy 30min hr z4"), P, []),
    ("P301", ("2026-11-24 tempo 20min", '2026-11-25 "Hard easy"'), P, ["on 2026-11-25"]),
    # P302: beginners only; untimed entries at noon
    (
        "P302",
        ("2026-11-24 18:00 tempo 20min", "2026-11-25 07:00 recovery 25min hr<z2"),
        BEGINNER,
        ["this easy run comes 13 h after a quality session, less than 24 h"],
    ),
    ("P302", ("2026-11-24 18:00 tempo 20min", "2026-11-25 07:00 recovery 25min hr<z2"), P, []),
    ("P302", ("2026-11-24 18:00 tempo 20min", "2026-11-25 07:00 recovery 25min hr<z2"), ADVANCED, []),
    ("P302", ("2026-11-24 18:00 tempo 20min", "2026-11-25 07:00 recovery 25min hr<z2"), "", []),
    ("P302", ("2026-11-24 tempo 20min", "2026-11-25 recovery 25min hr<z2"), BEGINNER, []),  # noon to noon
    ("P302", ("2026-11-24 18:00 tempo 20min", "2026-11-25 recovery 25min hr<z2"), BEGINNER, ["comes 18 h after"]),
    ("P302", ("2026-11-24 tempo 20min", "2026-11-25 12:00 recovery 25min hr<z2"), BEGINNER, []),
    ("P302", ("2026-11-24 07:00 tempo 20min", "2026-11-24 18:00 easy 25min"), BEGINNER, ["comes 11 h after"]),
    ("P302", ("2026-11-24 18:00 tempo 20min", "2026-11-25 07:00 long 1h"), BEGINNER, []),  # long is not easy
    ("P302", ("2026-11-24 18:00 long 1h30min", "2026-11-25 07:00 easy 30min"), BEGINNER, []),  # nor quality
    (
        "P302",
        ("2026-11-24 18:00 tempo 20min", "2026-11-25 07:00 recovery 25min"),
        rules("P302 = { min_hours = 12 }", BEGINNER),
        [],
    ),
    (
        "P302",
        ("2026-11-24 18:00 tempo 20min", "2026-11-26 07:00 recovery 25min"),
        rules("P302 = { min_hours = 48 }", BEGINNER),
        ["comes 37 h after a quality session, less than 48 h"],
    ),
    (
        "P302",
        ("2026-11-24 18:00 tempo 20min", "2026-11-25 07:00 recovery 25min", "2026-11-25 19:00 easy 25min"),
        BEGINNER,
        ["comes 13 h after"],
    ),  # the second one is 25 h after
    # P303: any 7 days, sliding across calendar weeks; long runs do not count
    (
        "P303",
        ("2026-11-24 tempo 20min", "2026-11-26 tempo 20min"),
        BEGINNER,
        ["quality session 2 within 7 days (up to 2026-11-26); the beginner level allows 1"],
    ),
    ("P303", ("2026-11-24 tempo 20min", "2026-12-01 tempo 20min"), BEGINNER, []),  # 7 days apart
    (
        "P303",
        ("2026-11-24 tempo 20min", "2026-11-30 tempo 20min"),
        BEGINNER,
        ["quality session 2 within 7 days (up to 2026-11-30)"],
    ),
    ("P303", ("2026-11-24 07:00 tempo 20min", "2026-11-24 18:00 tempo 20min"), BEGINNER, ["(up to 2026-11-24)"]),
    ("P303", ("2026-11-23 tempo 20min", "2026-11-25 tempo 20min", "2026-11-27 tempo 20min"), ADVANCED, []),
    (
        "P303",
        ("2026-11-23 tempo 20min", "2026-11-25 tempo 20min", "2026-11-27 tempo 20min", "2026-11-29 tempo 20min"),
        ADVANCED,
        ["quality session 4 within 7 days (up to 2026-11-29); the advanced level allows 3"],
    ),
    (
        "P303",
        ("2026-11-27 tempo 20min", "2026-11-29 tempo 20min", "2026-12-01 tempo 20min"),
        P,
        ["quality session 3 within 7 days (up to 2026-12-01); the intermediate level allows 2"],
    ),
    ("P303", ("2026-11-27 tempo 20min", "2026-11-29 long 2h", "2026-12-01 tempo 20min"), P, []),
    (
        "P303",
        ("2026-11-24 tempo 20min", "2026-11-26 tempo 20min", "2026-11-28 tempo 20min"),
        rules("P303 = { intermediate = 3 }"),
        [],
    ),
    (
        "P303",
        ("2026-11-24 tempo 20min", "2026-11-26 tempo 20min", "2026-11-28 tempo 20min", "2026-11-30 tempo 20min"),
        P,
        ["quality session 3 within 7 days (up to 2026-11-28)", "quality session 4 within 7 days (up to 2026-11-30)"],
    ),
    ("P303", ("2026-11-24 tempo 20min", "2026-11-26 tempo 20min"), "", []),
    # P304: per calendar week, Monday to Sunday
    ("P304", ("2026-11-24 tempo 20min", "2026-11-25 easy 30min"), P, []),
    (
        "P304",
        ("2026-11-24 tempo 20min", "2026-11-26 tempo 20min", "2026-11-27 easy 30min"),
        P,
        ["the week of 2026-11-23 has 2 quality sessions but only 1 easy or recovery run"],
    ),
    (
        "P304",
        ("2026-11-24 tempo 20min", "2026-11-26 tempo 20min", "2026-11-27 easy 30min", "2026-11-28 recovery 25min"),
        P,
        [],
    ),
    (
        "P304",
        ("2026-11-24 tempo 20min", "2026-11-28 tempo 20min", "2026-11-29 easy 30min", "2026-11-30 easy 30min"),
        P,
        ["the week of 2026-11-23 has 2 quality sessions but only 1 easy or recovery run"],
    ),  # Monday is next week
    (
        "P304",
        ("2026-11-24 tempo 20min", "2026-11-25 easy 30min", "2026-11-30 tempo 20min", "2026-12-01 tempo 20min"),
        P,
        ["the week of 2026-11-30 has 2 quality sessions but no easy or recovery run"],
    ),
    ("P304", ("2026-11-23 rest", "2026-11-24 rest", "2026-11-25 long 1h"), P, []),
    (
        "P304",
        ("2026-11-24 tempo 20min", "2026-11-25 tempo 20min", "2026-11-26 long 1h30min", "2026-11-27 steady 30min"),
        P,
        ["2 quality sessions but no easy or recovery run"],
    ),  # long and steady are not easy
    (
        "P304",
        ("2026-11-24 tempo 20min", '2026-11-25 "Hard easy"'),
        P,
        ["2 quality sessions but no easy or recovery run"],
    ),
    # P305: only consecutive weeks; not from a first week the plan starts part-way through
    ("P305", ("2026-11-23 easy 100min", "2026-11-30 easy 110min"), P, []),  # exactly 10 %
    ("P305", ("2026-11-23 easy 100min", "2026-11-30 easy 50min"), P, []),
    ("P305", ("2026-11-24 easy 100min", "2026-11-30 easy 200min"), P, []),  # first week starts on a Tuesday
    (
        "P305",
        ("2026-11-23 rest", "2026-11-24 easy 100min", "2026-11-30 easy 200min"),
        P,
        ["the week of 2026-11-30 runs 200 min"],
    ),
    ("P305", ("2026-11-23 easy 100min", "2026-12-07 easy 200min"), P, []),  # not consecutive
    ("P305", ("2026-11-23 rest", "2026-11-30 easy 200min"), P, []),  # nothing to compare with
    (
        "P305",
        ("2026-11-23 easy 100min", "2026-11-30 easy 200min", "2026-12-07 easy 250min"),
        P,
        ["the week of 2026-11-30 runs 200 min, 100 % more", "the week of 2026-12-07 runs 250 min, 25 % more"],
    ),
    ("P305", ("2026-11-30 easy 200min", "2026-11-23 easy 100min"), P, ["the week of 2026-11-30"]),  # out of order
    (
        "P305",
        ("2026-11-23 easy 10km", "2026-11-30 easy 15km"),
        P,
        ["the week of 2026-11-30 runs 84 min, 50 % more than the 56 min of the week before"],
    ),  # at the easy pace
    # P306: per calendar week
    ("P306", ("2026-11-23 easy 70min", "2026-11-29 long 30min"), P, []),  # exactly 30 %
    ("P306", ("2026-11-23 easy 60min", "2026-11-29 long 40min"), P, ["this long run is 40 % of the running time"]),
    ("P306", ("2026-11-29 long 30min",), P, ["is 100 % of the running time in the week of 2026-11-23, more than 30 %"]),
    ("P306", ("2026-11-23 easy 60min", "2026-11-29 long 40min"), rules("P306 = { max_percent = 40 }"), []),
    ("P306", ("2026-11-23 easy 50min", "2026-11-29 long 40min"), rules("P306 = { max_percent = 40 }"), ["44 %"]),
    ("P306", ("2026-11-23 easy 200min", "2026-11-29 steady 100min"), P, []),
    ("P306", ("2026-11-23 easy 100min", "2026-11-28 long 30min", "2026-11-29 long 30min"), P, []),  # 19 % each
    ("P306", ("2026-11-28 easy 30min", "2026-11-29 long 90min", "2026-11-30 easy 200min"), P, ["is 75 % of"]),
    # P307: easy = targeted easy, or untargeted in easy/recovery/long runs and non-work steps; never strides
    ("P307", ("2026-11-23 easy 80min hr<=z2", "2026-11-25 tempo 20min"), P, []),  # exactly 80 %
    (
        "P307",
        ("2026-11-23 easy 79min hr<=z2", "2026-11-25 tempo 21min"),
        P,
        ["the week of 2026-11-23 is 79 % easy running, less than 80 %"],
    ),
    ("P307", ("2026-11-23 easy 80min", "2026-11-25 tempo 20min"), P, []),
    ("P307", ("2026-11-23 steady 80min", "2026-11-25 tempo 20min"), P, ["is 0 % easy running"]),
    ("P307", ("2026-11-23 steady 80min hr<=z2", "2026-11-25 tempo 20min"), P, []),
    ("P307", ("2026-11-23 easy 80min hr z3", "2026-11-25 tempo 20min"), P, ["is 0 % easy running"]),
    ("P307", ("2026-11-23 easy 40min pace 5:30-6:00/km", "2026-11-25 easy 40min pace 5:00/km"), P, ["is 50 % easy"]),
    ("P307", ("2026-11-23 easy 80min power 200W", "2026-11-25 tempo 20min"), P, []),  # 71 % of FTP
    ("P307", ("2026-11-23 easy 30min hr<=z2 strides 8x60s/5s hr<=z2",), P, ["is 79 % easy running"]),  # jogs count
    ("P307", ("2026-11-23 easy 40min", "2026-11-25 tempo 20min"), rules("P307 = { min_percent = 66 }"), []),
    ("P307", ('2026-11-23 "T"', "2026-11-24 easy 60min"), P, []),  # T's warm-up and cool-down are easy
    ("P307", ("2026-11-23 rest",), P, []),
]
TEMPO_T = 'workout "T" tempo\n  warmup 20min\n  run 20min pace 4:10/km\n  cooldown 20min\n'


@pytest.mark.parametrize(
    "code, lines, profile, expected", PLAN_CASES, ids=[f"{case[0]}-{index}" for index, case in enumerate(PLAN_CASES)]
)
def test_plan_rule(code, lines, profile, expected):
    assert_messages(hits(code, HARD_EASY + TEMPO_T + plan(*lines), profile), expected)


def test_plan_rule_severity_can_be_raised():
    text = plan("2026-11-30 tempo 20min", "2026-12-01 tempo 20min")
    assert {d.severity.value for d in findings(text, rules('P301 = { severity = "error" }')) if d.code == "P301"} == {
        "error"
    }


@pytest.mark.parametrize(
    "after, profile, severity",
    [
        ("111min", P, "info"),
        ("130min", P, "info"),  # exactly 30 %
        ("131min", P, "warning"),
        ("120min", rules("P305 = { info_percent = 20, warning_percent = 50 }"), None),
        ("121min", rules("P305 = { info_percent = 20, warning_percent = 50 }"), "info"),
        ("151min", rules("P305 = { info_percent = 20, warning_percent = 50 }"), "warning"),
    ],
)
def test_p305_info_then_warning(after, profile, severity):
    text = plan("2026-11-23 easy 100min", f"2026-11-30 easy {after}")
    assert [d.severity.value for d in findings(text, profile) if d.code == "P305"] == ([severity] if severity else [])


# ====================================================================== regressions


def test_s204_decided_percent_window_gives_no_missing_note():
    assert notes("easy 30min hr 65-66%\n") == []


def test_p304_one_quality_session_is_singular():
    assert hits("P304", plan("2026-11-24 tempo 20min", "2026-11-25 rest")) == [
        "the week of 2026-11-23 has 1 quality session but no easy or recovery run"
    ]


def test_d402_generated_plan_session_names_fit_the_watch():
    assert hits("D402", plan("2026-11-26 07:00 recovery 30min hr<z2")) == []


@pytest.mark.parametrize(
    "code, lines, missing",
    [
        ("P305", ("2026-11-23 easy 10km", "2026-11-25 easy 60min", "2026-11-30 easy 90min"), "easy_pace"),
        ("P306", ("2026-11-23 easy 15km", "2026-11-29 long 1h30min"), "easy_pace"),
        ("P307", ("2026-11-23 easy 80min power 200W", "2026-11-25 easy 20min hr<=z2"), "ftp"),
    ],
)
def test_plan_rules_do_not_judge_weeks_they_cannot_measure(code, lines, missing):
    text = plan(*lines)
    assert any(m.startswith(f"athlete.{missing} is not set") and code in m for m in notes(text))
    assert hits(code, text, "") == []


@pytest.mark.parametrize(
    "code, text, profile, contradiction",
    [
        ("R101", "recovery 40min hr<z2 strides 4x20s\n", P, "lasts 45 min, more than 45 min"),
        ("R102", "recovery 19min59s hr<z2\n", P, "lasts 20 min, less than 20 min"),
        ("R103", "recovery 30min hr 120-132bpm\n", P, "up to 70 % of max is above the recovery cap of 70 %"),
        ("R103", "recovery 30min power 190-211W\n", P, "up to 75 % of FTP is above the recovery cap of 75 %"),
        ("R106", "easy 40min strides 4x151m/2min\n", P, "strides of 30 s are longer than 30 s"),
        ("S201", block("tempo", "warmup 14min59s", TEMPO, "cooldown 10min"), P, "only 15 min of easy running"),
        ("S203", "long 2h30min20s hr<=z2\n", P, "lasts 150 min, more than 150 min"),
        ("S204", "easy 30min pace 8:50-8:58/mi\n", P, "5 s/km is narrower than 5 s/km"),
        ("S204", "easy 30min hr 65-68%\n", "[athlete]\nmax_hr = 160\n", "5 bpm is narrower than 5 bpm"),
        (
            "P302",
            plan("2026-11-24 tempo 20min", "2026-11-25 11:59 recovery 25min"),
            BEGINNER,
            "24 h after a quality session, less than 24 h",
        ),
        ("P306", plan("2026-11-23 easy 69min", "2026-11-29 long 30min"), P, "is 30 % of the running time"),
        (
            "P307",
            plan("2026-11-23 easy 40min", "2026-11-25 tempo 20min"),
            rules("P307 = { min_percent = 67 }"),
            "67 % easy running, less than 67 %",
        ),
    ],
)
def test_messages_never_show_the_limit_as_the_offending_value(code, text, profile, contradiction):
    found = hits(code, text, profile)
    assert found, "the value is past the limit, so the rule must fire"
    assert not any(contradiction in message for message in found)


def test_inline_suppression_of_one_rule_keeps_the_note_for_the_others():
    text = 'recovery 30min hr 130-140bpm  # workoutc: disable=R103\nworkout "E" easy 30min hr 60-62%\n'
    assert any("S204" in m for m in notes(text))


# ====================================================================== the missing-value note


def run(*texts: str, profile: str = ""):
    config = parse_config(tomllib.loads(profile), "test.toml")
    sources = [load_text(text, f"f{index}.wkt") for index, text in enumerate(texts)]
    found = Checker(ConfigFinder(config)).run(sources)
    return [(source.path, d) for source, diagnostics in zip(sources, found, strict=True) for d in diagnostics]


def test_missing_value_is_noted_once_per_run_across_files():
    found = run("recovery 30min hr 130-140bpm\n", "recovery 30min hr 120-130bpm\n")
    assert [(path, d.code, d.severity.value, d.message) for path, d in found] == [
        ("f0.wkt", "R103", "info", "athlete.max_hr is not set, so R103 skipped part of its checks")
    ]
    assert found[0][1].hint == "add `max_hr = 188` under [athlete] in workoutc.toml"


def test_missing_value_names_every_rule_in_registry_order():
    [note] = findings('workout "E" easy 30min hr 60-62%\nworkout "R" recovery 30min hr 130-140bpm\n', "")
    assert (note.code, note.span.line) == ("S204", 1)  # the rule that needed it where the note points
    assert note.message == "athlete.max_hr is not set, so R103, S204 skipped part of their checks"


def test_missing_value_for_plan_and_workout_rules_is_one_note():
    [note] = findings(plan("2026-11-24 recovery 8km hr<z2"), "")
    assert note.message == (
        "athlete.easy_pace is not set, so R101, R102, P301, P302, P303, P304, P305, P306, P307 "
        "skipped part of their checks"
    )


def test_each_missing_value_has_its_own_note():
    assert notes(block("tempo", "warmup 2km", TEMPO, "cooldown 10min")) == [
        "athlete.threshold_pace is not set, so S201, S202 skipped part of their checks",
        "athlete.easy_pace is not set, so S201, S202 skipped part of their checks",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "easy 30min hr 130-140bpm\n",  # bpm windows need no max_hr
        "recovery 30min hr<z2\n",  # zones are % of max already
        plan("2026-11-24 easy 30min", "2026-11-25 recovery 25min hr<z2"),  # level only matters with quality
    ],
)
def test_no_note_when_the_value_is_not_needed(text):
    assert findings(text, "") == []


def test_note_stays_info_when_the_rule_severity_is_raised():
    [note] = findings("recovery 30min hr 130-140bpm\n", '[rules]\nR103 = { severity = "error" }\n')
    assert note.severity.value == "info"


# ====================================================================== disabled rules


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.ID)
def test_a_disabled_rule_says_nothing_on_its_failing_example(rule):
    found = examples(rule)
    assert rule.ID in {d.code for d in findings(found["failing"], found.get("profile", P))}
    profile = rules(f'disable = ["{rule.ID}"]', found.get("profile", P))
    assert rule.ID not in {d.code for d in findings(found["failing"], profile)}


def test_disabled_rules_leave_out_their_missing_value_note():
    assert findings("recovery 30min hr 130-140bpm\n", '[rules]\ndisable = ["R103"]\n') == []
    [note] = findings(plan("2026-11-23 easy 10km"), '[rules]\ndisable = ["P301", "P302", "P305", "P306", "P307"]\n')
    assert note.message == "athlete.easy_pace is not set, so P303, P304 skipped part of their checks"


def test_disabling_every_rule_silences_a_bad_week():
    text = plan("2026-11-23 recovery 60min", "2026-11-24 tempo 1min", "2026-11-25 intervals 9h")
    everything = ", ".join(f'"{rule.ID}"' for rule in RULES)
    assert findings(text) != []
    assert findings(text, rules(f"disable = [{everything}]")) == []
