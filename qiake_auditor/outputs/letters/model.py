# ruff: noqa: E501 - WordprocessingML fragments read better whole
"""A letter as a few blocks (title, paragraphs, tables), rendered to DOCX and TXT."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field


@dataclass
class Letter:
    kind: str
    lang: str
    title: str
    blocks: list[tuple] = field(default_factory=list)  # ("h"|"p", text) or ("t", head, rows)
    short: str = ""  # the in-app form text (L2)

    def h(self, text: str) -> None:
        self.blocks.append(("h", text))

    def p(self, text: str) -> None:
        self.blocks.append(("p", text))

    def table(self, head: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
        self.blocks.append(("t", head, rows))

    def text(self) -> str:
        lines = [self.title, "=" * 40, ""]
        for block in self.blocks:
            if block[0] == "h":
                lines += ["", block[1], "-" * 20]
            elif block[0] == "p":
                lines += [block[1], ""]
            else:
                _, head, rows = block
                lines.append(" | ".join(head))
                lines += [" | ".join(r) for r in rows]
                lines.append("")
        if self.short:
            lines += ["", "-" * 40, self.short]
        return "\n".join(lines).rstrip() + "\n"

    def txt_bytes(self) -> bytes:
        return self.text().replace("\n", "\r\n").encode("utf-8-sig")

    def docx_bytes(self) -> bytes:
        from docx import Document
        from docx.oxml.ns import qn
        from docx.shared import Pt

        doc = Document()
        style = doc.styles["Normal"]
        style.font.name = "Microsoft YaHei" if self.lang == "zh" else "Calibri"
        style.font.size = Pt(10.5)
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), "Microsoft YaHei")
        doc.core_properties.title = self.title
        doc.core_properties.author = "qiake-auditor"
        doc.add_heading(self.title, level=1)
        tables: list[str] = []
        for block in self.blocks:
            if block[0] == "h":
                doc.add_heading(block[1], level=2)
            elif block[0] == "p":
                _marked_paragraph(doc, block[1])
            else:
                _, head, rows = block
                doc.add_paragraph(f"QKTABLE{len(tables)}QK")
                tables.append(_table_xml(head, rows))
                doc.add_paragraph("")
        if self.short:
            doc.add_heading("300字以内版本" if self.lang == "zh" else "Short version", level=2)
            _marked_paragraph(doc, self.short)
        out = io.BytesIO()
        doc.save(out)
        return _put_tables(out.getvalue(), tables) if tables else out.getvalue()


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
PLACEHOLDER = re.compile(r"(【请填写：[^】]*】|\[FILL IN: [^\]]*\])")


def _marked_paragraph(doc, text: str) -> None:
    """A paragraph whose placeholders (【请填写：…】, [FILL IN: …]) are highlighted in yellow
    and bold, so none is overlooked before the letter is sent."""
    from docx.enum.text import WD_COLOR_INDEX

    paragraph = doc.add_paragraph()
    for number, part in enumerate(PLACEHOLDER.split(text)):
        if not part:
            continue
        run = paragraph.add_run(_clean(part))
        if number % 2:
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
            run.bold = True


def _clean(text: str) -> str:
    """XML 1.0 cannot hold most control characters: drop them."""
    return _CONTROL.sub("", text) if _CONTROL.search(text) else text


def _table_xml(head: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    """A ruled Word table as WordprocessingML text."""
    from xml.sax.saxutils import escape

    def row(cells: tuple[str, ...], header: bool = False) -> str:
        bold = "<w:rPr><w:b/></w:rPr>" if header else ""
        return (
            "<w:tr>"
            + "".join(
                f'<w:tc><w:p><w:r>{bold}<w:t xml:space="preserve">{escape(_clean(c))}</w:t></w:r></w:p></w:tc>'
                for c in cells
            )
            + "</w:tr>"
        )

    grid = "".join("<w:gridCol/>" for _ in head)
    return (
        '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/>'
        '<w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>'
        + grid
        + "</w:tblGrid>"
        + row(head, True)
        + "".join(row(r) for r in rows)
        + "</w:tbl>"
    )


_MARK = re.compile(
    r"<w:p>(?:<w:pPr>(?:(?!</w:p>).)*?</w:pPr>)?<w:r><w:t>QKTABLE(\d+)QK</w:t></w:r></w:p>"
)


def _put_tables(docx: bytes, tables: list[str]) -> bytes:
    """Put each table where its marker paragraph is, as text in word/document.xml.

    python-docx builds a table cell by cell, which takes seconds for the thousands of
    charges of a large case; the tables are put in as text after it saved the rest.
    """
    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                text = _MARK.sub(lambda m: tables[int(m.group(1))], data.decode("utf-8"))
                data = text.encode("utf-8")
            target.writestr(info, data)
    return out.getvalue()
