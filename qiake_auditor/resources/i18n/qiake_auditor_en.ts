<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>About</name>
    <message>
        <location filename="../../gui/dialogs.py" line="282"/>
        <source>洽客审计 qiake-auditor</source>
        <translation>Qiake Auditor (qiake-auditor)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="283"/>
        <source>读取支付宝、微信支付和银行导出的账单，找出周期扣费与自动续费，说明原因并帮助维权。</source>
        <translation>Reads the statements you export from Alipay, WeChat Pay and your bank, finds recurring charges and auto-renewals, explains them and helps you dispute them.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="287"/>
        <source>全部在本机离线处理，不上传任何数据。</source>
        <translation>Everything runs offline on this computer; nothing is uploaded.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="288"/>
        <source>许可证</source>
        <translation>Licence</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="289"/>
        <source>当前工作区</source>
        <translation>Current workspace</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="290"/>
        <source>日志与崩溃记录</source>
        <translation>Logs and crash reports</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../gui/app.py" line="82"/>
        <source>洽客审计</source>
        <translation>Qiake Auditor</translation>
    </message>
</context>
<context>
    <name>AttemptsTable</name>
    <message>
        <location filename="../../gui/case_history_view.py" line="88"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../gui/case_history_view.py" line="89"/>
        <source>商户</source>
        <translation>Merchant</translation>
    </message>
    <message>
        <location filename="../../gui/case_history_view.py" line="90"/>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../gui/case_history_view.py" line="91"/>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../gui/case_history_view.py" line="92"/>
        <source>来源文件</source>
        <translation>Source file</translation>
    </message>
    <message>
        <location filename="../../gui/case_history_view.py" line="93"/>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../gui/case_history_view.py" line="107"/>
        <source>失败，之后重试成功</source>
        <translation>Failed, retried successfully later</translation>
    </message>
    <message>
        <location filename="../../gui/case_history_view.py" line="109"/>
        <source>失败，没有重试成功</source>
        <translation>Failed, no successful retry</translation>
    </message>
</context>
<context>
    <name>CaseDetail</name>
    <message>
        <location filename="../../gui/case_detail.py" line="73"/>
        <source>双击一笔扣款，在“全部交易”中查看原始记录</source>
        <translation>Double-click a charge to see its row under “All transactions”</translation>
    </message>
    <message>
        <location filename="../../gui/case_detail.py" line="85"/>
        <source>处理这个案件</source>
        <translation>Act on this case</translation>
    </message>
    <message>
        <location filename="../../gui/case_detail.py" line="90"/>
        <source>我授权过</source>
        <translation>I authorised it</translation>
    </message>
    <message>
        <location filename="../../gui/case_detail.py" line="91"/>
        <source>我不认识</source>
        <translation>Not recognised</translation>
    </message>
    <message>
        <location filename="../../gui/case_detail.py" line="92"/>
        <source>正在争议</source>
        <translation>Disputed</translation>
    </message>
    <message>
        <location filename="../../gui/case_detail.py" line="93"/>
        <source>已解决</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../gui/case_detail.py" line="94"/>
        <source>记录取消日期…</source>
        <translation>Record cancellation date…</translation>
    </message>
    <message>
        <location filename="../../gui/case_detail.py" line="95"/>
        <source>清除取消日期</source>
        <translation>Clear cancellation date</translation>
    </message>
    <message>
        <location filename="../../gui/case_detail.py" line="96"/>
        <source>添加备注…</source>
        <translation>Add note…</translation>
    </message>
    <message>
        <location filename="../../gui/case_detail.py" line="97"/>
        <source>合并名称…</source>
        <translation>Merge names…</translation>
    </message>
    <message>
        <location filename="../../gui/case_detail.py" line="98"/>
        <source>拆分名称…</source>
        <translation>Split names…</translation>
    </message>
    <message>
        <location filename="../../gui/case_detail.py" line="99"/>
        <source>不是周期扣费</source>
        <translation>Not a recurring charge</translation>
    </message>
    <message>
        <location filename="../../gui/case_detail.py" line="100"/>
        <source>添加联系记录…</source>
        <translation>Add contact entry…</translation>
    </message>
    <message>
        <location filename="../../gui/case_detail.py" line="101"/>
        <source>导出证据…</source>
        <translation>Export evidence…</translation>
    </message>
    <message>
        <location filename="../../gui/case_detail.py" line="109"/>
        <source>把截图、邮件或聊天记录拖到这里，作为新记录的附件</source>
        <translation>Drop screenshots, e-mails or chat exports here to attach them to a new entry</translation>
    </message>
    <message>
        <location filename="../../gui/case_detail.py" line="125"/>
        <source>每笔扣费</source>
        <translation>Each charge</translation>
    </message>
    <message>
        <location filename="../../gui/case_detail.py" line="126"/>
        <source>累计扣费</source>
        <translation>Cumulative charges</translation>
    </message>
    <message>
        <location filename="../../gui/case_detail.py" line="127"/>
        <source>每月扣费</source>
        <translation>Charges per month</translation>
    </message>
    <message>
        <location filename="../../gui/case_detail.py" line="128"/>
        <source>每次金额（价格变化）</source>
        <translation>Amount per charge (price changes)</translation>
    </message>
    <message>
        <location filename="../../gui/case_detail.py" line="137"/>
        <source>图表</source>
        <translation>Chart</translation>
    </message>
    <message>
        <location filename="../../gui/case_detail.py" line="142"/>
        <source>案件记录</source>
        <translation>Case log</translation>
    </message>
    <message>
        <location filename="../../gui/case_detail.py" line="143"/>
        <source>停止扣费的步骤</source>
        <translation>Steps to stop it</translation>
    </message>
    <message>
        <location filename="../../gui/case_detail.py" line="158"/>
        <source>价格、重试、退款</source>
        <translation>Prices, retries, refunds</translation>
    </message>
    <message>
        <location filename="../../gui/case_detail.py" line="214"/>
        <source>价格变化（{0}）</source>
        <translation>Price changes ({0})</translation>
    </message>
    <message>
        <location filename="../../gui/case_detail.py" line="215"/>
        <source>失败与重试（{0}）</source>
        <translation>Failed and retried ({0})</translation>
    </message>
    <message>
        <location filename="../../gui/case_detail.py" line="216"/>
        <source>退款（{0}）</source>
        <translation>Refunds ({0})</translation>
    </message>
    <message>
        <location filename="../../gui/case_detail.py" line="231"/>
        <source>账单上也写作：{0}</source>
        <translation>Also printed as: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/case_detail.py" line="234"/>
        <source>共付 {0}（{1} 笔扣费）</source>
        <translation>Paid in all {0} ({1} charges)</translation>
    </message>
    <message>
        <location filename="../../gui/case_detail.py" line="241"/>
        <source>，退回 {0}</source>
        <translation>, {0} refunded</translation>
    </message>
    <message>
        <location filename="../../gui/case_detail.py" line="223"/>
        <source>取消后仍在扣款！</source>
        <translation>Still charging after cancellation!</translation>
    </message>
    <message>
        <location filename="../../gui/case_detail.py" line="245"/>
        <source>仍在扣费的订阅 {0} 项：每月 {1}，每年 {2}</source>
        <translation>Subscriptions still charging: {0}, {1} a month, {2} a year</translation>
    </message>
    <message>
        <location filename="../../gui/case_detail.py" line="259"/>
        <source>你在 {0} 取消后，又被扣了 {1} 笔，共 {2}。</source>
        <translation>After you cancelled on {0}, you were charged {1} more times, {2} in all.</translation>
    </message>
    <message>
        <location filename="../../gui/case_detail.py" line="261"/>
        <source>你在 {0} 取消后，又被扣了 1 笔，共 {2}。</source>
        <translation>After you cancelled on {0}, you were charged once more, {2}.</translation>
    </message>
    <message>
        <location filename="../../gui/case_detail.py" line="265"/>
        <source>已记录取消日期：{0}；此后没有扣款。</source>
        <translation>Cancellation recorded on {0}; no charges since.</translation>
    </message>
    <message>
        <location filename="../../gui/case_detail.py" line="271"/>
        <source>你不认识这个商户：请尽快修改支付密码、检查免密支付和登录设备，并联系支付平台或银行冻结可疑授权。</source>
        <translation>You do not recognise this merchant: change your payment password soon, check password-free payments and signed-in devices, and ask the platform or bank to freeze suspicious authorisations.</translation>
    </message>
    <message>
        <location filename="../../gui/case_detail.py" line="294"/>
        <source>正在整理 {0} 笔扣款…</source>
        <translation>Listing {0} charges…</translation>
    </message>
    <message>
        <location filename="../../gui/case_detail.py" line="331"/>
        <source>结果：{0}</source>
        <translation>Outcome: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/case_detail.py" line="338"/>
        <source>{0}（{1} 字节，SHA-256 {2}…）双击保存</source>
        <translation>{0} ({1} bytes, SHA-256 {2}…), double-click to save</translation>
    </message>
    <message>
        <location filename="../../gui/case_detail.py" line="346"/>
        <source>还没有记录。点“添加联系记录…”，或把截图拖到这里。</source>
        <translation>No entries yet. Click “Add contact entry…”, or drop a screenshot here.</translation>
    </message>
