"""Every command's work grows at most linearly with its input (Hardening, item 6).

Each shape that once took quadratic work is built at two sizes, n and 4n, and the work
is counted rather than timed, since machines are noisy: the characters string methods
scan, the findings a loop walks, or the lines run in the modules that did the
quadratic work. Linear work grows about 4x from n to 4n; quadratic work about 16x.
"""

from __future__ import annotations

import sys
import tomllib
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from datetime import date, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

import workoutc.check.plans
import workoutc.check.runner
import workoutc.check.training
import workoutc.emit.view
import workoutc.language.formatter
import workoutc.language.source
import workoutc.model
from workoutc.check.config import ConfigFinder, parse_config
from workoutc.check.runner import Checker
from workoutc.emit.html import PageSource, site
from workoutc.language.formatter import format_source
from workoutc.language.indentation import Indentation
from workoutc.language.parse import parse
from workoutc.language.source import load_text

LINEAR = 6  # the most work may grow from n to 4n: 4x, with room for fixed costs


def grows_linearly(work: Callable[[int], int], n: int) -> tuple[int, int]:
    small, large = work(n), work(4 * n)
    assert small > 0, "the spy saw no work: it no longer watches the code that does it"
    assert large <= LINEAR * small, f"work grew {large / small:.1f}x for 4x the input ({small} -> {large})"
    return small, large


# ------------------------------------------------------------------ spies


class Metered(str):
    """A string that counts the characters its searching, slicing and splitting scan."""

    scanned = 0

    def _charge(self, start=None, end=None) -> None:
        Metered.scanned += len(range(*slice(start, end).indices(len(self))))

    def __getitem__(self, key):
        part = str.__getitem__(self, key)
        Metered.scanned += len(part)
        return Metered(part)

    def __contains__(self, sub) -> bool:
        self._charge()
        return str.__contains__(self, sub)

    def count(self, sub, start=None, end=None) -> int:
        self._charge(start, end)
        return str.count(self, sub, start, end)

    def find(self, sub, start=None, end=None) -> int:
        self._charge(start, end)
        return str.find(self, sub, start, end)

    def rfind(self, sub, start=None, end=None) -> int:
        self._charge(start, end)
        return str.rfind(self, sub, start, end)

    def split(self, sep=None, maxsplit=-1):
        self._charge()
        return str.split(self, sep, maxsplit)

    def splitlines(self, keepends=False):
        self._charge()
        return str.splitlines(self, keepends)


class MeteredList(list):
    """A list that counts the items every pass over it yields."""

    walked = 0

    def __iter__(self) -> Iterator:
        for item in list.__iter__(self):
            MeteredList.walked += 1
            yield item


def lines_run(modules, call: Callable[[], object]) -> int:
    """How many lines of `modules` run during `call()` (the tracer looks at nothing else)."""
    files = {module.__file__ for module in modules}
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def tracer(frame, event, arg):
        return local if frame.f_code.co_filename in files else None

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        call()
    finally:
        sys.settrace(previous)
    return count


# ------------------------------------------------------------------ 1. comment lines (check)


def test_comment_lines_are_placed_in_linear_work(monkeypatch):
    """One newline token swallows every blank and comment line that follows content."""
    collect = Indentation._collect_comments

    def metered(self, newline):
        stand_in: Any = SimpleNamespace(line=newline.line, column=newline.column, value=Metered(newline.value))
        return collect(self, stand_in)

    monkeypatch.setattr(Indentation, "_collect_comments", metered)

    def work(n: int) -> int:
        Metered.scanned = 0
        parsed = parse("easy 30min\n" + "# note\n\n" * n + "easy 20min\n")
        assert len(parsed.comments) == n and parsed.comments[-1].span.line == 2 * n
        return Metered.scanned

    grows_linearly(work, 2000)


# ------------------------------------------------------------------ 2. a plan naming a big workout (check, compile)


def big_plan(n: int, same_day: bool) -> str:
    """A workout of about n expanded steps, named by n plan entries."""
    repeat = round(n**0.5)
    first = date(2026, 1, 5)
    days = [first if same_day else first + timedelta(days=index) for index in range(n)]
    entries = "".join(f'  {day.isoformat()} "Big"\n' for day in days)
    return f'workout "Big"\n  {repeat}x\n    {repeat}x\n      run 1s\nplan "P"\n{entries}'


PLAN_MODULES = (workoutc.check.training, workoutc.check.plans, workoutc.model)


@pytest.mark.parametrize("same_day, n", [(False, 36), (True, 100)], ids=["a day apart", "all on one day"])
def test_a_plan_measures_each_workout_once(same_day, n):
    """Each entry once walked the workout's steps; each session once summed its week."""

    def work(n: int) -> int:
        loaded = load_text(big_plan(n, same_day), "plan.wkt")
        return lines_run(PLAN_MODULES, lambda: Checker(ConfigFinder(None)).run([loaded]))

    grows_linearly(work, n)


