"""Reports a week whose running time rises sharply over the weeks before it.

Big jumps in volume are linked to injury, though less firmly than the folklore says:
novices who raised their weekly distance by more than 30 % over two weeks had more
distance-related injuries than those who kept under 10 % (hazard ratio 1.59, a
confidence interval that crosses 1), while the traditional 10 % rule could not show
fewer injuries in a randomised trial. So: info above `info_percent` week over week,
warning above `warning_percent` week over week or above `two_week_percent` over two
weeks (+22 % and +22 % is +49 %).

Each week is compared with the week before, with two exceptions:

- after a planned step-back week (at least `step_back_percent` less running than the
  week before it) or a week off, with the week before it: rebuilding to where the
  plan was is not a jump (P308 says whether it comes back too fast after a week off);
- a first week the plan starts part-way through (on a Tuesday, say) is compared both
  over the days it covers (the next week's Tuesday to Sunday against its own) and pro
  rata (its running scaled to seven days against the next week's), the larger rise
  counting.

A week with a race is not judged: its volume is the race. P308 compares a week with
the mean of the weeks before it instead.

**Sports.** Runs only: the studies measured running distance, so the weekly volume
is the running time; rides, swims and strength sessions are left out (P308 weighs
every sport's load).

**Source.** Nielsen et al. 2014, "Excessive progression in weekly running distance
and risk of running-related injuries" (873 novices, over 30 % in two weeks); Buist et
al. 2008 (the 10 % rule showed no injury reduction, 532 novices).

**Options.** `info_percent` (default 10), `warning_percent` (default 30),
`two_week_percent` (default 30), `step_back_percent` (default 10).

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

from dataclasses import dataclass

from ...diagnostics import Problem, Severity
from ._plan import cut_hint, first_and_last, is_step_back, is_week_off, minutes, seconds_from, volumes

ID = "P305"
NAME = "volume-jump"
SEVERITY = Severity.WARNING
SCOPE = "plan"
OPTIONS = {"info_percent": 10, "warning_percent": 30, "two_week_percent": 30, "step_back_percent": 10}
SUMMARY = "running time up more than 10 % (info) or 30 % (warning) in a week, or 30 % in two weeks"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Rise:
    old: float
    new: float
    reference: str  # the week compared with, in words

    @property
    def percent(self) -> float:
        return (self.new - self.old) * 100 / self.old


def check(calendar, ctx):
    weeks = volumes(calendar)
    if not weeks:
        return
    start = first_and_last(calendar)[0]
    options = ctx.options
    for index, after in enumerate(weeks):
        if index == 0 or after is None or after.seconds is None or after.raced:
            continue
        before, earlier = weeks[index - 1], weeks[index - 2] if index >= 2 else None
        paused = "the week off" if is_week_off(before) else "the step-back week"
        skipped = is_week_off(before) or is_step_back(before, earlier, options["step_back_percent"])
        one = _rise(earlier if skipped else before, after, start, paused if skipped else None)
        two = None if skipped else _rise(earlier, after, start, None)
        if one and one.percent > options["warning_percent"]:
            yield _problem(after, one, None, options["info_percent"])
        elif two and two.percent > options["two_week_percent"]:
            target = two.old * (1 + options["two_week_percent"] / 100)
            yield _problem(after, two, None, options["two_week_percent"], target)
        elif one and one.percent > options["info_percent"]:
            yield _problem(after, one, Severity.INFO, options["info_percent"])


def _rise(before, after, start, skipped: str | None) -> Rise | None:
    """`after` against `before` (the week before `skipped`, when it skips one); a first
    week the plan starts in part-way through both over the days it covers and pro rata,
    the larger rise counting."""
    if before is None or before.seconds is None or before.seconds <= 0:
        return None
    if before.week.monday >= start:
        return Rise(before.seconds, after.seconds, before.week.label + (f", before {skipped}" if skipped else ""))
    days = f"{before.week.label}, which the plan starts on a {WEEKDAYS[start.weekday()]}"
    same_days = Rise(before.seconds, seconds_from(after, start.weekday()), f"the same days of {days}")
    pro_rata = Rise(before.seconds * 7 / before.days, after.seconds, f"{days}, counted pro rata for 7 days")
    return max(same_days, pro_rata, key=lambda rise: rise.percent)


def _problem(after, rise: Rise, severity, keep_percent: float, target: float | None = None) -> Problem:
    week = after.week
    keep = rise.old * (1 + keep_percent / 100) if target is None else target
    return Problem(
        week.sessions[0].entry.span,
        f"{week.label} runs {minutes(rise.new)}, {rise.percent:.0f} % more than the {minutes(rise.old)} "
        f"of {rise.reference}",
        cut_hint(after, rise.new, keep, f"+{keep_percent:g} %"),
        severity,
    )
