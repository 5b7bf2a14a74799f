"""Notations runners bring from other tools and training logs, recognised where the
parser stops, each answered with the workoutc spelling: `5x400m` on one line, `5 x`,
`pace 5:30/km-6:00/km`, a pace without its unit, `@ 5:30/km`, `hr zone2`, a bare
`z2`, a misspelt pace or reference (`pace thresold`, `hr 70% hrr`), notes in single or
curly quotes.

Each recogniser looks at the line where a syntax error is, where in it the parser
stopped and what it expected; the first that knows the notation gives a `Reading`.
syntax_errors.py words everything else.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..fit import exercises
from ..suggest import closest
from ..units import LEVEL_UNITS, folded, written_unit
from .vocabulary import LEVEL_ALIASES, LEVEL_REFERENCES, PACE_ALIASES, PACE_REFERENCES, quote

CLOCK = r"\d+:\d+(?:\.\d+)?"
CLOCKS = rf"{CLOCK}(?:\s*-\s*{CLOCK})?"  # 5:30 or 5:30-6:00
STEP_WORDS = re.compile(
    r"(?ai:warmup|cooldown|recover|rest|interval|other|active|run|ride|swim|walk|hike|row|strides)(?![\w-])"
)
STEP_LINE = re.compile(r"\s*(?ai:[a-z]+)\s+(?:\"[^\"]*\"\s+)?(\d\S*)(.*)")  # `swim 100m free`: its duration, the rest
RESTING = re.compile(r"((?ai:rest|recover|on))\s+(\S+)")  # `rest 20s` where a step's line goes on
SETS_APART = re.compile(r"\s*([^\W\d_][\w/-]*)\s+(\d+)\s*([xX\u00d7])\s*(\d+\S*)")  # `squat 3 x 10`
TWO_WORDS = re.compile(r"\s*([^\W\d_][\w-]*)\s+([^\W\d_][\w-]*)")  # `bench press`
KEYWORD_SETS = re.compile(r"\s*((?ai:row|run))\s+(\d+[xX]\d+)(?![\w.])")  # `row 3x10`: sets of reps
SET_WITH_SLASH = re.compile(r"\s*(\d+[xX]\d[^\s/]*)/(\d\S*)(.*)")  # `5x400m/200m pace 3:50/km`
REPEAT_LINE = re.compile(r"(\s*)(\d+)[ \t]*(?ai:x|×|times(?![\w-]))[ \t]*(.*)")
PACE_UNIT_TWICE = re.compile(rf"(?ai)\bpace\s*({CLOCK})\s*/\s*(km|mi)\s*-\s*({CLOCK})\s*/\s*\2(?![\w-])")
PACE_BEFORE_UNIT = re.compile(rf"(?ai)\bpace\s*({CLOCKS})\s*$")
PACE_UNIT_AFTER = re.compile(r"(?ai)(?:mins?|m)?\s*/?\s*(km|mi)[a-z]*(?![\w-])")
AT_SIGN = re.compile(
    rf"@\s*(?:(?P<pace>{CLOCKS})\s*(?:/\s*(?P<per>km|mi)(?![\w-]))?"
    r"|(?P<zone>z\d+)(?![\w-])"
    r"|(?P<number>\d+(?:\.\d+)?)(?P<unit>[a-z]+)(?![\w-]))",
    re.ASCII | re.IGNORECASE,
)
ZONE_WORD = re.compile(r"(?ai)zone[ \t]*(\d+)")
LETTERS = re.compile(r"[A-Za-z]+")
PERCENT_BEFORE = re.compile(r"%[ \t]*$")
ZONE_TARGET_BEFORE = re.compile(r"(?ai)(lap-power|power|hr)[ \t]*(?:(<=|>=|<|>)[ \t]*)?$")
QUOTED = {
    "'": re.compile(r"'(.*?)'(?=[\s#]|$)"),  # an apostrophe inside (`don't`) does not close it
    "‘": re.compile(r"‘(.*?)[’‘]"),
    "’": re.compile(r"’(.*?)[’‘]"),
    "“": re.compile(r"“(.*?)[”“]"),
    "”": re.compile(r"”(.*?)[”“]"),
}
# What a string right after these is: the name of a step, a repeat, a workout or a plan
# (or of the workout a plan entry runs).
NAMED_BEFORE = (
    (re.compile(r"(?ai)(?:^|\s)(?:warmup|run|ride|recover|rest|cooldown)\s*$"), "a step name"),
    (re.compile(r"(?ai)^\s*\d+x\s*$"), "a repeat name"),
    (re.compile(r"(?ai)^\s*workout\s*$"), "a workout name"),
    (re.compile(r"(?ai)^\s*plan\s*$"), "a plan name"),
    (re.compile(r"^\s*\d{4}-\d{2}-\d{2}(?:\s+\d+:\d+)?\s*$"), "a workout name"),
)
CODE = re.compile(r'(?:[^"#]|"(?:[^"\\]|\\.)*"?)*')  # a line up to its comment
# The target a value's unit belongs to, for `@ 150bpm` (`%` belongs to two).
METRIC_OF_UNIT = {
    folded(spelling): metric for metric, spellings in LEVEL_UNITS.items() for spelling in spellings if spelling != "%"
}


@dataclass(frozen=True, slots=True)
class Reading:
    """What a recognised notation makes of an error: a hint with the workoutc spelling,
    and where the parser's own words would mislead, a message and the columns to
    underline (0-based, end exclusive, in the line)."""

    hint: str
    message: str | None = None
    columns: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Stop:
    """Where the parser stopped: the line without its comment, the offset in it, the
    type of the token found ("" for characters no token matches) and the terminals the
    parser expected."""

    code: str
    at: int
    found: str
    expected: frozenset[str]

    @property
    def before(self) -> str:
        return self.code[: self.at]

    @property
    def after(self) -> str:
        return self.code[self.at :]


def recognise(row: str, at: int, found: str, expected: set) -> Reading | None:
    """The reading of the first notation recognised at offset `at` of `row`, if any."""
    match = CODE.match(row)
    stop = Stop(match.group() if match else row, at, found, frozenset(expected))
    return next((reading for recogniser in RECOGNISERS if (reading := recogniser(stop))), None)


def repeat_on_one_line(stop: Stop) -> Reading | None:
    """`5 x`, `5×`, `5 times`; `5x400m pace 3:50/km`, `5x run 400m`, `5x400m/200m`."""
    match = REPEAT_LINE.fullmatch(stop.code.rstrip())
    if match is None or stop.at not in (match.start(2), match.start(3)):
        return None
    count, rest = match.group(2), match.group(3)
    if not rest or rest.startswith('"'):
        return Reading(f"write the count and `x` together: `{count}x{' ' + rest if rest else ''}`")
    steps = _steps_written(rest)
    if steps is None:
        return None
    return Reading(
        f"write `{count}x` on its own line and the steps it repeats below it, indented: {steps}",
        "the steps of a repeat go on the lines below it, indented",
    )


def kick(stop: Stop) -> Reading | None:
    """`4x50m kick`: FIT has no kick stroke; swimmers' kick sets are drills with a board."""
    word = re.match(r"(?ai:kicks?)(?![\w-])", stop.after)
    if word is None or "SWIM_WORD" not in stop.expected:
        return None
    return Reading("FIT has no kick stroke: write a kick set as `drill kickboard` (or `drill fins`)")


