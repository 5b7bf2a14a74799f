"""Every form of the language compiles with its documented meaning, read back from the FIT."""

from __future__ import annotations

import re

import pytest

from tools.golden import example_sources
from workoutc.language.formatter import meaning
from workoutc.language.source import load_text, reserved_names
from workoutc.model import KINDS

from ..helpers import document, fit_steps, messages, workout

TIME, DISTANCE, OPEN, HR_BELOW, HR_ABOVE, REPEAT = 0, 1, 5, 2, 3, 6
SPEED, HEART_RATE, OPEN_TARGET, CADENCE, POWER = 0, 1, 2, 3, 4
ACTIVE, REST, WARMUP, COOLDOWN, RECOVERY = 0, 1, 2, 3, 4


def block(*lines: str, header: str = 'workout "T" easy') -> str:
    return "\n".join([header, *("  " + line for line in lines)]) + "\n"


def only_step(line: str) -> dict:
    [step] = fit_steps(block(line))
    return step


# ------------------------------------------------------------------ the seed line


def test_seed_line_compiles_exactly():
    fit = messages("recovery 30min hr<z2 strides 4x20s\n", "recovery.wkt")
    assert fit["workout_mesgs"][0]["wkt_name"] == "recovery"
    assert fit["workout_mesgs"][0]["num_valid_steps"] == 4
    s0, s1, s2, s3 = fit["workout_step_mesgs"]
    assert (s0["duration_type"], s0["duration_value"]) == (TIME, 1_800_000)
    assert (s0["target_type"], s0["target_value"]) == (HEART_RATE, 0)
    assert (s0["custom_target_value_low"], s0["custom_target_value_high"]) == (50, 60)
    assert (s1["duration_type"], s1["duration_value"]) == (TIME, 20_000)
    assert (s2["duration_type"], s2["duration_value"], s2["intensity"]) == (TIME, 60_000, RECOVERY)
    assert (s3["duration_type"], s3["duration_value"], s3["target_value"]) == (REPEAT, 1, 4)


def test_one_line_session_is_named_after_its_file_and_has_its_kind():
    parsed = workout("easy 40min\n", "library/monday-easy.wkt")
    assert (parsed.name, parsed.kind) == ("monday-easy", "easy")


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_is_accepted(kind):
    assert workout(f"{kind} 30min\n").kind == kind


def test_strides_recovery_can_be_written():
    steps = fit_steps("easy 40min strides 4x20s/45s\n")
    assert [s["duration_value"] for s in steps[1:3]] == [20_000, 45_000]
    assert steps[3]["target_value"] == 4


def test_distance_strides_jog_three_times_their_length():
    steps = fit_steps("easy 40min strides 6x100m\n")
    assert [(s["duration_type"], s["duration_value"]) for s in steps[1:3]] == [(DISTANCE, 10_000), (DISTANCE, 30_000)]


def test_one_line_note_goes_on_the_main_step():
    steps = fit_steps('easy 40min hr<=z2 strides 4x20s "nice and relaxed"\n')
    assert steps[0]["notes"] == "nice and relaxed"
    assert all("notes" not in step for step in steps[1:])


def test_named_one_line_session():
    parsed = workout('workout "Easy Monday" easy 45min hr<=z2\n')
    assert (parsed.name, parsed.kind, len(parsed.steps)) == ("Easy Monday", "easy", 1)


# ------------------------------------------------------------------ block form


