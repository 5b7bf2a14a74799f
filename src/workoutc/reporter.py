"""The one output sink: everything a command shows goes through a `Reporter`.

As with pyflakes' Reporter, it is handed in, never looked up: the command line makes
one over standard output and standard error, tests make one over string buffers, and
a long-running process (an editor's language server) can make one that collects.
Standard output carries results (files written, reports, decompiled text); standard
error carries findings, notes and problems. A reporter can keep a transcript of both
in the order they were written, which the compile cache replays.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from .names import readable

if TYPE_CHECKING:  # a no-change compile prints without loading the diagnostics module
    from .diagnostics import Diagnostic

OUT, ERR = 0, 1  # stream numbers in a transcript


class UsageError(Exception):
    """A problem with the command line, the configuration or the file system: exit 2."""


def reason(error: OSError) -> str:
    """Why a file operation failed, as the system says it: `No such file or directory`."""
    return error.strerror or str(error)


def io_error(what: str, error: OSError) -> UsageError:
    """A UsageError for a failed file operation: `WHAT: No such file or directory`."""
    return UsageError(f"{what}: {reason(error)}")


def plural(count: int, noun: str) -> str:
    """`1 file`, `2 files`."""
    return f"{count} {noun}" + ("" if count == 1 else "s")


class Reporter:
    """Writes a command's output, and once asked, keeps a transcript of it."""

    def __init__(self, out: TextIO, err: TextIO):
        self._streams = (out, err)
        self.transcript: list[list] | None = None

    def start_transcript(self) -> list[list]:
        """From now on, also keep what is written: [stream, text] chunks, in order."""
        self.transcript = []
        return self.transcript

    def _emit(self, stream: int, text: str) -> None:
        # A file name's bytes that are not UTF-8 (held as surrogates) are shown as U+FFFD,
        # on every stream and whatever its error handler.
        text = readable(text)
        log = self.transcript
        if log is not None:
            if log and log[-1][0] == stream:
                log[-1][1] += text
            else:
                log.append([stream, text])
        self._streams[stream].write(text)

    def result(self, line: str) -> None:
        """A line of what the command produced, on standard output."""
        self._emit(OUT, line + "\n")

    def write(self, text: str) -> None:
        """Text as it is, on standard output: a report, a decompiled workout, a diff."""
        self._emit(OUT, text)

    def note(self, line: str) -> None:
        """A problem or a remark beside the results, on standard error."""
        self._emit(ERR, line + "\n")

    def diagnostic(self, diagnostic: Diagnostic, source: str | None) -> None:
        """A finding, compiler style (with the source line when it is an error)."""
        from .diagnostics import render_text

        self.note(render_text(diagnostic, source))

    def outcome(self, line: str, *, failed: bool) -> None:
        """A summary line: on standard error when something failed, else on standard output."""
        self._emit(ERR if failed else OUT, line + "\n")

    def remark(self, message: str) -> None:
        """A line from workoutc itself, `workoutc: MESSAGE`, on standard error: a usage
        error, an interruption, a note about how it runs."""
        self.note(f"workoutc: {message}")

    def flush(self) -> None:
        for stream in self._streams:
            stream.flush()

    def replay(self, chunks: list) -> None:
        """What another reporter's transcript recorded, in the same order."""
        for stream, text in chunks:
            self._emit(stream, text)
