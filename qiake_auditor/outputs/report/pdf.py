# ruff: noqa: E501 - bilingual document wording reads better whole than cut at column 100
"""The evidence report (section 5.1 of the reference) as a PDF, with fpdf2.

The CJK font is embedded as a subset with its ToUnicode map, so ``pdftotext`` gives
back exactly the Chinese written. Every page carries the case id and its page number.
"""

from __future__ import annotations

import io
import platform
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from fpdf import FPDF
from fpdf.enums import TextMode, WrapMode, XPos, YPos

from ... import __version__
from ...i18n import counted
from ...masking import Masker
from ...vocab import Cadence, Channel
from ..facts import (
    CaseFacts,
    Party,
    channel_label,
    channel_of,
    citations_for,
    joined,
    money,
    money_totals,
)
from .fonts import FontChoice, find_cjk_font
from .text import T
from .wrap import wrap

INK = (33, 37, 41)
MUTED = (108, 117, 125)
RULE = (173, 181, 189)
ACCENT = (31, 58, 96)
ALERT = (176, 32, 32)
SHADE = (236, 240, 245)
LISTED = 12  # charges written out in the summary and timeline; every one is in section 4


@dataclass
class Exhibit:
    id: str
    path: str  # inside the bag, relative to data/
    role: str
    sha256: str
    size: int
    note: str = ""


@dataclass
class ReportInput:
    facts: CaseFacts
    party: Party
    lang: str = "zh"
    masker: Masker = field(default_factory=Masker)
    exhibits: list[Exhibit] = field(default_factory=list)
    exhibit_of: dict[str, str] = field(default_factory=dict)  # source sha256 -> E-xx
    charts: list[bytes] = field(default_factory=list)  # PNG images
    font: FontChoice | None = None


class _Document(FPDF):
    def __init__(self, case_id: str, lang: str, title: str) -> None:
        super().__init__(format="A4", unit="mm")
        self.case_id = case_id
        self.lang = lang
        self.doc_title = title
        self.set_margins(16, 18, 16)
        self.set_auto_page_break(True, margin=18)
        self.set_creator(f"qiake-auditor {__version__}")
        self.set_title(f"{title} {case_id}")

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font("cjk", size=8)
        self.set_text_color(*MUTED)
        self.set_y(9)
        self.cell(0, 4, f"{self.doc_title}  ·  {self.case_id}", align="L")
        self.set_draw_color(*RULE)
        self.line(self.l_margin, 14, self.w - self.r_margin, 14)
        self.set_y(18)
        self.set_text_color(*INK)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("cjk", size=8)
        self.set_text_color(*MUTED)
        page = T[self.lang]["page"].format(n=self.page_no(), total="{nb}")
        self.cell(0, 4, self.case_id, align="L")
        self.set_x(self.l_margin)
        self.cell(0, 4, page, align="R")
        self.set_text_color(*INK)


