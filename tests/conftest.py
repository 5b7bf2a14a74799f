"""Test environment: a private cache folder, a fixed build time, no CI detection."""

from __future__ import annotations

import pytest

# Shared helpers that assert: pytest shows their values as it does a test's own.
pytest.register_assert_rewrite("tests.helpers", "tests.check.rules.helpers")


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
