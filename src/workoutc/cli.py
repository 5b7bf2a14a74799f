"""The command line.

    workoutc compile PATH... [-o OUTDIR] [--html] [--keep-stale] [--no-cache] [--config FILE]
    workoutc html PATH... [-o OUTDIR] [--keep-stale] [--config FILE]
    workoutc check PATH... [--format text|json|github|sarif] [--strict] [--no-cache] [--config FILE]
    workoutc install PATH... [--device DIR] [--dry-run] [--force] [--prune]
    workoutc decompile PATH... [-o DIR] [--force]
    workoutc fmt PATH... [--check] [--diff]
    workoutc rules [--format text|markdown]
    workoutc explain CODE-OR-NAME
    workoutc profile [PATH] [--athlete NAME|all] [--config FILE]

Exit status: 0 success, 1 errors in the input (with --strict, warnings too),
2 usage, configuration or I/O problems. Everything a command prints goes through
the one Reporter `main` hands it.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import textwrap
import threading
from pathlib import Path

from . import __version__
from .reporter import Reporter, UsageError, io_error, plural

# Commands import what they use when they run: a one-file check or an up-to-date
# compile should not pay for the FIT profile, the templates or the parser tables.

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2
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
        _compile,
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
        _html,
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
        _check,
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
    decompile_cmd.set_defaults(run=_decompile)

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
    install_cmd.set_defaults(run=_install)

    fmt_cmd = commands.add_parser(
        "fmt",
        help="rewrite .wkt files in the canonical layout",
        description="Rewrite .wkt files in one canonical layout (indentation, spacing, unit spelling), "
        "keeping every comment. The result always compiles to exactly what the file did.",
    )
    fmt_cmd.add_argument("paths", nargs="+", metavar="PATH", help=".wkt file or folder")
    fmt_cmd.add_argument("--check", action="store_true", help="change nothing; exit 1 if a file would change")
    fmt_cmd.add_argument("--diff", action="store_true", help="change nothing; print what would change")
    fmt_cmd.set_defaults(run=_fmt)


def _declare_rule_commands(commands) -> None:
    """rules and explain: the checker's documentation."""
    rules_cmd = commands.add_parser("rules", help="list every rule", description="List every rule.")
    rules_cmd.add_argument(
        "--format",
        choices=("text", "markdown"),
        default="text",
        help="markdown prints the full documentation (docs/rules.md)",
    )
    rules_cmd.set_defaults(run=_rules)

    explain_cmd = commands.add_parser(
        "explain",
        help="show a rule's documentation",
        description="Show the documentation of a rule, an error code or a note (N001).",
    )
    explain_cmd.add_argument(
        "code", metavar="CODE", help="a rule's code or name (R101, recovery-too-long), E001-E009, or N001"
    )
    explain_cmd.set_defaults(run=_explain)


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
    profile_cmd.set_defaults(run=_profile)


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


def _athletes(args, inputs: list[str]) -> list[str | None]:
    """The athletes a command runs for: None is the config's top-level [athlete]."""
    names = args.athlete or []
    if "all" not in names:
        return list(dict.fromkeys(names)) or [None]
    from .check.config import ConfigError, ConfigFinder, load_config

    try:
        finder = ConfigFinder(load_config(Path(args.config)) if args.config else None)
        every = finder.athlete_names(inputs)
    except ConfigError as error:
        raise UsageError(str(error)) from None
    if not every:
        raise UsageError("--athlete all: the configs of these files name no athlete (no [athletes.NAME] table)")
    return list[str | None](every)


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _jobs(text: str) -> int:
    if not text.isascii() or not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {text!r}")
    return int(text)


def _compile(args, reporter: Reporter) -> int:
    from .pipeline.inputs import collect_inputs

    inputs = collect_inputs(args.paths)
    return max(_compile_for(args, reporter, inputs, athlete) for athlete in _athletes(args, inputs))


