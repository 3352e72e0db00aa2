"""Small Alipay app CSVs (2023+ layout) written by hand for the core tests."""

from __future__ import annotations

from pathlib import Path

PREAMBLE = """------------------------------------------------------------------------------------
导出信息：
姓名：张三
支付宝账户：zhang@example.com
起始时间：[2024-01-01 00:00:00]    终止时间：[2024-03-31 23:59:59]
导出交易类型：[全部]
导出时间：[2024-04-01 10:00:00]
共{count}笔记录
收入：0笔 0.00元
支出：{count}笔 {total}元
不计收支：0笔 0.00元

特别提示：
1.本回单内容可表明支付宝受理了相应支付交易申请。
2.请勿将本回单作为收款方发货的凭据使用。
3.支付宝快捷支付等非余额支付方式可能产生支付宝交易及相同银行交易。
4.本回单不作为任何交易有效性证明。
5.部分账单如：充值提现、账户转存或者个人设置收支等不计入为收入或者支出。
6.因统计逻辑不同，明细金额直接累加后，可能会和下方统计金额不一致。
7.禁止将本回单用于非法用途。
8.本明细仅展示当前账单中的交易，不包括已删除的记录。
9.本明细仅供个人对账使用。

------------------------支付宝（中国）网络技术有限公司  电子客户回单------------------------
交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注,
"""

# (time, counterparty, item, amount, method, order id)
ROWS = {
    "jan": (
        "2024-01-31 09:00:01",
        "深圳洽客科技有限公司",
        "洽客CRM专业版-连续包月",
        "199.00",
        "招商银行储蓄卡(1111)",
        "2024013122001400001",
    ),
    "feb": (
        "2024-02-29 09:00:03",
        "深圳洽客科技有限公司",
        "洽客CRM专业版-连续包月",
        "199.00",
        "招商银行储蓄卡(1111)",
        "2024022922001400002",
    ),
    "mar": (
        "2024-03-31 09:00:02",
        "深圳洽客科技有限公司",
        "洽客CRM专业版-连续包月",
        "199.00",
        "余额",
        "2024033122001400003",
    ),
    "coffee": (
        "2024-03-05 08:15:00",
        "瑞幸咖啡",
        "生椰拿铁",
        "9.90",
        "花呗",
        "2024030522001499999",
    ),
}


def alipay_csv(path: Path, keys: list[str]) -> Path:
    """Write an Alipay app CSV (GBK) with the named rows, in the given order."""
    lines = []
    for key in keys:
        time, party, item, amount, method, order = ROWS[key]
        lines.append(
            f"{time},日用百货,{party},/,{item},支出,{amount},{method},交易成功,"
            f"{order}\t,M{order}\t,,"
        )
    total = sum(float(ROWS[k][3]) for k in keys)  # only for the preamble text
    text = PREAMBLE.format(count=len(keys), total=f"{total:.2f}") + "\n".join(lines) + "\n"
    path.write_bytes(text.encode("gb18030"))
    return path
