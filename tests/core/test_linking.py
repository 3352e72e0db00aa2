"""Links between a wallet row and the bank's row for the same payment; refunds."""

from __future__ import annotations

import pandas as pd

from qiake_auditor.linking import candidates, refund_links, wallet_bank_links


def _rows(*records: dict) -> pd.DataFrame:
    base = {
        "format": "",
        "time": "",
        "amount": "",
        "currency": "CNY",
        "direction": "expense",
        "state": "success",
        "counterparty": "",
        "merchant": "",
        "description": "",
        "method": "",
        "txn_id": "",
        "merchant_order_id": "",
        "category": "",
        "dedup_key": "",
    }
    return pd.DataFrame([{**base, **r} for r in records]).astype("str")


WALLET = {
    "format": "alipay-2023",
    "time": "2024-06-30 09:00:00",
    "amount": "199.00",
    "counterparty": "深圳洽客科技有限公司",
    "merchant": "深圳洽客科技有限公司",
    "method": "招商银行储蓄卡(1111)",
    "dedup_key": "w1",
}
BANK = {
    "format": "icbc-debit-2024",
    "time": "2024-07-01",
    "amount": "199.00",
    "counterparty": "支付宝（中国）网络技术有限公司",
    "description": "支付宝－深圳洽客科技有限公司",
    "merchant": "深圳洽客科技有限公司",
    "dedup_key": "b1",
}


def test_wallet_and_bank_rows_of_one_payment_share_a_link_id() -> None:
    links = wallet_bank_links(_rows(WALLET, BANK))
    assert set(links) == {"w1", "b1"}
    assert links["w1"] == links["b1"] and links["w1"].startswith("L")


def test_no_link_beyond_two_days_or_for_other_amounts_or_balance_payments() -> None:
    late = {**BANK, "time": "2024-07-03", "dedup_key": "b2"}
    other = {**BANK, "amount": "198.00", "dedup_key": "b3"}
    balance = {**WALLET, "method": "余额", "dedup_key": "w2"}
    assert wallet_bank_links(_rows(WALLET, late)) == {}
    assert wallet_bank_links(_rows(WALLET, other)) == {}
    assert wallet_bank_links(_rows(balance, BANK)) == {}


def test_a_bank_row_links_once_to_the_nearest_wallet_row() -> None:
    earlier = {**WALLET, "time": "2024-06-29 09:00:00", "dedup_key": "w0"}
    links = wallet_bank_links(_rows(earlier, WALLET, BANK))
    assert links["b1"] == links["w1"]
    assert "w0" not in links


def test_wechat_rows_link_to_tenpay_bank_rows_only() -> None:
    wechat = {**WALLET, "format": "wechat-csv", "dedup_key": "x1"}
    assert wallet_bank_links(_rows(wechat, BANK)) == {}  # the bank row names Alipay
    tenpay = {**BANK, "description": "财付通-深圳洽客科技有限公司", "dedup_key": "b9"}
    assert set(wallet_bank_links(_rows(wechat, tenpay))) == {"x1", "b9"}


def test_refunds_point_at_their_original_by_order_id() -> None:
    original = {
        "format": "alipay-2023",
        "txn_id": "2024031422001",
        "dedup_key": "o1",
        "amount": "2980.00",
        "merchant_order_id": "M1",
    }
    refund = {
        "format": "alipay-2023",
        "txn_id": "2024031422001_R1",
        "dedup_key": "r1",
        "direction": "neutral",
        "state": "refund",
        "description": "退款-洽客CRM年付",
        "amount": "2980.00",
        "merchant_order_id": "M1",
    }
    wechat_refund = {
        "format": "wechat-csv",
        "txn_id": "50001",
        "dedup_key": "r2",
        "direction": "income",
        "state": "refund",
        "merchant_order_id": "W7",
    }
    wechat_original = {
        "format": "wechat-csv",
        "txn_id": "42001",
        "dedup_key": "o2",
        "merchant_order_id": "W7",
    }
    rows = _rows(original, refund, wechat_refund, wechat_original)
    assert refund_links(rows) == {"r1": "o1", "r2": "o2"}
    assert set(candidates(rows)["dedup_key"]) == {"o1", "r1", "r2", "o2"}


