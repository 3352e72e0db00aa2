"""Errors that reach the user: each names the file, the line or row, and what was expected."""

from __future__ import annotations


class UserError(Exception):
    """Bad input or a wrong request; shown to the user as a message, never as a traceback.

    Raised as ``UserError.of(message_id, **fields)`` it carries an id of the zh/en
    catalogue (:mod:`qiake_auditor.i18n`); :meth:`text` renders it in either language.
    Raised with a plain string, that string is all it has (both languages see it).
    """

    message_id: str | None = None
    fields: dict[str, object] = {}  # noqa: RUF012 - replaced per instance by of()

    @classmethod
    def of(cls, message_id: str, /, **fields: object) -> UserError:
        from .i18n import text

        error = cls(text(message_id, "en", **fields))
        error.message_id = message_id
        error.fields = fields
        return error

    def text(self, lang: str = "zh") -> str:
        if self.message_id is None:
            return str(self)
        from .i18n import text

        return text(self.message_id, lang, **self.fields)


class StatementError(UserError):
    """A statement file that cannot be read as given.

    ``row`` is the 1-based physical line (text files) or sheet row (spreadsheets)
    where the problem is, when there is one.
    """

    def __init__(
        self, source: str, message: str, row: int | None = None, unit: str = "line"
    ) -> None:
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
