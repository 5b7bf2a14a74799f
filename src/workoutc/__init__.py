"""workoutc: a compiler for running workouts, from plain text to Garmin FIT files."""

__version__ = "0.1.0"
