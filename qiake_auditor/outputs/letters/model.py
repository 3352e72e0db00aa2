"""A letter as a few blocks (title, paragraphs, tables), rendered to DOCX and TXT."""

from __future__ import annotations

import io
from dataclasses import dataclass, field


@dataclass
class Letter:
    kind: str
    lang: str
    title: str
    blocks: list[tuple] = field(default_factory=list)   # ("h"|"p", text) or ("t", head, rows)
    short: str = ""                                     # the in-app form text (L2)

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
        for block in self.blocks:
            if block[0] == "h":
                doc.add_heading(block[1], level=2)
            elif block[0] == "p":
                doc.add_paragraph(block[1])
            else:
                _, head, rows = block
                table = doc.add_table(rows=1, cols=len(head))
                table.style = "Table Grid"
                for cell, text in zip(table.rows[0].cells, head, strict=True):
                    cell.text = text
                for row in rows:
                    cells = table.add_row().cells
                    for cell, text in zip(cells, row, strict=True):
                        cell.text = text
                doc.add_paragraph("")
        if self.short:
            doc.add_heading("300字以内版本" if self.lang == "zh" else "Short version", level=2)
            doc.add_paragraph(self.short)
        out = io.BytesIO()
        doc.save(out)
        return out.getvalue()
