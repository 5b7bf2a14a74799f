"""The user's own cache folder for workoutc: Lark's parser tables and the compile records."""

from __future__ import annotations

import os
from pathlib import Path


def cache_folder() -> Path | None:
    """The user's own cache folder for workoutc (never a shared temporary folder), or None."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(base) / "workoutc"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return None
    return folder if os.access(folder, os.W_OK) else None
