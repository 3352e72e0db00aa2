# ruff: noqa: E501 - SpreadsheetML boilerplate is kept as written in the standard
"""A minimal, fast XLSX writer for one sheet (inline strings, numbers, date-times).

Cells: ``str`` -> inline string (type ``inlineStr``: never evaluated as a formula),
``int`` / ``Decimal`` -> number (amounts with two decimals), ``datetime`` -> a date
cell with a date-time format, ``None`` -> empty.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from decimal import Decimal
from xml.sax.saxutils import escape

from ... import ooxml

_EPOCH = datetime(1899, 12, 30)
_STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>"""
_CONTROL = re.compile(ooxml.NOT_XML)


def _clean(text: str) -> str:
    """XML 1.0 cannot hold most control characters: drop them."""
    return _CONTROL.sub("", text) if _CONTROL.search(text) else text


class Sheet:
    def __init__(self, name: str) -> None:
        self.name = name[:31]
        self.rows: list[str] = []
        self.width = 0
        self._letters: list[str] = []

    def _cells(self, values, number: int, bold: bool = False) -> str:
        parts = []
        while len(self._letters) < len(values):
            self._letters.append(ooxml.column_name(len(self._letters)))
        for letter, value in zip(self._letters, values, strict=False):
            ref = f"{letter}{number}"
            if value is None or value == "":
                continue
            if isinstance(value, datetime):
                serial = (value - _EPOCH).total_seconds() / 86400
                parts.append(f'<c r="{ref}" s="1"><v>{serial!r}</v></c>')
            elif isinstance(value, Decimal):
                parts.append(f'<c r="{ref}" s="2"><v>{value}</v></c>')
            elif isinstance(value, int | float):
                parts.append(f'<c r="{ref}"><v>{value}</v></c>')
            else:
                style = ' s="3"' if bold else ""
                parts.append(
                    f'<c r="{ref}" t="inlineStr"{style}><is><t xml:space="preserve">'
                    f"{escape(_clean(str(value)))}</t></is></c>"
                )
        return f'<row r="{number}">' + "".join(parts) + "</row>"

    def header(self, names) -> None:
        self.width = len(names)
        self.rows.append(self._cells(names, len(self.rows) + 1, bold=True))

    def append(self, values) -> None:
        self.width = max(self.width, len(values))
        self.rows.append(self._cells(values, len(self.rows) + 1))

    def to_bytes(self) -> bytes:
        last = f"{ooxml.column_name(max(self.width, 1) - 1)}{max(len(self.rows), 1)}"
        sheet = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f'<dimension ref="A1:{last}"/>'
            '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
            'activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
            "<sheetData>" + "".join(self.rows) + "</sheetData></worksheet>"
        )
        out = io.BytesIO()
        stamp = (2000, 1, 1, 0, 0, 0)
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, text in [
                *ooxml.parts(self.name),
                ("xl/styles.xml", _STYLES),
                ("xl/worksheets/sheet1.xml", sheet),
            ]:
                info = zipfile.ZipInfo(name, date_time=stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, text.encode("utf-8"))
        return out.getvalue()