def test_a_plan_naming_every_workout_of_its_file_finds_each_in_linear_work():
    """Each reference once searched the file's workouts one by one."""

    def work(n: int) -> int:
        workouts = "".join(f'workout "W{index}" easy 30min\n' for index in range(n))
        first = date(2026, 1, 5)
        entries = "".join(f'  {first + timedelta(days=index)} "W{index}"\n' for index in range(n))
        loaded = load_text(workouts + 'plan "P"\n' + entries, "every.wkt")
        modules = (workoutc.language.source, workoutc.check.plans)
        return lines_run(modules, lambda: Checker(ConfigFinder(None)).run([loaded]))

    grows_linearly(work, 100)


@pytest.fixture
def names_compared(monkeypatch) -> Callable[[], int]:
    """Counts the names did-you-mean compares an unknown name with; calling it reads
    the count and starts again from zero."""
    compared = [0]
    suggest = workoutc.check.plans.closest

    def counting(word, choices):
        choices = list(choices)
        compared[0] += len(choices)
        return suggest(word, choices)

    monkeypatch.setattr(workoutc.check.plans, "closest", counting)

    def taken() -> int:
        count, compared[0] = compared[0], 0
        return count

    return taken


def test_a_plan_naming_a_missing_workout_many_times_suggests_once(names_compared):
    """Each entry once listed every name of the run to find a did-you-mean."""

    def work(n: int) -> int:
        workouts = "".join(f'workout "W{index}" easy 30min\n' for index in range(n))
        loaded = load_text(workouts + 'plan "P"\n' + '  2026-01-05 "Wx"\n' * n, "missing.wkt")
        names_compared()
        [found] = Checker(ConfigFinder(None)).run([loaded])
        assert sum(d.code == "E006" for d in found) == n
        return names_compared()

    grows_linearly(work, 50)


# A config per folder: a/ knows the easy pace; b/ and c/ have no profile, and b/ turns
# off most plan rules.
PROFILES = {
    "a": '[athlete]\neasy_pace = "5:20-5:50/km"\n',
    "b": '[rules]\ndisable = ["P301", "P302", "P303", "P304", "P305"]\n',
    "c": "",
}


class ByFolder(ConfigFinder):
    """The config of PROFILES for each source's folder, without files."""

    def __init__(self):
        super().__init__()
        self.configs = {name: parse_config(tomllib.loads(text), "test.toml") for name, text in PROFILES.items()}

    def for_file(self, path):
        return self.configs[Path(path).parent.name]


def test_remembered_workouts_note_the_same_missing_values(monkeypatch):
    """A workout measured once for many plans still notes, for each plan, the profile
    values measuring it needed: the notes are those of measuring it afresh every time.
    Here only c/'s plan, measured after b/'s, names the plan rules."""
    workouts = 'workout "Km" easy\n  run 5km\nworkout "Hr"\n  run 10min hr 150-160bpm\n  run 2km\n'
    days = [f'  2026-01-{day:02d} "{name}"\n' for day, name in enumerate(["Km", "Hr", "Km", "Hr", "Km"] * 3, 5)]
    sources = [
        load_text(workouts, "a/workouts.wkt"),
        load_text('plan "B"\n' + "".join(days), "b/one.wkt"),
        load_text('plan "A"\n' + "".join(days[::2]), "a/one.wkt"),
        load_text('plan "C"\n' + "".join(days[1::2]), "c/two.wkt"),
    ]
    remembered = Checker(ByFolder()).run(sources)
    monkeypatch.setattr(workoutc.check.runner, "remembered", nullcontext)
    afresh = Checker(ByFolder()).run(sources)
    assert remembered == afresh
    notes = [d.message for found in afresh for d in found if "is not set" in d.message]
    assert notes[1] == (
        "athlete.easy_pace is not set, so P301, P302, P303, P304, P305, P306, P307, P308, P309, P310, P311, "
        "P312, P313 skipped part of their checks"
    )


# ------------------------------------------------------------------ 3. many one-line workouts (html)


def one_liners(n: int) -> str:
    return "".join(f'workout "W{index}" recovery 90min\n' for index in range(n))  # two findings each


def page_sources(text: str) -> tuple[list[PageSource], dict]:
    loaded = load_text(text, "many.wkt")
    assert loaded.document is not None
    [found] = Checker(ConfigFinder(None)).run([loaded])
    source = PageSource(
        "many.wkt",
        Metered(text),
        loaded.document,
        MeteredList(found),
        (),
        frozenset(),
        ConfigFinder(None).for_file("").athlete,
    )
    stems = {("many.wkt", workout.name): workout.name for workout in loaded.document.all_workouts()}
    return [source], stems


