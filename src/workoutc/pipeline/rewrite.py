"""Commands that write text files from other files: `decompile` (FIT -> .wkt) and `fmt`
(a .wkt file in its canonical layout), one file at a time.

Neither writes what it cannot stand behind: decompiled text that does not compile says
why at its top, and `fmt` rewrites a file only as that same file (through a symlink,
with its mode and hard links kept) and never one that is read-only."""

from __future__ import annotations

import difflib
import os
import stat
from pathlib import Path

from ..fit.decode import Decompiled, decompile
from ..fit.read import MAX_FILE_BYTES as MAX_FIT_BYTES
from ..fit.read import FitError
from ..language.printer import workout_text
from ..reporter import Reporter, io_error
from .inputs import read_limited
from .outputs import atomic_write, write_through

COULD_NOT = "# workoutc could not express: "


def decompiled_text(result: Decompiled, shown: str, banner: str = "") -> tuple[str, list[str]]:
    """The text to write for a decompiled workout, and why it does not compile (the
    compile errors; none when it compiles).

    The decoder leaves out what the language cannot say, but the text is compiled
    here too, so that nothing it missed is written silently: text that does not
    compile begins with a `# workoutc could not express: ...` line per loss and per
    error, before `banner` (comment lines) and the workout.
    """
    from ..language.source import load_text  # brings Lark, which a failed read does without

    body = workout_text(result.workout)
    loaded = load_text(body, f"{Path(shown).stem}.wkt")
    errors = [f"the text does not compile: {diagnostic.message}" for diagnostic in loaded.diagnostics]
    if not errors:
        return banner + body, []
    header = "".join(COULD_NOT + _one_line(problem) + "\n" for problem in [*result.losses, *errors])
    return header + banner + body, errors


def _one_line(text: str) -> str:
    return "".join(" " if ord(char) < 32 else char for char in text)


def decompile_file(name: str, outdir: Path | None, force: bool, reporter: Reporter) -> bool:
    """Decompile one file to standard output or into `outdir`; whether anything went wrong."""
    path = Path(name)
    try:
        data, size = read_limited(path, MAX_FIT_BYTES)
        if size > MAX_FIT_BYTES:
            raise FitError(f"the file is {size:,} bytes; a workout file is far smaller")
        result = decompile(data, path.stem)
    except OSError as error:
        raise io_error(f"{name}: cannot read", error) from None
    except FitError as error:
        reporter.note(f"{name}: error: {error}")
        return True
    text, errors = decompiled_text(result, name, f"# decompiled from {path.name}\n" if outdir is None else "")
    for problem in [*result.losses, *errors]:
        reporter.note(f"{name}: warning: {_one_line(problem)}")
    failed = bool(result.losses or errors)
    if outdir is None:
        reporter.write(text + "\n")
        return failed
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
    return failed


def format_file(shown: str, reporter: Reporter, *, check: bool, diff: bool) -> str:
    """Format one file in place, or with `check` or `diff` only say how it would change:
    "unchanged", "changed", "would change" or "failed"."""
    # Here, not at the top: they bring Lark, which decompile does without.
    from ..language.formatter import MeaningChanged, NotFormattable, format_checked
    from ..language.source import MAX_FILE_BYTES, decode

    path = Path(shown)
    try:
        raw, size = read_limited(path, MAX_FILE_BYTES)
    except OSError as error:
        raise io_error(f"{shown}: cannot read", error) from None
    text, problem = decode(raw, shown, size)
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
        reporter.remark(f"error: {error}")
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
        if _read_only(path):
            reporter.note(f"{shown}: cannot reformat a read-only file")
            return "failed"
        write_through(path, formatted.encode("utf-8"))
    except OSError as error:
        raise io_error(f"{shown}: cannot write", error) from None
    reporter.note(f"reformatted {shown}")
    return "changed"


def _read_only(path: Path) -> bool:
    """Whether the file (the one a symlink leads to) is not ours to write. Judged by its
    mode bits, not by a failed write: the rename that replaces it needs only the folder's
    permission, and root's writes are never refused."""
    info = os.stat(path)
    if not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        return True  # no one may write it
    if hasattr(os, "geteuid") and info.st_uid == os.geteuid():
        return not info.st_mode & stat.S_IWUSR
    return not os.access(path, os.W_OK)
