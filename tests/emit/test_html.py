"""HTML pages: golden pages, escaping, units and the chart's shape."""

from __future__ import annotations

import re

import pytest

from tools.golden import GOLDEN_PAGES, PAGES, render_pages
from workoutc.check.config import Athlete
from workoutc.cli import main
from workoutc.emit.view import LAST_TICK, chart
from workoutc.emit.words import target_words

from ..helpers import workout


@pytest.mark.parametrize("name", PAGES)
def test_page_matches_golden(name):
    assert render_pages()[name] == (GOLDEN_PAGES / name).read_text(encoding="utf-8"), (
        f"{name} changed; if intended, run `make golden` and review the diff"
    )


def test_names_and_notes_are_escaped(tmp_path):
    source = tmp_path / "x.wkt"
    source.write_text(
        'workout "<script>alert(1)</script>" easy\n  run 10min "<img src=x onerror=alert(2)>"\n', encoding="utf-8"
    )
    assert main(["html", str(source), "-o", str(tmp_path / "out")]) == 0
    page = (tmp_path / "out" / "script-alert-1-script.html").read_text(encoding="utf-8")
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    for text in (page, index):
        assert "<script>" not in text and "<img" not in text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "&lt;img src=x onerror=alert(2)&gt;" in page


def test_compile_html_writes_pages_beside_fit_files_and_an_index(tmp_path, capsys):
    source = tmp_path / "w.wkt"
    source.write_text(
        'workout "Tempo" tempo\n  warmup 15min\n  run 20min\n  cooldown 10min\n'
        'plan "Week"\n  2026-11-24 "Tempo"\n  2026-11-25 easy 30min\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert main(["compile", str(source), "-o", str(out), "--html"]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "easy-11-25.fit",
        "easy-11-25.html",
        "index.html",
        "tempo.fit",
        "tempo.html",
        "week.html",
        "week.ics",
        "week.schedule.fit",
    ]
    index = (out / "index.html").read_text(encoding="utf-8")
    for link in ('href="tempo.html"', 'href="week.html"', 'href="easy-11-25.html"', 'href="tempo.fit"'):
        assert link in index
    assert 'href="tempo.html"' in (out / "week.html").read_text(encoding="utf-8")


def test_html_command_writes_no_fit(tmp_path):
    source = tmp_path / "w.wkt"
    source.write_text("easy 30min\n", encoding="utf-8")
    assert main(["html", str(source), "-o", str(tmp_path / "out")]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["index.html", "w.html"]


def test_pages_need_nothing_from_the_network(tmp_path):
    source = tmp_path / "w.wkt"
    source.write_text("easy 30min strides 4x20s\n", encoding="utf-8")
    main(["html", str(source), "-o", str(tmp_path / "out")])
    for page in (tmp_path / "out").glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "http://" not in text and "https://" not in text and "<script" not in text
        assert "@media (prefers-color-scheme: dark)" in text and "@media print" in text


PROFILE = Athlete(max_hr=200, ftp=300, easy_pace=(320, 350), threshold_pace=250)


@pytest.mark.parametrize(
    "line, athlete, expected",
    [
        ("run 1km pace 3:50-4:00/km", Athlete(), "3:50\u20134:00 /km \u00b7 6:10\u20136:26 /mi"),
        ("run 1km pace 3:50-4:00/km", Athlete(units="imperial"), "6:10\u20136:26 /mi \u00b7 3:50\u20134:00 /km"),
        ("run 1km hr z2", PROFILE, "HR zone 2 \u00b7 60\u201370 % max \u00b7 120\u2013140 bpm"),
        ("run 1km hr 140-150bpm", PROFILE, "HR 140\u2013150 bpm \u00b7 70\u201375 % max"),
        ("run 1km hr 140-150bpm", Athlete(), "HR 140\u2013150 bpm"),
        ("run 1km power 270-300W", PROFILE, "power 270\u2013300 W \u00b7 90\u2013100 % FTP"),
        ("run 1km power 90-95%", PROFILE, "power 90\u201395 % FTP \u00b7 270\u2013285 W"),
        ("run 1km lap-power 150-200W", Athlete(), "lap power 150\u2013200 W"),
        ("run 1km cadence 170-180spm", Athlete(), "cadence 170\u2013180 spm"),
    ],
)
def test_targets_in_both_unit_systems(line, athlete, expected):
    step = workout(f'workout "T"\n  {line}\n').steps[0]
    assert target_words(step.targets[0], athlete) == expected


def test_chart_bars_follow_time_and_open_steps_are_marked():
    parsed = workout('workout "T"\n  warmup 10min hr<=z2\n  3x\n    run 1min hr z5\n    recover lap\n  cooldown 5min\n')
    bars = chart(parsed, Athlete())["bars"]
    assert len(bars) == 1 + 3 * 2 + 1
    assert [bar["open"] for bar in bars] == [False, False, True, False, True, False, True, False]
    assert bars[0]["width"] == pytest.approx(2 * bars[-1]["width"], abs=0.05)
    assert bars[1]["zone"] == "z5" and bars[1]["height"] > bars[0]["height"]
    assert bars[-1]["x"] + bars[-1]["width"] == pytest.approx(100, abs=0.01)  # percentages of the chart's width


@pytest.mark.parametrize("minutes, last", [(30, "25'"), (47, "40'"), (48, "45'"), (165, "150'")])
def test_chart_leaves_out_a_time_label_that_would_run_off_its_right_edge(minutes, last):
    ticks = chart(workout(f'workout "T"\n  run {minutes}min\n'), Athlete())["ticks"]
    assert ticks[0] == {"x": 0, "label": "0'"} and ticks[-1]["label"] == last
    assert all(tick["x"] <= LAST_TICK for tick in ticks)


def test_the_page_counts_steps_as_the_compile_line_does(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["compile", "examples", "-o", str(out), "--html"]) == 0
    said = dict(re.findall(r"(?:-> |, )\S+/([^/ ]+)\.fit \((\d+) steps?\)", capsys.readouterr().out))
    assert len(said) == sum(1 for fit in out.glob("*.fit") if not fit.name.endswith(".schedule.fit")) > 30
    for stem, count in said.items():
        page = (out / f"{stem}.html").read_text(encoding="utf-8")
        shown = re.search(r"<span>Steps on the watch</span><strong>(\d+)</strong>\s*<small>([^<]*)</small>", page)
        assert shown is not None, stem
        assert shown[1] == count, stem
        assert shown[2].endswith(", as the compile line counts them")
    track = (out / "track-12x400.html").read_text(encoding="utf-8")
    assert "<strong>8</strong>\n    <small>6 steps and 2 repeats, as the compile line counts them</small>" in track


def test_finding_counts_in_the_index_are_plural(tmp_path):
    source = tmp_path / "w.wkt"
    source.write_text(
        'workout "A" recovery\n  run 90min hr<z2\n  strides 4x20s\nworkout "B" recovery 80min\n', encoding="utf-8"
    )
    assert main(["html", str(source), "-o", str(tmp_path / "out")]) == 0
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<span class="severity warning">\d+ warnings?</span>', index)
    counts = re.findall(r'<span class="severity (\w+)">(\d+) (\w+)</span>', index)
    assert counts
    for severity, count, word in counts:
        assert word == (severity if count == "1" or severity == "info" else severity + "s")
