"""`workoutc profile`: the resolved athlete profile for a file or folder."""

from __future__ import annotations

from workoutc.cli import main

from .helpers import write

TEAM = """
[athlete]
max_hr = 190
resting_hr = 50
hr_zones = "reserve"
race = "10km 41:21"
threshold_pace = "4:10/km"
ftp = 250

[athletes.ana]
lthr = 170
hr_zones = "lthr"

[athletes.ben]
race = "5km 22:00"
"""


def test_the_profile_of_a_folder(tmp_path, capsys):
    config = write(tmp_path, "workoutc.toml", TEAM)
    assert main(["profile", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"config            {config}"
    assert lines[1] == "athlete           [athlete]"
    assert lines[2] == "athletes          ana, ben (`--athlete NAME` shows one)"
    assert lines[3] == "VDOT              50.0, from race 10km 41:21"
    assert "  threshold       4:10           6:42           written" in lines
    assert "  interval        3:55           6:18           from race 10km 41:21 (VDOT 50.0)" in lines
    assert "HR zones          % of heart-rate reserve (Karvonen)" in lines
    assert "  z1              120-134 bpm    50-60 %" in lines
    assert "  z4              91-106 %       228-265 W" in lines
    assert "  max_hr          190            written" in lines
    assert "  lthr            -              not set" in lines


def test_a_file_takes_the_config_of_its_own_folder(tmp_path, capsys):
    write(tmp_path, "workoutc.toml", TEAM)
    nested = write(tmp_path, "sub/workoutc.toml", "[athlete]\nmax_hr = 180\n")
    source = write(tmp_path, "sub/a.wkt", "easy 30min\n")
    assert main(["profile", str(source)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"config            {nested}\n")
    assert "HR zones          % of max HR (Garmin's default zones)" in out
    assert "  z5              162-180 bpm    90-100 %" in out
    assert "  easy            -              -              not set: write easy_pace or race" in out


def test_named_athletes(tmp_path, capsys):
    write(tmp_path, "workoutc.toml", TEAM)
    assert main(["profile", str(tmp_path), "--athlete", "ana"]) == 0
    out = capsys.readouterr().out
    assert "athlete           ana\n" in out
    assert "  z5              170-180 bpm    100-106 %" in out  # Friel's zone 5 of LTHR 170
    assert main(["profile", str(tmp_path), "--athlete", "all"]) == 0
    out = capsys.readouterr().out
    assert out.count("\nathlete ") == 2 and "VDOT              44.5, from race 5km 22:00" in out


def test_no_config_shows_the_unset_profile(tmp_path, capsys):
    assert main(["profile", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("config            none (no workoutc.toml applies: every value is unset)\n")
    assert "HR zones          % of max HR (Garmin's default zones); bpm needs athlete.max_hr" in out


def test_problems_are_usage_errors(tmp_path, capsys):
    write(tmp_path, "workoutc.toml", TEAM)
    assert main(["profile", str(tmp_path), "--athlete", "anna"]) == 2
    assert 'has no athlete "anna" (did you mean `ana`? it has: ana, ben)' in capsys.readouterr().err
    assert main(["profile", str(tmp_path / "nowhere")]) == 2
    assert "nowhere: no such file or folder" in capsys.readouterr().err
    write(tmp_path, "bad/workoutc.toml", '[athlete]\nrace = "10km"\n')
    assert main(["profile", str(tmp_path / "bad")]) == 2
    assert "[athlete] race: must be a race like" in capsys.readouterr().err
    write(tmp_path, "solo/workoutc.toml", "[athlete]\nmax_hr = 180\n")
    assert main(["profile", str(tmp_path / "solo"), "--athlete", "all"]) == 2
    assert "--athlete all: the config that applies here has no [athletes.NAME] table" in capsys.readouterr().err
