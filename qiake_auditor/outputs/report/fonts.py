"""Finding a CJK TrueType/OpenType font to embed in the PDF, on Windows, macOS and Linux.

Order: the file the user chose (settings / ``--font`` / ``QIAKE_AUDITOR_FONT``), then the
system's usual Chinese fonts, then fontconfig. A font only counts when its character
map covers the Chinese the report prints. fpdf2 embeds a subset with a ToUnicode map,
so copied or searched text is the text written (no Kangxi-radical look-alikes).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from ...errors import UserError

FONT_ENV = "QIAKE_AUDITOR_FONT"
# Characters every report prints: a font missing any of them is not used.
PROBE = "金额支出日期自动续费深圳洽客科技有限公司证据报告"

# (path, face index in a collection) per platform, best first.
_WINDOWS = (
    ("Fonts/msyh.ttc", 0),
    ("Fonts/msyh.ttf", 0),
    ("Fonts/Deng.ttf", 0),
    ("Fonts/simhei.ttf", 0),
    ("Fonts/simsun.ttc", 0),
    ("Fonts/simsun.ttf", 0),
)
_MACOS = (
    ("/System/Library/Fonts/PingFang.ttc", 0),
    ("/System/Library/Fonts/Hiragino Sans GB.ttc", 0),
    ("/System/Library/Fonts/STHeiti Medium.ttc", 0),
    ("/System/Library/Fonts/STHeiti Light.ttc", 0),
    ("/System/Library/Fonts/Supplemental/Songti.ttc", 0),
    ("/Library/Fonts/Arial Unicode.ttf", 0),
)
_LINUX = (
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),  # 2 = SC face
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
)


@dataclass(frozen=True)
class FontChoice:
    path: Path
    index: int = 0

    @property
    def name(self) -> str:
        return self.path.name


def _covers(path: Path, index: int) -> bool:
    from fontTools.ttLib import TTFont

    try:
        with open(path, "rb") as handle:
            font = TTFont(handle, fontNumber=index, lazy=True)
            cmap = font.getBestCmap() or {}
    except Exception:  # a broken or foreign file is simply not a candidate
        return False
    return all(ord(ch) in cmap for ch in PROBE)


def _system_candidates() -> list[tuple[Path, int]]:
    found: list[tuple[Path, int]] = []
    if sys.platform.startswith("win"):
        windir = Path(os.environ.get("WINDIR", "C:/Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", "")) / "Microsoft/Windows"
        for name, index in _WINDOWS:
            found += [(windir / name, index), (local / name, index)]
    elif sys.platform == "darwin":
        found += [(Path(p), i) for p, i in _MACOS]
        home = Path.home() / "Library/Fonts"
        found += [(home / n, 0) for n in ("NotoSansSC-Regular.ttf", "NotoSansSC-Regular.otf")]
    else:
        found += [(Path(p), i) for p, i in _LINUX]
    return found


def _fontconfig() -> list[tuple[Path, int]]:
    if shutil.which("fc-match") is None:
        return []
    try:
        out = subprocess.run(
            ["fc-match", "-s", "-f", "%{file}|%{index}\n", ":lang=zh-cn"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    found = []
    for line in out.splitlines()[:30]:
        path, _, index = line.partition("|")
        if path.lower().endswith((".ttf", ".ttc", ".otf", ".otc")):
            found.append((Path(path), int(index or 0)))
    return found


def no_font_error(chosen: Path | None = None) -> UserError:
    if chosen is not None:
        return UserError.of("report.font_unusable", path=chosen)
    return UserError.of("report.no_font", variable=FONT_ENV)


def find_cjk_font(
    chosen: Path | str | None = None, index: int = 0, search_system: bool = True
) -> FontChoice:
    """The font to embed; a :class:`UserError` saying what to do when there is none."""
    if chosen is None and os.environ.get(FONT_ENV):
        chosen = os.environ[FONT_ENV]
    if chosen:
        path = Path(chosen).expanduser()
        if path.is_file() and _covers(path, index):
            return FontChoice(path, index)
        raise no_font_error(path)
    if search_system:
        seen: set[tuple[Path, int]] = set()
        for path, face in (*_system_candidates(), *_fontconfig()):
            if (path, face) in seen:
                continue
            seen.add((path, face))
            if path.is_file() and _covers(path, face):
                return FontChoice(path, face)
    raise no_font_error()
