"""Reports a week whose running time is well above the mean of the weeks before it.

The acute:chronic workload ratio compares the load of a week with the load the body
is used to: the mean of the weeks before. Gabbett's training-injury paradox put a
"sweet spot" at 0.8-1.3 and a "danger zone" at 1.5 and above. The idea is debated:
Lolli and colleagues showed the usual ratio is coupled (the week counts in its own
baseline) and its thresholds partly an artefact, and Impellizzeri and colleagues
argue it has no sound basis for predicting injury; the data came from team sports,
not runners. So this rule compares a week with the `weeks` before it and not with
itself (uncoupled), is a note from `info_ratio` and a warning only from
`warning_ratio`, and never an error.

The baseline is the mean running time of the `weeks` (4) weeks before, at least
three of them planned. A planned step-back week (at least `step_back_percent` less
than the week before it, but some running) is left out of the baseline, so rebuilding
after it is not a spike; a week off counts as a week of no running; a first week the plan starts part-way through counts pro rata (a week
starting on a Thursday counts its four days as 4/7 of a week; one starting later is
too short to scale and is left out). A week the plan ends in part-way through is not
judged, nor a race week (its volume is the race). P305 compares a week with the one
before.

**Sports.** Every sport: the load the body is used to is its whole training, so the
week's time counts runs, rides, swims and strength sessions alike (the message says
`trains` when the week holds more than runs). A week holding a session of unknown
length (a swim with no pace target, a ride by distance with no speed target, a
calories or TSS goal) is not measured; a set of reps counts as its rests.

**Source.** Gabbett, "The training-injury prevention paradox" (BJSM 2016); Lolli et
al., "Mathematical coupling causes spurious correlation within the conventional
acute-to-chronic workload ratio calculations" (BJSM 2019); Impellizzeri et al.,
"Acute:chronic workload ratio: conceptual issues and fundamental pitfalls" (IJSPP
2020).

**Options.** `info_ratio` (default 1.3), `warning_ratio` (default 1.5), `weeks`
(default 4), `step_back_percent` (default 10).

**Passing.**

    plan "Build"
      2026-11-02 easy 50min
      2026-11-08 easy 50min
      2026-11-09 easy 50min
      2026-11-15 easy 50min
      2026-11-16 easy 55min
      2026-11-22 easy 55min
      2026-11-23 easy 55min
      2026-11-29 easy 60min

**Failing.**

    plan "Build"
      2026-11-02 easy 50min
      2026-11-08 easy 50min
      2026-11-09 easy 50min
      2026-11-15 easy 50min
      2026-11-16 easy 50min
      2026-11-22 easy 50min
      2026-11-23 easy 80min
      2026-11-29 easy 80min
"""

from ...diagnostics import Problem, Severity
from ._plan import cut_hint, is_step_back, minutes, volumes

ID = "P308"
NAME = "acute-chronic-load"
SEVERITY = Severity.WARNING
SCOPE = "plan"
OPTIONS = {"info_ratio": 1.3, "warning_ratio": 1.5, "weeks": 4, "step_back_percent": 10}
SUMMARY = "a week over 1.3 (info) or 1.5 (warning) times the mean of the 4 weeks before"
MIN_WEEKS = 3  # the fewest weeks a baseline is the mean of
MIN_DAYS = 4  # a first week covering fewer days is too short to scale to a week


def check(calendar, ctx):
    weeks = volumes(calendar, running=False)
    options = ctx.options
    for index, acute in enumerate(weeks):
        if acute is None or not acute.full or acute.raced:
            continue
        chronic, counted = _baseline(weeks, index, options)
        if counted < MIN_WEEKS or chronic <= 0:
            continue
        assert acute.seconds is not None
        ratio = acute.seconds / chronic
        if ratio > options["info_ratio"]:
            week = acute.week
            keep = chronic * options["info_ratio"]
            yield Problem(
                week.sessions[0].entry.span,
                f"{week.label} {_verb(acute)} {minutes(acute.seconds)}, {ratio:.2f} times the {minutes(chronic)} a week "
                f"of the {counted} weeks before (acute:chronic ratio)",
                cut_hint(acute, acute.seconds, keep, f"{options['info_ratio']:g} times"),
                None if ratio > options["warning_ratio"] else Severity.INFO,
            )


def _verb(volume) -> str:
    """`runs` when every session of the week is a run, else `trains`: the load counts every sport."""
    return "runs" if all(s.running for s in volume.sessions if s.workout is not None) else "trains"


def _baseline(weeks, index: int, options) -> tuple[float, int]:
    """The mean weekly running time of the weeks before `index`, and how many it counts."""
    counted: list[float] = []
    for before in range(max(0, index - int(options["weeks"])), index):
        volume = weeks[before]
        if volume is None:
            counted.append(0.0)
            continue
        if volume.seconds is None:
            return 0.0, 0  # a week of unknown length: no baseline
        stepped_back = is_step_back(volume, weeks[before - 1] if before else None, options["step_back_percent"])
        if stepped_back or volume.days < MIN_DAYS:
            continue
        counted.append(volume.seconds * 7 / volume.days)
    return (sum(counted) / len(counted), len(counted)) if counted else (0.0, 0)
