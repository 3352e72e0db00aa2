"""Chinese for the command line's ``--help``: argparse's own headings and every option's help.

Keyed by the English text as the parsers declare it (the English is the message; argparse
shows it unchanged in English), so a sub-command module keeps its help next to its options
and any module's options are translated here without editing it. A help text missing here
is shown in English; tests/app/test_cli_help.py walks every parser and fails on one.
"""

from __future__ import annotations

ARGPARSE_ZH: dict[str, str] = {  # argparse's fixed words (its gettext has no Chinese here)
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
}

HELP_ZH: dict[str, str] = {
    # -- gui/app.py (qiake-auditor-gui) ------------------------------------------------------
    "Open the qiake-auditor window: find recurring deductions in Alipay, WeChat Pay and "
    "bank statements.": "打开洽客审计窗口：查找支付宝、微信支付和银行账单中的周期性扣费。",
    "open the bundled demo statements in the demo's own workspace": (
        "在演示专用的工作区中打开自带的演示账单"
    ),
    "workspace file (default: the last one)": "工作区文件（默认：上次打开的）",
    "window language": "窗口语言",
    "where the headless demo writes (no display only)": "无显示器时演示结果写到哪里",
    "statement files to import": "要导入的账单文件",
    # -- cli.py ----------------------------------------------------------------------------
    "Find and explain recurring deductions in Alipay, WeChat Pay and bank statements.": (
        "查找并解释支付宝、微信支付和银行账单中的周期性扣费。"
    ),
    "show tracebacks of internal errors": "内部错误时显示调用栈",
    "exit status: 0 success, 2 bad input (the message names the file and the line or row), "
    "3 verify found the evidence package not valid, 1 an internal error": (
        "退出码：0 成功；2 输入有误（提示会指出文件和行）；3 verify 发现证据包无效；1 内部错误"
    ),
    "language of the output (default: the system's)": "输出语言（默认：系统语言）",
    "replace an existing package at --out": "覆盖 --out 处已有的证据包",
    "language of the documents (default: zh; messages follow the system)": (
        "文件的语言（默认：中文；提示信息跟随系统语言）"
    ),
    "list the statement formats this version reads": "列出本版本能读取的账单格式",
    "import statements into the workspace": "把账单导入工作区",
    "statements to import (files or folders)": "要导入的账单（文件或文件夹）",
    "print one JSON object": "输出一个 JSON 对象",
    "write the ledger of these files (.csv or .xlsx)": "把这些文件的账目写出（.csv 或 .xlsx）",
    "write account numbers in full in --out (masked by default)": (
        "在 --out 中写出完整账号（默认打码）"
    ),
    "audit the bundled demo statements without a window": "不开窗口，审计自带的演示账单",
    "folder for the demo's workspace and outputs (default: demo-output)": (
        "演示的工作区和输出文件夹（默认：demo-output）"
    ),
    "workspace file (default: per-user data)": "工作区文件（默认：当前用户的数据目录）",
    "password of encrypted ZIP archives": "加密 ZIP 压缩包的密码",
    "columns of an unknown CSV/XLSX: date=COL,amount=COL,... (fields: date, time, amount, "
    "debit, credit, direction, counterparty, description, currency, id)": (
        "未知 CSV/XLSX 的列：date=列名,amount=列名,…（字段：date 日期、time 时间、amount 金额、"
        "debit 借方、credit 贷方、direction 收支、counterparty 交易对方、description 说明、"
        "currency 币种、id 交易号）"
    ),
    "ISO code (USD, EUR...) of a bank CSV/XLSX that does not say its currency (same as --map "
    "currency=CODE; CNY is assumed otherwise, with a warning)": (
        "没有写明币种的银行 CSV/XLSX 的币种代码（USD、EUR…；等同于 --map currency=代码；"
        "不给时按人民币 CNY 记账并提示）"
    ),
    # -- commands/scan.py ------------------------------------------------------------------
    "find recurring charges and explain them": "查找周期性扣费并说明",
    "statements to import and scan (default: the whole workspace)": (
        "要导入并扫描的账单（默认：整个工作区）"
    ),
    "flag every charge whose merchant or item contains WORD (stored in the watchlist, "
    "default 洽客)": "标记商户或商品含 WORD 的每笔扣费（保存到关注名单，默认 洽客）",
    "you cancelled MERCHANT on this date: later charges are flagged (stored on the "
    "merchant's case)": "您在这一天取消了 MERCHANT：之后的扣费会被标记（保存到该商户的案件）",
    "judge status on this date (default: the latest transaction date; not stored)": (
        "按这一天判断状态（默认：最近一笔交易的日期；不保存）"
    ),
    "days before an annual renewal to cancel by (default 7)": "年度续费前几天应取消（默认 7）",
    "write account numbers in full in --json (masked by default)": (
        "在 --json 中写出完整账号（默认打码）"
    ),
    # -- commands/case.py ------------------------------------------------------------------
    "the cases you dispute: list, show, set, log": "您要追究的案件：list 列表、show 查看、"
    "set 记录决定、log 记录联系",
    "every case with its totals": "所有案件及其合计",
    "one case: names, streams, charges, totals, log": "一个案件：名称、周期扣费、扣费、合计、记录",
    "any of the case's names (or part of one)": "案件的任一名称（或其中一部分）",
    "record decisions on a case": "记录对案件的决定",
    "the day you cancelled: later charges are flagged": "您取消的日期：之后的扣费会被标记",
    "another name of this company (merged into the case)": "这家公司的另一个名称（并入案件）",
    "a name that is not this company (taken out of the case)": "不属于这家公司的名称（移出案件）",
    "add a dated entry to the case log": "在案件记录中添加一条带日期的记录",
    "ticket or complaint number": "工单号或投诉编号",
    "the day of the contact (default today)": "联系的日期（默认今天）",
    "a screenshot, e-mail or chat export kept with the entry": (
        "随记录保存的截图、邮件或聊天记录导出文件"
    ),
    # -- commands/check.py -----------------------------------------------------------------
    "Re-check every hash of an evidence package. Exit status: 0 the package is valid, "
    "3 it is not (each changed, missing or extra file is named), 2 bad input (no such "
    "file), 1 an internal error.": (
        "重新核对证据包的每个哈希值。退出码：0 证据包有效；3 无效（逐一指出被改动、缺失或多出的"
        "文件）；2 输入有误（文件不存在）；1 内部错误。"
    ),
    "verify every original and row block of a workspace": "校验工作区中的每个原始文件和账目块",
    # -- outputs/cli.py --------------------------------------------------------------------
    "build a case's evidence package (BagIt ZIP)": "生成案件的证据包（BagIt ZIP）",
    "one complaint-letter draft (DOCX or TXT)": "一封投诉函草稿（DOCX 或 TXT）",
    "a chart of a case's charges (PNG, SVG or PDF)": "案件扣费的图表（PNG、SVG 或 PDF）",
    "re-check every hash of an evidence package": "重新核对证据包中的每个哈希值",
    "statements to import first": "先导入的账单",
    "any of the case's names (or part of one), or its id": (
        "案件的任一名称（或其中一部分），或案件编号"
    ),
    "the day you cancelled (recorded on the case)": "您取消的日期（记录到案件）",
    "a screenshot, e-mail or chat export (kept in the case log)": (
        "截图、邮件或聊天记录导出文件（保存在案件记录中）"
    ),
    "the English chargeback letter's variant": "英文拒付（chargeback）信函的版本",
    "which platform a platform letter is for (default: the first)": (
        "平台投诉函寄给哪个平台（默认：第一个）"
    ),
    "your name as on the account": "您的姓名（与账户一致）",
    "your phone number": "您的电话号码",
    "your mailing address": "您的通讯地址",
    "your account / card number": "您的账号或卡号",
    "bought for a business (12315 投诉 is closed; 举报 stays open)": (
        "为经营购买（不能 12315 投诉，仍可举报）"
    ),
    "also claim 消保法 第五十五条 damages (only with evidence of deceit)": (
        "同时主张消保法第五十五条的惩罚性赔偿（仅在有欺诈证据时）"
    ),
    "print account, card and phone numbers in full": "完整显示账号、卡号和电话号码",
    "a Chinese TrueType/OpenType font file for the PDF": (
        "PDF 使用的中文 TrueType/OpenType 字体文件"
    ),
}
