"""workoutc's lexer and parse loop (language/lark_internals.py) give exactly what Lark's
own would: the same trees, token positions, syntax errors and lowered documents."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from lark import Lark, Token, Tree
from lark.exceptions import LarkError

from workoutc.language.grammar import build_parser, grammar_text
from workoutc.language.indentation import Indentation
from workoutc.language.lark_internals import drive

EXAMPLES = sorted(Path("examples").rglob("*.wkt"))


@pytest.fixture(scope="module")
def parsers():
    ours = build_parser()
    lark = Lark(grammar_text(), parser="lalr", lexer="contextual", postlex=Indentation(), maybe_placeholders=True)
    assert type(ours.parser.lexer.lexer).__name__ == "FastContextualLexer"
    assert type(lark.parser.lexer.lexer).__name__ == "ContextualLexer"
    return ours, lark


def shape(node):
    """A tree with every token's type, text and full position spelled out."""
    if isinstance(node, Tree):
        return (node.data, [shape(child) for child in node.children])
    if isinstance(node, Token):
        return (
            node.type,
            node.value,
            node.start_pos,
            node.line,
            node.column,
            node.end_line,
            node.end_column,
            node.end_pos,
        )
    return node


def outcome(parser: Lark, text: str, run=Lark.parse):
    try:
        return shape(run(parser, text))
    except LarkError as error:  # what workoutc's messages are made of (Lark's own text orders a set)
        token = getattr(error, "token", None)
        return (
            type(error).__name__,
            getattr(error, "line", None),
            getattr(error, "column", None),
            shape(token),
            sorted(getattr(error, "expected", None) or getattr(error, "allowed", None) or ()),
            getattr(error, "char", None),
        )


def texts() -> list[str]:
    found = [path.read_text(encoding="utf-8") for path in EXAMPLES]
    assert len(found) > 10
    return found


def test_every_example_lexes_to_the_same_tokens(parsers):
    ours, lark = parsers
    for raw in texts():
        text = raw.rstrip() + "\n"
        assert outcome(ours, text, drive) == outcome(lark, text)


def test_a_generated_library_lexes_to_the_same_tokens(parsers, tmp_path):
    from benchmarks.library import write_library

    ours, lark = parsers
    for path in write_library(tmp_path, workouts=400, seed=5):
        text = path.read_text(encoding="utf-8").rstrip() + "\n"
        assert outcome(ours, text, drive) == outcome(lark, text)


def test_text_in_any_case_lexes_to_the_same_tokens(parsers):
    """Keywords, zones and units are read in any case: upper case, swapped case and the
    lookalikes that are not ASCII (the long s, the Kelvin sign) lex alike in both."""
    ours, lark = parsers
    for raw in texts():
        for variant in (raw.upper(), raw.swapcase(), raw.replace("s", "\u017f").replace("k", "\u212a")):
            text = variant.rstrip() + "\n"
            assert outcome(ours, text, drive) == outcome(lark, text), text


def test_broken_text_fails_with_the_same_error_at_the_same_place(parsers):
    ours, lark = parsers
    rng = random.Random(17)
    pieces = ["x", "\n", "  ", "\t", '"', "#", "-", "/", "<", "9", "z", ":", "min", "é", "\r\n", "5x", "strides"]
    checked = errors = 0
    for text in texts():
        for _ in range(60):
            at = rng.randrange(len(text) + 1)
            mutated = text[:at] + rng.choice(pieces) + text[at + rng.randrange(3) :]
            mutated = mutated.rstrip() + "\n"
            mine = outcome(ours, mutated, drive)
            assert mine == outcome(lark, mutated), mutated
            checked += 1
            errors += isinstance(mine[0], str) and mine[0].startswith("Unexpected")
    assert checked > 1000 and errors > 100  # the mutations do reach Lark's error paths


def test_states_handed_back_to_lark_mid_file_lex_the_same(parsers):
    """A state whose patterns workoutc's lexer cannot run hands the rest of the file to Lark."""
    from workoutc.language.lark_internals import FastContextualLexer

    _, lark = parsers
    ours = build_parser()
    lexer = ours.parser.lexer.lexer
    original, asked, handed = FastContextualLexer._plan, [], []

    def plan(state):  # every other state asked about (state numbers vary from build to build)
        asked.append(state)
        if len(asked) % 2:
            return original(lexer, state)
        handed.append(state)
        return None  # not remembered: asked again in the next file

    lexer._plan = plan
    for raw in texts():
        text = raw.rstrip() + "\n"
        assert outcome(ours, text, drive) == outcome(lark, text)
    assert len(handed) > 10 and lexer._plans  # both ways were taken


def test_a_lark_whose_insides_differ_is_parsed_by_lark_itself(parsers, monkeypatch):
    import workoutc.language.lark_internals as internals

    ours, lark = parsers
    monkeypatch.setattr(internals, "_Tables", lambda lark: (_ for _ in ()).throw(AttributeError("parser")))
    internals._tables.cache_clear()
    try:
        for raw in texts()[:3]:
            text = raw.rstrip() + "\n"
            assert outcome(ours, text, drive) == outcome(lark, text)
        assert internals._tables(ours) is None
    finally:
        internals._tables.cache_clear()


def test_a_lark_that_refuses_the_lexer_plugin_gets_its_own_lexer(monkeypatch):
    import lark as lark_module

    import workoutc.language.lark_internals as internals

    def refuse(grammar, **options):
        if "_plugins" in options:
            raise lark_module.exceptions.ConfigurationError("Unknown options: _plugins")
        return lark_module.Lark(grammar, **options)

    monkeypatch.setattr(internals, "Lark", refuse)
    parser = internals.make_lark(grammar_text(), parser="lalr", postlex=Indentation(), maybe_placeholders=True)
    assert type(parser.parser.lexer.lexer).__name__ == "ContextualLexer"
    assert shape(drive(parser, texts()[0].rstrip() + "\n")) == shape(parser.parse(texts()[0].rstrip() + "\n"))


def test_lowering_in_workoutcs_loop_equals_lowering_in_larks(monkeypatch):
    """The lowering parser's callbacks give the same documents and errors in either loop."""
    import workoutc.language.lark_internals as internals
    from workoutc.language.lower import lower_text
    from workoutc.language.parse import ParseFailure

    mutated = [text[:at] + "x" + text[at:] for text in texts() for at in (len(text) // 3, len(text) // 2)]
    cases = [*texts(), *mutated]

    def lowered():
        results: list = []
        for text in cases:
            try:
                results.append(lower_text(text, "x.wkt"))
            except ParseFailure as failure:  # compare what it says
                results.append(failure.diagnostic)
        return results

    ours = lowered()
    monkeypatch.setattr(internals, "_tables", lambda lark: None)  # Lark's own loop
    assert lowered() == ours
    assert any(result[0] is not None for result in ours if isinstance(result, tuple))
