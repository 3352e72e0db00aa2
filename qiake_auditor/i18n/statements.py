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
    "statement.too_many_fields": (
        "一行有 {count:,} 个字段（账单最多只有几十个），不予读取",
        "a row of {count:,} fields (a statement has a few dozen at most)",
    ),
    "statement.shared_text_too_long": (
        "一段共享文字有 {size:,} 字节（Excel 每个单元格最多 {limit:,} 个字符）；"
        "按压缩炸弹拒绝，不是账单",
        "a shared text of {size:,} bytes (Excel allows {limit:,} characters a cell); "
        "refused as a decompression bomb, not a statement",
    ),
    "statement.doctype": (
        "XML 文件带有 DOCTYPE 或实体声明；银行账单没有这些，因此拒绝读取",
        "an XML document with a DOCTYPE or entity declarations; bank statements have "
        "none, so it is refused",
    ),
    # -- a damaged legacy .xls (its OLE2 container, importers/compound_file.py) -----------
    "statement.xls_damaged.header": (
        "这个 .xls 文件已损坏（文件头不完整），无法读取；请重新导出或下载账单",
        "this .xls file is damaged (its header is incomplete) and cannot be read; "
        "export or download the statement again",
    ),
    "statement.xls_damaged.loop": (
        "这个 .xls 文件已损坏（{part} 的扇区链绕回自身），无法读取；请重新导出或下载账单",
        "this .xls file is damaged (the sector chain of its {part} loops back on "
        "itself) and cannot be read; export or download the statement again",
    ),
    "statement.xls_damaged.past_end": (
        "这个 .xls 文件已损坏（{part} 指向文件末尾之后），无法读取；"
        "文件可能不完整，请重新导出或下载账单",
        "this .xls file is damaged (its {part} points past the end of the file) and "
        "cannot be read; it may be cut off: export or download the statement again",
    ),
    "statement.xls_damaged.size": (
        "这个 .xls 文件已损坏（{part} 声明的大小超出文件本身），无法读取；请重新导出或下载账单",
        "this .xls file is damaged (its {part} declares more than the file holds) and "
        "cannot be read; export or download the statement again",
    ),
    # -- the sheet data inside a sound .xls (importers/xls_records.py) --------------------
    "statement.xls_damaged.dimensions": (
        "这个 .xls 文件已损坏（工作表 {sheet} 声明有 {rows:,} 行 × {cols:,} 列，"
        "超出 .xls 表格的上限），无法读取；请重新导出或下载账单",
        "this .xls file is damaged (its sheet {sheet} declares {rows:,} rows by {cols:,} "
        "columns, more than an .xls sheet can hold) and cannot be read; export or download "
        "the statement again",
    ),
    "statement.xls_damaged.sheet_data": (
        "这个 .xls 文件已损坏（文件结构完好，但其中的工作表数据无法解析），无法读取；"
        "文件可能不完整，请重新导出或下载账单",
        "this .xls file is damaged (its structure holds, but the sheet data inside it "
        "cannot be parsed) and cannot be read; it may be cut off: export or download the "
        "statement again",
    ),
    "statement.xls_no_workbook": (
        "这个文件不是 Excel 表格（其中没有工作簿数据，可能是 Word 等其他 Office 文件）",
        "this file is not an Excel workbook (it holds no workbook data; perhaps another "
        "Office document, such as Word)",
    ),
    # -- text and CSV (importers/text_encoding.py, csv_text.py, printed_times.py) ----------
    "statement.not_text": (
        "这不是 UTF-8、GBK/GB18030 或 UTF-16 编码的文本文件",
        "this is not a text file in UTF-8, GBK/GB18030 or UTF-16",
    ),
    "statement.cut_in_character": (
        "文件在一个字符的中间结束，看起来不完整（下载或复制没有完成？）",
        "the file ends in the middle of a character: it looks cut off (an incomplete "
        "download or copy?)",
    ),
    "statement.bad_bytes": (
        "有不是有效 {encoding} 编码的字节（文件可能已损坏）",
        "bytes that are not valid {encoding} (the file may be damaged)",
    ),
    "statement.cut_last_line": (
        "文件看起来不完整：最后一行只有 {got} 个字段（应有 {wanted} 个），也没有换行"
        "（请重新导出或下载账单）",
        "the file looks cut off: its last line has {got} of {wanted} fields and no "
        "line end (export or download the statement again)",
    ),
    # -- a structured statement that stops before its end (importers/cut_off.py) ---------
    "statement.cut_off": (
        "文件在这里中断：还没有到 {format} 文件结尾的 {end} 就结束了，文件不完整"
        "（下载或复制没有完成？），因此没有导入任何内容；请重新导出或下载账单",
        "the file stops here, before the {end} that closes a complete {format} file, so "
        "it was cut off (an incomplete download or copy?) and nothing of it was imported; "
        "export or download the statement again",
    ),
    "statement.cut_off.in_statement": (
        "文件在这里中断：从第 {start} 行开始的 {format} 账单还没有到结尾的 {end} 就结束了，"
        "文件不完整（下载或复制没有完成？），因此没有导入任何内容；请重新导出或下载账单",
        "the file stops here, inside the {format} statement that begins on line {start} "
        "and before its closing {end}, so it was cut off (an incomplete download or copy?) "
        "and nothing of it was imported; export or download the statement again",
    ),
    "statement.csv_field_too_long": (
        "一个字段超过 {limit:,} 个字符（多半是一个引号没有配对），无法读取",
        "a field longer than {limit:,} characters (most likely a quote that is never "
        "closed), which cannot be read",
    ),
    "statement.unreadable_header": (
        "表头行无法按 CSV 读取（引号不配对或有不允许的字符）",
        "the header line cannot be read as CSV (unpaired quotes or characters CSV does not allow)",
    ),
    "statement.broken_csv_quoting": (
        "这一行无法按 CSV 读取（引号不配对或有不允许的字符）",
        "this line cannot be read as CSV (unpaired quotes or characters CSV does not allow)",
    ),
    "statement.bad_printed_time": (
        "日期时间 {value!r} 不是这种格式使用的日期写法",
        "date/time {value!r} is not a date this format uses",
    ),
    # -- warnings -------------------------------------------------------------------------
    "statement.no_rows": (
        "{source}：没有找到任何交易行（表头下面是空的或只有空行），这个文件没有导入任何内容",
        "{source}: no transaction rows were found (nothing, or only blank lines, below "
        "the header); nothing was imported from this file",
    ),
    # .one: the same warning for a count of 1 (English singular; i18n.counted's rule)
    "statement.control_characters_removed.line": (
        "{source}：文字中有 {count} 个控制字符（NUL、BEL 等，第一个在第 {row} 行），已删除",
        "{source}: {count} control characters (NUL, BEL, ...) in the text were removed "
        "(the first on line {row})",
    ),
    "statement.control_characters_removed.line.one": (
        "{source}：文字中有 {count} 个控制字符（NUL、BEL 等，在第 {row} 行），已删除",
        "{source}: {count} control character (NUL, BEL, ...) in the text was removed "
        "(on line {row})",
    ),
    "statement.control_characters_removed.row": (
        "{source}：文字中有 {count} 个控制字符（NUL、BEL 等，第一个在第 {row} 行），已删除",
        "{source}: {count} control characters (NUL, BEL, ...) in the text were removed "
        "(the first in row {row})",
    ),
    "statement.control_characters_removed.row.one": (
        "{source}：文字中有 {count} 个控制字符（NUL、BEL 等，在第 {row} 行），已删除",
        "{source}: {count} control character (NUL, BEL, ...) in the text was removed "
        "(in row {row})",
    ),
    "statement.control_characters_removed.entry": (
        "{source}：文字中有 {count} 个控制字符（NUL、BEL 等，第一个在第 {row} 条），已删除",
        "{source}: {count} control characters (NUL, BEL, ...) in the text were removed "
        "(the first in entry {row})",
    ),
    "statement.control_characters_removed.entry.one": (
        "{source}：文字中有 {count} 个控制字符（NUL、BEL 等，在第 {row} 条），已删除",
        "{source}: {count} control character (NUL, BEL, ...) in the text was removed "
        "(in entry {row})",
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
    "statement.same_file_given": (
        "{source}：与 {other} 是同一个文件（内容完全相同），只导入一次",
        "{source}: the same file as {other} (the same bytes), imported once",
    ),
    # -- the file as a whole (ingest.py) ---------------------------------------------------
    "statement.cannot_open": ("无法打开文件（{reason}）", "cannot open the file ({reason})"),
    "statement.is_folder": ("是一个文件夹，不是账单文件", "is a folder, not a statement file"),
    "statement.empty": ("文件是空的", "the file is empty"),
    "statement.too_big": (
        "文件有 {megabytes} MB；账单远比这小",
        "the file is {megabytes} MB; statements are far smaller",
    ),
    "statement.zip_without_statement": (
        "ZIP 压缩包里没有账单文件",
        "the ZIP archive holds no statement file",
    ),
    # {label:zh} / {label:en}: importers.base.FormatLabel, one half of "English / 中文"
    "statement.damaged_layout": (
        "看起来是{label:zh}的格式，但其中一部分缺失或损坏",
        "the layout looks like {label:en} but a part of it is missing or damaged",
    ),
    "statement.damaged_layout.missing": (
        "看起来是{label:zh}的格式，但其中一部分缺失或损坏（缺少 {part!r}）",
        "the layout looks like {label:en} but a part of it is missing or damaged "
        "({part!r} is missing)",
    ),
    "statement.damaged_layout.number": (
        "看起来是{label:zh}的格式，但其中一部分缺失或损坏（有一个数字太长，无法精确计算）",
        "the layout looks like {label:en} but a part of it is missing or damaged (a number "
        "too long to compute exactly)",
    ),
    "statement.bad_amount": (
        "{column} 的值 {value!r} 不是 199.00 这样的金额",
        "{column} {value!r} is not an amount like 199.00",
    ),
    "statement.bad_time": (
        "{column} 的值 {value!r} 不是 2024-01-31 这样的日期",
        "{column} {value!r} is not a date such as 2024-01-31",
    ),
    "statement.bad_calendar_time": (
        "{column} 的值 {value!r} 不是真实的日期和时间",
        "{column} {value!r} is not a real calendar date and time",
    ),
    "statement.bad_calendar_day": (
        "{column} 的值 {value!r} 不是真实的日期",
        "{column} {value!r} is not a real calendar date",
    ),
    "statement.bad_direction": (  # only a ledger export's direction column reaches it
        "{column} 的值 {value!r} 不是 expense（支出）、income（收入）或 neutral（不计收支）"
        "；这一列只能写这三个英文代码之一",
        "{column} {value!r} is not expense, income or neutral",
    ),
    "statement.bad_state": (
        "{column} 的值 {value!r} 不是已知的交易状态",
        "{column} {value!r} is not a known state",
    ),
    # -- ZIP archives (importers/archive.py) -----------------------------------------------
    "archive.damaged.cut_off": (
        "已损坏：开头像 ZIP 压缩包或 .xlsx 工作簿，但找不到文件末尾的目录，无法打开；"
        "文件可能不完整（下载或复制没有完成？），请重新导出或下载",
        "damaged: it starts like a ZIP archive or an .xlsx workbook but the directory at "
        "its end is missing, so it cannot be opened; it may be cut off (an incomplete "
        "download or copy?): export or download it again",
    ),
    "archive.damaged.broken": (
        "已损坏：开头像 ZIP 压缩包或 .xlsx 工作簿，但内部结构已损坏，无法打开；请重新导出或下载",
        "damaged: it starts like a ZIP archive or an .xlsx workbook but its inner "
        "structure is broken, so it cannot be opened; export or download it again",
    ),
    "archive.no_files": ("ZIP 压缩包里没有文件", "the ZIP archive contains no files"),
    "archive.needs_password": (
        "这个 ZIP 压缩包有密码保护（密码在寄来账单的邮件里）",
        "this ZIP archive is password-protected; give the password from the e-mail",
    ),
    "archive.needs_password.cli_hint": (
        "提示：用 --password 给出密码",
        "hint: give it with --password",
    ),
    "archive.wrong_password": ("ZIP 压缩包的密码不对", "wrong password for this ZIP archive"),
    "archive.wrong_password_garbage": (
        "ZIP 压缩包的密码不对（解密后的 {member} 是乱码）",
        "wrong password for this ZIP archive (the decrypted {member} is garbage)",
    ),
    "archive.member_too_large": (
        "{member} 太大，不可能是账单",
        "{member} is too large to be a statement",
    ),
    "archive.member_unreadable": (
        "无法打开其中的 {member}：它已损坏，无法解压；请重新导出或下载压缩包",
        "cannot open {member} in it: it is damaged and cannot be unpacked; export or "
        "download the archive again",
    ),
    "archive.member_checksum": (
        "无法打开其中的 {member}：解压出的内容与压缩包记录的校验值不符（文件已损坏）；"
        "请重新导出或下载压缩包",
        "cannot open {member} in it: what it unpacks to does not match the checksum the "
        "archive records (the file is damaged); export or download the archive again",
    ),
    # -- bank tables read through a column mapping (importers/generic*.py) ----------------
    "generic.map_needs_date_and_amount": (
        "列映射必须指明日期列和金额列（或借方列和贷方列）；文件的列是：{columns}",
        "the column mapping (--map) must name the date column and the amount column (or "
        "debit= and credit=); the columns are: {columns}",
    ),
    "generic.map_without_header": (
        "给出了列映射（--map），但这个文件没有带列名的表头行",
        "--map was given, but this file has no header row with column names",
    ),
    "generic.map_missing_column": (
        "列映射（--map）中的列 {column!r} 在这个文件里没有；文件的列是：{columns}",
        "--map names column {column!r}, which this file does not have; its columns are: {columns}",
    ),
    "generic.map_unknown_field": (
        "列映射（--map）：未知字段 {field!r}；可用的字段是 {fields}",
        "--map: unknown field {field!r}; the fields are {fields}",
    ),
    "generic.no_header": (
        "没有含日期列和金额列的表头行",
        "no header row with a date and an amount column",
    ),
    "generic.no_sheet_header": (
        "没有一个工作表有含日期列和金额列的表头行",
        "no sheet has a header row with a date and an amount",
    ),
    "generic.broken_quoting": (
        "引号不配对或有不允许的字符，无法按 CSV 读取",
        "broken quoting or characters CSV does not allow: it cannot be read as CSV",
    ),
    "generic.debit_and_credit": (
        "{debit!r} 和 {credit!r} 两列都有金额；每行应当只有其中一列有",
        "both {debit!r} and {credit!r} hold an amount; expected one of them per row",
    ),
    "generic.bad_amount": (
        "{column} 的值 {value!r} 不是金额（应当像 -12.34）",
        "{column} {value!r} is not an amount (expected e.g. -12.34)",
    ),
    "generic.bad_unsigned_amount": (
        "{column} 的值 {value!r} 不是金额（应当像 12.34）",
        "{column} {value!r} is not an amount (expected e.g. 12.34)",
    ),
    "generic.bad_date": (
        "日期 {value!r} 无法识别（应当像 2024-01-31、2024/1/31、20240131 或 1/31/2024）",
        "date {value!r} is not a date (expected e.g. 2024-01-31, 2024/1/31, 20240131 or 1/31/2024)",
    ),
    "generic.bad_clock": (
        "时间 {value!r} 无法识别（应当像 10:11:12）",
        "time {value!r} is not a time (expected e.g. 10:11:12)",
    ),
    "generic.rows_without_date.line": (
        "{count} 行没有日期，已跳过（第 {rows} 行）",
        "{count} rows without a date were skipped (lines {rows})",
    ),
    "generic.rows_without_date.row": (
        "{count} 行没有日期，已跳过（第 {rows} 行）",
        "{count} rows without a date were skipped (rows {rows})",
    ),
    "generic.rows_without_date.line.one": (
        "{count} 行没有日期，已跳过（第 {rows} 行）",
        "{count} row without a date was skipped (line {rows})",
    ),
    "generic.rows_without_date.row.one": (
        "{count} 行没有日期，已跳过（第 {rows} 行）",
        "{count} row without a date was skipped (row {rows})",
    ),
    "generic.unknown_direction_words": (
        "收支方向的词 {words} 不是 借/贷 或 Debit/Credit；已按金额的正负号判断",
        "direction words {words} are not 借/贷 or Debit/Credit; the sign of the amount was used",
    ),
    # -- the dedicated importers (alipay, wechat, banks, OFX, camt, MT940...) -------------
    "statement.no_header_line": ("找不到含 {columns} 的表头行", "no header line with {columns}"),
    "statement.no_header_row": ("找不到含 {columns} 的表头行", "no header row with {columns}"),
    "statement.no_header_in_lines": (
        "前 {count} 行中找不到含 {columns} 的表头行",
        "no header line with {columns} in the first {count} lines",
    ),
    "statement.no_header_in_lines.one": (  # a file of one line
        "第一行不是含 {columns} 的表头行",
        "no header line with {columns} in the first line",
    ),
    "statement.no_header_sheet": (
        "没有一个工作表有 {columns} 表头",
        "no sheet with the {columns} header",
    ),
    "alipay.no_header": ("找不到支付宝账单的表头行", "no header line of an Alipay bill"),
    "statement.header_lacks_column": ("表头没有 {column} 列", "the header has no column {column}"),
    "citic.no_rows": (
        "本期账单明细工作表没有交易行",
        "the 本期账单明细 sheet has no transaction rows",
    ),
    "statement.line_after_records": (
        "记录结束之后还有一行交易（这里应当只有结尾的几行）",
        "a transaction line after the end of the records (expected only the closing lines here)",
    ),
    "statement.bad_printed_amount": (
        "{column} 的值 {value!r} 不是金额（应当像 {example}）",
        "{column} {value!r} is not an amount (expected e.g. {example})",
    ),
    "statement.income_and_expense": (
        "{income} 和 {expense} 两列都有金额（每行应当只有其中一列有）",
        "both {income} and {expense} hold an amount (expected only one of them)",
    ),
    "statement.broken_xml.not_allowed": (
        "XML 格式损坏（第 {column} 列有 XML 不允许的字符或标记）；应当是格式正确的 {expected} 文件",
        "broken XML (a character or mark XML does not allow, at column {column}); expected "
        "a well-formed {expected} document",
    ),
    "statement.broken_xml.cut_off": (  # the line is the file's last (importers/camt.py)
        "XML 格式损坏（文档还没有结束文件就结束了）：文件在这里中断，不完整（下载或复制没有"
        "完成？），因此没有导入任何内容；请重新导出或下载账单（应当是格式正确的 {expected} 文件）",
        "broken XML (the file ends before the document does): the file stops here, cut off "
        "(an incomplete download or copy?), so nothing of it was imported; export or "
        "download the statement again (expected a well-formed {expected} document)",
    ),
    "statement.broken_xml.mismatched": (
        "XML 格式损坏（第 {column} 列的结束标记与它要结束的标记不一致）；"
        "应当是格式正确的 {expected} 文件",
        "broken XML (a closing tag at column {column} does not match the tag it closes); "
        "expected a well-formed {expected} document",
    ),
    "statement.broken_xml": (  # the declaration on line 1 (importers/camt.py)
        "XML 格式损坏（XML 声明里写的编码无法使用）；应当是格式正确的 {expected} 文件",
        "broken XML (the XML declaration names an encoding that cannot be used); expected "
        "a well-formed {expected} document",
    ),
    "camt.no_statement": (
        "这个 XML 里没有账单（应当有 camt.053 的 BkToCstmrStmt/Stmt 元素）",
        "no statement in this XML (expected BkToCstmrStmt/Stmt elements of camt.053)",
    ),
    "camt.entry_without_date": (
        "一条记录没有 BookgDt 或 ValDt（应当是 <Dt> YYYY-MM-DD 或 <DtTm>）",
        "an entry without BookgDt or ValDt (expected <Dt> YYYY-MM-DD or <DtTm>)",
    ),
    "camt.bad_indicator": (
        "CdtDbtInd 的值 {value!r} 不是 CRDT 或 DBIT",
        "CdtDbtInd {value!r} is not CRDT or DBIT",
    ),
    "camt.bad_amount": (
        "Amt 的值 {value!r} 不是正数金额（应当像 8.85）",
        "Amt {value!r} is not a positive amount (expected e.g. 8.85)",
    ),
    "ofx.no_statement": (
        "OFX 文件里没有银行或信用卡账单（应当有 <STMTRS> 或 <CCSTMTRS>）",
        "an OFX file without a bank or credit-card statement (expected <STMTRS> or <CCSTMTRS>)",
    ),
    "ofx.bad_date": (
        "DTPOSTED 的值 {value!r} 不是 OFX 日期（应当是 YYYYMMDD[HHMMSS]）",
        "DTPOSTED {value!r} is not an OFX date (expected YYYYMMDD[HHMMSS])",
    ),
    "ofx.bad_amount": (
        "TRNAMT 的值 {value!r} 不是金额（应当像 -9.99）",
        "TRNAMT {value!r} is not an amount (expected e.g. -9.99)",
    ),
    "mt940.bad_date": (
        ":{tag}: 的日期 {value!r} 不是真实的日期（应当是 YYMMDD）",
        ":{tag}: date {value!r} is not a calendar date (expected YYMMDD)",
    ),
    "mt940.amount_too_long": (
        ":{tag}: 的金额有 {length} 个字符（MT940 最多允许 {limit} 个，例如 1234,56）",
        ":{tag}: amount of {length} characters (MT940 allows {limit}, e.g. 1234,56)",
    ),
    "mt940.bad_balance": (
        ":{tag}: 的 {value!r} 不是余额（应当像 C240131EUR1234,56）",
        ":{tag}: {value!r} is not a balance (expected e.g. C240131EUR1234,56)",
    ),
    "mt940.bad_statement_line": (
        ":61: 的 {value!r} 不是交易行（应当是 YYMMDD[MMDD]C|D|RC|RD金额,类型...）",
        ":61: {value!r} is not a statement line (expected YYMMDD[MMDD]C|D|RC|RDamount,TYPE...)",
    ),
    "mt940.balance_differs": (
        "第 {line} 行：期末余额 {closing} {currency} 不等于期初余额 {opening}（第 {opening_line} "
        "行）加上各交易行（{moved}）",
        "line {line}: closing balance {closing} {currency} differs from the opening balance "
        "{opening} (line {opening_line}) plus the statement lines ({moved})",
    ),
    "camt.balance_differs": (
        "对账单 {statement}：期初余额 {opening} {opening_currency} 加上已入账的交易（{moved}）"
        "不等于期末余额 {closing} {closing_currency}",
        "statement {statement}: opening balance {opening} {opening_currency} plus booked "
        "entries {moved} does not give the closing balance {closing} {closing_currency}",
    ),
    "mt940.odd_transaction_type": (
        "第 {line} 行：交易类型 {value!r} 不是 N、F 或 S 加三个字母或数字；"
        "按原样读取（账本不用它）",
        "line {line}: transaction type {value!r} is not N, F or S plus three letters or "
        "digits; read as printed (the ledger does not use it)",
    ),
    # -- warnings of the dedicated importers ----------------------------------------------
    "statement.unknown_currency": (
        "未知币种 {word!r}，按原样保留",
        "unknown currency {word!r} kept as printed",
    ),
    "statement.unknown_status": (
        "未知的交易状态 {word!r}，按“{default:zh}”读取",
        "unknown status {word!r} read as {default:en}",
    ),
    "statement.record_count_differs": (
        "文件写明有 {count} 条记录；实际读到 {read} 条",
        "the file says it has {count} records; {read} read",
    ),
    "statement.record_count_differs.one": (
        "文件写明有 {count} 条记录；实际读到 {read} 条",
        "the file says it has {count} record; {read} read",
    ),
    "statement.declared_totals_differ.expense": (
        "文件写明支出 {count} 笔，合计 {total}；读到 {read} 笔，合计 {got}",
        "the file declares {count} expense rows totalling {total}; read {read} totalling {got}",
    ),
    "statement.declared_totals_differ.expense.one": (
        "文件写明支出 {count} 笔，合计 {total}；读到 {read} 笔，合计 {got}",
        "the file declares {count} expense row totalling {total}; read {read} totalling {got}",
    ),
    "statement.declared_totals_differ.income": (
        "文件写明收入 {count} 笔，合计 {total}；读到 {read} 笔，合计 {got}",
        "the file declares {count} income rows totalling {total}; read {read} totalling {got}",
    ),
    "statement.declared_totals_differ.income.one": (
        "文件写明收入 {count} 笔，合计 {total}；读到 {read} 笔，合计 {got}",
        "the file declares {count} income row totalling {total}; read {read} totalling {got}",
    ),
    "statement.declared_totals_differ.neutral": (
        "文件写明不计收支 {count} 笔，合计 {total}；读到 {read} 笔，合计 {got}",
        "the file declares {count} neutral rows totalling {total}; read {read} totalling {got}",
    ),
    "statement.declared_totals_differ.neutral.one": (
        "文件写明不计收支 {count} 笔，合计 {total}；读到 {read} 笔，合计 {got}",
        "the file declares {count} neutral row totalling {total}; read {read} totalling {got}",
    ),
    "statement.footer_total_unreadable.expense": (
        "结尾 {label} 的支出合计 {printed!r} 不是数字；读到 {got}",
        "the footer {label} expense total {printed!r} is not a number; read {got}",
    ),
    "statement.footer_total_unreadable.income": (
        "结尾 {label} 的收入合计 {printed!r} 不是数字；读到 {got}",
        "the footer {label} income total {printed!r} is not a number; read {got}",
    ),
    "statement.footer_total_differs.expense": (
        "结尾 {label} 写明支出合计 {total}；各行合计 {got}",
        "the footer {label} declares expense totalling {total}; the rows read total {got}",
    ),
    "statement.footer_total_differs.income": (
        "结尾 {label} 写明收入合计 {total}；各行合计 {got}",
        "the footer {label} declares income totalling {total}; the rows read total {got}",
    ),
    "statement.id_turned_into_number.line": (
        "{column} {value!r}（第 {row} 行，共 {count} 行）被改成了数字，可能是 Excel 另存造成的；"
        "数字已经丢失，请导入原始导出文件",
        "{column} {value!r} (line {row}, {count} rows in all) was turned into a number, "
        "probably by Excel; its digits are lost - import the original export instead",
    ),
    "statement.id_turned_into_number.row": (
        "{column} {value!r}（第 {row} 行，共 {count} 行）被改成了数字，可能是 Excel 另存造成的；"
        "数字已经丢失，请导入原始导出文件",
        "{column} {value!r} (row {row}, {count} rows in all) was turned into a number, "
        "probably by Excel; its digits are lost - import the original export instead",
    ),
    "statement.id_turned_into_number.line.one": (
        "{column} {value!r}（第 {row} 行，共 {count} 行）被改成了数字，可能是 Excel 另存造成的；"
        "数字已经丢失，请导入原始导出文件",
        "{column} {value!r} (line {row}, {count} row in all) was turned into a number, "
        "probably by Excel; its digits are lost - import the original export instead",
    ),
    "statement.id_turned_into_number.row.one": (
        "{column} {value!r}（第 {row} 行，共 {count} 行）被改成了数字，可能是 Excel 另存造成的；"
        "数字已经丢失，请导入原始导出文件",
        "{column} {value!r} (row {row}, {count} row in all) was turned into a number, "
        "probably by Excel; its digits are lost - import the original export instead",
    ),
    "statement.sheet_unreadable": (
        "无法读取这个表格文件（{detail}）",
        "the spreadsheet cannot be read ({detail})",
    ),
    "statement.sheet_missing": (
        "表格文件缺少工作表 {sheet}，文件已损坏或不完整；请重新导出或下载",
        "the spreadsheet lacks its worksheet {sheet} (the file is damaged or incomplete); "
        "export or download it again",
    ),
    "statement.sheet_broken_xml": (
        "表格文件内部的 XML 已损坏（可能不完整），无法读取；请重新导出或下载",
        "the XML inside the spreadsheet is broken (perhaps cut off), so it cannot be read; "
        "export or download it again",
    ),
    "statement.sheet_broken_zip": (
        "表格文件的压缩结构已损坏，无法读取；请重新导出或下载",
        "the spreadsheet's compressed structure is broken, so it cannot be read; export "
        "or download it again",
    ),
    "statement.sheet_password": (
        "表格文件有密码保护；请先在 Excel 或 WPS 中去掉密码再导入",
        "the spreadsheet is password-protected; remove the password in Excel or WPS, then "
        "import it",
    ),
    "statement.sheet_damaged": (
        "表格文件已损坏（读取程序在它上面停止了）",
        "the spreadsheet is damaged (its reader stopped on it)",
    ),
    "icbc.no_totals_line": (
        "文件结尾没有合计行，文件可能不完整",
        "the file has no 合计 (totals) line at the end; it may be incomplete",
    ),
}
