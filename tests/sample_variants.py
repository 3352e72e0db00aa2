"""Variants of a real statement as users' copies of it really come.

A statement rarely reaches the app as the exporter wrote it: it was opened and saved
again in Excel or WPS (quotes dropped, every line padded to the same number of commas,
dates as ``2024/1/5 10:01`` with the seconds gone, ``49.70`` as ``49.7``, GBK again),
saved as a workbook (numbers stored as numbers, dates as Excel dates), converted to
another encoding or line end, given a BOM, blank lines or a footer, columns moved or
added, amounts printed with ``¥``/``￥``, thousands separators or full-width digits, or
mailed in a ZIP with a password. Each variant here is derived from a sample's own bytes
by code, so a test can ask that it imports to the same ledger facts as the original.

The transformations are the generator's own; nothing of a sample is copied into the
repository (the samples stay in ../shared/samples).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

import pandas as pd
import python_calamine
import pyzipper
from openpyxl import Workbook

from qiake_auditor import ledger
from qiake_auditor.importers import text_encoding
from qiake_auditor.money_columns import sum_amounts

PASSWORD = "123456"
# Formats whose text is not a table of one record per line (the row transforms skip them).
STRUCTURED = ("ofx-1", "ofx-2", "camt053", "mt940")


@dataclass(frozen=True)
class Facts:
    """What must not change whichever copy of a statement is read."""

    format: str
    rows: int
    sums: tuple[tuple[str, int, Decimal], ...]  # per direction: (direction, count, sum)
    first: str  # first and last date (the day only: a re-save may drop the seconds)
    last: str
    merchants: tuple[str, ...]  # distinct counterparties as printed

    @classmethod
    def of(cls, format_id: str, rows: pd.DataFrame) -> Facts:
        sums = []
        for direction in (ledger.EXPENSE, ledger.INCOME, ledger.NEUTRAL):
            part = rows.loc[rows["direction"] == direction, "amount"]
            sums.append((direction, len(part), sum_amounts(part)))
        days = sorted(rows["time"].astype("str").str[:10])
        return cls(
            format_id,
            len(rows),
            tuple(sums),
            days[0] if days else "",
            days[-1] if days else "",
            tuple(sorted(set(rows["counterparty"].astype("str")))),
        )


@dataclass(frozen=True)
class Variant:
    """One derived copy: its bytes, the name it is saved as, the password it needs."""

    name: str
    data: bytes
    suffix: str
    password: str | None = None


@dataclass
class Original:
    """A sample as read: its bytes, text (for text files), format and data lines."""

    name: str
    data: bytes
    format: str
    kind: str  # the probe's kind: text, xls, xlsx
    data_lines: frozenset[int]  # 1-based physical lines of the records (CSV family)

    @property
    def suffix(self) -> str:
        return "." + self.name.rsplit(".", 1)[-1] if "." in self.name else ""

    @property
    def encoding(self) -> str:
        found = text_encoding.guess_encoding(self.data)
        assert found is not None
        return found

    @property
    def text(self) -> str:
        return text_encoding.decode(self.data, self.name)[0]

    @property
    def line_end(self) -> str:
        return "\r\n" if b"\r\n" in self.data else "\n"

    @property
    def is_table(self) -> bool:
        return self.kind == "text" and self.format not in STRUCTURED


# --- text helpers -------------------------------------------------------------------------


def _encode(text: str, encoding: str, end: str = "\n", bom: bool = False) -> bytes:
    body = text.replace("\n", end).encode(encoding)
    return (b"\xef\xbb\xbf" if bom else b"") + body


def _gbk_or_none(text: str) -> bytes | None:
    try:
        return text.encode("gb18030")
    except UnicodeEncodeError:
        return None


def _fields(line: str) -> list[str]:
    return next(csv.reader([line], strict=False), [])


def _joined(fields: list[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow(fields)
    return out.getvalue()


def _map_rows(original: Original, change: Callable[[list[str]], list[str]]) -> str:
    """The text with ``change`` applied to the fields of every record line."""
    lines = original.text.split("\n")
    for number in original.data_lines:
        lines[number - 1] = _joined(change(_fields(lines[number - 1])))
    return "\n".join(lines)


def _header_line(original: Original) -> int:
    """0-based index of the table's header line: the line above the first record."""
    return min(original.data_lines) - 2


_ISO_TIME = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?")
_MONEY = re.compile(r"-?\d+\.\d{1,2}")