</context>
<context>
    <name>CasesView</name>
    <message>
        <location filename="../../gui/cases_view.py" line="121"/>
        <source>按名称筛选案件…</source>
        <translation>Filter cases by name…</translation>
    </message>
    <message>
        <location filename="../../gui/cases_view.py" line="124"/>
        <source>全部类型</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../gui/cases_view.py" line="126"/>
        <source>全部状态</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../../gui/cases_view.py" line="128"/>
        <source>全部提示</source>
        <translation>All flags</translation>
    </message>
    <message>
        <location filename="../../gui/cases_view.py" line="172"/>
        <source>案件 / 商户</source>
        <translation>Case / merchant</translation>
    </message>
    <message>
        <location filename="../../gui/cases_view.py" line="173"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../gui/cases_view.py" line="174"/>
        <source>周期</source>
        <translation>Cadence</translation>
    </message>
    <message>
        <location filename="../../gui/cases_view.py" line="175"/>
        <source>每期金额</source>
        <translation>Amount each</translation>
    </message>
    <message>
        <location filename="../../gui/cases_view.py" line="176"/>
        <source>次数</source>
        <translation>Charges</translation>
    </message>
    <message>
        <location filename="../../gui/cases_view.py" line="177"/>
        <source>已付合计</source>
        <translation>Total paid</translation>
    </message>
    <message>
        <location filename="../../gui/cases_view.py" line="178"/>
        <source>首次扣款</source>
        <translation>First charge</translation>
    </message>
    <message>
        <location filename="../../gui/cases_view.py" line="179"/>
        <source>最近扣款</source>
        <translation>Last charge</translation>
    </message>
    <message>
        <location filename="../../gui/cases_view.py" line="180"/>
        <source>下次扣款</source>
        <translation>Next charge</translation>
    </message>
    <message>
        <location filename="../../gui/cases_view.py" line="181"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../gui/cases_view.py" line="182"/>
        <source>提示</source>
        <translation>Flags</translation>
    </message>
    <message>
        <location filename="../../gui/cases_view.py" line="183"/>
        <source>可信度</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <location filename="../../gui/cases_view.py" line="256"/>
        <source>⚠ 取消后仍扣款 {0}</source>
        <translation>⚠ Charged after cancellation {0}</translation>
    </message>
    <message>
        <location filename="../../gui/cases_view.py" line="261"/>
        <source>{0} 项</source>
        <translation>streams: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/cases_view.py" line="261"/>
        <source>单笔扣款</source>
        <translation>one-off charges</translation>
    </message>
    <message>
        <location filename="../../gui/cases_view.py" line="354"/>
        <location filename="../../gui/overview_page.py" line="149"/>
        <source>应于 {0}</source>
        <translation>due {0}</translation>
    </message>
    <message>
        <location filename="../../gui/cases_view.py" line="357"/>
        <location filename="../../gui/overview_page.py" line="155"/>
        <source>本应于 {0} 扣款，至 {1} 仍未出现</source>
        <translation>A charge was due on {0} and had not appeared by {1}</translation>
    </message>
    <message>
        <location filename="../../gui/cases_view.py" line="370"/>
        <source>还没有案件：导入账单后，这里按公司列出周期扣费。</source>
        <translation>No cases yet: once statements are imported, recurring charges are listed here by company.</translation>
    </message>
    <message>
        <location filename="../../gui/cases_view.py" line="378"/>
        <source>{0} 个案件 · {1} 项订阅仍在扣费，每月 {2}，每年 {3} · 共付 {4}</source>
        <translation>{0} cases · {1} subscriptions still charging, {2} a month, {3} a year · {4} paid in all</translation>
    </message>
    <message>
        <location filename="../../gui/cases_view.py" line="386"/>
        <source>取消后仍被扣 {0}</source>
        <translation>{0} charged after cancellation</translation>
    </message>
