"""The grammar, and the one place Lark parsers are built from it.

grammar/workout.lark is shipped as the package `workoutc.grammar`. Two parsers are
built from it, each once per process:

- the lowering parser (language/lower.py), which runs the Lowerer as its callbacks,
  so text becomes the model without a tree in between: what every command uses;
- the syntax parser (`syntax_parser`), which keeps every token in its tree: what
  `fmt` lays out again.

Building the tables takes most of a cold start, so Lark's own cache keeps them in the
user's cache folder, in a file named after the grammar and the options (Lark also
checks a hash stored inside, and rebuilds from a damaged file).
"""

from __future__ import annotations

import hashlib
import sys
from functools import cache
from importlib import resources

import lark

from ..user_cache import cache_folder
from .indentation import Comment, Indentation
from .lark_internals import make_lark


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
    folder = cache_folder()
    if folder is not None:
        key = hashlib.sha256(
            (grammar + repr(sorted(options.items())) + lark.__version__ + sys.version).encode()
        ).hexdigest()[:20]
        options["cache"] = str(folder / f"grammar-{key}.lark")
    return make_lark(grammar, postlex=Indentation(), transformer=transformer, **options)


@cache
def syntax_parser() -> lark.Lark:
    return build_parser(all_tokens=True)


def comments_of(parser: lark.Lark) -> tuple[Comment, ...]:
    """The comments of the text the parser read last (its post-lexer collects them)."""
    postlex = parser.options.postlex
    assert isinstance(postlex, Indentation)
    return tuple(postlex.comments)
