"""Output file names: slugs and unique stems."""

from __future__ import annotations

from workoutc.names import NameRegistry, slugify


def test_many_names_that_slug_alike_are_numbered_quickly():
    names = NameRegistry()
    stems = [names.claim(slugify("走る")) for _ in range(20_000)]  # every CJK name slugs to "workout"
    assert stems[:3] == ["workout", "workout-2", "workout-3"] and len(set(stems)) == 20_000
