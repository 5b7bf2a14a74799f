"""Diagnostics: one record type for every problem workoutc reports.

Parse and meaning errors, checker findings and device limits are all `Diagnostic`s,
so every output format (text, JSON, GitHub annotations, SARIF) is a view of the
same list.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A source range; lines and columns count from 1, end_column is exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def point(cls, line: int, column: int) -> Span:
        return cls(line, column, line, column + 1)

    def sub(self, start: int, length: int) -> Span:
        """The part of a one-line span starting `start` characters in."""
        column = self.column + start
        return Span(self.line, column, self.line, column + max(length, 1))


# Errors in the input itself (as opposed to checker rules): code -> name.
INPUT_ERRORS = {
    "E001": "syntax",
    "E002": "indentation",
    "E003": "unknown-word",
    "E004": "invalid-value",
    "E005": "duplicate-name",
    "E006": "unknown-workout",
    "E007": "unreadable-file",
    "E008": "empty-file",
    "E009": "missing-profile-value",
}

# Notes about the run rather than a line: not rule findings, never suppressed, never
# failing a run (info). Code -> (name, what it says, for `workoutc explain` and SARIF).
NOTES = {
    "N001": (
        "incomplete-profile",
        "A rule needed a value of the athlete profile that is not set (athlete.max_hr, "
        "athlete.easy_pace ...), so it skipped the part of its checks that needs it. The "
        "run says so once per missing value, where a rule first needed it, naming every "
        "rule it held back; the hint gives the key to add to workoutc.toml. It is a note "
        "about the profile, not a finding on a line: a `# workoutc: disable=...` comment "
        "does not silence it and `[rules]` cannot disable it or change its severity. Set "
        "the value (a race result gives every pace), or disable the rules it names.",
    ),
}


def kind_of(code: str) -> str:
    """What a code is: `input` (an error in the input itself, E001-E009), `note` (N001:
    about the run, not a line) or `rule` (a rule's finding)."""
    return "input" if code in INPUT_ERRORS else "note" if code in NOTES else "rule"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    path: str
    span: Span
    severity: Severity
    code: str
    rule: str
    message: str
    hint: str | None = None

    @property
    def sort_key(self):
        return (self.path, self.span, self.code, self.message)


@dataclass(frozen=True, slots=True)
class Problem:
    """What a rule reports; the checker turns it into a Diagnostic."""

    span: Span
    message: str
    hint: str | None = None
    severity: Severity | None = None  # only for rules whose findings vary in severity


def input_error(code: str, path: str, span: Span, message: str, hint: str | None = None) -> Diagnostic:
    return Diagnostic(path, span, Severity.ERROR, code, INPUT_ERRORS[code], message, hint)


def render_text(diagnostic: Diagnostic, source: str | None) -> str:
    """Compiler-style text: `path:line:col: warning R101 message (recovery-too-long)`,
    then for an error the line and a caret, then a hint. Input errors read the same
    way, with their E-code and name: `error E004 ... (invalid-value)`.
    """
    d = diagnostic
    lines = [f"{d.path}:{d.span.line}:{d.span.column}: {d.severity.value} {d.code} {d.message} ({d.rule})"]
    if source is not None and d.severity is Severity.ERROR:
        lines.extend(_excerpt(d.span, source))
    if d.hint:
        lines.append(f"  hint: {d.hint}")
    return "\n".join(lines)


_split: list = [None, []]  # the source split last, and its lines: a file's findings come one after another


def _excerpt(span: Span, source: str) -> list[str]:
    if _split[0] is not source:
        _split[:] = [source, source.splitlines()]
    rows = _split[1]
    if not 1 <= span.line <= len(rows):
        return []
    text = rows[span.line - 1].replace("\t", " ")
    number = str(span.line)
    gutter = " " * len(number)
    start = min(span.column - 1, len(text))
    end = span.end_column - 1 if span.end_line == span.line else len(text)
    width = max(1, min(end, max(len(text), start + 1)) - start)
    return [f" {number} | {text}", f" {gutter} | {' ' * start}{'^' * width}"]
