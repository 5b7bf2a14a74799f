"""Heart-rate and power zones under the athlete's zone model.

Heart rate (`athlete.hr_zones`), five zones, each from its bound to the next:

- "max" (the default): % of max HR, Garmin's default zones 50-60-70-80-90-100 %
  (`units.HR_ZONE_BOUNDS`, the percentages the language has always used);
- "reserve": Karvonen, resting HR + the same percentages of the reserve (max - resting);
- "lthr": Friel's running zones in % of lactate-threshold HR: z2 85-89 %, z3 90-94 %,
  z4 95-99 %, z5 100-106 % (his 5a and 5b); Friel gives z1 as "below 85 %", workoutc
  starts it at 65 %;
- six bpm bounds written in the profile.

Power: Coggan's seven zones in % of FTP, or the bounds written in `athlete.power_zones`.

Functions read a profile value only when they need it, so the checker's recording
athlete notes only the values that were really missing.
"""

from __future__ import annotations

from ..units import HR_ZONE_BOUNDS

HR_ZONES = 5
POWER_ZONES = 7
HR_MODELS = ("max", "reserve", "lthr")
FRIEL_LTHR_PERCENT = (65, 85, 90, 95, 100, 106)
# Coggan's power levels (Allen & Coggan, "Training and Racing with a Power Meter"):
# active recovery <= 55 %, endurance 56-75, tempo 76-90, threshold 91-105, VO2max
# 106-120, anaerobic capacity 121-150, neuromuscular > 150. Each zone runs from its
# start to the next zone's; the last is capped at the most % FTP a target may ask for.
COGGAN_POWER_PERCENT = (0, 56, 76, 91, 106, 121, 151, 300)
# What each heart-rate model needs, in the order it is read.
_HR_NEEDS = {"max": ("max_hr",), "reserve": ("max_hr", "resting_hr"), "lthr": ("lthr",)}


def hr_zone_bpm(athlete, zone: int) -> tuple[float, float] | None:
    """Zone 1-5 as (low, high) bpm; None when the model needs a value the profile lacks."""
    bounds = _hr_bounds_bpm(athlete)
    return None if bounds is None else (bounds[_index(zone, HR_ZONES)], bounds[zone])


def hr_zone_needs(athlete) -> str | None:
    """The profile key bpm zones need and lack (`athlete.max_hr`), or None."""
    model = athlete.hr_zones
    for key in _HR_NEEDS.get(model, ()) if isinstance(model, str) else ():
        if getattr(athlete, key) is None:
            return f"athlete.{key}"
    return None


def hr_zone_percent_of_max(athlete, zone: int) -> tuple[float, float] | None:
    """Zone 1-5 as (low, high) % of max HR, for the checker. Under the default model
    these are its percentages (no max HR needed); under another, its bpm bounds over
    max HR (None when max HR or the model's own value is missing)."""
    _index(zone, HR_ZONES)
    if athlete.hr_zones == "max":
        return float(HR_ZONE_BOUNDS[zone - 1]), float(HR_ZONE_BOUNDS[zone])
    bpm = hr_zone_bpm(athlete, zone)
    max_hr = athlete.max_hr if bpm is not None else None
    if bpm is None or max_hr is None:
        return None
    return bpm[0] * 100 / max_hr, bpm[1] * 100 / max_hr


def power_zone_percent(athlete, zone: int) -> tuple[float, float]:
    """Zone 1-7 as (low, high) % of FTP: Coggan's, or the profile's own bounds."""
    bounds = athlete.power_zones or COGGAN_POWER_PERCENT
    return float(bounds[_index(zone, POWER_ZONES)]), float(bounds[zone])


def power_zone_watts(athlete, zone: int) -> tuple[float, float] | None:
    """Zone 1-7 as (low, high) W; None without an FTP."""
    low, high = power_zone_percent(athlete, zone)
    ftp = athlete.ftp
    return None if ftp is None else (low * ftp / 100, high * ftp / 100)


def _hr_bounds_bpm(athlete) -> tuple[float, ...] | None:
    """The six bpm bounds of the athlete's zones, bottom of zone 1 to top of zone 5."""
    model = athlete.hr_zones
    if not isinstance(model, str):
        return tuple(float(bound) for bound in model)
    if hr_zone_needs(athlete) is not None:
        return None
    if model == "lthr":
        return tuple(percent * athlete.lthr / 100 for percent in FRIEL_LTHR_PERCENT)
    floor = athlete.resting_hr if model == "reserve" else 0
    return tuple(floor + percent * (athlete.max_hr - floor) / 100 for percent in HR_ZONE_BOUNDS)


def _index(zone: int, zones: int) -> int:
    """The index of the zone's lower bound; a zone outside 1-`zones` is a caller's mistake."""
    if not 1 <= zone <= zones:
        raise ValueError(f"zone {zone} is outside 1-{zones}")
    return zone - 1
