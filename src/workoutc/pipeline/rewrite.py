"""Commands that write text files from other files: `decompile` (FIT -> .wkt) and `fmt`
(a .wkt file in its canonical layout).

Neither writes what it cannot stand behind: decompiled text that does not compile says
why at its top, and `fmt` rewrites a file only as that same file (through a symlink,
with its mode and hard links kept) and never one that is read-only. `decompile` reads
its whole batch before it writes: a schedule names its workouts only by their files'
identity, so a plan can name the workouts decompiled with it."""

from __future__ import annotations

import difflib
import os
import stat
from pathlib import Path

from ..fit.decode import Decompiled, NotAWorkout, decompile_any
from ..fit.read import MAX_FILE_BYTES as MAX_FIT_BYTES
from ..fit.read import FitError
from ..fit.schedule import DecompiledSchedule, WorkoutNames, schedule_plan
from ..language.printer import plan_text, workout_text
from ..model import truncate_utf8
from ..names import readable
from ..reporter import Reporter, io_error
from .inputs import read_limited
from .outputs import atomic_write, write_through

COULD_NOT = "# workoutc could not express: "
SCHEDULE_STEM = ".schedule"  # compile writes a plan's schedule as PLAN.schedule.fit
MAX_NAME_BYTES = 254  # a name in the language


def decompiled_text(result: Decompiled, shown: str, banner: str = "") -> tuple[str, list[str]]:
    """The text to write for a decompiled workout, and why it does not compile (the
    compile errors; none when it compiles).

    The decoder leaves out what the language cannot say, and names each: the text
    begins with a `# workoutc could not express: ...` line per loss, before `banner`
    (comment lines) and the workout. The text is compiled here too, so that nothing
    the decoder missed is written silently: each compile error heads it the same way.
    """
    return _checked(workout_text(result.workout), result.losses, shown, banner, always=True)


def decompiled_plan(
    schedule: DecompiledSchedule, shown: str, names: WorkoutNames, banner: str = ""
) -> tuple[str, list[str]]:
    """The text to write for a decompiled schedule, a plan named after its file, and
    every problem: its losses (sessions left out among them) and compile errors.

    A plan's losses head its text even when it compiles: a plan that lacks a session
    looks whole otherwise."""
    plan, losses = schedule_plan(schedule, plan_name(shown), names)
    text, errors = _checked(plan_text(plan), losses, shown, banner, always=True)
    return text, [*losses, *errors]


def plan_name(shown: str) -> str:
    """The plan's name from its schedule file's: `base-week-3.schedule.fit` gives
    `base-week-3`, which compile writes as base-week-3.schedule.fit again."""
    stem = readable(Path(shown).name)
    for suffix in (".fit", SCHEDULE_STEM):
        if stem.lower().endswith(suffix) and len(stem) > len(suffix):
            stem = stem[: -len(suffix)]
    return truncate_utf8(_one_line(stem), MAX_NAME_BYTES).strip() or "plan"


def _checked(body: str, losses: list[str], shown: str, banner: str, *, always: bool) -> tuple[str, list[str]]:
    """`body` after `banner`, headed by a COULD_NOT line per loss and compile error when
    it does not compile (or, `always`, when anything was lost); and the compile errors."""
    from ..language.source import load_text  # brings Lark, which a failed read does without

    loaded = load_text(body, f"{Path(shown).stem}.wkt")
    errors = [f"the text does not compile: {diagnostic.message}" for diagnostic in loaded.diagnostics]
    if not errors and not (always and losses):
        return banner + body, []
    header = "".join(COULD_NOT + _one_line(problem) + "\n" for problem in [*losses, *errors])
    return header + banner + body, errors


def _one_line(text: str) -> str:
    return "".join(" " if ord(char) < 32 else char for char in text)


