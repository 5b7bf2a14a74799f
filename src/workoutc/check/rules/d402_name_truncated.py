"""Notes a workout name longer than the watch shows.

Watches show roughly the first 15-16 bytes of a workout name. workoutc writes the
whole name into the FIT file (Garmin Connect and other apps show it all), and the
watch's list shows its first bytes: this note says what that list will show (cut at
that many bytes, never inside a character). Set the width for your watch with
`name_bytes` under `[device]`. Two names that show alike are D403's warning.

**Source.** Garmin's example workout configuration (workout names of 16 bytes).

**Options.** None; the limit is `[device] name_bytes` (default 16).

**Passing.**

    workout "Track 5x1k" intervals
      run 1km

**Failing.**

    workout "Tuesday track session" intervals
      run 1km
"""

from ...diagnostics import Problem, Severity
from ...model import truncate_utf8

ID = "D402"
NAME = "name-truncated"
SEVERITY = Severity.INFO
SCOPE = "workout"
OPTIONS: dict = {}
SUMMARY = "a workout name longer than the device shows (default 16 bytes)"


def check(workout, ctx):
    limit = ctx.config.device.name_bytes
    if len(workout.name.encode("utf-8")) > limit:
        shown = truncate_utf8(workout.name, limit)
        yield Problem(
            workout.span, f'the watch shows this name as "{shown}"', f"names of up to {limit} bytes show in full"
        )
