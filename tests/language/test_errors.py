"""Bad input: every error has a pinned position, message and hint, and never a traceback."""

from __future__ import annotations

import pytest

from workoutc.check.config import ConfigFinder
from workoutc.check.runner import Checker
from workoutc.diagnostics import render_text
from workoutc.fit.encode import encode_workout
from workoutc.language.source import decode, load_text

from ..helpers import error, errors


def where(diagnostic):
    return (diagnostic.code, diagnostic.span.line, diagnostic.span.column, diagnostic.span.end_column)


@pytest.mark.parametrize(
    "text, code, line, column, end, message, hint",
    [
        (
            "recvery 30min hr<z2\n",
            "E003",
            1,
            1,
            8,
            "unknown workout kind or sport `recvery`",
            "did you mean `recovery`?",
        ),
        (
            "recovery 30mins hr<z2\n",
            "E003",
            1,
            12,
            16,
            "unknown duration unit `mins` in `30mins`",
            "did you mean `30min`?",
        ),
        (
            "easy 30\n",
            "E004",
            1,
            6,
            8,
            "`30` needs a unit",
            "write `30min` for minutes, `30s` for seconds or `30m` for metres",
        ),
        ("easy 1h15\n", "E004", 1, 8, 10, "`15` in `1h15` needs a unit", "did you mean `1h15min`?"),
        (
            "easy 40min pace 3:70/km\n",
            "E004",
            1,
            17,
            21,
            "`3:70` is not a pace: seconds run from 00 to 59",
            "did you mean `4:10`?",
        ),
        ("easy 40min pace 4:00/mile\n", "E003", 1, 22, 26, "unknown pace unit `/mile`", "did you mean `mi`?"),
        ("easy 40min hr z9\n", "E004", 1, 15, 17, "`hr z9` has no zone 9", "heart-rate zones are 1-5"),
        ("easy 40min hr<z1\n", "E004", 1, 14, 17, "there is no zone below zone 1", None),
        ("easy 40min hr 140-150\n", "E004", 1, 19, 22, "`150` needs a unit", "write `150%` or `150bpm`"),
        ("easy 40min hr 300bpm\n", "E004", 1, 15, 21, "heart-rate 300bpm is outside 30-250", None),
        (
            "easy 40min grade z2\n",
            "E004",
            1,
            18,
            20,
            "grade targets have no zones",
            "give a range, like `grade 2-4%`",
        ),
        ("easy 40min strides 120x20s\n", "E004", 1, 20, 23, "a repeat count must be 1-99, not 120", None),
        ("easy 25h\n", "E004", 1, 6, 9, "`25h` is longer than a step may last (24h)", None),
        ("easy 0min\n", "E004", 1, 6, 10, "a duration of `0min` is empty", "durations must be longer than zero"),
        ("easy 0.001m\n", "E004", 1, 6, 12, "a duration of `0.001m` is empty", "durations must be longer than zero"),
        (
            "easy 30min strides 4x1000km\n",
            "E004",
            1,
            20,
            28,
            "the jog after each stride (3x the stride) is longer than a step may be",
            "write a shorter jog: `/2min`",
        ),
        (
            'workout "T"\n  running 1km\n',
            "E001",
            2,
            3,
            10,
            "expected a step, a repeat or an exercise, found `running`",
            "did you mean `run`?",
        ),
        (
            'workout "T"\n  run 30 min\n',
            "E001",
            2,
            10,
            13,
            "expected a target (`hr`, `pace`, `speed`, `power`, `cadence`), a swim stroke, a note in quotes or the end of the line, found `min`",
            "write the number and its unit together: `30min`",
        ),
        (
            'easy 40min "a\\tb"\n',
            "E004",
            1,
            14,
            16,
            "`\\t` is not an escape",
            'only \\" (a quote), \\\\ (a backslash) and \\n (a line break) are; write the character itself',
        ),
        (
            'workout "T"\n  run laps\n',
            "E001",
            2,
            7,
            11,
            "expected a duration (like `30min`, `400m`, `1.5km`, `lap` or `until hr<120bpm`), found `laps`",
            "did you mean `lap`?",
        ),
        (
            'workout "T"\n  run\n',
            "E001",
            2,
            6,
            7,
            "this step needs a duration",
            "add one, like `30min`, `400m` or `lap`",
        ),
        (
            'workout "T"\n  5x\n  run 1km\n',
            "E001",
            2,
            3,
            5,
            "a repeat needs an indented block of steps below it",
            "indent the lines that belong to it",
        ),
        (
            'workout "T"\n  run 1km\n  5x\n',
            "E001",
            3,
            3,
            5,
            "a repeat needs an indented block of steps below it",
            "indent the lines that belong to it",
        ),
        (
            'workout "T"\nrun 1km\n',
            "E001",
            1,
            1,
            12,
            "this workout needs an indented block of steps below it",
            "indent the lines that belong to it",
        ),
        (
            'workout "T"\n    run 1km\n  run 2km\n',
            "E002",
            3,
            1,
            3,
            "this line's indentation matches no enclosing block",
            "line it up with the block it belongs to",
        ),
        (
            'workout "T"\n\trun 1km\n        run 2km\n',
            "E002",
            3,
            1,
            9,
            "tabs and spaces are mixed in this indentation",
            "indent with spaces only (or tabs only) throughout the file",
        ),
        (
            "  easy 30min\nwork",
            "E002",
            1,
            1,
            3,
            "unexpected indentation",
            "the first line of a workout, plan or session starts in column 1",
        ),
        (
            "easy 30min\n  easy 20min\n",
            "E002",
            2,
            1,
            3,
            "unexpected indentation",
            "only the steps of a workout or repeat and the entries of a plan are indented",
        ),
        ('workout "T\n  run 1km\n', "E001", 1, 9, 11, "unterminated string", 'close it with `"` on the same line'),
        ("", "E008", 1, 1, 2, "this file defines no workout or plan", "a workout can be one line: `easy 40min hr<=z2`"),
        (
            "# only a comment\n",
            "E008",
            1,
            1,
            2,
            "this file defines no workout or plan",
            "a workout can be one line: `easy 40min hr<=z2`",
        ),
        (
            "easy 30min\neasy 20min\n",
            "E005",
            2,
            1,
            11,
            'a second workout named "test"',
            "the first is at line 1; names must be unique within a file; a one-line session is named after its file",
        ),
        (
            'workout "T" easy tempo\n  run 1km\n',
            "E004",
            1,
            18,
            23,
            "a workout has one kind; `easy` was given first",
            None,
        ),
        (
            'workout "T"\n  run 1km hr z2 pace 4:00/km power z2\n',
            "E004",
            2,
            30,
            38,
            "a step takes at most two targets",
            "the first is the main target, the second a secondary one",
        ),
    ],
)
def test_error_position_message_and_hint(text, code, line, column, end, message, hint):
    found = error(text)
    assert where(found) == (code, line, column, end)
    assert found.message == message
    assert found.hint == hint


