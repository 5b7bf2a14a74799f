"""One library, many athletes: --athlete on compile, check and install, and the FIT
values each athlete's profile gives the targets written relative to the runner."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.fitdump import decode
from workoutc.check.config import ConfigFinder
from workoutc.cli import main

from ..helpers import write

SESSION = """workout "Squad session" threshold
  warmup 15min pace easy
  3x
    run 8min pace threshold+5s
    recover 2min hr 60-70% reserve
  run 5min hr 95-100% lthr
  cooldown 10min hr<=z2
"""
TEAM = """[athlete]
race = "10km 45:00"
max_hr = 186
resting_hr = 50
lthr = 168

[athletes.ana]
race = "10km 41:21"
max_hr = 191
lthr = 174
hr_zones = "lthr"

[athletes.ben]
race = "half 1:45:00"
resting_hr = 52

[athletes.cy]
race = "10km 41:21"
max_hr = 191
lthr = 174
hr_zones = "lthr"
"""


@pytest.fixture
def library(tmp_path) -> Path:
    write(tmp_path / "lib", "workoutc.toml", TEAM)
    return write(tmp_path / "lib", "session.wkt", SESSION).parent


def steps(path: Path) -> list[dict]:
    return decode(path.read_bytes())["workout_step_mesgs"]


def targets(path: Path) -> list[tuple]:
    return [
        (s.get("target_value"), s.get("custom_target_value_low"), s.get("custom_target_value_high"))
        for s in steps(path)
    ]


def speed(pace_per_km: float) -> int:
    return round(1_000_000 / pace_per_km)  # mm/s, as the FIT file holds a pace


def test_three_athletes_get_three_folders_that_differ_where_their_profiles_do(library, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["compile", str(library), "-o", str(out), "--athlete", "all"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line for line in lines if line.startswith("compiled")] == [
        f"compiled 1 workout from 1 file for {name}" for name in ("ana", "ben", "cy")
    ]
    ana, ben, cy = (out / name / "squad-session.fit" for name in ("ana", "ben", "cy"))
    assert ana.read_bytes() == cy.read_bytes()  # the same profile, the same file
    # Where ben's profile differs (his race; the inherited max, resting HR and LTHR;
    # %-of-max zones), his targets do; the repeat step (index 3, after its steps) does not.
    differ = [index for index, (a, b) in enumerate(zip(targets(ana), targets(ben), strict=True)) if a != b]
    assert differ == [0, 1, 2, 4, 5]
    # ana: VDOT 50, threshold about 4:15/km; +5 s, and a single pace gets a 10 s window
    threshold = ConfigFinder(athlete="ana").for_file(library / "session.wkt").athlete.threshold_pace
    assert threshold is not None and abs(threshold - 255) < 1
    assert targets(ana)[1][1:] == (speed(threshold + 5 + 5), speed(threshold + 5 - 5))
    # ana: 95-100 % of LTHR 174 = 165-174 bpm (FIT heart rate in bpm + 100)
    assert targets(ana)[4][1:] == (265, 274)
    # Karvonen, 60-70 % of the reserve: ana (resting 50 inherited, max 191) 135-149 bpm,
    # ben (max 186 inherited, resting 52) 132-146 bpm
    assert targets(ana)[2][1:] == (235, 249)
    assert targets(ben)[2][1:] == (232, 246)
    # ana's watch zones are LTHR zones: hr<=z2 is 65-90 % of 174 = 113-157 bpm; ben
    # keeps the default %-of-max zones, which FIT encodes as percent (no bpm offset).
    assert targets(ana)[5][1:] == (213, 257)
    assert targets(ben)[5][1:] == (50, 70)


def test_named_athletes_only_and_a_wrong_name_is_a_usage_error(library, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["compile", str(library), "-o", str(out), "--athlete", "ben", "--athlete", "ben"]) == 0
    assert sorted(path.name for path in out.iterdir()) == ["ben"]
    capsys.readouterr()
    assert main(["compile", str(library), "-o", str(out), "--athlete", "bne"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("workoutc: error: ") and '"bne"' in err and "ben" in err


def test_all_without_athletes_is_a_usage_error(tmp_path, capsys):
    source = write(tmp_path, "a.wkt", "easy 30min\n")
    assert main(["check", str(source), "--athlete", "all"]) == 2
    assert capsys.readouterr().err == (
        "workoutc: error: --athlete all: the configs of these files name no athlete (no [athletes.NAME] table)\n"
    )


def test_a_missing_profile_value_is_an_error_at_the_target_for_that_athlete_only(library, tmp_path, capsys):
    write(library, "workoutc.toml", TEAM.replace("lthr = 168\n", ""))  # ben now has no LTHR to inherit
    assert main(["check", str(library), "--athlete", "ana", "--athlete", "ben"]) == 1
    out, err = capsys.readouterr()
    assert out == (
        f"{library / 'session.wkt'}:6:12: error E009 `hr 95-100% lthr` needs athlete.lthr (missing-profile-value)\n"
        " 6 |   run 5min hr 95-100% lthr\n"
        "   |            ^^^^^^^^^^^^^^^\n"
        "  hint: set it in workoutc.toml under [athletes.ben]\n"
    )
    assert err == "0 errors, 0 warnings, 0 info in 1 file for ana\n1 error, 0 warnings, 0 info in 1 file for ben\n"


def test_the_checker_judges_each_athletes_numbers(tmp_path, capsys):
    write(tmp_path / "lib", "workoutc.toml", TEAM)
    write(tmp_path / "lib", "recovery.wkt", "recovery 30min hr z2\n")
    assert main(["check", str(tmp_path / "lib"), "--athlete", "ana", "--athlete", "ben"]) == 1
    out = capsys.readouterr().out
    # ana's zone 2 (85-90 % of LTHR 174) reaches 82 % of her max: above the recovery cap;
    # ben's is the default 60-70 % of max.
    assert out.count("error R103") == 1 and "up to 82 % of max" in out


def test_install_for_an_athlete(library, tmp_path, monkeypatch, capsys):
    from workoutc.pipeline import install

    monkeypatch.setenv(install.MOUNT_ROOTS_VARIABLE, str(tmp_path / "media"))
    root = tmp_path / "media" / "W"
    (root / "GARMIN" / "NewFiles").mkdir(parents=True)
    (root / "GARMIN" / "GarminDevice.xml").write_text("<Device/>")
    assert main(["install", str(library), "--athlete", "ana"]) == 0
    out = tmp_path / "out"
    assert main(["compile", str(library), "-o", str(out), "--athlete", "ana"]) == 0
    copied = root / "GARMIN" / "NewFiles" / "squad-session.fit"
    assert copied.read_bytes() == (out / "ana" / "squad-session.fit").read_bytes()


def test_a_plan_naming_a_workout_its_athlete_cannot_resolve_says_so(tmp_path, capsys):
    write(tmp_path, "t.wkt", 'workout "T" threshold\n  run 20min pace T\n')
    write(tmp_path, "w.wkt", 'plan "W"\n  2026-03-02 "T"\n')
    assert main(["check", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert f"{tmp_path / 't.wkt'}:2:13: error E009 `pace threshold` needs athlete.threshold_pace or athlete.race" in out
    assert f'{tmp_path / "w.wkt"}:2:3: error E006 "T" ({tmp_path / "t.wkt"}:1) has errors (unknown-workout)' in out


def test_the_checker_gives_relative_targets_their_numbers_when_called_directly():
    from workoutc.check.config import Athlete, Config
    from workoutc.check.runner import Checker
    from workoutc.language.source import load_text
    from workoutc.model import Step

    text = 'workout "T" threshold\n  run 20min pace T\nplan "W"\n  2026-03-02 "T"\n'
    loaded = load_text(text, "t.wkt")  # as an editor would: lowered, not resolved
    unknown = Checker(ConfigFinder(None))
    found = unknown.check_workouts(loaded)
    assert [d.code for d in found.diagnostics] == ["E009"] and found.blocked == {"T"}
    assert not unknown.check_plans([(loaded, found)]).of("t.wkt")  # a file with errors has no plans to judge
    known = Checker(ConfigFinder(Config(athlete=Athlete(threshold_pace=255))))
    found = known.check_workouts(loaded)
    # the rules judge the athlete's numbers: a threshold run with no warm-up or cool-down
    assert [d.code for d in found.diagnostics] == ["S201", "S202"] and found.blocked == frozenset()
    [view] = known.check_plans([(loaded, found)]).views["t.wkt"]
    workout = view.sessions[0].workout
    assert workout is not None and isinstance(workout.steps[0], Step)
    [target] = workout.steps[0].targets
    assert (target.low, target.high, target.unit) == (250, 260, "s/km")
