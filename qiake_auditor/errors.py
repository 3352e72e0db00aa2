"""Errors that reach the user: each names the file, the line or row, and what was expected."""

from __future__ import annotations

from collections.abc import Callable


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
    where the problem is, when there is one. Raised as
    ``StatementError.of(message_id, source=..., row=..., unit=..., **fields)`` it renders
    in Chinese or English (file and row included); ``hint`` names a message only the
    command line shows below it (an option to try), since the window offers a dialog.
    """

    hint_id: str | None = None

    def __init__(
        self, source: str, message: str, row: int | None = None, unit: str = "line"
    ) -> None:
        self.source = source
        self.row = row
        self.unit = unit
        self.detail = message
        where = f"{source}, {unit} {row}" if row is not None else source
        super().__init__(f"{where}: {message}")

    @classmethod
    def of(  # type: ignore[override]  # the location fields are typed, the rest free
        cls,
        message_id: str,
        /,
        source: str = "",
        row: int | None = None,
        unit: str = "line",
        hint: str | None = None,
        **fields: object,
    ) -> StatementError:
        from .i18n import text

        error = cls(source, text(message_id, "en", **fields), row, unit)
        error.message_id = message_id
        error.fields = fields
        error.hint_id = hint
        return error

    def at_row(self, row: int, unit: str) -> StatementError:
        """The same message naming ``row`` (a ``unit``: line, row) instead of its own
        place (an importer that read a converted copy of the file); itself where it names
        no place."""
        if self.message_id is None or self.row is None:
            return self
        fields = {k: v for k, v in self.fields.items() if k not in ("source", "row", "unit")}
        return StatementError.of(
            self.message_id, source=self.source, row=row, unit=unit, hint=self.hint_id, **fields
        )

    def text(self, lang: str = "zh") -> str:
        if self.message_id is None:
            return str(self)
        from .i18n import text

        where = (
            self.source
            if self.row is None
            else text(f"statement.at_{self.unit}", lang, source=self.source, row=self.row)
        )
        return text("statement.where", lang, where=where, message=super().text(lang))

    def hint(self, lang: str = "zh") -> str:
        """The command-line hint ('' when there is none)."""
        if self.hint_id is None:
            return ""
        from .i18n import text

        return text(self.hint_id, lang, **self.fields)

    def __reduce__(self):
        # Rebuild from the constructor's arguments, so the error survives pickling
        # (worker processes hand it back to their parent); the message id rides along.
        state = {"message_id": self.message_id, "fields": self.fields, "hint_id": self.hint_id}
        return (self.__class__, (self.source, self.detail, self.row, self.unit), state)


class StatementWarning(str):
    """Something an import noticed but did not refuse, rendered in Chinese or English.

    A ``str`` whose value is the English text, so lists of warnings stay plain text
    for JSON and older callers; front ends call :meth:`text` for the user's language.
    """

    message_id: str
    fields: dict[str, object]

    def __new__(cls, message_id: str, fields: dict[str, object]) -> StatementWarning:
        from .i18n import text

        warning = super().__new__(cls, text(message_id, "en", **fields))
        warning.message_id = message_id
        warning.fields = fields
        return warning

    @classmethod
    def of(cls, message_id: str, /, **fields: object) -> StatementWarning:
        return cls(message_id, fields)

    def text(self, lang: str = "zh") -> str:
        from .i18n import text

        return text(self.message_id, lang, **self.fields)

    def at_row(self, row_of_line: Callable[[int], int]) -> StatementWarning:
        """The same warning naming the file's row where it names a line of a converted
        copy (``statement.x.line`` -> ``statement.x.row``, the number through
        ``row_of_line``); itself where it names no line or has no row form."""
        from .i18n.catalogue import CATALOGUE

        if "row" not in self.fields:
            return self
        parts = self.message_id.split(".")
        message_id = ".".join("row" if part == "line" else part for part in parts)
        if message_id == self.message_id or message_id not in CATALOGUE:
            return self
        row = row_of_line(int(str(self.fields["row"])))
        return StatementWarning(message_id, {**self.fields, "row": row})

    def __reduce__(self):
        return (self.__class__, (self.message_id, self.fields))


def os_error_text(error: OSError, lang: str = "zh") -> str:
    """What the system said of a file, in ``lang``: common errors in our words, others
    as a quotation of the system's (English) text; the file named when it is known."""
    from .i18n import SystemReason, text

    reason = SystemReason.of(error).words(lang)
    if error.filename is None:
        return reason
    return text("os.error", lang, path=error.filename, reason=reason)


def warning_text(warning: StatementWarning | str, lang: str = "zh") -> str:
    """A warning in ``lang`` (plain strings, from older code, as they are)."""
    return warning.text(lang) if isinstance(warning, StatementWarning) else str(warning)


class UnknownFormatError(StatementError):
    """No importer recognises the file."""


class PasswordError(StatementError):
    """An encrypted archive needs a (different) password."""


class Cancelled(Exception):
    """The user cancelled a long operation."""
