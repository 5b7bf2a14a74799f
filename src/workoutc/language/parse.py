"""Text -> Lark tree with positions.

The grammar (grammar/workout.lark, shipped as the package workoutc.grammar) is parsed with
Lark's LALR tables, run by a lean loop of our own (`drive`) over a lean contextual
lexer (workoutc.lexer); both give exactly what Lark's own would. Indentation is
tracked here, in a post-lexer, and every failure (undecodable bytes, a bad token, a
bad indent) becomes a ``ParseFailure`` holding a ``Diagnostic`` with an exact
position: nothing in this module lets a Lark exception escape.
"""

from __future__ import annotations

import hashlib
import re
import sys
from dataclasses import dataclass
from functools import cache
from importlib import resources

import lark
from lark import Lark, Token, Tree
from lark.exceptions import LarkError, UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken
from lark.lexer import LexerState, TextSlice
from lark.parsers.lalr_analysis import Shift

from ..diagnostics import Diagnostic, Span, input_error
from ..pipeline.outputs import cache_folder
from ..suggest import closest
from .lark_internals import FastContextualLexer

COMMENT_RE = re.compile(r"#[^\r\n]*")


@dataclass(frozen=True, slots=True)
class Comment:
    """A `# ...` comment; kept for inline suppressions and the formatter."""

    span: Span
    text: str


@dataclass(frozen=True, slots=True)
class ParsedSource:
    tree: Tree
    comments: tuple[Comment, ...]


class ParseFailure(Exception):
    def __init__(self, diagnostic: Diagnostic):
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


class IndentationFailure(LarkError):
    def __init__(self, span: Span, message: str, hint: str):
        super().__init__(message)
        self.span, self.message, self.hint = span, message, hint


class Indentation:
    """Post-lexer turning leading whitespace into _INDENT/_DEDENT tokens.

    An indentation is compared as a string: a deeper line must start with its
    parent's exact indentation. So a file may indent with tabs or with spaces, but
    mixing them ambiguously is an error rather than a guess at a tab width.
    Comments are collected on the way, with their positions.
    """

    always_accept = ("_NL",)

    def __init__(self) -> None:
        self.comments: list[Comment] = []

    def process(self, stream):
        self.comments = []
        levels = [""]
        last = None
        for token in stream:
            if last is None and token.column > 1:
                raise IndentationFailure(
                    Span(token.line, 1, token.line, token.column),
                    "unexpected indentation",
                    "the first line of a workout, plan or session starts in column 1",
                )
            if token.type == "_NL":
                self._collect_comments(token)
                # Zero width, so a rule's span ends where its line's content does.
                token.end_line, token.end_column, token.end_pos = token.line, token.column, token.start_pos
            yield token
            last = token
            if token.type == "_NL":
                yield from self._indentation(token, levels)
        for _ in levels[1:]:
            yield _zero_width("_DEDENT", last)

    def _indentation(self, newline: Token, levels: list[str]):
        indent = newline.value.rsplit("\n", 1)[-1]
        line = newline.line + newline.value.count("\n")
        if indent == levels[-1]:
            return
        if indent.startswith(levels[-1]):
            levels.append(indent)
            yield Token("_INDENT", indent, line=line, column=1, end_line=line, end_column=len(indent) + 1)
            return
        tabs = "\t" in indent or any("\t" in level for level in levels)
        while len(levels) > 1 and not indent.startswith(levels[-1]):
            levels.pop()
            yield _zero_width("_DEDENT", newline)
        if indent != levels[-1]:
            span = Span(line, 1, line, len(indent) + 1)
            if tabs and " " in "".join(levels) + indent:
                raise IndentationFailure(
                    span,
                    "tabs and spaces are mixed in this indentation",
                    "indent with spaces only (or tabs only) throughout the file",
                )
            raise IndentationFailure(
                span, "this line's indentation matches no enclosing block", "line it up with the block it belongs to"
            )

    def _collect_comments(self, newline: Token) -> None:
        for match in COMMENT_RE.finditer(newline.value):
            before = newline.value[: match.start()]
            line = newline.line + before.count("\n")
            column = match.start() - before.rfind("\n") if "\n" in before else newline.column + match.start()
            self.comments.append(Comment(Span(line, column, line, column + len(match.group())), match.group()))


def _zero_width(kind: str, at: Token) -> Token:
    return Token(
        kind,
        "",
        start_pos=at.start_pos,
        line=at.line,
        column=at.column,
        end_line=at.line,
        end_column=at.column,
        end_pos=at.start_pos,
    )


def grammar_text() -> str:
    return resources.files("workoutc.grammar").joinpath("workout.lark").read_text(encoding="utf-8")


