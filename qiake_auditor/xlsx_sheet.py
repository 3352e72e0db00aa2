"""One sheet of text and number cells written as an XLSX workbook, a block of rows at a
time, the cells made by Arrow kernels.

openpyxl spends about 5 us per cell (a million-row view of ten columns: a minute and a
half); here a block's cells are made column by column in Arrow and their bytes written
straight into the zip. Only what the exports need: text cells (inline strings, so a
text starting with ``=`` is never a formula), whole numbers, and exact decimal amounts
shown with all their decimals (two at least).
"""

from __future__ import annotations

import contextlib
import zipfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from . import ooxml
from .vstr import arrow_text, value_bytes

_DECIMAL = r"^-?[0-9]+(\.[0-9]+)?$"
_NO_TEXT = pa.scalar("", pa.large_string())


def _t(text: str) -> pa.Scalar:
    """A literal piece of XML, of the type the columns have."""
    return pa.scalar(text, pa.large_string())


class SheetWriter:
    """Writes ``path`` as a workbook of one sheet: :meth:`add` appends rows,
    :meth:`close` ends the sheet and writes the rest of the workbook.

    ``amounts``: the columns holding decimal texts, written as number cells.
    """

    def __init__(self, path: Path, sheet: str, titles: Sequence[str], amounts: Sequence[str]):
        self._zip = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1)
        self._amounts = set(amounts)
        self._letters = ooxml.column_letters(len(titles))
        self._places: set[int] = {2}  # decimals of the amounts written: one style each
        self._written = 0  # rows, the header among them
        for name, text in ooxml.parts(sheet):
            self._zip.writestr(name, text.encode("utf-8"))
        self._stream = self._zip.open("xl/worksheets/sheet1.xml", "w", force_zip64=True)
        self._stream.write(f'{ooxml.XML_HEAD}<worksheet xmlns="{ooxml.MAIN}"><sheetData>'.encode())
        self.add(pd.DataFrame([list(titles)], columns=[f"title {i}" for i in range(len(titles))]))

    def add(self, rows: pd.DataFrame) -> None:
        """Append ``rows``, one cell per column in order (an empty text: no cell)."""
        if rows.empty:
            return
        numbers = pa.array(
            np.arange(self._written + 1, self._written + 1 + len(rows)).astype(str),
            pa.large_string(),
        )
        cells = [
            self._cells(rows[name], letter, numbers)
            for name, letter in zip(rows.columns, self._letters, strict=True)
        ]
        row_starts = pc.binary_join_element_wise(_t('<row r="'), numbers, _t('">'), _NO_TEXT)
        joined = pc.binary_join_element_wise(row_starts, *cells, _t("</row>"), _NO_TEXT)
        self._stream.write(value_bytes(pa.array(joined)).tobytes())
        self._written += len(rows)

    def _cells(self, values: pd.Series, letter: str, numbers: pa.Array) -> pa.Array:
        """One column's cells of a block of rows (an empty string where no cell)."""
        where = pc.binary_join_element_wise(_t(f'<c r="{letter}'), numbers, _t('"'), _NO_TEXT)
        if pd.api.types.is_integer_dtype(values.dtype) and not values.isna().any():
            texts = pa.array(values.astype("int64").astype(str).to_numpy(), pa.large_string())
            return pc.binary_join_element_wise(where, _t("><v>"), texts, _t("</v></c>"), _NO_TEXT)
        text = arrow_text(values)
        empty = pc.equal(pc.utf8_length(text), 0)
        if values.name in self._amounts:
            number = pc.match_substring_regex(text, _DECIMAL)
            places = self._decimals(text, number)
            style = pc.cast(pc.add(pc.max_element_wise(places, 2), -1), pa.large_string())
            as_number = pc.binary_join_element_wise(
                where, _t(' s="'), style, _t('"><v>'), text, _t("</v></c>"), _NO_TEXT
            )
        else:
            number = None
        clean = pc.replace_substring_regex(text, ooxml.NOT_XML, "")
        for special, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;")):
            clean = pc.replace_substring(clean, special, entity)
        as_text = pc.binary_join_element_wise(
            where,
            _t(' t="inlineStr"><is><t xml:space="preserve">'),
            clean,
            _t("</t></is></c>"),
            _NO_TEXT,
        )
        cells = as_text if number is None else pc.if_else(number, as_number, as_text)
        return pc.if_else(empty, _NO_TEXT, cells)

    def _decimals(self, text: pa.Array, number: pa.Array) -> pa.Array:
        """Each amount's number of decimals (0 for a text that is no decimal), noted so
        that close() declares a number format for each."""
        point = pc.find_substring(text, ".")
        places = pc.if_else(
            pc.and_(number, pc.greater_equal(point, 0)),
            pc.subtract(pc.subtract(pc.utf8_length(text), point), 1),
            0,
        )
        if len(places):
            self._places.update(max(2, p) for p in pc.unique(places).to_pylist() if p is not None)
        return places

    def close(self) -> None:
        """End the sheet and write the workbook's other parts."""
        self._stream.write(b"</sheetData></worksheet>")
        self._stream.close()
        self._zip.writestr("xl/styles.xml", self._styles().encode("utf-8"))
        self._zip.close()

    def abandon(self) -> None:
        """Close the file without finishing it (a stop or a failure: it is removed).
        Closing may fail again (a full disk): the first failure is the one told."""
        for close in (self._stream.close, self._zip.close):
            with contextlib.suppress(Exception):
                close()

    def _styles(self) -> str:
        """Number formats 0.00, 0.000, ...: the style of ``n`` decimals is n - 1 (style 0
        is the default), as _cells() numbers them."""
        top = max(self._places)
        formats = "".join(
            f'<numFmt numFmtId="{162 + n}" formatCode="0.{"0" * n}"/>' for n in range(2, top + 1)
        )
        styles = "".join(
            f'<xf numFmtId="{162 + n}" fontId="0" fillId="0" borderId="0" xfId="0"'
            ' applyNumberFormat="1"/>'
            for n in range(2, top + 1)
        )
        return _STYLES.format(count=top - 1, formats=formats, xf_count=top, styles=styles)


_STYLES = (
    ooxml.XML_HEAD + f'<styleSheet xmlns="{ooxml.MAIN}">'
    '<numFmts count="{count}">{formats}</numFmts>'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="{xf_count}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    "{styles}</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)
