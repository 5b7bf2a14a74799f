"""What each command does, once the command line is read: a few lines per command
calling the stages. `cli.py` declares the commands and runs one of these with the
`Reporter` every line goes through; each returns the exit status.
"""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

from .reporter import Reporter, UsageError, io_error, plural

EXIT_OK, EXIT_INPUT = 0, 1


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


def compile_(args, reporter: Reporter) -> int:
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


def html(args, reporter: Reporter) -> int:
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


def check(args, reporter: Reporter) -> int:
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


def decompile(args, reporter: Reporter) -> int:
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


def install(args, reporter: Reporter) -> int:
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


def fmt(args, reporter: Reporter) -> int:
    from .pipeline.inputs import collect_inputs
    from .pipeline.rewrite import format_file

    outcomes = [format_file(shown, reporter, check=args.check, diff=args.diff) for shown in collect_inputs(args.paths)]
    changed = outcomes.count("changed") + outcomes.count("would change")
    verb = "would be reformatted" if args.check or args.diff else "reformatted"
    reporter.note(f"{plural(changed, 'file')} {verb}, {outcomes.count('unchanged')} unchanged")
    return EXIT_INPUT if "failed" in outcomes or (args.check and "would change" in outcomes) else EXIT_OK


def rules(args, reporter: Reporter) -> int:
    from .check.rules import RULES, rules_markdown

    if args.format == "markdown":
        reporter.write(rules_markdown())
        return EXIT_OK
    width = max(len(rule.NAME) for rule in RULES)
    for rule in RULES:
        reporter.result(f"{rule.ID}  {rule.NAME:<{width}}  {rule.SEVERITY.value:<7}  {rule.SUMMARY}")
    return EXIT_OK


def explain(args, reporter: Reporter) -> int:
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


def profile(args, reporter: Reporter) -> int:
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