def rest_after_a_step(stop: Stop) -> Reading | None:
    """`swim 100m free rest 20s`: a step's rest is its own line, or a line of sets."""
    rest = RESTING.match(stop.after)
    step = STEP_LINE.fullmatch(stop.before.rstrip())
    if rest is None or step is None:
        return None
    after = f"{folded(rest.group(1))} {rest.group(2)}"
    return Reading(
        f"the rest after a step goes on the next line: `{after}`; a repeat of a step and its rest "
        f"is one line: `4x{step.group(1)}{step.group(2)} {after}`"
    )


def sets_apart(stop: Stop) -> Reading | None:
    """`squat 3 x 10`: sets and reps are written together."""
    match = SETS_APART.match(stop.code)
    if match is None or stop.at < match.start(3) or stop.at > match.end(3):
        return None
    word, sets, reps = match.group(1), match.group(2), match.group(4)
    return Reading(f"write the sets and the reps together: `{word} {sets}x{reps}`")


def exercise_in_two_words(stop: Stop) -> Reading | None:
    """`bench press 3x10`: an exercise's words are joined by hyphens."""
    match = TWO_WORDS.match(stop.code)
    if match is None or stop.at != match.start(2):
        return None
    joined = f"{match.group(1)}-{match.group(2)}"
    try:
        exercises.lookup(joined)
    except exercises.UnknownExercise:
        return None
    return Reading(f"an exercise's words are joined by hyphens: `{folded(joined)}`")


