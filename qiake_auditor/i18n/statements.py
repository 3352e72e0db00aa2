"""The zh/en messages of the importers and the import path: refusals and warnings.

Kept apart from the rest of the catalogue (which merges it in) because there are many
and they change with the formats. Every refusal is rendered after ``statement.where``,
so the file and the line or row are part of every message in both languages.
"""

from __future__ import annotations

STATEMENT_MESSAGES: dict[str, tuple[str, str]] = {
    # -- where the problem is -------------------------------------------------------------
    "statement.where": ("{where}：{message}", "{where}: {message}"),
    "statement.at_line": ("{source} 第 {row} 行", "{source}, line {row}"),
    "statement.at_row": ("{source} 第 {row} 行", "{source}, row {row}"),
    "statement.at_entry": ("{source} 第 {row} 条", "{source}, entry {row}"),
    # -- what the file is -----------------------------------------------------------------
    "statement.unknown_layout": (
        "不是本软件认识的账单格式；如果它是带表头行的银行导出文件，请指明哪一列是日期、哪一列是金额",
        "not a statement layout this app knows; if it is a bank export with a header "
        "row, say which columns hold the date and the amount",
    ),
    "statement.unknown_layout.cli_hint": (
        "提示：用 --map date=<日期列>,amount=<金额列>,... 导入（见 `qiake-auditor formats`）",
        "hint: import it with --map date=<date column>,amount=<amount column>,... "
        "(see `qiake-auditor formats`)",
    ),
    "statement.not_a_statement": (
        "这不是账单文件（不是文本、表格，也不是 ZIP 压缩包）",
        "this is not a statement (not text, not a spreadsheet, not a ZIP archive)",
    ),
    # -- warnings -------------------------------------------------------------------------
    "statement.no_rows": (
        "{source}：没有找到任何交易行（表头下面是空的或只有空行），这个文件没有导入任何内容",
        "{source}: no transaction rows were found (nothing, or only blank lines, below "
        "the header); nothing was imported from this file",
    ),
    "statement.control_characters_removed.line": (
        "{source}：文字中有 {count} 个控制字符（NUL、BEL 等，第一个在第 {row} 行），已删除",
        "{source}: {count} control characters (NUL, BEL, ...) in the text were removed "
        "(the first on line {row})",
    ),
    "statement.control_characters_removed.row": (
        "{source}：文字中有 {count} 个控制字符（NUL、BEL 等，第一个在第 {row} 行），已删除",
        "{source}: {count} control characters (NUL, BEL, ...) in the text were removed "
        "(the first in row {row})",
    ),
    "statement.control_characters_removed.entry": (
        "{source}：文字中有 {count} 个控制字符（NUL、BEL 等，第一个在第 {row} 条），已删除",
        "{source}: {count} control characters (NUL, BEL, ...) in the text were removed "
        "(the first in entry {row})",
    ),
    "statement.currency_assumed": (
        "{source}：文件没有写明币种，已按人民币（CNY）记账；如果不是，导入时请指明币种"
        "（命令行：--currency USD）",
        "{source}: the file does not say its currency, so CNY was assumed; if it is "
        "another, say which when importing (command line: --currency USD)",
    ),
    "statement.currency_from_sign": (
        "{source}：根据金额前的 {sign} 号，币种记为 {currency}；如果是别的币种，导入时请指明"
        "（命令行：--currency CAD）",
        "{source}: the currency was read as {currency} from the {sign} sign of the "
        "amounts; if it is another, say which when importing (command line: --currency CAD)",
    ),
}
