"""Flags a recovery session shorter than `min_minutes`.

Under about 20 minutes a jog does little for circulation; the articles set 20 minutes
as the floor. Runners coming back from injury or a punishing block start shorter: set
`returning = true` under `[athlete]` and the floor drops to `returning_min_minutes`.
Sessions with an open-ended step (`lap`, `until hr<...`) are not judged.

**Source.** "Improving Aerobic Ability: The Recovery Run" (at least 20 minutes);
"How to design easy recovery runs that promote blood flow and aid adaptation between
hard sessions" (begin closer to 15 minutes when rebuilding after an injury).

**Options.** `min_minutes` (default 20); `returning_min_minutes` (default 15), used
when `athlete.returning` is true.

**Passing.**

    recovery 25min hr<z2

**Failing.**

    recovery 12min hr<z2
"""

from ...diagnostics import Problem, Severity
from ...units import shown
from ..training import step_seconds, total

ID = "R102"
NAME = "recovery-too-short"
SEVERITY = Severity.WARNING
SCOPE = "workout"
KINDS = {"recovery"}  # the runner skips other sessions
OPTIONS = {"min_minutes": 20, "returning_min_minutes": 15}
SUMMARY = "a recovery session shorter than 20 minutes (15 when returning)"


def check(workout, ctx):
    seconds, complete = total(workout.steps, step_seconds, ctx.athlete)
    limit = ctx.options["returning_min_minutes" if ctx.athlete.returning else "min_minutes"]
    if complete and seconds / 60 < limit:
        yield Problem(
            workout.span,
            f"this recovery run lasts {shown(seconds / 60, limit)} min, less than {limit:g} min",
            f"{limit:g}-30 easy minutes is what helps; shorter, a rest day may serve better",
        )
