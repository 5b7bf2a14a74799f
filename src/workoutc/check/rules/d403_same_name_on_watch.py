"""Warns when two workouts of the run would show on the watch under the same name.

The FIT file holds a workout's whole name, but the watch lists only its first
`name_bytes` bytes (D402). Two workouts whose names start alike, `Tuesday track
session 1` and `Tuesday track session 2`, show as the same `Tuesday track se` in
the list, and the athlete picks one at random. The rule looks at every workout the
run compiles, across its files (the sessions written inside plans included), and
reports each name after the first that shows like an earlier one, naming both and
where they are. Workouts go to one watch when their files' configs give one
athlete and one `[device] name_bytes`; files with errors compile nothing and are
left out. Trailing spaces are invisible, so they do not tell names apart.

**Source.** Garmin's example workout configuration (workout names of 16 bytes).

**Options.** None; the width is `[device] name_bytes` (default 16), as for D402.

**Passing.**

    workout "Tue track 5x1k" intervals
      run 1km

    workout "Thu tempo 20min" tempo
      run 20min

**Failing.**

    workout "Tuesday track session 5x1k" intervals
      run 1km

    workout "Tuesday track session 12x400" intervals
      run 400m
"""

from ...diagnostics import Problem, Severity
from ..shown import Shown

ID = "D403"
NAME = "same-name-on-watch"
SEVERITY = Severity.WARNING
SCOPE = "run"
OPTIONS: dict = {}
SUMMARY = "two workouts the watch would list under the same shortened name (default 16 bytes)"


def check(group, ctx):
    limit = ctx.config.device.name_bytes
    first: dict[str, Shown] = {}
    for shown in group:
        earlier = first.setdefault(shown.shown, shown)
        if earlier is shown:
            continue
        yield Problem(
            shown.span,
            f'"{shown.name}" ({_where(shown)}) and "{earlier.name}" ({_where(earlier)}) '
            f'both show as "{shown.shown}" on the watch',
            _hint(shown, limit),
        )


def _where(shown: Shown) -> str:
    return f"{shown.path}:{shown.line}"


def _hint(shown: Shown, limit: int) -> str:
    if shown.in_plan:
        return (
            f"a plan names its one-line sessions by kind and date: write this one as a workout whose "
            f"first {limit} bytes tell it apart, and name it in the plan"
        )
    return f"rename one so that their first {limit} bytes differ: put what tells them apart first"
