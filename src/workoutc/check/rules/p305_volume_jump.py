"""Reports a week whose running time rises sharply over the week before.

Big jumps in volume are linked to injury: increases above 30 % were associated with
injuries in novice runners, while the traditional 10 % rule is a softer guideline that
a randomised trial could not confirm. So: info above `info_percent`, warning above
`warning_percent`. Only consecutive calendar weeks are compared, and a first week the
plan starts part-way through is not compared.

**Source.** Nielsen et al. 2014 (increases over 30 % linked to injury, 873 novices);
Buist et al. 2008 (the 10 % rule showed no injury reduction, 532 novices).

**Options.** `info_percent` (default 10), `warning_percent` (default 30).

**Passing.**

    plan "Two weeks"
      2026-11-23 easy 40min
      2026-11-25 easy 40min
      2026-11-30 easy 40min
      2026-12-02 easy 42min

**Failing.**

    plan "Two weeks"
      2026-11-23 easy 40min
      2026-11-25 easy 40min
      2026-11-30 easy 60min
      2026-12-02 easy 60min
"""

from itertools import pairwise

from ...diagnostics import Problem, Severity

ID = "P305"
NAME = "volume-jump"
SEVERITY = Severity.WARNING
SCOPE = "plan"
OPTIONS = {"info_percent": 10, "warning_percent": 30}
SUMMARY = "week-over-week running time up more than 10 % (info) or 30 % (warning)"


def check(view, ctx):
    weeks = view.weeks()
    for before, after in pairwise(weeks):
        if (after.monday - before.monday).days != 7 or not before.complete or not (before.timed and after.timed):
            continue
        old, new = before.seconds, after.seconds
        if old <= 0:
            continue
        rise = (new - old) * 100 / old
        if rise > ctx.options["warning_percent"]:
            severity = None
        elif rise > ctx.options["info_percent"]:
            severity = Severity.INFO
        else:
            continue
        yield Problem(
            after.sessions[0].entry.span,
            f"{after.label} runs {new / 60:.0f} min, {rise:.0f} % more than the {old / 60:.0f} min of the week before",
            "raise weekly volume gradually",
            severity,
        )