def build_parser(transformer=None, **options) -> Lark:
    """A Lark LALR parser for the grammar; its tables are cached between runs.

    Building the tables takes most of a cold start, so Lark's own cache keeps them in
    the user's cache folder, in a file named after the grammar and the options (Lark
    also checks a hash stored inside, and rebuilds from a damaged file).
    """
    grammar = grammar_text()
    options = {"parser": "lalr", "lexer": "contextual", **options}
    folder = cache_folder()
    if folder is not None:
        key = hashlib.sha256(
            (grammar + repr(sorted(options.items())) + lark.__version__ + sys.version).encode()
        ).hexdigest()[:20]
        options["cache"] = str(folder / f"grammar-{key}.lark")
    return Lark(
        grammar,
        postlex=Indentation(),
        transformer=transformer,
        _plugins={"ContextualLexer": FastContextualLexer},
        **options,
    )


@cache
def parser() -> Lark:
    return build_parser(maybe_placeholders=True)


def parse(text: str, path: str = "<input>") -> ParsedSource:
    """Parse workout source text into a tree; raise ParseFailure with a positioned diagnostic."""
    lark = parser()
    return ParsedSource(run_parser(lark, text, path), tuple(lark.options.postlex.comments))


def run_parser(lark: Lark, text: str, path: str):
    """`lark.parse` with every failure turned into a ParseFailure."""
    # Trailing blank space would otherwise open an indented block at the end.
    text = text.rstrip() + "\n"
    try:
        return drive(lark, text)
    except IndentationFailure as failure:
        raise ParseFailure(input_error("E002", path, failure.span, failure.message, failure.hint)) from None
    except UnexpectedInput as failure:
        raise ParseFailure(_explain(failure, text, path)) from None


class _Tables:
    """A Lark LALR parser's tables, rearranged for `drive`: per state, each terminal's
    action as (True, next state) for a shift or (False, size, callback, rule name) for a
    reduction, so no Rule object is hashed or compared while parsing."""

    def __init__(self, lark: Lark):
        frontend = lark.parser
        table, callbacks = frontend.parser.parser.parse_table, frontend.parser.parser.callbacks
        if any(isinstance(key, str) for key in callbacks):
            raise TypeError("terminal callbacks are not supported")  # workoutc's grammar has none
        self.actions = {
            state: {
                symbol: (True, arg) if action is Shift else (False, len(arg.expansion), callbacks[arg], arg.origin.name)
                for symbol, (action, arg) in row.items()
            }
            for state, row in table.states.items()
        }
        self.start, self.end = table.start_states["start"], table.end_states["start"]
        self.lexer = frontend.lexer  # the contextual lexer, then the indentation post-lexer


class _Position:
    """What the contextual lexer asks of the parser: the state it is in."""

    __slots__ = ("stack",)

    def __init__(self, stack: list):
        self.stack = stack

    @property
    def position(self) -> int:
        return self.stack[-1]


@cache
def _tables(lark: Lark) -> _Tables | None:
    try:
        return _Tables(lark)
    except (AttributeError, KeyError, TypeError):
        return None  # Lark's insides are not what this was written against: Lark's own loop


def drive(lark: Lark, text: str):
    """`lark.parse(text)` for an LALR parser, in one loop: the same tables, callbacks,
    lexer and errors as Lark's own loop (tests/test_fast_parse.py compares them), without a
    method call and two Rule comparisons per token."""
    tables = _tables(lark)
    if tables is None:
        return lark.parse(text)
    actions, end = tables.actions, tables.end
    states, values = [tables.start], []
    token = None
    for token in tables.lexer.lex(LexerState(TextSlice.cast_from(text)), _Position(states)):
        while True:
            action = actions[states[-1]].get(token.type)
            if action is None:
                raise _unexpected(token, states[-1], actions)
            if action[0]:
                states.append(action[1])
                values.append(token)
                break
            _reduce(action, states, values, actions)
    token = Token.new_borrow_pos("$END", "", token) if token else Token("$END", "", 0, 1, 1)
    while True:
        action = actions[states[-1]].get("$END")
        if action is None or action[0]:
            raise _unexpected(token, states[-1], actions)
        _reduce(action, states, values, actions)
        if states[-1] == end:
            return values[-1]


def _unexpected(token: Token, state: int, actions: dict) -> UnexpectedToken:
    return UnexpectedToken(token, {symbol for symbol in actions[state] if symbol.isupper()}, state=state)


