"""The command line: `workoutc compile PATH... -o OUTDIR`.

Exit status: 0 success, 1 errors in the input, 2 usage or I/O problems.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__
from .build import UsageError, collect_inputs, compile_sources, load_all

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workoutc",
        description="Compile running workouts written as text into Garmin FIT workout files.",
    )
    parser.add_argument("--version", action="version", version=f"workoutc {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    compile_cmd = commands.add_parser("compile", help="compile .wkt files into FIT workout files",
                                      description="Compile .wkt files (folders are searched recursively) "
                                                  "into one .fit file per workout.")
    compile_cmd.add_argument("paths", nargs="+", metavar="PATH", help=".wkt file or folder")
    compile_cmd.add_argument("-o", "--output", metavar="OUTDIR", default=".",
                             help="folder for the .fit files (default: the current folder)")
    compile_cmd.set_defaults(run=_compile)
    return parser


def _compile(args, out, err) -> int:
    sources = load_all(collect_inputs(args.paths))
    if not sources:
        print("workoutc: no .wkt files found", file=err)
        return EXIT_OK
    report = compile_sources(sources, Path(args.output), out, err)
    files = len(sources)
    summary = f"compiled {report.workouts} workout{'s' * (report.workouts != 1)} from {files} file{'s' * (files != 1)}"
    if report.failed_files:
        summary += f"; {report.failed_files} file{'s' * (report.failed_files != 1)} with errors"
    print(summary, file=err if report.failed_files else out)
    return EXIT_INPUT if report.failed_files else EXIT_OK


def main(argv: list[str] | None = None) -> int:
    out, err = sys.stdout, sys.stderr
    args = _parser().parse_args(argv)
    try:
        return args.run(args, out, err)
    except UsageError as error:
        print(f"workoutc: error: {error}", file=err)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("workoutc: interrupted", file=err)
        return 130
