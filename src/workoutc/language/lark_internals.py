"""Every use of Lark's private insides, each with its fallback to plain Lark.

Two speed-ups run Lark's own tables and patterns with fewer Python calls per token:

- `FastContextualLexer`, a drop-in for Lark's contextual lexer (plugged in through
  Lark's `_plugins` option), runs Lark's compiled patterns for the same parser
  states in a single loop. A state whose terminals need more than one pattern or
  carry callbacks, and any text no terminal matches, go back to Lark's own lexer, so
  syntax errors are Lark's own.
- `drive` runs Lark's LALR tables (`parse_table`, `callbacks`) in one loop, with no
  method call and no Rule comparison per token.

Both give exactly what Lark's own would (tests/language/test_fast_parse.py compares
tokens, trees and errors). If Lark's insides are not what this was written against
(a missing attribute, an option Lark does not know), plain Lark does the work.
"""

from __future__ import annotations

import io
import pickle
from functools import cache
from typing import Any

from lark import Lark, Token
from lark.exceptions import ConfigurationError, UnexpectedToken
from lark.lexer import ContextualLexer, LexerState, TextSlice
from lark.parsers.lalr_analysis import Shift

_UNPLANNED: Any = object()  # a state not planned yet (None is a state Lark lexes)


class FastContextualLexer(ContextualLexer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._plans: dict[int, tuple | None] = {}  # parser state -> how to lex in it (built on first use)

    def _plan(self, state: int) -> tuple | None:
        """(pattern, ignored types, types that may span lines) for a state, or None: Lark's way."""
        lexer: Any = self.lexers[state]  # a BasicLexer, whose attributes the typed interface lacks
        scanner = lexer.scanner  # also builds the lexer's callbacks
        patterns = getattr(scanner, "_mres", None)  # Lark's internals: if they change, Lark's way
        plan = (
            None
            if not isinstance(patterns, list) or len(patterns) != 1 or lexer.callback
            else (patterns[0], lexer.ignore_types, lexer.newline_types)
        )
        self._plans[state] = plan
        return plan

    def lex(self, lexer_state, parser_state):
        text, end = getattr(lexer_state.text, "text", None), getattr(lexer_state.text, "end", None)
        if not isinstance(text, str) or end is None:
            yield from super().lex(lexer_state, parser_state)  # not the Lark this was written against
            return
        counter = lexer_state.line_ctr
        pos, line, line_start = counter.char_pos, counter.line, counter.line_start_pos
        plans = self._plans
        while pos < end:
            state = parser_state.position  # the parser moves on between tokens
            plan = plans.get(state, _UNPLANNED)
            if plan is _UNPLANNED:
                plan = self._plan(state)
            if plan is None:
                break
            pattern, ignored, multiline = plan
            match = pattern.match(text, pos, end)
            if match is None:
                break  # Lark raises the error, with its own message
            kind, value, after = match.lastgroup, match.group(), match.end()
            end_line, end_line_start = line, line_start
            if kind in multiline:
                newlines = value.count("\n")
                if newlines:
                    end_line, end_line_start = line + newlines, pos + value.rindex("\n") + 1
            if kind not in ignored:
                token = Token(kind, value, pos, line, pos - line_start + 1, end_line, after - end_line_start + 1, after)
                lexer_state.last_token = token
                yield token
            pos, line, line_start = after, end_line, end_line_start
        counter.char_pos, counter.line, counter.line_start_pos = pos, line, line_start
        counter.column = pos - line_start + 1
        yield from super().lex(lexer_state, parser_state)  # the rest, if any, Lark's way


PLUGINS = {"ContextualLexer": FastContextualLexer}
# Options that are objects of this process, not part of the tables: given again on loading.
LIVE_OPTIONS = ("postlex", "transformer", "lexer_callbacks", "_plugins")


def make_lark(grammar: str, **options) -> Lark:
    """A Lark parser with workoutc's lexer plugged in, or Lark's own if it refuses the plugin."""
    try:
        return Lark(grammar, _plugins=PLUGINS, **options)
    except ConfigurationError:
        return Lark(grammar, **options)


def save_tables(parser: Lark) -> bytes | None:
    """A parser's tables as bytes (Lark's own serialisation), or None if Lark cannot."""
    buffer = io.BytesIO()
    try:
        parser.save(buffer, exclude_options=LIVE_OPTIONS)
    except Exception:  # not the Lark this was written against: no cache
        return None
    return buffer.getvalue()


def load_tables(data: bytes, **live_options) -> Lark | None:
    """A parser from saved tables and this process's live options, or None if they do
    not load. Only for bytes whose origin is verified: they are unpickled."""
    try:
        return Lark.__new__(Lark)._load(pickle.loads(data), _plugins=PLUGINS, **live_options)
    except Exception:  # damaged, or from another Lark: build the tables again
        return None


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


def drive(lark: Lark, text: str, first_line: int = 1):
    """`lark.parse(text)` for an LALR parser, in one loop: the same tables, callbacks,
    lexer and errors as Lark's own loop (tests/language/test_fast_parse.py compares them), without a
    method call and two Rule comparisons per token. The text's lines count from
    `first_line` (a piece of a file keeps its positions)."""
    tables = _tables(lark)
    if tables is None:
        return lark.parse("\n" * (first_line - 1) + text)
    actions, end = tables.actions, tables.end
    states, values = [tables.start], []
    token = None
    lexer_state = LexerState(TextSlice.cast_from(text))
    lexer_state.line_ctr.line = first_line
    for token in tables.lexer.lex(lexer_state, _Position(states)):
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
