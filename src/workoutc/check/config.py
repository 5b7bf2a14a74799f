"""Configuration: the athlete profile, rule settings and the device profile.

Read from `workoutc.toml` (in the source file's folder or a parent), from
`[tool.workoutc]` in a `pyproject.toml` found the same way, or from `--config FILE`.
Every key is validated; a bad value is a `ConfigError` naming the file and the key.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .. import units
from ..diagnostics import Severity
from ..pipeline.inputs import CONFIG_NAMES, read_limited, real_folder_of
from ..reporter import reason
from ..suggest import did_you_mean

LEVELS = ("beginner", "intermediate", "advanced")
MAX_CONFIG_BYTES = 1_000_000
UNIT_SYSTEMS = ("metric", "imperial")


class ConfigError(Exception):
    def __init__(self, path: str, key: str, message: str, hint: str | None = None):
        text = f"{path}: {key}: {message}" if key else f"{path}: {message}"
        super().__init__(text + (f" ({hint})" if hint else ""))


@dataclass(frozen=True)
class Athlete:
    """What the checker and the resolver know about the runner. Paces are seconds per
    km; each pace is the one to use (written in the profile, or derived from `race`),
    and `sources` says where each value came from (key -> "written", "race 10km 41:21",
    ...), for `workoutc profile`."""

    max_hr: int | None = None
    resting_hr: int | None = None
    lthr: int | None = None  # lactate-threshold heart rate
    hr_zones: str | tuple[int, ...] = "max"  # "max", "reserve", "lthr", or six bpm bounds (bottom of z1 .. top of z5)
    level: str | None = None
    easy_pace: tuple[float, float] | None = None  # (fast end, slow end)
    marathon_pace: float | None = None
    threshold_pace: float | None = None
    interval_pace: float | None = None
    repetition_pace: float | None = None
    race: tuple[float, float] | None = None  # (metres, seconds) of a race result
    ftp: int | None = None
    critical_power: int | None = None
    power_zones: tuple[float, ...] | None = None  # % of FTP where each zone starts, and the top of the last
    returning: bool = False
    units: str = "metric"
    name: str | None = None  # the [athletes.NAME] this profile is; None: the top-level [athlete]
    sources: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Device:
    max_steps: int = 100
    name_bytes: int = 16


@dataclass(frozen=True)
class RuleSettings:
    disabled: frozenset[str] = frozenset()
    severity: dict[str, Severity] = field(default_factory=dict)
    options: dict[str, dict] = field(default_factory=dict)


@dataclass(frozen=True)
class Config:
    athlete: Athlete = Athlete()
    rules: RuleSettings = RuleSettings()
    device: Device = Device()
    path: str | None = None

    def rule_options(self, rule) -> dict:
        return {**rule.OPTIONS, **self.rules.options.get(rule.ID, {})}


DEFAULT = Config()

# The keys each table accepts.
_ATHLETE_KEYS = ("max_hr", "resting_hr", "level", "easy_pace", "threshold_pace", "ftp", "returning", "units")
_DEVICE_KEYS = ("max_steps", "name_bytes")


def load_config(path: Path) -> Config:
    """Read and validate one config file (workoutc.toml or a pyproject.toml)."""
    shown = str(path)
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        tool = _table(data, "tool", shown, "[tool.workoutc]")
        data = _table(tool, "workoutc", shown, "[tool.workoutc]")
    return parse_config(data, shown)


def _read_toml(path: Path) -> dict:
    shown = str(path)
    try:
        raw, size = read_limited(path, MAX_CONFIG_BYTES)
    except OSError as error:
        raise ConfigError(shown, "", f"cannot read: {reason(error)}") from None
    if size > MAX_CONFIG_BYTES:
        raise ConfigError(shown, "", f"the file is {size:,} bytes; a configuration is far smaller")
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(shown, "", f"not valid TOML: {error}") from None


def parse_config(data: dict, path: str) -> Config:
    _known_keys(data, ("athlete", "rules", "device"), path, "")
    athlete = _athlete(_table(data, "athlete", path), path)
    device = _device(_table(data, "device", path), path)
    rules = _rules(_table(data, "rules", path), path)
    return Config(athlete, rules, device, path)


def _table(data: dict, key: str, path: str, written: str | None = None) -> dict:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(path, key, "must be a table", f"write it as {written or f'[{key}]'}")
    return value


def _known_keys(table: dict, known: tuple[str, ...], path: str, prefix: str) -> None:
    for key in table:
        if key not in known:
            where = f"{prefix}{key}" if prefix else f"[{key}]"
            raise ConfigError(path, where, "unknown key", did_you_mean(key, known) or f"known: {', '.join(known)}")


def _athlete(table: dict, path: str) -> Athlete:
    _known_keys(table, _ATHLETE_KEYS, path, "[athlete] ")
    section = "athlete"
    max_hr = _int(table, "max_hr", (100, 250), path, section)
    resting_hr = _int(table, "resting_hr", (25, 120), path, section)
    ftp = _int(table, "ftp", (50, 1000), path, section)
    level = _choice(table, "level", LEVELS, path, section)
    unit_system = _choice(table, "units", UNIT_SYSTEMS, path, section) or "metric"
    returning = _bool(table, "returning", path, section)
    easy_pace = _pace(table, "easy_pace", path, section)
    threshold = _pace(table, "threshold_pace", path, section)
    if max_hr and resting_hr and resting_hr >= max_hr:
        raise ConfigError(path, "[athlete] resting_hr", "must be below max_hr")
    threshold_pace = sum(threshold) / 2 if threshold is not None else None
    return Athlete(
        max_hr=max_hr,
        resting_hr=resting_hr,
        level=level,
        easy_pace=easy_pace,
        threshold_pace=threshold_pace,
        ftp=ftp,
        returning=returning,
        units=unit_system,
    )


def _device(table: dict, path: str) -> Device:
    _known_keys(table, _DEVICE_KEYS, path, "[device] ")
    section = "device"
    return Device(
        max_steps=_int(table, "max_steps", (1, 10_000), path, section) or Device.max_steps,
        name_bytes=_int(table, "name_bytes", (1, 254), path, section) or Device.name_bytes,
    )


def _rules(table: dict, path: str) -> RuleSettings:
    from .rules import REGISTRY

    disabled = table.get("disable", [])
    if not isinstance(disabled, list) or not all(isinstance(code, str) for code in disabled):
        raise ConfigError(path, "[rules] disable", "must be a list of rule codes", 'like disable = ["P307"]')
    for code in disabled:
        _rule(code, REGISTRY, path, "[rules] disable")
    severity: dict[str, Severity] = {}
    options: dict[str, dict] = {}
    for code, settings in table.items():
        if code == "disable":
            continue
        rule = _rule(code, REGISTRY, path, f"[rules] {code}")
        if not isinstance(settings, dict):
            raise ConfigError(path, f"[rules] {code}", "must be a table", f'like {code} = {{ severity = "error" }}')
        for name, value in settings.items():
            where = f"[rules] {code}.{name}"
            if name == "severity":
                if value not in [s.value for s in Severity]:
                    raise ConfigError(path, where, f"must be error, warning or info, not {value!r}")
                severity[code] = Severity(value)
            elif name in rule.OPTIONS:
                options.setdefault(code, {})[name] = _option(value, rule.OPTIONS[name], path, where)
            else:
                known = ("severity", *rule.OPTIONS)
                raise ConfigError(
                    path, where, "unknown option", did_you_mean(name, known) or f"{code} takes: {', '.join(known)}"
                )
    return RuleSettings(frozenset(disabled), severity, options)


def _rule(code: str, registry: dict, path: str, where: str):
    if code not in registry:
        raise ConfigError(
            path, where, f"no rule {code!r}", did_you_mean(code, registry) or "`workoutc rules` lists them"
        )
    return registry[code]


def _option(value, default, path: str, where: str):
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value
    elif isinstance(default, (int, float)) and isinstance(value, (int, float)) and not isinstance(value, bool):
        if value < 0:
            raise ConfigError(path, where, "must not be negative")
        return value
    elif isinstance(default, str) and isinstance(value, str):
        return value
    raise ConfigError(path, where, f"must be {type(default).__name__}, not {value!r}")


def _int(table, name, bounds, path, section: str) -> int | None:
    value = table.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ConfigError(path, f"[{section}] {name}", f"must be a whole number, not {value!r}")
    if not bounds[0] <= value <= bounds[1]:
        raise ConfigError(path, f"[{section}] {name}", f"{value} is outside {bounds[0]}-{bounds[1]}")
    return value


def _choice(table, name, choices, path, section: str) -> str | None:
    value = table.get(name)
    if value is None:
        return None
    if value not in choices:
        raise ConfigError(
            path,
            f"[{section}] {name}",
            f"must be one of {', '.join(choices)}, not {value!r}",
            did_you_mean(str(value), choices),
        )
    return value


def _bool(table, name, path, section: str) -> bool:
    value = table.get(name, False)
    if not isinstance(value, bool):
        raise ConfigError(path, f"[{section}] {name}", f"must be true or false, not {value!r}")
    return value


def _pace(table, name, path, section: str) -> tuple[float, float] | None:
    """ "5:20-5:50/km" or "4:10/km" (or /mi) -> (fast, slow) seconds per km."""
    value = table.get(name)
    if value is None:
        return None
    if not isinstance(value, str) or "/" not in value:
        raise ConfigError(path, f"[{section}] {name}", f'must be a pace like "5:20-5:50/km", not {value!r}')
    clocks, _, per = value.strip().rpartition("/")
    if per not in units.PACE_UNITS:
        raise ConfigError(path, f"[{section}] {name}", f"pace unit must be /km or /mi, not /{per}")
    try:
        seconds = [units.read_clock(part.strip()) for part in clocks.split("-")]
    except (units.UnitError, ValueError):
        raise ConfigError(path, f"[{section}] {name}", f'{value!r} is not a pace like "5:20-5:50/km"') from None
    if len(seconds) > 2:
        raise ConfigError(path, f"[{section}] {name}", f'{value!r} is not a pace like "5:20-5:50/km"')
    per_km = [s * 1000 / units.PACE_UNITS[per] for s in seconds]
    low, high = units.LIMITS.pace_seconds_per_km
    if not all(low <= pace <= high for pace in per_km):
        limits = f"{units.format_clock(low)}-{units.format_clock(high)}/km"
        raise ConfigError(path, f"[{section}] {name}", f"{value!r} is outside the paces workoutc takes ({limits})")
    return min(per_km), max(per_km)


class ConfigFinder:
    """Finds the config that applies to a source file, caching per folder."""

    def __init__(self, explicit: Config | None = None):
        self._explicit = explicit
        self._by_folder: dict[Path, Config] = {}
        self._by_parent: dict[str, Config] = {}  # by the folder as written: resolved once each

    def for_file(self, path: Path | str) -> Config:
        """The config of the folder the file really lives in (links resolved), or of the
        nearest parent that has one."""
        if self._explicit is not None:
            return self._explicit
        if os.path.islink(path):  # its own folder is not the one it lives in
            return self._for_folder(Path(real_folder_of(str(path))))
        parent = os.path.dirname(path)
        config = self._by_parent.get(parent)
        if config is None:
            config = self._by_parent[parent] = self._for_folder(Path(real_folder_of(str(path))))
        return config

    def _for_folder(self, folder: Path) -> Config:
        if folder in self._by_folder:
            return self._by_folder[folder]
        config = self._here(folder)
        if config is None:
            config = DEFAULT if folder.parent == folder else self._for_folder(folder.parent)
        self._by_folder[folder] = config
        return config

    def _here(self, folder: Path) -> Config | None:
        toml, pyproject = (folder / name for name in CONFIG_NAMES)
        if toml.is_file():
            return load_config(toml)
        if pyproject.is_file() and _has_workoutc_table(pyproject):
            return load_config(pyproject)
        return None


def _has_workoutc_table(pyproject: Path) -> bool:
    """Whether a pyproject.toml may speak to workoutc: it has [tool.workoutc], or a
    `tool` that is not a table at all (which `load_config` then reports). One that is
    not TOML is some other tool's business."""
    try:
        tool = _read_toml(pyproject).get("tool")
    except ConfigError:
        return False
    return "workoutc" in tool if isinstance(tool, dict) else tool is not None