# Notations runners bring from other tools and logs: each error shows the workoutc spelling.
@pytest.mark.parametrize(
    "text, code, line, column, end, message, hint",
    [
        (
            'workout "Track"\n  5x400m/200m pace 3:50/km\n',
            "E001",
            2,
            9,
            10,
            "the recovery after each repeat is written after the step, with `recover` or `rest`",
            "write `5x400m pace 3:50/km recover 200m` (or `rest 200m`)",
        ),
        (
            'workout "Track"\n  5x run 400m\n',
            "E001",
            2,
            6,
            9,
            "the steps of a repeat go on the lines below it, indented",
            "write `5x` on its own line and the steps it repeats below it, indented: `run 400m`",
        ),
        (
            'workout "Track"\n  5 x 400m\n',
            "E001",
            2,
            3,
            4,
            "the steps of a repeat go on the lines below it, indented",
            "write `5x` on its own line and the steps it repeats below it, indented: `run 400m`",
        ),
        (
            'workout "Track"\n  5 x\n    run 400m\n',
            "E001",
            2,
            3,
            4,
            "expected a step (`warmup`, `run`, `ride`, `swim`, `recover`, `rest`, `cooldown`, `strides`), a repeat like `5x`, or an exercise like `squat 3x10`, found `5`",
            "write the count and `x` together: `5x`",
        ),
        (
            'workout "Track"\n  5×\n    run 400m\n',
            "E001",
            2,
            3,
            4,
            "expected a step (`warmup`, `run`, `ride`, `swim`, `recover`, `rest`, `cooldown`, `strides`), a repeat like `5x`, or an exercise like `squat 3x10`, found `5`",
            "write the count and `x` together: `5x`",
        ),
        (
            'workout "Track"\n  5 x "Main set"\n    run 400m\n',
            "E001",
            2,
            3,
            4,
            "expected a step (`warmup`, `run`, `ride`, `swim`, `recover`, `rest`, `cooldown`, `strides`), a repeat like `5x`, or an exercise like `squat 3x10`, found `5`",
            'write the count and `x` together: `5x "Main set"`',
        ),
        (
            "intervals 5x400m\n",
            "E004",
            1,
            11,
            17,
            "`5x400m` is not a duration",
            "repeats are written in a workout block: `5x` on its own line, then `run 400m` indented below it, "
            "or as one line: `5x400m recover 90s`",
        ),
        (
            'workout "Track"\n  run 1km pace 5:30/km-6:00/km\n',
            "E001",
            2,
            16,
            31,
            "a pace range is written with its unit once, at the end",
            "did you mean `pace 5:30-6:00/km`?",
        ),
        (
            'workout "Track"\n  run 1km pace 5:30/km - 6:00/km  # between\n',
            "E001",
            2,
            16,
            33,
            "a pace range is written with its unit once, at the end",
            "did you mean `pace 5:30-6:00/km`?",
        ),
        (
            'workout "Track"\n  run 1km pace 5:30-6:00\n',
            "E001",
            2,
            16,
            25,
            "a pace ends with its unit, `/km` or `/mi`",
            "did you mean `pace 5:30-6:00/km` (or `/mi`)?",
        ),
        (
            'workout "Track"\n  run 1km pace 5:30 hr<z3\n',
            "E001",
            2,
            16,
            20,
            "a pace ends with its unit, `/km` or `/mi`",
            "did you mean `pace 5:30/km` (or `/mi`)?",
        ),
        (
            'workout "Track"\n  run 1km pace 5:30min/km\n',
            "E001",
            2,
            16,
            20,
            "a pace ends with its unit, `/km` or `/mi`",
            "did you mean `pace 5:30/km`?",
        ),
        (
            'workout "Track"\n  run 20min hr zone2\n',
            "E001",
            2,
            16,
            21,
            "expected a zone or a range (like `z2`, `<z2`, `<=z2`, `140-150bpm`, `65-75%`), found `zone2`",
            "did you mean `hr z2`?",
        ),
        (
            'workout "Track"\n  run 20min hr Zone 2\n',
            "E001",
            2,
            16,
            20,
            "expected a zone or a range (like `z2`, `<z2`, `<=z2`, `140-150bpm`, `65-75%`), found `Zone`",
            "did you mean `hr z2`?",
        ),
        (
            'workout "Track"\n  run 20min hr<=zone2\n',
            "E001",
            2,
            17,
            22,
            "expected a number with a unit, a zone like `z2` or the end of the line, found `zone2`",
            "did you mean `hr<=z2`?",
        ),
        (
            'workout "Track"\n  run 20min power zone3\n',
            "E001",
            2,
            19,
            24,
            "expected a zone or a range (like `z2`, `<z2`, `<=z2`, `140-150bpm`, `65-75%`), found `zone3`",
            "did you mean `power z3`?",
        ),
        (
            'workout "Track"\n  run 20min Z2\n',
            "E001",
            2,
            13,
            15,
            "expected a target (`hr`, `pace`, `speed`, `power`, `cadence`), a swim stroke, a note in quotes or the end of the line, found `Z2`",
            "did you mean `hr z2`?",
        ),
        (
            "workout \"Track\"\n  run 1km 'relax'\n",
            "E001",
            2,
            11,
            18,
            "a note in single quotes",
            'a note is written in double quotes: `"relax"`',
        ),
        (
            "workout \"Track\"\n  run 1km 'don't stop'\n",
            "E001",
            2,
            11,
            23,
            "a note in single quotes",
            'a note is written in double quotes: `"don\'t stop"`',
        ),
        (
            'workout "Track"\n  run 1km “relax”\n',
            "E001",
            2,
            11,
            18,
            "a note in curly quotes",
            'a note is written in double quotes: `"relax"`',
        ),
        (
            "workout \"Track\"\n  run 'Hill' 60s\n",
            "E001",
            2,
            7,
            13,
            "a step name in single quotes",
            'a step name is written in double quotes: `"Hill"`',
        ),
        (
            "workout \"Track\"\n  5x 'Main set'\n    run 400m\n",
            "E001",
            2,
            6,
            16,
            "a repeat name in single quotes",
            'a repeat name is written in double quotes: `"Main set"`',
        ),
        (
            "workout 'Track'\n  run 1km\n",
            "E001",
            1,
            9,
            16,
            "a workout name in single quotes",
            'a workout name is written in double quotes: `"Track"`',
        ),
        (
            "plan \"P\"\n  2026-11-24 'Track'\n",
            "E001",
            2,
            14,
            21,
            "a workout name in single quotes",
            'a workout name is written in double quotes: `"Track"`',
        ),
        (
            'workout "Track"\n  run 1km @ 5:30/km\n',
            "E001",
            2,
            11,
            12,
            "expected a target (`hr`, `pace`, `speed`, `power`, `cadence`), a swim stroke, a note in quotes or the end of the line, found `@`",
            "write `pace 5:30/km` (no `@`)",
        ),
        (
            'workout "Track"\n  run 1km @5:30-6:00\n',
            "E001",
            2,
            11,
            12,
            "expected a target (`hr`, `pace`, `speed`, `power`, `cadence`), a swim stroke, a note in quotes or the end of the line, found `@`",
            "write `pace 5:30-6:00/km` or `/mi` (no `@`)",
        ),
        (
            "easy 30min @ z2\n",
            "E001",
            1,
            12,
            13,
            "expected a target (`hr`, `pace`, `speed`, `power`, `cadence`), a swim stroke, a note in quotes or the end of the line, found `@`",
            "write `hr z2` (no `@`)",
        ),
        (
            'workout "Track"\n  run 1km @ 150bpm\n',
            "E001",
            2,
            11,
            12,
            "expected a target (`hr`, `pace`, `speed`, `power`, `cadence`), a swim stroke, a note in quotes or the end of the line, found `@`",
            "write `hr 150bpm` (no `@`)",
        ),
        (
            'workout "Track"\n  run 1km @ 250w\n',
            "E001",
            2,
            11,
            12,
            "expected a target (`hr`, `pace`, `speed`, `power`, `cadence`), a swim stroke, a note in quotes or the end of the line, found `@`",
            "write `power 250W` (no `@`)",
        ),
        (
            'workout "Track"\n  run 1km @ 70%\n',
            "E001",
            2,
            11,
            12,
            "expected a target (`hr`, `pace`, `speed`, `power`, `cadence`), a swim stroke, a note in quotes or the end of the line, found `@`",
            "a target starts with what it measures, not `@`: `pace 5:30/km`, `hr z2`, `power 250W`",
        ),
        (
            'workout "Track"\n  run 400M\n',
            "E003",
            2,
            10,
            11,
            "unknown duration unit `M` in `400M`",
            "a capital `M` could mean metres, miles or minutes: write `400m`, `400mi` or `400min`",
        ),
        (
            'workout "Track"\n  run 1H30M\n',
            "E003",
            2,
            11,
            12,
            "unknown duration unit `M` in `30M`",
            "a capital `M` could mean metres, miles or minutes: write `30min`",
        ),
        (
            'workout "Track"\n  run 30 MIN\n',
            "E001",
            2,
            10,
            13,
            "expected a target (`hr`, `pace`, `speed`, `power`, `cadence`), a swim stroke, a note in quotes or the end of the line, found `MIN`",
            "write the number and its unit together: `30min`",
        ),
    ],
)
def test_notations_from_elsewhere_get_the_workoutc_spelling(text, code, line, column, end, message, hint):
    found = error(text)
    assert where(found) == (code, line, column, end)
    assert found.message == message
    assert found.hint == hint


