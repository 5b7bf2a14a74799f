"""Helpers shared by the checker-rule tests: the profiles they run with, and running the checker on a text."""

from __future__ import annotations

import tomllib
from types import ModuleType

import pytest

from workoutc.check.config import ConfigFinder, parse_config
from workoutc.check.rules import examples
from workoutc.check.runner import Checker
from workoutc.language.source import load_text

# The profile examples run with unless their docstring gives one.
FULL_PROFILE = """
[athlete]
max_hr = 188
level = "intermediate"
easy_pace = "5:20-5:50/km"
threshold_pace = "4:10/km"
ftp = 280
"""
P = FULL_PROFILE  # short, for the tables
BEGINNER = P.replace('"intermediate"', '"beginner"')
ADVANCED = P.replace('"intermediate"', '"advanced"')
RETURNING = P + "returning = true\n"
EASY_PER_MILE = '[athlete]\neasy_pace = "8:35-9:23/mi"\n'  # 5:20-5:50/km
NOTE = "is not set, so"  # the missing-profile-value note, see Checker._report_missing
TEMPO = "run 20min pace 4:15-4:25/km"
HARD_EASY = 'workout "Hard easy" easy\n  run 30min hr z4\n'  # an easy kind that is quality by its steps
TEMPO_T = 'workout "T" tempo\n  warmup 20min\n  run 20min pace 4:10/km\n  cooldown 20min\n'


def findings(text: str, profile: str = FULL_PROFILE, path: str = "example.wkt"):
    config = parse_config(tomllib.loads(profile), "test.toml")
    source = load_text(text, path)
    assert source.document is not None, [d.message for d in source.diagnostics]
    [diagnostics] = Checker(ConfigFinder(config)).run([source])
    return list(diagnostics)


def codes(text: str, profile: str = FULL_PROFILE) -> set[str]:
    return {d.code for d in findings(text, profile)}


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


def example_codes(rule: ModuleType, label: str, *, disabled: bool = False) -> set[str]:
    """Codes found on the rule's docstring example `label` ("passing" or "failing").

    It runs with the docstring's own profile, else FULL_PROFILE; `disabled` adds the rule to
    `[rules] disable` of that profile.
    """
    found = examples(rule)
    profile = found.get("profile", FULL_PROFILE)
    if disabled:
        profile = rules(f'disable = ["{rule.ID}"]', profile)
    return codes(found[label], profile)


# ------------------------------------------------------------------ tests made from a rule's tables


def _ids(code: str, cases: list) -> list[str]:
    return [f"{code}-{index}" for index in range(len(cases))]


def workout_cases_test(code: str, cases: list):
    """A test over (text, profile, expected messages) rows: the rule's findings, in order."""

    @pytest.mark.parametrize("text, profile, expected", cases, ids=_ids(code, cases))
    def test(text, profile, expected):
        assert_messages(hits(code, text, profile), expected)

    return test


def plan_cases_test(code: str, cases: list):
    """A test over (plan lines, profile, expected messages) rows; the plan may name the
    workouts "Hard easy" and "Tempo"."""

    @pytest.mark.parametrize("lines, profile, expected", cases, ids=_ids(code, cases))
    def test(lines, profile, expected):
        assert_messages(hits(code, HARD_EASY + TEMPO_T + plan(*lines), profile), expected)

    return test


def limit_cases_test(code: str, cases: list):
    """A test over (text, profile, contradiction) rows: past the limit, the rule fires, and
    its message never shows the limit itself as the value past it."""

    @pytest.mark.parametrize("text, profile, contradiction", cases, ids=_ids(code, cases))
    def test(text, profile, contradiction):
        found = hits(code, text, profile)
        assert found, "the value is past the limit, so the rule must fire"
        assert not any(contradiction in message for message in found)

    return test
