"""Reading source files: bytes -> text, or a positioned diagnostic saying why not."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from ..diagnostics import Diagnostic, Span, input_error
from ..model import Document, fit_step_count
from ..pipeline.outputs import slugify
from .lower import lower_text
from .parse import Comment, ParseFailure

MAX_FILE_BYTES = 1_000_000


class WorkoutInfo(NamedTuple):
    """What a run needs to know of a workout once its file is done with (a tuple, which
    crosses between processes far faster than a dataclass)."""

    name: str
    line: int
    end_line: int
    fit_steps: int
    in_plan: bool  # a one-line session written inside a plan: not referable by name
    slug: str  # its file name before any clash is resolved (worked out here, in parallel)


@dataclass
class Source:
    """One input file and everything learnt from it so far.

    A large run keeps only the text, `workouts` (names, lines and sizes), the findings
    and the staged FIT files of a file whose document it no longer needs (see
    `lighten`); moving whole documents between processes would cost more than building
    them.
    """

    path: str
    text: str | None = None
    document: Document | None = None
    comments: tuple[Comment, ...] = ()
    diagnostics: list[Diagnostic] = field(default_factory=list)
    failed: bool = True  # the file could not be read, parsed or lowered
    workouts: list[WorkoutInfo] = field(default_factory=list)  # every workout, plan sessions included
    blocked: set[str] = field(default_factory=set)  # workouts the checker found errors in
    plan_views: list = field(default_factory=list)  # check.PlanView per plan, once checked
    missing: list = field(default_factory=list)  # (profile key, rule code, span) a rule needed but lacked
    fits: dict[str, str] = field(default_factory=dict)  # staged FIT files by workout name, when compiled
    fit_bytes: dict[str, bytes] = field(default_factory=dict)  # the FIT files themselves, for the compile cache
    digest: str | None = None  # SHA-256 of the file as read, for the compile cache

    def lighten(self) -> None:
        """Drop the document unless plan rules need it. The text stays (it is cheap to
        move, error excerpts quote it, and a workout a plan refers to is read again from
        its own lines), and so does `workouts`."""
        if self.document is not None and not self.document.plans:
            self.document = None
            self.comments = ()


def decode(data: bytes, path: str) -> tuple[str | None, Diagnostic | None]:
    """UTF-8 text with newlines normalised, or the reason it is not text."""
    if len(data) > MAX_FILE_BYTES:
        return None, input_error(
            "E007",
            path,
            Span.point(1, 1),
            f"the file is {len(data):,} bytes; workoutc reads at most {MAX_FILE_BYTES:,}",
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    nul = data.find(b"\0")
    if nul >= 0:
        return None, input_error(
            "E007",
            path,
            _position(data, nul),
            "this is a binary file, not workout text",
            "FIT files are what workoutc writes; sources are plain .wkt text",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return None, input_error(
            "E007",
            path,
            _position(data, error.start),
            f"the file is not UTF-8 text (byte 0x{data[error.start]:02x})",
            "save it as UTF-8",
        )
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


def _position(data: bytes, offset: int) -> Span:
    before = data[:offset]
    line = before.count(b"\n") + 1
    column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", errors="replace")) + 1
    return Span.point(line, column)


def load_text(text: str, path: str) -> Source:
    """Parse and lower source text."""
    source = Source(path, text)
    try:
        source.document, diagnostics, source.comments = lower_text(text, path)
    except ParseFailure as failure:
        source.diagnostics.append(failure.diagnostic)
        return source
    source.diagnostics.extend(diagnostics)
    if source.document is not None:
        source.failed = False
        top = set(map(id, source.document.workouts))
        source.workouts = [
            WorkoutInfo(
                w.name, w.span.line, w.span.end_line, fit_step_count(w.steps), id(w) not in top, slugify(w.name)
            )
            for w in source.document.all_workouts()
        ]
    return source


def load(path: Path | str, shown: str | None = None) -> Source:
    """Read, decode, parse and lower one file. OSError is the caller's (an I/O problem)."""
    with open(path, "rb") as stream:
        return load_data(stream.read(), shown or str(path))


def load_data(data: bytes, shown: str) -> Source:
    """Decode, parse and lower the bytes of a file."""
    text, problem = decode(data, shown)
    if problem:
        return Source(shown, None, diagnostics=[problem])
    return load_text(text, shown)
