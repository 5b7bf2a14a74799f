"""Output formats for findings: one list of Diagnostics, four views of it.

Every view carries each finding's code, rule (or note) name, message and hint; JSON and
SARIF also say its kind (`diagnostics.kind_of`: input, rule or note), so a tool can
tell a rule's finding from a note about the run (N001) without knowing the codes.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from urllib.parse import quote

from .. import __version__
from ..check.rules import RULES, documentation
from ..diagnostics import INPUT_ERRORS, NOTES, Diagnostic, Severity, kind_of, render_text
from ..reporter import plural

FORMATS = ("text", "json", "github", "sarif")
GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def render(diagnostics: list[Diagnostic], fmt: str, source_text: Callable[[str], str | None]) -> str:
    """All findings of a run in one format (text without its summary line)."""
    if fmt == "json":
        return json.dumps([as_record(d) for d in diagnostics], indent=2, ensure_ascii=False) + "\n"
    if fmt == "github":
        return "".join(github_annotation(d) + "\n" for d in diagnostics)
    if fmt == "sarif":
        return json.dumps(sarif(diagnostics), indent=2, ensure_ascii=False) + "\n"
    return "".join(render_text(d, source_text(d.path)) + "\n" for d in diagnostics)


def as_record(d: Diagnostic) -> dict:
    return {
        "path": d.path,
        "line": d.span.line,
        "column": d.span.column,
        "end_line": d.span.end_line,
        "end_column": d.span.end_column,
        "severity": d.severity.value,
        "code": d.code,
        "rule": d.rule,
        "kind": kind_of(d.code),
        "message": d.message,
        "hint": d.hint,
    }


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(d: Diagnostic) -> str:
    """A GitHub Actions workflow command: `::warning file=...,line=...,col=...::...`."""
    message = f"{d.code} {d.message} ({d.rule})" + (f" hint: {d.hint}" if d.hint else "")
    return (
        f"::{GITHUB_LEVEL[d.severity]} file={_escape_property(d.path)},line={d.span.line},"
        f"col={d.span.column}::{_escape_data(message)}"
    )


def summary(diagnostics: list[Diagnostic], files: int) -> str:
    counts = {severity: sum(d.severity is severity for d in diagnostics) for severity in Severity}
    parts = [
        plural(counts[Severity.ERROR], "error"),
        plural(counts[Severity.WARNING], "warning"),
        f"{counts[Severity.INFO]} info",
    ]
    return f"{', '.join(parts)} in {plural(files, 'file')}"


def _rule_descriptors() -> list[dict]:
    descriptors = [
        {
            "id": code,
            "name": name,
            "shortDescription": {"text": f"input error: {name.replace('-', ' ')}"},
            "defaultConfiguration": {"level": "error"},
        }
        for code, name in INPUT_ERRORS.items()
    ]
    descriptors += [
        {
            "id": code,
            "name": name,
            "shortDescription": {"text": f"note: {name.replace('-', ' ')}"},
            "fullDescription": {"text": text},
            "help": {"text": text, "markdown": text},
            "defaultConfiguration": {"level": "note"},
        }
        for code, (name, text) in NOTES.items()
    ]
    for rule in RULES:
        descriptors.append(
            {
                "id": rule.ID,
                "name": rule.NAME,
                "shortDescription": {"text": rule.SUMMARY},
                "fullDescription": {"text": documentation(rule).split("\n\n", 1)[0].replace("\n", " ")},
                "help": {"text": documentation(rule), "markdown": documentation(rule)},
                "defaultConfiguration": {"level": SARIF_LEVEL[rule.SEVERITY]},
            }
        )
    return descriptors


def _uri(path: str) -> str:
    """A path as a SARIF artifact URI: forward slashes, everything else percent-encoded
    (a file name's bytes that are not UTF-8 too)."""
    return quote(path.replace("\\", "/").encode("utf-8", "surrogateescape"), safe="/")


def sarif(diagnostics: list[Diagnostic]) -> dict:
    descriptors = _rule_descriptors()
    index = {descriptor["id"]: number for number, descriptor in enumerate(descriptors)}
    results = []
    for d in diagnostics:
        message = d.message + (f" (hint: {d.hint})" if d.hint else "")
        results.append(
            {
                "ruleId": d.code,
                "ruleIndex": index[d.code],
                "level": SARIF_LEVEL[d.severity],
                "message": {"text": message},
                "properties": {"kind": kind_of(d.code), **({"hint": d.hint} if d.hint else {})},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": _uri(d.path)},
                            "region": {
                                "startLine": d.span.line,
                                "startColumn": d.span.column,
                                "endLine": d.span.end_line,
                                "endColumn": d.span.end_column,
                            },
                        }
                    }
                ],
            }
        )
    driver = {"name": "workoutc", "version": __version__, "rules": descriptors}
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [{"tool": {"driver": driver}, "results": results}]}
