"""The importer interface, the content probe and the registry.

An importer is a small class with two methods: ``identify(probe)`` looks at the
first lines or rows and says whether the file is its format; ``read(probe, options)``
returns the statement's transaction rows in the ledger's columns. Identification is
by content only, never by file name or extension.
"""

from __future__ import annotations

import importlib
import pkgutil
import zipfile
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any, ClassVar

import pandas as pd
import python_calamine

from .. import vstr
from ..errors import StatementError, UnknownFormatError
from ..i18n import label_in
from . import compound_file, field_text, limits, tab_separated, text_encoding, xls_records
from .panic_report import panic_report_hidden

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"

BANK = "bank"
WALLET_PLATFORMS = ("alipay", "wechat", "jd", "meituan")

# How rows are counted in messages and in ``source_row``, per container kind.
UNITS = {"text": "line", "xlsx": "row", "xls": "row"}


@dataclass
class Sheet:
    """One worksheet: its cell values and the 1-based row number of ``rows[0]``."""

    name: str
    rows: list[list[Any]]
    first_row: int


class Probe:
    """A statement file's bytes with lazily decoded views for identify() and read()."""

    def __init__(self, name: str, data: bytes) -> None:
        self.name = name
        # Excel's "Unicode Text" (tab-separated UTF-16) is read as the CSV it was saved from.
        self.data = tab_separated.as_csv(data) or data

    @cached_property
    def kind(self) -> str:
        """'xlsx', 'xls', 'zip' (an archive), 'text' or 'binary'."""
        if self.data.startswith(OLE_MAGIC):
            return "xls"
        if self.data.startswith(ZIP_MAGIC):
            return "xlsx" if self._is_xlsx() else "zip"
        if text_encoding.guess_encoding(self.data) is not None:
            return "text"
        return "binary"

    def _is_xlsx(self) -> bool:
        import io

        try:
            with zipfile.ZipFile(io.BytesIO(self.data)) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, NotImplementedError, ValueError, EOFError, OSError):
            return False
        return "xl/workbook.xml" in names or (
            "[Content_Types].xml" in names and any(n.startswith("xl/") for n in names)
        )

    @cached_property
    def head(self) -> str:
        """The first ~64 KB of a text file, decoded ('' for other kinds)."""
        return text_encoding.decode_head(self.data) if self.kind == "text" else ""

    @cached_property
    def head_lines(self) -> list[str]:
        return self.head.split("\n")[:400]

    @cached_property
    def _decoded(self) -> tuple[str, str]:
        return text_encoding.decode(self.data, self.name)

    @property
    def text(self) -> str:
        """The whole file decoded, line ends normalised to ``\\n``."""
        return self._decoded[0]

    @property
    def encoding(self) -> str:
        return self._decoded[1]

    @cached_property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    def release(self) -> None:
        """Drop the decoded text, lines and sheets once the rows are read: for a big
        file they hold several times its size, and only ``data`` is needed after."""
        for view in ("_decoded", "lines", "sheets", "sheets_as_text"):
            self.__dict__.pop(view, None)  # where functools.cached_property keeps them

    @cached_property
    def sheets(self) -> list[Sheet]:
        """All worksheets of an .xls/.xlsx file (empty list for other kinds)."""
        if self.kind not in ("xls", "xlsx"):
            return []
        import io

        if self.kind == "xlsx":
            limits.check_workbook(self.name, self.data)  # before calamine allocates anything
        else:
            compound_file.check_container(self.name, self.data)  # before calamine loops
            xls_records.check_sheet_data(self.name, self.data)  # before it reserves memory
        try:
            with panic_report_hidden():  # Rust's own report of a panic: not for the user
                book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(self.data))
                sheets = []
                for name in book.sheet_names:
                    sheet = book.get_sheet_by_name(name)
                    # The rows handed over start at A1: the grid is the used range's far corner.
                    if sheet.end:
                        limits.check_extent(self.name, name, *sheet.end)
                    rows = sheet.to_python(skip_empty_area=False)
                    sheets.append(Sheet(name, rows, 1))
        except StatementError:
            raise
        except Exception as exc:  # calamine raises several unrelated types
            raise _sheet_refusal(exc, self.name, self.kind) from exc
        except BaseException as exc:  # a Rust panic inside calamine (pyo3's PanicException)
            if type(exc).__name__ != "PanicException":
                raise
            damaged = "statement.xls_damaged.sheet_data" if self.kind == "xls" else ""
            raise StatementError.of(damaged or "statement.sheet_damaged", source=self.name) from exc
        return sheets

    @cached_property
    def sheets_as_text(self) -> list[Any]:
        """Each filled sheet written back as CSV text (:class:`sheet_text.SheetText`), for
        a text layout saved as a workbook in a spreadsheet program."""
        from .sheet_text import sheet_texts

        return sheet_texts(self) if self.kind in ("xls", "xlsx") else []

    def sheet_text(self, limit: int = 40) -> str:
        """The first rows of every sheet as text, for cheap marker searches."""
        parts = []
        for sheet in self.sheets:
            for row in sheet.rows[:limit]:
                parts.append(",".join(field_text.cell_text(c) for c in row))
        return "\n".join(parts)