def _each_field(change: Callable[[str], str]) -> Callable[[list[str]], list[str]]:
    """A row transform that applies ``change`` to each field's padded-off core."""

    def row(fields: list[str]) -> list[str]:
        out = []
        for field in fields:
            core = field.strip(" \t")
            out.append(field.replace(core, change(core), 1) if core else field)
        return out

    return row


def _slashed(seconds: bool, pad: bool) -> Callable[[str], str]:
    def change(value: str) -> str:
        found = _ISO_TIME.fullmatch(value)
        if not found:
            return value
        year, month, day, hour, minute, second = found.groups()
        if not pad:
            month, day = str(int(month)), str(int(day))
        date = f"{year}/{month}/{day}"
        if hour is None:
            return date
        if not pad:
            hour = str(int(hour))
        return f"{date} {hour}:{minute}" + (f":{second}" if seconds and second else "")

    return change


def _no_seconds(value: str) -> str:
    found = _ISO_TIME.fullmatch(value)
    if not found or found.group(6) is None:
        return value
    return value[: found.end(5)]


def _money(change: Callable[[str, str], str]) -> Callable[[str], str]:
    """``change(sign, digits)`` on every field that is a plain decimal amount."""

    def field(value: str) -> str:
        for prefix in ("¥", "￥", ""):
            if value.startswith(prefix) and _MONEY.fullmatch(value[len(prefix) :]):
                number = value[len(prefix) :]
                sign = "-" if number.startswith("-") else ""
                return change(sign, number.lstrip("-"))
        return value

    return field


def _thousands(sign: str, number: str) -> str:
    whole, _, fraction = number.partition(".")
    return f"{sign}{int(whole):,}.{fraction}"


_FULL_WIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")


def _excel_number(sign: str, number: str) -> str:
    """How Excel's General format prints a decimal: no trailing zeros."""
    text = format(Decimal(number).normalize(), "f")
    return sign + text


def _rectangular(text: str) -> str:
    """Every line padded with commas to the widest, as Excel writes a sheet back out."""
    lines = text.split("\n")
    while lines and lines[-1] == "":
        lines.pop()
    rows = [_fields(line) if line else [] for line in lines]
    width = max(len(r) for r in rows)
    return "\n".join(_joined(r + [""] * (width - len(r))) for r in rows) + "\n"


# --- the variants ------------------------------------------------------------------------


def text_variants(original: Original) -> Iterator[Variant]:
    """Encodings, line ends, BOMs, blank and footer lines: for every text statement."""
    text, suffix = original.text, original.suffix
    other_end = "\n" if original.line_end == "\r\n" else "\r\n"
    yield Variant("other-line-end", _encode(text, original.encoding, other_end), suffix)
    yield Variant(
        "mac-line-end", _encode(text, original.encoding.replace("-sig", ""), "\r"), suffix
    )
    yield Variant("utf8", _encode(text, "utf-8", original.line_end), suffix)
    yield Variant("utf8-bom", _encode(text, "utf-8", original.line_end, bom=True), suffix)
    yield Variant("utf16-bom", _encode(text, "utf-16", original.line_end), suffix)
    gbk = _gbk_or_none(text.replace("\n", original.line_end))
    if gbk is not None:
        yield Variant("gb18030", gbk, suffix)
    stripped = text.rstrip("\n")
    for name, tail in (("blank-lines-after", "\n\n\n"), ("no-last-line-end", "")):
        yield Variant(name, _encode(stripped + tail, original.encoding, original.line_end), suffix)
    zipped = _zip(original.name, original.data)
    yield Variant("zip-aes", zipped, ".zip", PASSWORD)


