"""check/resolve.py: targets relative to the athlete get each athlete's numbers, or a
located error naming the profile value they need."""

from __future__ import annotations

import pytest

import workoutc.check.resolve as resolve_module
from workoutc.check.config import Athlete
from workoutc.check.resolve import resolve, resolve_workout
from workoutc.emit.words import target_words
from workoutc.language.formatter import meaning
from workoutc.language.printer import target_text, workout_text
from workoutc.model import Relative, walk_steps

from ..helpers import document, workout

ALICE = Athlete(
    max_hr=190,
    resting_hr=50,
    lthr=170,
    easy_pace=(330, 360),
    marathon_pace=270,
    threshold_pace=255,
    interval_pace=235,
    repetition_pace=220,
)
BOB = Athlete(
    max_hr=200,
    resting_hr=40,
    lthr=180,
    easy_pace=(300, 330),
    marathon_pace=250,
    threshold_pace=240,
    interval_pace=220,
    repetition_pace=205,
    units="imperial",
    name="bob",
)


def targets(doc):
    return [target for w in doc.all_workouts() for step in walk_steps(w.steps) for target in step.targets]


def resolved(text: str, athlete: Athlete):
    doc, problems = resolve(document(f'workout "T"\n  run 10min {text}\n'), athlete, "t.wkt")
    assert problems == []
    [target] = targets(doc)
    return target.low, target.high, target.unit


@pytest.mark.parametrize(
    "text, alice, bob",
    [
        ("pace threshold", (250, 260, "s/km"), (235, 245, "s/km")),
        ("pace T+10s", (260, 270, "s/km"), (245, 255, "s/km")),
        ("pace T-1min", (190, 200, "s/km"), (175, 185, "s/km")),
        ("pace M-5s/mi", (424.523, 434.523, "s/mi"), (392.336, 402.336, "s/mi")),
        ("pace easy", (330, 360, "s/km"), (300, 330, "s/km")),
        ("pace E+15s", (345, 375, "s/km"), (315, 345, "s/km")),
        ("pace I", (230, 240, "s/km"), (215, 225, "s/km")),
        ("pace 95-100% threshold", (255, 268.421, "s/km"), (240, 252.632, "s/km")),
        ("pace 90% E", (366.667, 400, "s/km"), (333.333, 366.667, "s/km")),
        ("pace 97% R", (221.804, 231.804, "s/km"), (206.34, 216.34, "s/km")),
        ("hr 80-85% lthr", (136, 145, "bpm"), (144, 153, "bpm")),
        ("hr 88% lthr", (145, 155, "bpm"), (153, 163, "bpm")),
        ("hr 60-70% reserve", (134, 148, "bpm"), (136, 152, "bpm")),
        ("hr 0-100% reserve", (50, 190, "bpm"), (40, 200, "bpm")),
        ("hr 75% reserve", (150, 160, "bpm"), (155, 165, "bpm")),
    ],
)
def test_each_athlete_gets_their_own_numbers(text, alice, bob):
    assert resolved(text, ALICE) == alice
    assert resolved(text, BOB) == bob


def test_a_resolved_target_keeps_what_was_written():
    doc, _ = resolve(document('workout "T"\n  run 10min pace T+10s/mi hr 80-85% lthr\n'), ALICE, "t.wkt")
    pace, hr = targets(doc)
    assert pace.relative == Relative("threshold", offset=(10, 10), per="mi")
    assert hr.relative == Relative("lthr", percent=(80, 85))
    assert [target_text(target) for target in (pace, hr)] == ["pace threshold+10s/mi", "hr 80-85% lthr"]


def test_a_document_without_such_targets_is_returned_as_it_is_without_a_walk(monkeypatch):
    monkeypatch.setattr(resolve_module, "_Resolver", None)  # any walk would fail
    for text in ("easy 40min pace 4:00/km hr 150bpm\n", "easy 40min hr<=z2 power 88-94% ftp\n"):
        doc = document(text)
        assert resolve(doc, ALICE, "t.wkt") == (doc, []) and resolve(doc, ALICE, "t.wkt")[0] is doc


LIBRARY = """workout "Plain"
  run 1km pace 4:00/km
workout "Tempo" threshold
  warmup 15min pace easy hr<=z2
  3x
    2x
      run 1km pace T+10s hr 88-92% lthr
      recover 1min
    recover 2min hr 60% reserve
  cooldown 10min
plan "Week"
  2026-11-23 rest
  2026-11-24 "Tempo"
  2026-11-25 easy 40min pace E-5s
"""


def test_steps_in_nested_repeats_and_plan_sessions_are_resolved_and_the_rest_is_shared():
    original = document(LIBRARY)
    doc, problems = resolve(original, ALICE, "lib.wkt")
    assert problems == []
    assert doc.workouts[0] is original.workouts[0]  # nothing relative: the same object
    tempo = doc.workouts[1]
    assert tempo.steps[-1] is original.workouts[1].steps[-1]
    found = [(t.metric, t.low, t.high, t.unit) for t in targets(doc)]
    assert found == [
        ("pace", 235, 245, "s/km"),  # `pace 4:00/km`, as written
        ("pace", 330, 360, "s/km"),
        ("hr", 50, 70, "%max"),  # a zone bound is left to the zone model
        ("pace", 260, 270, "s/km"),
        ("hr", 150, 156, "bpm"),
        ("hr", 129, 139, "bpm"),
        ("pace", 325, 355, "s/km"),
    ]
    assert resolve(doc, ALICE, "lib.wkt")[0] == doc  # resolving again changes nothing


