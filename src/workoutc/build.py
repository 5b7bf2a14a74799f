"""The compile driver: input paths -> sources -> FIT files in an output folder."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from .diagnostics import Diagnostic, Severity, render_text
from .outputs import NameRegistry, atomic_write
from .source import Source, load

SUFFIX = ".wkt"


class UsageError(Exception):
    """A problem with the command line or the file system: exit status 2."""


def collect_inputs(paths: list[str]) -> list[tuple[Path, str]]:
    """Files named, and .wkt files under folders named (sorted), as (path, shown)."""
    found: list[tuple[Path, str]] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files = sorted(p for p in path.rglob(f"*{SUFFIX}") if p.is_file())
        elif path.exists():
            files = [path]
        else:
            raise UsageError(f"{given}: no such file or folder")
        for file in files:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                found.append((file, str(file)))
    return found


def load_all(inputs: list[tuple[Path, str]]) -> list[Source]:
    sources = []
    for path, shown in inputs:
        try:
            sources.append(load(path, shown))
        except OSError as error:
            raise UsageError(f"{shown}: cannot read: {error.strerror or error}") from None
    return sources


def time_created() -> int:
    """Unix seconds for file_id.time_created; SOURCE_DATE_EPOCH makes builds reproducible."""
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if value is None:
        return int(time.time())
    if not value.strip().isdigit():
        raise UsageError(f"SOURCE_DATE_EPOCH must be a whole number of seconds, not {value!r}")
    return int(value)


@dataclass
class Report:
    """What a run did, for the summary and the exit status."""

    written: list[Path] = field(default_factory=list)
    failed_files: int = 0
    errors: int = 0
    workouts: int = 0


def print_diagnostics(sources: list[Source], stream: TextIO) -> None:
    for source in sources:
        for diagnostic in sorted(source.diagnostics, key=lambda d: d.sort_key):
            print(render_text(diagnostic, source.text), file=stream)


def error_count(diagnostics: list[Diagnostic]) -> int:
    return sum(d.severity is Severity.ERROR for d in diagnostics)


def compile_sources(sources: list[Source], outdir: Path, out: TextIO, err: TextIO) -> Report:
    from .fit import count_fit_steps, encode_workout  # the encoder is only needed here

    created = time_created()
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(f"{outdir}: cannot create the output folder: {error.strerror or error}") from None
    names = NameRegistry()
    report = Report()
    for source in sources:
        print_diagnostics([source], err)
        errors = error_count(source.diagnostics)
        if source.failed or errors:
            report.failed_files += 1
            report.errors += errors
            print(f"{source.path}: not compiled ({_plural(errors, 'error')})", file=err)
            continue
        written = []
        for workout in source.document.workouts:
            target = outdir / names.claim(workout.name, ".fit")
            try:
                atomic_write(target, encode_workout(workout, created))
            except OSError as error:
                raise UsageError(f"{target}: cannot write: {error.strerror or error}") from None
            written.append(f"{target} ({_plural(count_fit_steps(workout.steps), 'step')})")
            report.written.append(target)
        report.workouts += len(written)
        what = _plural(len(written), "workout")
        print(f"{source.path}: {what} -> {', '.join(written)}" if written else f"{source.path}: no workouts", file=out)
    return report


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")
