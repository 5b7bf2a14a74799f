"""The checker as a whole: the registry, where findings point, hints, missing-value notes, suppression and disabling."""

from __future__ import annotations

import tomllib

import pytest

from workoutc.check.config import ConfigFinder, parse_config
from workoutc.check.rules import REGISTRY, RULES
from workoutc.check.runner import Checker
from workoutc.language.source import load_text

from .rules.helpers import TEMPO, P, block, findings, hits, notes, plan, rules


def test_registry_holds_every_rule_of_the_issue():
    assert list(REGISTRY) == [
        "R101",
        "R102",
        "R103",
        "R104",
        "R105",
        "R106",
        "S201",
        "S202",
        "S203",
        "S204",
        "S205",
        "S206",
        "S207",
        "P301",
        "P302",
        "P303",
        "P304",
        "P305",
        "P306",
        "P307",
        "P308",
        "P309",
        "P310",
        "P311",
        "P312",
        "P313",
        "D401",
        "D402",
        "D403",
    ]


# ====================================================================== where findings point, and their hints


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
            block("intervals", "warmup 15min", "2x", "  strides 12x20s", "  recover 2min", "cooldown 10min"),
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
    assert s201.hint == "make the easy running before it 20 min or more, like `warmup 20min hr<=z2`"


# ====================================================================== the missing-value note


def run(*texts: str, profile: str = ""):
    config = parse_config(tomllib.loads(profile), "test.toml")
    sources = [load_text(text, f"f{index}.wkt") for index, text in enumerate(texts)]
    found = Checker(ConfigFinder(config)).run(sources)
    return [(source.path, d) for source, diagnostics in zip(sources, found, strict=True) for d in diagnostics]


def test_missing_value_is_noted_once_per_run_across_files():
    found = run("recovery 30min hr 130-140bpm\n", "recovery 30min hr 120-130bpm\n")
    assert [(path, d.code, d.severity.value, d.message) for path, d in found] == [
        ("f0.wkt", "N001", "info", "athlete.max_hr is not set, so R103 skipped part of its checks")
    ]
    assert found[0][1].hint == "add `max_hr = 188` under [athlete] in workoutc.toml"


def test_missing_value_names_every_rule_in_registry_order():
    [note] = findings('workout "E" easy 30min hr 60-62%\nworkout "R" recovery 30min hr 130-140bpm\n', "")
    assert (note.code, note.rule, note.span.line) == ("N001", "incomplete-profile", 1)  # where it was first needed
    # whether the recovery run is hard (S201, S202) needs max HR for its bpm target too
    assert note.message == "athlete.max_hr is not set, so R103, S204 skipped part of their checks"


def test_missing_value_for_plan_and_workout_rules_is_one_note():
    [note] = findings(plan("2026-11-24 recovery 8km hr<z2"), "")
    assert note.message == (
        "athlete.easy_pace is not set, so R101, R102, P301, P302, P303, P304, P305, P306, P307, P308, P309, "
        "P310, P311, P312, P313 skipped part of their checks"
    )


def test_each_missing_value_has_its_own_note():
    assert notes(block("tempo", "warmup 2km", TEMPO, "cooldown 10min")) == [
        "athlete.threshold_pace is not set, so S201, S202 skipped part of their checks",
        "athlete.easy_pace is not set, so S201, S202 skipped part of their checks",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "easy 30min cadence 170-180spm\n",  # cadence says nothing about effort
        "recovery 30min hr<z2\n",  # zones are % of max already
        plan("2026-11-24 easy 30min", "2026-11-25 recovery 25min hr<z2"),  # level only matters with quality
    ],
)
def test_no_note_when_the_value_is_not_needed(text):
    assert findings(text, "") == []


def test_note_stays_info_when_the_rule_severity_is_raised():
    [note] = findings("recovery 30min hr 130-140bpm\n", '[rules]\nR103 = { severity = "error" }\n')
    assert note.severity.value == "info"


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


# ====================================================================== suppressed and disabled rules


def test_inline_suppression_of_one_rule_keeps_the_note_for_the_others():
    text = 'recovery 30min hr 130-140bpm  # workoutc: disable=R103\nworkout "E" easy 30min hr 60-62%\n'
    assert any("S204" in m for m in notes(text))


def test_disabled_rules_leave_out_their_missing_value_note():
    assert findings("recovery 30min hr 130-140bpm\n", '[rules]\ndisable = ["R103", "S201", "S202"]\n') == []
    disabled = ", ".join(f'"P3{number:02d}"' for number in (1, 2, *range(5, 14)))
    [note] = findings(plan("2026-11-23 easy 10km"), f"[rules]\ndisable = [{disabled}]\n")
    assert note.message == "athlete.easy_pace is not set, so P303, P304 skipped part of their checks"


def test_disabling_every_rule_silences_a_bad_week():
    text = plan("2026-11-23 recovery 60min", "2026-11-24 tempo 1min", "2026-11-25 intervals 9h")
    everything = ", ".join(f'"{rule.ID}"' for rule in RULES)
    assert findings(text) != []
    assert findings(text, rules(f"disable = [{everything}]")) == []
