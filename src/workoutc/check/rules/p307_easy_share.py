"""Notes a week with less than `min_percent` of its running time easy.

Well-trained endurance athletes do about 80 % of their training below the first
ventilatory threshold; easy time is what lets the hard 20 % work. Easy time is
running at heart-rate zone 2 or below, slower than the easy pace's fast end, or at
75 % FTP or less; untargeted steps count as easy in easy, recovery and long runs and
as warm-up, cool-down, recovery or rest steps; strides never do, their jogs do. A
week with a session whose length or effort cannot be told is not judged.

**Sports.** Runs only: the share of the week's running time that is easy.

**Source.** Seiler (polarised training: about 80 % of training below the first
ventilatory threshold).

**Options.** `min_percent` (default 80).

**Passing.**

    plan "Week"
      2026-11-23 easy 50min hr<=z2
      2026-11-25 tempo 20min
      2026-11-27 easy 50min hr<=z2
      2026-11-29 long 1h30min hr<=z2

**Failing.**

    plan "Week"
      2026-11-24 intervals 40min
      2026-11-26 tempo 40min
      2026-11-28 easy 30min
"""

from ...diagnostics import Problem, Severity
from ...units import shown
from ..plans import labels
from ..training import easy_seconds
from ._plan import minutes

ID = "P307"
NAME = "easy-share"
SEVERITY = Severity.INFO
SCOPE = "plan"
OPTIONS = {"min_percent": 80}
SUMMARY = "less than 80 % of a week's running time easy"
NAMED_SECONDS = 5 * 60  # a session with this much running above easy is named (strides are not)


def check(calendar, ctx):
    limit = ctx.options["min_percent"]
    for week in calendar.measured_weeks():
        runs = list(week.runs)
        easy = [easy_seconds(s.workout, ctx.athlete) for s in runs]
        known = [seconds for seconds in easy if seconds is not None]
        if len(known) < len(easy):
            continue  # some step's effort cannot be told without the profile
        share = sum(known) * 100 / week.running_seconds
        if share < limit:
            harder = [s for s, seconds in zip(runs, known, strict=True) if s.seconds - seconds >= NAMED_SECONDS]
            more = week.running_seconds * limit / 100 - sum(known)
            yield Problem(
                week.sessions[0].entry.span,
                f"{week.label} is {shown(share, limit)} % easy running, less than {limit:g} %"
                + (f"; the rest is in {labels(harder)}" if harder else ""),
                f"make {minutes(more)} more of it easy (of its {minutes(week.running_seconds)}, {limit:g} % is "
                f"{minutes(week.running_seconds * limit / 100)}), so the hard sessions can work",
            )
