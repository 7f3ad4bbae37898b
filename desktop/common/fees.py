"""The fee table (``resources/fees.yaml``): every official fee and money figure the product
prints, each with its source, read by the catalogue's guides and the forms' fee rules.

Texts cite entries as ``{fee:ID}`` (``{fee:ID:online}`` / ``{fee:ID:paper}`` for one variant)
and ``{figure:ID}``; :func:`render` replaces them, so an amount lives in one place only.
"""

from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from desktop.errors import UserError
from desktop.paths import resource

UNSURE = "以受理机关最新公告为准"
PLACEHOLDER_RE = re.compile(r"\{(fee|figure):([a-z0-9_.]+)(?::(online|paper))?\}")
#: an amount of money or a percentage written as free text (what texts must not contain)
FREE_AMOUNT_RE = re.compile(r"\d[\d,.]*\s*(?:万?元|%|％)")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FeeSource(_Strict):
    title: str = Field(min_length=1)
    number: str = ""
    date: _dt.date

    def label(self) -> str:
        num = f"（{self.number}）" if self.number else ""
        return f"{self.title}{num}，{self.date.isoformat()}"


class Fee(_Strict):
    id: str = Field(pattern=r"^[a-z0-9_.]+$")
    name: str = Field(min_length=1)
    amount: Decimal = Field(ge=0, description="paper / window filing, or the only amount")
    online: Decimal | None = Field(None, ge=0)
    per: str = Field(min_length=1)
    reducible: bool
    abolished: _dt.date | None = None
    verified: bool = True
    source: str

    def is_abolished(self, today: _dt.date | None = None) -> bool:
        return self.abolished is not None and self.abolished <= (today or _dt.date.today())

    def charged(self, online: bool = False) -> Decimal:
        """What the fee costs today: 0 once abolished; the online amount where there is one."""
        if self.is_abolished():
            return Decimal(0)
        return self.online if online and self.online is not None else self.amount


class Figure(_Strict):
    id: str = Field(pattern=r"^[a-z0-9_.]+$")
    name: str = Field(min_length=1)
    value: Decimal
    unit: str
    source: str


class FeeTable(_Strict):
    checked: _dt.date
    sources: dict[str, FeeSource]
    fees: tuple[Fee, ...]
    figures: tuple[Figure, ...] = ()

    @model_validator(mode="after")
    def _refs(self) -> FeeTable:
        ids = [f.id for f in self.fees] + [f.id for f in self.figures]
        dup = sorted({i for i in ids if ids.count(i) > 1})
        if dup:
            raise ValueError(f"repeated ids: {', '.join(dup)}")
        entries: list[Fee | Figure] = [*self.fees, *self.figures]
        for entry in entries:
            if entry.source not in self.sources:
                raise ValueError(f"{entry.id}: unknown source {entry.source!r}")
        return self

    def fee(self, fee_id: str) -> Fee:
        for f in self.fees:
            if f.id == fee_id:
                return f
        raise KeyError(fee_id)

    def figure(self, figure_id: str) -> Figure:
        for f in self.figures:
            if f.id == figure_id:
                return f
        raise KeyError(figure_id)

    def source_of(self, entry: Fee | Figure) -> FeeSource:
        return self.sources[entry.source]


def money(value: Decimal) -> str:
    """``Decimal('900')`` → ``900元``; ``Decimal('27.5')`` → ``27.5元``."""
    return f"{value.normalize():f}元"


def figure_text(fig: Figure) -> str:
    return f"{fig.value.normalize():f}{fig.unit}"


def fee_text(fee: Fee, variant: str | None = None) -> str:
    """How a fee reads in a guide: ``900元``, ``网上申请270元、纸件申请300元``, ``不收费（…停征）``."""
    if fee.abolished is not None and fee.is_abolished():
        d = fee.abolished
        return f"不收费（自{d.year}年{d.month}月{d.day}日起停征）"
    if variant == "online":
        text = money(fee.online if fee.online is not None else fee.amount)
    elif variant == "paper" or fee.online is None:
        text = money(fee.amount)
    else:
        text = f"网上申请{money(fee.online)}、纸件申请{money(fee.amount)}"
    return text if fee.verified else f"{text}（{UNSURE}）"


def render(text: str, table: FeeTable | None = None) -> str:
    """Replace every ``{fee:…}`` / ``{figure:…}`` in ``text``; an unknown id stays visible as
    ``【未知费用 ID】`` (the schema refuses such texts, so this only shows in old data)."""
    if "{" not in text:
        return text
    t = table or fee_table()

    def one(m: re.Match[str]) -> str:
        kind, key, variant = m.group(1), m.group(2), m.group(3)
        try:
            return fee_text(t.fee(key), variant) if kind == "fee" else figure_text(t.figure(key))
        except KeyError:
            return f"【未知费用 {key}】"

    return PLACEHOLDER_RE.sub(one, text)


def unknown_references(text: str, table: FeeTable | None = None) -> list[str]:
    """The ids cited in ``text`` that the fee table does not have."""
    t = table or fee_table()
    fee_ids = {f.id for f in t.fees}
    figure_ids = {f.id for f in t.figures}
    return [m.group(2) for m in PLACEHOLDER_RE.finditer(text)
            if m.group(2) not in (fee_ids if m.group(1) == "fee" else figure_ids)]


def cited(text: str) -> list[tuple[str, str]]:
    """``[(kind, id), …]`` cited in ``text``."""
    return [(m.group(1), m.group(2)) for m in PLACEHOLDER_RE.finditer(text)]


def load_table(path: Path) -> FeeTable:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return FeeTable.model_validate(data)
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise UserError(f"收费标准表 {path} 无法读取：{exc}",
                        f"The fee table {path} cannot be read: {exc}") from exc


@lru_cache(maxsize=1)
def fee_table() -> FeeTable:
    """The bundled fee table (read once)."""
    return load_table(resource("fees.yaml"))
