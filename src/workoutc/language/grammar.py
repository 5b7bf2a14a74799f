"""The grammar, and the one place Lark parsers are built from it.

grammar/workout.lark is shipped as the package `workoutc.grammar`. Two parsers are
built from it, each once per process:

- the lowering parser (language/lower.py), which runs the Lowerer as its callbacks,
  so text becomes the model without a tree in between: what every command uses;
- the syntax parser (`syntax_parser`), which keeps every token in its tree: what
  `fmt` lays out again.

Building the tables takes most of a cold start, so they are kept in the user's cache
folder, sealed (user_cache.py: nothing is unpickled before its seal is verified), in a
file named after the grammar, the options and the versions of Lark and Python.
"""

from __future__ import annotations

import contextlib
import hashlib
import sys
from functools import cache
from importlib import resources
from pathlib import Path

import lark

from ..pipeline.outputs import atomic_write
from ..user_cache import cache_folder, read_sealed, seal
from .indentation import Comment, Indentation
from .lark_internals import load_tables, make_lark, save_tables


def grammar_text() -> str:
    return resources.files("workoutc.grammar").joinpath("workout.lark").read_text(encoding="utf-8")


def build_parser(transformer=None, *, all_tokens: bool = False) -> lark.Lark:
    """An LALR parser for the grammar, with the indentation post-lexer; with a
    `transformer`, its methods run as the rules' callbacks; with `all_tokens`, the tree
    keeps every token (punctuation included) and no placeholders for absent parts."""
    grammar = grammar_text()
    options: dict = {"parser": "lalr", "lexer": "contextual", "maybe_placeholders": not all_tokens}
    if all_tokens:
        options["keep_all_tokens"] = True
    path = _tables_path(grammar, options)
    saved = read_sealed(path) if path is not None else None
    if saved is not None:
        parser = load_tables(saved, postlex=Indentation(), transformer=transformer)
        if parser is not None:
            return parser
    parser = make_lark(grammar, postlex=Indentation(), transformer=transformer, **options)
    tables = save_tables(parser) if path is not None else None
    sealed = seal(tables) if tables is not None else None
    if path is not None and sealed is not None:
        with contextlib.suppress(OSError):  # no cache just means building the tables next time
            atomic_write(path, sealed)
    return parser


def _tables_path(grammar: str, options: dict) -> Path | None:
    folder = cache_folder()
    if folder is None:
        return None
    identity = grammar + repr(sorted(options.items())) + lark.__version__ + sys.version
    return folder / f"tables-{hashlib.sha256(identity.encode()).hexdigest()[:20]}"


@cache
def syntax_parser() -> lark.Lark:
    return build_parser(all_tokens=True)


def comments_of(parser: lark.Lark) -> tuple[Comment, ...]:
    """The comments of the text the parser read last (its post-lexer collects them)."""
    postlex = parser.options.postlex
    assert isinstance(postlex, Indentation)
    return tuple(postlex.comments)