def test_look_alike_payments_booked_a_day_later_pair_in_order() -> None:
    fares = [
        {
            **WALLET,
            "counterparty": "地铁",
            "merchant": "地铁",
            "amount": "4.00",
            "time": f"2024-06-0{d} 08:00:00",
            "dedup_key": f"w{d}",
        }
        for d in (1, 2, 3)
    ]
    booked = [
        {
            **BANK,
            "description": "支付宝-地铁",
            "amount": "4.00",
            "time": f"2024-06-0{d + 1}",
            "dedup_key": f"b{d}",
        }
        for d in (1, 2, 3)
    ]
    links = wallet_bank_links(_rows(*fares, *booked))
    assert [links[f"w{d}"] == links[f"b{d}"] for d in (1, 2, 3)] == [True, True, True]


def test_a_masked_bank_counterparty_yields_to_the_merchant_in_the_memo() -> None:
    from qiake_auditor.merchants import resolve

    rows = pd.DataFrame(
        {
            "counterparty": ["中***融科技有限公司", "深圳市财付通支付科技有限公司", "瑞幸咖啡"],
            "description": [
                "支付宝-支付宝外部商户-中移动金融科技有限公司",
                "财付通－深圳洽客科技有限公司",
                "生椰拿铁",
            ],
        },
        dtype="str",
    )
    assert list(resolve(rows)) == ["中移动金融科技有限公司", "深圳洽客科技有限公司", "瑞幸咖啡"]


def test_returned_transfers_pair_with_the_latest_payment_not_after_them() -> None:
    """No shared id: a return goes to the refunded payment of the same amount and
    counterparty, the latest one not after it, each payment once."""

    def paid(key: str, time: str, amount: str = "50.00", who: str = "张三") -> dict:
        return {
            "format": "wechat-csv",
            "time": time,
            "amount": amount,
            "counterparty": who,
            "state": "refunded",
            "dedup_key": key,
        }

    def returned(key: str, time: str, amount: str = "50.00", who: str = "张三") -> dict:
        return {**paid(key, time, amount, who), "direction": "income", "state": "refund"}

    rows = _rows(
        paid("p1", "2024-05-01 10:00:00"),
        paid("p2", "2024-05-03 10:00:00"),
        paid("p3", "2024-05-09 10:00:00"),
        paid("p4", "2024-05-02 10:00:00", who="李四"),
        paid("p5", "2024-05-02 10:00:00", amount="60.00"),
        returned("r1", "2024-05-04 09:00:00"),  # p2, the latest before it
        returned("r2", "2024-05-04 09:30:00"),  # p2 taken: p1
        returned("r3", "2024-05-04 10:00:00"),  # none left before it (p3 is later)
        returned("r4", "2024-05-09 10:00:00"),  # p3, at the same second
        returned("r5", "2024-05-02 09:59:59", who="李四"),  # before p4: none
    )
    assert refund_links(rows) == {"r1": "p2", "r2": "p1", "r4": "p3"}


def test_many_look_alike_returns_pair_one_to_one() -> None:
    def at(second: int) -> str:
        return f"2024-05-01 {second // 3600:02d}:{second // 60 % 60:02d}:{second % 60:02d}"

    n = 3000
    look_alike = {"format": "wechat-csv", "amount": "1.00", "counterparty": "张三"}
    payments = [
        {**look_alike, "time": at(2 * i), "state": "refunded", "dedup_key": f"p{i}"}
        for i in range(n)
    ]
    returns = [  # each a second after its payment, before the next one
        {**look_alike, "time": at(2 * i + 1), "direction": "income", "state": "refund",
         "dedup_key": f"r{i}"}
        for i in range(n)
    ]  # fmt: skip
    found = refund_links(_rows(*payments, *returns))
    assert found == {f"r{i}": f"p{i}" for i in range(n)}
