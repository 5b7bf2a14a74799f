"""A faster drop-in for Lark's contextual lexer, plugged in through Lark's `_plugins`.

Lark's lexer makes several Python calls per token (lexer, scanner, line counter,
token constructor). This one runs Lark's own compiled patterns, for the same parser
states and in the same order, in a single loop, so it yields exactly the tokens
Lark's would (tests/test_fast_parse.py compares them). Anything unusual goes back to
Lark itself: a state whose terminals need more than one pattern or carry callbacks, and
any text no terminal matches, so syntax errors are reported exactly as before.
"""

from __future__ import annotations

from lark.lexer import ContextualLexer, Token

_UNPLANNED = object()


class FastContextualLexer(ContextualLexer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._plans: dict[int, tuple | None] = {}  # parser state -> how to lex in it (built on first use)

    def _plan(self, state: int) -> tuple | None:
        """(pattern, ignored types, types that may span lines) for a state, or None: Lark's way."""
        lexer = self.lexers[state]
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
