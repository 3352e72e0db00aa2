"""A statement saved by Excel as tab-separated text, read as the CSV it was saved from.

Opening a bill in Excel and choosing 另存为 → Unicode 文本 writes UTF-16 with a BOM, and
文本文件(制表符分隔) writes the system code page (GBK), with a tab between fields (quoted
where a field holds a tab, a quote or a line break). Every
text layout here is comma-separated, and tabs are padding to them, so such a file is
written back as the comma-separated text it was, line for line; the user's bytes are
still what is hashed and kept.
"""

from __future__ import annotations

import csv
import io

from . import text_encoding

# Lines looked at to tell fields between tabs from commas with tab padding.
_HEAD_LINES = 60


def as_csv(data: bytes) -> bytes | None:
    """The file as UTF-8 CSV where it is tab-separated text, else None."""
    if b"\t" not in data[: text_encoding.HEAD_BYTES]:
        return None  # the common case: one search, no decoding
    head = _lines(text_encoding.decode_head(data))
    if not _tab_separated(head):
        return None
    encoding = text_encoding.guess_encoding(data)
    try:
        text = data.decode(encoding or "")
    except (UnicodeDecodeError, LookupError):
        return None  # the decoder names the line later
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    try:
        for record in csv.reader(io.StringIO(text, newline=""), delimiter="\t", strict=False):
            writer.writerow(record)
    except csv.Error:
        return None
    return out.getvalue().encode("utf-8")


def _lines(head: str) -> list[str]:
    return [line for line in head.split("\n", _HEAD_LINES)[:_HEAD_LINES] if line.strip()]


def _tab_separated(head: list[str]) -> bool:
    """A table with fields between tabs: a header line of three or more filled fields
    between tabs and no comma, and more tabs than commas. Not commas with tabs as padding
    (``"2023…\t",``), not a document indented with tabs (OFX, XML)."""
    if not head or head[0].lstrip("\ufeff \t").startswith(("<", "OFXHEADER")):
        return False
    tabs = sum(line.count("\t") for line in head)
    commas = sum(line.count(",") for line in head)
    header = any(  # names between tabs; a CSV line with tab padding has commas too
        "," not in line and len(cells) >= 3 and all(c.strip() for c in cells)
        for line, cells in ((line, line.rstrip("\t\r").split("\t")) for line in head)
    )
    return header and commas < tabs
