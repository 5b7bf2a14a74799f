"""Keep the tests away from the user's cache folder (grammar tables, compile manifests)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True, scope="session")
def private_cache(tmp_path_factory):
    folder = tmp_path_factory.mktemp("xdg-cache")
    patch = pytest.MonkeyPatch()
    patch.setenv("XDG_CACHE_HOME", str(folder))
    yield folder
    patch.undo()
