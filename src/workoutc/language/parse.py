"""Text -> Lark's result, with every failure a `ParseFailure` holding a positioned diagnostic.

Nothing here lets a Lark exception escape: undecodable bytes, a bad token and a bad
indent all become diagnostics (language/syntax_errors.py words them).
"""

from __future__ import annotations

from dataclasses import dataclass

from lark import Lark, Tree
from lark.exceptions import UnexpectedInput

from ..diagnostics import Diagnostic, input_error
from .grammar import comments_of, syntax_parser
from .indentation import Comment, IndentationFailure
from .lark_internals import drive
from .syntax_errors import explain


class ParseFailure(Exception):
    def __init__(self, diagnostic: Diagnostic):
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


@dataclass(frozen=True, slots=True)
class ParsedSource:
    tree: Tree  # every token kept
    comments: tuple[Comment, ...]


def parse(text: str, path: str = "<input>") -> ParsedSource:
    """The syntax tree of workout source text, every token kept (fmt lays it out)."""
    lark = syntax_parser()
    return ParsedSource(run_parser(lark, text, path), comments_of(lark))


def run_parser(lark: Lark, text: str, path: str, first_line: int = 1):
    """`lark.parse` with every failure turned into a ParseFailure (`first_line`: see `drive`;
    only for text known to parse, as error messages count lines from 1)."""
    # Trailing blank space would otherwise open an indented block at the end.
    text = text.rstrip() + "\n"
    try:
        return drive(lark, text, first_line)
    except IndentationFailure as failure:
        raise ParseFailure(input_error("E002", path, failure.span, failure.message, failure.hint)) from None
    except UnexpectedInput as failure:
        raise ParseFailure(explain(failure, text, path)) from None
