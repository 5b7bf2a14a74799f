"""Lark's parse errors -> diagnostics a person can act on: what was expected, in words,
where, and a hint (a did-you-mean, a unit written apart from its number, a block
that is missing its indented lines, a notation from elsewhere: language/notations.py)."""

from __future__ import annotations

import re

from lark import Token
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput

from ..diagnostics import Diagnostic, Span, input_error
from ..suggest import closest
from ..units import AMBIGUOUS_UNITS, METRES, SECONDS, SPELLINGS, WRITTEN_UNITS, folded, written_unit
from .notations import Reading, recognise
from .vocabulary import EQUIPMENT_WORDS, STEP_KEYWORDS, STROKE_WORDS

# What each terminal looks like to a user, for "expected ..." messages.
DESCRIPTIONS = {
    "STEP_KIND": "a step",
    "REPEAT_COUNT": "a repeat like `5x`",
    "STRIDES": "`strides`",
    "QUANTITY": "a number with a unit",
    "LAP": "`lap`",
    "UNTIL": "`until`",
    "HR": "`hr`",
    "PACE": "`pace`",
    "POWER": "`power`",
    "CADENCE": "`cadence`",
    "SPEED": "`speed`",
    "GRADE": "`grade`",
    "RESISTANCE": "`resistance`",
    "RECOVER": "`recover`",
    "ON": "`on`",
    "POOL": "`pool`",
    "EXERCISE_NAME": "an exercise name",
    "SWIM_WORD": "a swim stroke or equipment",
    "AT": "`@`",
    "STRING": "a quoted string",
    "_NL": "the end of the line",
    "NAME": "a word",
    "ZONE": "a zone like `z2`",
    "COMPARE": "`<`, `<=`, `>` or `>=`",
    "CLOCK": "a time like `4:00`",
    "DATE": "a date (YYYY-MM-DD)",
    "REST": "`rest`",
    "WORKOUT": "`workout`",
    "PLAN": "`plan`",
    "_INDENT": "an indented block",
    "_DEDENT": "the end of the block",
    "$END": "the end of the file",
    "MINUS": "`-`",
    "PLUS": "`+`",
    "SLASH": "`/`",
    "PACE_REFERENCE": "one of the athlete's paces (`easy`, `marathon`, `threshold`, `interval`, `repetition`)",
    "LEVEL_REFERENCE": "`lthr`, `reserve` or `ftp`",
}
# Keywords by terminal, for did-you-mean suggestions.
KEYWORDS = {
    "STEP_KIND": tuple(STEP_KEYWORDS),
    "STRIDES": ("strides",),
    "LAP": ("lap",),
    "UNTIL": ("until",),
    "HR": ("hr",),
    "PACE": ("pace",),
    "POWER": ("power",),
    "CADENCE": ("cadence",),
    "SPEED": ("speed",),
    "GRADE": ("grade",),
    "RESISTANCE": ("resistance",),
    "POOL": ("pool",),
    "SWIM_WORD": (*STROKE_WORDS, *EQUIPMENT_WORDS),
    "WORKOUT": ("workout",),
    "PLAN": ("plan",),
    "REST": ("rest",),
}
# Situations recognised by the set of terminals the parser would accept, most specific first.
EXPECTATIONS = (
    ({"QUANTITY", "LAP", "UNTIL"}, "a duration (like `30min`, `400m`, `1.5km`, `lap` or `until hr<120bpm`)"),
    (
        {"STEP_KIND", "REPEAT_COUNT"},
        "a step (`warmup`, `run`, `ride`, `swim`, `recover`, `rest`, `cooldown`, `strides`), "
        "a repeat like `5x`, or an exercise like `squat 3x10`",
    ),
    ({"ZONE", "QUANTITY", "COMPARE"}, "a zone or a range (like `z2`, `<z2`, `<=z2`, `140-150bpm`, `65-75%`)"),
    (
        {"HR", "PACE", "_NL"},
        "a target (`hr`, `pace`, `speed`, `power`, `cadence`), a swim stroke, a note in quotes or the end of the line",
    ),
    (
        {"WORKOUT", "PLAN", "NAME"},
        'a workout (`workout "NAME"`), a plan (`plan "NAME"`) or a one-line session like `easy 40min`',
    ),
    ({"DATE"}, "a dated entry like `2026-11-24 easy 40min`"),
    ({"CLOCK", "PACE_REFERENCE"}, "a pace like `4:00/km`, `3:50-4:00/km` or `threshold+10s`"),
    ({"CLOCK", "QUANTITY"}, "an offset like `10s`"),
    ({"CLOCK"}, "a pace like `4:00/km` or `3:50-4:00/km`"),
    ({"_INDENT"}, "an indented block"),
)
# What a line that must be followed by an indented block looks like.
BLOCK_OPENERS = (
    (re.compile(r"\s*\d+[xX]\s*(#.*)?$"), "a repeat needs an indented block of steps below it"),
    (
        re.compile(r'\s*(?ai:workout)\s+"[^"]*"(\s+[^\s\d#"]\S*)*\s*(#.*)?$'),
        "this workout needs an indented block of steps below it",
    ),
    (re.compile(r'\s*(?ai:plan)\s+"[^"]*"\s*(#.*)?$'), "this plan needs indented dated entries below it"),
)


def explain(failure: UnexpectedInput, text: str, path: str) -> Diagnostic:
    """The diagnostic for a parse failure of `text`."""
    expected = set(getattr(failure, "expected", None) or getattr(failure, "allowed", None) or ())
    if isinstance(failure, UnexpectedCharacters):
        return _bad_characters(failure, text, path, expected)
    token = getattr(failure, "token", None)
    rows = text.split("\n")
    if isinstance(failure, UnexpectedEOF) or token is None or token.type == "$END":
        end = len(rows)
        return _missing_block(rows, end, path) or input_error(
            "E001", path, Span.point(end, 1), f"the file ends where {_expected_text(expected)} should follow"
        )
    return _unexpected_token(token, expected, text, path)


