"""Every rule: documented, registered, and its docstring's examples pass and fail as stated."""

from __future__ import annotations

import tomllib

import pytest

from workoutc.check.config import ConfigFinder, parse_config
from workoutc.check.rules import REGISTRY, RULES, documentation, examples
from workoutc.check.runner import Checker
from workoutc.diagnostics import Severity
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


def findings(text: str, profile: str = FULL_PROFILE, path: str = "example.wkt"):
    config = parse_config(tomllib.loads(profile), "test.toml")
    source = load_text(text, path)
    assert source.document is not None, [d.message for d in source.diagnostics]
    [diagnostics] = Checker(ConfigFinder(config)).run([source])
    return list(diagnostics)


def codes(text: str, profile: str = FULL_PROFILE) -> set[str]:
    return {d.code for d in findings(text, profile)}


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
        "P301",
        "P302",
        "P303",
        "P304",
        "P305",
        "P306",
        "P307",
        "D401",
        "D402",
    ]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.ID)
def test_rule_is_documented(rule):
    doc = documentation(rule)
    assert "**Source.**" in doc and "**Options.**" in doc
    assert {"passing", "failing"} <= set(examples(rule))
    assert rule.SCOPE in ("workout", "plan") and rule.SUMMARY and rule.NAME
    assert isinstance(rule.SEVERITY, Severity)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.ID)
def test_passing_example_passes(rule):
    found = examples(rule)
    assert rule.ID not in codes(found["passing"], found.get("profile", FULL_PROFILE))


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.ID)
def test_failing_example_fails(rule):
    found = examples(rule)
    assert rule.ID in codes(found["failing"], found.get("profile", FULL_PROFILE))
