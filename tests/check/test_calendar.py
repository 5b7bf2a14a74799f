"""The plans of one athlete as one calendar, whatever file each week is in."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest

from workoutc.check.config import ConfigFinder, parse_config
from workoutc.check.plans import PlanView, calendars
from workoutc.check.runner import Checker
from workoutc.cli import main
from workoutc.language.source import load_text
from workoutc.model import Plan

from ..helpers import write
from .rules.helpers import P

# A Sunday long run, then a Monday of intervals in the next file: hard back to back.
WEEK_1 = 'plan "Week 1"\n  2026-11-23 easy 40min\n  2026-11-25 easy 40min\n  2026-11-29 long 1h30min\n'
WEEK_2 = 'plan "Week 2"\n  2026-11-30 intervals 40min\n  2026-12-02 easy 40min\n  2026-12-04 easy 40min\n'
CROSSING = ("week-02.wkt", 2, "P301")  # the Monday, after the Sunday of the other file


def check(files: dict[str, str], profile: str = P) -> list[tuple[str, int, str]]:
    """(path, line, code) of every finding of one run over `files` (the wording is the rules' business)."""
    finder = ConfigFinder(parse_config(tomllib.loads(profile), "test.toml"))
    sources = [load_text(text, path) for path, text in files.items()]
    found = Checker(finder).run(sources)
    return [(d.path, d.span.line, d.code) for diagnostics in found for d in diagnostics]


def of(code: str, found: list[tuple[str, int, str]]) -> list[tuple[str, int]]:
    return [(path, line) for path, line, found_code in found if found_code == code]


def test_a_hard_day_is_judged_against_the_day_before_in_another_file():
    assert CROSSING in check({"week-01.wkt": WEEK_1, "week-02.wkt": WEEK_2})
    # Each file alone has nothing to say about the other.
    assert of("P301", check({"week-02.wkt": WEEK_2})) == []


def test_a_finding_stays_in_the_file_of_its_entry_when_the_lines_are_the_same():
    # Both files put their plan on the same lines: the finding is on week-02's line 2 only.
    assert of("P301", check({"week-01.wkt": WEEK_1, "week-02.wkt": WEEK_2})) == [("week-02.wkt", 2)]


def test_the_order_of_the_files_does_not_matter():
    forward = check({"week-01.wkt": WEEK_1, "week-02.wkt": WEEK_2})
    backward = check({"week-02.wkt": WEEK_2, "week-01.wkt": WEEK_1})
    assert sorted(forward) == sorted(backward)


def test_a_week_is_compared_with_the_week_before_in_another_file():
    bigger = WEEK_2.replace("easy 40min", "easy 90min")
    assert of("P305", check({"week-01.wkt": WEEK_1, "week-02.wkt": bigger})) == [("week-02.wkt", 2)]


def test_a_week_split_across_files_is_one_week():
    # Monday to Wednesday in one file, the rest of the week in another: three quality days in the week.
    first = 'plan "A"\n  2026-11-23 tempo 30min\n  2026-11-25 intervals 40min\n'
    second = 'plan "B"\n  2026-11-27 hills 40min\n  2026-11-28 easy 30min\n'
    assert ("b.wkt", 2, "P303") in check({"a.wkt": first, "b.wkt": second})


def test_an_alternative_week_is_judged_on_its_own_not_added_to_the_week_it_replaces():
    main_week = 'plan "Week 5"\n  2026-11-24 tempo 30min\n  2026-11-26 easy 40min\n'
    alternative = 'plan "Week 5, travelling"\n  2026-11-25 intervals 30min\n  2026-11-26 easy 40min\n'
    assert of("P301", check({"week-05.wkt": main_week, "week-05-alt.wkt": alternative})) == []
    # ... and both are still judged: a fault of the alternative is found in its file.
    bad = alternative.replace("2026-11-26 easy", "2026-11-26 tempo")
    assert of("P301", check({"week-05.wkt": main_week, "week-05-alt.wkt": bad})) == [("week-05-alt.wkt", 3)]


def test_a_week_after_an_alternative_continues_the_plan_that_ends_last_before_it():
    # week-01, then two versions of week-02: week-03 follows both; its Monday is judged once.
    week_3 = 'plan "Week 3"\n  2026-12-07 tempo 30min\n  2026-12-09 easy 40min\n'
    sunday_long = WEEK_2 + "  2026-12-06 long 1h30min\n"
    files = {"week-01.wkt": WEEK_1, "week-02.wkt": sunday_long, "week-02-alt.wkt": sunday_long, "week-03.wkt": week_3}
    assert of("P301", check(files)).count(("week-03.wkt", 2)) == 1


def test_inline_suppression_works_in_the_file_the_finding_lands_in():
    silenced = WEEK_2.replace("intervals 40min", "intervals 40min  # workoutc: disable=P301")
    assert of("P301", check({"week-01.wkt": WEEK_1, "week-02.wkt": silenced})) == []


def test_several_plans_of_one_file_are_one_calendar_too():
    assert ("w.wkt", 6, "P301") in check({"w.wkt": WEEK_1 + WEEK_2})


# ====================================================================== athletes


def cli(capsys, *args: str) -> str:
    main(["check", *args])
    return capsys.readouterr().out


def test_plans_of_different_athletes_never_merge(tmp_path: Path, capsys):
    write(tmp_path, "ana/workoutc.toml", P)
    write(tmp_path, "ben/workoutc.toml", P.replace("max_hr = 188", "max_hr = 190"))
    write(tmp_path, "ana/week-01.wkt", WEEK_1)
    write(tmp_path, "ben/week-02.wkt", WEEK_2)
    assert "P301" not in cli(capsys, str(tmp_path))


def two_blocks(tmp_path: Path, second_rules: str) -> None:
    """Two weeks in two folders whose configs give one profile and differ in `[rules]`."""
    write(tmp_path, "block-1/workoutc.toml", P)
    write(tmp_path, "block-2/workoutc.toml", P + f"\n[rules]\n{second_rules}\n")
    write(tmp_path, "block-1/week-01.wkt", WEEK_1)
    write(tmp_path, "block-2/week-02.wkt", WEEK_2)


def test_configs_giving_the_same_profile_are_one_athlete(tmp_path: Path, capsys):
    two_blocks(tmp_path, 'P307 = { severity = "warning" }')
    assert "block-2/week-02.wkt:2:3: warning P301 " in cli(capsys, str(tmp_path))


def test_each_file_keeps_its_own_rule_settings(tmp_path: Path, capsys):
    two_blocks(tmp_path, 'P301 = { severity = "error" }')
    assert "block-2/week-02.wkt:2:3: error P301 " in cli(capsys, str(tmp_path))
    write(tmp_path, "block-2/workoutc.toml", P + '\n[rules]\ndisable = ["P301"]\n')
    assert "P301" not in cli(capsys, str(tmp_path))


def test_with_athlete_each_named_athlete_has_one_calendar(tmp_path: Path, capsys):
    profiles = '[athlete]\nlevel = "intermediate"\n[athletes.ana]\nmax_hr = 190\n[athletes.ben]\nmax_hr = 180\n'
    write(tmp_path, "workoutc.toml", profiles)
    write(tmp_path, "week-01.wkt", WEEK_1)
    write(tmp_path, "week-02.wkt", WEEK_2)
    out = cli(capsys, str(tmp_path), "--athlete", "all")
    assert out.count("week-02.wkt:2:3: warning P301 ") == 2  # once for ana, once for ben


# ====================================================================== which plans make a calendar


def view(name: str, *days: int) -> PlanView:
    """A plan's view with a rest day on each of `days` (days of November 2026)."""
    from workoutc.check.plans import session
    from workoutc.diagnostics import Span
    from workoutc.model import PlanEntry

    span = Span(1, 1, 1, 2)
    sessions = tuple(session(PlanEntry(date(2026, 11, day), None, None, None, span), None, None) for day in days)
    return PlanView(sessions, Plan(name, (), span, f"{name}.wkt"))


@pytest.mark.parametrize(
    "plans, expected",
    [
        ([view("a", 2, 8), view("b", 9, 15), view("c", 16)], [[0, 1, 2]]),  # end to end
        ([view("b", 9, 15), view("a", 2, 8)], [[1, 0]]),  # in order of their days
        ([view("a", 2, 8), view("alt", 8)], [[0], [1]]),  # sharing a day: apart
        ([view("a", 2, 8), view("alt", 3, 5), view("c", 9)], [[0, 2], [1]]),  # c follows what ends last
        ([view("a", 2, 8), view("alt", 2, 8), view("c", 9)], [[0, 2], [1]]),  # a tie: the first plan's
        ([view("empty"), view("a", 2)], [[1]]),  # nothing to judge
    ],
)
def test_calendars(plans, expected):
    assert calendars(plans) == expected
