"""What `workoutc profile` shows: the athlete profile a config gives, resolved.

The config file, the athlete, VDOT and the race it comes from, each training pace per
km and per mile with where it comes from, the heart-rate zones in bpm under the
athlete's model (or what they need), the power zones, and the other values.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..check.athletes import race_words
from ..check.config import Athlete, Config, ConfigError, ConfigFinder, load_config
from ..check.zones import (
    FRIEL_LTHR_PERCENT,
    HR_ZONES,
    POWER_ZONES,
    hr_zone_bpm,
    hr_zone_needs,
    power_zone_percent,
    power_zone_watts,
)
from ..units import HR_ZONE_BOUNDS, PACE_UNITS, format_clock

PACES = (
    ("easy", "easy_pace"),
    ("marathon", "marathon_pace"),
    ("threshold", "threshold_pace"),
    ("interval", "interval_pace"),
    ("repetition", "repetition_pace"),
)
OTHER_KEYS = ("max_hr", "resting_hr", "lthr", "level", "ftp", "critical_power", "returning", "units")
HR_MODEL_WORDS = {
    "max": ("% of max HR (Garmin's default zones)", HR_ZONE_BOUNDS),
    "reserve": ("% of heart-rate reserve (Karvonen)", HR_ZONE_BOUNDS),
    "lthr": ("% of lactate-threshold HR (Friel)", FRIEL_LTHR_PERCENT),
}
MILE_PER_KM = PACE_UNITS["mi"] / PACE_UNITS["km"]


def profile_configs(path: str, config_file: str | None, names: list[str]) -> list[Config]:
    """The configs to show for PATH (a .wkt file or folder): the one that applies,
    for each athlete named (`all`: every athlete it has; none: the top-level one)."""
    explicit = load_config(Path(config_file)) if config_file else None
    if "all" in names:
        every = sorted(_applying(ConfigFinder(explicit), path).athletes)
        if not every:
            raise ConfigError(path, "", "--athlete all: the config that applies here has no [athletes.NAME] table")
        names = every
    chosen: list[str | None] = [*dict.fromkeys(names)] or [None]
    return [_applying(ConfigFinder(explicit, athlete=name), path) for name in chosen]


def _applying(finder: ConfigFinder, path: str) -> Config:
    return finder.for_folder(path) if os.path.isdir(path) else finder.for_file(path)


def profile_text(config: Config) -> str:
    athlete = config.athlete
    lines = [
        f"config            {config.path or 'none (no workoutc.toml applies: every value is unset)'}",
        f"athlete           {athlete.name if athlete.name else '[athlete]'}",
    ]
    if config.athletes and athlete.name is None:
        lines.append(f"athletes          {', '.join(sorted(config.athletes))} (`--athlete NAME` shows one)")
    if athlete.race is not None and athlete.vdot is not None:
        lines.append(f"VDOT              {athlete.vdot:.1f}, from race {race_words(athlete.race)}")
    for section in (_pace_lines(athlete), _hr_lines(athlete), _power_lines(athlete), _other_lines(athlete)):
        lines += ["", *section]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _pace_lines(athlete: Athlete) -> list[str]:
    lines = [_row("paces", "per km", "per mile", "source")]
    for label, key in PACES:
        value = getattr(athlete, key)
        if value is None:
            lines.append(_row(f"  {label}", "-", "-", f"not set: write {key} or race"))
            continue
        fast, slow = value if isinstance(value, tuple) else (value, value)
        lines.append(_row(f"  {label}", _pace(fast, slow, 1), _pace(fast, slow, MILE_PER_KM), _source(athlete, key)))
    return lines


def _hr_lines(athlete: Athlete) -> list[str]:
    model = athlete.hr_zones
    if not isinstance(model, str):
        return [_row("HR zones", "bpm as written")] + [
            _row(f"  z{zone}", _span(hr_zone_bpm(athlete, zone), "bpm")) for zone in range(1, HR_ZONES + 1)
        ]
    words, percents = HR_MODEL_WORDS[model]
    needs = hr_zone_needs(athlete)
    lines = [_row("HR zones", words + (f"; bpm needs {needs}" if needs else ""))]
    for zone in range(1, HR_ZONES + 1):
        percent = _span((percents[zone - 1], percents[zone]), "%")
        lines.append(_row(f"  z{zone}", _span(hr_zone_bpm(athlete, zone), "bpm"), percent))
    return lines


def _power_lines(athlete: Athlete) -> list[str]:
    model = "% of FTP as written" if athlete.power_zones else "% of FTP (Coggan)"
    needs = "" if athlete.ftp else "; W needs athlete.ftp"
    lines = [_row("power zones", model + needs)]
    for zone in range(1, POWER_ZONES + 1):
        lines.append(_row(f"  z{zone}", _span(power_zone_percent(athlete, zone), "%"), _watts(athlete, zone)))
    return lines


def _other_lines(athlete: Athlete) -> list[str]:
    lines = [_row("other", "value", "source")]
    for key in OTHER_KEYS:
        value = getattr(athlete, key)
        shown = "-" if value is None else str(value).lower() if isinstance(value, bool) else str(value)
        lines.append(_row(f"  {key}", shown, athlete.sources.get(key, "not set" if value is None else "default")))
    return lines


def _source(athlete: Athlete, key: str) -> str:
    source = athlete.sources.get(key, "written")
    return source if source == "written" else f"from {source}"


def _pace(fast: float, slow: float, per: float) -> str:
    low, high = format_clock(fast * per), format_clock(slow * per)
    return low if low == high else f"{low}-{high}"


def _span(bounds: tuple[float, float] | None, unit: str) -> str:
    if bounds is None:
        return "-"
    return f"{round(bounds[0])}-{round(bounds[1])} {unit}"


def _watts(athlete: Athlete, zone: int) -> str:
    watts = power_zone_watts(athlete, zone)
    return "" if watts is None else _span(watts, "W")


def _row(label: str, *cells: str) -> str:
    widths = (14, 14)
    padded = [cell.ljust(width) for cell, width in zip(cells, widths, strict=False)] + list(cells[len(widths) :])
    return f"{label:<18}{' '.join(padded)}"
