"""Configuration: the athlete profile, rule settings and the device profile.

Read from `workoutc.toml` (in the source file's folder or a parent), from
`[tool.workoutc]` in a `pyproject.toml` found the same way, or from `--config FILE`.
Every key is validated; a bad value is a `ConfigError` naming the file and the key.
The athlete tables, [athlete] and [athletes.NAME], are read by `athletes.py`.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..diagnostics import Severity
from ..pipeline.inputs import CONFIG_NAMES, read_limited, real_folder_of
from ..reporter import reason
from ..suggest import did_you_mean
from .vdot import vdot

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

    @property
    def threshold_power(self) -> int | None:
        """The power % FTP targets are taken of: the FTP, or without one the critical
        power (both the power held for about an hour; CP runs a few % above FTP, and
        runners with a power meter often know only their CP)."""
        return self.ftp if self.ftp is not None else self.critical_power

    @property
    def vdot(self) -> float | None:
        """Daniels' VDOT of `race` (check/vdot.py); None without a race."""
        return None if self.race is None else vdot(*self.race)


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
    athletes: dict[str, Athlete] = field(default_factory=dict)  # [athletes.NAME], each merged with [athlete]

    def rule_options(self, rule) -> dict:
        return {**rule.OPTIONS, **self.rules.options.get(rule.ID, {})}

    def for_athlete(self, name: str) -> Config:
        """This config with the athlete of [athletes.NAME] as its athlete."""
        if name in self.athletes:
            return replace(self, athlete=self.athletes[name])
        names = sorted(self.athletes)
        listed = f"it has: {', '.join(names)}" if names else f"it has none: add [athletes.{name}]"
        hint = " ".join(filter(None, [did_you_mean(name, names), listed]))
        raise ConfigError(self.path or "", "", f'[athletes] has no athlete "{name}"', hint)


DEFAULT = Config()

_DEVICE_KEYS = ("max_steps", "name_bytes")  # the keys [device] accepts


def load_config(path: Path) -> Config:
    """Read and validate one config file (workoutc.toml or a pyproject.toml)."""
    shown = str(path)
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        tool = read_table(data, "tool", shown, "[tool.workoutc]")
        data = read_table(tool, "workoutc", shown, "[tool.workoutc]")
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
    from .athletes import read_athletes  # it builds on this module's readers

    known_keys(data, ("athlete", "athletes", "rules", "device"), path, "")
    athlete, athletes = read_athletes(data, path)
    device = _device(read_table(data, "device", path), path)
    rules = _rules(read_table(data, "rules", path), path)
    return Config(athlete, rules, device, path, athletes)


def read_table(data: dict, key: str, path: str, written: str | None = None) -> dict:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(path, key, "must be a table", f"write it as {written or f'[{key}]'}")
    return value


def known_keys(table: dict, known: tuple[str, ...], path: str, prefix: str) -> None:
    for key in table:
        if key not in known:
            where = f"{prefix}{key}" if prefix else f"[{key}]"
            raise ConfigError(path, where, "unknown key", did_you_mean(key, known) or f"known: {', '.join(known)}")


def _device(table: dict, path: str) -> Device:
    known_keys(table, _DEVICE_KEYS, path, "[device] ")
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
    return None if value is None else whole_number(value, bounds, path, f"[{section}] {name}")


def whole_number(value, bounds: tuple[int, int], path: str, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ConfigError(path, where, f"must be a whole number, not {value!r}")
    if not bounds[0] <= value <= bounds[1]:
        raise ConfigError(path, where, f"{value} is outside {bounds[0]}-{bounds[1]}")
    return value


class ConfigFinder:
    """Finds the config that applies to a source file, caching per folder. With an
    `athlete` name, each config found speaks for its [athletes.NAME]."""

    def __init__(self, explicit: Config | None = None, athlete: str | None = None):
        self._explicit = explicit
        self._athlete = athlete
        self._by_folder: dict[Path, Config] = {}
        self._by_parent: dict[str, Config] = {}  # by the folder as written: resolved once each
        self._chosen: dict[str, Config] = {}  # by config path: the config for the athlete

    def for_file(self, path: Path | str) -> Config:
        """The config of the folder the file really lives in (links resolved), or of the
        nearest parent that has one; for the finder's athlete when it has one."""
        config = self._found(path)
        return config if self._athlete is None else self._for_athlete(config, path, self._athlete)

    def for_folder(self, folder: str) -> Config:
        """The config that applies to the files of this folder (its real path)."""
        config = self._explicit if self._explicit is not None else self._for_folder(Path(os.path.realpath(folder)))
        return config if self._athlete is None else self._for_athlete(config, folder, self._athlete)

    def athlete_names(self, paths) -> list[str]:
        """Every [athletes.NAME] in the configs of these files, sorted (for `--athlete all`)."""
        return sorted({name for path in paths for name in self._found(path).athletes})

    def _found(self, path: Path | str) -> Config:
        if self._explicit is not None:
            return self._explicit
        if os.path.islink(path):  # its own folder is not the one it lives in
            return self._for_folder(Path(real_folder_of(str(path))))
        parent = os.path.dirname(path)
        config = self._by_parent.get(parent)
        if config is None:
            config = self._by_parent[parent] = self._for_folder(Path(real_folder_of(str(path))))
        return config

    def _for_athlete(self, config: Config, source: Path | str, name: str) -> Config:
        if config.path is None:
            raise ConfigError(str(source), "", f'no configuration applies here, so there is no athlete "{name}"')
        chosen = self._chosen.get(config.path)
        if chosen is None:
            chosen = self._chosen[config.path] = config.for_athlete(name)
        return chosen

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
