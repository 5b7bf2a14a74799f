"""Test environment: a private cache folder, a fixed build time, no CI detection."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

# Shared helpers that assert: pytest shows their values as it does a test's own.
pytest.register_assert_rewrite("tests.helpers", "tests.check.rules.helpers")

# Property tests: a CI-sized run in `make test`, the `fuzz` profile in `make fuzz`.
_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large]
settings.register_profile("ci", max_examples=150, deadline=None, suppress_health_check=_QUIET)
settings.register_profile("fuzz", max_examples=35_000, deadline=None, suppress_health_check=_QUIET)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(autouse=True, scope="session")
def private_cache(tmp_path_factory):
    folder = tmp_path_factory.mktemp("xdg-cache")
    patch = pytest.MonkeyPatch()
    patch.setenv("XDG_CACHE_HOME", str(folder))
    yield folder
    patch.undo()


@pytest.fixture(autouse=True)
def fixed_environment(monkeypatch):
    """Builds are reproducible (SOURCE_DATE_EPOCH), and `check` does not switch to GitHub annotations."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
