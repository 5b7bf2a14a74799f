"""Words of the language shared by reading and writing it: step keywords and strings.

Unit spellings live in units.py, beside the code that reads them.
"""

from __future__ import annotations

from ..fit.profile import SPORT_NAMES, SUB_SPORT_NAMES
from ..model import Intensity
from ..units import folded

# The step keyword of the language for each intensity. An active step is written with
# the sport's verb (`run`, `ride`, `swim`...), any of which the language reads.
STEP_KEYWORDS = {
    "warmup": Intensity.WARMUP,
    "run": Intensity.ACTIVE,
    "ride": Intensity.ACTIVE,
    "swim": Intensity.ACTIVE,
    "walk": Intensity.ACTIVE,
    "hike": Intensity.ACTIVE,
    "row": Intensity.ACTIVE,
    "active": Intensity.ACTIVE,
    "interval": Intensity.INTERVAL,
    "recover": Intensity.RECOVERY,
    "rest": Intensity.REST,
    "cooldown": Intensity.COOLDOWN,
    "other": Intensity.OTHER,
}
# The keyword each intensity is written with (the first one listed above).
KEYWORD_OF = {intensity: keyword for keyword, intensity in reversed(STEP_KEYWORDS.items())}
# The words that start a line of a block other than an exercise: an exercise whose
# word is one of them is written with its category (`run/sprint`).
LINE_KEYWORDS = frozenset((*STEP_KEYWORDS, "strides", "repeat"))
# The verb of an active step in each sport; `active` in the others.
ACTIVE_VERB = {"running": "run", "cycling": "ride", "swimming": "swim", "walking": "walk", "hiking": "hike"}
ACTIVE_VERB["rowing"] = "row"


def hyphenated(name: str) -> str:
    """FIT's `indoor_cycling` as the language writes it: `indoor-cycling`."""
    return name.replace("_", "-")


# Words naming a sport (and a sub-sport it implies) in a workout's header or a session:
# FIT's own names, hyphenated, and the words people use.
SPORT_WORDS: dict[str, tuple[str, str | None]] = {
    hyphenated(name): (name, None) for name in SPORT_NAMES.values() if name != "all"
}
SPORT_WORDS |= {
    "run": ("running", None),
    "ride": ("cycling", None),
    "bike": ("cycling", None),
    "swim": ("swimming", None),
    "walk": ("walking", None),
    "hike": ("hiking", None),
    "strength": ("training", "strength_training"),
    "cardio": ("training", "cardio_training"),
}
# The word a workout's sport and sub-sport are written with, where one word says both.
SPORT_WORD_OF = {"strength_training": "strength", "cardio_training": "cardio"}
SUB_SPORT_WORDS = {hyphenated(name): name for name in SUB_SPORT_NAMES.values() if name != "all"}
# The sport a sub-sport implies when the header names none.
SPORT_OF_SUB_SPORT = dict.fromkeys(("lap_swimming", "open_water"), "swimming") | dict.fromkeys(
    ("indoor_cycling", "road", "mountain", "cyclocross", "track_cycling", "gravel_cycling", "downhill", "spin"),
    "cycling",
)
SPORT_OF_SUB_SPORT |= dict.fromkeys(("strength_training", "cardio_training", "yoga", "pilates"), "training")

# A swim step's stroke and equipment, as written -> FIT's names.
STROKE_WORDS = {
    "free": "freestyle",
    "back": "backstroke",
    "breast": "breaststroke",
    "fly": "butterfly",
    "drill": "drill",
    "mixed": "mixed",
    "im": "im",
    "im-by-round": "im_by_round",
    "rimo": "rimo",
}
STROKE_WORD_OF = {stroke: word for word, stroke in STROKE_WORDS.items()}
STROKE_WORDS |= {"freestyle": "freestyle", "backstroke": "backstroke", "breaststroke": "breaststroke"}
STROKE_WORDS |= {"butterfly": "butterfly", "choice": "mixed"}
EQUIPMENT_WORDS = {
    "fins": "swim_fins",
    "kickboard": "swim_kickboard",
    "paddles": "swim_paddles",
    "pull-buoy": "swim_pull_buoy",
    "snorkel": "swim_snorkel",
}
EQUIPMENT_WORD_OF = {equipment: word for word, equipment in EQUIPMENT_WORDS.items()}
EQUIPMENT_WORDS |= {"buoy": "swim_pull_buoy", "board": "swim_kickboard", "paddle": "swim_paddles"}
EQUIPMENT_WORDS |= {"pull": "swim_pull_buoy", "pullbuoy": "swim_pull_buoy"}  # and `pull buoy`: see swim_word


def swim_word(written: str) -> str:
    """A stroke or piece of equipment as the tables spell it: `Pull Buoy` is `pull-buoy`."""
    return "-".join(folded(written).split())


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
    """A string literal: in double quotes, with `"` and `\\` escaped, a line break as `\\n`."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def unquote(literal: str) -> str:
    """The text of a string literal (the inverse of `quote`)."""
    body = literal[1:-1]
    if "\\" not in body:
        return body
    out, chars = [], iter(body)
    for char in chars:
        escaped = next(chars, "\\") if char == "\\" else None
        out.append(char if escaped is None else "\n" if escaped == "n" else escaped)
    return "".join(out)
