"""Output file names: a safe slug for any workout name, unique within a folder."""

from __future__ import annotations

import re
import unicodedata

MAX_SLUG_LENGTH = 64
NOT_SLUG = re.compile(r"[^a-z0-9]+")
# Names Windows reserves for devices, whatever the extension.
RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def readable(text: str) -> str:
    """`text` with any bytes that were not UTF-8 (a file name's, held as surrogates) shown
    as U+FFFD, so it can be written as UTF-8 (a workout name, a page)."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def slugify(name: str) -> str:
    """A file-name stem from any workout name: ASCII letters, digits and dashes."""
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = NOT_SLUG.sub("-", ascii_text.lower()).strip("-")[:MAX_SLUG_LENGTH].strip("-")
    if not slug:
        slug = "workout"
    if slug in RESERVED:
        slug += "-workout"
    return slug


class NameRegistry:
    """Hands out unique file-name stems within one output folder for one run."""

    def __init__(self) -> None:
        self._taken: set[str] = set()
        self._next: dict[str, int] = {}  # the next number to try per stem: no quadratic search

    def claim(self, stem: str) -> str:
        """`stem` (a slug), or the first free `stem-N`."""
        candidate, number = stem, self._next.get(stem, 2)
        while candidate in self._taken:
            candidate = f"{stem}-{number}"
            number += 1
        self._next[stem] = number
        self._taken.add(candidate)
        return candidate
