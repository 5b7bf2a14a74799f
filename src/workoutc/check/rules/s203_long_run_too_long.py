"""Flags a long run over `max_minutes`.

Past about two and a half hours a training run adds more fatigue and injury risk than
endurance; Daniels caps the long run at the lesser of 25 % of weekly volume and 150
minutes.

**Source.** Daniels, *Running Formula* (long run at most 150 minutes).

**Options.** `max_minutes` (default 150).

**Passing.**

    long 1h50min hr<=z2

**Failing.**

    long 3h hr<=z2
"""

from ...diagnostics import Severity
from ._length import longer_than

ID = "S203"
NAME = "long-run-too-long"
SEVERITY = Severity.WARNING
SCOPE = "workout"
KINDS = {"long"}  # the runner skips other sessions
OPTIONS = {"max_minutes": 150}
SUMMARY = "a long run over 150 minutes"


def check(workout, ctx):
    yield from longer_than(
        workout, ctx, "long run", "keep long runs to about 2.5 hours; build endurance with frequency instead"
    )