</context>
<context>
    <name>ChargesModel</name>
    <message>
        <location filename="../../gui/case_widgets.py" line="26"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../gui/case_widgets.py" line="27"/>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../gui/case_widgets.py" line="28"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../gui/case_widgets.py" line="29"/>
        <source>提示</source>
        <translation>Flags</translation>
    </message>
    <message>
        <location filename="../../gui/case_widgets.py" line="30"/>
        <source>原因</source>
        <translation>Cause</translation>
    </message>
    <message>
        <location filename="../../gui/case_widgets.py" line="31"/>
        <source>来源文件</source>
        <translation>Source file</translation>
    </message>
    <message>
        <location filename="../../gui/case_widgets.py" line="32"/>
        <source>行号</source>
        <translation>Row</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <location filename="../../gui/crash.py" line="61"/>
        <source>内部错误</source>
        <translation>Internal error</translation>
    </message>
    <message>
        <location filename="../../gui/crash.py" line="62"/>
        <source>出现了意外错误：{0}: {1}
详细信息已写入 {2}</source>
        <translation>An unexpected error occurred: {0}: {1}
The details were written to {2}</translation>
    </message>
    <message>
        <location filename="../../gui/crash.py" line="87"/>
        <source>上次运行出错</source>
        <translation>The last run failed</translation>
    </message>
    <message>
        <location filename="../../gui/crash.py" line="88"/>
        <source>上次运行时程序出错了。日志保存在：
{0}

如需反馈，请附上这个文件。最后几行：
{1}</source>
        <translation>The program failed during its last run. The log is kept at:
{0}

Please attach this file to a report. Its last lines:
{1}</translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <location filename="../../gui/evidence.py" line="61"/>
        <source>导出证据包</source>
        <translation>Export evidence package</translation>
    </message>
    <message>
        <location filename="../../gui/evidence.py" line="64"/>
        <source>为“{0}”生成证据包：原始账单、扣费明细、图表、案件记录及附件、投诉信草稿，附 SHA-256 清单。</source>
        <translation>Make the evidence package of “{0}”: original statements, the charges, charts, the case log with its attachments and draft complaint letters, with a SHA-256 manifest.</translation>
    </message>
    <message>
        <location filename="../../gui/evidence.py" line="76"/>
        <source>个人消费</source>
        <translation>Personal purchase</translation>
    </message>
    <message>
        <location filename="../../gui/evidence.py" line="77"/>
        <source>单位/经营用途</source>
        <translation>For a company / business use</translation>
    </message>
    <message>
        <location filename="../../gui/evidence.py" line="78"/>
        <source>主张消保法第五十五条的赔偿</source>
        <translation>Claim damages under Article 55 of the Consumer Protection Law</translation>
    </message>
    <message>
        <location filename="../../gui/evidence.py" line="83"/>
        <source>不遮挡账号和手机号（只在确实需要时勾选）</source>
        <translation>Do not mask account and phone numbers (only when really needed)</translation>
    </message>
    <message>
        <location filename="../../gui/evidence.py" line="85"/>
        <source>（案件记录中没有附件）</source>
        <translation>(no attachments in the case log)</translation>
    </message>
    <message>
        <location filename="../../gui/evidence.py" line="88"/>
        <source>投诉人姓名</source>
        <translation>Complainant’s name</translation>
    </message>
    <message>
        <location filename="../../gui/evidence.py" line="89"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../gui/evidence.py" line="90"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../gui/evidence.py" line="91"/>
        <source>在商户的账号</source>
        <translation>Account at the merchant</translation>
    </message>
    <message>
        <location filename="../../gui/evidence.py" line="92"/>
        <source>电子邮件</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../gui/evidence.py" line="93"/>
        <source>购买用途</source>
        <translation>Purchase for</translation>
    </message>
    <message>
        <location filename="../../gui/evidence.py" line="95"/>
        <source>文书语言</source>
        <translation>Document language</translation>
    </message>
    <message>
        <location filename="../../gui/evidence.py" line="97"/>
        <source>包含的附件</source>
        <translation>Attachments included</translation>
    </message>
    <message>
        <location filename="../../gui/evidence.py" line="98"/>
        <source>自动（系统中的中文字体，可在设置中更改）</source>
        <translation>Automatic (a Chinese font of this system; change it in the settings)</translation>
    </message>
    <message>
        <location filename="../../gui/evidence.py" line="99"/>
        <source>PDF 字体</source>
        <translation>PDF font</translation>
    </message>
