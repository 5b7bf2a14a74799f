"""workoutc: a compiler for running workouts, from plain text to Garmin FIT files."""

__version__ = "0.2.0"