def test_a_workout_lowered_again_on_its_own_is_resolved_too():
    tempo, problems = resolve_workout(workout('workout "T"\n  run 10min pace T+10s\n'), BOB, "t.wkt")
    [step] = walk_steps(tempo.steps)
    assert problems == [] and step.targets[0].bounds == (245, 255)


def test_printing_a_resolved_workout_gives_what_was_written():
    original = document(LIBRARY)
    doc, _ = resolve(original, BOB, "lib.wkt")
    assert [workout_text(w) for w in doc.all_workouts()] == [workout_text(w) for w in original.all_workouts()]
    assert meaning(LIBRARY) == [workout_text(w) for w in doc.all_workouts()] + [
        "Week: 2026-11-23 None None; 2026-11-24 None Tempo; 2026-11-25 None None"
    ]


# ------------------------------------------------------------------ missing values


def test_each_target_missing_a_profile_value_is_an_error_where_it_is_written():
    doc, problems = resolve(document(LIBRARY), Athlete(resting_hr=50), "lib.wkt")
    found = [(p.code, p.rule, p.span.line, p.span.column, p.span.end_column, p.message, p.hint) for p in problems]
    hint = "set it in workoutc.toml under [athlete]"
    assert found == [
        ("E009", "missing-profile-value", 4, 16, 25, "`pace easy` needs athlete.easy_pace or athlete.race", hint),
        (
            "E009",
            "missing-profile-value",
            7,
            15,
            25,
            "`pace threshold+10s` needs athlete.threshold_pace or athlete.race",
            hint,
        ),
        ("E009", "missing-profile-value", 7, 26, 40, "`hr 88-92% lthr` needs athlete.lthr", hint),
        ("E009", "missing-profile-value", 9, 18, 32, "`hr 60% reserve` needs athlete.max_hr", hint),
        ("E009", "missing-profile-value", 14, 25, 34, "`pace easy-5s` needs athlete.easy_pace or athlete.race", hint),
    ]
    unresolved = [t for t in targets(doc) if t.relative is not None and t.relative.reference != "zone"]
    assert all(t.low is None and t.high is None and t.unit is None for t in unresolved)


def test_a_named_athlete_is_told_its_own_table_and_every_missing_key():
    _, problems = resolve(document("easy 40min hr 60-70% reserve\n"), Athlete(name="bob"), "e.wkt")
    [problem] = problems
    assert problem.message == "`hr 60-70% reserve` needs athlete.max_hr and athlete.resting_hr"
    assert problem.hint == "set them in workoutc.toml under [athletes.bob]"


@pytest.mark.parametrize(
    "text, athlete, message, hint",
    [
        (
            "pace R-3min",
            Athlete(repetition_pace=200),
            "`pace repetition-3min` is 0:20/km for this athlete, "
            "faster than the fastest pace a target may ask for (1:30/km)",
            "check athlete.repetition_pace",
        ),
        (
            "pace 50% E",
            Athlete(easy_pace=(900, 1000)),
            "`pace 50% easy` is 33:20/km for this athlete, slower than the slowest pace a target may ask for (30:00/km)",
            "check athlete.easy_pace",
        ),
        (
            "hr 110% lthr",
            Athlete(lthr=240),
            "`hr 110% lthr` is 264 bpm for this athlete, outside 30-250 bpm",
            "check athlete.lthr",
        ),
    ],
)
def test_a_number_beyond_the_languages_limits_is_an_error_at_the_target(text, athlete, message, hint):
    _, problems = resolve(document(f"easy 40min {text}\n"), athlete, "e.wkt")
    [problem] = problems
    assert (problem.code, problem.span.column, problem.message, problem.hint) == ("E004", 12, message, hint)


def test_the_window_of_a_single_value_stays_inside_the_limits():
    assert resolved("hr 0% reserve", Athlete(max_hr=150, resting_hr=30)) == (30, 35, "bpm")
    assert resolved("pace R-2min", Athlete(repetition_pace=212)) == (90, 97, "s/km")


# ------------------------------------------------------------------ words for pages


def test_pages_show_what_was_written_and_what_it_is_for_this_athlete():
    doc = document('workout "T"\n  run 10min pace T+10s hr 80-85% lthr\n  run 1km pace 95-100% T\n')
    done, _ = resolve(doc, ALICE, "t.wkt")
    shown = [target_words(target, ALICE) for target in targets(done)]
    assert shown == [
        "threshold +10 s/km = 4:20\u20134:30 /km \u00b7 6:58\u20137:15 /mi",
        "HR 80\u201385 % LTHR = 136\u2013145 bpm \u00b7 72\u201376 % max",
        "95\u2013100 % of threshold speed = 4:15\u20134:28 /km \u00b7 6:50\u20137:12 /mi",
    ]
    unresolved = [target_words(target, Athlete()) for target in targets(doc)]
    assert unresolved == ["threshold +10 s/km", "HR 80\u201385 % LTHR", "95\u2013100 % of threshold speed"]
