"""The command line.

    workoutc compile PATH... [-o OUTDIR] [--html] [--keep-stale] [--no-cache] [--athlete NAME|all] [--config FILE]
    workoutc html PATH... [-o OUTDIR] [--keep-stale] [--athlete NAME|all] [--config FILE]
    workoutc check PATH... [--format text|json|github|sarif] [--strict] [--no-cache] [--athlete NAME|all]
    workoutc install PATH... [--device DIR] [--dry-run] [--force] [--prune] [--athlete NAME]
    workoutc decompile PATH... [-o DIR] [--force]
    workoutc fmt PATH... [--check] [--diff]
    workoutc rules [--format text|markdown]
    workoutc explain CODE-OR-NAME
    workoutc profile [PATH] [--athlete NAME|all] [--config FILE]

Exit status: 0 success, 1 errors in the input (with --strict, warnings too),
2 usage, configuration or I/O problems. This module declares the commands and runs
one; what each does is in commands.py. Everything a command prints goes through the
one Reporter `main` hands it.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import threading

from . import __version__
from . import commands as runs
from .reporter import Reporter, UsageError

# Commands import what they use when they run: a one-file check or an up-to-date
# compile should not pay for the FIT profile, the templates or the parser tables.

EXIT_USAGE = 2  # 0 and 1 are the commands' (commands.py)
CACHED_COMMANDS = ("compile", "html", "check", "install", "fmt")  # they read the parser tables from the cache
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workoutc",
        description="Compile running workouts written as text into Garmin FIT workout files, "
        "and check them against recovery limits.",
    )
    parser.add_argument("--version", action="version", version=f"workoutc {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    _declare_source_commands(commands)
    _declare_file_commands(commands)
    _declare_rule_commands(commands)
    _declare_profile_command(commands)
    return parser


def _declare_source_commands(commands) -> None:
    """compile, html and check: commands over .wkt sources."""
    compile_cmd = _source_command(
        commands,
        "compile",
        runs.compile_,
        "check and compile .wkt files into FIT workout files",
        "Check .wkt files (folders are searched recursively) and compile each workout into a .fit file. "
        "A workout with errors is not written; warnings are printed.",
        output="the .fit files",
    )
    compile_cmd.add_argument(
        "--html", action="store_true", help="also write an HTML page per workout and plan, and index.html"
    )
    compile_cmd.add_argument(
        "--keep-stale",
        action="store_true",
        help="keep the files workoutc wrote into OUTDIR earlier for workouts now gone or refused",
    )
    compile_cmd.add_argument(
        "--no-cache",
        action="store_true",
        help="compile every file, even those unchanged since the last compile into OUTDIR",
    )
    html_cmd = _source_command(
        commands,
        "html",
        runs.html,
        "write HTML pages for .wkt files (no FIT files)",
        "Write an HTML page per workout and plan, and index.html, without FIT files.",
        output="the pages",
    )
    html_cmd.add_argument(
        "--keep-stale",
        action="store_true",
        help="keep the pages workoutc wrote into OUTDIR earlier for workouts now gone or refused",
    )
    check_cmd = _source_command(
        commands,
        "check",
        runs.check,
        "check .wkt files against the recovery rules",
        "Check workouts and plans against the rules (`workoutc rules` lists them).",
    )
    check_cmd.add_argument(
        "--format",
        choices=("text", "json", "github", "sarif"),
        help="output format (default: text, or github when GITHUB_ACTIONS=true)",
    )
    check_cmd.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    check_cmd.add_argument(
        "--no-cache",
        action="store_true",
        help="check every file, even those unchanged since the last check of the same paths",
    )


def _declare_file_commands(commands) -> None:
    """decompile, install and fmt: commands that read or write files as they are."""
    decompile_cmd = commands.add_parser(
        "decompile",
        help="turn FIT workout and schedule files back into .wkt text",
        description="Turn FIT workout files into the workout language, and a plan's schedule file "
        "(PLAN.schedule.fit) into a plan naming the workouts decompiled with it. Folders are searched "
        "recursively for .fit files; those that are not workouts or schedules (activities, settings) are "
        "skipped with a note. Without -o the text goes to standard output. What the language cannot "
        "express is reported, never dropped silently.",
    )
    decompile_cmd.add_argument(
        "files", nargs="+", metavar="PATH", help="FIT workout or schedule file, or a folder of them"
    )
    decompile_cmd.add_argument("-o", "--output", metavar="DIR", help="write NAME.wkt files into DIR")
    decompile_cmd.add_argument("--force", action="store_true", help="replace existing .wkt files that differ")
    decompile_cmd.set_defaults(run=runs.decompile)

    install_cmd = commands.add_parser(
        "install",
        help="compile and copy workouts onto a mounted Garmin watch",
        description="Compile .wkt files (or take .fit files as they are) and copy the FIT files into "
        "GARMIN/NewFiles/ on a mounted Garmin watch. Plans bring their schedule.",
    )
    install_cmd.add_argument("paths", nargs="+", metavar="PATH", help=".wkt file, folder or .fit file")
    install_cmd.add_argument("--device", metavar="DIR", help="the watch's mount point (default: find it)")
    install_cmd.add_argument("--dry-run", action="store_true", help="say what would be copied; copy nothing")
    install_cmd.add_argument("--force", action="store_true", help="replace different files of the same name")
    install_cmd.add_argument(
        "--prune",
        action="store_true",
        help="remove the files workoutc copied into NewFiles earlier that this install does not copy",
    )
    install_cmd.add_argument("--config", metavar="FILE", help="use this workoutc.toml instead of searching for one")
    install_cmd.add_argument(
        "--athlete",
        metavar="NAME",
        help="compile for the athlete of [athletes.NAME] in the config (one watch, one athlete)",
    )
    install_cmd.set_defaults(run=runs.install)

    fmt_cmd = commands.add_parser(
        "fmt",
        help="rewrite .wkt files in the canonical layout",
        description="Rewrite .wkt files in one canonical layout (indentation, spacing, unit spelling), "
        "keeping every comment. The result always compiles to exactly what the file did.",
    )
    fmt_cmd.add_argument("paths", nargs="+", metavar="PATH", help=".wkt file or folder")
    fmt_cmd.add_argument("--check", action="store_true", help="change nothing; exit 1 if a file would change")
    fmt_cmd.add_argument("--diff", action="store_true", help="change nothing; print what would change")
    fmt_cmd.set_defaults(run=runs.fmt)


def _declare_rule_commands(commands) -> None:
    """rules and explain: the checker's documentation."""
    rules_cmd = commands.add_parser("rules", help="list every rule", description="List every rule.")
    rules_cmd.add_argument(
        "--format",
        choices=("text", "markdown"),
        default="text",
        help="markdown prints the full documentation (docs/rules.md)",
    )
    rules_cmd.set_defaults(run=runs.rules)

    explain_cmd = commands.add_parser(
        "explain",
        help="show a rule's documentation",
        description="Show the documentation of a rule, an error code or a note (N001).",
    )
    explain_cmd.add_argument(
        "code", metavar="CODE", help="a rule's code or name (R101, recovery-too-long), E001-E009, or N001"
    )
    explain_cmd.set_defaults(run=runs.explain)


