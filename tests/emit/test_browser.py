"""The pages in a real browser: headless Chromium opens them from file://.

Needs Debian's `chromium`; `.ci/run` installs it and sets WORKOUTC_REQUIRE_BROWSER=1
so CI fails rather than skips when the browser is missing.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from workoutc.cli import main
from workoutc.model import expanded_steps

from ..helpers import workout
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
