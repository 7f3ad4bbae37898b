"""Keeping the guides' facts current: which items were checked too long ago, which cite an
article that is not there, which write an amount as free text instead of citing the fee table.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from desktop.catalogue.schema import ServiceItem, strings_in
from desktop.common.citations import check_basis
from desktop.common.fees import FREE_AMOUNT_RE, PLACEHOLDER_RE

#: how old (days) an item's facts may be before ``catalogue check`` lists it
DEFAULT_MAX_AGE_DAYS = 365


@dataclass(frozen=True)
class Finding:
    code: str
    kind: str  # "stale" | "never_checked" | "citation" | "free_amount"
    zh: str
    en: str

    def to_json(self) -> dict[str, str]:
        return {"code": self.code, "kind": self.kind, "message": self.zh, "message_en": self.en}


def stale_items(items: Iterable[ServiceItem], *, max_age_days: int = DEFAULT_MAX_AGE_DAYS,
                today: _dt.date | None = None) -> list[Finding]:
    """Items whose facts were last checked more than ``max_age_days`` ago (or never)."""
    today = today or _dt.date.today()
    out: list[Finding] = []
    for item in items:
        if item.checked is None:
            out.append(Finding(item.code, "never_checked", f"{item.code} {item.name}：未记录信息核对日期",
                               f"{item.code}: no date of the last check"))
            continue
        age = (today - item.checked).days
        if age > max_age_days:
            out.append(Finding(
                item.code, "stale",
                f"{item.code} {item.name}：信息核对于 {item.checked.isoformat()}，已 {age} 天",
                f"{item.code}: facts checked on {item.checked.isoformat()}, {age} days ago"))
    return out


def free_amounts(items: Iterable[ServiceItem]) -> list[Finding]:
    """Amounts of money or percentages written as text instead of cited from the fee table."""
    out: list[Finding] = []
    for item in items:
        data = item.model_dump(mode="json", exclude={"source", "legal_basis", "version",
                                                     "code", "effective_date", "checked"})
        for text in strings_in(data):
            bare = PLACEHOLDER_RE.sub("", text)
            m = FREE_AMOUNT_RE.search(bare)
            if m:
                out.append(Finding(item.code, "free_amount",
                                   f"{item.code}：金额“{m.group(0)}”应引用收费标准表（{text[:30]}…）",
                                   f"{item.code}: amount '{m.group(0)}' should cite the fee table"))
    return out


def citation_problems(items: Iterable[ServiceItem], laws_root: Path) -> list[Finding]:
    """Cited articles missing from, or not containing their keyword in, the law texts."""
    out: list[Finding] = []
    for item in items:
        for problem in check_basis(laws_root, item.legal_basis):
            out.append(Finding(item.code, "citation", f"{item.code}：{problem}",
                               f"{item.code}: {problem}"))
    return out

