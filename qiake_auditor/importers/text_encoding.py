"""Which encoding a statement's bytes are in, and decoding them with the line named.

Statement files come in UTF-8 (with or without BOM), GBK/GB18030, UTF-16 (with or
without BOM) and, from European banks, Windows-1252. Identification looks only at the
head; a decoding error names the physical line where the bad bytes are.
"""

from __future__ import annotations

import codecs
import re

from ..errors import StatementError
from . import big_bytes

HEAD_BYTES = 64 * 1024


def guess_encoding(data: bytes) -> str | None:
    """The encoding of a text file, or None if the bytes are not text we know."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = data[:HEAD_BYTES]
    if len(sample) >= 4 and sample.count(b"\x00") > len(sample) // 4:
        # UTF-16 without BOM: every other byte of ASCII text is NUL.
        return "utf-16-le" if sample[1:2] == b"\x00" else "utf-16-be"
    if b"\x00" in sample:
        return None
    for encoding in ("utf-8", "gb18030"):
        if _decodes(sample, encoding, truncated=len(data) > len(sample)):
            return encoding
    if _WESTERN_TEXT.fullmatch(sample) and _decodes(sample, "cp1252", truncated=False):
        # European bank files (OFX with CHARSET:1252, MT940) in a Windows code page.
        return "cp1252"
    return None


# Bytes of a text file: no control characters other than tab, line ends, form feed, EOF mark.
_WESTERN_TEXT = re.compile(rb"[^\x00-\x08\x0b\x0e-\x19\x1b-\x1f\x7f]*")


def _decodes(sample: bytes, encoding: str, truncated: bool) -> bool:
    if truncated:  # a multi-byte character may be cut at the end of the sample
        cut = sample.rfind(b"\n")
        sample = sample[: cut + 1] if cut > 0 else sample[:-4]
    try:
        sample.decode(encoding)
    except UnicodeDecodeError as exc:
        # A file cut inside its last character is still this encoding; decode() says it is cut.
        return not truncated and _cut_at_end(exc, len(sample))
    return True


def _cut_at_end(exc: UnicodeDecodeError, size: int) -> bool:
    return exc.end >= size and exc.reason in (
        "unexpected end of data",
        "incomplete multibyte sequence",
    )


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Decode a whole text file; line ends become ``\n``. Returns (text, encoding)."""
    encoding = guess_encoding(data)
    if encoding is None:
        raise StatementError.of("statement.not_text", source=source)
    return decode_region(data, encoding, source).lstrip("\ufeff"), encoding


def decode_region(data: bytes | bytearray, encoding: str, source: str, first_line: int = 1) -> str:
    """``data`` (whose first line is line ``first_line`` of the file) as text with ``\n``."""
    try:
        return _in_pieces(data, encoding)
    except UnicodeDecodeError:
        pass  # the one call below finds the same bad bytes, and where they are
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = first_line + data[: exc.start].count(b"\n")
        if _cut_at_end(exc, len(data)):
            raise StatementError.of("statement.cut_in_character", source=source, row=line) from exc
        raise StatementError.of(
            "statement.bad_bytes", source=source, row=line, encoding=encoding
        ) from exc
    return _unix_line_ends(text)


def _in_pieces(data: bytes | bytearray, encoding: str) -> str:
    """``_unix_line_ends(data.decode(encoding))``, a slice at a time (big_bytes.decoded).

    One decode of a 150 MB bill holds the GIL for about half a second (the window,
    whose import runs on a worker, freezes meanwhile). A CR at a piece's end waits for
    the next piece: it may be half of a CR LF."""
    pieces: list[str] = []
    carried = ""
    for piece in big_bytes.decoded(data, encoding):
        piece, carried = carried + piece, ""
        if piece.endswith("\r"):
            piece, carried = piece[:-1], "\r"
        pieces.append(_unix_line_ends(piece))
    pieces.append(_unix_line_ends(carried))
    return "".join(pieces)


def _unix_line_ends(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def decode_head(data: bytes) -> str:
    """The first lines of a text file, for identification ('' if not text)."""
    encoding = guess_encoding(data)
    if encoding is None:
        return ""
    sample = data[:HEAD_BYTES]
    text = sample.decode(encoding, errors="ignore")
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
