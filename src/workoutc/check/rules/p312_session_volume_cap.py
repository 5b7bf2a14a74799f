"""Reports a session with more threshold, interval or repetition running than its
week's volume carries.

Daniels sizes each quality session by the week's mileage: threshold running at most
about 10 % of it in a session, interval running the lesser of 8 % and 10 km,
repetitions the lesser of 5 % and 8 km. Past that the session is more than the week
can absorb, and the quality drops. The caps are one coach's guidance, not measured
injury risk, and Daniels writes "about": so a session within `margin_percent` of a
cap passes, one further over is a note, and one more than `warning_percent` over is
a warning (12 x 1 km at interval pace in a 40 km week is nearly four times the cap).

The intensity of a work step comes from its pace or power target under the
athlete's paces and FTP (docs: `check/domains.py`; heart rate lags too far behind
short bouts to tell); the week is its calendar week, judged when the plan covers all
seven days and every step's length is known. A race is not capped: it is run at the
pace the race asks for, and its distance counts in the week.

**Sports.** Runs only: Daniels' caps are shares of the weekly running.

**Source.** Daniels, *Daniels' Running Formula* (T running at most 10 % of weekly
mileage in a session; I the lesser of 10 km and 8 %; R the lesser of 8 km and 5 %).

**Options.** `threshold_percent` (default 10), `interval_percent` (default 8),
`interval_km` (default 10), `repetition_percent` (default 5), `repetition_km`
(default 8), `margin_percent` (default 10), `warning_percent` (default 50).

**Profile.**

    [athlete]
    easy_pace = "5:20-5:50/km"
    marathon_pace = "4:25/km"
    threshold_pace = "4:10/km"
    interval_pace = "3:50/km"
    repetition_pace = "3:35/km"

**Passing.**

    workout "5 x 1 km" intervals
      warmup 15min
      5x
        run 1km pace 3:50/km
        recover 3min
      cooldown 10min

    plan "Week"
      2026-11-23 rest
      2026-11-24 "5 x 1 km"
      2026-11-25 easy 10km
      2026-11-26 easy 10km
      2026-11-27 easy 10km
      2026-11-28 easy 10km
      2026-11-29 long 20km

**Failing.**

    workout "12 x 1 km" intervals
      warmup 15min
      12x
        run 1km pace 3:50/km
        recover 3min
      cooldown 10min

    plan "Week"
      2026-11-23 rest
      2026-11-24 "12 x 1 km"
      2026-11-26 easy 8km
      2026-11-29 long 12km
"""

from ...diagnostics import Problem, Severity
from ...model import Workout
from ..domains import NAMES, domain_running
from ..estimates import step_metres, total
from ..memo import per_workout
from ._plan import covered_days

ID = "P312"
NAME = "session-volume-cap"
SEVERITY = Severity.WARNING
SCOPE = "plan"
OPTIONS = {
    "threshold_percent": 10,
    "interval_percent": 8,
    "interval_km": 10,
    "repetition_percent": 5,
    "repetition_km": 8,
    "margin_percent": 10,
    "warning_percent": 50,
}
SUMMARY = "a session's T, I or R running over Daniels' share of the week (10 %, 8 %, 5 %)"


def check(calendar, ctx):
    for week in calendar.weeks():
        if covered_days(week, calendar) < 7:
            continue
        runs = list(week.runs)
        work = [(s, domain_running(s.workout, ctx.athlete)) for s in runs if s.workout.kind != "race"]
        if not any(running for _, running in work):
            continue  # the week's volume is needed only for a session with T, I or R running
        lengths = [workout_metres(s.workout, ctx.athlete) for s in runs]
        if None in lengths:
            continue
        weekly = sum(length for length in lengths if length is not None)
        for session, running in work:
            for domain, done in sorted(running.items()):
                cap, rule = _cap(domain, weekly, ctx.options)
                if done.metres > cap * (1 + ctx.options["margin_percent"] / 100):
                    yield _problem(session, week, domain, done, weekly, cap, rule, ctx.options["warning_percent"])


def _cap(domain: str, weekly: float, options) -> tuple[float, str]:
    """The most a session may run at the intensity, in metres, and the cap in words."""
    name = NAMES[domain]
    percent = options[f"{name}_percent"]
    cap = weekly * percent / 100
    limit = options.get(f"{name}_km")
    if limit is not None and limit * 1000 < cap:
        return limit * 1000, f"{limit:g} km at most"
    return cap, f"{percent:g} % of the week"


def _problem(session, week, domain, running, weekly, cap, rule, warning) -> Problem:
    name = NAMES[domain]
    over = running.metres > cap * (1 + warning / 100)
    share = running.metres * 100 / weekly
    change = f"cut it to {_km(cap)}"
    if running.bout_metres:
        bouts = max(1, int(cap / running.bout_metres))
        change += f": {bouts} x {_km(running.bout_metres)} instead of {running.bouts}"
    return Problem(
        session.entry.span,
        f"{session.label} runs {_km(running.metres)} at {name} pace, {share:.0f} % of the "
        f"{_km(weekly)} of {week.label}; Daniels caps a session at {rule} ({_km(cap)})",
        f"{change}, or run more easy kilometres that week",
        None if over else Severity.INFO,
    )


def _km(metres: float) -> str:
    if metres < 1000:
        return f"{metres:.0f} m"
    return f"{metres / 1000:.1f} km".replace(".0 km", " km")


@per_workout
def workout_metres(workout: Workout, athlete) -> float | None:
    """The session's distance; None when a step's length cannot be told."""
    metres, complete = total(workout.steps, step_metres, athlete, workout)
    return metres if complete else None
