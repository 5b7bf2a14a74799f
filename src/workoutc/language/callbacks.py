"""How the Lowerer's rule methods run as the parser's callbacks.

Each rule method receives (span, *children): the span is worked out from the
children (tokens and lowered nodes carry positions). A meaning error raises
`LowerError`; the wrapper turns it into an `Invalid` marker, which poisons the
enclosing rules, so one file reports all of its independent errors at once and
yields nothing half-built.
"""

from __future__ import annotations

import re
from functools import partial

from lark import Token

from .. import units
from ..diagnostics import Span

NUMERIC_TOKENS = {"QUANTITY", "ZONE", "CLOCK", "REPEAT_COUNT", "DATE"}
LONG_NUMBER = re.compile(r"\d{13,}")  # no meaningful number has this many digits
NOT_RULES = {"start_file"}  # public methods of a lowerer that are not grammar rules


class LowerError(Exception):
    def __init__(self, span: Span, message: str, hint: str | None = None, code: str = "E004"):
        super().__init__(message)
        self.span, self.message, self.hint, self.code = span, message, hint, code


class Invalid:
    """Stands in for a subtree that failed to lower; carries its errors upwards."""

    __slots__ = ("errors",)

    def __init__(self, errors: list[LowerError]):
        self.errors = errors


def token_span(token: Token) -> Span:
    line, column, end_line, end_column = token.line, token.column, token.end_line, token.end_column
    assert line is not None and column is not None and end_line is not None and end_column is not None
    return Span(line, column, end_line, end_column)


def unit_error(token: Token, error: units.UnitError, code: str = "E004") -> LowerError:
    """A problem inside a token (an unknown unit is E003), pointing at the part to blame."""
    span = token_span(token)
    if error.length:
        span = span.sub(error.start, error.length)
    unknown = error.message.startswith("unknown")
    return LowerError(span, error.message, error.hint, "E003" if unknown else code)


def _edge(child, first: bool):
    """The (line, column) where `child` starts (first) or ends, if it knows."""
    kind = type(child)
    if kind is Token:
        return (child.line, child.column) if first else (child.end_line, child.end_column)
    if child is None:  # an optional part left out
        return None
    span = child if kind is Span else getattr(child, "span", None)
    if isinstance(span, Span):
        return (span.line, span.column) if first else (span.end_line, span.end_column)
    if isinstance(child, tuple):
        for part in child if first else reversed(child):
            edge = _edge(part, first)
            if edge is not None:
                return edge
    return None


def extent(children) -> Span:
    """The span of a rule from its children: tokens and lowered nodes carry positions."""
    start = end = None
    for child in children:
        start = _edge(child, True)
        if start is not None:
            break
    else:
        start = (1, 1)
    for child in reversed(children):
        end = _edge(child, False)
        if end is not None:
            break
    else:
        end = start
    return Span(start[0], start[1], end[0], end[1])


def _lower_rule(method, uses_span: bool, children):
    """Every rule method goes through here: a rule whose children failed fails too
    (carrying all their errors), a number too long to mean anything is an error before
    any arithmetic sees it, and a LowerError becomes Invalid."""
    for child in children:
        kind = type(child)
        if kind is Invalid:
            return Invalid([error for child in children if type(child) is Invalid for error in child.errors])
        if kind is Token and len(child) > 12 and child.type in NUMERIC_TOKENS and LONG_NUMBER.search(child):
            return Invalid([LowerError(token_span(child), f"`{shorten(child.value)}` is too large a number")])
    try:
        return method(extent(children) if uses_span else None, *children)
    except LowerError as error:
        return Invalid([error])


def spanless(method):
    """Marks a rule method that never reads its span, so none is worked out for it."""
    method.uses_span = False
    return method


def shorten(text: str, limit: int = 24) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


class Callbacks:
    """A lowerer's rule methods as the parser's callbacks (Lark looks each grammar rule
    up by name), each called with the children list straight away. Rules without a
    method (the start rule and the parser's own helper rules) become plain Trees."""

    def __init__(self, lowerer):
        methods = {name: function for cls in reversed(type(lowerer).__mro__) for name, function in vars(cls).items()}
        for name, function in methods.items():
            if callable(function) and not name.startswith("_") and name not in NOT_RULES:
                uses_span = getattr(function, "uses_span", True)
                setattr(self, name, partial(_lower_rule, function.__get__(lowerer), uses_span))
