"""`make bench`: how fast workoutc is, as ratios against the alternatives in the same run.

    python -m benchmarks.run [--workouts 10000] [--json benchmarks/results.json]

Absolute times on a shared machine mean little, so every figure that matters is a
ratio of two measurements taken here, now: workoutc's FIT encoder against fit-tool's
FitFileBuilder and Garmin's Encoder on the same workouts; a whole-library compile
against parsing the same files with the bare grammar; a one-file check against
importing lark and jinja2; a no-change recompile against a full one; a no-change
check and a check after one file changed against a full check (`--no-cache`); and
each command's slowest known input shape against the same bytes of ordinary workouts.

Whole-library runs are interleaved (bare parse, check, compile, then again) and each
figure is the best of three, so a busy moment on a shared machine does not decide a
ratio. Compiles write into a RAM-backed folder (/dev/shm) when there is one, so the
figures measure workoutc rather than the disk; the same compile onto the working disk
is reported beside them.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from workoutc.check.config import ConfigFinder
from workoutc.check.runner import Checker
from workoutc.emit.html import workout_page
from workoutc.fit.encode import encode_workout
from workoutc.language.parse import parse
from workoutc.language.source import load_text
from workoutc.pipeline.stages import run_stages

from .encoders import fit_tool_builder, garmin_encoder
from .library import (
    comment_lines,
    commented_workouts,
    one_line_workouts,
    ordinary,
    plan_naming_a_big_workout,
    write_library,
)

GOALS = {  # name: (measured ratio key, limit, "<=" or ">=")
    "FIT encoding vs fit-tool": ("encode_speedup_fit_tool", 30, ">="),
    "FIT encoding vs Garmin Encoder": ("encode_speedup_garmin", 4, ">="),
    "library compile vs bare parse": ("compile_vs_bare_parse", 2, "<="),
    "cold check vs import lark, jinja2": ("cold_check_vs_imports", 2, "<="),
    "no-change recompile vs full": ("no_change_vs_full", 0.10, "<="),
    "no-change check vs full": ("no_change_check_vs_full", 0.10, "<="),
    "one-changed check vs full": ("one_changed_check_vs_full", 0.30, "<="),
    "peak memory of a library compile (MB)": ("peak_memory_mb", 300, "<="),
}
TIME_CREATED = 1764547200
PYTHON = sys.executable


def median_per_item(function, items, repeat: int = 3) -> float:
    """Median seconds per item over `repeat` passes (each pass times every item)."""
    samples = []
    for _ in range(repeat):
        for item in items:
            start = time.perf_counter()
            function(item)
            samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def wall(command: list[str], env: dict | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def best_of(runs: int, command: list[str], env: dict | None = None) -> float:
    return min(wall(command, env) for _ in range(runs))


BARE_PARSE = """
import sys
from pathlib import Path
from lark import Lark
from workoutc.language.grammar import grammar_text
from workoutc.language.indentation import Indentation
parser = Lark(grammar_text(), parser="lalr", postlex=Indentation(), cache=True)
for path in sorted(Path(sys.argv[1]).rglob("*.wkt")):
    parser.parse(path.read_text(encoding="utf-8").rstrip() + "\\n")
"""

PEAK_MEMORY = """
import resource, sys
from workoutc.cli import main
status = main(sys.argv[1:])
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def per_workout(library: Path, sample: int) -> dict:
    files = sorted(library.rglob("*.wkt"))[:sample]
    texts = [f.read_text(encoding="utf-8") for f in files]
    sources = [load_text(text, str(f)) for text, f in zip(texts, files, strict=True)]
    checker = Checker(ConfigFinder(None))
    workouts = [(s, w) for s in sources if s.document for w in s.document.all_workouts()]
    athlete = ConfigFinder(None).for_file(files[0]).athlete
    return {
        "parse_s": median_per_item(parse, texts),
        "check_s": median_per_item(lambda s: checker.check_workouts(load_text(s.text, s.path)), sources, 1),
        "encode_s": median_per_item(lambda sw: encode_workout(sw[1], TIME_CREATED), workouts),
        "html_s": median_per_item(
            lambda sw: workout_page(sw[1], text=sw[0].text, findings=[], athlete=athlete, fit_name=None), workouts, 1
        ),
    }


