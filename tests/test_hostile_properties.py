"""Property tests over what surrounds the sources: configurations, file names,
environment values and the cache's contents. Whatever they hold, a command ends with
an exit status (0, 1 or 2) and its messages, never an exception; and whatever the cache
holds, a compile gives what a compile without it gives.

`make test` runs a few dozen cases of each; `make fuzz` runs 25 000 of each (the
`fuzz` profile, registered in tests/conftest.py).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from workoutc.cli import main

from .helpers import copy_output

HOSTILE = settings(max_examples=25_000 if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz" else 40, deadline=None)
SOURCES = [
    "easy 30min hr<=z2\n",
    'workout "Track" intervals\n  warmup 10min\n  4x\n    run 400m pace 3:50/km\n    recover 200m\n  cooldown lap\n',
    'workout "Tempo" tempo\n  run 20min pace 4:15-4:25/km\nplan "Week"\n  2026-11-24 "Tempo"\n  2026-11-25 easy 40min\n',
    "recovery 50min hr z4\n",
    "easy 30mins\n",
]


def run(*args: str) -> tuple[int, str, str]:
    """A command in this process, its output captured; any exception fails the test."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(args))
    assert status in (0, 1, 2), status
    assert "Traceback" not in err.getvalue()
    return status, out.getvalue(), err.getvalue()


@contextlib.contextmanager
def environment(**values: str | None):
    """os.environ with `values` set (None: unset), as it was afterwards."""
    saved = {name: os.environ.get(name) for name in values}
    try:
        _set_environment(values)
        yield
    finally:
        _set_environment(saved)


def _set_environment(values: dict[str, str | None]) -> None:
    for name, value in values.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


# ------------------------------------------------------------------ configurations

ATHLETE_KEYS = [
    *("max_hr", "resting_hr", "lthr", "hr_zones", "level", "easy_pace", "marathon_pace", "threshold_pace"),
    *("interval_pace", "repetition_pace", "race", "ftp", "critical_power", "power_zones", "returning", "units"),
]
KEYS = {
    "athlete": ATHLETE_KEYS,
    "athletes.ana": ATHLETE_KEYS,
    "device": ["max_steps", "name_bytes"],
    "rules": ["disable", "R101", "P305", "S204"],
}
scalars = st.one_of(
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=16),
    st.sampled_from(["5:20-5:50/km", "0:00/km", "4:10/mi", "99:99/km", "beginner", "imperial", "R101", "warning"]),
    st.sampled_from(["10km 41:21", "half 1:31:35", "1mi 0:01", "marathon 99:00:00", "reserve", "lthr", "max"]),
    st.lists(st.integers(0, 300), min_size=6, max_size=8, unique=True).map(sorted),  # zone bounds, often valid
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)