@pytest.mark.parametrize(
    "text",
    [
        'workout "T"\n  run 1km pace 5:30/km-6:00/mi\n',  # two units: which one was meant?
        'workout "T"\n  5x "Main" junk\n    run 1km\n',
        'workout "T"\n  run 30 M\n',  # a capital M is ambiguous apart from its number too
    ],
)
def test_what_is_not_recognised_keeps_the_parsers_own_words(text):
    assert error(text).hint is None


@pytest.mark.parametrize(
    "text, message",
    [
        ('workout "T"\n  re\u017ft 1min\n', "found `re\u017ft`"),  # the long s is not an s
        ('workout "T"\n  run 1km pace 4:00/\u212am\n', "unknown pace unit `/\u212am`"),  # nor the Kelvin sign a k
    ],
)
def test_only_ascii_letters_are_read_in_any_case(text, message):
    assert message in error(text).message


def test_all_independent_errors_of_a_file_are_reported():
    found = errors('workout "A"\n  run 30mins\n  run 1km hr z9\nworkout "B"\n  run 1km pace 3:99/km\n')
    assert [(d.span.line, d.code) for d in found] == [(2, "E003"), (3, "E004"), (5, "E004")]


def test_compiler_style_rendering_with_caret_and_hint():
    text = "recovery 30mins hr<z2\n"
    [found] = load_text(text, "runs/recovery.wkt").diagnostics
    assert render_text(found, text) == (
        "runs/recovery.wkt:1:12: error E003 unknown duration unit `mins` in `30mins` (unknown-word)\n"
        " 1 | recovery 30mins hr<z2\n"
        "   |            ^^^^\n"
        "  hint: did you mean `30min`?"
    )


