"""The checker end to end: the issue's cases, configuration, suppression, plans, formats and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tools.fitdump import decode
from workoutc.check.rules import REGISTRY, rules_markdown
from workoutc.cli import main

from ..helpers import write
from .rules.helpers import findings

ROOT = Path(__file__).resolve().parents[2]
PROFILE = '[athlete]\nmax_hr = 188\nlevel = "intermediate"\neasy_pace = "5:20-5:50/km"\nthreshold_pace = "4:10/km"\n'


def check(*args: str) -> int:
    return main(["check", *args])


# ------------------------------------------------------------------ the cases


def test_seed_line_has_no_finding_at_all_even_without_a_profile():
    assert findings("recovery 30min hr<z2 strides 4x20s\n", profile="") == []


def test_long_recovery_run_is_r101():
    [found] = findings("recovery 60min hr<z2\n")
    assert (found.code, found.severity.value, found.rule) == ("R101", "warning", "recovery-too-long")
    assert found.message == "this recovery run lasts 60 min, more than 45 min"


def test_zone_4_recovery_run_is_r103_and_compiles_to_nothing(tmp_path, capsys):
    source = write(tmp_path, "hard.wkt", "recovery 30min hr z4\n")
    assert main(["compile", str(source), "-o", str(tmp_path / "out")]) == 1
    assert not (tmp_path / "out" / "hard.fit").exists()
    err = capsys.readouterr().err
    assert (
        f"{source}:1:16: error R103 heart rate up to 90 % of max is above the recovery cap of 70 % (recovery-too-intense)"
        in err
    )
    assert " 1 | recovery 30min hr z4\n   |                ^^^^^" in err


def test_a_checker_error_stops_its_whole_file(tmp_path, capsys):
    source = write(tmp_path, "two.wkt", 'workout "Bad" recovery 30min hr z4\nworkout "Good" easy 40min\n')
    other = write(tmp_path, "other.wkt", "easy 30min\n")
    assert main(["compile", str(source), str(other), "-o", str(tmp_path / "out")]) == 1
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["other.fit"]
    err = capsys.readouterr().err
    assert f"{source}: not compiled (1 error)\n" in err
    assert err.endswith("compiled 1 workout from 2 files; not compiled: 1 file with errors\n")


def test_warnings_are_printed_and_the_fit_is_written(tmp_path, capsys):
    source = write(tmp_path, "long.wkt", "recovery 60min hr<z2\n")
    assert main(["compile", str(source), "-o", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "long.fit").exists()
    assert "warning R101" in capsys.readouterr().err


def test_long_names_are_written_whole_in_the_fit_and_noted(tmp_path, capsys):
    source = write(
        tmp_path, "n.wkt", 'workout "Tuesday track séance" intervals\n  warmup 15min\n  run 1km\n  cooldown lap\n'
    )
    assert main(["compile", str(source), "-o", str(tmp_path / "out")]) == 0
    fit = decode((tmp_path / "out" / "tuesday-track-seance.fit").read_bytes())
    assert fit["workout_mesgs"][0]["wkt_name"] == "Tuesday track séance"  # the whole name; the watch shows 16 bytes
    assert 'info D402 the watch shows this name as "Tuesday track s"' in capsys.readouterr().err


# ------------------------------------------------------------------ configuration


def test_config_is_found_in_a_parent_folder_and_options_apply(tmp_path, capsys):
    write(tmp_path, "workoutc.toml", "[rules]\nR101 = { max_minutes = 40 }\n")
    write(tmp_path, "a/b/run.wkt", "recovery 42min hr<z2\n")
    assert check(str(tmp_path / "a")) == 0
    assert "R101 this recovery run lasts 42 min, more than 40 min" in capsys.readouterr().out


def test_pyproject_tool_table_is_a_config(tmp_path, capsys):
    write(tmp_path, "pyproject.toml", '[project]\nname = "x"\n\n[tool.workoutc.rules]\ndisable = ["R101"]\n')
    write(tmp_path, "run.wkt", "recovery 60min hr<z2\n")
    assert check(str(tmp_path)) == 0
    assert "R101" not in capsys.readouterr().out


def test_explicit_config_and_severity_override(tmp_path, capsys):
    config = write(tmp_path, "strict.toml", '[rules]\nR101 = { severity = "error" }\n')
    write(tmp_path, "run.wkt", "recovery 60min hr<z2\n")
    assert check(str(tmp_path / "run.wkt"), "--config", str(config)) == 1
    assert "error R101" in capsys.readouterr().out


@pytest.mark.parametrize(
    "text, message",
    [
        ('[athlete]\nmax_hr = "high"\n', "[athlete] max_hr: must be a whole number, not 'high'"),
        ("[athlete]\nmaxhr = 180\n", "[athlete] maxhr: unknown key (did you mean `max_hr`?)"),
        ('[athlete]\nlevel = "pro"\n', "[athlete] level: must be one of beginner, intermediate, advanced, not 'pro'"),
        ('[athlete]\neasy_pace = "5:70/km"\n', "[athlete] easy_pace: '5:70/km' is not a pace like \"5:20-5:50/km\""),
        ('[rules]\ndisable = ["R999"]\n', "[rules] disable: no rule 'R999'"),
        (
            "[rules]\nR101 = { max_minute = 40 }\n",
            "[rules] R101.max_minute: unknown option (did you mean `max_minutes`?)",
        ),
        (
            '[rules]\nR101 = { severity = "fatal" }\n',
            "[rules] R101.severity: must be error, warning or info, not 'fatal'",
        ),
        ('[rules]\nR101 = { max_minutes = "forty" }\n', "[rules] R101.max_minutes: must be int, not 'forty'"),
        ("[device]\nmax_steps = 0\n", "[device] max_steps: 0 is outside 1-10000"),
        ("[athlete\n", "not valid TOML"),
        ('[output]\nfolder = "/etc"\n', "[output]: unknown key"),  # no key can point workoutc at a path
    ],
)
def test_bad_config_is_a_usage_error_naming_the_key(tmp_path, capsys, text, message):
    write(tmp_path, "workoutc.toml", text)
    write(tmp_path, "run.wkt", "easy 30min\n")
    assert check(str(tmp_path)) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"workoutc: error: {tmp_path / 'workoutc.toml'}: ")
    assert message in err


def test_missing_profile_value_is_said_once_and_not_guessed(tmp_path, capsys):
    for name in ("a.wkt", "b.wkt"):
        write(tmp_path, name, "recovery 30min hr 130-140bpm\n")
    assert check("--format", "json", str(tmp_path)) == 0
    records = json.loads(capsys.readouterr().out)
    assert [(r["path"].endswith("a.wkt"), r["code"], r["severity"]) for r in records] == [(True, "N001", "info")]
    assert records[0]["message"] == "athlete.max_hr is not set, so R103 skipped part of its checks"


def test_with_the_profile_bpm_targets_are_converted(tmp_path, capsys):
    write(tmp_path, "workoutc.toml", PROFILE)
    write(tmp_path, "a.wkt", "recovery 30min hr 130-140bpm\n")
    assert check(str(tmp_path)) == 1
    assert "R103 heart rate up to 74 % of max" in capsys.readouterr().out


# ------------------------------------------------------------------ suppression


def test_inline_comment_silences_codes_on_its_line(tmp_path, capsys):
    write(tmp_path, "a.wkt", "recovery 60min  # workoutc: disable=R101,R105\n")
    assert check(str(tmp_path)) == 0
    assert capsys.readouterr().out == ""


def test_inline_comment_on_another_line_does_not_silence(tmp_path, capsys):
    write(tmp_path, "a.wkt", "# workoutc: disable=R101\nrecovery 60min hr<z2\n")
    check(str(tmp_path))
    assert "R101" in capsys.readouterr().out


# ------------------------------------------------------------------ plans


def test_plan_references_resolve_across_files_of_the_run(tmp_path, capsys):
    write(tmp_path, "workoutc.toml", PROFILE)
    write(
        tmp_path,
        "track.wkt",
        'workout "Track 5x1k" intervals\n  warmup 15min\n  5x\n    run 1km\n    recover 400m\n  cooldown lap\n',
    )
    write(tmp_path, "plan.wkt", 'plan "W"\n  2026-11-24 "Track 5x1k"\n  2026-11-25 tempo 20min\n')
    check(str(tmp_path))
    assert "plan.wkt:3:3: warning P301" in capsys.readouterr().out


def test_unknown_workout_reference_is_an_error_with_a_suggestion(tmp_path, capsys):
    write(tmp_path, "plan.wkt", 'workout "Track 5x1k" intervals\n  run 1km\nplan "W"\n  2026-11-24 "Track 5x1K!"\n')
    assert check(str(tmp_path)) == 1
    out = capsys.readouterr().out
    assert f'{tmp_path / "plan.wkt"}:4:3: error E006 no workout named "Track 5x1K!"' in out
    assert 'hint: did you mean "Track 5x1k"?' in out


def test_plan_sessions_compile_to_their_own_fit_files(tmp_path):
    source = write(
        tmp_path,
        "week.wkt",
        'plan "W"\n  2026-11-23 rest\n  2026-11-25 recovery 30min hr<z2\n'
        "  2026-11-26 07:00 easy 45min\n  2026-11-26 18:00 easy 20min\n",
    )
    assert main(["compile", str(source), "-o", str(tmp_path / "out")]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "easy-11-26-2.fit",
        "easy-11-26.fit",
        "recovery-11-25.fit",
        "w.ics",
        "w.schedule.fit",
    ]


def test_examples_sensible_week_is_clean_and_overreaching_week_trips_plan_rules(capsys):
    assert check("--format", "json", str(ROOT / "examples")) == 0
    records = json.loads(capsys.readouterr().out)
    # notes (a long name's D402) may fall anywhere; warnings only in the overreaching week
    assert all(r["path"].endswith("overreaching-week.wkt") for r in records if r["severity"] != "info")
    assert {"P301", "P303", "P304", "P305", "P306", "P307"} <= {r["code"] for r in records}


# ------------------------------------------------------------------ formats and exit codes


def test_text_format(tmp_path, capsys):
    path = write(tmp_path, "a.wkt", "recovery 60min hr<z2\n")
    assert check(str(path)) == 0
    captured = capsys.readouterr()
    assert captured.out == (
        f"{path}:1:1: warning R101 this recovery run lasts 60 min, more than 45 min (recovery-too-long)\n"
        "  hint: shorten it to 45 min or less, or make it an `easy` run if it is one\n"
    )
    assert captured.err == "0 errors, 1 warning, 0 info in 1 file\n"


def test_json_format_has_exactly_the_documented_keys(tmp_path, capsys):
    path = write(tmp_path, "a.wkt", "recovery 60min hr<z2\n")
    check("--format", "json", str(path))
    [record] = json.loads(capsys.readouterr().out)
    assert isinstance(record.pop("hint"), str)  # the rule's wording is the rule's business
    assert record == {
        "path": str(path),
        "line": 1,
        "column": 1,
        "end_line": 1,
        "end_column": 21,
        "severity": "warning",
        "code": "R101",
        "rule": "recovery-too-long",
        "kind": "rule",
        "message": "this recovery run lasts 60 min, more than 45 min",
    }


def test_syntax_errors_are_findings_in_every_format(tmp_path, capsys):
    path = write(tmp_path, "a.wkt", "recovery 30mins\n")
    assert check("--format", "json", str(path)) == 1
    [record] = json.loads(capsys.readouterr().out)
    assert (record["code"], record["rule"], record["severity"], record["line"], record["column"]) == (
        "E003",
        "unknown-word",
        "error",
        1,
        12,
    )


def test_github_format_is_auto_selected_in_actions(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    path = write(tmp_path, "a.wkt", "recovery 60min hr<z2\n")
    check(str(path))
    assert capsys.readouterr().out == (
        f"::warning file={path},line=1,col=1::R101 this recovery run lasts 60 min, more than 45 min "
        "(recovery-too-long) hint: shorten it to 45 min or less, or make it an `easy` run if it is one\n"
    )


def test_github_annotation_escapes_newlines_and_percent(tmp_path, capsys):
    path = write(tmp_path, "a,b.wkt", "recovery 30min\n")
    check("--format", "github", str(path))
    line = capsys.readouterr().out.strip()
    assert line.startswith(f"::notice file={str(path).replace(',', '%2C')},line=1,col=1::R105 ")


def test_sarif_format(tmp_path, capsys):
    path = write(tmp_path, "a.wkt", "recovery 60min hr<z2\n")
    check("--format", "sarif", str(path))
    log = json.loads(capsys.readouterr().out)
    assert log["version"] == "2.1.0"
    [run] = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert {rule["id"] for rule in rules} >= set(REGISTRY)
    [result] = run["results"]
    assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == "R101"
    assert result["level"] == "warning"
    assert result["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 1,
        "startColumn": 1,
        "endLine": 1,
        "endColumn": 21,
    }


@pytest.mark.parametrize(
    "text, strict, status",
    [
        ("recovery 30min hr<z2\n", False, 0),
        ("recovery 60min hr<z2\n", False, 0),
        ("recovery 60min hr<z2\n", True, 1),
        ("recovery 30min\n", True, 0),  # info never fails the run
        ("recovery 30min hr z4\n", False, 1),
        ("recovery 30mins\n", False, 1),
    ],
)
def test_check_exit_codes(tmp_path, capsys, text, strict, status):
    path = write(tmp_path, "a.wkt", text)
    assert check(str(path), *(["--strict"] if strict else [])) == status


def test_check_usage_errors_exit_2(tmp_path, capsys):
    assert check(str(tmp_path / "missing")) == 2
    with pytest.raises(SystemExit) as exited:
        check("--format", "xml", str(tmp_path))
    assert exited.value.code == 2


# ------------------------------------------------------------------ rules and explain


def test_rules_lists_every_rule(capsys):
    assert main(["rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[:3] for line in lines] == [[r.ID, r.NAME, r.SEVERITY.value] for r in REGISTRY.values()]


def test_explain_prints_the_documentation(capsys):
    assert main(["explain", "r101"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("R101 recovery-too-long (default severity: warning)\n")
    assert "**Failing.**\n\n    recovery 60min hr<z2" in out


def test_explain_unknown_code(capsys):
    assert main(["explain", "R1O1"]) == 2
    assert "did you mean `R101`?" in capsys.readouterr().err


@pytest.mark.parametrize("rule", list(REGISTRY.values()), ids=lambda rule: rule.NAME)
def test_explain_takes_every_name_rules_prints(rule, capsys):
    assert main(["explain", rule.NAME]) == 0
    assert capsys.readouterr().out.startswith(f"{rule.ID} {rule.NAME} (default severity: {rule.SEVERITY.value})\n")


def test_explain_takes_input_error_names_and_suggests_names(capsys):
    assert main(["explain", "unknown-workout"]) == 0
    assert capsys.readouterr().out.startswith("E006 unknown-workout: an error in the input itself")
    assert main(["explain", "recovery-too-lng"]) == 2
    assert capsys.readouterr().err == "workoutc: error: no rule 'recovery-too-lng'; did you mean `recovery-too-long`?\n"


def test_docs_rules_md_is_generated_from_the_docstrings():
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == rules_markdown(), (
        "docs/rules.md is stale: run `make docs`"
    )


def test_sarif_uris_are_percent_encoded(tmp_path, capsys):
    path = write(tmp_path / "my runs", "100% easy#1.wkt", "recovery 60min hr<z2\n")
    check("--format", "sarif", str(path))
    [result] = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.endswith("/my%20runs/100%25%20easy%231.wkt")