def toml_value(value) -> str:
    """A TOML literal (JSON's strings, numbers and arrays are TOML's; tables are inline)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(key)} = {toml_value(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    return json.dumps(value)


@st.composite
def configs(draw) -> tuple[str, str]:
    """(file name, contents): a workoutc.toml or a pyproject.toml, well-formed or not."""
    lines = []
    for section, keys in KEYS.items():
        if draw(st.booleans()):
            lines.append(f"[{section}]")
            for key in draw(st.lists(st.sampled_from([*keys, "unknown"]), max_size=4, unique=True)):
                lines.append(f"{json.dumps(key)} = {toml_value(draw(values))}")
    text = "\n".join(lines) + "\n"
    if draw(st.booleans()):
        return "pyproject.toml", draw(st.sampled_from(["", "[tool]\n", 'tool = "workoutc"\n'])) + text.replace(
            "[", "[tool.workoutc."
        )
    return "workoutc.toml", draw(st.sampled_from([text, text + draw(st.text(max_size=30))]))


@HOSTILE
@given(configs(), st.sampled_from(SOURCES))
def test_any_configuration_ends_in_an_exit_status(config, source):
    name, text = config
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, name).write_text(text, encoding="utf-8", errors="surrogatepass")
        Path(folder, "a.wkt").write_text(source, encoding="utf-8")
        status, _, err = run("check", folder)
        assert status != 2 or "workoutc: error:" in err
        run("html", folder, "-o", os.path.join(folder, "pages"))
        run("profile", folder, "--athlete", "all")


# ------------------------------------------------------------------ file names

names = st.binary(min_size=1, max_size=24).filter(lambda name: b"/" not in name and b"\0" not in name)


@HOSTILE
@given(names, st.sampled_from(SOURCES))
def test_any_file_name_ends_in_an_exit_status(name, source):
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(os.fsencode(folder), name + b".wkt")
        with open(path, "wb") as stream:
            stream.write(source.encode())
        shown = os.fsdecode(path)
        run("check", shown)
        run("compile", shown, "-o", os.path.join(folder, "out"), "--html")
        run("fmt", "--check", shown)


# ------------------------------------------------------------------ environment values

env_text = st.one_of(  # what an environment can hold: any text but NUL and unpaired surrogates
    st.none(),
    st.text(st.characters(codec="utf-8", blacklist_characters="\x00"), max_size=30),
    st.sampled_from(["0", "-1", "1e9", "253402300800", "99" * 20]),
)


@HOSTILE
@given(env_text, env_text, st.sampled_from(["a file", "a new folder", "a folder others can write", "nowhere"]))
def test_any_environment_ends_in_an_exit_status(epoch, github, cache):
    with tempfile.TemporaryDirectory() as folder:
        cache_home = os.path.join(folder, "cache")
        if cache == "a file":
            Path(cache_home).write_text("not a folder")
        elif cache == "a folder others can write":
            os.makedirs(os.path.join(cache_home, "workoutc"))
            os.chmod(os.path.join(cache_home, "workoutc"), 0o777)
        source = Path(folder, "a.wkt")
        source.write_text(SOURCES[2], encoding="utf-8")
        xdg = cache_home if cache != "nowhere" else os.path.join(folder, "missing", "deep")
        with environment(SOURCE_DATE_EPOCH=epoch, GITHUB_ACTIONS=github, XDG_CACHE_HOME=xdg):
            run("compile", str(source), "-o", os.path.join(folder, "out"))
            run("check", str(source))


# ------------------------------------------------------------------ cache contents

damage = st.lists(
    st.tuples(st.sampled_from(["flip", "cut", "replace", "delete"]), st.integers(0, 10**6), st.binary(max_size=40)),
    min_size=1,
    max_size=4,
)


def _damaged(path: Path, how: str, where: int, junk: bytes) -> None:
    data = path.read_bytes()
    at = where % (len(data) + 1)
    if how == "flip" and data:
        at %= len(data)
        path.write_bytes(data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1 :])
    elif how == "cut":
        path.write_bytes(data[:at])
    elif how == "replace":
        path.write_bytes(junk)
    else:
        path.unlink()


def _outputs(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


@HOSTILE
@given(damage, st.sampled_from(SOURCES))
def test_whatever_the_cache_holds_a_compile_gives_what_a_fresh_compile_gives(damages, source):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "lib").mkdir()
        (root / "lib" / "a.wkt").write_text(source, encoding="utf-8")
        (root / "lib" / "b.wkt").write_text(SOURCES[1], encoding="utf-8")
        with environment(XDG_CACHE_HOME=str(root / "cache"), SOURCE_DATE_EPOCH="1764547200"):
            run("compile", str(root / "lib"), "-o", str(root / "out"))
            copy_output(root / "out", root / "fresh")  # the same starting point, compiled afresh below
            # Not the ledger: what workoutc wrote decides what it removes (tests/pipeline/test_stale.py).
            files = sorted(
                path for path in (root / "cache").rglob("*") if path.is_file() and path.parent.name != "ledgers"
            )
            for index, (how, where, junk) in enumerate(damages):
                target = files[(where + index) % len(files)]
                if target.exists():
                    _damaged(target, how, where, junk)
            (root / "lib" / "b.wkt").write_text(SOURCES[0], encoding="utf-8")  # so that not all is replayed
            cached = run("compile", str(root / "lib"), "-o", str(root / "out"))
            fresh = run("compile", str(root / "lib"), "-o", str(root / "fresh"), "--no-cache")
        assert cached[0] == fresh[0]
        assert _outputs(root / "out") == _outputs(root / "fresh")
