"""What every output format says besides the finding: its kind, its hint, and the
note about a missing profile value (N001) as a note of its own, not a rule's finding."""

from __future__ import annotations

import json

import pytest

from workoutc.cli import main

from ..helpers import write

NEEDS_MAX_HR = "recovery 30min hr 130-140bpm\n"  # R103 needs max_hr for a bpm window
NOTE_MESSAGE = "athlete.max_hr is not set, so R103"  # and whichever other rules needed it
NOTE_HINT = "add `max_hr = 188` under [athlete] in workoutc.toml"


def check(capsys, *args: str) -> tuple[int, str]:
    status = main(["check", *args])
    return status, capsys.readouterr().out


def test_the_note_has_its_own_code_in_text(tmp_path, capsys):
    path = write(tmp_path, "a.wkt", NEEDS_MAX_HR)
    _, out = check(capsys, str(path))
    [line, hint] = [line for line in out.splitlines() if "N001" in line or "hint" in line]
    assert line.startswith(f"{path}:1:1: info N001 {NOTE_MESSAGE}") and line.endswith("checks (incomplete-profile)")
    assert hint == f"  hint: {NOTE_HINT}"


def test_json_says_each_record_kind_and_hint(tmp_path, capsys):
    write(tmp_path, "a.wkt", NEEDS_MAX_HR)
    write(tmp_path, "b.wkt", "recovery 30mins\n")  # E003
    write(tmp_path, "c.wkt", "recovery 60min hr<z2\n")  # R101
    status, out = check(capsys, "--format", "json", str(tmp_path))
    records = {r["code"]: r for r in json.loads(out)}
    assert status == 1
    assert {code: r["kind"] for code, r in records.items()} == {"N001": "note", "E003": "input", "R101": "rule"}
    assert records["N001"]["rule"] == "incomplete-profile"
    assert records["N001"]["message"].startswith(NOTE_MESSAGE)
    assert records["N001"]["hint"] == NOTE_HINT
    assert records["E003"]["hint"] == "did you mean `30min`?"
    assert records["R101"]["hint"]


def test_json_hint_is_null_when_there_is_none(tmp_path, capsys):
    write(tmp_path, "a.wkt", "easy 30min )\n")  # E001 with nothing to suggest
    _, out = check(capsys, "--format", "json", str(tmp_path))
    [record] = json.loads(out)
    assert (record["code"], record["hint"]) == ("E001", None)


def test_sarif_describes_the_note_and_carries_kind_and_hint(tmp_path, capsys):
    write(tmp_path, "a.wkt", NEEDS_MAX_HR)
    _, out = check(capsys, "--format", "sarif", str(tmp_path))
    [run] = json.loads(out)["runs"]
    [result] = run["results"]
    descriptor = run["tool"]["driver"]["rules"][result["ruleIndex"]]
    assert (result["ruleId"], descriptor["id"], descriptor["name"]) == ("N001", "N001", "incomplete-profile")
    assert descriptor["defaultConfiguration"] == {"level": "note"}
    assert result["level"] == "note"
    assert result["properties"] == {"kind": "note", "hint": NOTE_HINT}
    assert result["message"]["text"].startswith(NOTE_MESSAGE)
    assert result["message"]["text"].endswith(f" checks (hint: {NOTE_HINT})")


def test_github_annotations_name_the_note(tmp_path, capsys):
    path = write(tmp_path, "a.wkt", NEEDS_MAX_HR)
    _, out = check(capsys, "--format", "github", str(path))
    assert out.startswith(f"::notice file={path},line=1,col=1::N001 {NOTE_MESSAGE}")
    assert out.endswith(f" checks (incomplete-profile) hint: {NOTE_HINT}\n")


def test_the_note_is_not_silenced_by_a_comment(tmp_path, capsys):
    write(tmp_path, "a.wkt", "recovery 30min hr 130-140bpm  # workoutc: disable=N001\n")
    _, out = check(capsys, "--format", "json", str(tmp_path))
    assert [r["code"] for r in json.loads(out)] == ["N001"]


def test_the_note_is_not_a_rule_to_configure(tmp_path, capsys):
    write(tmp_path, "a.wkt", NEEDS_MAX_HR)
    write(tmp_path, "workoutc.toml", '[rules]\ndisable = ["N001"]\n')
    assert main(["check", str(tmp_path)]) == 2
    assert "no rule 'N001'" in capsys.readouterr().err


@pytest.mark.parametrize("asked", ["N001", "n001", "incomplete-profile"])
def test_explain_the_note(capsys, asked):
    assert main(["explain", asked]) == 0
    out = capsys.readouterr().out
    assert out.startswith("N001 incomplete-profile (a note, not a rule finding; severity: info)\n")
    assert "does not silence it" in out
