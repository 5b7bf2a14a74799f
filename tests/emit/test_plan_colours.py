"""The plan page colours a day by what its sessions ask for, not by their kind."""

from __future__ import annotations

import re

import pytest

from workoutc.cli import main

from ..check.rules.helpers import P
from ..helpers import write

# An error (R103: too intense for recovery) would keep the plan page from being written.
PROFILE = P + '\n[rules]\nR103 = { severity = "warning" }\n'


@pytest.mark.parametrize(
    "entry, colour",
    [
        ("recovery 90min hr z4", "hard"),  # a zone-4 "recovery" run is a hard day
        ('"Hard easy"', "hard"),  # so is an "easy" block workout at zone 4
        ("recovery 30min hr<=z2", "easy"),
        ("easy 45min hr z3", "moderate"),
        ("easy 45min", "easy"),
        ("tempo 20min", "hard"),
        ("long 1h30min hr<=z2", "hard"),  # long runs are hard days
        ("rest", "rest"),
    ],
)
def test_a_day_is_coloured_by_what_its_session_asks_for(tmp_path, capsys, entry, colour):
    write(tmp_path, "workoutc.toml", PROFILE)
    write(tmp_path, "easy.wkt", 'workout "Hard easy" easy\n  run 60min hr z4\n')
    write(tmp_path, "week.wkt", f'plan "Week"\n  2026-11-24 {entry}\n')
    main(["html", str(tmp_path), "-o", str(tmp_path / "out")])
    capsys.readouterr()
    page = (tmp_path / "out" / "week.html").read_text(encoding="utf-8")
    [found] = re.findall(r'<td class="day (\w+)" id="d2026-11-24">', page)
    assert found == colour
