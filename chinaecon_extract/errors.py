"""Messages with codes, and the error raised for bad input."""
from __future__ import annotations


class Errors:
    E001 = "[E001] extract() takes the article text as str, got {type}"
    E002 = "[E002] published must be an ISO date (YYYY-MM-DD), a date or None, got {value!r}"
    E003 = "[E003] {path}: {reason}"


class InputError(ValueError):
    """A file or record the library cannot read; names the file and the problem."""

    def __init__(self, path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(Errors.E003.format(path=path, reason=reason))
