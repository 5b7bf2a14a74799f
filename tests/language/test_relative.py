"""Targets written relative to the athlete: what lowering keeps, its errors at their
places, fmt's canonical spelling, and both lexers agreeing on them."""

from __future__ import annotations

import pytest
from lark import Lark

from workoutc.language.formatter import format_checked, format_source, meaning
from workoutc.language.grammar import build_parser, grammar_text
from workoutc.language.indentation import Indentation
from workoutc.language.lark_internals import drive
from workoutc.language.printer import target_text
from workoutc.model import Relative, Target

from ..helpers import document, error, fit_steps, workout
from .test_fast_parse import outcome


def target(text: str) -> Target:
    [step] = workout(f'workout "T"\n  run 10min {text}\n').steps
    [only] = step.targets
    return only


# ------------------------------------------------------------------ lowering


@pytest.mark.parametrize(
    "text, relative",
    [
        ("pace threshold", Relative("threshold")),
        ("pace T", Relative("threshold")),
        ("pace e", Relative("easy")),
        ("pace Marathon", Relative("marathon")),
        ("pace I", Relative("interval")),
        ("pace r", Relative("repetition")),
        ("pace threshold+10s", Relative("threshold", offset=(10, 10))),
        ("pace T + 10S", Relative("threshold", offset=(10, 10))),
        ("pace marathon-5s", Relative("marathon", offset=(-5, -5))),
        ("pace M-5s", Relative("marathon", offset=(-5, -5))),
        ("pace T+15s/mi", Relative("threshold", offset=(15, 15), per="mi")),
        ("pace T+15s/KM", Relative("threshold", offset=(15, 15))),
        ("pace easy+1min30s", Relative("easy", offset=(90, 90))),
        ("pace T-5min", Relative("threshold", offset=(-300, -300))),
        ("pace R/mi", Relative("repetition", per="mi")),
        ("pace 95-100% threshold", Relative("threshold", percent=(95, 100))),
        ("pace 100-95% T", Relative("threshold", percent=(95, 100))),
        ("pace 95%-100% T", Relative("threshold", percent=(95, 100))),
        ("pace 97% T", Relative("threshold", percent=(97, 97))),
        ("pace 97.5% i/mi", Relative("interval", percent=(97.5, 97.5), per="mi")),
        ("pace 50% E", Relative("easy", percent=(50, 50))),
        ("pace 150% R", Relative("repetition", percent=(150, 150))),
        ("hr 80-85% lthr", Relative("lthr", percent=(80, 85))),
        ("hr 105% LTHR", Relative("lthr", percent=(105, 105))),
        ("hr 60-70% reserve", Relative("reserve", percent=(60, 70))),
        ("hr 0-100% reserve", Relative("reserve", percent=(0, 100))),
    ],
)
def test_a_target_relative_to_the_athlete_keeps_what_was_written_and_no_numbers(text, relative):
    lowered = target(text)
    assert lowered.relative == relative
    assert (lowered.zone, lowered.low, lowered.high, lowered.unit) == (None, None, None, None)


@pytest.mark.parametrize(
    "text, relative, plain",
    [
        ("hr<z2", Relative("zone", bound=("<", 2)), "hr<z2"),
        ("hr<=z2", Relative("zone", bound=("<=", 2)), "hr<=z2"),
        ("hr>Z3", Relative("zone", bound=(">", 3)), "hr>z3"),
        ("hr>=z4", Relative("zone", bound=(">=", 4)), "hr>=z4"),
        ("power 88-94% ftp", Relative("ftp", percent=(88, 94)), "power 88-94%"),
        ("power 90% FTP", Relative("ftp", percent=(90, 90)), "power 90%"),
        ("lap-power 95-100% ftp", Relative("ftp", percent=(95, 100)), "lap-power 95-100%"),
    ],
)
def test_zone_bounds_and_ftp_keep_todays_numbers_and_say_how_they_were_written(text, relative, plain):
    lowered, today = target(text), target(plain)
    assert lowered.relative == relative
    assert (lowered.low, lowered.high, lowered.unit, lowered.average) == (
        today.low,
        today.high,
        today.unit,
        today.average,
    )
    assert fit_steps(f'workout "T"\n  run 10min {text}\n') == fit_steps(f'workout "T"\n  run 10min {plain}\n')


def test_hr_zone_alone_is_still_the_watchs_zone():
    assert target("hr z2") == Target("hr", 2, None, None, None, target("hr z2").span)


