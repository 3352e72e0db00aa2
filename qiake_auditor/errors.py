"""Errors that reach the user: each names the file, the line or row, and what was expected."""

from __future__ import annotations


class UserError(Exception):
    """Bad input or a wrong request; shown to the user as a message, never as a traceback."""


class StatementError(UserError):
    """A statement file that cannot be read as given.

    ``row`` is the 1-based physical line (text files) or sheet row (spreadsheets)
    where the problem is, when there is one.
    """

    def __init__(self, source: str, message: str, row: int | None = None,
                 unit: str = "line") -> None:
        self.source = source
        self.row = row
        self.unit = unit
        self.detail = message
        where = f"{source}, {unit} {row}" if row is not None else source
        super().__init__(f"{where}: {message}")

    def __reduce__(self):
        # Rebuild from the constructor's arguments, so the error survives pickling
        # (worker processes hand it back to their parent).
        return (self.__class__, (self.source, self.detail, self.row, self.unit))


class UnknownFormatError(StatementError):
    """No importer recognises the file."""


class PasswordError(StatementError):
    """An encrypted archive needs a (different) password."""


class Cancelled(Exception):
    """The user cancelled a long operation."""
