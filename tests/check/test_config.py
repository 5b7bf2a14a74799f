"""The athlete profile in the configuration: each key, derived paces, named athletes
and finding the config (and athlete) for a file."""

from __future__ import annotations

import tomllib

import pytest

from workoutc.check.config import ConfigError, ConfigFinder, load_config, parse_config

from ..helpers import ROOT, write

DERIVED = "race 10km 41:21 (VDOT 50.0)"


def athlete(text: str):
    return config(text).athlete


def config(text: str):
    return parse_config(tomllib.loads(text), "w.toml")


def refused(text: str) -> str:
    with pytest.raises(ConfigError) as caught:
        config(text)
    return str(caught.value)


# ------------------------------------------------------------------ each key


def test_every_key_is_read():
    read = athlete(
        "[athlete]\nmax_hr = 190\nresting_hr = 50\nlthr = 170\nhr_zones = [100, 120, 140, 155, 170, 185]\n"
        'level = "advanced"\neasy_pace = "8:35-9:23/mi"\nmarathon_pace = "4:30/km"\nthreshold_pace = "4:10-4:20/km"\n'
        'interval_pace = "3:50/km"\nrepetition_pace = "3:35/km"\nrace = "half 1:31:35"\nftp = 280\n'
        "critical_power = 300\npower_zones = [0, 55, 75, 90, 105, 120, 150, 200.5]\nreturning = true\n"
        'units = "imperial"\n'
    )
    assert (read.max_hr, read.resting_hr, read.lthr, read.hr_zones) == (190, 50, 170, (100, 120, 140, 155, 170, 185))
    assert read.easy_pace == pytest.approx((320, 350), abs=0.2)  # 8:35-9:23/mi
    assert (read.marathon_pace, read.threshold_pace, read.interval_pace, read.repetition_pace) == (270, 255, 230, 215)
    assert read.race == (21_097.5, 5495)
    assert (read.ftp, read.critical_power, read.power_zones) == (280, 300, (0, 55, 75, 90, 105, 120, 150, 200.5))
    assert (read.level, read.returning, read.units, read.name) == ("advanced", True, "imperial", None)
    assert set(read.sources.values()) == {"written"}


@pytest.mark.parametrize(
    "race, metres, seconds",
    [
        ("10km 41:21", 10_000, 2481),
        ("5KM 19:57", 5000, 1197),
        ("half-marathon 1:31:35", 21_097.5, 5495),
        ("Marathon 3:10:49", 42_195, 11_449),
        ("1mi 5:50", 1609.344, 350),
        ("3000m 11:00", 3000, 660),
        (" 21.0975km   95:00 ", 21_097.5, 5700),
        # as runners write them: 5K, 10 km, half marathon, 1 mile
        ("5K 19:57", 5000, 1197),
        ("10k 41:21", 10_000, 2481),
        ("10 km 41:21", 10_000, 2481),
        ("Half Marathon 1:31:35", 21_097.5, 5495),
        ("halfmarathon 1:40:00", 21_097.5, 6000),
        ("1 mile 5:50", 1609.344, 350),
    ],
)
def test_races(race, metres, seconds):
    assert athlete(f'[athlete]\nrace = "{race}"\n').race == pytest.approx((metres, seconds))