def keyword_as_exercise(stop: Stop) -> Reading | None:
    """`row 3x10 @ 40kg`: `row` and `run` start steps; as exercises they are `rows`, `runs`."""
    match = KEYWORD_SETS.match(stop.code)
    if match is None or stop.at < match.end():
        return None
    word = folded(match.group(1))
    return Reading(f"`{word}` starts a step; the exercise is `{word}s` (or `{word}/NAME`): `{word}s {match.group(2)}`")


def set_with_slash(stop: Stop) -> Reading | None:
    """`5x400m/200m`: the rest after each repeat is written after the step, in words."""
    match = SET_WITH_SLASH.fullmatch(stop.code.rstrip())
    if match is None or stop.at != match.end(1):
        return None
    work, rest, after = match.group(1), match.group(2), match.group(3).rstrip()
    return Reading(
        f"write `{work}{after} recover {rest}` (or `rest {rest}`)",
        "the recovery after each repeat is written after the step, with `recover` or `rest`",
    )


def _steps_written(rest: str) -> str | None:
    """`run 400m pace 3:50/km` for `400m pace 3:50/km`; `400m/200m` is a run and a recovery."""
    if STEP_WORDS.match(rest):
        return f"`{rest}`"
    if not rest[0].isdigit():
        return None
    first, _, targets = rest.partition(" ")
    run, slash, recovery = first.partition("/")
    targets = f" {targets.strip()}" if targets.strip() else ""
    if slash and recovery[:1].isdigit():
        return f"`run {run}{targets}`, then `recover {recovery}`"
    return f"`run {rest}`"


def pace_unit_twice(stop: Stop) -> Reading | None:
    """`pace 5:30/km-6:00/km`: the unit belongs once, at the end."""
    for match in PACE_UNIT_TWICE.finditer(stop.code):
        if match.start() <= stop.at <= match.end():
            return Reading(
                f"did you mean `pace {match.group(1)}-{match.group(3)}/{folded(match.group(2))}`?",
                "a pace range is written with its unit once, at the end",
                (match.start(1), match.end()),
            )
    return None


def pace_without_unit(stop: Stop) -> Reading | None:
    """`pace 5:30-6:00` with no unit, or `pace 5:30min/km`."""
    before = PACE_BEFORE_UNIT.search(stop.before)
    if before is None or "SLASH" not in stop.expected:
        return None
    clocks = re.sub(r"\s+", "", before.group(1))
    after = PACE_UNIT_AFTER.match(stop.after)
    if after:
        hint = f"did you mean `pace {clocks}/{folded(after.group(1))}`?"
    else:
        hint = f"did you mean `pace {clocks}/km` (or `/mi`)?"
    return Reading(hint, "a pace ends with its unit, `/km` or `/mi`", (before.start(1), before.end(1)))


