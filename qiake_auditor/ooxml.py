"""The parts every one-sheet XLSX workbook of ours shares (SpreadsheetML packaging),
for the two writers: the evidence tables (:mod:`.outputs.evidence.xlsx`, a few
thousand rows, cell by cell) and the exports (:mod:`.xlsx_sheet`, a million rows, made
by Arrow kernels)."""

from __future__ import annotations

from xml.sax.saxutils import escape

_OOXML = "http://schemas.openxmlformats.org"
_RELATIONSHIPS = f"{_OOXML}/officeDocument/2006/relationships"
_SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
MAIN = f"{_OOXML}/spreadsheetml/2006/main"  # the namespace of a sheet and its styles
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

# XML 1.0 holds no other control characters (nor U+FFFE, U+FFFF): text drops them.
NOT_XML = "[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]"

CONTENT_TYPES = (
    XML_HEAD + f'<Types xmlns="{_OOXML}/package/2006/content-types">'
    '<Default Extension="rels"'
    ' ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_SHEET_TYPE}.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml"'
    f' ContentType="{_SHEET_TYPE}.worksheet+xml"/>'
    f'<Override PartName="/xl/styles.xml" ContentType="{_SHEET_TYPE}.styles+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    XML_HEAD + f'<Relationships xmlns="{_OOXML}/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
WORKBOOK_RELS = (
    XML_HEAD + f'<Relationships xmlns="{_OOXML}/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_RELATIONSHIPS}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_RELATIONSHIPS}/styles" Target="styles.xml"/>'
    "</Relationships>"
)


def workbook(sheet: str) -> str:
    """The workbook part naming its one sheet (at most 31 characters, as Excel allows)."""
    name = escape(sheet[:31], {'"': "&quot;"})
    return (
        XML_HEAD + f'<workbook xmlns="{MAIN}" xmlns:r="{_RELATIONSHIPS}">'
        f'<sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )


def parts(sheet: str) -> list[tuple[str, str]]:
    """(name, text) of the parts around the sheet and its styles."""
    return [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", ROOT_RELS),
        ("xl/workbook.xml", workbook(sheet)),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
    ]


def column_name(index: int) -> str:
    """A, B, ..., Z, AA, ...: the name of the column at ``index`` (from 0)."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def column_letters(count: int) -> list[str]:
    """The names of the first ``count`` columns."""
    return [column_name(i) for i in range(count)]
