"""Every vocabulary the app emits, declared once, each value with its Chinese and English label.

Detection, the JSON contract, the CLI tables, the window, the report and the letters all
read labels from here; a test enumerates what the detector can emit and checks that each
value has both labels. Values are the strings of the JSON contract (``scan --json``), so
an enum member compares equal to its string.
"""

from __future__ import annotations

from enum import StrEnum

Lang = str  # "zh" or "en"
LANGS = ("zh", "en")


class Labelled(StrEnum):
    """A vocabulary whose members carry a zh/en label (see ``_LABELS`` below)."""

    def label(self, lang: Lang = "zh") -> str:
        zh, en = _LABELS[type(self).__name__][self.value]
        return zh if lang == "zh" else en

    @classmethod
    def label_of(cls, value: str | None, lang: Lang = "zh") -> str:
        """The label of a raw value; an unknown value is shown as it is (never raises)."""
        if value is None or value == "":
            return ""
        try:
            return cls(value).label(lang)
        except ValueError:
            return str(value)


class StreamType(Labelled):
    SUBSCRIPTION = "subscription"
    BILL = "bill"
    INSTALMENT = "instalment"
    TRANSFER = "transfer"
    INCOME = "income"
    USAGE = "usage"


# stream types whose rows no company charged (a watched salary, rent to a landlord)
NOT_CHARGES = frozenset({StreamType.INCOME, StreamType.TRANSFER})


class Cadence(Labelled):
    WEEKLY = "weekly"
    BIWEEKLY = "biweekly"
    SEMIMONTHLY = "semimonthly"
    MONTHLY = "monthly"
    BIMONTHLY = "bimonthly"
    QUARTERLY = "quarterly"
    FOUR_MONTHLY = "fourmonthly"
    SEMIANNUAL = "semiannual"
    ANNUAL = "annual"
    MONTHLY_WEEKDAY = "monthly_weekday"
    IRREGULAR = "irregular"


class StreamStatus(Labelled):
    ACTIVE = "active"
    OVERDUE = "overdue"
    INACTIVE = "inactive"
    CANCELLED = "cancelled"


class Flag(Labelled):
    AFTER_CANCELLATION = "after_cancellation"
    TRIAL_CONVERSION = "trial_conversion"
    PRICE_INCREASE = "price_increase"
    DUPLICATE_CHARGE = "duplicate_charge"
    NEW_MERCHANT = "new_merchant"
    WATCHLIST = "watchlist"
    REFUND_PARTIAL = "refund_partial"
    UNUSUAL_AMOUNT = "unusual_amount"
    OVERDUE = "overdue"


class Cause(Labelled):
    AUTO_RENEWAL = "auto_renewal"
    NEW_PURCHASE_OR_UPGRADE = "new_purchase_or_upgrade"
    USAGE_SETTLEMENT = "usage_settlement"
    TRIAL_CONVERSION = "trial_conversion"
    ORGANISATION_PURCHASE = "organisation_purchase"
    ARREARS_RECOVERY = "arrears_recovery"


class Trend(Labelled):
    """Where a usage bill's amounts are heading: the later half against the earlier."""

    RISING = "rising"
    FALLING = "falling"
    STEADY = "steady"


class Role(Labelled):
    CHARGE = "charge"
    TRIAL = "trial"
    PRORATION = "proration"
    DUPLICATE = "duplicate"
    RETRY = "retry"
    FAILED = "failed"
    REFUND = "refund"


class Severity(Labelled):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    NONE = "none"


class Direction(Labelled):
    EXPENSE = "expense"
    INCOME = "income"
    NEUTRAL = "neutral"


class RowState(Labelled):
    SUCCESS = "success"
    CLOSED = "closed"
    FAILED = "failed"
    PENDING = "pending"
    REFUND = "refund"
    REFUNDED = "refunded"
    PARTIALLY_REFUNDED = "partially_refunded"


class CaseStatus(Labelled):
    """What the user says about a case (a company they are charged by)."""

    UNREVIEWED = "unreviewed"
    AUTHORISED = "authorised"
    UNRECOGNISED = "unrecognised"
    DISPUTED = "disputed"
    RESOLVED = "resolved"


class Channel(Labelled):
    """Where a case-log entry happened: who the user contacted."""

    MERCHANT = "merchant"
    ALIPAY = "alipay"
    WECHAT = "wechat"
    BANK = "bank"
    REGULATOR = "12315"
    OTHER = "other"


_LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "StreamType": {
        "subscription": ("订阅扣费", "subscription"),
        "bill": ("账单", "bill"),
        "instalment": ("分期", "instalment"),
        "transfer": ("转账", "transfer"),
        "income": ("收入", "income"),
        "usage": ("按量计费", "usage-based"),
    },
    "Cadence": {
        "weekly": ("每周", "weekly"),
        "biweekly": ("每两周", "every two weeks"),
        "semimonthly": ("每半月", "twice a month"),
        "monthly": ("每月", "monthly"),
        "bimonthly": ("每两个月", "every two months"),
        "quarterly": ("每季度", "quarterly"),
        "fourmonthly": ("每四个月", "every four months"),
        "semiannual": ("每半年", "every six months"),
        "annual": ("每年", "yearly"),
        "monthly_weekday": ("每月第几个星期几", "monthly on a weekday"),
        "irregular": ("不规则", "irregular"),
    },
    "StreamStatus": {
        "active": ("进行中", "active"),
        "overdue": ("逾期未出现", "overdue"),
        "inactive": ("已停止", "stopped"),
        "cancelled": ("已取消", "cancelled"),
    },
    "Flag": {
        "after_cancellation": ("取消后仍扣款", "charged after cancellation"),
        "trial_conversion": ("试用转正价", "trial turned paid"),
        "price_increase": ("涨价", "price increase"),
        "duplicate_charge": ("重复扣款", "duplicate charge"),
        "new_merchant": ("新商户", "new merchant"),
        "watchlist": ("关注名单", "watchlist"),
        "refund_partial": ("部分退款", "partial refund"),
        "unusual_amount": ("金额异常", "unusual amount"),
        "overdue": ("逾期未出现", "overdue"),
    },
    "Cause": {
        "auto_renewal": ("自动续费", "automatic renewal"),
        "new_purchase_or_upgrade": ("新购或升级套餐", "new purchase or upgrade"),
        "usage_settlement": ("按用量结算", "usage-based settlement"),
        "trial_conversion": ("试用期结束转正价", "trial turned into a paid plan"),
        "organisation_purchase": ("单位统一购买", "purchase by the user's organisation"),
        "arrears_recovery": ("历史欠费补缴", "recovery of earlier unpaid amounts"),
    },
    "Trend": {
        "rising": ("上升", "rising"),
        "falling": ("下降", "falling"),
        "steady": ("平稳", "steady"),
    },
    "Role": {
        "charge": ("扣费", "charge"),
        "trial": ("试用", "trial"),
        "proration": ("差价补扣", "proration"),
        "duplicate": ("重复扣款", "duplicate"),
        "retry": ("重试", "retry"),
        "failed": ("扣款失败", "failed attempt"),
        "refund": ("退款", "refund"),
    },
    "Severity": {
        "high": ("严重", "high"),
        "medium": ("注意", "medium"),
        "low": ("提示", "low"),
        "none": ("无", "none"),
    },
    "Direction": {
        "expense": ("支出", "expense"),
        "income": ("收入", "income"),
        "neutral": ("不计收支", "neutral"),
    },
    "RowState": {
        "success": ("成功", "success"),
        "closed": ("已关闭", "closed"),
        "failed": ("失败", "failed"),
        "pending": ("处理中", "pending"),
        "refund": ("退款", "refund"),
        "refunded": ("已退款", "refunded"),
        "partially_refunded": ("部分退款", "partially refunded"),
    },
    "CaseStatus": {
        "unreviewed": ("未核对", "unreviewed"),
        "authorised": ("已授权", "authorised"),
        "unrecognised": ("不认识", "not recognised"),
        "disputed": ("争议中", "disputed"),
        "resolved": ("已解决", "resolved"),
    },
    "Channel": {
        "merchant": ("商户客服", "merchant"),
        "alipay": ("支付宝", "Alipay"),
        "wechat": ("微信支付", "WeChat Pay"),
        "bank": ("银行", "bank"),
        "12315": ("12315", "12315 (regulator)"),
        "other": ("其他", "other"),
    },
}

VOCABULARIES: tuple[type[Labelled], ...] = (
    StreamType,
    Cadence,
    StreamStatus,
    Flag,
    Cause,
    Trend,
    Role,
    Severity,
    Direction,
    RowState,
    CaseStatus,
    Channel,
)
