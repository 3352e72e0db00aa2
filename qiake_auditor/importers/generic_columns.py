"""Column mapping for statements no dedicated importer knows: guess, check, remember.

A mapping says which column holds each ledger field (``date=交易日期,amount=金额``).
It is guessed from header names in Chinese or English, may be given or corrected by
the user (``--map``), and is remembered under a signature of the header names, so the
next file from the same bank imports without asking again.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence

from ..errors import StatementError
from ..i18n import Listed
from . import field_text, sheet_rows

FIELDS = (
    "date",
    "time",
    "amount",
    "debit",
    "credit",
    "direction",
    "counterparty",
    "description",
    "currency",
    "id",
)

# Header names per field, most specific first, in normalised form (see ``normalise``).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "date": (
        "交易日期",
        "记账日期",
        "入账日期",
        "日期",
        "交易日",
        "记账日",
        "发生日期",
        "date",
        "transactiondate",
        "postingdate",
        "posteddate",
        "postdate",
        "transdate",
        "trans.date",
        "bookingdate",
        "bookdate",
        "交易时间",
        "记账时间",
        "入账时间",
        "交易日期时间",
        "valuedate",
        "起息日",
        "起息日期",
    ),
    "time": ("时间", "交易时间", "记账时间", "time", "transactiontime"),
    "amount": (
        "金额",
        "交易金额",
        "发生额",
        "交易额",
        "入账金额",
        "amount",
        "transactionamount",
        "amt",
        "人民币金额",
    ),
    "debit": (
        "借方",
        "借方金额",
        "借方发生额",
        "支出",
        "支出金额",
        "付款金额",
        "转出金额",
        "debit",
        "debitamount",
        "debits",
        "withdrawal",
        "withdrawals",
        "withdrawalamount",
        "moneyout",
        "paidout",
    ),
    "credit": (
        "贷方",
        "贷方金额",
        "贷方发生额",
        "收入",
        "收入金额",
        "收款金额",
        "转入金额",
        "credit",
        "creditamount",
        "credits",
        "deposit",
        "deposits",
        "depositamount",
        "moneyin",
        "paidin",
    ),
    "direction": (
        "借贷",
        "借贷标志",
        "借贷方向",
        "借/贷",
        "收/支",
        "收支",
        "收支类型",
        "交易方向",
        "direction",
        "dr/cr",
        "cr/dr",
        "debit/credit",
        "credit/debit",
        "creditordebit",
    ),
    "counterparty": (
        "对方户名",
        "对方名称",
        "对方",
        "对方账户名",
        "对方账户名称",
        "交易对方",
        "对手方",
        "对手信息",
        "收/付款方",
        "收款方",
        "收款人",
        "付款方",
        "商户名称",
        "商户",
        "payee",
        "payer",
        "merchant",
        "counterparty",
        "name",
        "beneficiary",
        "payee/payer",
    ),
    "description": (
        "摘要",
        "交易摘要",
        "备注",
        "附言",
        "用途",
        "交易说明",
        "说明",
        "商品说明",
        "交易描述",
        "description",
        "transactiondescription",
        "details",
        "transactiondetails",
        "memo",
        "narrative",
        "particulars",
        "remarks",
    ),
    "currency": ("币种", "货币", "币别", "交易币种", "币种代码", "currency", "ccy"),
    "id": (
        "流水号",
        "交易流水号",
        "交易号",
        "交易单号",
        "交易序号",
        "参考号",
        "凭证号",
        "日志号",
        "reference",
        "referencenumber",
        "ref",
        "refno",
        "transactionid",
        "transactionreference",
        "id",
    ),
}

_UNIT = re.compile(r"[(（][^()（）]{0,8}[)）]$")


def normalise(name: str) -> str:
    """``Posting Date`` -> ``postingdate``; ``金额（元）`` -> ``金额``; for matching only."""
    name = re.sub(r"\s+", "", field_text.clean(name)).lower().rstrip(":：#")
    return _UNIT.sub("", name) or name


def guess(names: Sequence[str]) -> dict[str, str]:
    """The mapping the header names suggest (each column used once)."""
    normalised = {normalise(n): n for n in reversed(names) if n}
    taken: set[str] = set()
    mapping: dict[str, str] = {}
    for field in FIELDS:
        for synonym in SYNONYMS[field]:
            column = normalised.get(synonym)
            if column is not None and column not in taken:
                mapping[field] = column
                taken.add(column)
                break
    if "amount" in mapping and ("debit" in mapping or "credit" in mapping):
        # A table with 借方/贷方 columns and a 金额 column: the two columns are more explicit.
        if "debit" in mapping and "credit" in mapping:
            del mapping["amount"]
        else:
            mapping.pop("debit", None)
            mapping.pop("credit", None)
    return mapping


def usable(mapping: Mapping[str, str]) -> bool:
    """A mapping can read a statement when it has a date and an amount (or debit/credit)."""
    return "date" in mapping and any(f in mapping for f in ("amount", "debit", "credit"))


def merge(guessed: Mapping[str, str], explicit: Mapping[str, str]) -> dict[str, str]:
    """The user's fields win; guessed fields that would contradict them are dropped."""
    merged = {k: v for k, v in guessed.items() if v not in explicit.values()}
    if "amount" in explicit:
        merged.pop("debit", None)
        merged.pop("credit", None)
    if "debit" in explicit or "credit" in explicit:
        merged.pop("amount", None)
    merged.update(explicit)
    return {field: merged[field] for field in FIELDS if field in merged}


def check_fields(mapping: Mapping[str, str], source: str) -> None:
    unknown = [k for k in mapping if k not in FIELDS]
    if unknown:
        raise StatementError.of(
            "generic.map_unknown_field", source=source, field=unknown[0], fields=Listed(FIELDS)
        )


def signature(names: Sequence[str]) -> str:
    """A stable hash of the cleaned, non-empty header names, in order."""
    basis = "\x1f".join(field_text.clean(n) for n in names if field_text.clean(n))
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


dedupe = sheet_rows.dedupe_names  # one rule for every reader
