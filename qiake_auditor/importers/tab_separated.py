"""A statement saved by Excel as "Unicode Text" (UTF-16, fields between tabs), read as CSV.

Opening a bill in Excel and choosing 另存为 → Unicode 文本 writes UTF-16 with a BOM and a
tab between fields (quoted where a field holds a tab, a quote or a line break). Every
text layout here is comma-separated, and tabs are padding to them, so such a file is
written back as the comma-separated text it was, line for line; the user's bytes are
still what is hashed and kept.
"""

from __future__ import annotations

import codecs
import csv
import io

# Lines looked at to tell fields between tabs from commas with tab padding.
_HEAD_LINES = 60


def as_csv(data: bytes) -> bytes | None:
    """The file as UTF-8 CSV where it is tab-separated UTF-16 with a BOM, else None."""
    if not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError:
        return None  # the decoder names the line later
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    head = [line for line in text.split("\n", _HEAD_LINES)[:_HEAD_LINES] if line.strip()]
    tabs = sum(line.count("\t") for line in head)
    commas = sum(line.count(",") for line in head)
    widest = max(head, key=lambda line: line.count("\t"), default="")
    if widest.count("\t") < 2 or widest.count(",") >= widest.count("\t") or commas >= tabs:
        return None  # commas between the fields, tabs as padding (or no table at all)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    try:
        for record in csv.reader(io.StringIO(text, newline=""), delimiter="\t", strict=False):
            writer.writerow(record)
    except csv.Error:
        return None
    return out.getvalue().encode("utf-8")