def _compile_for(args, reporter: Reporter, inputs: list[str], athlete: str | None) -> int:
    """One compile: for the top-level athlete into OUTDIR, or for a named one into OUTDIR/NAME."""
    from .pipeline.incremental import CompileCache

    outdir = Path(args.output) / athlete if athlete else Path(args.output)
    with CompileCache(
        outdir,
        inputs,
        html=args.html,
        config=args.config,
        athlete=athlete,
        keep_stale=args.keep_stale,
        enabled=not args.no_cache,
        waiting=_waiting_for(outdir, reporter),
    ) as cache:
        replay = cache.replay()
        if replay is not None:
            reporter.replay(replay.chunks)
            return replay.status
        from .pipeline.ledger import read_ledger
        from .pipeline.publish import publish
        from .pipeline.stages import run_stages

        transcript = reporter.start_transcript()
        reuse = cache.start()
        run = run_stages(
            args.paths,
            args.config,
            jobs=args.jobs,
            output=outdir,
            keep_documents=args.html,
            inputs=inputs,
            reuse=reuse,
            athlete=athlete,
        )
        report = publish(
            run,
            outdir,
            reporter,
            pages=args.html,
            in_place=cache.in_place,
            earlier=read_ledger(outdir),
            keep_stale=args.keep_stale,
        )
        summary = f"compiled {plural(report.workouts, 'workout')} from {plural(len(run.files), 'file')}"
        summary += f" for {athlete}" if athlete else ""
        reporter.outcome(summary + report.skipped(), failed=bool(report.errors))
        status = EXIT_INPUT if report.errors else EXIT_OK
        cache.record(run, report, transcript, status)
    _say_tidied(report, outdir, reporter)  # not part of what a replay repeats: it is done once
    return status


def _waiting_for(outdir: Path, reporter: Reporter):
    def waiting() -> None:
        reporter.remark(f"another run into {outdir} is under way; waiting for it to finish")

    return waiting


def _say_tidied(report, outdir: Path, reporter: Reporter) -> None:
    for name in report.removed:
        reporter.result(f"removed {outdir / name}: no longer produced")
    for name in report.changed:
        reporter.note(f"left {outdir / name} alone: its workout is gone, but the file changed since workoutc wrote it")


def _html(args, reporter: Reporter) -> int:
    from .pipeline.inputs import collect_inputs
    from .pipeline.ledger import folder_held, read_ledger
    from .pipeline.publish import publish
    from .pipeline.stages import run_stages

    inputs, status = collect_inputs(args.paths), EXIT_OK
    for athlete in _athletes(args, inputs):
        outdir = Path(args.output) / athlete if athlete else Path(args.output)
        with folder_held(outdir, _waiting_for(outdir, reporter)):
            run = run_stages(
                args.paths, args.config, jobs=args.jobs, keep_documents=True, inputs=inputs, athlete=athlete
            )
            report = publish(
                run, outdir, reporter, fit=False, pages=True, earlier=read_ledger(outdir), keep_stale=args.keep_stale
            )
        _say_tidied(report, outdir, reporter)
        status = max(status, EXIT_INPUT if report.errors else EXIT_OK)
    return status


def _check(args, reporter: Reporter) -> int:
    from .diagnostics import Severity
    from .pipeline.inputs import collect_inputs

    fmt = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    failing = {Severity.ERROR, Severity.WARNING} if args.strict else {Severity.ERROR}
    inputs = collect_inputs(args.paths)
    return max(_check_for(args, reporter, inputs, athlete, fmt, failing) for athlete in _athletes(args, inputs))


def _check_for(args, reporter: Reporter, inputs: list[str], athlete: str | None, fmt: str, failing) -> int:
    """One check, for the top-level athlete or a named one: repeated from the check
    cache when nothing changed, the unchanged files taken from it when some did."""
    from .pipeline.check_cache import CheckCache

    cache = CheckCache(
        inputs, args.paths, config=args.config, athlete=athlete, printing=[fmt, args.strict], enabled=not args.no_cache
    )
    replay = cache.replay()
    if replay is not None:
        reporter.replay(replay.chunks)
        return replay.status
    from .emit.findings import render, summary
    from .pipeline.stages import run_stages

    transcript = reporter.start_transcript()
    run = run_stages(args.paths, args.config, jobs=args.jobs, inputs=inputs, athlete=athlete, reuse=cache.start())
    diagnostics = run.diagnostics()
    reporter.write(render(diagnostics, fmt, run.text_of))
    if fmt == "text":
        reporter.note(summary(diagnostics, len(run.files)) + (f" for {athlete}" if athlete else ""))
    status = EXIT_INPUT if any(d.severity in failing for d in diagnostics) else EXIT_OK
    cache.record(run, transcript, status)
    return status


