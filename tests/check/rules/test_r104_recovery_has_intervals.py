"""R104 recovery-has-intervals: edge cases beyond its docstring examples."""

from __future__ import annotations

from .helpers import P, block, findings, workout_cases_test

CODE = "R104"

WORKOUT_CASES = [
    # R104: repeats other than strides, nested or not
    (block("recovery", "run 25min hr<z2", "1x", "  run 1min hr<z2"), P, ["a 1x repeat"]),
    (block("recovery", "run 25min hr<z2", "strides 4x20s", "2x", "  run 1min", "  recover 1min"), P, ["a 2x repeat"]),
    (block("recovery", "run 25min hr<z2", "strides 4x20s", "strides 4x100m/100m"), P, []),
    (block("recovery", "run 10min hr<z2", "2x", "  run 1min", "3x", "  run 1min"), P, ["a 2x", "a 3x"]),
    (block("easy", "run 25min hr<z2", "2x", "  run 1min", "  recover 1min"), P, []),
]


test_workout_rule = workout_cases_test(CODE, WORKOUT_CASES)


def test_the_hint_offers_strides_for_pickups():
    [finding] = [d for d in findings(block("recovery", "run 20min", "4x", "  run 20s", "  run 2min")) if d.code == CODE]
    assert "`strides 4x20s`" in (finding.hint or "")
