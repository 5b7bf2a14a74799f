"""FIT's catalogue of strength and cardio exercises: raw codes, the words people write,
and the words pages show.

The model keeps FIT's lower-case names (category "squat", name "goblet_squat"; a name
may start with a digit: "45_degree_plank"). In the workout language a word is
hyphenated, in any case, `_` standing for `-`:

* a category alone: `squat`, `bench-press` (the exercise name left out);
* a name in one category only: `goblet-squat`;
* `category/name`: `squat/goblet-squat`, always accepted and needed for a name in several
  categories, for a name that is also a category's word, and for a name starting
  with a digit (`plank/45-degree-plank`, whose name part the grammar reads after `/`);
* a few friendlier words for categories: ALIASES.

`written` is the inverse of `lookup`: the shortest spelling that reads back the same.
The data is generated (exercise_names.py, profile.py); fit-tool is not imported here.
"""

from __future__ import annotations

from collections import defaultdict

from ..suggest import closest, did_you_mean
from .exercise_names import EXERCISE_NAMES
from .profile import EXERCISE_CATEGORY_NAMES
from .values import Unsupported

INVALID = 65535  # the raw exercise_name meaning "no name"
LISTED = "docs/exercises.md lists FIT's exercises"

# Friendlier words for categories whose FIT word is awkward, and plurals people write.
# None of them is a category or an exercise name (tests/fit/test_exercises.py).
ALIASES = {
    "bench": "bench_press",
    "pushup": "push_up",
    "pullup": "pull_up",
    "pullups": "pull_up",
    "pull_ups": "pull_up",
    "situp": "sit_up",
    "situps": "sit_up",
    "sit_ups": "sit_up",
    "squats": "squat",
    "lunges": "lunge",
    "deadlifts": "deadlift",
    "planks": "plank",
    "crunches": "crunch",
    "curls": "curl",
    "rows": "row",
    "runs": "run",
    "shrugs": "shrug",
}


class UnknownExercise(Unsupported, ValueError):
    """A word or a code the catalogue lacks; `message` says what, `hint` what to write."""

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.message, self.hint = message, hint


CATEGORIES = tuple(EXERCISE_NAMES)  # in the order of their codes
CATEGORY_CODES = {name: code for code, name in EXERCISE_CATEGORY_NAMES.items()}
NAME_CODES = {category: {name: code for code, name in names.items()} for category, names in EXERCISE_NAMES.items()}


def _owners() -> dict[str, tuple[str, ...]]:
    """Each exercise name's categories."""
    owners: dict[str, list[str]] = defaultdict(list)
    for category, names in EXERCISE_NAMES.items():
        for name in names.values():
            owners[name].append(category)
    return {name: tuple(categories) for name, categories in owners.items()}


OWNERS = _owners()
# The words that stand for a category; a name spelt the same is written `category/name`.
CATEGORY_WORDS = {**ALIASES, **{category: category for category in CATEGORIES}}


def hyphenated(word: str) -> str:
    """How the language writes a FIT name: `goblet_squat` -> `goblet-squat`."""
    return word.replace("_", "-")


def normal(word: str) -> str:
    """A written word as a FIT name: lower case, `-` read as `_`."""
    return word.strip().lower().replace("-", "_")


def entries() -> list[tuple[str, str | None]]:
    """Every (category, name) of the catalogue, each category alone first."""
    result: list[tuple[str, str | None]] = []
    for category in CATEGORIES:
        result.append((category, None))
        result += [(category, name) for name in EXERCISE_NAMES[category].values()]
    return result


def codes(category: str, name: str | None) -> tuple[int, int]:
    """The raw exercise_category and exercise_name (INVALID when `name` is None)."""
    if category not in NAME_CODES:
        raise UnknownExercise(f"no exercise category `{category}` in FIT's catalogue")
    if name is None:
        return CATEGORY_CODES[category], INVALID
    if name not in NAME_CODES[category]:
        raise UnknownExercise(f"no exercise `{name}` in FIT's category `{category}`")
    return CATEGORY_CODES[category], NAME_CODES[category][name]


