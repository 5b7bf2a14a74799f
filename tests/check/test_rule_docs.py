"""Every rule: documented, and its docstring's examples pass, fail, and say nothing once the rule is disabled."""

from __future__ import annotations

import pytest

from workoutc.check.rules import RULES, documentation, examples
from workoutc.diagnostics import Severity

from .rules.helpers import example_codes


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.ID)
def test_rule_is_documented(rule):
    doc = documentation(rule)
    assert "**Source.**" in doc and "**Options.**" in doc
    assert {"passing", "failing"} <= set(examples(rule))
    assert rule.SCOPE in ("workout", "plan", "run") and rule.SUMMARY and rule.NAME
    assert isinstance(rule.SEVERITY, Severity)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.ID)
def test_passing_example_passes(rule):
    assert rule.ID not in example_codes(rule, "passing")


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.ID)
def test_failing_example_fails(rule):
    assert rule.ID in example_codes(rule, "failing")


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.ID)
def test_a_disabled_rule_says_nothing_on_its_failing_example(rule):
    assert rule.ID in example_codes(rule, "failing")
    assert rule.ID not in example_codes(rule, "failing", disabled=True)