@pytest.mark.parametrize(
    "data, message, line, column",
    [
        (b"\xff junk", "the file is not UTF-8 text (byte 0xff)", 1, 1),
        (
            b"\xff\xfe junk",  # a UTF-16 byte-order mark, then an odd number of bytes
            "the file looks like UTF-16 text, but it is damaged (half a character, or a lone surrogate)",
            1,
            1,
        ),
        (b"easy 30min\nhr \xc3\x28\n", "the file is not UTF-8 text (byte 0xc3)", 2, 4),
        (b"\x0e\x10\xd9\x07\x00\x00.FIT\x00\x00", "this is a binary file, not workout text", 1, 5),
    ],
)
def test_undecodable_input(data, message, line, column):
    text, problem = decode(data, "x.wkt")
    assert text is None and problem is not None
    assert (problem.code, problem.message, problem.span.line, problem.span.column) == ("E007", message, line, column)


def test_byte_order_mark_and_carriage_returns_are_accepted():
    text, problem = decode(b"\xef\xbb\xbfeasy 30min\r\n", "x.wkt")
    assert problem is None and text == "easy 30min\n"


@pytest.mark.parametrize(
    "text",
    [
        "\x07\x08 junk",
        "workout",
        'workout "',
        "5x\n",
        "  \t \n\t",
        "easy 30min strides",
        "easy 30min strides 4x",
        "easy 30min strides x20s",
        "easy 30min strides 4x20s/",
        "easy 30min hr",
        "easy 30min hr<",
        "easy 30min pace 4:00",
        'plan "P"\n  2026-13-45 rest\n',
        'plan "P"\n  2026-11-23 25:00 rest\n',
        'workout ""\n  run 1km\n',
        "easy 9999999999999999999999h",
        "easy 1.5.5km",
        "é 30min",
        'easy 30min "\\',
        'workout "T"\n' + "  5x\n" * 40,
        'workout "T"\n  run 1km\n   run 2km\n',
        "\ufeffeasy 30min",
        "easy 30min\x00",
        'workout "T" running tempo cycling\n  run 1km\n',
        # found by fuzzing: numbers past Python's int limit, deep and explosive nesting, windows below zero
        "easy 30min hr z" + "1" * 4301,
        "easy 30min pace " + "9" * 310 + ":00/km",
        "easy 30min hr 1%",
        "easy 30min power 5W",
        'workout "a" intervals\n' + "".join("\t" * (i + 1) + "1x\n" for i in range(490)) + "\t" * 491 + "run 1s\n",
        'workout "a" easy\n' + "".join("  " * (i + 1) + "2x\n" for i in range(22)) + "  " * 23 + "run 1s\n",
        'workout "a" easy\n  99x\n    99x\n      99x\n        99x\n          run 1s\n',
        'plan "p"\n  0001-01-01 tempo 30min\n',
        'plan "p"\n  9999-12-31 07:00 easy 30min\n',
    ],
)
def test_broken_input_gives_diagnostics_never_a_traceback(text):
    source = load_text(text, "x.wkt")
    [diagnostics] = Checker(ConfigFinder(None)).run([source])
    if source.document is not None:
        for workout in source.document.all_workouts():
            encode_workout(workout, 1764547200)
    for diagnostic in diagnostics:
        assert diagnostic.span.line >= 1 and diagnostic.span.column >= 1
        render_text(diagnostic, text)
