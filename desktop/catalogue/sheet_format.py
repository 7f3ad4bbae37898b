"""How an item's fields are written to and read from one spreadsheet row.

Nested elements become one line per entry, parts separated by a full-width bar ``｜``,
e.g. a material ``营业执照｜复印件｜1｜必交｜加盖公章``.  The format is the exact inverse of
itself, so export → edit → import round-trips without loss.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from desktop.catalogue.schema import FIELD_LABELS, FIELD_LABELS_EN
from desktop.common.citations import Citation, citations_text, parse_citations
from desktop.common.headers import fold_header
from desktop.common.xlsx import unguard_cell

SEP = "｜"
_DATE_RE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")
YES, NO = "是", "否"
REQUIRED, OPTIONAL = "必交", "可选"

#: field → (parts of one line, in order) for list-of-record fields
RECORD_PARTS: dict[str, tuple[str, ...]] = {
    "legal_basis": ("title", "version", "version_date", "articles"),
    "channels": ("kind", "detail"),
    "materials": ("name", "form", "copies", "required", "notes"),
    "steps": ("title", "detail"),
    "forms": ("name", "form_id"),
    "faq": ("q", "a"),
}
OBJECT_PARTS: dict[str, tuple[str, ...]] = {
    "provider": ("body", "level"),
    "source": ("title", "date"),
}
LINE_LISTS = ("conditions", "facilitation")
JOINED_LISTS = ("audience", "keywords")
BOOLS = ("paid", "active")

FORMAT_HELP: dict[str, str] = {
    "legal_basis": "每行一条：名称｜版本（如 2023年修订 或文号）｜版本日期｜条款，如 第十五条第二款（关键词）",
    "channels": "每行一条：方式（网上/窗口/邮寄/电话/邮件）｜说明",
    "materials": "每行一份：名称｜原件/复印件/原件和复印件/电子件/原件或电子件｜份数｜必交/可选｜备注",
    "steps": "每行一步：步骤｜说明",
    "forms": "每行一个：表格名称｜表单编号（可空）",
    "faq": "每行一问：问题｜回答",
    "provider": "实施机构｜层级（国家/省/市/县/网点）",
    "source": "来源｜日期",
    "conditions": "每行一条",
    "facilitation": "每行一条",
    "audience": "用“、”分隔：企业、个人、高校院所、社会团体、代理机构",
    "keywords": "用“、”分隔",
    "paid": "是/否",
    "active": "是/否（否=停用）",
    "effective_date": "日期，如 2024-08-01",
}


class CellError(ValueError):
    """A cell that cannot be read; carries Chinese and English reasons."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(zh)
        self.zh = zh
        self.en = en


def _text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return YES if v else NO
    if isinstance(v, int):
        return str(v)
    return str(v)


def _part_out(key: str, value: Any) -> str:
    if key == "required":
        return REQUIRED if value else OPTIONAL
    if key == "articles" and isinstance(value, list | tuple):
        return citations_text([Citation.model_validate(c) for c in value])
    return _text(value)


def _part_in(key: str, text: str) -> Any:
    if key == "required":
        if text in (REQUIRED, "是", "必需", "必须"):
            return True
        if text in (OPTIONAL, "否", "如有", "视情况"):
            return False
        raise CellError(f"“{text}”应为“必交”或“可选”", f"'{text}' should be 必交 or 可选")
    if key == "copies":
        try:
            return int(text) if text else 1
        except ValueError as exc:
            raise CellError(f"份数“{text}”应为整数", f"copies '{text}' should be a number") from exc
    if key == "form_id":
        return text or None
    if key == "articles":
        return [c.model_dump() for c in parse_citations(text)]
    return text


def field_to_cell(field: str, data: dict[str, Any]) -> str:
    """One field of an item's JSON data as cell text."""
    v = data.get(field)
    if field in RECORD_PARTS:
        parts = RECORD_PARTS[field]
        return "\n".join(SEP.join(_part_out(p, rec.get(p)) for p in parts).rstrip(SEP)
                         for rec in v or [])
    if field in OBJECT_PARTS:
        return SEP.join(_part_out(p, (v or {}).get(p)) for p in OBJECT_PARTS[field])
    if field in LINE_LISTS:
        return "\n".join(v or [])
    if field in JOINED_LISTS:
        return "、".join(v or [])
    return _text(v)


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            if ln.strip()]


def _split(line: str, parts: tuple[str, ...]) -> dict[str, Any]:
    bits = [b.strip() for b in line.replace("|", SEP).split(SEP)]
    if len(bits) > len(parts):
        raise CellError(f"“{line[:30]}”分隔符“｜”太多（最多{len(parts)}段）",
                        f"'{line[:30]}' has too many '｜' parts (at most {len(parts)})")
    if parts == RECORD_PARTS["legal_basis"] and len(bits) == 3 and _DATE_RE.match(bits[1]):
        bits.insert(1, "")  # the earlier three-part form: 名称｜版本日期｜条款
    bits += [""] * (len(parts) - len(bits))
    out: dict[str, Any] = {}
    for key, bit in zip(parts, bits, strict=False):
        if key in ("notes", "detail", "version") and not bit:
            out[key] = ""
            continue
        out[key] = _part_in(key, bit)
    return out


def cell_to_field(field: str, value: Any) -> Any:
    """Cell value back to the field's JSON data (validation happens afterwards)."""
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if value is None:
        text = ""
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    else:
        text = unguard_cell(str(value).strip())
    if field in RECORD_PARTS:
        return [_split(line, RECORD_PARTS[field]) for line in _lines(text)]
    if field in OBJECT_PARTS:
        return _split(text, OBJECT_PARTS[field]) if text else None
    if field in LINE_LISTS:
        return _lines(text)
    if field in JOINED_LISTS:
        return [p.strip() for p in text.replace("\n", "、").replace(",", "、")
                .replace("，", "、").split("、") if p.strip()]
    if field in BOOLS:
        if isinstance(value, bool):
            return value
        if text in (YES, "true", "True", "TRUE", "1", "有效", "收费"):
            return True
        if text in (NO, "false", "False", "FALSE", "0", "停用", "免费"):
            return False
        if not text:
            return None
        raise CellError(f"“{text}”应为“是”或“否”", f"'{text}' should be 是 or 否")
    return text or None


def header_aliases() -> dict[str, str]:
    """Accepted column headers (Chinese label, English label, field key) → field key."""
    out: dict[str, str] = {}
    for key, zh in FIELD_LABELS.items():
        for alias in (zh, FIELD_LABELS_EN[key], key):
            out[fold_header(alias)] = key
    return out