def table_variants(original: Original) -> Iterator[Variant]:
    """Re-saves and re-printed values of a CSV statement (one record per line)."""
    encoding, end, suffix = original.encoding, original.line_end, original.suffix

    def encoded(text: str) -> bytes:
        return _encode(text, encoding, end)

    yield Variant(
        "slashed-dates", encoded(_map_rows(original, _each_field(_slashed(True, False)))), suffix
    )
    yield Variant("no-seconds", encoded(_map_rows(original, _each_field(_no_seconds))), suffix)
    yield Variant(
        "yen-sign",
        encoded(_map_rows(original, _each_field(_money(lambda s, n: f"{s}¥{n}")))),
        suffix,
    )
    yield Variant(
        "full-width-yen",
        encoded(_map_rows(original, _each_field(_money(lambda s, n: f"{s}￥{n}")))),
        suffix,
    )
    yield Variant(
        "thousands", encoded(_map_rows(original, _each_field(_money(_thousands)))), suffix
    )
    yield Variant(
        "full-width-digits",
        encoded(
            _map_rows(original, _each_field(_money(lambda s, n: s + n.translate(_FULL_WIDTH))))
        ),
        suffix,
    )
    yield Variant(
        "trailing-tab",
        encoded(_map_rows(original, lambda fields: [f + "\t" if f else f for f in fields])),
        suffix,
    )
    yield Variant(
        "footer-line",
        encoded(original.text.rstrip("\n") + "\n\n导出时间：2024-05-06 07:08:09\n"),
        suffix,
    )
    lines = original.text.split("\n")
    header = _header_line(original)
    deeper = [*lines[:header], "", *lines[header:]]
    yield Variant("blank-line-above-header", encoded("\n".join(deeper)), suffix)
    changes = (
        ("columns-swapped", _swap_first_two),
        ("columns-reversed", _reversed),
        ("extra-column", _extra_column),
        ("fields-trimmed", _trimmed),
    )
    width = len(_fields(lines[header]))
    # The header, the records and a footer of totals under the columns: what moves with a
    # column moved in a spreadsheet (a line of one or two fields is a title or a note).
    table = [header + 1, *sorted(original.data_lines)]
    table += [n for n in range(table[-1] + 1, len(lines) + 1) if len(_fields(lines[n - 1])) > 2]
    for name, change in changes:
        changed = list(lines)
        for number in table:
            fields = _fields(changed[number - 1])
            fields += [""] * (width - len(fields))  # a short footer, as a sheet's grid has it
            changed[number - 1] = _joined(change(fields, number == header + 1, width))
        yield Variant(name, encoded("\n".join(changed)), suffix)
    yield from _excel_csv(original)
    yield Variant("excel-xlsx", _csv_as_workbook(original), ".xlsx")
    records = [_fields(line) for line in original.text.rstrip("\n").split("\n")]
    tsv = "\n".join("\t".join(f.replace("\t", "") for f in r) for r in records) + "\n"
    yield Variant("excel-unicode-text", _encode(tsv, "utf-16", "\r\n"), ".txt")
    tab_text = _gbk_or_none(tsv.replace("\n", "\r\n"))
    if tab_text is not None:
        yield Variant("excel-tab-text", tab_text, ".txt")
    yield Variant("preamble-deleted", encoded("\n".join(lines[header:])), suffix)


def _swap_first_two(fields: list[str], is_header: bool, width: int) -> list[str]:
    return [fields[1], fields[0], *fields[2:]] if len(fields) > 1 else fields


def _reversed(fields: list[str], is_header: bool, width: int) -> list[str]:
    """The header's columns in the opposite order; fields past them (a trailing comma
    on the records only) stay at the end."""
    return fields[:width][::-1] + fields[width:]


def _trimmed(fields: list[str], is_header: bool, width: int) -> list[str]:
    return [f.strip(" \t") for f in fields]


def _extra_column(fields: list[str], is_header: bool, width: int) -> list[str]:
    return ["标记" if is_header else "x", *fields]


def _excel_csv(original: Original) -> Iterator[Variant]:
    """Opened in Excel (zh-CN) and saved as CSV: ANSI (GBK), CRLF, no quotes it does not
    need, a rectangular grid, dates in its short form without seconds, amounts in General."""
    row = _each_field(lambda v: _money(_excel_number)(_slashed(False, False)(v)))
    text = _rectangular(_map_rows(original, row))
    data = _gbk_or_none(text.replace("\n", "\r\n"))
    if data is not None:
        yield Variant("excel-csv", data, original.suffix)
    yield Variant("excel-csv-utf8", _encode(text, "utf-8", "\r\n", bom=True), original.suffix)


def _cell(value: str, record: bool) -> object:
    """A CSV field as Excel stores it when it opens the file: numbers and dates typed."""
    core = value.strip(" \t")
    if not record or not core:
        return value
    found = _ISO_TIME.fullmatch(core)
    if found:
        parts = [int(p) for p in found.groups() if p is not None]
        return dt.datetime(*parts) if len(parts) > 3 else dt.datetime(*parts[:3])
    if re.fullmatch(r"-?(?:0|[1-9]\d{0,11})(?:\.\d+)?", core):
        return float(core) if "." in core else int(core)
    return value


