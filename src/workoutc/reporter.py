"""Errors that end a command with exit status 2."""


class UsageError(Exception):
    """A problem with the command line, the configuration or the file system: exit 2."""
