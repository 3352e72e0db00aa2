"""How every chart looks, whoever draws it: colours, the CJK font, words, date axes.

Shared by :mod:`qiake_auditor.charts` (a stream's charts) and
:mod:`qiake_auditor.case_charts` (a case's), which import it and not each other.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import matplotlib
from matplotlib import font_manager
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

from .i18n import text

# Preferred CJK families, best first (WQY is glyf-based and small; Noto/Source Han are CFF).
CJK_FAMILIES = (
    "WenQuanYi Micro Hei",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Noto Sans SC",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Heiti SC",
)
_KNOWN_FONT_FILES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simhei.ttf",
)

# Bar colours by charge state; charges after a recorded cancellation are red whatever the state.
STATE_COLOURS = {
    "success": "#3b6fb6",
    "pending": "#8fb3e0",
    "refunded": "#a0a0a0",
    "partially_refunded": "#c9a227",
    "refund": "#5aa469",
    "closed": "#d9d9d9",
    "failed": "#d9d9d9",
}
AFTER_CANCEL_COLOUR = "#d62728"
# Behind a chart's own labels (the cancellation date), so a bar never hides them.
LABEL_BOX = {
    "boxstyle": "square,pad=0.15",
    "facecolor": "white",
    "edgecolor": "none",
    "alpha": 0.85,
}
# Stream colours for the overview: tab10 without its red, which means "after cancellation".
PALETTE = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
)
# Dates on a Chinese axis: 2025年 / 6月, never English month names.
ZH_DATE_FORMATS = ["%Y年", "%m月", "%d日", "%H:%M", "%H:%M", "%S.%f"]
ZH_ZERO_FORMATS = ["", "%Y年", "%m月", "%m月%d日", "%H:%M", "%H:%M"]
ZH_OFFSET_FORMATS = ["", "%Y年", "%Y年%m月", "%Y年%m月%d日", "%Y-%m-%d", "%Y-%m-%d %H:%M"]
_cjk_family: str | None = None
_font_checked = False


def cjk_family() -> str | None:
    """The CJK font family matplotlib will use, registering a known font file if needed.

    Also puts it into ``font.sans-serif`` right after DejaVu Sans, so Latin text keeps
    DejaVu's shapes and Chinese glyphs fall back per glyph to the CJK font.
    """
    global _cjk_family, _font_checked
    if _font_checked:
        return _cjk_family
    _font_checked = True
    names = {entry.name for entry in font_manager.fontManager.ttflist}
    found = next((family for family in CJK_FAMILIES if family in names), None)
    if found is None:
        for path in _KNOWN_FONT_FILES:
            if Path(path).exists():
                try:
                    font_manager.fontManager.addfont(path)
                except (OSError, RuntimeError, ValueError):
                    continue
                names = {entry.name for entry in font_manager.fontManager.ttflist}
                found = next((family for family in CJK_FAMILIES if family in names), None)
                if found:
                    break
    _cjk_family = found
    if found:
        rc = matplotlib.rcParams
        rest = [name for name in rc["font.sans-serif"] if name not in ("DejaVu Sans", found)]
        rc["font.sans-serif"] = ["DejaVu Sans", found, *rest]
        # Per-glyph fallback walks font.family, not the generic list: name both.
        rc["font.family"] = ["DejaVu Sans", found, "sans-serif"]
        rc["axes.unicode_minus"] = False
    return found


def say(key: str, lang: str | None = None, **fields: object) -> str:
    """A chart's word ``chart.<key>`` in ``lang``; both languages when ``lang`` is None."""
    if lang in ("zh", "en"):
        return text(f"chart.{key}", lang, **fields)
    zh, en = text(f"chart.{key}", "zh", **fields), text(f"chart.{key}", "en", **fields)
    return zh if zh == en else f"{zh} {en}"


def date_axis(axes, lang: str | None = None, maxticks: int = 10) -> None:
    """Concise date ticks; in Chinese (or both) with 年/月, never English month names."""
    locator = AutoDateLocator(maxticks=maxticks)
    axes.xaxis.set_major_locator(locator)
    if lang == "en":
        axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))
        return
    formatter = ConciseDateFormatter(
        locator,
        formats=ZH_DATE_FORMATS,
        zero_formats=ZH_ZERO_FORMATS,
        offset_formats=ZH_OFFSET_FORMATS,
    )
    axes.xaxis.set_major_formatter(formatter)


def mark_cancellation(axes, day: date, lang: str | None = None, linewidth: float = 1.2) -> None:
    """The user's cancellation date: a dashed red line, labelled at the top of the axes."""
    axes.axvline(day, color=AFTER_CANCEL_COLOUR, linestyle="--", linewidth=linewidth, zorder=4)
    axes.annotate(
        say("cancelled", lang, day=day.isoformat()),
        xy=(day, 1.0),
        xycoords=("data", "axes fraction"),
        xytext=(4, -12),
        textcoords="offset points",
        color=AFTER_CANCEL_COLOUR,
        fontsize=8,
        zorder=5,
        bbox=LABEL_BOX,  # readable over a bar that reaches the top
    )
