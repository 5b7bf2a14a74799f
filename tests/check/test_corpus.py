"""The checker's corpus (issue 15, "A checker coaches trust").

`corpus/weeks/` holds sensible weeks, each modelled on a published plan (its first
comment says which) and written for its athlete: the checker must find nothing in
them at warning or error (notes are fine). `corpus/breaches/` holds weeks and
sessions that break one piece of advice each, the file named after the advice: the
checker must catch each at warning or error, with the right code and a message that
names the right session.

Every file says whose profile it runs with, `# athlete: NAME` (one of PROFILES below:
the values a coach knows about the runner), and may add settings for that file,
`# rules: S203 = { severity = "warning" }` (a line of `[rules]`) or
`# device: max_steps = 50` (a line of `[device]`). A breach says what must be
found: `# expect: CODE fragment | fragment ...`, a finding of rule CODE at warning or
error whose message holds every fragment (the session's date or name, the numbers).
A line ending in `# breach` marks the session at fault: the finding must point into
it (that line, or the block indented under it). Workout rules speak about the session
they point at without naming it, so their breaches must mark it.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

from workoutc.check.config import ConfigFinder, parse_config
from workoutc.check.rules import REGISTRY
from workoutc.check.runner import INCOMPLETE_PROFILE, Checker
from workoutc.diagnostics import Diagnostic, Severity, render_text
from workoutc.language.source import load_text

CORPUS = Path(__file__).parent / "corpus"
WEEKS = sorted((CORPUS / "weeks").glob("*.wkt"))
BREACHES = sorted((CORPUS / "breaches").glob("*.wkt"))
REPORTED = (Severity.WARNING, Severity.ERROR)

# The runners of the corpus, as their coaches would describe them.
PROFILES = {
    # A 2:55 marathoner on 55-70 miles a week: Pfitzinger's general-aerobic pace as easy pace.
    "sub-3-marathoner": """
        [athlete]
        level = "advanced"
        max_hr = 184
        resting_hr = 44
        race = "marathon 2:55:00"
        easy_pace = "4:45-5:15/km"
    """,
    # A club runner with a 45-minute 10 km, training for a 3:30-3:40 marathon.
    "club-runner": """
        [athlete]
        level = "intermediate"
        max_hr = 186
        resting_hr = 50
        race = "10km 45:00"
        easy_pace = "5:30-6:05/km"
    """,
    # A first marathon, after a 2:15 half marathon.
    "first-marathon": """
        [athlete]
        level = "beginner"
        max_hr = 190
        race = "half 2:15:00"
        easy_pace = "6:50-7:40/km"
    """,
    # A 1:38 half marathoner following Daniels' tables (every pace from the race).
    "daniels-runner": """
        [athlete]
        level = "intermediate"
        max_hr = 188
        race = "half 1:38:00"
    """,
    # A 3:45 marathoner on the Hansons plan (every pace from the race).
    "hansons-runner": """
        [athlete]
        level = "intermediate"
        max_hr = 182
        race = "marathon 3:45:00"
    """,
    # Trains by heart rate in LTHR zones (Fitzgerald's 80/20), a 48-minute 10 km.
    "lthr-runner": """
        [athlete]
        level = "intermediate"
        max_hr = 192
        lthr = 168
        hr_zones = "lthr"
        race = "10km 48:00"
    """,
    # Starting to run: a walker who jogged a parkrun in 38 minutes.
    "couch-to-5k": """
        [athlete]
        level = "beginner"
        max_hr = 178
        race = "5km 38:00"
        easy_pace = "8:00-9:00/km"
    """,
    # A 58-year-old with a 46:30 10 km and a measured max heart rate of 166.
    "masters-runner": """
        [athlete]
        level = "intermediate"
        max_hr = 166
        resting_hr = 54
        race = "10km 46:30"
    """,
    # The sub-3 marathoner's heart rates as Pfitzinger gives them: % of heart-rate reserve.
    "reserve-zones": """
        [athlete]
        level = "advanced"
        max_hr = 184
        resting_hr = 44
        hr_zones = "reserve"
        race = "marathon 2:55:00"
        easy_pace = "4:45-5:15/km"
    """,
    # A new runner building to a first 10 km, a 30-minute 5 km behind them.
    "novice-10k": """
        [athlete]
        level = "beginner"
        max_hr = 190
        race = "5km 30:00"
    """,
    # A 19:30 5 km runner on Daniels' 5-10 km phases.
    "daniels-5k": """
        [athlete]
        level = "intermediate"
        max_hr = 192
        race = "5km 19:30"
    """,
    # Runs three days a week (FIRST), cross-trains on two: a 45-minute 10 km.
    "three-day-runner": """
        [athlete]
        level = "intermediate"
        max_hr = 180
        race = "10km 45:00"
    """,
    # Trains with a running power meter.
    "power-runner": """
        [athlete]
        level = "intermediate"
        max_hr = 186
        race = "10km 45:00"
        easy_pace = "5:30-6:05/km"
        ftp = 290
    """,
}

# Cases the rules get wrong today: file name (under corpus/) -> why. The lead fixes the rules.
XFAIL: dict[str, str] = {}

HEADER = re.compile(r"^#\s*(athlete|rules|device|expect):\s*(.*?)\s*$")
MARK = re.compile(r"#\s*breach\s*$")


@dataclass
class Case:
    path: Path
    text: str
    athlete: str
    rules: list[str]
    device: list[str]
    expect: list[tuple[str, list[str]]]
    marked: list[int]  # the lines of the session at fault (1-based)

    @property
    def profile(self) -> str:
        toml = "\n".join(line.strip() for line in PROFILES[self.athlete].strip().splitlines())
        for table, lines in (("rules", self.rules), ("device", self.device)):
            if lines:
                toml += f"\n[{table}]\n" + "\n".join(lines)
        return toml + "\n"


def read_case(path: Path) -> Case:
    text = path.read_text(encoding="utf-8")
    found: dict[str, list[str]] = {"athlete": [], "rules": [], "device": [], "expect": []}
    lines = text.split("\n")
    for line in lines:
        match = HEADER.match(line.strip())
        if match:
            found[match.group(1)].append(match.group(2))
    assert len(found["athlete"]) == 1, f"{path.name}: name one profile, `# athlete: NAME`"
    expect = []
    for said in found["expect"]:
        code, _, rest = said.partition(" ")
        expect.append((code, [part.strip() for part in rest.split("|") if part.strip()]))
    return Case(path, text, found["athlete"][0], found["rules"], found["device"], expect, _marked(lines))


def _marked(lines: list[str]) -> list[int]:
    """The marked lines and the blocks indented under them."""
    marked: list[int] = []
    for index, line in enumerate(lines):
        if not (MARK.search(line) and line.split("#")[0].strip()):
            continue
        indent = len(line) - len(line.lstrip())
        marked.append(index + 1)
        for below, following in enumerate(lines[index + 1 :], start=index + 2):
            if following.strip() and len(following) - len(following.lstrip()) <= indent:
                break
            marked.append(below)
    return marked


def check(case: Case) -> list[Diagnostic]:
    config = parse_config(tomllib.loads(case.profile), str(case.path.with_name("workoutc.toml")))
    source = load_text(case.text, str(case.path))
    assert source.document is not None, shown(list(source.diagnostics), case)
    [diagnostics] = Checker(ConfigFinder(config)).run([source])
    return list(diagnostics)


def shown(diagnostics: list[Diagnostic], case: Case) -> str:
    return "\n" + "\n".join(render_text(d, case.text) for d in diagnostics)


def cases(paths: list[Path]) -> list:
    return [
        pytest.param(
            path,
            id=path.stem,
            marks=[pytest.mark.xfail(strict=True, reason=XFAIL[key])] if (key := _key(path)) in XFAIL else [],
        )
        for path in paths
    ]


def _key(path: Path) -> str:
    return path.relative_to(CORPUS).as_posix()


# ------------------------------------------------------------------ the corpus itself


def test_the_corpus_is_large_enough():
    assert len(WEEKS) >= 12
    assert len(BREACHES) >= 40


@pytest.mark.parametrize("path", WEEKS + BREACHES, ids=_key)
def test_each_file_says_what_it_is(path):
    case = read_case(path)
    assert case.athlete in PROFILES
    first = case.text.split("\n", 1)[0]
    assert first.startswith("# ") and not HEADER.match(first), "the first line says what the file is"
    if path in WEEKS:
        assert not case.expect and not case.marked, "a sensible week expects nothing"
        document = load_text(case.text, str(path)).document
        assert document is not None and document.plans, "a week is a plan with dated entries"
    else:
        assert case.expect, "a breach says what must be found: `# expect: CODE fragment`"
        assert all(code in REGISTRY for code, _ in case.expect)


def test_every_rule_has_a_breach():
    caught = {code for path in BREACHES for code, _ in read_case(path).expect}
    assert set(REGISTRY) - caught == set()


def test_xfails_name_corpus_files():
    assert all((CORPUS / key).is_file() for key in XFAIL)


# ------------------------------------------------------------------ what the checker says about it


@pytest.mark.parametrize("path", cases(WEEKS))
def test_a_sensible_week_draws_no_warning(path):
    case = read_case(path)
    found = check(case)
    reported = [d for d in found if d.severity in REPORTED]
    assert not reported, shown(reported, case)
    # The profile gives every value the rules read, so each rule judged the whole week.
    incomplete = [d for d in found if d.code == INCOMPLETE_PROFILE]
    assert not incomplete, shown(incomplete, case)


@pytest.mark.parametrize("path", cases(BREACHES))
def test_a_breach_is_caught(path):
    case = read_case(path)
    found = check(case)
    for code, fragments in case.expect:
        caught = [
            d
            for d in found
            if d.code == code
            and d.severity in REPORTED
            and all(fragment in d.message for fragment in fragments)
            and (not case.marked or d.span.line in case.marked)
        ]
        assert caught, f"expected {code} {fragments} at warning or error" + shown(found, case)
    if any(REGISTRY[code].SCOPE == "workout" for code, _ in case.expect):
        assert case.marked, "mark the session at fault with `# breach`: workout rules do not name it"
