"""The steps to stop a recurring charge, as the checklist the user ticks in a case.

Ids are stored in the case (``Audit.set_checklist``); texts are translated in the
"Guidance" context.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

# The steps to stop a recurring charge: (id, text), ticked by the user, kept in the case.
GUIDANCE = (
    (
        "alipay_autorenew",
        QT_TRANSLATE_NOOP(
            "Guidance", "支付宝：我的 ▸ 设置 ▸ 支付设置 ▸ 免密支付/自动扣款，关闭该商户"
        ),
    ),
    (
        "wechat_autorenew",
        QT_TRANSLATE_NOOP("Guidance", "微信：我 ▸ 服务 ▸ 钱包 ▸ 支付设置 ▸ 自动续费，关闭该项目"),
    ),
    (
        "bank_daikou",
        QT_TRANSLATE_NOOP("Guidance", "银行：在手机银行或柜台取消对该商户的代扣/快捷支付授权"),
    ),
    (
        "contact_merchant",
        QT_TRANSLATE_NOOP("Guidance", "联系商户客服，要求停止扣费并退还取消后的扣款，记下工单号"),
    ),
    (
        "dispute_platform",
        QT_TRANSLATE_NOOP("Guidance", "向支付宝、微信支付或银行发起争议/投诉，附上证据"),
    ),
    (
        "complain_12315",
        QT_TRANSLATE_NOOP("Guidance", "向 12315 平台投诉（全国 12315 互联网平台或拨打 12315）"),
    ),
)
