"""The command line.

    workoutc compile PATH... [-o OUTDIR] [--html] [--config FILE]
    workoutc html PATH... [-o OUTDIR] [--config FILE]
    workoutc check PATH... [--format text|json|github|sarif] [--strict] [--config FILE]
    workoutc install PATH... [--device DIR] [--dry-run] [--force]
    workoutc decompile FILE.fit... [-o DIR] [--force]
    workoutc fmt PATH... [--check] [--diff]
    workoutc rules [--format text|markdown]
    workoutc explain CODE

Exit status: 0 success, 1 errors in the input (with --strict, warnings too),
2 usage, configuration or I/O problems.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import signal
import sys
import threading
import time
from pathlib import Path

from . import __version__
from .reporter import UsageError

# Commands import what they use when they run: a one-file check or an up-to-date
# compile should not pay for the FIT profile, the templates or the parser tables.

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workoutc",
        description="Compile running workouts written as text into Garmin FIT workout files, "
        "and check them against recovery limits.",
    )
    parser.add_argument("--version", action="version", version=f"workoutc {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

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
        "--no-cache",
        action="store_true",
        help="compile every file, even those unchanged since the last compile into OUTDIR",
    )
    _source_command(
        commands,
        "html",
        _html,
        "write HTML pages for .wkt files (no FIT files)",
        "Write an HTML page per workout and plan, and index.html, without FIT files.",
        output="the pages",
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

    decompile_cmd = commands.add_parser(
        "decompile",
        help="turn FIT workout files back into .wkt text",
        description="Turn FIT workout files into the workout language. Without -o the text goes to "
        "standard output. What the language cannot express is reported, never dropped silently.",
    )
    decompile_cmd.add_argument("files", nargs="+", metavar="FILE.fit", help="FIT workout file")
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
    install_cmd.add_argument("--config", metavar="FILE", help="use this workoutc.toml instead of searching for one")
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

    rules_cmd = commands.add_parser("rules", help="list every rule", description="List every rule.")
    rules_cmd.add_argument(
        "--format",
        choices=("text", "markdown"),
        default="text",
        help="markdown prints the full documentation (docs/rules.md)",
    )
    rules_cmd.set_defaults(run=_rules)

    explain_cmd = commands.add_parser(
        "explain", help="show a rule's documentation", description="Show the documentation of a rule or error code."
    )
    explain_cmd.add_argument("code", metavar="CODE", help="a rule code such as R101")
    explain_cmd.set_defaults(run=_explain)
    return parser


def _source_command(commands, name: str, run, summary: str, description: str, output: str | None = None):
    """A command over .wkt sources: PATH..., --config, -j, and with `output` an -o OUTDIR."""
    command = commands.add_parser(name, help=summary, description=description)
    command.add_argument("paths", nargs="+", metavar="PATH", help=".wkt file or folder")
    if output:
        command.add_argument(
            "-o", "--output", metavar="OUTDIR", default=".", help=f"folder for {output} (default: the current folder)"
        )
    command.add_argument("--config", metavar="FILE", help="use this workoutc.toml instead of searching for one")
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


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _jobs(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {text!r}")
    return int(text)


class _Tee(io.TextIOBase):
    """Writes through to a stream and logs what it wrote, in order with what its sibling
    (the other stream) wrote, so a no-change compile can replay both as they came."""

    def __init__(self, stream, log: list, number: int):
        self.stream, self.log, self.number = stream, log, number

    def write(self, text: str) -> int:
        if self.log and self.log[-1][0] == self.number:
            self.log[-1][1] += text
        else:
            self.log.append([self.number, text])
        return self.stream.write(text)


def _compile(args, out, err) -> int:
    from .pipeline import incremental
    from .pipeline.inputs import collect_inputs

    inputs = collect_inputs(args.paths)
    if not inputs:
        print("workoutc: no .wkt files found", file=err)
        return EXIT_OK
    outdir = Path(args.output)
    stamp, cache = None, None
    started = time.time()
    if not args.no_cache:
        options = {
            "html": args.html,
            "output": os.path.abspath(outdir),
            "config": incremental.file_fingerprint(Path(args.config)) if args.config else None,
        }
        previous = incremental.previous_run(outdir)
        # Pages need every document, so they take nothing from the cache: hash files now.
        stamp = incremental.fingerprint(inputs, options, previous, eager=args.html)
        replay = incremental.lookup(outdir, stamp.key, previous) if stamp.key else None
        if replay is not None:
            for number, text in replay.chunks:
                (out, err)[number].write(text)
            return replay.status
        if not args.html:
            cache = incremental.cached(outdir, previous, stamp)
        incremental.forget(outdir)
    from .pipeline.stages import compile_run, load_and_check

    log: list[list] = []  # [0 (out) or 1 (err), text], in the order written
    out, err = _Tee(out, log, 0), _Tee(err, log, 1)
    run = load_and_check(
        args.paths, args.config, jobs=args.jobs, output=outdir, keep_documents=args.html, inputs=inputs, cache=cache
    )
    report = compile_run(run, outdir, out, err, pages=args.html)
    files = len(run.sources)
    summary = f"compiled {report.workouts} workout{'s' * (report.workouts != 1)} from {files} file{'s' * (files != 1)}"
    if report.failed_files:
        summary += f"; {report.failed_files} file{'s' * (report.failed_files != 1)} with errors"
    print(summary, file=err if report.errors else out)
    status = EXIT_INPUT if report.errors else EXIT_OK
    if stamp is not None:  # the hashes of files read for the first time come from the workers
        stamp = stamp.complete({source.path: source.digest for source in run.sources if source.digest})
    if stamp is not None:  # None: a hash is missing, so no record (the next compile is a full one)
        with contextlib.suppress(OSError):  # no manifest just means a full compile next time
            incremental.record(
                outdir, stamp, report.written, incremental.Replay(log, status), started, report.placed, run.snapshots
            )
    return status


def _html(args, out, err) -> int:
    from .pipeline.stages import compile_run, load_and_check

    run = load_and_check(args.paths, args.config, jobs=args.jobs, keep_documents=True)
    if not run.sources:
        print("workoutc: no .wkt files found", file=err)
        return EXIT_OK
    report = compile_run(run, Path(args.output), out, err, fit=False, pages=True)
    return EXIT_INPUT if report.errors else EXIT_OK


def _decompile(args, out, err) -> int:
    from .fit.decode import FitError, decompile
    from .pipeline.outputs import atomic_write

    status = EXIT_OK
    outdir = Path(args.output) if args.output else None
    if outdir:
        try:
            outdir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise UsageError(f"{outdir}: cannot create the folder: {error.strerror or error}") from None
    for name in args.files:
        path = Path(name)
        try:
            result = decompile(path.read_bytes(), path.stem)
        except OSError as error:
            raise UsageError(f"{name}: cannot read: {error.strerror or error}") from None
        except FitError as error:
            print(f"{name}: error: {error}", file=err)
            status = EXIT_INPUT
            continue
        for loss in result.losses:
            print(f"{name}: warning: {loss}", file=err)
        if result.losses:
            status = EXIT_INPUT
        if outdir is None:
            out.write(f"# decompiled from {path.name}\n{result.text}\n")
            continue
        target = outdir / f"{path.stem}.wkt"
        data = result.text.encode("utf-8")
        if target.exists() and target.read_bytes() != data and not args.force:
            print(f"{name}: error: {target} exists and differs; pass --force to replace it", file=err)
            status = EXIT_INPUT
            continue
        try:
            atomic_write(target, data)
        except OSError as error:
            raise UsageError(f"{target}: cannot write: {error.strerror or error}") from None
        print(f"{name} -> {target}", file=out)
    return status


def _install(args, out, err) -> int:
    import tempfile

    from .pipeline.install import InstallError, carry_out, choose_device, plan_copies
    from .pipeline.stages import compile_run, load_and_check

    try:
        device = choose_device(args.device)
    except InstallError as error:
        raise UsageError(str(error)) from None
    print(f"{device.model} at {device.root}", file=out)
    status, files = EXIT_OK, []
    sources = [p for p in args.paths if not p.lower().endswith(".fit")]
    for name in (p for p in args.paths if p.lower().endswith(".fit")):
        try:
            data = Path(name).read_bytes()
        except OSError as error:
            raise UsageError(f"{name}: cannot read: {error.strerror or error}") from None
        if data[8:12] != b".FIT":
            print(f"{name}: error: not a FIT file; left out", file=err)
            status = EXIT_INPUT
            continue
        files.append((Path(name).name, data))
    if sources:
        with tempfile.TemporaryDirectory() as folder:
            report = compile_run(
                load_and_check(sources, args.config, output=Path(folder)), Path(folder), err, err, summaries=False
            )  # the files are listed below, by their names on the watch
            status = EXIT_INPUT if report.errors else status
            files += [(p.name, p.read_bytes()) for p in sorted(Path(folder).glob("*.fit"))]
    try:
        plan = plan_copies(device, files, args.force)
        for problem in plan.refused:
            print(f"refused: {problem}", file=err)
        for name, _, action in plan.copies:
            verb = {"copy": "copy", "replace": "replace", "unchanged": "already there:"}[action]
            prefix = "would " if args.dry_run and action != "unchanged" else ""
            print(
                f"{prefix}{verb} {name} -> {device.new_files / name}"
                if action != "unchanged"
                else f"{verb} {device.new_files / name}",
                file=out,
            )
        if not args.dry_run:
            carry_out(device, plan)
    except InstallError as error:
        raise UsageError(str(error)) from None
    if plan.refused:
        status = EXIT_INPUT
    copied = sum(action != "unchanged" for _, _, action in plan.copies)
    done = "would copy" if args.dry_run else "copied"
    print(f"{done} {copied} file{'s' * (copied != 1)} to {device.model}; unplug the watch to load them", file=out)
    return status


def _fmt(args, out, err) -> int:
    import difflib

    from .diagnostics import render_text
    from .language.formatter import MeaningChanged, NotFormattable, format_checked
    from .language.source import decode
    from .pipeline.inputs import collect_inputs
    from .pipeline.outputs import atomic_write

    status, changed, unchanged = EXIT_OK, 0, 0
    for shown in collect_inputs(args.paths):
        path = Path(shown)
        try:
            raw = path.read_bytes()
        except OSError as error:
            raise UsageError(f"{shown}: cannot read: {error.strerror or error}") from None
        text, problem = decode(raw, shown)
        try:
            if problem:
                raise NotFormattable([problem])
            formatted = format_checked(text, shown)
        except NotFormattable as failure:
            for diagnostic in failure.diagnostics:
                print(render_text(diagnostic, text), file=err)
            status = EXIT_INPUT
            continue
        except MeaningChanged as error:
            print(f"workoutc: error: {error}", file=err)
            status = EXIT_INPUT
            continue
        if formatted.encode("utf-8") == raw:
            unchanged += 1
            continue
        changed += 1
        if args.diff:
            out.writelines(
                difflib.unified_diff(
                    text.splitlines(True), formatted.splitlines(True), f"{shown}", f"{shown} (formatted)"
                )
            )
        if args.check:
            print(f"would reformat {shown}", file=err)
            status = EXIT_INPUT
        elif not args.diff:
            try:
                atomic_write(path, formatted.encode("utf-8"))
            except OSError as error:
                raise UsageError(f"{shown}: cannot write: {error.strerror or error}") from None
            print(f"reformatted {shown}", file=err)
    verb = "would be reformatted" if args.check or args.diff else "reformatted"
    print(f"{changed} file{'s' * (changed != 1)} {verb}, {unchanged} unchanged", file=err)
    return status


def _check(args, out, err) -> int:
    from .diagnostics import Severity
    from .emit.findings import render, summary
    from .pipeline.stages import load_and_check

    fmt = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    run = load_and_check(args.paths, args.config, jobs=args.jobs)
    diagnostics = run.diagnostics()
    out.write(render(diagnostics, fmt, run.text_of))
    if fmt == "text":
        print(summary(diagnostics, len(run.sources)), file=err)
    failing = {Severity.ERROR, Severity.WARNING} if args.strict else {Severity.ERROR}
    return EXIT_INPUT if any(d.severity in failing for d in diagnostics) else EXIT_OK


def _rules(args, out, err) -> int:
    from .check.rules import RULES, rules_markdown

    if args.format == "markdown":
        out.write(rules_markdown())
        return EXIT_OK
    width = max(len(rule.NAME) for rule in RULES)
    for rule in RULES:
        print(f"{rule.ID}  {rule.NAME:<{width}}  {rule.SEVERITY.value:<7}  {rule.SUMMARY}", file=out)
    return EXIT_OK


def _explain(args, out, err) -> int:
    from .check.rules import REGISTRY, documentation
    from .diagnostics import INPUT_ERRORS
    from .suggest import did_you_mean

    code = args.code.upper()
    if code in REGISTRY:
        rule = REGISTRY[code]
        print(f"{rule.ID} {rule.NAME} (default severity: {rule.SEVERITY.value})\n", file=out)
        out.write(documentation(rule))
        return EXIT_OK
    if code in INPUT_ERRORS:
        print(f"{code} {INPUT_ERRORS[code]}: an error in the input itself; see docs/language.md#errors", file=out)
        return EXIT_OK
    hint = did_you_mean(code, [*REGISTRY, *INPUT_ERRORS]) or "`workoutc rules` lists the rules"
    raise UsageError(f"no rule {args.code!r}; {hint}")


def _terminate(signal_number, frame):
    # Unwind like Ctrl-C, so a file being written is removed rather than left half done.
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    out, err = sys.stdout, sys.stderr
    args = _parser().parse_args(argv)
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _terminate)
    try:
        return args.run(args, out, err)
    except UsageError as error:
        print(f"workoutc: error: {error}", file=err)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("workoutc: interrupted", file=err)
        return 130