@dataclass
class ReadOptions:
    """What the user told us for this import."""

    mapping: dict[str, str] | None = None
    saved_mappings: dict[str, dict[str, str]] = field(default_factory=dict)


def _sheet_refusal(exc: Exception, source: str, kind: str = "xlsx") -> StatementError:
    """calamine's error said in words of the user's language (its own text is English).

    For an .xls whose container is sound every parse error comes back as "Cannot detect
    file format" (the reader tries each format in turn and reports only that): the
    sheet data inside it is damaged.
    """
    import python_calamine

    if isinstance(exc, python_calamine.WorksheetNotFound):
        return StatementError.of("statement.sheet_missing", source=source, sheet=str(exc))
    if isinstance(exc, python_calamine.XmlError):
        return StatementError.of("statement.sheet_broken_xml", source=source)
    if isinstance(exc, python_calamine.ZipError):
        return StatementError.of("statement.sheet_broken_zip", source=source)
    if isinstance(exc, python_calamine.PasswordError):
        return StatementError.of("statement.sheet_password", source=source)
    if kind == "xls":
        return StatementError.of("statement.xls_damaged.sheet_data", source=source)
    return StatementError.of("statement.sheet_unreadable", source=source, detail=str(exc))


@dataclass
class StatementFacts:
    """What a statement says about itself, beside its rows, where the file has it.

    ``account`` is as printed (the workspace keeps it so; shareable outputs mask it with
    :func:`qiake_auditor.masking.mask_account_numbers`); ``period`` is (first, last) ISO dates the
    file declares; ``declared`` maps a total's name (``opening``, ``closing``, ``count``,
    ``expense``, ``income``) to the text the file prints for it.
    """

    account: str = ""
    period: tuple[str, str] | None = None
    currency: str = ""
    declared: dict[str, str] = field(default_factory=dict)


@dataclass
class Extract:
    """An importer's result: rows in the importer columns, plus warnings and facts."""

    rows: pd.DataFrame
    warnings: list[str] = field(default_factory=list)
    remember_mapping: tuple[str, dict[str, str]] | None = None
    facts: StatementFacts = field(default_factory=StatementFacts)


class FormatLabel(str):
    """An importer's label ``English / 中文`` in a message: the template asks for
    ``{label:zh}`` or ``{label:en}`` and gets that half (a label with no Chinese half,
    "OFX 1.x / QFX (SGML)", is the same in both: the rule of :func:`i18n.label_in`)."""

    def __format__(self, spec: str) -> str:
        return label_in(str(self), spec)


class Importer:
    """Base class; subclasses set ``id`` and ``label`` and implement identify() and read()."""

    id: ClassVar[str]
    label: ClassVar[str]
    kinds: ClassVar[frozenset[str]] = frozenset({"text"})
    # Lower numbers are asked first; catch-all importers use a high number.
    priority: ClassVar[int] = 50
    # Whose statement it is: a wallet's name (see WALLET_PLATFORMS) or "bank".
    platform: ClassVar[str] = BANK
    # What ``source_row`` counts when it is not the container's line or row (UNITS):
    # "entry" for XML/SGML statements numbered by transaction entry.
    row_unit: ClassVar[str | None] = None

    @property
    def is_wallet(self) -> bool:
        return self.platform in WALLET_PLATFORMS

    def identify(self, probe: Probe) -> bool:
        raise NotImplementedError

    def identify_with(self, probe: Probe, options: ReadOptions) -> bool:
        """identify() for importers that also look at the user's options (column maps)."""
        return self.identify(probe)

    def read(self, probe: Probe, options: ReadOptions) -> Extract:
        raise NotImplementedError


