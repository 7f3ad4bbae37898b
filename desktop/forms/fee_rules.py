"""The forms' computed fees, read from the one fee table (``resources/fees.yaml``): the
trademark official fee (online and paper), the fee-reduction ratio and fees looked up from a
choice.  No amount is written in a form spec."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from desktop.common.fees import FeeTable, fee_table, figure_text
from desktop.forms.fields import format_money, split_list
from desktop.forms.spec import FeeReductionRule, LookupRule, TrademarkFeeRule

if TYPE_CHECKING:
    from desktop.forms.validation import FormResult

ONLINE, PAPER = "网上申请", "纸件申请"


def limit_amount(value: float | str, table: FeeTable | None = None) -> Decimal:
    """A limit written as an amount, or as a figure id (``万元`` figures become yuan)."""
    if not isinstance(value, str):
        return Decimal(str(value))
    fig = (table or fee_table()).figure(value)
    return fig.value * (10000 if fig.unit == "万元" else 1)


def trademark_fee(rule: TrademarkFeeRule, res: FormResult) -> None:
    from desktop.forms.validation import Computed

    table = fee_table()
    base, extra_fee = table.fee(rule.fee), table.fee(rule.extra_fee)
    totals = {True: Decimal(0), False: Decimal(0)}
    parts: list[str] = []
    parts_en: list[str] = []
    for row in res.values.get(rule.rows) or []:
        cls = row.get(rule.class_column)
        if not cls:
            continue
        items = len(split_list(row.get(rule.items_column) or ""))
        extra = max(0, items - rule.items_included)
        for online in (True, False):
            totals[online] += base.charged(online) + extra * extra_fee.charged(online)
        parts.append(f"第{cls}类{items}项" + (f"（超出{extra}项）" if extra else ""))
        parts_en.append(f"class {cls}: {items} items")
    if not parts:
        return
    channel = str(res.values.get(rule.channel) or "") if rule.channel else ""
    online = channel != PAPER
    chosen, other = totals[online], totals[not online]
    which, other_name = (ONLINE, PAPER) if online else (PAPER, ONLINE)
    said = which if channel else f"按{ONLINE}计（未选择提交方式）"
    rate = (f"每类{format_money(base.charged(online))}元含{rule.items_included}项，"
            f"超出每项{format_money(extra_fee.charged(online))}元")
    res.computed.append(Computed(
        rule.output, rule.label, rule.label_en, float(chosen),
        f"{format_money(chosen)} 元（{which}）",
        f"{'；'.join(parts)}。{said}：{format_money(chosen)}元（{rate}）；"
        f"{other_name}为{format_money(other)}元",
        f"{'; '.join(parts_en)}. {'online' if online else 'paper'} filing: {chosen:f}; "
        f"{'paper' if online else 'online'} filing would be {other:f}"))


def fee_reduction(rule: FeeReductionRule, res: FormResult) -> None:
    from desktop.forms.validation import Computed

    n = len(res.values.get(rule.rows) or [])
    if not n:
        return
    fig = fee_table().figure(rule.single if n == 1 else rule.joint)
    pct = figure_text(fig)
    res.computed.append(Computed(
        rule.output, rule.label, rule.label_en, float(fig.value) / 100, pct,
        f"{'单个' if n == 1 else f'{n}个'}申请人（专利权人），减缴{pct}",
        f"{n} applicant(s): {pct} reduction"))


def lookup(rule: LookupRule, res: FormResult) -> None:
    from desktop.forms.validation import Computed

    choice = res.values.get(rule.field)
    if choice not in rule.table:
        return
    ref = rule.table[choice]
    if isinstance(ref, str):
        fee = fee_table().fee(ref)
        amount = fee.charged()
        note = "（已停征）" if fee.is_abolished() else ""
    else:
        amount, note = Decimal(str(ref)), ""
    res.computed.append(Computed(
        rule.output, rule.label, rule.label_en, float(amount),
        f"{format_money(amount)} {rule.unit}",
        f"{choice}：{amount:f}{rule.unit}{note}", f"{choice}: {amount:f}"))

