"""fmt: one canonical layout, comments kept, idempotent, never a change in meaning."""

from __future__ import annotations

import pytest

from tools.golden import example_sources
from workoutc.cli import main
from workoutc.language.formatter import format_source, meaning

MESSY = """# a header comment
workout   "T"   intervals    # trailing
    warmup   15min  hr <= Z2
    5x   "Main"
\t\t
        run 1.50km pace 4:00-3:50/km hr 140bpm-150BPM "say \\"hi\\""
        # a comment inside the repeat


        recover 0400m
    strides 4x20s / 45s
    cooldown lap     # workoutc: disable=S202
# between
easy 030min power 250w-260W
plan "P"
    2026-11-23 7:05 easy 30min
    2026-11-24 rest
"""

EXPECTED = """# a header comment
workout "T" intervals  # trailing
  warmup 15min hr<=z2
  5x "Main"

    run 1.5km pace 3:50-4:00/km hr 140-150bpm "say \\"hi\\""
    # a comment inside the repeat

    recover 400m
  strides 4x20s/45s
  cooldown lap  # workoutc: disable=S202
# between
easy 30min power 250-260W
plan "P"
  2026-11-23 07:05 easy 30min
  2026-11-24 rest
"""


def test_messy_source_gets_the_canonical_layout():
    assert format_source(MESSY) == EXPECTED


def test_formatting_keeps_the_meaning_and_every_comment():
    assert meaning(EXPECTED) == meaning(MESSY) is not None
    comments = [
        line.split("#", 1)[1] for line in MESSY.splitlines() if "#" in line and '"' not in line.split("#")[0][-2:]
    ]
    for comment in comments:
        assert comment.strip() in EXPECTED


@pytest.mark.parametrize("source", example_sources(), ids=lambda p: p.name)
def test_examples_are_formatted_and_fmt_is_idempotent(source):
    text = source.read_text(encoding="utf-8")
    assert format_source(text) == text


@pytest.mark.parametrize(
    "text",
    [
        MESSY,
        "recovery 30min hr<z2 strides 4x20s\n",
        "easy  1h15min   pace 5:33.30-5:50/km\n",
        'workout "A" easy 30min\r\nworkout "B"\r\n\trun 1km\r\n\trepeat until hr>150bpm "x"\r\n\t\trun 1min\r\n',
    ],
)
def test_fmt_is_idempotent_and_keeps_meaning(text):
    once = format_source(text)
    assert format_source(once) == once
    assert meaning(once) == meaning(text)


def test_check_and_diff_change_nothing(tmp_path, capsys):
    path = tmp_path / "messy.wkt"
    path.write_text(MESSY, encoding="utf-8")
    assert main(["fmt", "--check", str(path)]) == 1
    assert main(["fmt", "--diff", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == MESSY
    captured = capsys.readouterr()
    assert f"would reformat {path}" in captured.err
    assert "\n-    warmup   15min  hr <= Z2\n" in captured.out and "\n+  warmup 15min hr<=z2\n" in captured.out


def test_fmt_rewrites_in_place_then_check_passes(tmp_path, capsys):
    path = tmp_path / "messy.wkt"
    path.write_text(MESSY, encoding="utf-8")
    assert main(["fmt", str(tmp_path)]) == 0
    assert path.read_text(encoding="utf-8") == EXPECTED
    assert main(["fmt", "--check", str(tmp_path)]) == 0
    assert "0 files would be reformatted, 1 unchanged" in capsys.readouterr().err


def test_a_file_that_does_not_parse_is_left_alone(tmp_path, capsys):
    path = tmp_path / "bad.wkt"
    path.write_text("recovery 30mins\n", encoding="utf-8")
    assert main(["fmt", str(path)]) == 1
    assert path.read_text(encoding="utf-8") == "recovery 30mins\n"
    assert f"{path}:1:12: error E003 unknown duration unit `mins`" in capsys.readouterr().err


SHOUTED = """WORKOUT "Track 5X1K" INTERVALS  # Comments Keep Their Case
  WARMUP 15MIN HR<=Z2
  5X "Main SET"
    Run 1KM Pace 4:00-3:50/Km HR 140BPM-150BPM "Relax"
    RECOVER 400m
  STRIDES 4X20S/45S POWER 250w
  REPEAT UNTIL HR>160BPM
    RUN 1Mi CADENCE 170-180SPM
  COOLDOWN LAP LAP-POWER Z2
Easy 30Min
PLAN "P"
  2026-11-23 REST
  2026-11-24 Tempo 1H30MIN
"""

SHOUTED_FORMATTED = """workout "Track 5X1K" intervals  # Comments Keep Their Case
  warmup 15min hr<=z2
  5x "Main SET"
    run 1km pace 3:50-4:00/km hr 140-150bpm "Relax"
    recover 400m
  strides 4x20s/45s power 250W
  repeat until hr>160bpm
    run 1mi cadence 170-180spm
  cooldown lap lap-power z2
easy 30min
plan "P"
  2026-11-23 rest
  2026-11-24 tempo 1h30min
"""


def test_upper_case_is_written_in_lower_case_and_means_the_same():
    assert format_source(SHOUTED) == SHOUTED_FORMATTED
    assert meaning(SHOUTED_FORMATTED) == meaning(SHOUTED) is not None
    assert format_source(SHOUTED_FORMATTED) == SHOUTED_FORMATTED


@pytest.mark.parametrize(
    "data, why",
    [
        ("easy 30min\n".encode("utf-16"), "UTF-16"),
        (b"easy 30min\r\n", "CRLF line endings"),
        (b"\xef\xbb\xbfeasy 30min\n", "a byte-order mark"),
    ],
)
def test_a_file_formatted_but_for_its_bytes_says_why_it_changes(tmp_path, capsys, data, why):
    path = tmp_path / "a.wkt"
    path.write_bytes(data)
    assert main(["fmt", "--diff", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out == ""  # no line differs
    assert err.startswith(f"{path}: would be rewritten as UTF-8 with LF line endings (from {why})\n")
    assert main(["fmt", str(path)]) == 0
    assert path.read_bytes() == b"easy 30min\n"
    assert f"{path}: was rewritten as UTF-8 with LF line endings (from {why})\n" in capsys.readouterr().err
