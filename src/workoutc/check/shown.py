"""What the watch shows of the workouts a run compiles: each workout's name cut at the
configured device's `name_bytes` (rule D402), gathered across every file of the run
for the run-scope rules (D403), which no workout rule can be: a workout rule sees one
file.

Files with an error compile nothing and are left out. Workouts go to one watch when
their files' configs give one athlete and one device width, so each such group is
judged on its own. Only names and lines are read (`Loaded.workouts`), which even a
file whose document was dropped keeps.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from ..diagnostics import Span
from ..language.source import Loaded
from ..model import truncate_utf8
from .config import Config


class Shown(NamedTuple):
    """A workout as the watch lists it."""

    name: str  # as written (or as a plan session is named)
    shown: str  # the first `name_bytes` bytes, as the watch shows them
    path: str
    line: int
    span: Span  # its first line: where a finding about it points
    in_plan: bool  # a one-line session of a plan, named by its kind and date


def shown_groups(files: Sequence[tuple[Loaded, object]], config_for: Callable[[str], Config], wanted) -> list:
    """[(config, [Shown, ...]), ...]: the workouts of every file that compiles and whose
    config `wanted` (a rule enabled), grouped by the watch they go to, in input order."""
    groups: dict[tuple, tuple[Config, list[Shown]]] = {}
    for loaded, found in files:
        if loaded.failed or getattr(found, "blocked", None) or not loaded.workouts:
            continue
        config = config_for(loaded.path)
        if not wanted(config):
            continue
        limit = config.device.name_bytes
        lines = (loaded.text or "").split("\n")
        group = groups.setdefault((config.athlete, limit), (config, []))[1]
        for info in loaded.workouts:
            width = len(lines[info.line - 1]) if info.line <= len(lines) else 0
            span = Span(info.line, 1, info.line, max(width, 1) + 1)
            shown = truncate_utf8(info.name, limit).rstrip()
            group.append(Shown(info.name, shown, loaded.path, info.line, span, info.in_plan))
    return list(groups.values())
