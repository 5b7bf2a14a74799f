"""Words of the language shared by reading and writing it: step keywords and strings.

Unit spellings live in units.py, beside the code that reads them.
"""

from __future__ import annotations

from ..model import Intensity

# The step keyword of the language for each intensity; `ride` reads better in a cycling workout.
STEP_KEYWORDS = {
    "warmup": Intensity.WARMUP,
    "run": Intensity.ACTIVE,
    "ride": Intensity.ACTIVE,
    "recover": Intensity.RECOVERY,
    "rest": Intensity.REST,
    "cooldown": Intensity.COOLDOWN,
}
# The keyword each intensity is written with (the first one listed above).
KEYWORD_OF = {intensity: keyword for keyword, intensity in reversed(STEP_KEYWORDS.items())}

# The athlete's paces a pace target may be relative to (`pace threshold+10s`), and each
# one's long word from itself or its letter (`E`, `M`, `T`, `I`, `R`: Daniels' names).
PACE_REFERENCES = ("easy", "marathon", "threshold", "interval", "repetition")
PACE_REFERENCE_OF = {**{word: word for word in PACE_REFERENCES}, **{word[0]: word for word in PACE_REFERENCES}}
# What heart rate and power may be a percentage of (`hr 80-85% lthr`), by metric.
LEVEL_REFERENCES = {"hr": ("lthr", "reserve"), "power": ("ftp",), "cadence": ()}
# Other names for them, for hints.
# Other names runners use for them, for hints: `pace MP`, `pace LT`, `hr 80% hrr`.
PACE_ALIASES = dict.fromkeys(("lt", "ltp", "tempo", "cv"), "threshold") | {
    "mp": "marathon",
    "rep": "repetition",
    "reps": "repetition",
    "vo2": "interval",
    "recovery": "easy",
}
LEVEL_ALIASES = {"hrr": "reserve", "lt": "lthr"}


def quote(text: str) -> str:
    """A string literal: in double quotes, with `"` and `\\` escaped."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def unquote(literal: str) -> str:
    """The text of a string literal (the inverse of `quote`)."""
    body = literal[1:-1]
    if "\\" not in body:
        return body
    out, chars = [], iter(body)
    for char in chars:
        out.append(next(chars, "\\") if char == "\\" else char)
    return "".join(out)
