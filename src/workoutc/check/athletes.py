"""The athlete profile: [athlete] and [athletes.NAME], read, merged and resolved.

Each table is read into the values it writes, each value checked on its own. An
[athletes.NAME] table inherits what [athlete] writes and overrides it key by key,
except that its own `race` replaces the paces written in [athlete] (they came from
another runner's races). Then the paces left unwritten are derived from `race` by
Daniels' VDOT (check/vdot.py), and the keys that depend on each other are checked
together. `Athlete.sources` says which values were written and which derived.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from itertools import pairwise
from typing import Any

from .. import units
from ..suggest import did_you_mean
from .config import LEVELS, UNIT_SYSTEMS, Athlete, ConfigError, known_keys, read_table, whole_number
from .vdot import TrainingPaces, training_paces, vdot
from .zones import COGGAN_POWER_PERCENT, HR_MODELS, HR_ZONES, POWER_ZONES

PACE_KEYS = ("easy_pace", "marathon_pace", "threshold_pace", "interval_pace", "repetition_pace")
MAX_HR = (100, 250)
RESTING_HR = (25, 120)
LTHR = (90, 230)
WATTS = (50, 1000)
RACE_METRES = (1500, 42_195)  # the races Daniels' tables cover: 1500 m to the marathon
VDOT_RANGE = (15, 95)  # beyond these a race result is a typing mistake
# Distances as runners name them; spaces and dashes are dropped before looking ("half marathon").
RACE_WORDS = {"half": 21_097.5, "halfmarathon": 21_097.5, "marathon": 42_195.0}
RACE_UNITS = {"km": "km", "k": "km", "m": "m", "mi": "mi", "mile": "mi", "miles": "mi"}  # 5k, 1 mile
NAME = re.compile(r"[A-Za-z0-9_-]{1,64}")  # it becomes a folder name
RESERVED_NAMES = ("all",)  # `--athlete all` means every athlete
EXAMPLES = {"max_hr": "max_hr = 188", "resting_hr": "resting_hr = 48", "lthr": "lthr = 172"}
_DISTANCE = re.compile(r"([0-9]{1,6}(?:\.[0-9]{1,4})?)([a-z]+)")
_CLOCK_PART = re.compile(r"[0-9]{1,3}")

Reader = Callable[[Any, str, str], Any]  # (value, path, "[athlete] key") -> the value read


def read_athletes(data: dict, path: str) -> tuple[Athlete, dict[str, Athlete]]:
    """The top-level athlete and each named one, merged and resolved."""
    named = _named_tables(data, path)
    base = _written(read_table(data, "athlete", path), path, "athlete")
    # With named athletes, [athlete] may hold only what they share (hr_zones = "lthr"
    # without an lthr): only theirs need to be complete.
    athlete = _resolved(base, path, "athlete", None, complete=not named)
    athletes = {
        name: _resolved(_inherited(base, _written(table, path, f"athletes.{name}")), path, f"athletes.{name}", name)
        for name, table in named.items()
    }
    return athlete, athletes


def _named_tables(data: dict, path: str) -> dict[str, dict]:
    tables = read_table(data, "athletes", path, "[athletes.NAME]")
    folded: dict[str, str] = {}
    for name, table in tables.items():
        where = f"[athletes.{name}]"
        if not isinstance(table, dict):
            raise ConfigError(path, where, "must be a table", f"write it as [athletes.{name}] and its keys below it")
        if not NAME.fullmatch(name):
            raise ConfigError(path, where, "a name is 1-64 letters, digits, - and _ (it names a folder)")
        if name.lower() in RESERVED_NAMES:
            raise ConfigError(path, where, f'"{name}" is reserved: `--athlete {name}` means every athlete')
        if name.lower() in folded:  # one folder on case-insensitive file systems
            raise ConfigError(path, where, f"differs from [athletes.{folded[name.lower()]}] only in case")
        folded[name.lower()] = name
    return tables


def _inherited(base: dict[str, Any], own: dict[str, Any]) -> dict[str, Any]:
    """[athlete]'s values overridden by the named athlete's; its own race drops the
    paces written for the other race."""
    shared = {key: value for key, value in base.items() if "race" not in own or key not in PACE_KEYS}
    return {**shared, **own}


def _written(table: dict, path: str, section: str) -> dict[str, Any]:
    """The values a table writes, each checked on its own."""
    known_keys(table, ATHLETE_KEYS, path, f"[{section}] ")
    return {key: READERS[key](table[key], path, f"[{section}] {key}") for key in ATHLETE_KEYS if key in table}


def _resolved(written: dict[str, Any], path: str, section: str, name: str | None, complete: bool = True) -> Athlete:
    """The athlete these values make: checked together, paces derived from the race."""
    _check_heart_rates(written, path, section)
    if complete:
        _check_zone_model(written, path, section)
    derived: dict[str, Any] = {}
    sources = dict.fromkeys(written, "written")
    if "race" in written:
        metres, seconds = written["race"]
        paces = _paces_by_key(training_paces(vdot(metres, seconds)))
        derived = {key: pace for key, pace in paces.items() if key not in written}
        sources |= dict.fromkeys(derived, race_source((metres, seconds)))
    return Athlete(**written, **derived, name=name, sources=sources)


def race_source(race: tuple[float, float]) -> str:
    """Where a derived pace comes from: `race 10km 41:21 (VDOT 50.0)`."""
    return f"race {race_words(race)} (VDOT {vdot(*race):.1f})"


def race_words(race: tuple[float, float]) -> str:
    """A race as the profile may write it: `10km 41:21`, `half 1:31:35`, `1mi 5:50`."""
    metres, seconds = race
    words = {value: word for word, value in reversed(RACE_WORDS.items())}  # the first word of a distance wins
    miles = metres / units.METRES["mi"]
    if metres in words:
        distance = words[metres]
    elif abs(miles - round(miles)) < 1e-9:
        distance = f"{round(miles)}mi"
    else:
        distance = f"{metres / 1000:g}km" if metres % 1000 == 0 or metres > 5000 else f"{metres:g}m"
    hours, rest = divmod(round(seconds), 3600)
    clock = f"{hours}:{units.format_clock(rest):0>5}" if hours else units.format_clock(rest)
    return f"{distance} {clock}"


def _paces_by_key(paces: TrainingPaces) -> dict[str, Any]:
    return {
        "easy_pace": paces.easy,
        "marathon_pace": paces.marathon,
        "threshold_pace": paces.threshold,
        "interval_pace": paces.interval,
        "repetition_pace": paces.repetition,
    }


# ------------------------------------------------------------------ keys checked together


def _check_heart_rates(values: dict[str, Any], path: str, section: str) -> None:
    """resting_hr < lthr < max_hr, for those given."""
    resting, lthr, max_hr = (values.get(key) for key in ("resting_hr", "lthr", "max_hr"))
    if resting is not None and max_hr is not None and resting >= max_hr:
        raise ConfigError(path, f"[{section}] resting_hr", f"must be below max_hr ({max_hr})")
    if lthr is not None and resting is not None and lthr <= resting:
        raise ConfigError(path, f"[{section}] lthr", f"must be above resting_hr ({resting})")
    if lthr is not None and max_hr is not None and lthr >= max_hr:
        raise ConfigError(path, f"[{section}] lthr", f"must be below max_hr ({max_hr})")


def _check_zone_model(values: dict[str, Any], path: str, section: str) -> None:
    """ "reserve" needs max_hr and resting_hr, "lthr" needs lthr."""
    model = values.get("hr_zones", "max")
    needs = {"reserve": ("max_hr", "resting_hr"), "lthr": ("lthr",)}.get(model, ()) if isinstance(model, str) else ()
    for key in needs:
        if key not in values:
            raise ConfigError(
                path,
                f"[{section}] hr_zones",
                f'"{model}" needs {key}, which is not set',
                f"add `{EXAMPLES[key]}` under [{section}]",
            )


# ------------------------------------------------------------------ one value each


def _whole(bounds: tuple[int, int]) -> Reader:
    return lambda value, path, where: whole_number(value, bounds, path, where)


def _one_of(choices: tuple[str, ...]) -> Reader:
    return lambda value, path, where: _choice(value, choices, path, where)


def _choice(value, choices: tuple[str, ...], path: str, where: str) -> str:
    if value not in choices:
        raise ConfigError(
            path, where, f"must be one of {', '.join(choices)}, not {value!r}", did_you_mean(str(value), choices)
        )
    return value


def _bool(value, path: str, where: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(path, where, f"must be true or false, not {value!r}")
    return value


def _single_pace(value, path: str, where: str) -> float:
    """One pace; a range written stands for its middle."""
    return sum(_pace(value, path, where)) / 2


def _pace(value, path: str, where: str) -> tuple[float, float]:
    """ "5:20-5:50/km" or "4:10/km" (or /mi) -> (fast, slow) seconds per km."""
    if not isinstance(value, str) or "/" not in value:
        raise ConfigError(path, where, f'must be a pace like "5:20-5:50/km", not {value!r}')
    clocks, _, per = value.strip().rpartition("/")
    if per not in units.PACE_UNITS:
        raise ConfigError(path, where, f"pace unit must be /km or /mi, not /{per}")
    try:
        seconds = [units.read_clock(part.strip()) for part in clocks.split("-")]
    except (units.UnitError, ValueError):
        raise ConfigError(path, where, f'{value!r} is not a pace like "5:20-5:50/km"') from None
    if len(seconds) > 2:
        raise ConfigError(path, where, f'{value!r} is not a pace like "5:20-5:50/km"')
    per_km = [s * 1000 / units.PACE_UNITS[per] for s in seconds]
    low, high = units.LIMITS.pace_seconds_per_km
    if not all(low <= pace <= high for pace in per_km):
        limits = f"{units.format_clock(low)}-{units.format_clock(high)}/km"
        raise ConfigError(path, where, f"{value!r} is outside the paces workoutc takes ({limits})")
    return min(per_km), max(per_km)


def _hr_zones(value, path: str, where: str) -> str | tuple[int, ...]:
    """ "max", "reserve", "lthr", or six increasing bpm bounds (bottom of z1 .. top of z5)."""
    if isinstance(value, str):
        return _choice(value, HR_MODELS, path, where)
    low, high = units.LIMITS.hr_bpm
    if not _numbers(value, HR_ZONES + 1, whole=True):
        raise ConfigError(
            path,
            where,
            f'must be "max", "reserve", "lthr" or six heart rates in bpm, not {value!r}',
            "six bounds: the bottom of zone 1 to the top of zone 5, like [100, 120, 140, 155, 170, 185]",
        )
    _check_increasing(value, (low, high), "bpm", path, where)
    return tuple(value)


def _power_zones(value, path: str, where: str) -> tuple[float, ...]:
    """Eight increasing % of FTP: where zones 1-7 start, and where zone 7 ends."""
    if not _numbers(value, POWER_ZONES + 1, whole=False):
        example = ", ".join(str(bound) for bound in COGGAN_POWER_PERCENT)
        raise ConfigError(
            path,
            where,
            f"must be eight numbers in % of FTP, not {value!r}",
            f"where zones 1-7 start, then where zone 7 ends; Coggan's, the default, are [{example}]",
        )
    _check_increasing(value, (0, units.LIMITS.power_percent[1]), "%", path, where)
    return tuple(float(bound) for bound in value)


def _numbers(value, count: int, whole: bool) -> bool:
    kinds = (int,) if whole else (int, float)
    return (
        isinstance(value, list)
        and len(value) == count
        and all(isinstance(item, kinds) and not isinstance(item, bool) and math.isfinite(item) for item in value)
    )


def _check_increasing(bounds: list, limits: tuple[int, int], unit: str, path: str, where: str) -> None:
    if not all(limits[0] <= bound <= limits[1] for bound in bounds):
        raise ConfigError(path, where, f"each bound must be within {limits[0]}-{limits[1]} {unit}, not {bounds!r}")
    if any(upper <= lower for lower, upper in pairwise(bounds)):
        raise ConfigError(path, where, f"the bounds must increase, not {bounds!r}")


def _race(value, path: str, where: str) -> tuple[float, float]:
    """ "10km 41:21", "5K 19:57", "half marathon 1:31:35", "1 mile 5:50" -> (metres, seconds)."""
    parts = value.split() if isinstance(value, str) else []
    if len(parts) < 2:
        raise ConfigError(path, where, f'must be a race like "10km 41:21" (a distance, then its time), not {value!r}')
    metres = _race_distance(" ".join(parts[:-1]), path, where)
    seconds = _race_time(parts[-1], path, where)
    fitness = vdot(metres, seconds)
    if not VDOT_RANGE[0] <= fitness <= VDOT_RANGE[1]:
        raise ConfigError(
            path,
            where,
            f"{value!r} gives a VDOT of {fitness:.1f}, outside {VDOT_RANGE[0]}-{VDOT_RANGE[1]}",
            "check the distance and the time",
        )
    return metres, seconds


def _race_distance(text: str, path: str, where: str) -> float:
    word = units.folded(text).replace(" ", "").replace("-", "")
    if word in RACE_WORDS:
        return RACE_WORDS[word]
    match = _DISTANCE.fullmatch(word)
    if match is None or match[2] not in RACE_UNITS:
        meant = units.SPELLINGS.get(match[2]) if match else None
        hint = f"write `{match[1]}{meant}`" if match and meant in units.METRES else did_you_mean(word, RACE_WORDS)
        raise ConfigError(path, where, f"{text!r} is not a distance like 10km, 5K, 3000m, 1mi, half or marathon", hint)
    metres = float(match[1]) * units.METRES[RACE_UNITS[match[2]]]
    if not RACE_METRES[0] <= metres <= RACE_METRES[1]:
        raise ConfigError(path, where, f"{text} is outside the races VDOT covers (1500 m to the marathon)")
    return metres


def _race_time(text: str, path: str, where: str) -> float:
    """ "41:21" (minutes and seconds) or "1:31:35" (hours too) -> seconds, above 0."""
    parts = text.split(":")
    if not (
        len(parts) in (2, 3)
        and all(_CLOCK_PART.fullmatch(part) for part in parts)
        and all(len(part) == 2 and int(part) < 60 for part in parts[1:])  # minutes after hours, seconds
    ):
        raise ConfigError(path, where, f"{text!r} is not a time like 41:21 or 1:31:35")
    seconds = sum(int(part) * 60**power for power, part in enumerate(reversed(parts)))
    if seconds == 0:
        raise ConfigError(path, where, "the time must be above 0:00")
    return float(seconds)


READERS: dict[str, Reader] = {
    "max_hr": _whole(MAX_HR),
    "resting_hr": _whole(RESTING_HR),
    "lthr": _whole(LTHR),
    "hr_zones": _hr_zones,
    "level": _one_of(LEVELS),
    "easy_pace": _pace,
    **dict.fromkeys(PACE_KEYS[1:], _single_pace),
    "race": _race,
    "ftp": _whole(WATTS),
    "critical_power": _whole(WATTS),
    "power_zones": _power_zones,
    "returning": _bool,
    "units": _one_of(UNIT_SYSTEMS),
}
ATHLETE_KEYS = tuple(READERS)  # the keys [athlete] and [athletes.NAME] take