def test_block_form_from_the_issue():
    text = (
        'workout "Track 5x1k" intervals\n'
        "  warmup 15min hr<=z2\n"
        "  5x\n"
        '    run 1km pace 3:50-4:00/km "relax the shoulders"\n'
        "    recover 400m\n"
        "  cooldown lap\n"
    )
    fit = messages(text)
    warmup, run, jog, repeat, cooldown = fit["workout_step_mesgs"]
    assert fit["workout_mesgs"][0] == {"wkt_name": "Track 5x1k", "sport": 1, "num_valid_steps": 5}
    assert (warmup["intensity"], warmup["custom_target_value_low"], warmup["custom_target_value_high"]) == (
        WARMUP,
        50,
        70,
    )
    assert (run["duration_type"], run["duration_value"], run["notes"]) == (DISTANCE, 100_000, "relax the shoulders")
    assert (run["custom_target_value_low"], run["custom_target_value_high"]) == (4167, 4348)
    assert (jog["duration_value"], jog["intensity"]) == (40_000, RECOVERY)
    assert (repeat["duration_type"], repeat["duration_value"], repeat["target_type"], repeat["target_value"]) == (
        REPEAT,
        1,
        OPEN_TARGET,
        5,
    )
    assert cooldown["duration_type"] == OPEN and "duration_value" not in cooldown
    assert cooldown["intensity"] == COOLDOWN


@pytest.mark.parametrize(
    "keyword, intensity",
    [
        ("warmup", WARMUP),
        ("run", ACTIVE),
        ("recover", RECOVERY),
        ("rest", REST),
        ("cooldown", COOLDOWN),
    ],
)
def test_step_keywords_map_to_fit_intensity(keyword, intensity):
    assert only_step(f"{keyword} 5min")["intensity"] == intensity


def test_nested_repeats_follow_the_cookbook_layout():
    steps = fit_steps(block("2x", "  3x", "    run 200m", "    recover 200m", "  recover 400m"))
    layout = [(s["duration_type"], s["duration_value"], s.get("target_value")) for s in steps]
    assert layout == [
        (DISTANCE, 20_000, None),
        (DISTANCE, 20_000, None),
        (REPEAT, 0, 3),
        (DISTANCE, 40_000, None),
        (REPEAT, 0, 2),
    ]


def test_repeat_points_at_the_first_step_of_its_own_block():
    steps = fit_steps(block("warmup 10min", "3x", "  run 1km", "  2x", "    run 100m", "    rest 30s", "cooldown lap"))
    assert [
        (s["message_index"], s["duration_type"], s.get("duration_value")) for s in steps if s["duration_type"] == REPEAT
    ] == [(4, REPEAT, 2), (5, REPEAT, 1)]


def test_strides_line_in_a_block_with_its_note():
    steps = fit_steps(block("run 30min", 'strides 5x15s/45s "smooth"'))
    assert [s["duration_value"] for s in steps[1:]] == [15_000, 45_000, 1]
    assert steps[1]["notes"] == "smooth" and steps[3]["target_value"] == 5


def test_several_workouts_in_one_file_each_with_its_own_steps():
    doc = document('workout "A" easy 30min\nworkout "B"\n  run 1km\n  run 2km\nworkout "C" tempo\n  run 20min\n')
    assert [(w.name, len(w.steps)) for w in doc.workouts] == [("A", 1), ("B", 2), ("C", 1)]


def test_comments_and_blank_lines_are_ignored():
    steps = fit_steps(
        '# header\nworkout "T"  # trailing\n\n  # inside\n  run 1km # here\n\n  5x # reps\n    run 100m\n'
    )
    assert len(steps) == 3


def test_crlf_line_endings_and_tab_indentation():
    assert len(fit_steps('workout "T"\r\n\trun 1km\r\n\t2x\r\n\t\trun 100m\r\n')) == 3


# ------------------------------------------------------------------ durations


@pytest.mark.parametrize(
    "text, kind, value",
    [
        ("45s", TIME, 45_000),
        ("30min", TIME, 1_800_000),
        ("1h", TIME, 3_600_000),
        ("1h15min", TIME, 4_500_000),
        ("1min30s", TIME, 90_000),
        ("1.5min", TIME, 90_000),
        ("400m", DISTANCE, 40_000),
        ("1.5km", DISTANCE, 150_000),
        ("3mi", DISTANCE, 482_803),
        ("0.25mi", DISTANCE, 40_234),
    ],
)
def test_durations(text, kind, value):
    step = only_step(f"run {text}")
    assert (step["duration_type"], step["duration_value"]) == (kind, value)


