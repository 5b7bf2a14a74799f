"""The source stage: a file's bytes -> text -> parsed and lowered, as one `Loaded` result.

Reading a workout again from its own lines, when a run no longer holds its file's
document, belongs here too (`Loaded.workout`).
"""

from __future__ import annotations

import re
from pathlib import Path, PurePath
from typing import NamedTuple

from ..diagnostics import Diagnostic, Span, input_error
from ..model import Document, Workout, fit_step_count
from ..names import slugify
from .indentation import Comment
from .lower import lower_text
from .parse import ParseFailure
from .vocabulary import unquote

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


class Loaded(NamedTuple):
    """One input file, read, decoded, parsed and lowered.

    `diagnostics` are the file's input errors (E001-E009); a file with any has no
    document. A run that no longer needs a document keeps the `lightened` file: its
    text, `workouts` (names, lines and sizes) and diagnostics, which cost far less to
    move between processes than the document would cost to build again. (A tuple:
    it crosses between processes far faster than a dataclass.)
    """

    path: str
    text: str | None = None
    document: Document | None = None
    comments: tuple[Comment, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    workouts: tuple[WorkoutInfo, ...] = ()  # every workout, plan sessions included
    digest: str | None = None  # SHA-256 of the bytes read, when the compile cache asked for it

    @property
    def failed(self) -> bool:
        """The file could not be read, parsed or lowered."""
        return bool(self.diagnostics)

    def lightened(self) -> Loaded:
        """This file without its document, unless plan rules need it (a file with plans)
        or it cannot be lowered again as it is (targets resolved for one athlete)."""
        if self.document is None or self.document.plans or self.document.references:
            return self  # plans are read again by plan rules; relative targets were resolved for an athlete
        return self._replace(document=None, comments=())

    def workout(self, info: WorkoutInfo, lines: list[str] | None = None) -> Workout:
        """A top-level workout of this file: from the document, or, in a lightened file,
        lowered again from its own lines (a workout is self-contained, and its lines are
        numbered from where they are, so every span is where it was). `lines` are the
        text's, split once by a caller who takes many workouts from one file."""
        if self.document is not None:
            return next(w for w in self.document.workouts if w.name == info.name)
        assert self.text is not None, "a lightened file keeps its text"
        own = (lines if lines is not None else self.text.split("\n"))[info.line - 1 : info.end_line]
        document, _, _ = lower_text("\n".join(own), self.path, first_line=info.line)
        assert document is not None, "a workout that lowered once lowers again"
        return document.workouts[0]


def decode(data: bytes, path: str, size: int | None = None) -> tuple[str | None, Diagnostic | None]:
    """UTF-8 text with newlines normalised, or the reason it is not text. `size` is the
    file's size when only its first bytes were read."""
    size = len(data) if size is None else size
    if size > MAX_FILE_BYTES:
        # A device or a pipe tells no size: only that it gave more than was read.
        said = (
            f"{size:,} bytes"
            if size > len(data) or len(data) <= MAX_FILE_BYTES
            else f"more than {MAX_FILE_BYTES:,} bytes"
        )
        return None, input_error(
            "E007",
            path,
            Span.point(1, 1),
            f"the file is {said}; workoutc reads at most {MAX_FILE_BYTES:,}",
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    wide = _utf16(data)
    if wide is not None:
        return _decode_utf16(data, wide, path)
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


def _utf16(data: bytes) -> str | None:
    """ "utf-16" (with a byte-order mark), "utf-16-le" or "utf-16-be" (text whose every
    other byte is NUL, as Windows editors save it), or None for anything else."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "utf-16"
    sample = data[:4096]
    if len(sample) < 2 or len(sample) % 2:
        return None
    odd, even = sample[1::2], sample[0::2]
    if odd.count(0) * 4 >= len(odd) * 3 and 0 not in even:
        return "utf-16-le"
    if even.count(0) * 4 >= len(even) * 3 and 0 not in odd:
        return "utf-16-be"
    return None


def _decode_utf16(data: bytes, encoding: str, path: str) -> tuple[str | None, Diagnostic | None]:
    """UTF-16 text decoded; workoutc reads it as it reads UTF-8 (and `fmt` writes UTF-8)."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None, input_error(
            "E007",
            path,
            Span.point(1, 1),
            "the file looks like UTF-16 text, but it is damaged (half a character, or a lone surrogate)",
            "save it as UTF-8",
        )
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n"), None


def _position(data: bytes, offset: int) -> Span:
    before = data[:offset]
    line = before.count(b"\n") + 1
    column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", errors="replace")) + 1
    return Span.point(line, column)


def load_text(text: str, path: str, digest: str | None = None) -> Loaded:
    """Parse and lower source text."""
    try:
        document, diagnostics, comments = lower_text(text, path)
    except ParseFailure as failure:
        return Loaded(path, text, diagnostics=(failure.diagnostic,), digest=digest)
    if document is None:
        return Loaded(path, text, diagnostics=tuple(diagnostics), comments=comments, digest=digest)
    top = set(map(id, document.workouts))
    workouts = tuple(
        WorkoutInfo(w.name, w.span.line, w.span.end_line, fit_step_count(w.steps), id(w) not in top, slugify(w.name))
        for w in document.all_workouts()
    )
    return Loaded(path, text, document, comments, (), workouts, digest)


# Keywords and kinds in any case of ASCII letters, as the grammar reads them.
_WORKOUT = re.compile(r'^(?ai:workout)[ \t]+("(?:[^"\\\n]|\\.)*")', re.MULTILINE)
_PLAN = re.compile(r'^(?ai:plan)[ \t]+("(?:[^"\\\n]|\\.)*")', re.MULTILINE)
_TOP_SESSION = re.compile(r"^(?!(?ai:workout|plan)\b)[a-zA-Z][\w-]*[ \t]+\d", re.MULTILINE)
_PLAN_SESSION = re.compile(
    r"^[ \t]+\d{4}-(\d{2})-(\d{2})(?:[ \t]+\d{1,2}:\d{2})?[ \t]+([a-zA-Z]+)[ \t]+\d", re.MULTILINE
)


def reserved_names(loaded: Loaded) -> list[str]:
    """The file-name slugs a file that does not compile still holds, read from its text
    as written, in the order a compiled file claims them (workouts and one-line
    sessions, sessions inside plans, plans), so that while it is broken no later file
    takes the names its outputs have."""
    if loaded.text is None:
        return []
    text = loaded.text
    workouts = [(m.start(), unquote(m.group(1)).strip()) for m in _WORKOUT.finditer(text)]
    workouts += [(m.start(), PurePath(loaded.path).stem or "workout") for m in _TOP_SESSION.finditer(text)][:1]
    names = [name for _, name in sorted(workouts)]
    names += [f"{kind} {month}-{day}" for month, day, kind in _PLAN_SESSION.findall(text)]
    names += [unquote(m.group(1)).strip() for m in _PLAN.finditer(text)]
    return [slugify(name) for name in names if name]


def load(path: Path | str, shown: str | None = None) -> Loaded:
    """Read, decode, parse and lower one file. OSError is the caller's (an I/O problem)."""
    with open(path, "rb") as stream:
        return load_data(stream.read(), shown or str(path))


def load_data(data: bytes, shown: str, digest: str | None = None, size: int | None = None) -> Loaded:
    """Decode, parse and lower the bytes of a file (`size`: see `decode`)."""
    text, problem = decode(data, shown, size)
    if problem:
        return Loaded(shown, None, diagnostics=(problem,), digest=digest)
    assert text is not None
    return load_text(text, shown, digest)
