"""A synthetic workout library: varied, realistic shapes, reproducible from a seed.

One-line sessions, block workouts with (nested) repeats, strides and every kind of
target, and weekly plans that refer to the library's workouts by name; and the worst
shapes, one per command, to compare with the same bytes of the library.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

KINDS_EASY = ("recovery", "easy", "long", "steady")
KINDS_HARD = ("tempo", "threshold", "intervals", "hills", "fartlek", "progression", "race")


def _pace(rng: random.Random, fast: int, slow: int) -> str:
    low = rng.randint(fast, slow)
    return f"pace {low // 60}:{low % 60:02d}-{(low + 10) // 60}:{(low + 10) % 60:02d}/km"


def one_liner(rng: random.Random) -> str:
    kind = rng.choice(KINDS_EASY)
    minutes = {"recovery": rng.randint(20, 40), "long": rng.randint(80, 140)}.get(kind, rng.randint(30, 70))
    target = rng.choice(["hr<z2", "hr<=z2", "hr 60-70%", "hr 125-140bpm", _pace(rng, 320, 380)])
    strides = f" strides {rng.randint(4, 8)}x{rng.choice([15, 20, 25])}s" if rng.random() < 0.4 else ""
    note = ' "keep it conversational"' if rng.random() < 0.3 else ""
    return f"{kind} {minutes}min {target}{strides}{note}\n"


def block(rng: random.Random, name: str) -> str:
    kind = rng.choice(KINDS_HARD)
    lines = [f'workout "{name}" {kind}', "  warmup 15min hr<=z2"]
    if rng.random() < 0.5:
        lines.append("  strides 4x20s")
    reps = rng.randint(3, 10)
    work = rng.choice(["400m", "800m", "1km", "1.6km", "2min", "3min", "5min", "1mi"])
    target = rng.choice(
        [
            _pace(rng, 200, 260),
            "hr z4",
            "hr>=z4",
            "hr 160-170bpm",
            "power 280-300W",
            "power 95-105%",
            "pace 6:20-6:30/mi",
        ]
    )
    if rng.random() < 0.3:
        lines += [
            f"  {rng.randint(2, 3)}x",
            f"    {reps}x",
            f"      run {work} {target}",
            "      recover 200m",
            '    recover 3min hr<z2 "between sets"',
        ]
    else:
        lines += [f"  {reps}x", f'    run {work} {target} "relax"', f"    recover {rng.choice(['90s', '400m', 'lap'])}"]
    lines.append(rng.choice(["  cooldown 10min hr<=z2", "  cooldown lap"]))
    return "\n".join(lines) + "\n"


def plan(rng: random.Random, index: int, names: list[str]) -> str:
    lines = [f'plan "Week {index}"']
    day = rng.randint(1, 20)
    for offset in range(7):
        date = f"2027-03-{day + offset:02d}"
        roll = rng.random()
        if roll < 0.2:
            lines.append(f"  {date} rest")
        elif roll < 0.5 and names:
            lines.append(f'  {date} "{rng.choice(names)}"')
        else:
            lines.append(f"  {date} {one_liner(rng).rstrip()}")
    return "\n".join(lines) + "\n"


def write_library(folder: Path, workouts: int = 10_000, seed: int = 7) -> list[Path]:
    """About `workouts` workouts in files of one to a few workouts, plus a plan every 50 files."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    written, count, index = [], 0, 0
    names: list[str] = []
    while count < workouts:
        sub = folder / f"group-{index // 500:03d}"
        sub.mkdir(exist_ok=True)
        if index % 50 == 49:
            text, made = plan(rng, index, names[-200:]), 7
        elif rng.random() < 0.5:
            text, made = one_liner(rng), 1
        else:
            many = rng.choice([1, 1, 2, 3])
            parts = [block(rng, f"W{index}-{n}") for n in range(many)]
            names += [f"W{index}-{n}" for n in range(many)]
            text, made = "\n".join(parts), many
        path = sub / f"w{index:05d}.wkt"
        path.write_text(text, encoding="utf-8")
        written.append(path)
        count += made
        index += 1
    return written


# ------------------------------------------------------------------ the worst shapes

# Inputs that once took work growing faster than their size (Hardening, item 6), each
# the slowest known shape for its command, built to about `size` bytes.
BIG_WORKOUT = 'workout "Big"\n  99x\n    99x\n      run 1s\n'  # 9 801 steps in four lines


def comment_lines(size: int) -> str:
    """`check`: a line of content, then nothing but comment lines (one newline token)."""
    return "easy 30min\n" + "#\n" * ((size - 11) // 2)


def plan_naming_a_big_workout(size: int) -> str:
    """`check`, `compile`: a plan naming a 99x-in-99x workout twice a day (from 2000,
    as plans end in 2099)."""
    entries: list[str] = []
    first, total = date(2000, 1, 3), len(BIG_WORKOUT) + 9
    while total < size:
        entries.append(f'  {first + timedelta(days=len(entries) // 2)} "Big"\n')
        total += len(entries[-1])
    return BIG_WORKOUT + 'plan "P"\n' + "".join(entries)


def _numbered(piece: Callable[[int], str], size: int) -> str:
    """piece(0) + piece(1) + ... until the text holds `size` characters."""
    parts: list[str] = []
    total = 0
    while total < size:
        parts.append(piece(len(parts)))
        total += len(parts[-1])
    return "".join(parts)


def one_line_workouts(size: int) -> str:
    """`html`: a page per one-line workout, two findings each, all in one file."""
    return _numbered(lambda index: f'workout "W{index}" recovery 90min\n', size)


def commented_workouts(size: int) -> str:
    """`fmt --check`: four comments around each two-line workout."""
    return _numbered(lambda index: f'#a\n#b\nworkout "F{index}"\n#c\n  run 1km\n#d\n', size)


def ordinary(library: list[Path], size: int, folder: Path) -> Path:
    """Library files, in order, copied into `folder` until they hold `size` bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for path in library:
        if total >= size:
            break
        data = path.read_bytes()
        (folder / f"{path.parent.name}-{path.name}").write_bytes(data)
        total += len(data)
    return folder