@pytest.mark.parametrize(
    "text, message",
    [
        ("lthr = 80", "[athlete] lthr: 80 is outside 90-230"),
        ("lthr = 150\nmax_hr = 150", "[athlete] lthr: must be below max_hr (150)"),
        ("lthr = 100\nresting_hr = 100", "[athlete] lthr: must be above resting_hr (100)"),
        ("resting_hr = 110\nmax_hr = 105", "[athlete] resting_hr: must be below max_hr (105)"),
        ('hr_zones = "karvonen"', "[athlete] hr_zones: must be one of max, reserve, lthr, not 'karvonen'"),
        ("hr_zones = [100, 120, 140]", '[athlete] hr_zones: must be "max", "reserve", "lthr" or six heart rates'),
        ("hr_zones = [100, 120, 140, 140, 170, 185]", "[athlete] hr_zones: the bounds must increase"),
        ("hr_zones = [10, 120, 140, 150, 170, 185]", "[athlete] hr_zones: each bound must be within 30-250 bpm"),
        ('hr_zones = "reserve"\nmax_hr = 190', '[athlete] hr_zones: "reserve" needs resting_hr, which is not set'),
        ('hr_zones = "lthr"', '[athlete] hr_zones: "lthr" needs lthr, which is not set (add `lthr = 172`'),
        ('threshold_pace = "4:10/mile"', "[athlete] threshold_pace: pace unit must be /km or /mi, not /mile"),
        ('interval_pace = "0:30/km"', "[athlete] interval_pace: '0:30/km' is outside the paces workoutc takes"),
        ("race = 41", '[athlete] race: must be a race like "10km 41:21"'),
        ('race = "41:21"', '[athlete] race: must be a race like "10km 41:21" (a distance, then its time)'),
        (
            'race = "5 furlongs 1:00"',
            "[athlete] race: '5 furlongs' is not a distance like 10km, 5K, 3000m, 1mi, half or marathon",
        ),
        ('race = "halff 1:31:35"', "(did you mean `half`?)"),
        ('race = "800m 2:00"', "[athlete] race: 800m is outside the races VDOT covers (1500 m to the marathon)"),
        ('race = "10km 41:60"', "[athlete] race: '41:60' is not a time like 41:21 or 1:31:35"),
        ('race = "10km 1:5:00"', "'1:5:00' is not a time"),
        ('race = "10km 0:00"', "the time must be above 0:00"),
        ('race = "5km 9:00"', "[athlete] race: '5km 9:00' gives a VDOT of"),
        ('race = "10km 999:00"', "outside 15-95 (check the distance and the time)"),
        ("power_zones = [0, 56, 76]", "[athlete] power_zones: must be eight numbers in % of FTP"),
        ("power_zones = [0, 56, 76, 91, 106, 121, 151, inf]", "must be eight numbers"),
        ("power_zones = [0, 56, 76, 91, 106, 121, 151, 400]", "each bound must be within 0-300 %"),
        ("power_zones = [0, 56, 76, 91, 91, 121, 151, 200]", "the bounds must increase"),
        ("critical_power = true", "[athlete] critical_power: must be a whole number, not True"),
        ("racee = 3", "[athlete] racee: unknown key (did you mean `race`?)"),
    ],
)
def test_bad_values_name_the_key(text, message):
    assert message in refused(f"[athlete]\n{text}\n")


def test_the_error_starts_with_the_file(tmp_path):
    path = write(tmp_path, "workoutc.toml", '[athlete]\nrace = "10km"\n')
    with pytest.raises(ConfigError, match=rf"^{tmp_path / 'workoutc.toml'}: \[athlete\] race: "):
        load_config(path)


# ------------------------------------------------------------------ paces derived from a race


def test_a_race_derives_every_pace_and_says_so():
    read = athlete('[athlete]\nrace = "10km 41:21"\n')
    assert read.vdot == pytest.approx(50, abs=0.1)
    assert read.threshold_pace == pytest.approx(255, abs=3)  # 4:15/km
    assert read.interval_pace == pytest.approx(235, abs=3)  # 3:55/km
    assert read.marathon_pace == pytest.approx(271, abs=3)  # 4:31/km
    assert read.repetition_pace == pytest.approx(220, abs=3)  # 88 s per 400 m
    assert read.easy_pace[0] < read.easy_pace[1]
    assert read.sources == {"race": "written"} | dict.fromkeys(
        ("easy_pace", "marathon_pace", "threshold_pace", "interval_pace", "repetition_pace"), DERIVED
    )


def test_a_written_pace_wins_over_the_race():
    read = athlete('[athlete]\nrace = "10km 41:21"\nthreshold_pace = "4:05/km"\neasy_pace = "5:30-6:00/km"\n')
    assert (read.threshold_pace, read.easy_pace) == (245, (330, 360))
    assert read.sources["threshold_pace"] == read.sources["easy_pace"] == "written"
    assert read.sources["interval_pace"] == DERIVED


def test_without_a_race_there_is_no_vdot_and_no_pace_is_guessed():
    read = athlete('[athlete]\nthreshold_pace = "4:10/km"\n')
    assert read.vdot is None and read.interval_pace is None and read.easy_pace is None


# ------------------------------------------------------------------ named athletes

TEAM = """
[athlete]
max_hr = 190
level = "intermediate"
race = "10km 41:21"
threshold_pace = "4:10/km"
hr_zones = "lthr"

[athletes.ana]
lthr = 170
level = "advanced"

[athletes.ben]
lthr = 160
race = "5km 22:00"
interval_pace = "4:20/km"
"""


def test_a_named_athlete_inherits_and_overrides_the_top_level_one():
    team = config(TEAM)
    ana = team.athletes["ana"]
    assert (ana.name, ana.max_hr, ana.lthr, ana.level, ana.threshold_pace) == ("ana", 190, 170, "advanced", 250)
    assert ana.interval_pace == team.athlete.interval_pace  # the same race
    assert ana.sources["interval_pace"] == DERIVED