def _unexpected_token(token: Token, expected: set, text: str, path: str) -> Diagnostic:
    rows = text.split("\n")
    assert token.line is not None, "Lark's tokens carry their positions"
    # A dedent sits at the end of the last line of its block; it belongs to the next one.
    missing = _missing_block(rows, token.line + (token.type == "_DEDENT"), path)
    if missing:
        return missing
    span = _token_span(token)
    if token.type == "_INDENT":
        return input_error(
            "E002",
            path,
            span,
            "unexpected indentation",
            "only the steps of a workout or repeat and the entries of a plan are indented",
        )
    found = DESCRIPTIONS.get(token.type) if token.type in ("_NL", "_DEDENT") else f"`{token.value}`"
    message = f"expected {_expected_text(expected)}, found {found}"
    assert token.column is not None, "Lark's tokens carry their positions"
    row = rows[token.line - 1] if token.line <= len(rows) else ""
    reading = recognise(row, token.column - 1, token.type, expected)
    if reading:
        return _read_as(reading, path, span, message)
    hint = None
    if token.type == "_NL" and expected >= {"QUANTITY", "LAP"}:
        message = "this step needs a duration"
        hint = "add one, like `30min`, `400m` or `lap`"
    elif token.type in ("NAME", "STEP_KIND", "QUANTITY"):
        hint = _detached_unit(token, text) or _suggest(token.value, expected)
    return input_error("E001", path, span, message, hint)


def _read_as(reading: Reading, path: str, span: Span, message: str) -> Diagnostic:
    """The diagnostic for a recognised notation: its hint, and its message and columns if it has them."""
    if reading.columns:
        start, end = reading.columns
        span = Span(span.line, start + 1, span.line, end + 1)
    return input_error("E001", path, span, reading.message or message, reading.hint)


def _detached_unit(token: Token, text: str) -> str | None:
    """`30 min`: a unit written apart from its number (in any case, but not an ambiguous `M`)."""
    before = re.search(r"(\d+(?:\.\d+)?)[ \t]+$", text[: token.start_pos or 0])
    word = folded(token.value)
    units = (*SECONDS, *METRES, *SPELLINGS, *(folded(unit) for unit in WRITTEN_UNITS.values()))
    if before and word in units and token.value not in AMBIGUOUS_UNITS:
        unit = written_unit(SPELLINGS.get(word, word))
        return f"write the number and its unit together: `{before.group(1)}{unit}`"
    return None


def _bad_characters(failure: UnexpectedCharacters, text: str, path: str, expected: set) -> Diagnostic:
    line, column, offset = failure.line, failure.column, failure.pos_in_stream
    assert offset is not None, "Lark says where the characters are"
    char = text[offset] if offset < len(text) else ""
    if char == '"':
        return input_error(
            "E001",
            path,
            Span(line, column, line, column + len(text[offset:].split("\n", 1)[0])),
            "unterminated string",
            'close it with `"` on the same line',
        )
    match = re.match(r'[^\s"#]+', text[offset:])
    word = match.group() if match else char
    span = Span(line, column, line, column + max(1, len(word)))
    message = f"expected {_expected_text(expected)}, found `{word}`"
    reading = recognise(text.split("\n")[line - 1], column - 1, "", expected) if char.isprintable() else None
    if reading:
        return _read_as(reading, path, span, message)
    if not char.isprintable() or char in "\t\r":
        return input_error(
            "E001",
            path,
            Span.point(line, column),
            f"unexpected character {char!r} (U+{ord(char):04X})",
            "workout files are plain text; remove it",
        )
    return input_error("E001", path, span, message, _suggest(word, expected))


def _missing_block(rows: list[str], line: int, path: str) -> Diagnostic | None:
    """A block opener (`5x`, a workout or plan header) whose next line is not deeper."""
    opener = next(
        (
            number
            for number in range(min(line, len(rows)) - 1, 0, -1)
            if rows[number - 1].strip() and not rows[number - 1].lstrip().startswith("#")
        ),
        None,
    )
    if opener is None:
        return None
    text = rows[opener - 1]
    current = rows[line - 1] if line <= len(rows) else ""
    if current.strip() and _indent(current) > _indent(text):
        return None
    for pattern, message in BLOCK_OPENERS:
        if pattern.match(text):
            start = _indent(text) + 1
            return input_error(
                "E001",
                path,
                Span(opener, start, opener, len(text.rstrip()) + 1),
                message,
                "indent the lines that belong to it",
            )
    return None


def _indent(row: str) -> int:
    return len(row) - len(row.lstrip(" \t"))


def _token_span(token: Token) -> Span:
    line, column = token.line, token.column
    if line is None or column is None:
        return Span.point(1, 1)
    if token.type == "_NL":
        return Span.point(line, column)
    return Span(line, column, token.end_line or line, token.end_column or column + max(1, len(token.value)))


def _expected_text(expected: set) -> str:
    for needed, description in EXPECTATIONS:
        if needed <= expected:
            return description
    names = sorted({DESCRIPTIONS.get(name, name) for name in expected})
    if not names:
        return "something else"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _suggest(word: str, expected: set) -> str | None:
    words = [keyword for name in expected for keyword in KEYWORDS.get(name, ()) if len(word) > 2 or len(keyword) > 2]
    match = closest(word, words)
    return f"did you mean `{match}`?" if match else None
