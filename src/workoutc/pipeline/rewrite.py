"""Commands that write text files from other files: `decompile` (FIT -> .wkt) and `fmt`
(a .wkt file in its canonical layout), one file at a time."""

from __future__ import annotations

import difflib
from pathlib import Path

from ..fit.decode import decompile
from ..fit.read import FitError
from ..language.printer import workout_text
from ..reporter import Reporter, io_error
from .outputs import atomic_write


def decompile_file(name: str, outdir: Path | None, force: bool, reporter: Reporter) -> bool:
    """Decompile one file to standard output or into `outdir`; whether anything went wrong."""
    path = Path(name)
    try:
        result = decompile(path.read_bytes(), path.stem)
    except OSError as error:
        raise io_error(f"{name}: cannot read", error) from None
    except FitError as error:
        reporter.note(f"{name}: error: {error}")
        return True
    for loss in result.losses:
        reporter.note(f"{name}: warning: {loss}")
    text = workout_text(result.workout)
    if outdir is None:
        reporter.write(f"# decompiled from {path.name}\n{text}\n")
        return bool(result.losses)
    target = outdir / f"{path.stem}.wkt"
    data = text.encode("utf-8")
    if target.exists() and target.read_bytes() != data and not force:
        reporter.note(f"{name}: error: {target} exists and differs; pass --force to replace it")
        return True
    try:
        atomic_write(target, data)
    except OSError as error:
        raise io_error(f"{target}: cannot write", error) from None
    reporter.result(f"{name} -> {target}")
    return bool(result.losses)


def format_file(shown: str, reporter: Reporter, *, check: bool, diff: bool) -> str:
    """Format one file in place, or with `check` or `diff` only say how it would change:
    "unchanged", "changed", "would change" or "failed"."""
    # Here, not at the top: they bring Lark, which decompile does without.
    from ..language.formatter import MeaningChanged, NotFormattable, format_checked
    from ..language.source import decode

    path = Path(shown)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise io_error(f"{shown}: cannot read", error) from None
    text, problem = decode(raw, shown)
    try:
        if problem:
            raise NotFormattable([problem])
        assert text is not None
        formatted = format_checked(text, shown)
    except NotFormattable as failure:
        for diagnostic in failure.diagnostics:
            reporter.diagnostic(diagnostic, text)
        return "failed"
    except MeaningChanged as error:
        reporter.fatal(f"error: {error}")
        return "failed"
    if formatted.encode("utf-8") == raw:
        return "unchanged"
    if diff:
        lines = difflib.unified_diff(text.splitlines(True), formatted.splitlines(True), shown, f"{shown} (formatted)")
        reporter.write("".join(lines))
    if check:
        reporter.note(f"would reformat {shown}")
        return "would change"
    if diff:
        return "would change"
    try:
        atomic_write(path, formatted.encode("utf-8"))
    except OSError as error:
        raise io_error(f"{shown}: cannot write", error) from None
    reporter.note(f"reformatted {shown}")
    return "changed"
