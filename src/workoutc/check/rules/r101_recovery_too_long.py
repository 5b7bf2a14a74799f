"""Flags a recovery session that lasts longer than `max_minutes`.

A recovery run exists to move blood through tired legs, not to add training: run it
too long and it becomes a second easy run that the legs must recover from in turn.
The session's whole estimated time counts, strides included; distance steps are timed
at their pace target, or at the middle of the athlete's easy pace.

The three articles agree on the range and differ only on its top: 30 minutes
("Improving Aerobic Ability"), 40 ("How to design easy recovery runs") or 45
("Recovery Run"). The default takes the most lenient, 45, so that no article's
recovery run is flagged; set `max_minutes = 30` for the strictest reading.

**Sports.** Runs only: the articles are about recovery runs, and an easy spin or an
easy swim the day after a hard session follows other habits (a recovery ride may
well last an hour).

**Source.** "Recovery Run: Speed Up Recovery Between Hard Workouts" ("often 20-45
minutes"; "excessive duration turns a recovery run into a secondary easy run"); "How
to design easy recovery runs that promote blood flow and aid adaptation between hard
sessions" ("for most athletes, 20 to 40 minutes"); "Improving Aerobic Ability: The
Recovery Run" ("between 20-30 minutes long", "30 minutes is plenty").

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
SPORTS = {"running"}
OPTIONS = {"max_minutes": 45}
SUMMARY = "a recovery session longer than 45 minutes"


def check(workout, ctx):
    limit = ctx.options["max_minutes"]
    yield from longer_than(
        workout, ctx, "recovery run", f"shorten it to {limit:g} min or less, or make it an `easy` run if it is one"
    )