def decompile_files(inputs: list[tuple[str, bool]], outdir: Path | None, force: bool, reporter: Reporter) -> bool:
    """Decompile FIT files, each (shown path, named on the command line), in order, to
    standard output or into `outdir`; whether anything went wrong.

    Every file is read first, so that a schedule's plan can name the workouts of the
    whole batch. A workout's losses are warnings, printed and heading its text; only
    text that does not compile fails it. A plan that lost anything fails. A file that is no workout or schedule is an error when it was named;
    found in a folder, a readable FIT file of another kind (an activity) is skipped
    with a note, and a damaged one is an error. The batch goes on either way."""
    read, failed = [], False
    for shown, named in inputs:
        result, went_wrong = _read(shown, named, reporter)
        failed |= went_wrong
        if result is not None:
            read.append((shown, result))
    names = WorkoutNames()
    for _, result in read:
        if isinstance(result, Decompiled) and result.file is not None:
            names.add(result.file, result.workout.name)
    output = _Output(outdir, force, reporter)
    for shown, result in read:
        banner = f"# decompiled from {Path(shown).name}\n" if outdir is None else ""
        if isinstance(result, Decompiled):  # a workout fails only when its text does not compile
            text, errors = decompiled_text(result, shown, banner)
            failed |= output.put(shown, text, [*result.losses, *errors], failed=bool(errors))
        else:
            text, problems = decompiled_plan(result, shown, names, banner)
            failed |= output.put(shown, text, problems, failed=bool(problems))
    return failed


def _read(shown: str, named: bool, reporter: Reporter) -> tuple[Decompiled | DecompiledSchedule | None, bool]:
    """The file decompiled, or None; and whether that is a failure."""
    path = Path(shown)
    try:
        data, size = read_limited(path, MAX_FIT_BYTES)
        if size > MAX_FIT_BYTES:
            raise FitError(f"the file is {size:,} bytes; FIT files this large are not read")
        return decompile_any(data, path.stem), False
    except OSError as error:
        raise io_error(f"{shown}: cannot read", error) from None
    except NotAWorkout as error:
        if named:
            reporter.note(f"{shown}: error: {error}")
            return None, True
        reporter.note(f"{shown}: skipped: {error}")
        return None, False
    except FitError as error:
        reporter.note(f"{shown}: error: {error}")
        return None, True


class _Output:
    """Where decompiled text goes: standard output, or NAME.wkt files in a folder. Two
    inputs of one name never write over each other (even with --force), and an
    existing different file is replaced only with --force."""

    def __init__(self, outdir: Path | None, force: bool, reporter: Reporter):
        self.outdir, self.force, self.reporter = outdir, force, reporter
        self.written: dict[str, tuple[str, Path, bytes]] = {}  # casefolded file name -> (input, file, text)

    def put(self, shown: str, text: str, problems: list[str], *, failed: bool) -> bool:
        """Say the problems and write the text; whether anything went wrong (`failed`,
        or the text could not be written)."""
        for problem in problems:
            self.reporter.note(f"{shown}: warning: {_one_line(problem)}")
        if self.outdir is None:
            self.reporter.write(text + "\n")
            return failed
        target, data = self.outdir / f"{Path(shown).stem}.wkt", text.encode("utf-8")
        earlier = self.written.get(target.name.casefold())  # compared ignoring case, as many file systems do
        if earlier is not None and earlier[2] == data:
            self.reporter.result(f"{shown} -> {earlier[1]}")  # the same text, written already
            return failed
        refusal = self._refusal(target, data, earlier)
        if refusal:
            self.reporter.note(f"{shown}: error: {refusal}")
            return True
        try:
            atomic_write(target, data)
        except OSError as error:
            raise io_error(f"{target}: cannot write", error) from None
        self.written[target.name.casefold()] = shown, target, data
        self.reporter.result(f"{shown} -> {target}")
        return failed

    def _refusal(self, target: Path, data: bytes, earlier: tuple[str, Path, bytes] | None) -> str | None:
        """Why `data` may not be written to `target`: another input of this run went
        there, or a different file is there and --force was not given."""
        if earlier is not None:
            return f"{earlier[0]} went to {earlier[1]} already; decompile this one elsewhere"
        if target.exists() and target.read_bytes() != data and not self.force:
            return f"{target} exists and differs; pass --force to replace it"
        return None


def _plain_text(raw: bytes) -> str:
    """What a file whose lines are already formatted has that `fmt` writes otherwise."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return "UTF-16"
    if raw.startswith(b"\xef\xbb\xbf"):
        return "a byte-order mark"
    return "CRLF line endings" if b"\r\n" in raw else "CR line endings"


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
    if formatted == text:  # the text is right; its bytes are not, and no diff of lines shows why
        done = "would be" if check or diff else "was"
        reporter.note(f"{shown}: {done} rewritten as UTF-8 with LF line endings (from {_plain_text(raw)})")
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