def test_lap_key_is_an_open_duration():
    step = only_step("run lap")
    assert step["duration_type"] == OPEN and "duration_value" not in step


@pytest.mark.parametrize(
    "text, kind, value",
    [
        ("until hr<120bpm", HR_BELOW, 220),
        ("until hr<110bpm", HR_BELOW, 210),
        ("until hr>150bpm", HR_ABOVE, 250),
        ("until hr<75%", HR_BELOW, 75),
    ],
)
def test_heart_rate_conditions(text, kind, value):
    step = only_step(f"recover {text}")
    assert (step["duration_type"], step["duration_value"]) == (kind, value)


# ------------------------------------------------------------------ targets


@pytest.mark.parametrize(
    "text, kind, value, low, high",
    [
        ("hr z2", HEART_RATE, 2, None, None),
        ("hr Z5", HEART_RATE, 5, None, None),
        ("hr<z2", HEART_RATE, 0, 50, 60),
        ("hr<=z2", HEART_RATE, 0, 50, 70),
        ("hr>=z4", HEART_RATE, 0, 80, 100),
        ("hr>z3", HEART_RATE, 0, 80, 100),
        ("hr 65-75%", HEART_RATE, 0, 65, 75),
        ("hr 140-150bpm", HEART_RATE, 0, 240, 250),
        ("hr 140bpm-150bpm", HEART_RATE, 0, 240, 250),
        ("hr<150bpm", HEART_RATE, 0, 130, 249),
        ("hr<=150bpm", HEART_RATE, 0, 130, 250),
        ("hr 150bpm", HEART_RATE, 0, 245, 255),
        ("pace 3:50-4:00/km", SPEED, 0, 4167, 4348),
        ("pace 4:00-3:50/km", SPEED, 0, 4167, 4348),
        ("pace 6:40-6:50/mi", SPEED, 0, 3925, 4023),
        ("pace 4:00/km", SPEED, 0, 4082, 4255),
        ("pace 1:30/km", SPEED, 0, 10526, 11111),  # a single pace's window stays inside 1:30-30:00/km
        ("pace 30:00/km", SPEED, 0, 556, 557),
        ("pace 2:24.841/mi", SPEED, 0, 10740, 11111),  # 1:30/km, per mile
        ("pace 48:16.819/mi", SPEED, 0, 556, 557),  # 30:00/km, per mile
        ("power 250-270W", POWER, 0, 1250, 1270),
        ("power 90-95%", POWER, 0, 90, 95),
        ("power z3", POWER, 3, None, None),
        ("cadence 170-180spm", CADENCE, 0, 85, 90),
        ("cadence 171-181spm", CADENCE, 0, 85, 91),
    ],
)
def test_targets(text, kind, value, low, high):
    step = only_step(f"run 10min {text}")
    assert (step["target_type"], step["target_value"]) == (kind, value)
    assert (step.get("custom_target_value_low"), step.get("custom_target_value_high")) == (low, high)


def test_no_target_is_open():
    step = only_step("run 10min")
    assert step["target_type"] == OPEN_TARGET and "target_value" not in step


def test_second_target_is_the_secondary_target():
    step = only_step("run 10min pace 4:00-4:10/km hr<=z3")
    assert step["target_type"] == SPEED
    assert (
        step["secondary_target_type"],
        step["secondary_custom_target_value_low"],
        step["secondary_custom_target_value_high"],
    ) == (HEART_RATE, 50, 80)


def test_string_escapes_and_unicode_in_notes():
    assert only_step(r'run 1km "say \"hi\" — très bien"')["notes"] == 'say "hi" — très bien'


# ------------------------------------------------------------------ file_id


def test_file_id_fields():
    fit = messages('workout "Tempo" tempo\n  run 20min\n')
    [file_id] = fit["file_id_mesgs"]
    assert (file_id["type"], file_id["manufacturer"]) == (5, 255)
    assert file_id["serial_number"] != 0
    assert int(file_id["time_created"].timestamp()) == 1764547200


