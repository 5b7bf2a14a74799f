"""D403 same-name-on-watch: edge cases beyond its docstring examples, across the files of a run."""

from __future__ import annotations

import tomllib

from workoutc.check.config import ConfigFinder, parse_config
from workoutc.check.runner import Checker
from workoutc.language.source import load_text

from .helpers import P, device, hits, rules

CODE = "D403"
TRACK = 'workout "Tuesday track session {}" intervals\n  warmup 15min\n  run 1km\n  cooldown lap\n'


def run(*texts: str, profile: str = P) -> list[list]:
    """Each file's D403 findings, for a run of the files a.wkt, b.wkt, ..."""
    config = parse_config(tomllib.loads(profile), "test.toml")
    sources = [load_text(text, f"{chr(ord('a') + index)}.wkt") for index, text in enumerate(texts)]
    found = Checker(ConfigFinder(config)).run(sources)
    return [[d for d in diagnostics if d.code == CODE] for diagnostics in found]


def test_two_files_of_one_run_name_both_workouts_and_places():
    first, second = run(TRACK.format("A"), "easy 30min\n" + TRACK.format("B"))
    assert first == []
    [finding] = second
    assert finding.path == "b.wkt" and finding.span.line == 2
    assert finding.message == (
        '"Tuesday track session B" (b.wkt:2) and "Tuesday track session A" (a.wkt:1) '
        'both show as "Tuesday track se" on the watch'
    )
    assert "first 16 bytes" in (finding.hint or "")


def test_a_third_alike_name_is_told_of_the_first():
    [[], [second], [third]] = run(TRACK.format("A"), TRACK.format("B"), TRACK.format("C"))
    assert "a.wkt:1" in second.message and "a.wkt:1" in third.message


def test_the_devices_width_decides():
    assert run(TRACK.format("A"), TRACK.format("B"), profile=device("name_bytes = 30")) == [[], []]
    assert hits(CODE, TRACK.format("A") + "\n" + TRACK.format("B"), device("name_bytes = 30")) == []


def test_a_trailing_space_tells_no_names_apart():
    text = 'workout "Long run" long 2h\nworkout "Long run 2" long 2h\n'
    assert len(hits(CODE, text, device("name_bytes = 9"))) == 1  # "Long run" and "Long run "


def test_names_differing_in_case_show_apart():
    assert run('workout "Easy" easy 30min\n', 'workout "EASY" easy 40min\n') == [[], []]


def test_a_file_with_errors_compiles_nothing_and_is_left_out():
    broken = TRACK.format("B") + "workout oops\n"
    assert run(TRACK.format("A"), broken)[0] == []


def test_a_workout_with_a_rule_error_blocks_its_file():
    blocked = TRACK.format("B") + 'workout "Not a recovery" recovery\n  run 30min hr z5\n'
    assert run(TRACK.format("A"), blocked) == [[], []]


def test_disabled_in_config_and_suppressed_inline():
    assert hits(CODE, TRACK.format("A") + TRACK.format("B"), rules('disable = ["D403"]')) == []
    silenced = TRACK.format("A") + TRACK.format("B").replace("intervals\n", "intervals  # workoutc: disable=D403\n", 1)
    assert hits(CODE, silenced) == []


def test_plan_sessions_count_and_their_hint_says_how_to_name_one():
    text = 'plan "P"\n  2026-05-04 recovery 30min hr<=z2\n  2026-05-04 recovery 25min hr<=z2\n'
    config = parse_config(tomllib.loads(device("name_bytes = 10")), "test.toml")
    [found] = Checker(ConfigFinder(config)).run([load_text(text, "p.wkt")])
    [finding] = [d for d in found if d.code == CODE]
    assert '"recovery 05-04 2"' in finding.message and "write this one as a workout" in (finding.hint or "")
