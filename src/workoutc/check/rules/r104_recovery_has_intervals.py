"""Flags work intervals (repeats other than strides) inside a recovery session.

A recovery run is continuous and easy; a repeat block turns it into a workout that
itself needs recovering from. Strides, and the "occasional strides or gentle
accelerations" one article allows, are the exception: write them as a `strides` line,
which this rule leaves alone and R106 checks.

**Sports.** Runs only: a recovery swim is swum in sets (`8x100m free rest 20s`) and a
recovery ride may hold short spin-ups, so a repeat says nothing there; how hard they
go is R103's business in every sport.

**Source.** "Recovery Run: Speed Up Recovery Between Hard Workouts" (done incorrectly,
a recovery run "quietly turns into an unplanned workout that compromises the days
ahead"); "How to design easy recovery runs that promote blood flow and aid adaptation
between hard sessions" ("occasional strides or gentle accelerations every few minutes,
as long as they remain well below race pace"); "How I Recover After Speed Sessions"
("finish an easy run with a few relaxed strides").

**Options.** None.

**Passing.**

    workout "Easy legs" recovery
      run 25min hr<=z2
      strides 4x20s

**Failing.**

    workout "Not a recovery" recovery
      run 10min hr<=z2
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
SPORTS = {"running"}
OPTIONS: dict = {}
SUMMARY = "work intervals other than strides inside a recovery session"


def check(workout, ctx):
    for node in workout.steps:
        if isinstance(node, Repeat) and not node.strides:
            what = f"a {node.count}x repeat" if node.count else "a repeat"
            yield Problem(
                node.span,
                f"{what} makes this recovery run an interval session",
                "run it as one continuous easy step (short pickups as a `strides 4x20s` line), "
                "or give the workout a kind such as `intervals`",
            )