def _decompile(args, reporter: Reporter) -> int:
    from .pipeline.inputs import collect_fit_files
    from .pipeline.rewrite import decompile_files

    inputs = collect_fit_files(args.files)  # a wrong path makes no output folder
    outdir = Path(args.output) if args.output else None
    if outdir:
        try:
            outdir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise io_error(f"{outdir}: cannot create the folder", error) from None
    return EXIT_INPUT if decompile_files(inputs, outdir, args.force, reporter) else EXIT_OK


def _install(args, reporter: Reporter) -> int:
    from .pipeline.install import install

    failed = install(
        args.paths,
        args.device,
        args.config,
        reporter,
        force=args.force,
        dry_run=args.dry_run,
        prune=args.prune,
        athlete=args.athlete,
    )
    return EXIT_INPUT if failed else EXIT_OK


def _fmt(args, reporter: Reporter) -> int:
    from .pipeline.inputs import collect_inputs
    from .pipeline.rewrite import format_file

    outcomes = [format_file(shown, reporter, check=args.check, diff=args.diff) for shown in collect_inputs(args.paths)]
    changed = outcomes.count("changed") + outcomes.count("would change")
    verb = "would be reformatted" if args.check or args.diff else "reformatted"
    reporter.note(f"{plural(changed, 'file')} {verb}, {outcomes.count('unchanged')} unchanged")
    return EXIT_INPUT if "failed" in outcomes or (args.check and "would change" in outcomes) else EXIT_OK


def _rules(args, reporter: Reporter) -> int:
    from .check.rules import RULES, rules_markdown

    if args.format == "markdown":
        reporter.write(rules_markdown())
        return EXIT_OK
    width = max(len(rule.NAME) for rule in RULES)
    for rule in RULES:
        reporter.result(f"{rule.ID}  {rule.NAME:<{width}}  {rule.SEVERITY.value:<7}  {rule.SUMMARY}")
    return EXIT_OK


def _explain(args, reporter: Reporter) -> int:
    from .check.rules import REGISTRY, documentation
    from .diagnostics import INPUT_ERRORS, NOTES
    from .suggest import did_you_mean

    code = args.code.upper()
    by_name = {rule.NAME: rule.ID for rule in REGISTRY.values()} | {name: code for code, name in INPUT_ERRORS.items()}
    by_name |= {name: code for code, (name, _) in NOTES.items()}
    code = by_name.get(args.code.lower(), code)
    if code in REGISTRY:
        rule = REGISTRY[code]
        reporter.result(f"{rule.ID} {rule.NAME} (default severity: {rule.SEVERITY.value})\n")
        reporter.write(documentation(rule))
        return EXIT_OK
    if code in INPUT_ERRORS:
        reporter.result(f"{code} {INPUT_ERRORS[code]}: an error in the input itself; see docs/language.md#errors")
        return EXIT_OK
    if code in NOTES:
        name, text = NOTES[code]
        reporter.result(f"{code} {name} (a note, not a rule finding; severity: info)\n")
        reporter.write(textwrap.fill(text, 88) + "\n")
        return EXIT_OK
    hint = did_you_mean(args.code, [*REGISTRY, *INPUT_ERRORS, *NOTES, *by_name]) or "`workoutc rules` lists the rules"
    raise UsageError(f"no rule {args.code!r}; {hint}")


def _profile(args, reporter: Reporter) -> int:
    from .check.config import ConfigError
    from .emit.profile import profile_configs, profile_text

    if not os.path.exists(args.path):
        raise UsageError(f"{args.path}: no such file or folder")
    try:
        configs = profile_configs(args.path, args.config, args.athlete or [])
    except ConfigError as error:
        raise UsageError(str(error)) from None
    reporter.write("\n".join(profile_text(config) for config in configs))
    return EXIT_OK


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