def test_one_line_workouts_make_pages_in_linear_work():
    def work(n: int) -> int:
        sources, stems = page_sources(one_liners(n))
        Metered.scanned = MeteredList.walked = 0
        pages = site(sources, stems, with_fit=False).pages
        assert len(pages) == n
        assert all("recovery-too-long" in html for _, html in pages)
        return Metered.scanned + MeteredList.walked

    grows_linearly(work, 100)


def test_a_plan_page_measures_each_workout_once():
    def work(n: int) -> int:
        loaded = load_text(big_plan(n, same_day=False), "plan.wkt")
        checker = Checker(ConfigFinder(None))
        found = checker.check_workouts(loaded)
        views = checker.check_plans([(loaded, found)]).views["plan.wkt"]
        assert loaded.document is not None and loaded.text is not None
        athlete = ConfigFinder(None).for_file("").athlete
        source = PageSource("plan.wkt", loaded.text, loaded.document, [], list(enumerate(views)), frozenset(), athlete)
        stems = {("plan.wkt", "Big"): "big", ("plan.wkt", 0): "plan"}
        modules = (workoutc.check.training, workoutc.emit.view, workoutc.model)
        return lines_run(modules, lambda: site([source], stems, with_fit=False))

    grows_linearly(work, 36)


# ------------------------------------------------------------------ 4. workouts among comments (fmt)


def commented(n: int) -> str:
    return "".join(f'# {index}\n\nworkout "F{index}"\n# a\n  run 1km\n# b\n\n' for index in range(n))


def test_fmt_places_comments_in_linear_work():
    def work(n: int) -> int:
        text = commented(n)
        assert format_source(text).count("#") == 3 * n
        return lines_run([workoutc.language.formatter], lambda: format_source(text))

    grows_linearly(work, 60)


# ------------------------------------------------------------------ 5. more shapes: many findings, another
# file's workouts, many different unknown names, many quality sessions


def test_many_findings_in_one_big_file_are_shown_in_linear_work():
    """Each finding's excerpt once split the whole file into lines."""
    import workoutc.diagnostics
    from workoutc.diagnostics import render_text

    def work(n: int) -> int:
        text = Metered("".join(f'plan "P{index}"\n  2100-01-01 easy 30min\n' for index in range(n)))
        found = load_text(str(text), "dates.wkt").diagnostics
        assert len(found) == n
        Metered.scanned = 0
        workoutc.diagnostics._split[:] = [None, []]
        for diagnostic in found:
            render_text(diagnostic, text)
        return Metered.scanned

    grows_linearly(work, 500)


def test_a_plan_naming_every_workout_of_a_lightened_file_reads_each_in_linear_work():
    """Each workout of a file whose document a worker dropped was read again from the
    whole text split anew, after as many blank lines as came before it."""

    def work(n: int) -> int:
        workouts = "".join(f'workout "W{index}" easy\n  run 30min\n' for index in range(n))
        library = load_text(workouts, "library.wkt").lightened()
        first = date(2026, 1, 5)
        entries = "".join(f'  {first + timedelta(days=index)} "W{index}"\n' for index in range(n))
        plan = load_text('plan "P"\n' + entries, "plan.wkt")
        assert library.document is None
        count = [0]
        original = workoutc.language.source.lower_text

        def counting(text, path, first_line=1):
            count[0] += len(text)
            return original(text, path, first_line)

        workoutc.language.source.lower_text = counting
        try:
            Checker(ConfigFinder(None)).run([library, plan])
        finally:
            workoutc.language.source.lower_text = original
        return count[0]

    grows_linearly(work, 200)


def test_many_different_unknown_names_are_suggested_for_a_bounded_number_of_times(names_compared):
    """Each unknown name was compared with every name of the run."""

    def work(n: int) -> int:
        workouts = "".join(f'workout "W{index}" easy 30min\n' for index in range(n))
        entries = "".join(f'  2026-01-05 "X{index}"\n' for index in range(n))
        names_compared()
        Checker(ConfigFinder(None)).run([load_text(workouts + 'plan "P"\n' + entries, "unknown.wkt")])
        return names_compared()

    grows_linearly(work, 400)


def test_many_quality_sessions_are_counted_in_linear_work():
    """P303 once counted, for each quality session, every one before it."""
    from workoutc.check.rules import p303_too_many_quality_days

    profile = parse_config(tomllib.loads('[athlete]\nlevel = "advanced"\n'), "test.toml")

    def work(n: int) -> int:
        first = date(2026, 1, 5)
        entries = "".join(f"  {first + timedelta(days=index)} tempo 20min\n" for index in range(n))
        loaded = load_text('plan "P"\n' + entries, "quality.wkt")
        return lines_run((p303_too_many_quality_days,), lambda: Checker(ConfigFinder(profile)).run([loaded]))

    grows_linearly(work, 300)
