"""The grammar folder, shipped inside the package as `workoutc.grammar`.

pyproject.toml maps this folder to that package (`package-dir`), so
grammar/workout.lark is the one copy of the grammar, in the source tree and in an
installed wheel alike; workoutc.language.grammar reads it from there.
"""
