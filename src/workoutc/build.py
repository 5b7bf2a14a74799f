"""Running a command over input paths: load, check, then compile or report."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from .check import Checker
from .config import ConfigError, ConfigFinder, load_config
from .diagnostics import Diagnostic, Severity, render_text
from .model import fit_step_count, truncate_utf8
from .outputs import NameRegistry, atomic_write
from .source import Source, load

SUFFIX = ".wkt"


class UsageError(Exception):
    """A problem with the command line, the configuration or the file system: exit 2."""


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


@dataclass
class Run:
    """The sources of one command, loaded and checked."""

    sources: list[Source]
    finder: ConfigFinder

    def diagnostics(self) -> list[Diagnostic]:
        return [d for source in self.sources for d in sorted(source.diagnostics, key=lambda d: d.sort_key)]

    def text_of(self, path: str) -> str | None:
        return next((s.text for s in self.sources if s.path == path), None)


def load_and_check(paths: list[str], config_file: str | None) -> Run:
    inputs = collect_inputs(paths)
    try:
        finder = ConfigFinder(load_config(Path(config_file)) if config_file else None)
        sources = []
        for path, shown in inputs:
            try:
                sources.append(load(path, shown))
            except OSError as error:
                raise UsageError(f"{shown}: cannot read: {error.strerror or error}") from None
        Checker(finder).run(sources)
    except ConfigError as error:
        raise UsageError(str(error)) from None
    return Run(sources, finder)


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
    """What a compile did, for the summary and the exit status."""

    written: list[Path] = field(default_factory=list)
    failed_files: int = 0
    errors: int = 0
    workouts: int = 0


def error_count(diagnostics: list[Diagnostic]) -> int:
    return sum(d.severity is Severity.ERROR for d in diagnostics)


def compile_run(run: Run, outdir: Path, out: TextIO, err: TextIO) -> Report:
    from .fit import encode_workout  # the encoder is only needed here

    created = time_created()
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(f"{outdir}: cannot create the output folder: {error.strerror or error}") from None
    names = NameRegistry()
    report = Report()
    for source in run.sources:
        for diagnostic in sorted(source.diagnostics, key=lambda d: d.sort_key):
            print(render_text(diagnostic, source.text), file=err)
        errors = error_count(source.diagnostics)
        report.errors += errors
        if source.failed:
            report.failed_files += 1
            print(f"{source.path}: not compiled ({_plural(errors, 'error')})", file=err)
            continue
        device = run.finder.for_file(Path(source.path)).device
        written, skipped = [], []
        for workout in source.document.all_workouts():
            if workout.name in source.blocked:
                skipped.append(workout.name)
                continue
            target = outdir / names.claim(workout.name, ".fit")
            data = encode_workout(workout, created, truncate_utf8(workout.name, device.name_bytes))
            try:
                atomic_write(target, data)
            except OSError as error:
                raise UsageError(f"{target}: cannot write: {error.strerror or error}") from None
            written.append(f"{target} ({_plural(fit_step_count(workout.steps), 'step')})")
            report.written.append(target)
        report.workouts += len(written)
        if skipped:
            report.failed_files += 1
        line = f"{source.path}: {_plural(len(written), 'workout')}" + (f" -> {', '.join(written)}" if written else "")
        if skipped:
            line += "; not compiled: " + ", ".join(f'"{name}"' for name in skipped)
        print(line, file=err if skipped else out)
    return report


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")