def _csv_as_workbook(original: Original) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for number, line in enumerate(original.text.rstrip("\n").split("\n"), start=1):
        record = number in original.data_lines
        for column, value in enumerate(_fields(line), start=1):
            cell = sheet.cell(number, column, _cell(value, record))
            if isinstance(cell.value, dt.datetime):
                cell.number_format = "yyyy/m/d h:mm:ss" if cell.value.time() else "yyyy/m/d"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def sheet_variants(original: Original) -> Iterator[Variant]:
    """A workbook saved again by Excel or WPS: as .xlsx with its cell types kept, with
    text amounts and dates typed as numbers and dates, or numbers turned to text; a sheet
    of notes put before it, blank rows and a note below; its sheet saved as CSV (UTF-8
    and ANSI); in a ZIP."""
    book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(original.data))
    sheets = {
        name: book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        for name in book.sheet_names
    }
    records = original.data_lines

    def typed(row: int, value: object) -> object:
        return _cell(value, row in records) if isinstance(value, str) else value

    def as_text(row: int, value: object) -> object:
        if row not in records or isinstance(value, str) or value is None:
            return value
        if isinstance(value, dt.datetime):
            return f"{value.year}/{value.month}/{value.day} {value:%H:%M:%S}"
        return format(Decimal(repr(value)).normalize(), "f") if isinstance(value, float) else value

    yield Variant("saved-as-xlsx", _workbook(sheets), ".xlsx")
    yield Variant("text-typed-as-numbers", _workbook(sheets, typed), ".xlsx")
    yield Variant("numbers-as-text", _workbook(sheets, as_text), ".xlsx")
    yield Variant("notes-sheet-first", _workbook({"说明": [["自己的笔记"]], **sheets}), ".xlsx")
    last = max(records)
    padded = {
        name: [*rows, [], [], ["核对过 2024-05-06"]] if len(rows) >= last else rows
        for name, rows in sheets.items()
    }
    yield Variant("note-below", _workbook(padded), ".xlsx")
    rows = next(rows for rows in sheets.values() if len(rows) >= last)
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows([_printed(c) for c in r] for r in rows)
    yield Variant("saved-as-csv", b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"), ".csv")
    gbk = _gbk_or_none(out.getvalue())
    if gbk is not None:
        yield Variant("saved-as-csv-ansi", gbk, ".csv")
    yield Variant("zip-aes", _zip(original.name, original.data), ".zip", PASSWORD)


def _printed(value: object) -> str:
    """A cell as Excel writes it into a CSV (zh-CN): short dates, numbers in General."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return f"{value.year}/{value.month}/{value.day} {value.hour}:{value.minute:02d}"
    if isinstance(value, float):
        return format(Decimal(repr(value)).normalize(), "f")
    return str(value)


def _workbook(
    sheets: dict[str, list[list[object]]],
    change: Callable[[int, object], object] = lambda row, value: value,
) -> bytes:
    out = Workbook()
    first = True
    for name, rows in sheets.items():
        sheet = out.active if first else out.create_sheet()
        assert sheet is not None
        sheet.title = name[:31]
        first = False
        for r, values in enumerate(rows, start=1):
            for c, value in enumerate(values, start=1):
                value = change(r, value)
                if value not in ("", None):
                    cell = sheet.cell(r, c, value)
                    if isinstance(value, dt.datetime):
                        cell.number_format = "yyyy/m/d h:mm:ss"
    data = io.BytesIO()
    out.save(data)
    return data.getvalue()


def _zip(name: str, data: bytes) -> bytes:
    out = io.BytesIO()
    with pyzipper.AESZipFile(out, "w", compression=pyzipper.ZIP_DEFLATED) as archive:
        archive.setpassword(PASSWORD.encode())
        archive.setencryption(pyzipper.WZ_AES, nbits=256)
        archive.writestr(name, data)
    return out.getvalue()


def variants(original: Original) -> list[Variant]:
    """Every variant that fits the original's kind."""
    if original.kind in ("xls", "xlsx"):
        return list(sheet_variants(original))
    found = list(text_variants(original))
    if original.is_table:
        found += list(table_variants(original))
    return found


def cut_off(original: Original) -> bytes | None:
    """The file cut in the middle of its last record (a download that stopped), or None."""
    if not original.is_table:
        return None
    lines = original.data.split(b"\n")
    last = max(original.data_lines) - 1
    keep = [*lines[:last], lines[last][: len(lines[last]) // 3]]
    return b"\n".join(keep)