def test_the_document_lists_its_references_and_a_file_without_any_lists_none():
    text = (
        'workout "A"\n  run 1km pace T+10s\n  5x\n    run 1min hr 80% lthr\nplan "P"\n  2026-01-01 easy 40min hr<=z2\n'
    )
    assert document(text).references == {"threshold", "lthr", "zone"}
    assert document('workout "A"\n  run 1km pace 4:00/km hr 150bpm\n').references == frozenset()


def test_the_target_span_covers_what_was_written():
    lowered = target("pace 95-100% threshold/mi")
    span = lowered.span
    assert (span.line, span.column, span.end_line, span.end_column) == (2, 13, 2, 38)


# ------------------------------------------------------------------ errors


@pytest.mark.parametrize(
    "text, code, column, end, message, hint",
    [
        (
            "pace T+0:10",
            "E004",
            20,
            24,
            "an offset is written as a time like `10s`, not as a clock",
            "write `+10s`",
        ),
        (
            "pace T-1:30",
            "E004",
            20,
            24,
            "an offset is written as a time like `10s`, not as a clock",
            "write `-1min30s`",
        ),
        ("pace T+10", "E004", 20, 22, "`10` needs a unit", "write `10s` for seconds"),
        (
            "pace T+5min1s",
            "E004",
            20,
            26,
            "an offset of `5min1s` is more than 5min",
            "a pace that far from the reference is another pace: write it as one",
        ),
        ("pace T+400m", "E004", 20, 24, "`400m` is a distance; an offset is a time", "write it like `10s`"),
        ("pace T+10sec", "E003", 22, 25, "unknown duration unit `sec` in `10sec`", "did you mean `10s`?"),
        ("pace T/mile", "E003", 20, 24, "unknown pace unit `/mile`", "did you mean `mi`?"),
        ("pace 49% T", "E004", 18, 21, "49% of threshold is outside 50-150 %", None),
        ("pace 95-151% T", "E004", 21, 25, "151% of threshold is outside 50-150 %", None),
        ("pace 95-100 T", "E004", 21, 24, "`100` is not a percentage of threshold", "write `100%`"),
        ("pace 95bpm T", "E004", 18, 23, "`95bpm` is not a percentage of threshold", "write `95%`"),
        (
            "pace 95% T+5s",
            "E004",
            24,
            26,
            "a pace is a percentage of the athlete's pace or an offset from it, not both",
            "write `pace 95% threshold` or `pace threshold+5s`",
        ),
        ("hr 120% lthr", "E004", 16, 20, "120% of lthr is outside 50-110 %", None),
        ("hr 40-85% lthr", "E004", 16, 18, "40% of lthr is outside 50-110 %", None),
        ("hr 60-101% reserve", "E004", 19, 23, "101% of reserve is outside 0-100 %", None),
        ("hr 80-85 lthr", "E004", 19, 21, "`85` is not a percentage of lthr", "write `85%`"),
        (
            "hr 80% ftp",
            "E004",
            20,
            23,
            "a heart-rate target is not a percentage of `ftp`",
            "heart rate is a percentage of `lthr` or `reserve`, or of max heart rate with `%` alone: `hr 80%`",
        ),
        (
            "power 90% lthr",
            "E004",
            23,
            27,
            "a power target is not a percentage of `lthr`",
            "power is a percentage of `ftp`: `power 88-94% ftp`",
        ),
        (
            "cadence 90% ftp",
            "E004",
            25,
            28,
            "a cadence target is not a percentage of `ftp`",
            "cadence is written in spm or rpm: `cadence 170-180spm`",
        ),
        (
            "power 250W ftp",
            "E004",
            19,
            23,
            "`250W ftp` is not a percentage of FTP",
            "write a percentage, like `power 90% ftp`, or watts without `ftp`: `power 250W`",
        ),
        ("power 301% ftp", "E004", 19, 23, "power 301% is outside 1-300", None),
        ("pace thresold", "E001", 18, 26, "unknown pace `thresold`", "did you mean `threshold`?"),
        ("pace thresold-10s", "E001", 18, 26, "unknown pace `thresold`", "did you mean `threshold`?"),
        ("pace 95% tempo", "E001", 22, 27, "unknown pace `tempo`", "did you mean `threshold`?"),
        ("hr 80% lhtr", "E001", 20, 24, "unknown reference `lhtr`", "did you mean `lthr`?"),
        ("hr 70% hrr", "E001", 20, 23, "unknown reference `hrr`", "did you mean `reserve`?"),
        # names runners use for the same paces and heart rates
        ("pace MP", "E001", 18, 20, "unknown pace `MP`", "did you mean `marathon`?"),
        ("pace LT+5s", "E001", 18, 20, "unknown pace `LT`", "did you mean `threshold`?"),
        ("pace tempo", "E001", 18, 23, "unknown pace `tempo`", "did you mean `threshold`?"),
        ("hr 88% LT", "E001", 20, 22, "unknown reference `LT`", "did you mean `lthr`?"),
        ("power 90% fpt", "E001", 23, 26, "unknown reference `fpt`", "did you mean `ftp`?"),
    ],
)
def test_errors_point_at_the_part_to_blame(text, code, column, end, message, hint):
    found = error(f'workout "T"\n  run 10min {text}\n')
    assert (found.code, found.span.line, found.span.column, found.span.end_column) == (code, 2, column, end)
    assert (found.message, found.hint) == (message, hint)


