"""Flags a recovery session that lasts longer than `max_minutes`.

A recovery run exists to move blood through tired legs, not to add training: run it
too long and it becomes a second easy run that the legs must recover from in turn.
The session's whole estimated time counts, strides included; distance steps are timed
at their pace target, or at the athlete's easy pace.

**Source.** "Recovery Run: Speed Up Recovery Between Hard Workouts" (often 20-45
minutes; running too long turns it into another easy run); "How to design easy
recovery runs that promote blood flow and aid adaptation between hard sessions"
(20-40 minutes for most athletes); "Improving Aerobic Ability: The Recovery Run"
(20-30 minutes, "30 minutes is plenty").

**Options.** `max_minutes` (default 45): the longest recovery run that passes.

**Passing.**

    recovery 30min hr<z2 strides 4x20s

**Failing.**

    recovery 60min hr<z2
"""

from ...diagnostics import Severity
from ._length import longer_than

ID = "R101"
NAME = "recovery-too-long"
SEVERITY = Severity.WARNING
SCOPE = "workout"
KINDS = {"recovery"}  # the runner skips other sessions
OPTIONS = {"max_minutes": 45}
SUMMARY = "a recovery session longer than 45 minutes"


def check(workout, ctx):
    yield from longer_than(
        workout, ctx, "recovery run", "shorten it, or call it an `easy` run: a long recovery run is not a recovery"
    )