def _declare_profile_command(commands) -> None:
    """profile: the athlete profile the config gives, resolved."""
    profile_cmd = commands.add_parser(
        "profile",
        help="show the athlete profile that applies to a file or folder",
        description="Show the athlete profile the config that applies to PATH gives: the config file, VDOT, "
        "each training pace and where it comes from, the heart-rate and power zones, and the other values.",
    )
    profile_cmd.add_argument(
        "path", nargs="?", default=".", metavar="PATH", help=".wkt file or folder (default: the current folder)"
    )
    _athlete_option(profile_cmd, None)
    profile_cmd.add_argument("--config", metavar="FILE", help="use this workoutc.toml instead of searching for one")
    profile_cmd.set_defaults(run=runs.profile)


def _source_command(commands, name: str, run, summary: str, description: str, output: str | None = None):
    """A command over .wkt sources: PATH..., --config, -j, and with `output` an -o OUTDIR."""
    command = commands.add_parser(name, help=summary, description=description)
    command.add_argument("paths", nargs="+", metavar="PATH", help=".wkt file or folder")
    if output:
        command.add_argument(
            "-o", "--output", metavar="OUTDIR", default=".", help=f"folder for {output} (default: the current folder)"
        )
    command.add_argument("--config", metavar="FILE", help="use this workoutc.toml instead of searching for one")
    _athlete_option(command, "OUTDIR/NAME/" if output else None)
    command.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=default_jobs(),
        metavar="N",
        help="worker processes (default: all cores); output is the same for any N",
    )
    command.set_defaults(run=run)
    return command


def _athlete_option(command, folder: str | None) -> None:
    where = f"; each athlete's files go to {folder}" if folder else ""
    command.add_argument(
        "--athlete",
        action="append",
        metavar="NAME",
        help=f"the athlete of [athletes.NAME] in the config (repeatable; `all` for every one){where}",
    )


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _jobs(text: str) -> int:
    if not text.isascii() or not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {text!r}")
    return int(text)


def _note_an_untrusted_cache(reporter: Reporter) -> None:
    from .user_cache import untrusted_reason

    reason = untrusted_reason()
    if reason:
        reporter.remark(f"note: {reason}")


class Stopped(KeyboardInterrupt):
    """Ctrl-C or SIGTERM: the run unwinds (removing what it staged) and exits 128 + the signal."""

    def __init__(self, signal_number: int):
        super().__init__(signal_number)
        self.status = 128 + signal_number


def _stop(signal_number, frame):
    # The first signal unwinds the run; later ones are ignored, so no second Ctrl-C can
    # cut the cleanup short (workers stopped, staged files removed) and leave it hanging.
    for number in STOP_SIGNALS:
        signal.signal(number, signal.SIG_IGN)
    raise Stopped(signal_number)


def _output_failed(error: OSError) -> int:
    """Say (if standard error still takes it) that the output could not be written, and
    point standard output at nothing, so Python's own last flush does not fail again."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    if not isinstance(error, BrokenPipeError):  # a reader that stopped reading wants no message
        with contextlib.suppress(OSError):
            sys.stderr.write(f"workoutc: error: cannot write the output: {error.strerror or error}\n")
    return EXIT_USAGE


def main(argv: list[str] | None = None) -> int:
    reporter = Reporter(sys.stdout, sys.stderr)
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:  # a bare `workoutc`: what it can do
        reporter.note(parser.format_help().rstrip())
        return EXIT_USAGE
    if threading.current_thread() is threading.main_thread():
        for number in STOP_SIGNALS:
            signal.signal(number, _stop)
    try:
        if args.command in CACHED_COMMANDS:
            _note_an_untrusted_cache(reporter)
        status = args.run(args, reporter)
        reporter.flush()  # here, where a full disk is an error like any other, not at exit
        return status
    except UsageError as error:
        reporter.remark(f"error: {error}")
        return EXIT_USAGE
    except OSError as error:  # standard output or error could not be written: a full disk, a closed pipe
        return _output_failed(error)
    except KeyboardInterrupt as stopped:
        reporter.remark("interrupted")
        return stopped.status if isinstance(stopped, Stopped) else 128 + signal.SIGINT