</context>
<context>
    <name>Guidance</name>
    <message>
        <location filename="../../gui/guidance.py" line="15"/>
        <source>支付宝：我的 ▸ 设置 ▸ 支付设置 ▸ 免密支付/自动扣款，关闭该商户</source>
        <translation>Alipay: Me ▸ Settings ▸ Payment settings ▸ Password-free payment / auto-debit: turn this merchant off</translation>
    </message>
    <message>
        <location filename="../../gui/guidance.py" line="21"/>
        <source>微信：我 ▸ 服务 ▸ 钱包 ▸ 支付设置 ▸ 自动续费，关闭该项目</source>
        <translation>WeChat: Me ▸ Services ▸ Wallet ▸ Payment settings ▸ Auto-renewal: turn this item off</translation>
    </message>
    <message>
        <location filename="../../gui/guidance.py" line="25"/>
        <source>银行：在手机银行或柜台取消对该商户的代扣/快捷支付授权</source>
        <translation>Bank: cancel this merchant’s direct-debit / quick-pay authorisation in mobile banking or at a branch</translation>
    </message>
    <message>
        <location filename="../../gui/guidance.py" line="29"/>
        <source>联系商户客服，要求停止扣费并退还取消后的扣款，记下工单号</source>
        <translation>Contact the merchant: ask them to stop charging and refund what was taken after cancellation; note the ticket number</translation>
    </message>
    <message>
        <location filename="../../gui/guidance.py" line="33"/>
        <source>向支付宝、微信支付或银行发起争议/投诉，附上证据</source>
        <translation>Open a dispute or complaint with Alipay, WeChat Pay or the bank, with the evidence</translation>
    </message>
    <message>
        <location filename="../../gui/guidance.py" line="37"/>
        <source>向 12315 平台投诉（全国 12315 互联网平台或拨打 12315）</source>
        <translation>Complain to 12315 (the national 12315 online platform, or call 12315)</translation>
    </message>
</context>
<context>
    <name>HeaderColumns</name>
    <message>
        <location filename="../../gui/header_columns.py" line="147"/>
        <source>显示全部列</source>
        <translation>Show all columns</translation>
    </message>
    <message>
        <location filename="../../gui/header_columns.py" line="150"/>
        <source>恢复默认的列、列宽和顺序</source>
        <translation>Restore default columns, widths and order</translation>
    </message>
</context>
<context>
    <name>LedgerModel</name>
    <message>
        <location filename="../../gui/ledger_model.py" line="28"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_model.py" line="29"/>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_model.py" line="30"/>
        <source>币种</source>
        <translation>Currency</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_model.py" line="31"/>
        <source>收/支</source>
        <translation>In/out</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_model.py" line="32"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_model.py" line="33"/>
        <source>商户</source>
        <translation>Merchant</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_model.py" line="34"/>
        <source>交易对方</source>
        <translation>Counterparty</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_model.py" line="35"/>
        <source>商品说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_model.py" line="36"/>
        <source>支付方式</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_model.py" line="37"/>
        <source>来源文件</source>
        <translation>Source file</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_model.py" line="38"/>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_model.py" line="39"/>
        <source>交易号</source>
        <translation>Transaction id</translation>
    </message>
</context>
<context>
    <name>LedgerPage</name>
    <message>
        <location filename="../../gui/ledger_page.py" line="94"/>
        <source>搜索商户、说明、交易号、金额…</source>
        <translation>Search merchant, description, transaction id, amount…</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_page.py" line="97"/>
        <source>商户</source>
        <translation>Merchant</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_page.py" line="99"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_page.py" line="109"/>
        <source>全部收支</source>
        <translation>In and out</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_page.py" line="113"/>
        <source>全部状态</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_page.py" line="117"/>
        <location filename="../../gui/ledger_page.py" line="326"/>
        <source>全部账单</source>
        <translation>All statements</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_page.py" line="121"/>
        <source>最小金额</source>
        <translation>Min amount</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_page.py" line="122"/>
        <source>最大金额</source>
        <translation>Max amount</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_page.py" line="127"/>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_page.py" line="130"/>
        <source>正在准备交易表…</source>
        <translation>Preparing the transactions table…</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_page.py" line="134"/>
        <source>复制所选行</source>
        <translation>Copy selected rows</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_page.py" line="136"/>
        <source>导出当前视图…</source>
        <translation>Export current view…</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_page.py" line="446"/>
        <source>{0} / {1} 笔</source>
        <translation>{0} / {1} rows</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_page.py" line="448"/>
        <source>共 {0} 笔</source>
        <translation>{0} rows</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_page.py" line="475"/>
        <source>选中多行可查看合计（Ctrl+C 复制）</source>
        <translation>Select rows to see their totals (Ctrl+C copies)</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_page.py" line="485"/>
        <source>支出 {0} · 收入 {1}</source>
        <translation>out {0} · in {1}</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_page.py" line="490"/>
        <source>已选 {0} 笔：{1}</source>
        <translation>{0} selected: {1}</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_page.py" line="525"/>
        <location filename="../../gui/ledger_page.py" line="582"/>
        <location filename="../../gui/ledger_page.py" line="604"/>
        <source>导出当前视图</source>
        <translation>Export current view</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_page.py" line="527"/>
        <source>交易表还在准备中，请稍后再导出。</source>
        <translation>The transactions table is still being prepared; export it in a moment.</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_page.py" line="533"/>
        <source>当前视图中没有交易。</source>
        <translation>The current view has no transactions.</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_page.py" line="568"/>
        <location filename="../../gui/ledger_page.py" line="611"/>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_page.py" line="570"/>
        <source>{0}

改为导出 CSV 吗？</source>
        <translation>{0}

