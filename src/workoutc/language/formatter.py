"""`workoutc fmt`: rewrite sources in one canonical layout, keeping every comment.

The layout: two spaces per block level, one space between words, none around
`<`, `-`, `+` and `/` (`hr<z2`, `140-150bpm`, `4x20s/45s`), two spaces before a trailing
comment, at most one blank line in a row, numbers without stray zeros, keywords, kinds,
zones and units in lower case (but `250W`), paces fastest first, the athlete's paces in
long words (`pace T+10s` is `pace threshold+10s`), quotes re-escaped. The tokens come from the
real grammar, so formatting works on the same structure the compiler sees; and the
result is compiled and compared with the original before anything is written.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from lark import Token, Tree

from ..model import Document
from ..units import folded, read_clock, written_unit
from .parse import parse
from .printer import workout_text
from .source import load_text
from .vocabulary import PACE_REFERENCE_OF, quote, unquote

BLOCKS = {"workout_block", "repeat", "repeat_until", "plan"}
TIGHT = {"COMPARE", "MINUS", "PLUS", "SLASH"}  # written without spaces around them
RANGES = {"range", "relative_range", "pace_relative"}  # where `%` or a unit is written once, at the end
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


class MeaningChanged(Exception):
    """The formatted text would compile differently: a formatter bug, never written."""


class NotFormattable(Exception):
    """The source has errors; fmt only rewrites files that compile."""

    def __init__(self, diagnostics):
        super().__init__(diagnostics[0].message)
        self.diagnostics = diagnostics


def meaning(text: str, path: str = "x.wkt") -> list[str] | None:
    """What a source compiles to, without positions: None when it does not compile."""
    document = load_text(text, path).document
    return None if document is None else _meaning(document)


def _meaning(document: Document) -> list[str]:
    plans = [f"{p.name}: " + "; ".join(f"{e.day} {e.at} {e.reference}" for e in p.entries) for p in document.plans]
    return [workout_text(w) for w in document.all_workouts()] + plans


def format_checked(text: str, path: str = "x.wkt") -> str:
    """format_source for a file that compiles, with proof the result means the same."""
    source = load_text(text, path)
    if source.document is None:
        raise NotFormattable(source.diagnostics)
    formatted = format_source(text)
    if formatted != text and meaning(formatted, path) != _meaning(source.document):
        raise MeaningChanged(f"{path}: formatting would change what the file compiles to; left as it is")
    return formatted


def format_source(text: str) -> str:
    """The canonical text of a source that parses (ParseFailure otherwise)."""
    parsed = parse(text)  # raises ParseFailure with a positioned diagnostic
    lines: dict[int, tuple[int, list[Token]]] = {}
    _collect(parsed.tree, 0, lines)
    comments = {comment.span.line: comment.text for comment in parsed.comments}
    rows = text.split("\n")
    out: list[str] = []
    content_lines = sorted(lines)
    for number in range(1, len(rows) + 1):
        if number in lines:
            depth, tokens = lines[number]
            line = "  " * depth + _join(tokens)
            if number in comments:
                line += "  " + comments[number]
            out.append(line)
        elif number in comments:
            # Bisected, not scanned: a file may have a comment before every content line.
            after = bisect_right(content_lines, number)
            depth = lines[content_lines[after]][0] if after < len(content_lines) else 0
            out.append("  " * depth + comments[number])
        elif out and out[-1] != "":
            out.append("")
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


def _collect(tree: Tree, depth: int, lines: dict) -> None:
    """Group tokens by source line with their block depth, normalising as they go."""
    _normalise(tree)
    inner = depth + 1 if tree.data in BLOCKS else depth
    for child in tree.children:
        if isinstance(child, Tree):
            _collect(child, inner, lines)
        elif child.type not in ("_NL", "_INDENT", "_DEDENT") and child.value:
            token = child
            if tree.data == "plan_entry" and child.type == "CLOCK":
                hours, minutes = child.value.split(":")
                token = child.update("TIME_OF_DAY", f"{int(hours):02d}:{minutes}")  # 07:00
            lines.setdefault(token.line, (depth, []))[1].append(token)


def _normalise(tree: Tree) -> None:
    tokens = [c for c in tree.children if isinstance(c, Token)]
    if tree.data == "pace_range":
        clocks = [t for t in tokens if t.type == "CLOCK"]
        if len(clocks) == 2 and read_clock(clocks[0]) > read_clock(clocks[1]):
            first, second = clocks
            index_a, index_b = tree.children.index(first), tree.children.index(second)
            tree.children[index_a], tree.children[index_b] = second, first
    elif tree.data in RANGES:
        quantities = [t for t in tokens if t.type == "QUANTITY"]
        if len(quantities) != 2:
            return
        low, high = quantities
        low_unit, high_unit = _unit(low), _unit(high)
        if low_unit and written_unit(low_unit) == written_unit(high_unit):
            tree.children[tree.children.index(low)] = low.update(value=low.value[: -len(low_unit)])


def _unit(token: Token) -> str:
    number = _NUMBER.match(token.value)
    return token.value[number.end() :] if number else ""


def _join(tokens: list[Token]) -> str:
    parts = []
    for previous, token in zip([None, *tokens], tokens, strict=False):
        glued = previous is not None and previous.type == "REPEAT_COUNT" and token.type == "QUANTITY"  # 10x100m
        if previous is not None and previous.type not in TIGHT and token.type not in TIGHT and not glued:
            parts.append(" ")
        parts.append(_spelling(token))
    return "".join(parts)  # joined once: a line may carry any number of targets


def _spelling(token: Token) -> str:
    """A token as fmt writes it: strings re-quoted, numbers tidied, every other word
    (keywords, kinds, zones, units, the `x` of a repeat) in lower case, watts as `W`."""
    if token.type == "STRING":
        return quote(unquote(token.value))
    if token.type in ("QUANTITY", "CLOCK", "REPEAT_COUNT"):
        return _NUMBER.sub(_tidy_number, _UNIT.sub(lambda m: written_unit(m.group()), token.value))
    if token.type == "PACE_REFERENCE":
        return PACE_REFERENCE_OF[folded(token.value)]  # the long word: `T` is `threshold`
    return folded(token.value)


_UNIT = re.compile(r"[A-Za-z%]+")


def _tidy_number(match: re.Match) -> str:
    """`01` -> `1`, `1.50` -> `1.5`, `2.0` -> `2`; the minutes of a clock keep their digits."""
    text = match.group()
    whole, _, fraction = text.partition(".")
    fraction = fraction.rstrip("0")
    start = match.start()
    if start > 0 and match.string[start - 1] == ":":
        return whole + (f".{fraction}" if fraction else "")  # clock seconds: keep two digits
    return str(int(whole)) + (f".{fraction}" if fraction else "")