def names(category_code: int, name_code: int | None) -> tuple[str, str | None]:
    """The (category, name) that raw codes stand for; a name_code of None or INVALID is no name."""
    category = EXERCISE_CATEGORY_NAMES.get(category_code)
    if category is None or category not in EXERCISE_NAMES:
        raise UnknownExercise(f"exercise category {category_code}, which FIT's catalogue lacks")
    if name_code is None or name_code == INVALID:
        return category, None
    name = EXERCISE_NAMES[category].get(name_code)
    if name is None:
        raise UnknownExercise(f"exercise {name_code} of category {label(category, None)}, which FIT's catalogue lacks")
    return category, name


def lookup(word: str) -> tuple[str, str | None]:
    """The (category, name) a written word stands for; UnknownExercise with a hint when
    the word is no exercise or names one in several categories."""
    key = normal(word)
    if "/" in key:
        return _lookup_pair(word, *key.split("/", 1))
    if key in CATEGORY_WORDS:
        return CATEGORY_WORDS[key], None
    categories = OWNERS.get(key, ())
    if len(categories) == 1:
        return categories[0], key
    if categories:
        raise _ambiguous(word, key, categories)
    hint = did_you_mean(hyphenated(key), _choices()) or LISTED
    raise UnknownExercise(f"unknown exercise `{word}`", hint)


def _lookup_pair(word: str, category_key: str, name_key: str) -> tuple[str, str]:
    """`category/name`: the name must be one of the category's."""
    category = CATEGORY_WORDS.get(category_key)
    if category is None:
        near = closest(category_key, CATEGORY_WORDS)
        hint = f"did you mean `{hyphenated(near)}/{hyphenated(name_key)}`?" if near else LISTED
        raise UnknownExercise(f"unknown exercise category `{word.split('/', 1)[0]}`", hint)
    if name_key in NAME_CODES[category]:
        return category, name_key
    others = OWNERS.get(name_key, ())
    if others:
        hint = _spellings(name_key, others)
    else:
        spellings = [f"{hyphenated(category)}/{hyphenated(name)}" for name in NAME_CODES[category]]
        hint = did_you_mean(hyphenated(f"{category_key}/{name_key}"), spellings) or LISTED
    raise UnknownExercise(f"no exercise `{word.split('/', 1)[1]}` in the category `{hyphenated(category)}`", hint)


def _ambiguous(word: str, name: str, categories: tuple[str, ...]) -> UnknownExercise:
    """The error for a name in several categories, listing the spellings to choose from."""
    message = f"`{word}` is an exercise of {len(categories)} categories: {_listed(categories)}"
    return UnknownExercise(message, _spellings(name, categories))


def _spellings(name: str, categories: tuple[str, ...]) -> str:
    """A hint to write one of the spellings of `name` in `categories`."""
    return "write " + " or ".join(f"`{written(category, name)}`" for category in categories)


def _listed(categories: tuple[str, ...]) -> str:
    """`a`, `b` and `c`."""
    shown = [f"`{hyphenated(category)}`" for category in categories]
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} and {shown[-1]}"


def _choices() -> list[str]:
    """Every word `lookup` takes alone, hyphenated, for suggestions."""
    return [hyphenated(word) for word in (*CATEGORY_WORDS, *OWNERS)]


def written(category: str, name: str | None, reserved: frozenset[str] = frozenset()) -> str:
    """The shortest spelling `lookup` reads back as (category, name): the category alone,
    the name alone when it is in one category and is no category's word and starts with
    a letter, else `category/name`. A bare word in `reserved` (the language's step
    keywords: `run`, `ride`) is avoided: `run/walk`, and `runs` for the category alone."""
    if name is None:
        word = hyphenated(category)
        return word if word not in reserved else min(alias for alias, of in ALIASES.items() if of == category)
    bare = hyphenated(name)
    if name[0].isalpha() and name not in CATEGORY_WORDS and OWNERS.get(name) == (category,) and bare not in reserved:
        return bare
    return f"{hyphenated(category)}/{bare}"


def label(category: str, name: str | None) -> str:
    """Words for people: "goblet squat", or the category's "bench press" when there is no name."""
    return (name or category).replace("_", " ")