Export as CSV instead?</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_page.py" line="583"/>
        <source>已导出 {0} 笔交易到 {1}</source>
        <translation>Exported {0} transactions to {1}</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_page.py" line="598"/>
        <source>没有写入文件 {0}。</source>
        <translation>Nothing was written to {0}.</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_page.py" line="600"/>
        <source>{0} 保持原样，没有改动。</source>
        <translation>{0} is as it was, unchanged.</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_page.py" line="604"/>
        <source>已停止导出。{0}</source>
        <translation>Export stopped. {0}</translation>
    </message>
    <message>
        <location filename="../../gui/ledger_page.py" line="609"/>
        <source>出现了意外错误：{0}</source>
        <translation>An unexpected error occurred: {0}</translation>
    </message>
</context>
<context>
    <name>LogEntryDialog</name>
    <message>
        <location filename="../../gui/dialogs.py" line="61"/>
        <source>添加联系记录</source>
        <translation>Add contact entry</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="71"/>
        <source>工单号或投诉编号（可不填）</source>
        <translation>Ticket or complaint number (optional)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="73"/>
        <source>联系了谁、说了什么</source>
        <translation>Whom you contacted and what was said</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="79"/>
        <source>添加附件…</source>
        <translation>Add attachments…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="82"/>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="83"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="84"/>
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="85"/>
        <source>经过</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="86"/>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="87"/>
        <source>附件（可拖入）</source>
        <translation>Attachments (drop files here)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="96"/>
        <source>选择附件</source>
        <translation>Choose attachments</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="96"/>
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/window_actions.py" line="33"/>
        <source>新建工作区…</source>
        <translation>New workspace…</translation>
    </message>
    <message>
        <location filename="../../gui/window_actions.py" line="36"/>
        <source>为一位客户或一件事新建一个工作区</source>
        <translation>Start a new workspace for one client or one matter</translation>
    </message>
    <message>
        <location filename="../../gui/window_actions.py" line="39"/>
        <source>打开工作区…</source>
        <translation>Open workspace…</translation>
    </message>
    <message>
        <location filename="../../gui/window_actions.py" line="42"/>
        <source>打开账单…</source>
        <translation>Open statements…</translation>
    </message>
    <message>
        <location filename="../../gui/window_actions.py" line="45"/>
        <source>导入支付宝、微信或银行导出的账单文件</source>
        <translation>Import statements exported from Alipay, WeChat or your bank</translation>
    </message>
    <message>
        <location filename="../../gui/window_actions.py" line="48"/>
        <source>演示数据</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <location filename="../../gui/window_actions.py" line="51"/>
        <source>在单独的演示工作区中打开内置的演示账单</source>
        <translation>Open the bundled demo statements in a separate demo workspace</translation>
    </message>
    <message>
        <location filename="../../gui/window_actions.py" line="54"/>
        <source>记录取消日期…</source>
        <translation>Record cancellation date…</translation>
    </message>
    <message>
        <location filename="../../gui/window_actions.py" line="57"/>
        <source>记下你取消这项订阅的日期，之后的扣款会被标出</source>
        <translation>Record the day you cancelled; charges after it are flagged</translation>
    </message>
    <message>
        <location filename="../../gui/window_actions.py" line="60"/>
        <source>添加联系记录…</source>
        <translation>Add contact entry…</translation>
    </message>
    <message>
        <location filename="../../gui/window_actions.py" line="72"/>
        <source>恢复已忽略的项…</source>
        <translation>Restore a dismissed item…</translation>
    </message>
    <message>
        <location filename="../../gui/case_commands.py" line="203"/>
        <location filename="../../gui/window_actions.py" line="63"/>
        <source>不是周期扣费</source>
        <translation>Not a recurring charge</translation>
    </message>
    <message>
        <location filename="../../gui/window_actions.py" line="66"/>
        <source>从列表中移除这一项（可以撤销）</source>
        <translation>Remove this item from the list (can be undone)</translation>
    </message>
    <message>
        <location filename="../../gui/window_actions.py" line="69"/>
        <source>撤销忽略</source>
        <translation>Undo dismiss</translation>
    </message>
    <message>
        <location filename="../../gui/window_actions.py" line="74"/>
        <source>关注词…</source>
        <translation>Watch words…</translation>
    </message>
    <message>
        <location filename="../../gui/window_actions.py" line="76"/>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../gui/window_actions.py" line="81"/>
        <source>保存图表…</source>
        <translation>Save chart…</translation>
    </message>
    <message>
        <location filename="../../gui/window_actions.py" line="84"/>
        <source>把当前图表存为 PNG、SVG 或 PDF</source>
        <translation>Save the current chart as PNG, SVG or PDF</translation>
    </message>
    <message>
        <location filename="../../gui/window_actions.py" line="87"/>
        <source>重新扫描</source>
        <translation>Rescan</translation>
    </message>
    <message>
        <location filename="../../gui/window_actions.py" line="89"/>
        <source>导出当前视图…</source>
        <translation>Export current view…</translation>
    </message>
    <message>
        <location filename="../../gui/window_actions.py" line="91"/>
        <source>导出证据…</source>
        <translation>Export evidence…</translation>
    </message>
    <message>
        <location filename="../../gui/window_actions.py" line="94"/>
        <source>查找交易</source>
        <translation>Find transactions</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="214"/>
        <location filename="../../gui/window_actions.py" line="96"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../gui/window_actions.py" line="98"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../gui/window_actions.py" line="102"/>
        <source>跟随系统</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <location filename="../../gui/window_actions.py" line="113"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../gui/window_actions.py" line="116"/>
        <source>最近的工作区</source>
        <translation>Recent workspaces</translation>
    </message>
    <message>
        <location filename="../../gui/window_actions.py" line="128"/>
        <source>案件(&amp;C)</source>
        <translation>&amp;Cases</translation>
    </message>
    <message>
        <location filename="../../gui/window_actions.py" line="139"/>
        <source>设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../gui/window_actions.py" line="142"/>
        <source>语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../gui/window_actions.py" line="145"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../gui/window_actions.py" line="149"/>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../gui/case_commands.py" line="48"/>
        <location filename="../../gui/main_window.py" line="105"/>
        <source>案件</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="110"/>
        <source>全部交易</source>
        <translation>All transactions</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="112"/>
        <source>每月总览</source>
        <translation>Monthly overview</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="121"/>
        <source>已导入的账单</source>
        <translation>Imported statements</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="137"/>
        <source>把账单文件或文件夹拖到窗口里即可导入。
