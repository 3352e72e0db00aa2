# ruff: noqa: E501 - bilingual document wording reads better whole than cut at column 100
"""The report's fixed wording in Chinese and English (facts come from the case)."""

from __future__ import annotations

from typing import Any

# Any: most entries are text templates, a few are lists of lines.
T: dict[str, dict[str, Any]] = {
    "zh": {
        "title": "证据材料汇编",
        "subtitle": "自动续费 / 周期性扣费争议",
        "case": "案件编号",
        "complainant": "申请人",
        "respondent": "被申请人（商户）",
        "names": "账单上出现的名称",
        "prepared": "整理日期",
        "software": "整理工具",
        "charges": "扣费笔数",
        "paid": "扣费总额（支出）",
        "cancelled": "取消日期",
        "after": "取消后扣费",
        "claimed": "申请退还金额",
        "disclaimer": "本材料由当事人自行整理，不构成法律意见。所列金额、日期与订单号均取自所附原始账单，"
        "每一行均可按“来源文件 + 行号”核对。",
        "page": "第 {n} 页 / 共 {total} 页",
        "s1": "一、摘要",
        "s2": "二、当事人与账户",
        "s3": "三、时间线",
        "s4": "四、涉诉交易明细",
        "s5": "五、规律分析",
        "s6": "六、授权与提醒",
        "s7": "七、沟通记录",
        "s8": "八、法律依据",
        "s9": "九、请求事项",
        "s10": "十、证据目录",
        "s11": "十一、取证说明",
        "s12": "十二、声明",
        "period": "扣费期间",
        "cadence": "扣费周期",
        "scenario": "情形",
        "scenario_C": "C：已取消 / 已要求停止扣费后仍被扣款",
        "scenario_B": "B：开通了自动续费，续费前未见显著提醒",
        "scenario_A": "A：申请人不认识该商户，未开通其服务、未授权其扣款",
        "purchase": "购买性质",
        "b2c": "个人生活消费（B2C）",
        "b2b": "企业经营用途（B2B）",
        "remedies_short": "停止扣费并书面确认；原路退还所列款项；提供授权与提醒记录",
        "fill": "【请填写：{what}】",
        "none": "（无）",
        "col_no": "序号",
        "col_time": "交易时间",
        "col_channel": "渠道",
        "col_amount": "金额",
        "col_txn": "交易订单号/交易单号",
        "col_order": "商户单号/商家订单号",
        "col_after": "取消后",
        "col_src": "证据-行号",
        "yes": "是",
        "no": "否",
        "sub_channel": "按渠道小计",
        "sub_year": "按年度小计",
        "grand": "合计",
        "user": "申请人姓名",
        "phone": "联系电话",
        "address": "通讯地址",
        "account": "在商户处的账号",
        "merchant_names": "商户在各账单上的名称",
        "methods": "支付方式（已遮蔽）",
        "statement": "账单",
        "legal_name": "商户全称",
        "credit_code": "统一社会信用代码",
        "tl_first": "首次扣费",
        "tl_stream": "开始周期扣费：{what}",
        "tl_cancel": "申请人取消自动续费/解除代扣",
        "tl_after": "取消后仍被扣费",
        "tl_last": "最近一次扣费",
        "tl_refund": "商户退款",
        "no_streams": "（未发现按固定周期重复的扣费；各笔扣费见第四部分。）",
        "refunded": "已退款",
        "tl_log": "沟通记录",
        "auth": (
            "申请人未见商户在开通服务前及每次自动续费前以显著方式提请注意的记录。根据《民法典》第四百九十六条及"
            "合同编通则解释第十条，提供格式条款的一方应证明其已尽提示义务；仅以勾选、弹窗等方式提示不足以证明。"
            "请商户提供开通自动续费的授权记录、协议版本与每次续费提醒的发送记录。"
        ),
        "auth_user": "申请人补充（开通方式、是否收到续费提醒）：",
        "auth_fill": "补充说明",
        "auth_A": (
            "申请人不认识该商户，未开通其服务，也未授权其扣款。依《最高人民法院关于审理银行卡民事纠纷案件"
            "若干问题的规定》第四条，持卡人主张争议交易并非其本人交易或授权的，由发卡行、非银行支付机构对交易系"
            "持卡人本人或其授权承担举证责任。请商户及支付机构提供所称授权（签约）的时间、方式与记录。"
        ),
        "auth_user_A": "申请人补充（何时发现、是否曾使用该商户的任何服务）：",
        "log_cols": ("日期", "渠道", "工单号", "经过", "结果"),
        "legal_intro": "以下仅列出已核对原文的条款，括号内为核对日期。未核实的条款不在此列出。",
        "checked": "核对日期",
        "req_1": "立即停止扣费、解除代扣/自动续费，并书面确认；",
        "req_2": "原路退还下列 {claim}；",
        "req_3": "提供开通自动续费的授权记录、续费提醒发送记录与当时的协议版本（《电子商务法》第六十二条、《个人信息保护法》第四十五条）。",
        "ex_cols": ("编号", "包内文件", "类型", "SHA-256（前16位）", "大小（字节）"),
        "role_original": "原始账单",
        "role_attachment": "附件",
        "role_derived": "派生表格",
        "role_chart": "图表",
        "role_letter": "函件草稿",
        "role_report": "本报告",
        "method": (
            "1. 原始账单由申请人从支付平台/银行导出，按原样（逐字节）保存于证据包 data/originals/，"
            "未做任何修改。\n2. 每个文件在导入时计算 SHA-256 哈希值；证据包为 BagIt（RFC 8493）格式，"
            "manifest-sha256.txt 列出包内每个文件的哈希值。\n3. 表格与本报告中的每一笔扣费均注明来源文件、"
            "行号与该文件的 SHA-256，可逐行核对。\n4. 时间按账单所印的本地时间（北京时间，+08:00）。\n"
            "5. 局限：本材料未经公证；哈希值只能证明文件自计算哈希之时起未被改动。如金额较大，建议向平台申请"
            "“交易流水证明”或办理公证/存证。"
        ),
        "verify": "核验方法",
        "tools_line": "工具版本：{tools}；哈希算法：SHA-256",
        "no_contacts": "（尚无记录）如已联系商户、支付平台或银行，请写明日期、渠道、工单号与结果：",
        "no_contacts_fill": "沟通记录",
        "verify_lines": (
            "Windows：certutil -hashfile 文件名 SHA256",
            "macOS / Linux：shasum -a 256 文件名（或 sha256sum 文件名）",
            "BagIt 工具：bagit.py --validate 解压后的文件夹",
            "本工具：qiake-auditor verify 证据包.zip",
        ),
        "declaration": (
            "本人声明：本材料所附账单为本人从支付平台/银行导出的原始文件，所述事实真实。"
        ),
        "sign": "签名：______________________    日期：______________________",
        "declaration_b2b": (
            "本单位声明：本材料所附账单为本单位从支付平台/银行导出的原始文件，所述事实真实。"
        ),
        "sign_b2b": "单位（盖章）：______________________    经办人（签名）：______________________"
        "    日期：______________________",
        "user_b2b": "申请单位名称",
        "stream_line": "{merchant}：{cadence}，{count} 笔，每次 {amount}，{first} 至 {last}",
        "chart_caption": "图：由第四部分明细表生成。",
        "chart_caption_after": "图：由第四部分明细表生成（红色为取消后的扣费）。",
        "more_rows": "（共 {n} 笔，全部列于 tables/flagged_transactions.xlsx）",
        "summary_text": (
            "{first} 至 {last}，{merchant}通过{channels}共扣费 {count} 笔，合计 {total}。"
        ),
        "summary_after": (
            "申请人已于 {cancelled} 取消自动续费/解除代扣，此后仍被扣费 {n} 笔，合计 {total}。"
        ),
        "channels_used": "已采取的渠道",
        "event": "事件",
        "claimed_in_4": "（即第四部分明细表中“取消后”一栏为“是”的各笔；全部列于 tables/flagged_transactions.xlsx，"
        "refund_requested 一栏为每笔申请退还的金额。）",
    },
    "en": {
        "title": "Evidence report",
        "subtitle": "Dispute of automatic renewal / recurring charges",
        "case": "Case ID",
        "complainant": "Complainant",
        "respondent": "Respondent (merchant)",
        "names": "Names printed on the statements",
        "prepared": "Prepared",
        "software": "Prepared with",
        "charges": "Number of charges",
        "paid": "Total paid (expenses)",
        "cancelled": "Cancelled on",
        "after": "Charged after cancellation",
        "claimed": "Refund requested",
        "disclaimer": "Prepared by the account holder; not legal advice. Every amount, date and "
        "order id is taken from the attached original statements and can be "
        "traced to its source file and row.",
        "page": "Page {n} of {total}",
        "s1": "1. Summary",
        "s2": "2. Parties and accounts",
        "s3": "3. Timeline",
        "s4": "4. Itemised charges",
        "s5": "5. Recurrence analysis",
        "s6": "6. Authorisation and notice",
        "s7": "7. Communications log",
        "s8": "8. Legal basis",
        "s9": "9. Requested remedies",
        "s10": "10. Exhibit index",
        "s11": "11. Integrity and method",
        "s12": "12. Declaration",
        "period": "Period",
        "cadence": "Cadence",
        "scenario": "Scenario",
        "scenario_C": "C: charged after cancelling / withdrawing permission",
        "scenario_B": "B: auto-renewal without a prominent notice before renewal",
        "scenario_A": "A: the complainant does not recognise the merchant, never signed up or "
        "authorised its charges",
        "purchase": "Purchase",
        "b2c": "personal consumption (B2C)",
        "b2b": "business use (B2B)",
        "remedies_short": "stop charging and confirm in writing; refund the listed charges; "
        "hand over the authorisation and reminder records",
        "fill": "[FILL IN: {what}]",
        "none": "(none)",
        "col_no": "#",
        "col_time": "Date and time",
        "col_channel": "Channel",
        "col_amount": "Amount",
        "col_txn": "Platform transaction id",
        "col_order": "Merchant order id",
        "col_after": "After",
        "col_src": "Exhibit-row",
        "yes": "yes",
        "no": "no",
        "sub_channel": "Subtotals by channel",
        "sub_year": "Subtotals by year",
        "grand": "Total",
        "user": "Name",
        "phone": "Phone",
        "address": "Address",
        "account": "Account at merchant",
        "merchant_names": "Merchant names per statement",
        "methods": "Payment methods (masked)",
        "statement": "Statement",
        "legal_name": "Merchant's full name",
        "credit_code": "Unified social credit code",
        "tl_first": "First charge",
        "tl_stream": "Recurring charges begin: {what}",
        "tl_cancel": "Complainant cancelled the auto-renewal / withdrew permission",
        "tl_after": "Charged after cancellation",
        "tl_last": "Latest charge",
        "tl_refund": "Refunded by the merchant",
        "no_streams": "(No charges repeating on a fixed schedule were found; every charge is in section 4.)",
        "refunded": "Refunded",
        "tl_log": "Contact",
        "auth": (
            "The complainant has seen no record that the merchant prominently drew attention to "
            "the automatic renewal before the service began or before each renewal. Under "
            "Art. 496 of the Civil Code and Art. 10 of the SPC interpretation on contracts, the "
            "supplier of standard terms must prove it flagged them; a tick-box or pop-up alone "
            "does not. The merchant is asked for the authorisation record, the agreement "
            "version and the log of renewal reminders sent."
        ),
        "auth_user": "Complainant's account (how it was signed up, reminders received):",
        "auth_fill": "your account",
        "auth_A": (
            "The complainant does not recognise the merchant, never signed up for its service "
            "and never authorised its charges. Under the SPC Provisions on Bank Card Civil "
            "Disputes, Art. 4, where the cardholder says a disputed transaction was not made or "
            "authorised by them, the issuer or payment institution bears the burden of proving "
            "that it was. The merchant and the payment institution are asked for the time, "
            "method and record of the claimed authorisation."
        ),
        "auth_user_A": "Complainant's account (when the charges were noticed, whether any of the "
        "merchant's services was ever used):",
        "log_cols": ("Date", "Channel", "Ticket", "What happened", "Outcome"),
        "legal_intro": "Only provisions whose text was checked are listed, each with the date "
        "it was checked. Unverified provisions are left out.",
        "checked": "checked on",
        "req_1": "Stop charging, end the automatic renewal / payment authority, and confirm in "
        "writing;",
        "req_2": "Refund the charges listed below to the original payment method: {claim};",
        "req_3": "Provide the authorisation record, the renewal-reminder log and the agreement "
        "version in force (E-Commerce Law Art. 62, PIPL Art. 45).",
        "ex_cols": ("ID", "File in package", "Type", "SHA-256 (first 16)", "Size (bytes)"),
        "role_original": "original statement",
        "role_attachment": "attachment",
        "role_derived": "derived table",
        "role_chart": "chart",
        "role_letter": "letter draft",
        "role_report": "this report",
        "method": (
            "1. The statements were exported by the complainant from the payment platform or "
            "bank and are kept byte for byte, unmodified, in data/originals/.\n2. Each file "
            "was hashed with SHA-256 when imported; the package is a BagIt (RFC 8493) bag "
            "whose manifest-sha256.txt lists the hash of every file.\n3. Every charge in the "
            "tables and in this report names its source file, row and that file's SHA-256.\n"
            "4. Times are the local times printed on the statements (China Standard Time, "
            "+08:00).\n5. Limits: not notarised; a hash proves a file is unchanged only since "
            "it was computed. For large sums, obtain the platform's official transaction "
            "certificate or a notarisation."
        ),
        "verify": "How to verify",
        "tools_line": "Tool versions: {tools}; hash algorithm: SHA-256",
        "no_contacts": "(nothing recorded yet) If you have contacted the merchant, the payment "
        "platform or the bank, give the date, channel, ticket number and outcome:",
        "no_contacts_fill": "contacts",
        "verify_lines": (
            "Windows: certutil -hashfile FILE SHA256",
            "macOS / Linux: shasum -a 256 FILE (or sha256sum FILE)",
            "BagIt tools: bagit.py --validate EXTRACTED_FOLDER",
            "This tool: qiake-auditor verify PACKAGE.zip",
        ),
        "declaration": "I declare that the attached statements are the original files I exported "
        "from the payment platform or bank, and that the facts stated are true.",
        "sign": "Signature: ______________________    Date: ______________________",
        "declaration_b2b": "We declare that the attached statements are the original files we "
        "exported from the payment platform or bank, and that the facts stated are true.",
        "sign_b2b": "For the company (stamp): ______________________    Signature, name and "
        "position: ______________________    Date: ______________________",
        "user_b2b": "Company name",
        "stream_line": "{merchant}: {cadence}, {charges} of {amount}, {first} to {last}",
        "chart_caption": "Chart derived from the table in section 4.",
        "chart_caption_after": "Chart derived from the table in section 4 (red: after cancellation).",
        "more_rows": "({n} charges in all, every one in tables/flagged_transactions.xlsx)",
        "summary_text": "From {first} to {last}, {merchant} made {charges} through "
        "{channels}, {total} in all.",
        "summary_after": "The complainant cancelled on {cancelled}; {charges} followed, "
        "{total} in all.",
        "channels_used": "Channels already used",
        "event": "Event",
        "claimed_in_4": "(the charges the table in section 4 marks as after the cancellation; "
        "every one is in tables/flagged_transactions.xlsx, whose refund_requested "
        "column gives the amount asked back for each.)",
    },
}
