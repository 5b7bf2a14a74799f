"""The checker's rules: one module per rule, listed in REGISTRY.

A rule module declares:

- ``ID`` (the code), ``NAME``, ``SEVERITY`` (default), ``SCOPE`` ("workout", "plan" or
  "run": once per run, over what the watch shows of every workout it compiles),
  ``OPTIONS`` (name -> default) and ``SUMMARY`` (one line); optionally ``KINDS``, the
  session kinds a workout rule looks at, and ``SPORTS``, the sports it looks at (FIT's
  names, model.SPORTS; the runner skips the others; without it, every sport);
- ``check(subject, ctx)``, a generator of `Problem`s, where `subject` is a
  `model.Workout`, a `check.plans.Calendar` (the plans of one athlete) or, for a run
  rule, a list of `check.shown.Shown` (the workouts bound for one watch), and `ctx` a
  `check.runner.Context`;
- a docstring that is its documentation (docs/rules.md is generated from it), with a
  passing and a failing example that the tests run.

The runner in `workoutc.check.runner` stamps each problem with the code, severity and file.
"""

from __future__ import annotations

import re
from importlib import import_module
from types import ModuleType

from ...diagnostics import Problem

# The registry, in the order rules are listed and documented.
RULE_MODULES = (
    "r101_recovery_too_long",
    "r102_recovery_too_short",
    "r103_recovery_too_intense",
    "r104_recovery_has_intervals",
    "r105_recovery_uncapped",
    "r106_strides_too_hard",
    "s201_no_warmup",
    "s202_no_cooldown",
    "s203_long_run_too_long",
    "s204_target_too_narrow",
    "s205_ambiguous_unit",
    "s206_easy_run_too_hard",
    "s207_warmup_too_hard",
    "p301_hard_back_to_back",
    "p302_recovery_too_soon",
    "p303_too_many_quality_days",
    "p304_too_few_easy_runs",
    "p305_volume_jump",
    "p306_long_run_share",
    "p307_easy_share",
    "p308_acute_chronic_load",
    "p309_no_easy_day",
    "p310_quality_same_day",
    "p311_race_recovery",
    "p312_session_volume_cap",
    "p313_monotony",
    "d401_too_many_steps",
    "d402_name_truncated",
    "d403_same_name_on_watch",
)
RULES: tuple[ModuleType, ...] = tuple(import_module(f".{name}", __name__) for name in RULE_MODULES)
REGISTRY: dict[str, ModuleType] = {rule.ID: rule for rule in RULES}
__all__ = ["REGISTRY", "RULES", "Problem", "documentation", "examples", "rules_markdown"]

_EXAMPLE = re.compile(r"^\*\*(?P<label>Passing|Failing|Profile)\.\*\*\n\n(?P<body>(?:    .*\n|\n)+)", re.MULTILINE)


def documentation(rule: ModuleType) -> str:
    """The rule's docstring, dedented, as Markdown."""
    import inspect

    return inspect.cleandoc(rule.__doc__ or "") + "\n"


def examples(rule: ModuleType) -> dict[str, str]:
    """The docstring's Passing / Failing / Profile blocks, as source text."""
    found = {}
    for match in _EXAMPLE.finditer(documentation(rule)):
        lines = match.group("body").rstrip("\n").split("\n")
        found[match.group("label").lower()] = "\n".join(line[4:] for line in lines) + "\n"
    return found


def rules_markdown() -> str:
    """docs/rules.md: every rule's documentation, generated from its docstring."""
    parts = [
        "# Rules\n\n",
        "Generated from the rule docstrings by `make docs` (`workoutc rules --format markdown`);\n"
        "do not edit by hand. `workoutc explain CODE` prints one rule.\n\n",
        "Every rule takes `severity` (error, warning or info) in `[rules]` of `workoutc.toml`,\n"
        "besides the options listed with it:\n\n",
        '```toml\n[rules]\ndisable = ["P307"]\nR101 = { max_minutes = 40 }\nP301 = { severity = "error" }\n```\n\n',
        "A `# workoutc: disable=R101` comment at the end of a line silences those codes on that line.\n\n",
        "| code | name | default | what |\n|---|---|---|---|\n",
    ]
    parts += [f"| [{r.ID}](#{r.ID.lower()}-{r.NAME}) | {r.NAME} | {r.SEVERITY.value} | {r.SUMMARY} |\n" for r in RULES]
    for rule in RULES:
        parts.append(f"\n## {rule.ID} {rule.NAME}\n\nDefault severity: {rule.SEVERITY.value}.\n\n")
        parts.append(documentation(rule))
    return "".join(parts)