所有数据只保存在本机。</source>
        <translation>Drop statement files or folders on the window to import them.
All data stays on this computer.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="148"/>
        <source>把账单拖进来，或点“打开账单…”</source>
        <translation>Drop statements here, or click “Open statements…”</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="153"/>
        <source>停止</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../gui/window_running.py" line="41"/>
        <source>停止正在进行的导入（保存之前停止，工作区保持原样）</source>
        <translation>Stop the running import (stopped before it is saved, the workspace stays as it was)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="163"/>
        <source>洽客审计 — {0}</source>
        <translation>Qiake Auditor — {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="165"/>
        <source>洽客审计 — 演示工作区（不会改动你的数据）</source>
        <translation>Qiake Auditor — demo workspace (your data is not touched)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="168"/>
        <source>演示工作区：{0}</source>
        <translation>Demo workspace: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="168"/>
        <source>工作区：{0}</source>
        <translation>Workspace: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/window_workspace.py" line="79"/>
        <source>演示工作区</source>
        <translation>Demo workspace</translation>
    </message>
    <message>
        <location filename="../../gui/window_running.py" line="29"/>
        <source>正在处理，请稍候…</source>
        <translation>Working, please wait…</translation>
    </message>
    <message>
        <location filename="../../gui/window_running.py" line="42"/>
        <source>停止生成证据包（不留下不完整的文件）</source>
        <translation>Stop building the evidence package (no incomplete file is left)</translation>
    </message>
    <message>
        <location filename="../../gui/window_running.py" line="43"/>
        <source>停止导出（不留下不完整的文件）</source>
        <translation>Stop the export (no incomplete file is left)</translation>
    </message>
    <message>
        <location filename="../../gui/window_running.py" line="70"/>
        <source>正在导入</source>
        <translation>Importing</translation>
    </message>
    <message>
        <location filename="../../gui/window_running.py" line="71"/>
        <source>正在打开演示</source>
        <translation>Opening the demo</translation>
    </message>
    <message>
        <location filename="../../gui/window_running.py" line="72"/>
        <source>正在扫描</source>
        <translation>Scanning</translation>
    </message>
    <message>
        <location filename="../../gui/window_running.py" line="73"/>
        <source>正在生成证据包</source>
        <translation>Making the evidence package</translation>
    </message>
    <message>
        <location filename="../../gui/window_running.py" line="74"/>
        <source>正在导出</source>
        <translation>Exporting</translation>
    </message>
    <message>
        <location filename="../../gui/window_running.py" line="75"/>
        <source>正在处理</source>
        <translation>Working</translation>
    </message>
    <message>
        <location filename="../../gui/window_running.py" line="97"/>
        <location filename="../../gui/window_running.py" line="150"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../gui/window_running.py" line="102"/>
        <source>导入完成</source>
        <translation>Import finished</translation>
    </message>
    <message>
        <location filename="../../gui/window_running.py" line="110"/>
        <source>{0}：已经导入过（{1} 行都已在工作区中，没有新增）</source>
        <translation>{0}: imported before (all {1} rows are already in the workspace; nothing new)</translation>
    </message>
    <message>
        <location filename="../../gui/window_running.py" line="115"/>
        <source>支出</source>
        <translation>spent</translation>
    </message>
    <message>
        <location filename="../../gui/window_running.py" line="120"/>
        <source>{0}：{1}，{2} 行，新增 {3} 行，已有 {4} 行，{5} 至 {6}{7}</source>
        <translation>{0}: {1}, {2} rows, {3} new, {4} already imported, {5} to {6}{7}</translation>
    </message>
    <message>
        <location filename="../../gui/window_running.py" line="130"/>
        <source>，{0}</source>
        <translation>, {0}</translation>
    </message>
    <message>
        <location filename="../../gui/window_running.py" line="145"/>
        <source>已停止，没有写入任何文件。</source>
        <translation>Stopped; no file was written.</translation>
    </message>
    <message>
        <location filename="../../gui/window_running.py" line="156"/>
        <source>需要密码</source>
        <translation>Password needed</translation>
    </message>
    <message>
        <location filename="../../gui/window_running.py" line="157"/>
        <source>{0}

请输入账单邮件中给出的解压密码：</source>
        <translation>{0}

Enter the password given in the statement e-mail:</translation>
    </message>
    <message>
        <location filename="../../gui/window_running.py" line="174"/>
        <source>无法完成</source>
        <translation>Could not finish</translation>
    </message>
    <message>
        <location filename="../../gui/window_running.py" line="177"/>
        <source>无法导入</source>
        <translation>Cannot import</translation>
    </message>
    <message>
        <location filename="../../gui/window_running.py" line="178"/>
        <source>工作区没有改变。</source>
        <translation>The workspace was not changed.</translation>
    </message>
    <message>
        <location filename="../../gui/window_running.py" line="183"/>
        <source>内部错误</source>
        <translation>Internal error</translation>
    </message>
    <message>
        <location filename="../../gui/window_running.py" line="184"/>
        <source>出现了意外错误：{0}</source>
        <translation>An unexpected error occurred: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/window_workspace.py" line="37"/>
        <source>新建工作区</source>
        <translation>New workspace</translation>
    </message>
    <message>
        <location filename="../../gui/window_workspace.py" line="39"/>
        <location filename="../../gui/window_workspace.py" line="49"/>
        <source>工作区 (*.sqlite)</source>
        <translation>Workspaces (*.sqlite)</translation>
    </message>
    <message>
        <location filename="../../gui/window_workspace.py" line="48"/>
        <source>打开工作区</source>
        <translation>Open workspace</translation>
    </message>
    <message>
        <location filename="../../gui/window_workspace.py" line="61"/>
        <source>（没有）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../gui/window_workspace.py" line="80"/>
        <source>这是演示工作区。请先用“文件 ▸ 新建工作区…”或“打开工作区…”选择你自己的工作区。</source>
        <translation>This is the demo workspace. Choose a workspace of your own first with “File ▸ New workspace…” or “Open workspace…”.</translation>
    </message>
    <message>
        <location filename="../../gui/window_workspace.py" line="102"/>
        <source>打开账单</source>
        <translation>Open statements</translation>
    </message>
    <message>
        <location filename="../../gui/window_workspace.py" line="103"/>
        <source>账单文件 (*.csv *.txt *.xls *.xlsx *.zip *.ofx *.qfx *.xml *.sta *.mt940);;所有文件 (*)</source>
        <translation>Statements (*.csv *.txt *.xls *.xlsx *.zip *.ofx *.qfx *.xml *.sta *.mt940);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../gui/case_commands.py" line="49"/>
        <location filename="../../gui/case_commands.py" line="82"/>
        <location filename="../../gui/case_commands.py" line="153"/>
        <location filename="../../gui/case_commands.py" line="257"/>
        <source>请先在列表中选一个案件。</source>
        <translation>Choose a case in the list first.</translation>
    </message>
    <message>
        <location filename="../../gui/case_commands.py" line="57"/>
        <source>无法保存</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <location filename="../../gui/case_commands.py" line="68"/>
        <source>检查账户安全</source>
        <translation>Check your account security</translation>
    </message>
    <message>
        <location filename="../../gui/case_commands.py" line="69"/>
        <source>你不认识这个商户。请尽快：修改支付宝/微信支付密码；在“免密支付/自动扣款”中关闭所有不认识的授权；检查登录设备；联系平台或银行冻结可疑授权并申请退款。</source>
        <translation>You do not recognise this merchant. Soon: change your Alipay / WeChat Pay password; turn off every authorisation you do not know under “password-free payment / auto-debit”; check signed-in devices; ask the platform or bank to freeze suspicious authorisations and refund you.</translation>
    </message>
    <message>
        <location filename="../../gui/case_commands.py" line="81"/>
        <location filename="../../gui/case_commands.py" line="87"/>
        <source>记录取消日期</source>
        <translation>Record cancellation date</translation>
    </message>
    <message>
        <location filename="../../gui/case_commands.py" line="88"/>
        <source>你是哪天取消 {0} 的自动续费的？
此后的扣款会被标为“取消后仍扣款”。</source>
        <translation>On which day did you cancel the auto-renewal of {0}?
Charges after it are flagged “charged after cancellation”.</translation>
    </message>
    <message>
        <location filename="../../gui/case_commands.py" line="102"/>
        <source>添加备注</source>
        <translation>Add note</translation>
    </message>
    <message>
        <location filename="../../gui/case_commands.py" line="103"/>
        <source>备注（会记入案件记录）：</source>
        <translation>Note (kept in the case log):</translation>
    </message>
    <message>
        <location filename="../../gui/case_commands.py" line="114"/>
        <source>合并名称</source>
        <translation>Merge names</translation>
    </message>
    <message>
        <location filename="../../gui/case_commands.py" line="115"/>
        <source>这个案件现在包括：{0}
还有哪些名称属于同一家公司？（用逗号分隔）</source>
        <translation>This case now covers: {0}
Which other names belong to the same company? (separate them with commas)</translation>
    </message>
    <message>
        <location filename="../../gui/case_commands.py" line="129"/>
        <source>拆分名称</source>
        <translation>Split names</translation>
    </message>
    <message>
        <location filename="../../gui/case_commands.py" line="130"/>
        <source>这个案件现在包括：{0}
哪些名称不属于它，应各成一个案件？（用逗号分隔）</source>
        <translation>This case now covers: {0}
Which names do not belong to it and should be cases of their own? (separate them with commas)</translation>
    </message>
    <message>
        <location filename="../../gui/case_commands.py" line="152"/>
        <source>案件记录</source>
        <translation>Case log</translation>
    </message>
    <message>
        <location filename="../../gui/case_commands.py" line="181"/>
        <source>保存附件</source>
        <translation>Save attachment</translation>
    </message>
    <message>
        <location filename="../../gui/case_commands.py" line="183"/>
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../../gui/case_commands.py" line="204"/>
        <source>请先在案件下选中一项周期扣费。</source>
        <translation>Choose a recurring charge under a case first.</translation>
    </message>
    <message>
        <location filename="../../gui/case_commands.py" line="212"/>
        <source>已忽略。按 Ctrl+Z 撤销。</source>
        <translation>Dismissed. Press Ctrl+Z to undo.</translation>
    </message>
    <message>
        <location filename="../../gui/case_commands.py" line="228"/>
        <location filename="../../gui/case_commands.py" line="236"/>
        <source>恢复已忽略的项</source>
        <translation>Restore a dismissed item</translation>
    </message>
    <message>
        <location filename="../../gui/case_commands.py" line="229"/>
        <source>没有已忽略的项。</source>
        <translation>Nothing has been dismissed.</translation>
    </message>
    <message>
        <location filename="../../gui/case_commands.py" line="237"/>
        <source>选择要重新显示的一项：</source>
        <translation>Choose the item to show again:</translation>
    </message>
    <message>
        <location filename="../../gui/case_commands.py" line="256"/>
        <source>导出证据</source>
        <translation>Export evidence</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="185"/>
        <source>保存图表</source>
        <translation>Save chart</translation>
    </message>
    <message>
        <location filename="../../gui/case_commands.py" line="194"/>
        <location filename="../../gui/main_window.py" line="193"/>
        <source>保存失败</source>
        <translation>Saving failed</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="195"/>
        <source>图表已保存到 {0}</source>
        <translation>Chart saved to {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="199"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="199"/>
        <source>还没有导入任何账单。</source>
        <translation>No statements imported yet.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="233"/>
        <source>没有发现周期扣费。</source>
        <translation>No recurring charges found.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="236"/>
        <source>把支付宝、微信或银行导出的账单拖到窗口里，或点“打开账单…”；想先看看效果，点“演示数据”。</source>
        <translation>Drop statements exported from Alipay, WeChat or your bank on the window, or click “Open statements…”; to try it first, click “Demo data”.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="256"/>
        <source>{0}
{1} · {2} 行</source>
        <translation>{0}
{1} · {2} rows</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="267"/>
        <source>{0}
SHA-256 {1}
导入于 {2}
双击查看这个账单的交易</source>
        <translation>{0}
SHA-256 {1}
imported {2}
double-click to see this statement’s transactions</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="297"/>
        <source>{0} 个账单 · {1} 笔交易 · 支出 {2} · {3} 个案件</source>
        <translation>{0} statements · {1} transactions · {2} spent · {3} cases</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="302"/>
        <source> · 取消后仍扣 {0}</source>
        <translation> · {0} charged after cancellation</translation>
    </message>
    <message>
        <location filename="../../gui/window_settings.py" line="44"/>
        <source>无法使用这个字体</source>
        <translation>This font cannot be used</translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message>
        <location filename="../../gui/dialogs.py" line="134"/>
        <source>指定账单的列</source>
        <translation>Map the statement’s columns</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="138"/>
        <source>没有认出 {0} 的格式。请告诉程序哪一列是日期、金额等（至少要有日期和金额，或借方/贷方）。下次遇到同样表头的文件会自动使用这个设置。</source>
        <translation>The format of {0} was not recognised. Say which column holds the date, the amount and so on (at least a date and an amount, or debit/credit). The next file with the same header uses this mapping by itself.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="155"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="156"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="157"/>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="158"/>
        <source>借方（支出）</source>
        <translation>Debit (money out)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="159"/>
        <source>贷方（收入）</source>
        <translation>Credit (money in)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="160"/>
        <source>收/支</source>
        <translation>In/out</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="161"/>
        <source>交易对方</source>
        <translation>Counterparty</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="162"/>
        <source>摘要</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="163"/>
        <source>币种</source>
        <translation>Currency</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="164"/>
        <source>流水号</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="168"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../gui/overview_page.py" line="94"/>
        <source>预计扣款日</source>
        <translation>Expected on</translation>
    </message>
    <message>
        <location filename="../../gui/overview_page.py" line="95"/>
        <source>商户</source>
        <translation>Merchant</translation>
    </message>
    <message>
        <location filename="../../gui/overview_page.py" line="96"/>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../gui/overview_page.py" line="97"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../gui/overview_page.py" line="98"/>
        <source>最晚取消日</source>
        <translation>Cancel by</translation>
    </message>
    <message>
        <location filename="../../gui/overview_page.py" line="134"/>
        <source>{0} 之后 {1} 天内预计的扣款：{2} 笔</source>
        <translation>Charges expected within {1} days after {0}: {2}</translation>
    </message>
    <message>
        <location filename="../../gui/overview_page.py" line="138"/>
        <source>；另有 {0} 笔{1}，列在最前</source>
        <translation>; {0} more {1}, listed first</translation>
    </message>
</context>
<context>
    <name>PriceTable</name>
    <message>
        <location filename="../../gui/case_history_view.py" line="48"/>
        <source>商户</source>
        <translation>Merchant</translation>
    </message>
    <message>
        <location filename="../../gui/case_history_view.py" line="49"/>
        <source>起始日期</source>
        <translation>Since</translation>
    </message>
    <message>
        <location filename="../../gui/case_history_view.py" line="50"/>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../gui/case_history_view.py" line="51"/>
        <source>次数</source>
        <translation>Charges</translation>
    </message>
    <message>
        <location filename="../../gui/case_history_view.py" line="52"/>
        <source>变化</source>
        <translation>Change</translation>
    </message>
</context>
<context>
    <name>RefundsTable</name>
    <message>
        <location filename="../../gui/case_history_view.py" line="127"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../gui/case_history_view.py" line="128"/>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../gui/case_history_view.py" line="129"/>
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../gui/case_history_view.py" line="130"/>
        <source>来源文件</source>
        <translation>Source file</translation>
    </message>
    <message>
        <location filename="../../gui/case_history_view.py" line="131"/>
        <source>行号</source>
        <translation>Row</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../gui/dialogs.py" line="233"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="235"/>
        <source>跟随系统</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="242"/>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="244"/>
        <source>自动（系统中的中文字体）</source>
        <translation>Automatic (a Chinese font of this system)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="247"/>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="253"/>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="254"/>
        <source>续费前提前提醒</source>
        <translation>Notice before a renewal</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="255"/>
        <source>文档字体（PDF 报告）</source>
        <translation>Document font (PDF report)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="264"/>
        <source>选择文档字体</source>
        <translation>Choose the document font</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="264"/>
        <source>字体文件 (*.ttf *.ttc *.otf)</source>
        <translation>Font files (*.ttf *.ttc *.otf)</translation>
    </message>
</context>
<context>
    <name>WatchDialog</name>
    <message>
        <location filename="../../gui/dialogs.py" line="191"/>
        <source>关注词</source>
        <translation>Watch words</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="194"/>
        <source>商户名或说明中含有这些词的扣款总会被列出。</source>
        <translation>Charges whose merchant or description contains one of these words are always listed.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="198"/>
        <source>新的关注词，例如 洽客</source>
        <translation>A new watch word, e.g. 洽客</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="199"/>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="201"/>
        <source>删除所选</source>
        <translation>Remove selected</translation>
    </message>
</context>
</TS>