def test_a_misspelt_target_keyword_after_a_value_is_still_a_syntax_error_about_it():
    found = error('workout "T"\n  run 10min hr 150 bpm\n')
    assert found.code == "E001" and found.hint == "write the number and its unit together: `150bpm`"


# ------------------------------------------------------------------ printing and fmt


@pytest.mark.parametrize(
    "written, printed",
    [
        ("pace T", "pace threshold"),
        ("pace t+10s", "pace threshold+10s"),
        ("pace M-5s/mi", "pace marathon-5s/mi"),
        ("pace T+10s/km", "pace threshold+10s"),
        ("pace e+1min30s", "pace easy+1min30s"),
        ("pace 100-95% T", "pace 95-100% threshold"),
        ("pace 97.5% R/mi", "pace 97.5% repetition/mi"),
        ("hr 80-85% LTHR", "hr 80-85% lthr"),
        ("hr 60% reserve", "hr 60% reserve"),
        ("hr<=z2", "hr<=z2"),
        ("power 88-94% ftp", "power 88-94% ftp"),
        ("lap-power 90% ftp", "lap-power 90% ftp"),
    ],
)
def test_the_printer_writes_relative_targets_in_long_words(written, printed):
    assert target_text(target(written)) == printed
    assert target_text(target(printed)) == printed


RELATIVE = """workout "Tempo"  threshold
    warmup 15min PACE E  hr < z2
    3X
        run 2km pace T + 10S /MI hr 88%-92% LTHR
        recover 2min hr 60 - 70% Reserve
    run 1km pace 95%-100% t power 88-94% FTP
plan "P"
    2026-01-01 easy 40min pace e-5s
"""

RELATIVE_FORMATTED = """workout "Tempo" threshold
  warmup 15min pace easy hr<z2
  3x
    run 2km pace threshold+10s/mi hr 88-92% lthr
    recover 2min hr 60-70% reserve
  run 1km pace 95-100% threshold power 88-94% ftp
plan "P"
  2026-01-01 easy 40min pace easy-5s
"""


def test_fmt_writes_the_canonical_form_and_keeps_them_relative():
    assert format_checked(RELATIVE) == RELATIVE_FORMATTED
    assert format_source(RELATIVE_FORMATTED) == RELATIVE_FORMATTED
    assert meaning(RELATIVE_FORMATTED) == meaning(RELATIVE) is not None


def test_fmt_tells_relative_targets_from_what_they_resolve_to():
    assert meaning("easy 40min pace T\n") != meaning("easy 40min pace M\n")
    assert meaning("easy 40min hr<=z2\n") != meaning("easy 40min hr 50-70%\n")
    assert meaning("easy 40min power 90% ftp\n") != meaning("easy 40min power 90%\n")


# ------------------------------------------------------------------ the fast lexer


def test_both_lexers_agree_on_relative_targets_and_their_mistakes():
    ours = build_parser()
    lark = Lark(grammar_text(), parser="lalr", lexer="contextual", postlex=Indentation(), maybe_placeholders=True)
    texts = [RELATIVE, RELATIVE_FORMATTED, RELATIVE.upper(), RELATIVE.swapcase()]
    texts += [RELATIVE.replace("T + 10S", mistake) for mistake in ("thresold", "T+", "T+0:10", "T-", "easy-ish", "T2")]
    texts += [RELATIVE.replace("LTHR", mistake) for mistake in ("lhtr", "ftp", "", "max")]
    for text in texts:
        assert outcome(ours, text, drive) == outcome(lark, text), text
