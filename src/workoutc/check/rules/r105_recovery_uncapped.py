"""Notes a recovery session with no heart-rate, pace or power target.

Without a cap the watch cannot warn a runner who drifts into a normal training
pace, which is the usual way a recovery run goes wrong.

**Source.** "Recovery Run: Speed Up Recovery Between Hard Workouts" (running too fast
is the most frequent error).

**Options.** None.

**Passing.**

    recovery 30min hr<z2

**Failing.**

    recovery 30min
"""

from ...diagnostics import Problem, Severity
from ...model import walk_steps

ID = "R105"
NAME = "recovery-uncapped"
SEVERITY = Severity.INFO
SCOPE = "workout"
KINDS = {"recovery"}  # the runner skips other sessions
OPTIONS: dict = {}
SUMMARY = "a recovery session with no heart-rate, pace or power cap"
CAPPING = {"hr", "pace", "power"}


def check(workout, ctx):
    capped = any(t.metric in CAPPING for s in walk_steps(workout.steps) if not s.stride for t in s.targets)
    if not capped:
        yield Problem(
            workout.span,
            "this recovery run has no heart-rate, pace or power cap",
            "add one, like `hr<z2`, so the watch warns you when you speed up",
        )