def at_sign(stop: Stop) -> Reading | None:
    """`@ 5:30/km`, `@z2`, `@ 150bpm`: a target starts with what it measures."""
    if not stop.after.startswith("@"):
        return None
    match = AT_SIGN.match(stop.after)
    target = _target_after_at(match) if match else None
    if target is None:
        return Reading("a target starts with what it measures, not `@`: `pace 5:30/km`, `hr z2`, `power 250W`")
    return Reading(f"write {target} (no `@`)")


def _target_after_at(match: re.Match) -> str | None:
    if match.group("pace"):
        clocks = re.sub(r"\s+", "", match.group("pace"))
        per = match.group("per")
        return f"`pace {clocks}/{folded(per)}`" if per else f"`pace {clocks}/km` or `/mi`"
    if match.group("zone"):
        return f"`hr {folded(match.group('zone'))}`"
    metric = METRIC_OF_UNIT.get(folded(match.group("unit")))
    return f"`{metric} {match.group('number')}{written_unit(match.group('unit'))}`" if metric else None


def zone_word(stop: Stop) -> Reading | None:
    """`hr zone2`, `power Zone 3`, `hr<zone2`: a zone is `z` and its number."""
    if stop.found != "NAME" or "ZONE" not in stop.expected:
        return None
    word = ZONE_WORD.match(stop.after)
    target = ZONE_TARGET_BEFORE.search(stop.before)
    if word is None or target is None:
        return None
    keyword, compare = folded(target.group(1)), target.group(2) or " "
    return Reading(f"did you mean `{keyword}{compare}z{int(word.group(1))}`?")


def bare_zone(stop: Stop) -> Reading | None:
    """`run 20min z2`: a zone needs the target it is a zone of."""
    if stop.found != "ZONE" or "HR" not in stop.expected:
        return None
    zone = folded(stop.after.split()[0])
    return Reading(f"did you mean `hr {zone}`?")


def misspelt_reference(stop: Stop) -> Reading | None:
    """`pace thresold`, `pace 95% thershold-5s`, `hr 80% lhtr`, `hr 70% hrr`: a word for one
    of the athlete's paces, or for what heart rate or power is a percentage of, misspelt."""
    if stop.found != "NAME":
        return None
    words: tuple[str, ...]
    if "PACE_REFERENCE" in stop.expected:
        what, words, aliases = "pace", PACE_REFERENCES, PACE_ALIASES
    elif "LEVEL_REFERENCE" in stop.expected and PERCENT_BEFORE.search(stop.before):
        what, aliases = "reference", LEVEL_ALIASES
        words = tuple(word for known in LEVEL_REFERENCES.values() for word in known)
    else:
        return None
    word = LETTERS.match(stop.after)
    if word is None:
        return None
    meant = aliases.get(folded(word.group()))
    match = meant if meant in words else closest(word.group(), words)
    if match is None:
        return None
    return Reading(f"did you mean `{match}`?", f"unknown {what} `{word.group()}`", (stop.at, word.end() + stop.at))


def other_quotes(stop: Stop) -> Reading | None:
    """`'relax'`, `“relax”`: notes and names are in straight double quotes."""
    if stop.found or not stop.after or stop.after[0] not in QUOTED:
        return None
    match = QUOTED[stop.after[0]].match(stop.after)
    what = next((what for pattern, what in NAMED_BEFORE if pattern.search(stop.before)), "a note")
    if match is None:
        return Reading(f'{what} is written in straight double quotes: `"..."`')
    quotes = "single" if stop.after[0] == "'" else "curly"
    return Reading(
        f"{what} is written in double quotes: `{quote(match.group(1))}`",
        f"{what} in {quotes} quotes",
        (stop.at, stop.at + match.end()),
    )


RECOGNISERS: tuple[Callable[[Stop], Reading | None], ...] = (
    repeat_on_one_line,
    set_with_slash,
    keyword_as_exercise,
    kick,
    rest_after_a_step,
    sets_apart,
    exercise_in_two_words,
    pace_unit_twice,
    pace_without_unit,
    at_sign,
    zone_word,
    misspelt_reference,
    bare_zone,
    other_quotes,
)
