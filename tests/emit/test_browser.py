"""The pages in a real browser: headless Chromium opens them from file://, and at a
phone's width (390 px) and a desktop's (1280 px) nothing on any page runs off the screen.

Needs Debian's `chromium`; `.ci/run` installs it and sets WORKOUTC_REQUIRE_BROWSER=1
so CI fails rather than skips when the browser is missing.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from itertools import pairwise
from pathlib import Path

import pytest

from workoutc.check.config import Athlete
from workoutc.cli import main
from workoutc.emit.html import workout_page
from workoutc.model import expanded_steps

from ..helpers import workout
from . import sport_models
from .png import distinct_colours

ROOT = Path(__file__).resolve().parents[2]
BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
if BROWSER is None and os.environ.get("WORKOUTC_REQUIRE_BROWSER") != "1":
    pytest.skip("chromium is not installed (CI installs it)", allow_module_level=True)

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--enable-logging=stderr",
    "--v=0",
]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1764547200")
    assert main(["compile", str(ROOT / "examples"), "-o", str(out), "--html"]) == 0
    return out


def chromium(page: Path, profile: Path, *args: str) -> subprocess.CompletedProcess:
    assert BROWSER, "chromium is required here"
    return subprocess.run(
        [BROWSER, *FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()],
        capture_output=True,
        check=False,
        text=True,
        timeout=120,
    )


def console_problems(log: str) -> list[str]:
    return [line for line in log.splitlines() if "CONSOLE" in line or "Failed to load resource" in line]


@pytest.mark.parametrize("page", ["index.html", "track-5x1k.html", "base-week-3.html"])
def test_page_loads_without_console_errors(site, tmp_path, page):
    result = chromium(site / page, tmp_path / "profile", "--dump-dom")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "</html>" in result.stdout
    assert console_problems(result.stderr) == []


@pytest.mark.parametrize(
    "page, size",
    [
        ("index.html", "1280,900"),
        ("track-5x1k.html", "1280,900"),
        ("index.html", "390,844"),
        ("track-5x1k.html", "390,844"),
        ("base-week-3.html", "390,844"),
    ],
)
def test_screenshot_is_not_blank(site, tmp_path, page, size):
    shot = tmp_path / "shot.png"
    result = chromium(site / page, tmp_path / "profile", f"--window-size={size}", f"--screenshot={shot}")
    assert result.returncode == 0 and shot.exists(), result.stderr[-2000:]
    assert distinct_colours(shot.read_bytes()) > 20


def test_profile_chart_has_one_bar_per_expanded_step(site, tmp_path):
    dom = chromium(site / "track-5x1k.html", tmp_path / "profile", "--dump-dom").stdout
    expected = len(list(expanded_steps(workout((ROOT / "examples/track-1k.wkt").read_text()).steps)))
    assert expected == 1 + 5 * 2 + 1
    assert len(re.findall(r'<rect class="bar ', dom)) == expected


# ------------------------------------------------------------------ fitting the screen

VIEWPORTS = {"phone": (390, 844), "desktop": (1280, 900)}
READABLE_PX = 11  # the smallest chart label, in CSS pixels on screen, that reads on a phone
MAY_SCROLL_SIDEWAYS = {"pre.source"}  # source lines keep their shape; their own box scrolls
LAYOUT_JS = (Path(__file__).parent / "layout.js").read_text(encoding="utf-8")
LONG = "Supercalifragilistic" * 4
UNBROKEN = "keepthecadencehigh" * 8


@pytest.fixture(scope="module")
def long_words_site(tmp_path_factory) -> Path:
    """Pages whose names, paths and notes are single words too long for a phone's line,
    and an index that lists a broken file by its long path."""
    folder = tmp_path_factory.mktemp("long-words")
    broken = folder / f"{'brokenfilename' * 6}.wkt"
    broken.write_text('workout "B" easy\n  run 10min pace\n', encoding="utf-8")
    source = folder / f"{'afoldernamethatgoeson' * 3}.wkt"
    source.write_text(
        f'workout "{LONG}" intervals\n  warmup 10min hr<=z2 "{UNBROKEN}"\n  4x\n'
        f'    run 1km pace 3:50-4:00/km hr 80-90% "{UNBROKEN}"\n    recover until hr<120bpm\n  cooldown lap\n'
        f'plan "Plan{LONG}"\n  2026-11-24 "{LONG}"\n  2026-11-25 easy 45min hr<=z2 "{UNBROKEN}"\n',
        encoding="utf-8",
    )
    assert main(["html", str(source), str(broken), "-o", str(folder / "out")]) == 1  # 1: the broken file
    assert "was not compiled this time" in (folder / "out" / "index.html").read_text(encoding="utf-8")
    return folder / "out"


@pytest.fixture(scope="module")
def sports_site(tmp_path_factory) -> Path:
    """A page for each sport: a swim, a strength session, rides in power and in speed."""
    folder = tmp_path_factory.mktemp("sports")
    athlete = Athlete(ftp=250, max_hr=190, easy_pace=(330, 360))
    for make in (sport_models.swim, sport_models.yard_swim, sport_models.strength, sport_models.sweet_spot):
        made = workout_page(make(), text="\n" * 10, findings=[], athlete=athlete, fit_name=None)
        (folder / f"{make.__name__}.html").write_text(made, encoding="utf-8")
    made = workout_page(sport_models.road_ride(), text="", findings=[], athlete=Athlete(), fit_name=None)
    (folder / "road_ride.html").write_text(made, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def every_page(site, long_words_site, sports_site) -> dict[str, Path]:
    """Every page of the three sites, by a name like "examples/index.html"."""
    pages = {f"examples/{page.name}": page for page in sorted(site.glob("*.html"))}
    pages |= {f"sports/{page.name}": page for page in sorted(sports_site.glob("*.html"))}
    return pages | {f"long-words/{page.name}": page for page in sorted(long_words_site.glob("*.html"))}


@pytest.fixture(scope="module")
def layouts(every_page, tmp_path_factory) -> dict[str, dict[str, dict]]:
    """What layout.js measured, by viewport, then by page."""
    folder = tmp_path_factory.mktemp("layout")
    return {viewport: measure_layouts(every_page, size, folder) for viewport, size in VIEWPORTS.items()}


def measure_layouts(pages: dict[str, Path], size: tuple[int, int], folder: Path) -> dict[str, dict]:
    """Every page in a frame of `size`, measured in one browser.

    A frame, because headless Chromium makes no window narrower than 500 px (with
    --window-size=390,844 a page's innerWidth is 500); a frame's viewport is the size
    asked. The wrapper reads its frames' documents, which Chromium allows between file://
    pages only with --allow-file-access-from-files."""
    width, height = size
    frames = "".join(
        f'<iframe data-page="{html.escape(key)}" src="{page.as_uri()}" width="{width}" height="{height}"></iframe>'
        for key, page in pages.items()
    )
    wrapper = folder / f"{width}x{height}.html"
    wrapper.write_text(
        f'<!DOCTYPE html><meta charset="utf-8"><title>layout</title>{frames}<pre id="measured"></pre>'
        f"<script>{LAYOUT_JS}</script>",
        encoding="utf-8",
    )
    result = chromium(wrapper, folder / f"profile-{width}", "--allow-file-access-from-files", "--dump-dom")
    measured = re.search(r'<pre id="measured">(.+?)</pre>', result.stdout, re.DOTALL)
    assert measured, f"layout.js left no numbers: {result.stderr[-2000:]}"
    return json.loads(html.unescape(measured.group(1)))


def test_every_page_is_measured_at_the_width_asked(every_page, layouts):
    """The other tests cannot pass by measuring too few pages or a wider window."""
    assert {"examples/index.html", "examples/track-5x1k.html", "examples/base-week-3.html"} <= set(every_page)
    for viewport, (width, _) in VIEWPORTS.items():
        assert set(layouts[viewport]) == set(every_page)
        assert {page["innerWidth"] for page in layouts[viewport].values()} == {width}


def test_every_page_asks_phones_for_their_own_width(every_page):
    for page in every_page.values():
        assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page.read_text("utf-8")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_no_page_is_wider_than_the_screen(layouts, viewport):
    too_wide = {key: wider_than_the_screen(page) for key, page in layouts[viewport].items()}
    assert {key: found for key, found in too_wide.items() if found} == {}


def wider_than_the_screen(page: dict) -> list[str]:
    document = page["scrollWidth"] > page["innerWidth"]
    return [f"the page is {page['scrollWidth']} px wide"] * document + page["pastRightEdge"]


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_tables_need_no_sideways_scrolling(layouts, viewport):
    scrolled = {
        key: boxes
        for key, page in layouts[viewport].items()
        if (boxes := [box for box in page["scrolledBoxes"] if box not in MAY_SCROLL_SIDEWAYS])
    }
    assert scrolled == {}


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_chart_labels_are_readable_whole_and_apart(layouts, viewport):
    charted = {key: page["labels"] for key, page in layouts[viewport].items() if page["charts"]}
    assert "examples/track-5x1k.html" in charted and all(charted.values())
    assert {"sports/sweet_spot.html", "sports/yard_swim.html"} <= set(charted)
    assert "sports/strength.html" not in charted  # sets are listed, not charted
    problems = {key: label_problems(labels) for key, labels in charted.items()}
    assert {key: found for key, found in problems.items() if found} == {}


def label_problems(labels: list[dict]) -> list[str]:
    found = [f"{label['text']} is {label['px']:.1f} px" for label in labels if label["px"] < READABLE_PX]
    found += [
        f"{label['text']} runs off the chart"
        for label in labels
        if label["left"] < label["chartLeft"] - 0.5 or label["right"] > label["chartRight"] + 0.5
    ]
    ticks = [label for label in labels if "tick" in label["kind"].split()]
    levels = sorted((label for label in labels if "level" in label["kind"].split()), key=lambda label: label["top"])
    found += [
        f"{left['text']} overlaps {right['text']}" for left, right in pairwise(ticks) if left["right"] > right["left"]
    ]
    found += [f"{up['text']} overlaps {down['text']}" for up, down in pairwise(levels) if up["bottom"] > down["top"]]
    return found