class _Writer:
    def __init__(self, data: ReportInput) -> None:
        self.data = data
        self.t = T[data.lang]
        self.lang = data.lang
        self.f = data.facts
        self.case = data.facts.case
        font = data.font or find_cjk_font()
        self.pdf = _Document(self.case.id, data.lang, self.t["title"])
        self.pdf.add_font("cjk", "", str(font.path), collection_font_number=font.index)
        self.pdf.alias_nb_pages("{nb}")
        self.pdf.set_font("cjk", size=10)
        self.width = self.pdf.w - self.pdf.l_margin - self.pdf.r_margin
        # Chinese has no spaces to break at: a line may end after any character
        self.wrap = WrapMode.CHAR if data.lang == "zh" else WrapMode.WORD
        self._widths: dict[float, dict[str, float]] = {}

    # -- primitives -------------------------------------------------------------------------

    def heading(self, text: str, size: float = 13) -> None:
        pdf = self.pdf
        if pdf.get_y() > pdf.h - 50:
            pdf.add_page()
        pdf.ln(3)
        pdf.set_font("cjk", size=size)
        pdf.set_text_color(*ACCENT)
        pdf.text_mode = TextMode.FILL_STROKE
        pdf.set_line_width(0.18)
        pdf.set_draw_color(*ACCENT)
        pdf.cell(0, size * 0.55, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.text_mode = TextMode.FILL
        pdf.set_line_width(0.2)
        pdf.set_draw_color(*RULE)
        y = pdf.get_y() + 1
        pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
        pdf.set_y(y + 2.5)
        pdf.set_text_color(*INK)
        pdf.set_font("cjk", size=10)

    def para(self, text: str, size: float = 10, colour: tuple = INK, gap: float = 1.5) -> None:
        pdf = self.pdf
        pdf.set_font("cjk", size=size)
        pdf.set_text_color(*colour)
        pdf.multi_cell(
            self.width,
            size * 0.5,
            self.wrapped(text, self.width, size),
            align="L",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
            wrapmode=self.wrap,
        )
        pdf.ln(gap)
        pdf.set_text_color(*INK)

    def facts_table(self, rows: Sequence[tuple[str, str]], label_width: float = 48) -> None:
        pdf = self.pdf
        for label, value in rows:
            if pdf.get_y() > pdf.h - pdf.b_margin - 12:
                pdf.add_page()
            pdf.set_font("cjk", size=9.5)
            pdf.set_text_color(*MUTED)
            top = pdf.get_y()
            pdf.multi_cell(
                label_width - 2,
                5.5,
                self.wrapped(label, label_width - 2, 9.5),
                new_x=XPos.LMARGIN,
                new_y=YPos.NEXT,
                wrapmode=self.wrap,
                align="L",
            )
            below_label = pdf.get_y()
            pdf.set_xy(pdf.l_margin + label_width, top)
            pdf.set_text_color(*INK)
            pdf.multi_cell(
                self.width - label_width,
                5.5,
                self.wrapped(value, self.width - label_width, 9.5),
                new_x=XPos.LMARGIN,
                new_y=YPos.NEXT,
                wrapmode=self.wrap,
                align="L",
            )
            pdf.set_y(max(below_label, pdf.get_y()))
            pdf.set_draw_color(*SHADE)
            pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
        pdf.ln(2)

    def grid(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        aligns: Sequence[str] | None = None,
        size: float = 7.5,
        highlight: Sequence[bool] | None = None,
    ) -> None:
        """A ruled table, header repeated on every page; a cell too wide for its column
        wraps onto more lines (an order id or a file name is never cut short)."""
        pdf = self.pdf
        aligns = aligns or ["L"] * len(widths)
        height = size * 0.62

        def draw_header() -> None:
            pdf.set_font("cjk", size=size)
            pdf.set_fill_color(*SHADE)
            pdf.set_text_color(*ACCENT)
            for text, width, align in zip(header, widths, aligns, strict=True):
                pdf.cell(
                    width,
                    height + 1,
                    text,
                    border="B",
                    fill=True,
                    align="R" if align == "R" else "L",
                )
            pdf.ln(height + 1)
            pdf.set_text_color(*INK)

        draw_header()
        bottom = pdf.h - pdf.b_margin
        lefts = [pdf.l_margin + sum(widths[:i]) for i in range(len(widths))]
        right = pdf.l_margin + sum(widths)
        # text() and line() per cell: ten thousand rows must not take cell()'s layout time
        for index, row in enumerate(rows):
            cells = []
            for text, width in zip(row, widths, strict=True):
                wide = self.text_width(text, size) if text else 0.0
                if wide > width - 1.5:
                    cells.append(self.lines(text, width - 1.5, size))
                else:
                    cells.append([text] if text else [])
            tall = height * max(1, *(len(lines) for lines in cells))
            if pdf.get_y() + tall > bottom:
                pdf.add_page()
                draw_header()
            top = pdf.get_y()
            marked = bool(highlight and highlight[index])
            pdf.set_text_color(*(ALERT if marked else INK))
            for lines, left, width, align in zip(cells, lefts, widths, aligns, strict=True):
                for number, text in enumerate(lines):
                    wide = self.text_width(text, size)
                    if align == "R":
                        x = left + width - wide - 1
                    elif align == "C":
                        x = left + (width - wide) / 2
                    else:
                        x = left + 1
                    pdf.text(x, top + height * (number + 0.72), text)
            pdf.set_draw_color(*SHADE)
            pdf.line(pdf.l_margin, top + tall, right, top + tall)
            pdf.set_y(top + tall)
        pdf.set_text_color(*INK)
        pdf.ln(2)

    def text_width(self, text: str, size: float) -> float:
        """The width of ``text`` at ``size`` (sum of cached glyph widths: the font is not
        shaped, so this equals fpdf2's own measure, at a fraction of its cost)."""
        cache = self._widths.setdefault(size, {})
        total = 0.0
        for char in text:
            wide = cache.get(char)
            if wide is None:
                wide = cache[char] = self.pdf.get_string_width(char)
            total += wide
        return total

    def lines(self, text: str, width: float, size: float) -> list[str]:
        """``text`` broken into lines of at most ``width`` mm at ``size`` pt (wrap.py's rule)."""
        cache = self._widths.setdefault(size, {})
        pdf = self.pdf
        current = pdf.font_size_pt
        if current != size:
            pdf.set_font_size(size)

        def measure(char: str) -> float:
            wide = cache.get(char)
            if wide is None:
                wide = cache[char] = pdf.get_string_width(char)
            return wide

        found = wrap(text, width, measure)
        if current != size:
            pdf.set_font_size(current)
        return found

    def wrapped(self, text: str, width: float, size: float) -> str:
        """``text`` with its line ends placed for a multi_cell of ``width`` (fpdf2's own
        character wrap would cut dates and ids in Chinese text)."""
        return "\n".join(self.lines(text, width - 2 * self.pdf.c_margin - 0.3, size))

    def need(self, height: float) -> None:
        """A new page unless ``height`` mm are left on this one."""
        if self.pdf.get_y() + height > self.pdf.h - self.pdf.b_margin:
            self.pdf.add_page()

    def charges_word(self, count: int) -> str:
        """'18 charges' / '1 charge' (Chinese: '18 笔')."""
        return counted("evidence.summary.charge_count", count, self.lang)

    def fill(self, what: str) -> str:
        return self.t["fill"].format(what=what)

    # -- sections ---------------------------------------------------------------------------

    def cover(self) -> None:
        pdf, t, case, f = self.pdf, self.t, self.case, self.f
        pdf.add_page()
        pdf.set_y(38)
        pdf.set_font("cjk", size=24)
        pdf.set_text_color(*ACCENT)
        pdf.text_mode = TextMode.FILL_STROKE
        pdf.set_line_width(0.3)
        pdf.set_draw_color(*ACCENT)
        pdf.cell(0, 12, t["title"], align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.text_mode = TextMode.FILL
        pdf.set_font("cjk", size=13)
        pdf.cell(0, 9, t["subtitle"], align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font("cjk", size=12)
        pdf.set_text_color(*INK)
        pdf.cell(
            0,
            9,
            f"{t['case']}：{case.id}" if self.lang == "zh" else f"{t['case']}: {case.id}",
            align="C",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        pdf.set_draw_color(*ACCENT)
        pdf.set_line_width(0.5)
        pdf.line(pdf.l_margin + 30, pdf.get_y() + 4, pdf.w - pdf.r_margin - 30, pdf.get_y() + 4)
        pdf.set_line_width(0.2)
        pdf.set_y(pdf.get_y() + 12)
        party = self.data.party
        rows = [
            (t["complainant"], self.data.masker.text(party.name) or self.fill(t["user"])),
            (t["respondent"], case.legal_name),
            (t["names"], "、".join(case.names) if self.lang == "zh" else ", ".join(case.names)),
            (t["charges"], f"{len(f.charges):,}"),
            (t["period"], f"{case.first} – {case.last}" if case.first else t["none"]),
            (t["paid"], money_totals(f.paid, self.lang)),
        ]
        if case.cancelled_on:
            rows += [
                (t["cancelled"], case.cancelled_on.isoformat()),
                (t["after"], f"{len(f.after):,} · {money_totals(f.after_paid, self.lang)}"),
            ]
        rows += [
            (t["claimed"], money_totals(f.claimed_total, self.lang)),
            (t["prepared"], f.generated_at.isoformat(timespec="seconds")),
            (t["software"], f"qiake-auditor {__version__}"),
        ]
        self.facts_table(rows, label_width=52)
        pdf.ln(10)
        pdf.set_fill_color(*SHADE)
        pdf.set_font("cjk", size=10)
        pdf.multi_cell(
            self.width,
            6,
            self.wrapped(t["disclaimer"], self.width - 6, 10),
            fill=True,
            padding=3,
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
            wrapmode=self.wrap,
            align="L",
        )

    def summary(self) -> None:
        pdf, t, case, f = self.pdf, self.t, self.case, self.f
        pdf.add_page()
        self.heading(t["s1"])
        # in running English a card is 'a bank card' (the table's label is 'Bank card')
        channels = joined(
            (
                "a bank card" if c == "bank" and self.lang == "en" else channel_label(c, self.lang)
                for c in f.by_channel()
            ),
            self.lang,
        )
        self.para(
            t["summary_text"].format(
                first=case.first,
                last=case.last,
                merchant=case.legal_name,
                channels=channels,
                count=f"{len(f.charges):,}",
                charges=self.charges_word(len(f.charges)),
                total=money_totals(f.paid, self.lang),
            )
        )
        if case.cancelled_on:
            self.para(
                t["summary_after"].format(
                    cancelled=case.cancelled_on.isoformat(),
                    n=f"{len(f.after):,}",
                    charges=self.charges_word(len(f.after)),
                    total=money_totals(f.after_paid, self.lang),
                ),
                colour=ALERT,
            )
        cadences = ("、" if self.lang == "zh" else ", ").join(
            Cadence.label_of(c, self.lang) for c in f.cadences()
        ) or t["none"]
        contacts = sorted(
            {
                e.channel.label(self.lang)
                for e in case.log
                if e.kind == "contact" and e.channel is not None
            }
        )
        rows = [(t["charges"], f"{len(f.charges):,}"), (t["paid"], money_totals(f.paid, self.lang))]
        if f.refunded:
            rows.append((t["refunded"], money_totals(f.refunded, self.lang)))
        if case.cancelled_on:
            rows += [
                (t["cancelled"], case.cancelled_on.isoformat()),
                (t["after"], f"{len(f.after):,} · {money_totals(f.after_paid, self.lang)}"),
            ]
        elif f.scenario != "A":  # never signed up: nothing to cancel
            rows.append((t["cancelled"], self.fill(t["cancelled"])))
        rows += [
            (t["period"], f"{case.first} – {case.last}"),
            (t["cadence"], cadences),
            (t["scenario"], t[f"scenario_{f.scenario}"]),
            (t["purchase"], t["b2b"] if self.data.party.business else t["b2c"]),
            (t["claimed"], money_totals(f.claimed_total, self.lang)),
            (t["s9"].split("、")[-1].split(". ")[-1], t["remedies_short"]),
            (t["channels_used"], joined(contacts, self.lang) or t["none"]),
        ]
        self.facts_table(rows)
        if self.f.after:
            self.para(t["after"] + ("：" if self.lang == "zh" else ":"), size=9.5, gap=0.5)
        lines = self._after_lines()
        for line in lines[:LISTED]:
            self.para(line, size=9, colour=ALERT, gap=0.5)
        if len(lines) > LISTED:
            self.para(t["more_rows"].format(n=len(lines)), size=9, colour=MUTED)

    def _after_lines(self) -> list[str]:
        lines = []
        for charge in self.f.after:
            ids = " / ".join(x for x in (charge.txn_id, charge.merchant_order_id) if x)
            lines.append(f"{charge.time}  {money(charge.amount, charge.currency)}  {ids}")
        return lines

    def parties(self) -> None:
        t, case, party, mask = self.t, self.case, self.data.party, self.data.masker
        self.heading(t["s2"])
        self.facts_table(
            [
                (
                    t["user_b2b" if party.business else "user"],
                    mask.text(party.name) or self.fill(t["user_b2b" if party.business else "user"]),
                ),
                (t["phone"], mask.text(party.phone) or self.fill(t["phone"])),
                (t["address"], party.address or self.fill(t["address"])),
                (t["account"], mask.account(party.account) or self.fill(t["account"])),
                (t["legal_name"], case.legal_name),
                (t["credit_code"], self.fill(t["credit_code"])),
            ]
        )
        per_statement: dict[str, set[str]] = {}
        methods: set[str] = set()
        for charge in self.f.charges:
            per_statement.setdefault(charge.source, set()).add(charge.counterparty)
            if charge.method:
                methods.add(mask.text(charge.method))
        rows = [
            (f"{self.data.exhibit_of.get(c.source_sha256, '')} {name}", " / ".join(sorted(names)))
            for name, names in per_statement.items()
            for c in [next(x for x in self.f.charges if x.source == name)]
        ]
        self.para(t["merchant_names"], size=9.5, colour=MUTED, gap=0.5)
        self.facts_table(rows, label_width=92)
        self.para(
            f"{t['methods']}：" + "、".join(sorted(methods))
            if self.lang == "zh"
            else f"{t['methods']}: " + ", ".join(sorted(methods)),
            size=9.5,
        )

    def timeline(self) -> None:
        t, case, f = self.t, self.case, self.f
        self.heading(t["s3"])
        events: list[tuple[str, str, bool]] = []
        if f.charges:
            first = f.charges[0]
            events.append(
                (
                    str(first.date),
                    f"{t['tl_first']}  {money(first.amount, first.currency)}  {first.txn_id}",
                    False,
                )
            )
        for stream in case.streams:
            what = (
                f"{stream.get('merchant')} · {Cadence.label_of(stream.get('cadence'), self.lang)}"
                f" · {money(Decimal(str(stream.get('amount') or 0)), stream.get('currency') or 'CNY')}"
            )
            events.append((str(stream.get("first_date")), t["tl_stream"].format(what=what), False))
        if case.cancelled_on:
            events.append((case.cancelled_on.isoformat(), t["tl_cancel"], True))
        for charge in f.after[:LISTED]:
            events.append(
                (
                    str(charge.date),
                    f"{t['tl_after']}  {money(charge.amount, charge.currency)}  {charge.txn_id}",
                    True,
                )
            )
        if f.charges and not f.charges[-1].after_cancellation:
            last = f.charges[-1]
            events.append(
                (str(last.date), f"{t['tl_last']}  {money(last.amount, last.currency)}", False)
            )
        for refund in case.refunds[:LISTED]:
            events.append(
                (
                    str(refund.date),
                    f"{t['tl_refund']}  {money(refund.amount, refund.currency)}  {refund.txn_id}",
                    False,
                )
            )
        for entry in case.log:
            if entry.kind == "contact":
                channel = entry.channel.label(self.lang) if entry.channel else ""
                events.append(
                    (
                        entry.on.isoformat(),
                        f"{t['tl_log']} · {channel} · {self.data.masker.text(entry.text(self.lang))}",
                        False,
                    )
                )
        if len(f.after) > LISTED:
            last = f.after[-1]
            events.append(
                (
                    str(last.date),
                    f"{t['tl_after']}  {money(last.amount, last.currency)}"
                    f"  {last.txn_id}  " + t["more_rows"].format(n=len(f.after)),
                    True,
                )
            )
        events.sort(key=lambda e: e[0])
        self.grid(
            (t["log_cols"][0], t["event"]),
            [(d, text) for d, text, _ in events],
            (26, self.width - 26),
            size=8.5,
            highlight=[alert for *_, alert in events],
        )

    def itemised(self) -> None:
        t, f = self.t, self.f
        self.need(80)
        self.heading(t["s4"])
        widths = (8, 28, 15, 19, 44, 36, 10, self.width - 160)
        header = (
            t["col_no"],
            t["col_time"],
            t["col_channel"],
            t["col_amount"],
            t["col_txn"],
            t["col_order"],
            t["col_after"],
            t["col_src"],
        )
        rows, marks = [], []
        for number, charge in enumerate(f.charges, 1):
            exhibit = self.data.exhibit_of.get(charge.source_sha256, "")
            rows.append(
                (
                    str(number),
                    charge.time[:19],
                    channel_label(channel_of(charge), self.lang),
                    money(charge.amount, charge.currency),
                    charge.txn_id,
                    charge.merchant_order_id,
                    t["yes"] if charge.after_cancellation else t["no"],
                    f"{exhibit}-{charge.source_row}",
                )
            )
            marks.append(charge.after_cancellation)
        self.grid(
            header, rows, widths, ("R", "L", "L", "R", "L", "L", "C", "L"), size=7, highlight=marks
        )
        self.subtotals()

    def subtotals(self) -> None:
        t, f = self.t, self.f
        half = self.width / 2
        rows = [
            (
                channel_label(c, self.lang),
                f"{len(items):,}",
                money_totals({k: v for k, v in _sums(items).items()}, self.lang),
            )
            for c, items in f.by_channel().items()
        ]
        self.grid(
            (t["sub_channel"], t["charges"], t["col_amount"]),
            rows,
            (half, half / 3, half * 2 / 3),
            ("L", "R", "R"),
            size=8.5,
        )
        rows = [
            (str(y), f"{len(items):,}", money_totals(_sums(items), self.lang))
            for y, items in f.by_year().items()
        ]
        self.grid(
            (t["sub_year"], t["charges"], t["col_amount"]),
            rows,
            (half, half / 3, half * 2 / 3),
            ("L", "R", "R"),
            size=8.5,
        )
        rows = [(t["grand"], f"{len(f.charges):,}", money_totals(f.paid, self.lang))]
        marks = [False]
        if self.case.refunds:
            rows.append(
                (t["refunded"], f"{len(self.case.refunds):,}", money_totals(f.refunded, self.lang))
            )
            marks.append(False)
        if self.case.cancelled_on:
            rows.append((t["after"], f"{len(f.after):,}", money_totals(f.after_paid, self.lang)))
            marks.append(True)
        self.grid(
            ("", t["charges"], t["col_amount"]),
            rows,
            (half, half / 3, half * 2 / 3),
            ("L", "R", "R"),
            size=9.5,
            highlight=marks,
        )

    def recurrence(self) -> None:
        t = self.t
        self.need(80)
        self.heading(t["s5"])
        if not self.case.streams and not self.data.charts:
            self.para(t["no_streams"], colour=MUTED)
        for stream in self.case.streams:
            line = t["stream_line"].format(
                merchant=stream.get("merchant"),
                cadence=Cadence.label_of(stream.get("cadence"), self.lang),
                count=stream.get("count"),
                charges=self.charges_word(int(stream.get("count") or 0)),
                amount=money(
                    Decimal(str(stream.get("amount") or 0)), stream.get("currency") or "CNY"
                ),
                first=stream.get("first_date"),
                last=stream.get("last_date"),
            )
            self.para(line, size=9.5, gap=0.3)
            explanation = stream.get("explanation_zh" if self.lang == "zh" else "explanation_en")
            if explanation:
                self.para(explanation, size=8.5, colour=MUTED, gap=1.5)
        for image in self.data.charts:
            if self.pdf.get_y() > self.pdf.h - 95:
                self.pdf.add_page()
            self.pdf.image(io.BytesIO(image), w=self.width)
            self.para(
                t["chart_caption_after" if self.f.after else "chart_caption"],
                size=8,
                colour=MUTED,
            )

    def authorisation(self) -> None:
        t = self.t
        self.heading(t["s6"])
        unrecognised = self.f.scenario == "A"
        asked = t["auth_user_A" if unrecognised else "auth_user"]
        self.para(t["auth_A" if unrecognised else "auth"])
        self.para(asked + " " + self.fill(t["auth_fill"]), colour=MUTED)

    def communications(self) -> None:
        t = self.t
        self.heading(t["s7"])
        entries = [e for e in self.case.log if e.kind in ("contact", "export", "note")]
        if not entries:
            self.para(t["no_contacts"] + " " + self.fill(t["no_contacts_fill"]), colour=MUTED)
            return
        rows = [
            (
                e.on.isoformat(),
                e.channel.label(self.lang) if e.channel else "",
                e.ticket,
                self.data.masker.text(e.text(self.lang)),
                self.data.masker.text(e.outcome),
            )
            for e in entries
        ]
        self.grid(t["log_cols"], rows, (20, 22, 36, self.width - 118, 40), size=8)

    def legal(self) -> None:
        t = self.t
        self.heading(t["s8"])
        self.para(t["legal_intro"], size=9, colour=MUTED)
        for item in citations_for("report", business=self.data.party.business):
            head = (
                f"{item['instrument_zh']}{item['article_zh']}"
                if self.lang == "zh"
                else f"{item['instrument_en']}, {item['article_en']}"
            )
            self.para(
                f"{head}（{t['checked']} {item['checked_on']}）"
                if self.lang == "zh"
                else f"{head} ({t['checked']} {item['checked_on']})",
                size=9.5,
                gap=0.2,
            )
            self.para(
                item["paraphrase_zh" if self.lang == "zh" else "paraphrase_en"],
                size=9,
                colour=MUTED,
                gap=1.5,
            )

    def remedies(self) -> None:
        t, f = self.t, self.f
        self.heading(t["s9"])
        self.para("1. " + t["req_1"])
        self.para("2. " + t["req_2"].format(claim=f.claim_words(f.claimed, self.lang)))
        rows = [
            (c.time[:19], money(c.amount, c.currency), c.txn_id, c.merchant_order_id)
            for c in f.claimed
        ]
        if len(rows) > 60:  # a large case: the list is section 4 itself, not a second copy
            self.para(t["claimed_in_4"], size=9, colour=MUTED)
            rows = []
        if rows:
            self.grid(
                (t["col_time"], t["col_amount"], t["col_txn"], t["col_order"]),
                rows,
                (36, 26, 60, self.width - 122),
                ("L", "R", "L", "L"),
                size=8,
            )
        self.para("3. " + t["req_3"])

    def exhibits(self) -> None:
        t = self.t
        self.need(80)
        self.heading(t["s10"])
        rows = [
            (e.id, e.path, t.get(f"role_{e.role}", e.role), e.sha256[:16], f"{e.size:,}")
            for e in self.data.exhibits
        ]
        self.grid(
            t["ex_cols"],
            rows,
            (14, self.width - 96, 26, 36, 20),
            ("L", "L", "L", "L", "R"),
            size=7.5,
        )
        self.para("SHA-256", size=8.5, colour=MUTED, gap=0.3)
        for e in self.data.exhibits:
            if e.role in ("original", "attachment"):
                self.para(f"{e.id}  {e.sha256}", size=7.5, gap=0.2)

    def method(self) -> None:
        t = self.t
        self.heading(t["s11"])
        self.para(t["method"], size=9.5)
        self.para(t["verify"], size=10, gap=0.5)
        for line in t["verify_lines"]:
            self.para("  " + line, size=9, gap=0.2)
        import fpdf

        self.para(
            t["tools_line"].format(
                tools=f"qiake-auditor {__version__}, Python {platform.python_version()}, "
                f"fpdf2 {fpdf.__version__}, {platform.system()} {platform.release()}"
            ),
            size=8.5,
            colour=MUTED,
        )

    def declaration(self) -> None:
        t = self.t
        self.heading(t["s12"])
        company = self.data.party.business  # the company declares and signs, not a person
        self.para(t["declaration_b2b" if company else "declaration"])
        self.pdf.ln(10)
        self.para(t["sign_b2b" if company else "sign"])

    def build(self) -> bytes:
        self.cover()
        self.summary()
        self.parties()
        self.timeline()
        self.itemised()
        self.recurrence()
        self.authorisation()
        self.communications()
        self.legal()
        self.remedies()
        self.exhibits()
        self.method()
        self.declaration()
        return bytes(self.pdf.output())


def _sums(charges) -> dict[str, Decimal]:
    found: dict[str, Decimal] = {}
    for charge in charges:
        found[charge.currency] = found.get(charge.currency, Decimal("0.00")) + charge.amount
    return dict(sorted(found.items()))


def build_report(data: ReportInput) -> bytes:
    """The report PDF's bytes."""
    _ = Channel  # vocabulary labels are used through log entries
    return _Writer(data).build()