def test_a_named_athlete_s_own_race_derives_the_paces_it_does_not_write():
    ben = config(TEAM).athletes["ben"]
    assert ben.vdot == pytest.approx(44.5, abs=0.1)
    assert ben.threshold_pace == pytest.approx(280, abs=1)  # from ben's race, not [athlete]'s 4:10
    assert ben.interval_pace == 260
    assert ben.sources["threshold_pace"].startswith("race 5km 22:00 (VDOT 44.")
    assert ben.sources["interval_pace"] == "written"


def test_the_top_level_athlete_of_a_team_may_lack_what_its_zone_model_needs():
    assert config(TEAM).athlete.lthr is None
    message = refused(TEAM + "\n[athletes.cy]\nmax_hr = 180\n")
    assert (
        message
        == 'w.toml: [athletes.cy] hr_zones: "lthr" needs lthr, which is not set (add `lthr = 172` under [athletes.cy])'
    )


@pytest.mark.parametrize(
    "text, message",
    [
        ("[athletes.ana]\nmax_hrr = 3\n", "[athletes.ana] max_hrr: unknown key (did you mean `max_hr`?)"),
        ("[athletes.ana]\nlthr = 300\n", "[athletes.ana] lthr: 300 is outside 90-230"),
        ("[athlete]\nmax_hr = 150\n[athletes.ana]\nlthr = 160\n", "[athletes.ana] lthr: must be below max_hr (150)"),
        ('[athletes."a b"]\nlthr = 160\n', "[athletes.a b]: a name is 1-64 letters, digits, - and _"),
        ("[athletes.All]\nlthr = 160\n", '"All" is reserved: `--athlete All` means every athlete'),
        ("[athletes.ana]\n[athletes.Ana]\n", "[athletes.Ana]: differs from [athletes.ana] only in case"),
        ("[athletes]\nana = 3\n", "[athletes.ana]: must be a table"),
        ("athletes = 3\n", "athletes: must be a table (write it as [athletes.NAME])"),
    ],
)
def test_bad_named_athletes(text, message):
    assert message in refused(text)


# ------------------------------------------------------------------ finding the athlete for a file


def test_the_finder_gives_the_named_athlete_of_each_file_s_config(tmp_path):
    write(tmp_path, "workoutc.toml", TEAM)
    write(tmp_path, "solo/workoutc.toml", "[athletes.cy]\nmax_hr = 180\n[athletes.ana]\nmax_hr = 170\n")
    team, solo = tmp_path / "a.wkt", tmp_path / "solo" / "b.wkt"
    finder = ConfigFinder(athlete="ana")
    assert finder.for_file(team).athlete.lthr == 170
    assert finder.for_file(solo).athlete.max_hr == 170
    assert finder.for_file(team) is finder.for_file(tmp_path / "c.wkt")
    assert finder.for_folder(str(tmp_path / "solo")).athlete.max_hr == 170
    assert ConfigFinder().for_file(team).athlete.name is None
    assert ConfigFinder().athlete_names([team, solo]) == ["ana", "ben", "cy"]
    assert ConfigFinder().athlete_names([team]) == ["ana", "ben"]


def test_a_config_without_the_athlete_is_an_error_with_a_suggestion(tmp_path):
    write(tmp_path, "workoutc.toml", TEAM)
    with pytest.raises(ConfigError) as caught:
        ConfigFinder(athlete="bne").for_file(tmp_path / "a.wkt")
    assert str(caught.value) == (
        f'{tmp_path / "workoutc.toml"}: [athletes] has no athlete "bne" (did you mean `ben`? it has: ana, ben)'
    )


def test_a_config_with_no_athletes_says_how_to_add_one(tmp_path):
    explicit = load_config(write(tmp_path, "one.toml", "[athlete]\nmax_hr = 180\n"))
    with pytest.raises(
        ConfigError, match=r'one.toml: \[athletes\] has no athlete "ana" \(it has none: add \[athletes.ana\]\)'
    ):
        ConfigFinder(explicit, athlete="ana").for_file(tmp_path / "x.wkt")


def test_a_file_no_config_applies_to_has_no_named_athlete(tmp_path):
    source = write(tmp_path, "a.wkt", "easy 30min\n")  # no folder up from tmp_path has a config
    with pytest.raises(ConfigError, match=rf'^{source}: no configuration applies here, so there is no athlete "ana"'):
        ConfigFinder(athlete="ana").for_file(source)


def test_the_documented_example_is_a_valid_config():
    example = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8").split("```toml\n")[1].split("```")[0]
    documented = config(example)
    assert documented.athlete.vdot == pytest.approx(50, abs=0.1)
    assert documented.athletes["ana"].hr_zones == "lthr"
