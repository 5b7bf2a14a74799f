"""S206 easy-run-too-hard: what an easy run and a long run promise, target by target."""

from __future__ import annotations

from .helpers import P, block, plan, workout_cases_test

CODE = "S206"
COACH = P + 'marathon_pace = "4:30/km"\n'  # the M/T bound: halfway to threshold, 4:20/km

WORKOUT_CASES = [
    # an easy run: zone 2, easy pace, 75 % FTP at most; strides, warm-ups and cool-downs exempt
    ("easy 60min hr z4\n", P, ["heart-rate zone 4 is harder than easy running, so this easy run is not easy"]),
    ("easy 60min hr z3\n", P, ["heart-rate zone 3 is harder than easy running"]),
    ("easy 45min hr<=z2\n", P, []),
    ("easy 45min hr<=z3\n", P, []),  # the middle of zones 1-3 is easy
    ("easy 45min pace 5:00/km\n", P, ["5:00/km is harder than easy running"]),
    ("easy 45min pace 5:20-5:50/km\n", P, []),
    ("easy 45min power 85%\n", P, ["82-88 % of FTP is harder than easy running"]),
    ("easy 45min hr<=z2 strides 6x20s/60s\n", P, []),
    (block("easy", "warmup 10min hr z4", "run 30min hr<=z2"), P, []),  # S207's business
    (block("easy", "run 30min hr<=z2", "run 10min pace 4:10/km"), P, ["4:10/km is harder than easy running"]),
    ("easy 45min hr 150-160bpm\n", "", []),  # no max HR: cannot tell
    # a long run: marathon effort at most
    ("long 2h30min pace 4:10/km\n", P, ["4:10/km is threshold running or faster, beyond the marathon effort"]),
    ("long 2h30min pace 4:15/km\n", P, []),  # no marathon pace: only threshold pace is the bound
    ("long 2h30min pace 4:15/km\n", COACH, ["4:15/km is threshold running or faster"]),
    (block("long", "run 60min pace easy", "run 20min pace marathon", "run 5min pace marathon-5s"), COACH, []),
    ("long 2h hr z4\n", P, []),  # marathon effort by heart rate (Daniels: 80-90 % of max)
    ("long 2h hr z5\n", P, ["heart-rate zone 5 is threshold running or faster"]),
    ("long 2h hr 88-92%\n", P, ["88-92 % of max heart rate is threshold running"]),
    ("long 2h power 95%\n", P, ["92-98 % of FTP is threshold running"]),
    ("long 2h power z3\n", P, []),
    # other kinds are not this rule's
    ("steady 50min hr z3\n", P, []),
    ("tempo 20min hr z4\n", P, []),
    ("recovery 30min hr z4\n", P, []),  # R103's
    (plan("2026-11-24 easy 60min hr z4"), P, ["heart-rate zone 4 is harder than easy running"]),
]


test_workout_rule = workout_cases_test(CODE, WORKOUT_CASES)
