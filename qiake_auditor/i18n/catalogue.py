"""The zh/en catalogue of core messages: id -> (Chinese, English), with ``{field}`` slots.

Grouped by the part of the app that says them. Add an id here before raising it; a test
checks that both languages name the same fields.
"""

from __future__ import annotations

from .chart_labels import CHART_MESSAGES
from .statements import STATEMENT_MESSAGES

CATALOGUE: dict[str, tuple[str, str]] = {
    # -- generic --------------------------------------------------------------------------
    "error.prefix": ("错误：{message}", "error: {message}"),
    "error.internal": (
        "内部错误：{detail}（加 --debug 查看详情）",
        "internal error: {detail} (run with --debug for details)",
    ),
    "error.interrupted": ("已中断", "interrupted"),
    # an OSError the system worded (its strerror is English): said again in our words
    "os.error": ("{path}：{reason}", "{path}: {reason}"),
    "os.reason.ENOENT": ("找不到这个文件或文件夹", "no such file or folder"),
    "os.reason.EACCES": ("没有权限", "permission denied"),
    "os.reason.EPERM": ("不允许这样操作", "operation not permitted"),
    "os.reason.ENOSPC": ("磁盘空间不足", "no space left on the disk"),
    "os.reason.EROFS": ("磁盘或文件夹是只读的", "the disk or folder is read-only"),
    "os.reason.ENOTDIR": ("路径中有一项不是文件夹", "a part of the path is not a folder"),
    "os.reason.EISDIR": ("这是一个文件夹，不是文件", "it is a folder, not a file"),
    "os.reason.EEXIST": ("已经有同名的文件或文件夹", "a file or folder of that name exists"),
    "os.reason.ENAMETOOLONG": ("文件名太长", "the file name is too long"),
    "os.reason.in_use": (
        "文件正被其他程序使用（例如在 Excel 或 WPS 中打开）：请关闭那个程序再试",
        "another program is using the file (Excel or WPS, for example): close it, then try again",
    ),
    "os.reason.replace_refused": (
        "原来的文件不能被替换（它正被其他程序使用，例如在 Excel 或 WPS 中打开，或是只读的）；"
        "请关闭那个程序，或换一个文件名再试",
        "the old file cannot be replaced: another program has it open (Excel or WPS, for "
        "example), or it is read-only. Close that program or choose another name, then try "
        "again",
    ),
    "os.reason.other": ("系统提示：“{said}”", "the system said: {said}"),
    "option.bad_date": (
        "{option}：{value!r} 不是 2025-02-20 这样的日期",
        "{option}: {value!r} is not a date like 2025-02-20",
    ),
    "option.bad_cancelled": (
        "--cancelled：{value!r} 不是 商户=YYYY-MM-DD（例如 洽客科技=2025-02-20）",
        "--cancelled: {value!r} is not MERCHANT=YYYY-MM-DD (e.g. 洽客科技=2025-02-20)",
    ),
    "option.bad_map": (
        "--map：{value!r} 不是 字段=列名（例如 date=交易日期）",
        "--map: {value!r} is not FIELD=COLUMN (e.g. date=交易日期)",
    ),
    "option.bad_currency": (
        "--currency：{value!r} 不是三个字母的币种代码（例如 USD、EUR）",
        "--currency: {value!r} is not a three-letter currency code (e.g. USD, EUR)",
    ),
    "option.negative_notice": ("--notice-days 不能小于 0", "--notice-days must be 0 or more"),
    "option.bad_status": (
        "--status：{value!r} 不是以下之一：{choices}",
        "--status: {value!r} is not one of: {choices}",
    ),
    "option.bad_channel": (
        "--channel：{value!r} 不是以下之一：{choices}",
        "--channel: {value!r} is not one of: {choices}",
    ),
    # -- input files ----------------------------------------------------------------------
    "input.missing": ("{path}：文件不存在", "{path}: no such file"),
    "output.suffix": ("{name}：只能写成 {allowed}", "{name}: can be written as {allowed}"),
    "evidence.exists": (
        "{path} 已存在（可能是已经寄出的证据包）：请换一个文件名，或加 --replace 覆盖它",
        "{path} already exists (it may be a package you have sent): choose another name, "
        "or add --replace to overwrite it",
    ),
    # what `evidence` says once the package is written (outputs/evidence/package.py)
    "evidence.summary.package": ("证据包：{path}", "evidence package: {path}"),
    "evidence.summary.sha256": ("SHA-256：{sha256}", "SHA-256: {sha256}"),
    "evidence.summary.case": (
        "案件 {case}（第 {version} 版），{files}，{size} 字节",
        "case {case} (version {version}), {files}, {size} bytes",
    ),
    "evidence.summary.files": ("{count} 个文件", "{count} files"),
    "evidence.summary.files.one": ("{count} 个文件", "{count} file"),
    "evidence.summary.charges": ("扣费 {charges}，共 {total}", "{charges}, {total} in all"),
    "evidence.summary.charge_count": ("{count:,} 笔", "{count:,} charges"),
    "evidence.summary.charge_count.one": ("{count} 笔", "{count} charge"),
    "outputs.claim": ("{charges}，共计 {total}", "{charges}, {total} in all"),
    "outputs.claim.net": (
        "{charges}，共计 {total}，扣除已退款 {refunded} 后尚应退还 {net}",
        "{charges}, {total} in all, less {refunded} already refunded: {net} still owed",
    ),
    "outputs.claim.charges": ("{count:,} 笔款项", "{count:,} charges"),
    "outputs.claim.charges.one": ("{count} 笔款项", "{count} charge"),
    "evidence.summary.after": (
        "{day} 取消后扣费 {charges}，共 {total}",
        "{charges} after the cancellation of {day}, {total}",
    ),
    "report.font_unusable": (
        "字体文件 {path} 无法用于中文报告（读不出或缺少中文字形）。请选择一个中文 TrueType/OpenType "
        "字体（.ttf/.ttc/.otf），例如微软雅黑 msyh.ttc、苹方 PingFang.ttc 或文泉驿微米黑。",
        "The font file {path} cannot be used for a Chinese report (unreadable or without "
        "Chinese glyphs). Choose a Chinese TrueType/OpenType font (.ttf/.ttc/.otf).",
    ),
    "report.no_font": (
        "没有找到可嵌入 PDF 的中文字体。请安装一个中文字体（Windows：微软雅黑/宋体；macOS：苹方/宋体；"
        "Linux：fonts-wqy-microhei 或 fonts-noto-cjk），或在设置中（命令行 --font FILE，或环境变量 "
        "{variable}）选择一个中文字体文件。",
        "No Chinese font to embed in the PDF was found. Install one (Windows: Microsoft YaHei / "
        "SimSun; macOS: PingFang / Songti; Linux: fonts-wqy-microhei or fonts-noto-cjk), or "
        "choose a Chinese font file in the settings (--font FILE on the command line, or the "
        "{variable} environment variable).",
    ),
    "input.directory_empty": (
        "{path}：是一个文件夹，里面没有可以导入的账单文件",
        "{path}: is a folder with no statement files in it",
    ),
    "input.directory_used": (
        "{path}：文件夹，导入其中 {count} 个文件",
        "{path}: a folder; importing the {count} files in it",
    ),
    "input.directory_used.one": (
        "{path}：文件夹，导入其中 {count} 个文件",
        "{path}: a folder; importing the {count} file in it",
    ),
    # {names:zh} / {names:en}: app.inputs.NameList, joined with 、 or a comma
    "input.directory_skipped": (
        "{path}：跳过了 {count} 个不是账单的文件：{names:zh}",
        "{path}: skipped {count} files that are not statements: {names:en}",
    ),
    "input.directory_skipped.one": (
        "{path}：跳过了 {count} 个不是账单的文件：{names:zh}",
        "{path}: skipped {count} file that is not a statement: {names:en}",
    ),
    "input.directory_skipped.more": (
        "{path}：跳过了 {count} 个不是账单的文件：{names:zh} 等（另有 {more} 个）",
        "{path}: skipped {count} files that are not statements: {names:en} and {more} more",
    ),
    "input.unreadable": ("{path}：无法读取（{reason}）", "{path}: cannot be read ({reason})"),
    # -- workspace ------------------------------------------------------------------------
    "workspace.is_directory": (
        "工作区 {path} 是一个文件夹，不是工作区文件；请给出一个 .sqlite 文件路径",
        "workspace {path} is a folder, not a workspace file; give the path of a .sqlite file",
    ),
    "workspace.not_sqlite": (
        "{path} 不是 qiake-auditor 工作区（不是 SQLite 数据库）；文件未被改动",
        "{path} is not a qiake-auditor workspace (not an SQLite database); "
        "the file was not changed",
    ),
    "workspace.foreign": (
        "{path} 是别的程序的 SQLite 数据库，不是 qiake-auditor 工作区；文件未被改动",
        "{path} is another program's SQLite database, not a qiake-auditor "
        "workspace; the file was not changed",
    ),
    "workspace.newer": (
        "工作区 {path} 由更新的版本创建（格式 {found}，本版本支持到 {known}）；"
        "请升级 qiake-auditor，文件未被改动",
        "workspace {path} was written by a newer version (schema {found}, this "
        "version knows up to {known}); upgrade qiake-auditor — the file was not "
        "changed",
    ),
    "workspace.read_only": (
        "工作区 {path} 是只读的，无法保存；只能查看",
        "workspace {path} is read-only: nothing can be saved to it, only read",
    ),
    "workspace.locked": (
        "工作区 {path} 正被另一个程序使用，请稍后再试",
        "workspace {path} is busy (used by another program); try again shortly",
    ),
    "workspace.damaged": (
        "工作区 {path} 已损坏：{detail}",
        "workspace {path} is damaged: {detail}",
    ),
    "workspace.malformed": (  # SQLite: "database disk image is malformed"
        "工作区 {path} 已损坏：数据库文件的内部结构被破坏，无法读取（文件可能不完整，"
        "或被别的程序改动过）",
        "workspace {path} is damaged: the structure of the database file is broken, so it "
        "cannot be read (it may be cut off, or changed by another program)",
    ),
    # {first}: the first thing SQLite's integrity check reports, in its own (English) words
    "workspace.integrity": (
        "工作区 {path} 已损坏：SQLite 的完整性检查发现 {count} 处问题（第一处，SQLite 的英文原文："
        "{first}）",
        "workspace {path} is damaged: SQLite's integrity check found {count} problems "
        "(the first: {first})",
    ),
    "workspace.integrity.one": (
        "工作区 {path} 已损坏：SQLite 的完整性检查发现 {count} 处问题（SQLite 的英文原文：{first}）",
        "workspace {path} is damaged: SQLite's integrity check found {count} problem ({first})",
    ),
    "workspace.original_unreadable": (
        "工作区 {path} 已损坏：{name} 的存档副本无法读取（数据库文件的这一部分被破坏）",
        "workspace {path} is damaged: the stored copy of {name} cannot be read (that part "
        "of the database file is broken)",
    ),
    "workspace.original_changed": (
        "工作区 {path} 已损坏：{name} 的存档副本与其 SHA-256 不再一致",
        "workspace {path} is damaged: the stored copy of {name} no longer matches its SHA-256",
    ),
    "workspace.rows_changed": (
        "工作区 {path} 已损坏：{source} 的账目（第 {block} 块）与校验值不再一致；"
        "请把该账单重新导入一个新的工作区",
        "workspace {path} is damaged: the rows of {source} (block {block}) no longer match "
        "their checksum; re-import the statement into a new workspace",
    ),
    "workspace.rows_unreadable": (
        "工作区 {path} 已损坏：无法读取 {source} 的账目（{reason}）",
        "workspace {path} is damaged: the rows of {source} cannot be read ({reason})",
    ),
    "workspace.rows_missing": (
        "工作区 {path} 已损坏：{source} 的账目只有 {found} 行，应为 {stored} 行",
        "workspace {path} is damaged: the rows of {source}: {found} instead of {stored}",
    ),
    "workspace.cannot_create": (
        "无法创建工作区 {path}：{reason}",
        "cannot create workspace {path}: {reason}",
    ),
    # -- cases ----------------------------------------------------------------------------
    "case.not_found": (
        "没有与 {text!r} 匹配的案件（商户名）；用 case list 查看全部",
        "no case matches {text!r}; `case list` shows them all",
    ),
    "case.ambiguous": (
        "{text!r} 匹配多个案件：{names}；请写得更具体",
        "{text!r} matches several cases: {names}; be more specific",
    ),
    # a case in one line (outputs/facts.py CaseFacts.summary)
    "case.summary": ("{name}：{charges}，共 {total}", "{name}: {charges}, {total} in all"),
    "case.summary.charges": ("{count} 笔扣费", "{count} charges"),
    "case.summary.charges.one": ("{count} 笔扣费", "{count} charge"),
    "case.summary.after_charges": ("{count} 笔", "{count} charges"),
    "case.summary.after_charges.one": ("{count} 笔", "{count} charge"),
    "case.summary.after": (
        "；{day} 取消后仍扣 {charges}，共 {total}",
        "; {charges} after the cancellation of {day}, {total}",
    ),
    "case.attachment_missing": ("附件 {path} 不存在", "attachment {path} does not exist"),
    "case.attachment_folder": (
        "{path} 是文件夹：请附上其中的文件（截图、邮件、聊天记录）",
        "{path} is a folder: attach the files in it (screenshots, e-mails, chat exports)",
    ),
    "case.saved": ("已保存：{what}", "saved: {what}"),
    "case.logged": ("已记入案件记录：{summary}", "added to the case log: {summary}"),
    "case.nothing_to_set": (
        "没有要修改的内容（给出 --cancelled、--status、--note、--alias 或 --split）",
        "nothing to change (give --cancelled, --status, --note, --alias or --split)",
    ),
    # case-log entries the app writes itself (the summary stays the stored English record)
    "log.evidence_package": (
        "证据包 {name}（第 {version} 版），sha256 {sha256}",
        "evidence package {name} v{version} sha256 {sha256}",
    ),
    "log.evidence_attachments": ("证据包的附件", "attachments for the evidence package"),
    "decision.cancelled": ("记录取消日期 {day}", "cancelled on {day}"),
    "decision.cancelled_removed": ("删除了取消日期", "cancellation date removed"),
    "decision.status": ("状态改为「{status}」", "status set to {status}"),
    "decision.merged": ("名称「{name}」并入 {case}", "name {name} merged into {case}"),
    "decision.split": (
        "名称「{name}」拆分为单独的案件",
        "name {name} split off into a case of its own",
    ),
    "case.split_unknown": (
        "「{name}」不是案件 {case} 的名称，无法拆分",
        "{name} is not one of the names of case {case}, so it cannot be split off",
    ),
    "case.split_same_key": (
        "无法拆分「{name}」：它只是 {case} 的另一种写法（两者归一后都是「{key}」），"
        "扣费按归一后的商户名归组，无法分开",
        "cannot split {name} off: it is another way of writing {case} (both normalise to "
        "{key}), and charges are grouped by that normalised name",
    ),
    # -- import ---------------------------------------------------------------------------
    "import.cancelled": ("已停止，工作区没有改变。", "Stopped; the workspace was not changed."),
    "import.committed_before_cancel": (
        "导入在停止前已经完成并保存。",
        "The import had already been saved before you stopped it.",
    ),
    # -- command line (cli.py, commands/) -------------------------------------------------
    "workspace.missing": (
        "工作区 {path} 不存在（没有创建）；请先用 import 把账单导入这个工作区",
        "workspace {path} does not exist (nothing was created); import statements into it first",
    ),
    "usage.bad_choice": (
        "{option}：{value!r} 不是可选的值（可选：{choices}）",
        "{option}: {value!r} is not one of: {choices}",
    ),
    "usage.not_a_number": ("{option}：{value!r} 不是数字", "{option}: {value!r} is not a number"),
    "usage.needs_value": ("{option} 后面需要一个值", "{option} needs a value after it"),
    "usage.takes_no_value": (
        "{option} 不带值（给了 {value!r}）",
        "{option} takes no value (got {value!r})",
    ),
    "usage.missing": ("缺少：{names}", "missing: {names}"),
    "usage.unknown": ("无法识别的参数：{names}", "not understood: {names}"),
    "usage.other": ("命令行有误：{detail}", "bad command line: {detail}"),
    "usage.hint": ("用 {prog} --help 查看用法", "see {prog} --help"),
    "cli.report.format": ("格式 {id}（{label}）", "format {id} ({label})"),
    "cli.report.rows": ("{count} 行（{status}）", "{count} rows ({status})"),
    "cli.report.rows.one": ("{count} 行（{status}）", "{count} row ({status})"),
    "cli.report.added": ("新增 {count} 行", "{count} new"),
    "cli.report.already": ("以前已导入，没有新行", "already imported, no new rows"),
    "cli.report.money": ("支出 {expense}  收入 {income}", "expense {expense}  income {income}"),
    "cli.report.span": ("{rows}，{first} 至 {last}", "{rows}, {first} .. {last}"),
    # {files}, {rows}, {already}: the counted pieces below (English has a singular)
    "cli.report.total": (
        "合计：{files}，读到 {rows}，新增 {added} 行，{already}",
        "in all: {files}, {rows} read, {added} new, {already}",
    ),
    "cli.report.total.files": ("{count} 个文件", "{count} files"),
    "cli.report.total.files.one": ("{count} 个文件", "{count} file"),
    "cli.report.total.rows": ("{count} 行", "{count} rows"),
    "cli.report.total.rows.one": ("{count} 行", "{count} row"),
    "cli.report.total.already": ("{count} 个文件以前已导入", "{count} files already imported"),
    "cli.report.total.already.one": (
        "{count} 个文件以前已导入",
        "{count} file already imported",
    ),
    "cli.ledger_written": ("账目已写入 {path}", "ledger written to {path}"),
    "cli.import_warning": ("注意：{message}", "warning: {message}"),
    "cli.file_says": ("{source}：{message}", "{source}: {message}"),
    "cli.unchanged": (
        "没有变化：{what}（原来就是这样）",
        "nothing changed: {what} (it was so already)",
    ),
    "cli.empty_value": ("{option} 不能为空", "{option} cannot be empty"),
    "cli.future_date": (
        "{option}：{value} 在今天（{today}）之后；请给出已经发生的日期",
        "{option}: {value} is after today ({today}); give a day that has passed",
    ),
    "cli.out_unwritable": (
        "{path}：无法写入（{reason}）；什么都没有导入",
        "{path}: cannot be written ({reason}); nothing was imported",
    ),
    "cli.out_failed": (
        "账目没有写出到 {path}（{reason}）；导入已保存，用同样的命令可以再写一次",
        "the ledger was not written to {path} ({reason}); the import was saved, so the "
        "same command can write it again",
    ),
    "cli.out_too_many_rows": (
        "导入已保存，但账目没有写出到 {path}：XLSX 工作表最多容纳 {limit:,} 行交易（另加一行"
        "标题），这些文件的账目有 {rows:,} 行；请把 --out 改为 .csv 文件再运行同样的命令"
        "（CSV 没有行数限制；已导入的文件不会重复导入）",
        "the import was saved, but the ledger was not written to {path}: an XLSX sheet "
        "holds at most {limit:,} rows of transactions (and a header row), and the ledger "
        "of these files has {rows:,}; run the same command with --out naming a .csv file "
        "(CSV has no row limit; files already imported are not imported twice)",
    ),
    "cli.no_cases": (
        "没有案件（工作区中没有周期扣费或标记的扣费）",
        "no cases (the workspace holds no recurring or flagged charges)",
    ),
    "cli.attachment": (
        "{name}  sha256 {sha256}（{count:,} 字节）",
        "{name}  sha256 {sha256}  ({count:,} bytes)",
    ),
    "cli.attachment.one": (
        "{name}  sha256 {sha256}（{count:,} 字节）",
        "{name}  sha256 {sha256}  ({count:,} byte)",
    ),
    # -- check, scan, case and verify output (commands/, outputs/cli.py) -----------------
    "check.intact": (
        "工作区完好：{files}、{rows}均与校验值一致",
        "workspace intact: {files} and {rows} match their checksums",
    ),
    "check.intact.files": ("{count} 个原始文件", "{count} originals"),
    "check.intact.files.one": ("{count} 个原始文件", "{count} original"),
    "check.intact.rows": ("{count} 行账目", "{count} ledger rows"),
    "check.intact.rows.one": ("{count} 行账目", "{count} ledger row"),
    "scan.title": ("截至 {as_of}：{streams}，{flagged}", "as of {as_of}: {streams}, {flagged}"),
    "scan.title.streams": ("{count} 个周期性收支", "{count} recurring streams"),
    "scan.title.streams.one": ("{count} 个周期性收支", "{count} recurring stream"),
    "scan.title.flagged": ("{count} 笔标记扣费", "{count} flagged charges"),
    "scan.title.flagged.one": ("{count} 笔标记扣费", "{count} flagged charge"),
    "scan.due": ("应于 {day}", "due {day}"),
    "case.names_line": ("名称：{names}", "names: {names}"),
    "case.status_line": ("状态：{status}", "status: {status}"),
    "case.span_line": ("首次至最近：{first} 至 {last}", "first .. last: {first} .. {last}"),
    "case.after_heading": ("{day} 取消后的扣费：", "charges after the cancellation of {day}:"),
    "case.log_heading": ("案件记录：", "case log:"),
    "verify.valid": ("{package}：有效（{files}，{case}）", "{package}: valid ({files}, {case})"),
    "verify.valid.files": ("{count} 个文件", "{count} files"),
    "verify.valid.files.one": ("{count} 个文件", "{count} file"),
    "verify.invalid": ("{package}：无效", "{package}: INVALID"),
    # what is wrong with a package (outputs/evidence/verify.py), then why in brackets
    "verify.problem.altered": ("已被改动：{path}", "altered: {path}"),
    "verify.problem.missing": ("缺失：{path}", "missing: {path}"),
    "verify.problem.extra": ("多出的文件：{path}", "extra: {path}"),
    "verify.problem.unreadable": ("无法读取（已损坏）：{path}", "unreadable: {path}"),
    "verify.problem.structure": ("结构不符：{path}", "structure: {path}"),
    "verify.problem.with_detail": ("{problem}（{detail}）", "{problem} ({detail})"),
    "verify.detail.outside_bag": ("不在证据包文件夹内", "outside the bag folder"),
    "verify.detail.bag_folders": (
        "应当只有一个证据包文件夹，实际有 {count} 个",
        "expected one bag folder, found {count}",
    ),
    "verify.detail.not_bagit": ("不是 BagIt 文件头", "not a BagIt header"),
    "verify.detail.tag_hash": ("标签文件的哈希值不一致", "tag file hash differs"),
    "verify.detail.sha256": ("SHA-256 不一致", "SHA-256 differs"),
    "verify.detail.not_in_manifest": ("不在清单中", "not in the manifest"),
    "verify.detail.tag_not_listed": ("标签文件未列在清单中", "tag file not listed"),
    "verify.detail.oxum": (
        "Payload-Oxum 写的是 {oxum}，实际内容是 {real}",
        "Payload-Oxum {oxum}, contents {real}",
    ),
    "verify.detail.zip_bytes": (
        "ZIP 文件在第 {offset} 字节处被改动",
        "ZIP bytes changed at offset {offset}",
    ),
    "verify.detail.zip_bytes_central": (
        "ZIP 文件在第 {offset} 字节处被改动（中央目录）",
        "ZIP bytes changed at offset {offset} (central directory)",
    ),
    "verify.detail.bagit_rejects": (
        "bagit 校验程序不接受这个包",
        "the bagit validator rejects the bag",
    ),
    "verify.detail.checksum": (
        "解压出的内容与压缩包记录的校验值不符",
        "what it unpacks to does not match the checksum the archive records",
    ),
    "verify.detail.damaged": ("已损坏，无法解压", "damaged, it cannot be unpacked"),
    "verify.detail.not_zip": ("不是 ZIP 文件，或已损坏", "not a ZIP file, or damaged"),
    "verify.detail.os_error": ("无法打开：{reason}", "cannot be opened: {reason}"),
    "letter.written": ("{path}（{title}）", "{path}  ({title})"),
    "letter.no_platform_charges": (
        "{case} 的扣费没有一笔经由{platform}：这封投诉信无从写起（请改用 --kind merchant 或 bank）",
        "none of {case}'s charges went through {platform}: there is nothing to complain to it "
        "about (use --kind merchant or bank)",
    ),
    "letter.no_card_charges": (
        "{case} 的扣费没有一笔由银行卡支付：银行无从处理，也不能拒付（请改用 --kind merchant 或 platform）",
        "none of {case}'s charges was paid by a bank card: a bank cannot dispute or charge them "
        "back (use --kind merchant or platform)",
    ),
    # -- the headless demo (demo.py: `qiake-auditor demo`) --------------------------------
    "demo.no_files": ("没有找到演示账单（{folder}）", "no demo statements found in {folder}"),
    "demo.read": ("读取了 {files}：", "read {files}:"),
    "demo.files": ("{count} 个演示账单", "{count} demo statements"),
    "demo.files.one": ("{count} 个演示账单", "{count} demo statement"),
    "demo.file": (
        "{source}  [{format}]  {rows}，{first} 至 {last}",
        "{source}  [{format}]  {rows}, {first} .. {last}",
    ),
    "demo.ledger": ("账目共 {rows}", "ledger: {rows}"),
    "demo.no_detection": (
        "检测模块不可用：只写出了账目。",
        "detection is not available: only the ledger was written.",
    ),
    "demo.streams": ("发现 {streams}：", "found {streams}:"),
    "demo.stream": (
        "{merchant}  [{type}，{cadence}]  {amount} × {count}  净额 {net}  下次 {next}"
        "  状态 {status}  标记 {flags}",
        "{merchant}  [{type}, {cadence}]  {amount} × {count}  net {net}  next {next}"
        "  status {status}  flags {flags}",
    ),
    "demo.after_heading": ("!! 取消后仍被扣款：", "!! charged after cancellation:"),
    "demo.after_stream": (
        "{merchant}：已于 {day} 取消，之后又扣款 {count} 次：",
        "{merchant}: cancelled on {day}, charged {count} more times:",
    ),
    "demo.after_stream.one": (
        "{merchant}：已于 {day} 取消，之后又扣款 {count} 次：",
        "{merchant}: cancelled on {day}, charged {count} more time:",
    ),
    "demo.after_charge": ("{date}  {amount}（{where}）", "{date}  {amount}  ({where})"),
    "demo.where": ("{source} 第 {row} 行", "{source} row {row}"),
    "demo.none_after": ("没有发现取消后的扣款。", "no charge after a recorded cancellation."),
    "demo.outputs": ("输出文件：", "outputs:"),
    "demo.output.workspace": ("工作区", "workspace"),
    "demo.output.ledger": ("账目", "ledger"),
    "demo.output.streams": ("扣费流", "streams"),
    "demo.output.readable": ("说明", "readable"),
    "demo.output.chart": ("图表", "chart"),
    "demo.chart": ("{path}（{of}）", "{path}  ({of})"),
    "demo.overview": ("总览", "overview"),
    "demo.readable_head": ("截至 {as_of}，{transactions}", "as of {as_of}: {transactions}"),
    "demo.transactions": ("共 {count} 笔交易", "{count} transactions"),
    "demo.transactions.one": ("共 {count} 笔交易", "{count} transaction"),
    "demo.also_printed_as": ("也写作：{names}", "also printed as: {names}"),
    "demo.charge": (
        "{date}  {amount:>10}  {state}  {where}",
        "{date}  {amount:>10}  {state}  {where}",
    ),
    # -- qiake-auditor-gui without a display (gui/app.py) ---------------------------------
    "headless.no_display": (
        "没有可用的显示器（DISPLAY、WAYLAND_DISPLAY 都没有设置），改为在命令行运行。",
        "no display (DISPLAY / WAYLAND_DISPLAY are not set); running headless instead.",
    ),
    "headless.demo": ("运行演示审计，输出写到 {folder}", "running the demo audit into {folder}"),
    # column heads of the tables the command line prints
    "column.case": ("案件", "case"),
    "column.merchant": ("商户", "merchant"),
    "column.type": ("类型", "type"),
    "column.cadence": ("周期", "cadence"),
    "column.amount": ("金额", "amount"),
    "column.count": ("次数", "count"),
    "column.net": ("净额", "net"),
    "column.first": ("首次", "first"),
    "column.last": ("最近", "last"),
    "column.next": ("下次", "next"),
    "column.status": ("状态", "status"),
    "column.confidence": ("置信度", "conf."),
    "column.flags": ("标记", "flags"),
    "column.streams": ("周期扣费", "streams"),
    "column.charges": ("笔数", "charges"),
    "column.paid": ("已付", "paid"),
    "column.after": ("取消后", "after cancel."),
    "column.date": ("日期", "date"),
    "column.txn_id": ("交易号", "transaction id"),
    "column.order_id": ("商户单号", "order id"),
    "column.file": ("文件", "file"),
    "column.row": ("行", "row"),
    # -- statements and ledger exports (importers/, ingest.py, exports.py) -----------------
    "export.bad_suffix": (
        "{name}：账本只能写成 .csv 或 .xlsx",
        "{name}: the ledger can be written as .csv or .xlsx",
    ),
    "export.is_directory": (
        "{name} 是一个文件夹；请给出账本文件的路径（.csv 或 .xlsx）",
        "{name} is a folder; give the path of a ledger file (.csv or .xlsx)",
    ),
    "export.xlsx_too_many_rows": (
        "{name}：XLSX 工作表最多容纳 {limit:,} 行交易（另加一行标题），要导出的有 {rows:,} 行；"
        "请改为导出 CSV（没有行数限制），或先用筛选缩小范围",
        "{name}: an XLSX sheet holds at most {limit:,} rows of transactions (and a header "
        "row), and {rows:,} rows are to be exported; export them as CSV instead (it has no "
        "row limit), or narrow the view with the filters first",
    ),
    "statement.bomb": (
        "{member}：解压后超过 {limit} MB；按压缩炸弹拒绝，不是账单",
        "{member}: the archive expands to more than {limit} MB; refused as a "
        "decompression bomb, not a statement",
    ),
    "statement.sheet_too_large": (
        "工作表 {sheet} 跨 {rows:,} 行 × {cols:,} 列；账单远比这小，不予读取",
        "sheet {sheet} spans {rows:,} rows x {cols:,} columns; a "
        "statement is far smaller, so it is not read",
    ),
}

# The importers' refusals and warnings (a long list of their own).
CATALOGUE.update(STATEMENT_MESSAGES)
# The charts' titles, axes and legends.
CATALOGUE.update(CHART_MESSAGES)