def _reduce(action: tuple, states: list, values: list, actions: dict) -> None:
    _, size, callback, name = action
    if size:
        children = values[-size:]
        del states[-size:], values[-size:]
    else:
        children = []
    values.append(callback(children))
    states.append(actions[states[-1]][name][1])


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
    "SLASH": "`/`",
}
# Keywords by terminal, for did-you-mean suggestions.
KEYWORDS = {
    "STEP_KIND": ("warmup", "run", "ride", "recover", "rest", "cooldown"),
    "STRIDES": ("strides",),
    "LAP": ("lap",),
    "UNTIL": ("until",),
    "HR": ("hr",),
    "PACE": ("pace",),
    "POWER": ("power",),
    "CADENCE": ("cadence",),
    "WORKOUT": ("workout",),
    "PLAN": ("plan",),
    "REST": ("rest",),
}
# Situations recognised by the set of terminals the parser would accept, most specific first.
EXPECTATIONS = (
    ({"QUANTITY", "LAP", "UNTIL"}, "a duration (like `30min`, `400m`, `1.5km`, `lap` or `until hr<120bpm`)"),
    (
        {"STEP_KIND", "REPEAT_COUNT"},
        "a step (`warmup`, `run`, `recover`, `rest`, `cooldown`, `strides`) or a repeat like `5x`",
    ),
    ({"ZONE", "QUANTITY", "COMPARE"}, "a zone or a range (like `z2`, `<z2`, `<=z2`, `140-150bpm`, `65-75%`)"),
    ({"HR", "PACE", "_NL"}, "a target (`hr`, `pace`, `power`, `cadence`), a note in quotes or the end of the line"),
    (
        {"WORKOUT", "PLAN", "NAME"},
        'a workout (`workout "NAME"`), a plan (`plan "NAME"`) or a one-line session like `easy 40min`',
    ),
    ({"DATE"}, "a dated entry like `2026-11-24 easy 40min`"),
    ({"CLOCK"}, "a pace like `4:00/km` or `3:50-4:00/km`"),
    ({"_INDENT"}, "an indented block"),
)
# What a line that must be followed by an indented block looks like.
BLOCK_OPENERS = (
    (re.compile(r"\s*\d+x\s*(#.*)?$"), "a repeat needs an indented block of steps below it"),
    (
        re.compile(r'\s*workout\s+"[^"]*"(\s+[^\s\d#"]\S*)*\s*(#.*)?$'),
        "this workout needs an indented block of steps below it",
    ),
    (re.compile(r'\s*plan\s+"[^"]*"\s*(#.*)?$'), "this plan needs indented dated entries below it"),
)


def _explain(failure: UnexpectedInput, text: str, path: str) -> Diagnostic:
    expected = set(getattr(failure, "expected", None) or getattr(failure, "allowed", None) or ())
    if isinstance(failure, UnexpectedCharacters):
        return _bad_characters(failure, text, path, expected)
    token = getattr(failure, "token", None)
    at_end = isinstance(failure, UnexpectedEOF) or token is None or token.type == "$END"
    rows = text.split("\n")
    # A dedent sits at the end of the last line of its block; it belongs to the next one.
    line = len(rows) if at_end else token.line + (token.type == "_DEDENT")
    missing = _missing_block(rows, line, path)
    if missing:
        return missing
    if at_end:
        return input_error(
            "E001", path, Span.point(line, 1), f"the file ends where {_expected_text(expected)} should follow"
        )
    span = _token_span(token, text)
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
    hint = None
    if token.type == "_NL" and expected >= {"QUANTITY", "LAP"}:
        message = "this step needs a duration"
        hint = "add one, like `30min`, `400m` or `lap`"
    elif token.type in ("NAME", "STEP_KIND", "QUANTITY"):
        hint = _detached_unit(token, text) or _suggest(token.value, expected)
    return input_error("E001", path, span, message, hint)


def _detached_unit(token: Token, text: str) -> str | None:
    """`30 min`: a unit written apart from its number."""
    from ..units import METRES, SECONDS, SPELLINGS

    before = re.search(r"(\d+(?:\.\d+)?)[ \t]+$", text[: token.start_pos])
    unit = SPELLINGS.get(token.value, token.value)
    if before and token.value in (*SECONDS, *METRES, *SPELLINGS, "bpm", "spm", "rpm", "W"):
        return f"write the number and its unit together: `{before.group(1)}{unit}`"
    return None


def _bad_characters(failure: UnexpectedCharacters, text: str, path: str, expected: set) -> Diagnostic:
    line, column, offset = failure.line, failure.column, failure.pos_in_stream
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
    if not char.isprintable() or char in "\t\r":
        return input_error(
            "E001",
            path,
            Span.point(line, column),
            f"unexpected character {char!r} (U+{ord(char):04X})",
            "workout files are plain text; remove it",
        )
    return input_error(
        "E001", path, span, f"expected {_expected_text(expected)}, found `{word}`", _suggest(word, expected)
    )


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


def _token_span(token: Token, text: str) -> Span:
    if token.type == "_NL":
        return Span.point(token.line, token.column)
    if token.line is None:
        return Span.point(1, 1)
    return Span(
        token.line,
        token.column,
        token.end_line or token.line,
        token.end_column or token.column + max(1, len(token.value)),
    )


def _expected_text(expected: set) -> str:
    for needed, description in EXPECTATIONS:
        if needed <= expected:
            return description
    names = sorted({DESCRIPTIONS.get(name, name) for name in expected})
    if not names:
        return "something else"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _suggest(word: str, expected: set) -> str | None:
    words = [keyword for name in expected for keyword in KEYWORDS.get(name, ())]
    match = closest(word, words)
    return f"did you mean `{match}`?" if match else None