@cache
def all_importers() -> tuple[Importer, ...]:
    """Every importer in this package (modules with an IMPORTERS list), in asking order."""
    found: list[Importer] = []
    package = importlib.import_module(__package__)
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{__package__}.{info.name}")
        found.extend(getattr(module, "IMPORTERS", ()))
    return tuple(sorted(found, key=lambda imp: (imp.priority, imp.id)))


def adapted(adapter: type[Importer], inner: Importer) -> Importer:
    """An ``adapter`` (an importer that asks ``inner`` about a converted copy of another
    kind of file) standing for ``inner``: same id, label, platform, priority, row unit."""
    kind = type(
        f"{type(inner).__name__}{adapter.__name__}",
        (adapter,),
        {
            "id": inner.id,
            "label": inner.label,
            "platform": inner.platform,
            "priority": inner.priority,
            "row_unit": inner.row_unit,
        },
    )
    made = kind()
    made.inner = inner  # type: ignore[attr-defined]  # the adapters declare it
    return made


def platforms(formats: pd.Series) -> pd.Series:
    """platform_of for a column of format ids (computed once per distinct id)."""
    codes, uniques = pd.factorize(formats.astype("str"))
    return vstr.spread([platform_of(u) for u in uniques] or [BANK], codes, formats)


@cache
def platform_of(format_id: str) -> str:
    """The platform of a stored row's format id: a wallet's name or "bank".

    Ids no importer has any more (older workspaces) fall back to their prefix.
    """
    for importer in all_importers():
        if importer.id == format_id:
            return importer.platform
    prefix = format_id.split("-", 1)[0]
    return prefix if prefix in WALLET_PLATFORMS else BANK


def identify(probe: Probe, options: ReadOptions | None = None) -> Importer:
    """The importer for a probe, by content; raises UnknownFormatError."""
    if probe.kind == "binary":
        raise UnknownFormatError.of("statement.not_a_statement", source=probe.name)
    if probe.kind in ("xls", "xlsx"):
        probe.sheets  # noqa: B018 - raises a clear error for a corrupt workbook
    if probe.kind == "text" and probe.head.lstrip("\ufeff \t\r\n").startswith("<"):
        limits.refuse_dtd(probe.name, probe.data, probe.text)  # every XML layout, one check
    options = options or ReadOptions()
    importers = all_importers()
    if probe.kind in ("xls", "xlsx"):
        importers = _with_text_layouts(importers)
    elif probe.kind == "text" and not probe.head.lstrip("\ufeff \t\r\n").startswith("<"):
        importers = _with_sheet_layouts(importers)
    for importer in importers:
        if probe.kind in importer.kinds and importer.identify_with(probe, options):
            return importer
    raise UnknownFormatError.of(
        "statement.unknown_layout",
        source=probe.name,
        hint="statement.unknown_layout.cli_hint",
    )


# Importers asked from here on take any file with a header row (generic-csv, generic-xlsx).
CATCH_ALL_PRIORITY = 90


@cache
def _with_text_layouts(importers: tuple[Importer, ...]) -> tuple[Importer, ...]:
    """The importers for a workbook: its own layouts, then the text layouts (a CSV saved
    as a workbook), then the catch-alls; a bill re-saved as .xlsx is read by its own
    importer rather than guessed at by the generic one."""
    from .sheet_text import as_sheet_importer

    own = [i for i in importers if i.priority < CATCH_ALL_PRIORITY]
    text = [
        as_sheet_importer(i) for i in own if "text" in i.kinds and not {"xls", "xlsx"} & i.kinds
    ]
    rest = [i for i in importers if i.priority >= CATCH_ALL_PRIORITY]
    return (*own, *text, *rest)


@cache
def _with_sheet_layouts(importers: tuple[Importer, ...]) -> tuple[Importer, ...]:
    """The importers for a text file: its own layouts, then the workbook layouts (a
    workbook saved as CSV), then the catch-alls."""
    from .text_sheet import as_text_importer

    own = [i for i in importers if i.priority < CATCH_ALL_PRIORITY]
    sheets = [
        as_text_importer(i) for i in own if {"xls", "xlsx"} & i.kinds and "text" not in i.kinds
    ]
    rest = [i for i in importers if i.priority >= CATCH_ALL_PRIORITY]
    return (*own, *sheets, *rest)
