"""What a workbook says, independent of how its XML was serialised.

openpyxl writes different (equally valid) bytes with and without lxml installed, so
"the committed fixture is what the generator writes" compares contents, not bytes.
"""

from __future__ import annotations

import io

from openpyxl import load_workbook


def xlsx_content(data: bytes) -> list[tuple]:
    """Sheet names, cell values and number formats, merged ranges, in order."""
    book = load_workbook(io.BytesIO(data))
    out: list[tuple] = []
    for sheet in book.worksheets:
        out.append(("sheet", sheet.title, tuple(sorted(map(str, sheet.merged_cells.ranges)))))
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None:
                    out.append((cell.coordinate, cell.value, cell.number_format))
    book.close()
    return out