def test_serial_number_is_stable_per_workout_name():
    def serial(text):
        return messages(text)["file_id_mesgs"][0]["serial_number"]

    assert serial('workout "A" easy 30min\n') == serial('workout "A" easy 45min hr z2\n')
    assert serial('workout "A" easy 30min\n') != serial('workout "B" easy 30min\n')


# ------------------------------------------------------------------ case

LOWER = """workout "Track Set" intervals cycling
  warmup 15min hr<=z2
  5x "Main"
    ride 1km pace 3:50-4:00/km cadence 85-90rpm "Relax"
    recover 400m power 250W
  strides 4x20s/45s lap-power z3
  repeat until hr>160bpm
    rest 1mi hr 140-150bpm
  cooldown lap
  ride until hr<75% power 90-95%
easy 1h30min hr 150bpm
plan "Week"
  2026-11-23 rest
  2026-11-24 tempo 10km pace 4:00/mi
"""
UPPER = """WORKOUT "Track Set" INTERVALS CYCLING
  WARMUP 15MIN HR<=Z2
  5X "Main"
    RIDE 1KM PACE 3:50-4:00/KM CADENCE 85-90RPM "Relax"
    RECOVER 400m POWER 250W
  STRIDES 4X20S/45S LAP-POWER Z3
  REPEAT UNTIL HR>160BPM
    REST 1MI HR 140-150BPM
  COOLDOWN LAP
  RIDE UNTIL HR<75% POWER 90-95%
EASY 1H30MIN HR 150BPM
PLAN "Week"
  2026-11-23 REST
  2026-11-24 TEMPO 10KM PACE 4:00/MI
"""
MIXED = UPPER.title().replace("400M", "400m")  # `Workout`, `Hr<=Z2`, `1Km`, `3:50-4:00/Km`, `1H30Min`


@pytest.mark.parametrize("text", [UPPER, MIXED], ids=["upper", "mixed"])
def test_keywords_kinds_zones_and_units_are_read_in_any_case(text):
    assert meaning(text, "week.wkt") == meaning(LOWER, "week.wkt") is not None


def test_names_in_quotes_keep_their_case():
    assert [w.name for w in document(UPPER).all_workouts()] == ["Track Set", "test", "tempo 11-24"]
    assert document(UPPER).workouts[0].steps[1].steps[0].notes == "Relax"


def _shouted(line: str) -> str:
    """A line with every word outside quotes and comments in upper case, but metres kept `m`."""
    code = re.match(r'(?:[^"#]|"(?:[^"\\]|\\.)*")*', line)
    assert code is not None
    words = re.sub(
        r'"(?:[^"\\]|\\.)*"|[^"]+',
        lambda m: m.group() if m.group().startswith('"') else m.group().upper(),
        code.group(),
    )
    return re.sub(r"(\d)M(?![A-Za-z])", r"\1m", words) + line[code.end() :]


@pytest.mark.parametrize("source", example_sources(), ids=lambda path: path.name)
def test_every_example_means_the_same_in_upper_case(source):
    text = source.read_text(encoding="utf-8")
    shouted = "\n".join(_shouted(line) for line in text.split("\n"))
    assert shouted != text
    assert meaning(shouted, source.name) == meaning(text, source.name) is not None


def test_a_broken_file_holds_the_same_names_in_any_case():
    lower = 'workout "Track"\n  run 1km\neasy 30min\nplan "Week"\n  2026-11-24 tempo 30min\n  2026-11-25 easy 30mins\n'
    upper = 'WORKOUT "Track"\n  RUN 1KM\nEasy 30MIN\nPLAN "Week"\n  2026-11-24 TEMPO 30MIN\n  2026-11-25 EASY 30MINS\n'
    names = [reserved_names(load_text(text, "b.wkt")) for text in (lower, upper)]
    assert names[0] == names[1] == ["track", "b", "tempo-11-24", "easy-11-25", "week"]
