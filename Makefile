# workoutc: the two commands a fresh clone needs are `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed-stamp
# Fixed build time so `make demo` output is byte-identical run to run.
export SOURCE_DATE_EPOCH ?= 1764547200

.PHONY: demo test lint golden docs fit-profile bench fuzz clean

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,lint]'
	touch $(INSTALLED)

demo: $(INSTALLED)
	$(BIN)/workoutc compile examples -o out --html

test: $(INSTALLED)
	$(BIN)/python -m pytest

# Style and types: ruff (lint and format check) and mypy, as configured in pyproject.toml.
lint: $(INSTALLED)
	$(BIN)/ruff check src tests tools benchmarks grammar
	$(BIN)/ruff format --check src tests tools benchmarks grammar
	$(BIN)/mypy

# Rewrite the golden files (FIT dumps next to the examples, pages in tests/golden/);
# review `git diff` before committing.
golden: $(INSTALLED)
	$(BIN)/python -m tools.golden

# src/workoutc/fit/profile.py and exercise_names.py (with docs/exercises.md) are copied
# from fit-tool's profile (a test fails when stale).
fit-profile: $(INSTALLED)
	$(BIN)/python -m tools.gen_fit_profile
	$(BIN)/python -m tools.gen_exercises

# Speed against the alternatives, as ratios measured in one run (numbers also in JSON).
bench: $(INSTALLED)
	$(BIN)/python -m benchmarks.run --json benchmarks/results.json

# The property tests at full strength: sources, FIT files, round trips (35 000 cases
# each) and configurations, file names, environments, cache contents (25 000 each).
# A failing source or FIT file is saved under tests/regressions/ and replayed by `make test`.
fuzz: $(INSTALLED)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q tests/test_properties.py \
		tests/test_roundtrip_properties.py tests/test_hostile_properties.py

# docs/rules.md is generated from the rule docstrings (a test fails when it is stale).
docs: $(INSTALLED)
	$(BIN)/workoutc rules --format markdown > docs/rules.md

clean:
	rm -rf out $(VENV) build src/*.egg-info .pytest_cache