def encoders(library: Path, sample: int) -> dict:
    files = sorted(library.rglob("*.wkt"))
    workouts = [
        w
        for f in files
        for s in [load_text(f.read_text(encoding="utf-8"), str(f))]
        if s.document
        for w in s.document.workouts
    ][:sample]
    ours = median_per_item(lambda w: encode_workout(w, TIME_CREATED), workouts, 5)
    garmin = median_per_item(lambda w: garmin_encoder(w, TIME_CREATED), workouts, 1)
    fit_tool = median_per_item(lambda w: fit_tool_builder(w, TIME_CREATED), workouts[: max(50, sample // 5)], 1)
    steps = statistics.median(len(encode_workout(w, TIME_CREATED)) for w in workouts)
    return {
        "encode_workoutc_s": ours,
        "encode_garmin_s": garmin,
        "encode_fit_tool_s": fit_tool,
        "encode_speedup_garmin": garmin / ours,
        "encode_speedup_fit_tool": fit_tool / ours,
        "median_fit_bytes": steps,
    }


def library_runs(library: Path, fast_folder: Path, jobs: int, rounds: int = 3) -> dict:
    """Whole-library wall times, each the best of `rounds`. The runs are interleaved
    (bare parse, check, compile, ...) so every figure sees the same machine."""
    cli = [PYTHON, "-m", "workoutc"]
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(TIME_CREATED)}
    wall([PYTHON, "-c", BARE_PARSE, str(library)])  # builds the cached tables once
    commands: dict[str, tuple[list[str], dict | None]] = {
        "bare_parse_s": ([PYTHON, "-c", BARE_PARSE, str(library)], None)
    }
    for label, count in (("1", 1), ("all", jobs)):
        commands[f"check_j{label}_s"] = ([*cli, "check", str(library), "-j", str(count), "--no-cache"], None)
        commands[f"compile_j{label}_s"] = (
            [*cli, "compile", str(library), "-o", str(fast_folder / f"out-j{label}"), "-j", str(count), "--no-cache"],
            env,
        )
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, (command, command_env) in commands.items():
            times[name].append(wall(command, command_env))
    results = {name: min(values) for name, values in times.items()}
    disk = Path(tempfile.mkdtemp(prefix="workoutc-bench-disk-"))
    results["compile_jall_disk_s"] = wall([*cli, "compile", str(library), "-o", str(disk), "--no-cache"], env)
    shutil.rmtree(disk, ignore_errors=True)
    out = fast_folder / "incremental"
    wall([*cli, "compile", str(library), "-o", str(out)], env)  # records the manifest
    results["first_cached_compile_s"] = min(  # the default command, into a folder it has not compiled into
        wall([*cli, "compile", str(library), "-o", str(fast_folder / f"first-{round_}")], env)
        for round_ in range(rounds)
    )
    results["no_change_compile_s"] = best_of(rounds, [*cli, "compile", str(library), "-o", str(out)], env)
    results["one_changed_compile_s"] = _one_file_changed(
        library, [*cli, "compile", str(library), "-o", str(out)], env, rounds
    )
    peak = subprocess.run(
        [PYTHON, "-c", PEAK_MEMORY, "compile", str(library), "-o", str(fast_folder / "peak"), "-j", "1", "--no-cache"],
        capture_output=True,
        check=False,
        text=True,
        env=env,
    )
    results["peak_memory_mb"] = int(peak.stdout.strip().splitlines()[-1]) / 1024
    full = min(results["compile_jall_s"], results["compile_j1_s"])
    results["compile_vs_bare_parse"] = full / results["bare_parse_s"]
    results["check_vs_bare_parse"] = min(results["check_jall_s"], results["check_j1_s"]) / results["bare_parse_s"]
    results["no_change_vs_full"] = results["no_change_compile_s"] / full  # against the fastest full compile
    results["one_changed_vs_full"] = results["one_changed_compile_s"] / full
    return results


def check_cache_runs(library: Path, full_check: float, rounds: int = 3) -> dict:
    """A whole-library check with its cache (the default): the first, which records it;
    one with nothing changed; one after a file changed; each the best of `rounds`."""
    command = [PYTHON, "-m", "workoutc", "check", str(library)]
    records = Path(os.environ["XDG_CACHE_HOME"]) / "workoutc" / "checks"
    first = []
    for _ in range(rounds):
        shutil.rmtree(records, ignore_errors=True)
        first.append(wall(command))
    results = {
        "first_cached_check_s": min(first),
        "no_change_check_s": best_of(rounds, command),
        "one_changed_check_s": _one_file_changed(library, command, None, rounds),
    }
    results["no_change_check_vs_full"] = results["no_change_check_s"] / full_check
    results["one_changed_check_vs_full"] = results["one_changed_check_s"] / full_check
    return results


def _one_file_changed(library: Path, command: list[str], env: dict | None, rounds: int) -> float:
    """The best of `rounds` compiles, each after editing one file in the middle of the library."""
    files = sorted(library.rglob("*.wkt"))
    edited = files[len(files) // 2]
    original = edited.read_text(encoding="utf-8")
    times = []
    for round_ in range(rounds):
        edited.write_text(original + f"# edited {round_}\n", encoding="utf-8")
        times.append(wall(command, env))
    edited.write_text(original, encoding="utf-8")
    return min(times)


# The slowest known shape per command (Hardening, item 6): name -> (label, command, shape).
WORST_SHAPES = {
    "check_comments": ("check: comment lines", "check", comment_lines),
    "check_big_plan": ("check: a plan naming a 99x99 workout", "check", plan_naming_a_big_workout),
    "compile_big_plan": ("compile: a plan naming a 99x99 workout", "compile", plan_naming_a_big_workout),
    "html_one_liners": ("html: one-line workouts", "html", one_line_workouts),
    "fmt_comments": ("fmt --check: workouts among comments", "fmt", commented_workouts),
}


def _command(command: str, source: Path, out: Path) -> list[str]:
    """`workoutc COMMAND` over `source` in one process, writing (if at all) into `out`."""
    cli = [PYTHON, "-m", "workoutc"]
    if command == "fmt":
        return [*cli, "fmt", "--check", str(source)]
    if command == "compile":
        return [*cli, "compile", str(source), "-o", str(out), "-j", "1", "--no-cache"]
    if command == "html":
        return [*cli, "html", str(source), "-o", str(out), "-j", "1"]
    return [*cli, "check", str(source), "-j", "1", "--no-cache"]


def worst_shapes(library: list[Path], folder: Path, size: int) -> dict:
    """Each worst shape, about `size` bytes in one file, against the same command over
    `size` bytes of library files, each the best of two runs: work linear in the input
    keeps a ratio steady as `size` grows, where superlinear work makes it grow."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(TIME_CREATED)}
    size = min(size, sum(path.stat().st_size for path in library))  # a small library: smaller shapes
    plain = ordinary(library, size, folder / "ordinary")
    results: dict = {"worst_shape_bytes": size}
    for command in dict.fromkeys(command for _, command, _ in WORST_SHAPES.values()):
        results[f"ordinary_{command}_s"] = best_of(2, _command(command, plain, folder / f"out-{command}"), env)
    for name, (_, command, shape) in WORST_SHAPES.items():
        source = folder / f"{name}.wkt"
        source.write_text(shape(size), encoding="utf-8")
        seconds = best_of(2, _command(command, source, folder / f"out-{name}"), env)
        results[f"worst_{name}_s"] = seconds
        results[f"worst_{name}_vs_ordinary"] = seconds / results[f"ordinary_{command}_s"]
    return results


def cold_start(folder: Path, runs: int) -> dict:
    one = folder / "one.wkt"
    one.write_text("recovery 30min hr<z2 strides 4x20s\n", encoding="utf-8")
    check = [PYTHON, "-m", "workoutc", "check", str(one), "--no-cache"]  # the work, not a replay
    imports = [PYTHON, "-c", "import lark, jinja2"]
    wall(check)  # the parser tables are cached after the first run
    checks, bare = [], []
    for _ in range(runs):  # interleaved, so both see the same machine
        checks.append(wall(check))
        bare.append(wall(imports))
    return {
        "cold_check_s": statistics.median(checks),
        "import_lark_jinja2_s": statistics.median(bare),
        "cold_check_vs_imports": statistics.median(checks) / statistics.median(bare),
    }


def report(results: dict) -> str:
    lines = [f"library: {results['files']} files, {results['workouts']} workouts; {results['jobs']} cores", ""]
    lines.append("per workout (median):")
    for key, label in (
        ("parse_s", "parse"),
        ("check_s", "parse + check"),
        ("encode_s", "FIT encode"),
        ("html_s", "HTML render"),
    ):
        lines.append(f"  {label:<24} {results[key] * 1e6:9.0f} us")
    lines += [
        "",
        "FIT encoding of the same workouts:",
        f"  workoutc                 {results['encode_workoutc_s'] * 1e6:9.0f} us   1x",
        f"  Garmin Encoder           {results['encode_garmin_s'] * 1e6:9.0f} us   "
        f"{results['encode_speedup_garmin']:.1f}x slower",
        f"  fit-tool FitFileBuilder  {results['encode_fit_tool_s'] * 1e6:9.0f} us   "
        f"{results['encode_speedup_fit_tool']:.1f}x slower",
        "",
        "whole library (wall time, ratio to parsing every file with the bare grammar):",
    ]
    bare = results["bare_parse_s"]
    for key, label in (
        ("bare_parse_s", "bare grammar parse"),
        ("check_j1_s", "check -j 1"),
        ("check_jall_s", f"check -j {results['jobs']}"),
        ("compile_j1_s", "compile -j 1"),
        ("compile_jall_s", f"compile -j {results['jobs']}"),
        ("compile_jall_disk_s", f"compile -j {results['jobs']} (disk)"),
        ("first_cached_compile_s", f"compile -j {results['jobs']} (first, cached)"),
        ("no_change_compile_s", "compile, nothing changed"),
        ("one_changed_compile_s", "compile, one file changed"),
        ("first_cached_check_s", "check (first, cached)"),
        ("no_change_check_s", "check, nothing changed"),
        ("one_changed_check_s", "check, one file changed"),
    ):
        lines.append(f"  {label:<28} {results[key]:7.2f} s   {results[key] / bare:5.2f}x")
    lines += [
        "",
        f"cold start: check one file {results['cold_check_s'] * 1000:.0f} ms, "
        f"import lark + jinja2 {results['import_lark_jinja2_s'] * 1000:.0f} ms, "
        f"ratio {results['cold_check_vs_imports']:.2f}",
        f"peak memory of a library compile (-j 1): {results['peak_memory_mb']:.0f} MB",
        "",
        f"worst shapes (wall time, -j 1; ratio to {results['worst_shape_bytes'] // 1000} kB of library files):",
    ]
    for name, (label, command, _) in WORST_SHAPES.items():
        lines.append(
            f"  {label:<40} {results[f'worst_{name}_s']:7.2f} s   {results[f'worst_{name}_vs_ordinary']:5.2f}x"
            f"   (library {results[f'ordinary_{command}_s']:.2f} s)"
        )
    lines += ["", "goals:"]
    for name, (key, limit, direction) in GOALS.items():
        value = results[key]
        met = value >= limit if direction == ">=" else value <= limit
        results.setdefault("goals", {})[name] = {"value": value, "limit": limit, "met": met}
        lines.append(f"  {'PASS' if met else 'MISS'}  {name}: {value:.2f} (goal {direction} {limit})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workouts", type=int, default=10_000, help="size of the synthetic library")
    parser.add_argument("--sample", type=int, default=1000, help="workouts timed one by one")
    parser.add_argument("--json", metavar="FILE", help="also write the numbers here")
    parser.add_argument("--shape-bytes", type=int, default=150_000, help="size of each worst-shape input")
    args = parser.parse_args(argv)
    ram = Path("/dev/shm") if Path("/dev/shm").is_dir() and os.access("/dev/shm", os.W_OK) else None
    with (
        tempfile.TemporaryDirectory(prefix="workoutc-bench-") as work,
        tempfile.TemporaryDirectory(prefix="workoutc-bench-", dir=ram) as fast,
    ):
        # A cache folder of the benchmark's own: its compile records go with it.
        os.environ["XDG_CACHE_HOME"] = str(Path(work) / "cache")
        library = Path(work) / "library"
        files = write_library(library, args.workouts)
        run = run_stages([str(library)], None)
        results: dict = {
            "files": len(files),
            "workouts": sum(len(result.loaded.workouts) for result in run.files),
            "jobs": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
            "output_folder": "RAM (/dev/shm)" if ram else "disk",
        }
        del run
        results |= per_workout(library, args.sample)
        results |= encoders(library, args.sample)
        results |= library_runs(library, Path(fast), results["jobs"])
        results |= check_cache_runs(library, min(results["check_j1_s"], results["check_jall_s"]))
        results |= cold_start(Path(fast), 15)
        results |= worst_shapes(files, Path(fast) / "shapes", args.shape_bytes)
    text = report(results)
    print(text)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
