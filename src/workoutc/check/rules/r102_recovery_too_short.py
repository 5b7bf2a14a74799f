"""Flags a recovery session shorter than `min_minutes`.

Under about 20 minutes a jog does little for circulation; the articles set 20 minutes
as the floor. Runners coming back from injury or a punishing block start shorter: set
`returning = true` under `[athlete]` and the floor drops to `returning_min_minutes`.
Sessions with an open-ended step (`lap`, `until hr<...`) are not judged.

A shake-out, the short jog of race week, is not a recovery run that came out too
short: in the taper recovery runs "become shorter and even easier". The language has
no shake-out kind, so a recovery session says it is one in its name or a note: the
words "shake-out", "shakeout" or "shake out" anywhere in them, in any case
(`workout "Shake-out" recovery 15min hr<=z2`, or in a plan
`2026-05-02 recovery 15min hr<=z2 "shake-out"`). Its floor is
`shakeout_min_minutes`. A workout rule sees one workout, not the calendar, so a
short recovery run on the day before a race is not exempt by its date; that needs the
plan (a plan rule's job).

**Sports.** Runs only, as the articles' floor is for runs: a 15-minute spin or an
easy swim set is a recovery session of its own sport.

**Source.** "Improving Aerobic Ability: The Recovery Run" ("Run for at least 20
minutes"); "How to design easy recovery runs that promote blood flow and aid
adaptation between hard sessions" (rebuilding after an injury or a punishing block,
"begin closer to 15 minutes"); "Recovery Run: Speed Up Recovery Between Hard
Workouts" (in the taper, recovery runs "become shorter and even easier").

**Options.** `min_minutes` (default 20); `returning_min_minutes` (default 15), used
when `athlete.returning` is true; `shakeout_min_minutes` (default 10), for a session
named or noted as a shake-out.

**Passing.**

    workout "Race-week shake-out" recovery 15min hr<=z2

**Failing.**

    recovery 12min hr<=z2
"""

import re

from ...diagnostics import Problem, Severity
from ...model import walk_steps
from ...units import shown
from ..estimates import step_seconds, total

ID = "R102"
NAME = "recovery-too-short"
SEVERITY = Severity.WARNING
SCOPE = "workout"
KINDS = {"recovery"}  # the runner skips other sessions
SPORTS = {"running"}
OPTIONS = {"min_minutes": 20, "returning_min_minutes": 15, "shakeout_min_minutes": 10}
SUMMARY = "a recovery session shorter than 20 minutes (15 when returning, 10 for a shake-out)"
SHAKE_OUT = re.compile(r"shake[\s-]?out", re.IGNORECASE)


def check(workout, ctx):
    seconds, complete = total(workout.steps, step_seconds, ctx.athlete, workout)
    shake_out = is_shake_out(workout)
    limit = ctx.options[_floor(shake_out, ctx.athlete.returning)]
    if complete and seconds / 60 < limit:
        what = "shake-out" if shake_out else "recovery run"
        yield Problem(
            workout.span,
            f"this {what} lasts {shown(seconds / 60, limit)} min, less than {limit:g} min",
            _hint(limit, shake_out),
        )


def is_shake_out(workout) -> bool:
    """Named or noted as a shake-out."""
    words = [workout.name, *(step.notes for step in walk_steps(workout.steps) if step.notes)]
    return any(SHAKE_OUT.search(text) for text in words)


def _floor(shake_out: bool, returning: bool) -> str:
    if shake_out:
        return "shakeout_min_minutes"
    return "returning_min_minutes" if returning else "min_minutes"


def _hint(limit: float, shake_out: bool) -> str:
    if shake_out:
        return f"jog at least {limit:g} min, or rest instead"
    return (
        f"make it {limit:g} min or longer, or take a rest day; a shake-out before a race? "
        'say so in a note: `recovery 15min hr<=z2 "shake-out"`'
    )
