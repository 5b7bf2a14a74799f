"""The indentation post-lexer: leading whitespace -> _INDENT / _DEDENT tokens, and the
comments on the way (for inline suppressions and the formatter)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lark import Token
from lark.exceptions import LarkError

from ..diagnostics import Span

COMMENT_RE = re.compile(r"#[^\r\n]*")


@dataclass(frozen=True, slots=True)
class Comment:
    """A `# ...` comment; kept for inline suppressions and the formatter."""

    span: Span
    text: str


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
            assert last is not None, "a block opens on a token"
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
        """One newline token may hold every blank and comment line of a file, so each
        comment's line is counted on from the one before it, never from the token's start."""
        assert newline.line is not None and newline.column is not None
        value, line = newline.value, newline.line
        scanned, line_start = 0, -newline.column  # column = offset - line_start
        for match in COMMENT_RE.finditer(value):
            start = match.start()
            newlines = value.count("\n", scanned, start)
            if newlines:
                line += newlines
                line_start = value.rfind("\n", scanned, start)
            scanned, column, text = start, start - line_start, match.group()
            self.comments.append(Comment(Span(line, column, line, column + len(text)), text))


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
