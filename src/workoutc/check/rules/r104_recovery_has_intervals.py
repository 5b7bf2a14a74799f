"""Flags work intervals (repeats other than strides) inside a recovery session.

A recovery run is continuous and easy; a repeat block turns it into a workout that
itself needs recovering from. A few strides are the one exception the articles allow.

**Source.** "Recovery Run: Speed Up Recovery Between Hard Workouts" (a recovery run
that turns into an unplanned workout compromises the days ahead); "How I Recover After
Speed Sessions" (a few relaxed strides to finish an easy run).

**Options.** None.

**Passing.**

    workout "Shakeout" recovery
      run 25min hr<z2
      strides 4x20s

**Failing.**

    workout "Not a recovery" recovery
      run 10min hr<z2
      5x
        run 2min
        recover 1min
"""

from ...diagnostics import Problem, Severity
from ...model import Repeat

ID = "R104"
NAME = "recovery-has-intervals"
SEVERITY = Severity.ERROR
SCOPE = "workout"
KINDS = {"recovery"}  # the runner skips other sessions
OPTIONS: dict = {}
SUMMARY = "work intervals other than strides inside a recovery session"


def check(workout, ctx):
    for node in workout.steps:
        if isinstance(node, Repeat) and not node.strides:
            what = f"a {node.count}x repeat" if node.count else "a repeat"
            yield Problem(
                node.span,
                f"{what} makes this recovery run an interval session",
                "run it as one continuous easy step, or give the workout a kind such as `intervals`",
            )
