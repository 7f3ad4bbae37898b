"""Recognising a sheet's columns, and the user's saved column mappings."""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.common.files import save_atomically
from desktop.errors import UserError
from desktop.library.fields import FIELDS, header_key, match_header

log = logging.getLogger(__name__)
IGNORE = ""
MAPPINGS_FILE = "library_column_mappings.json"


@dataclass
class ColumnPlan:
    """How the columns of one table map to record fields (``None`` = keep as an extra field)."""

    headers: list[str]
    fields: list[str | None]
    header_row: int = 1
    sample: list[list[Any]] = field(default_factory=list)

    @property
    def recognised(self) -> bool:
        return "title" in self.fields

    def mapping(self) -> dict[str, str]:
        return {h: f for h, f in zip(self.headers, self.fields, strict=False) if f}


class UnrecognisedColumns(UserError):
    """No title column could be found: the GUI asks the user to map the columns."""

    def __init__(self, file: str, plan: ColumnPlan) -> None:
        self.plan = plan
        heads = "、".join(h for h in plan.headers if h)[:200]
        super().__init__(
            f"无法识别表格的列（找不到名称/标题列）。表头为：{heads}。"
            "请在图形界面中指定列对应关系，或用 --map 列名=title 指定。",
            f"cannot recognise the columns (no title column). Headers: {heads}. Map the columns "
            "in the app, or pass --map HEADER=title.",
            file=file,
        )


def signature(headers: list[str]) -> str:
    keys = sorted(header_key(h) for h in headers if h)
    return hashlib.sha1("\x1f".join(keys).encode("utf-8")).hexdigest()[:16]


def plan_columns(headers: list[Any], mapping: dict[str, str] | None = None,
                 header_row: int = 1) -> ColumnPlan:
    """Map headers by the user's ``mapping`` (header -> field, '' to ignore) or by synonym."""
    names = ["" if h is None else str(h).strip() for h in headers]
    by_key = {header_key(k): v for k, v in (mapping or {}).items()}
    fields: list[str | None] = []
    taken: set[str] = set()
    for name in names:
        key = header_key(name)
        f = by_key[key] if key in by_key else match_header(name)
        if f and f not in FIELDS and f != IGNORE:
            raise UserError(f"未知的字段名“{f}”", f"unknown field name '{f}'", field=name)
        if f in taken:  # a second column for the same field is kept as an extra
            f = None
        if f:
            taken.add(f)
        fields.append(f)
    return ColumnPlan(names, fields, header_row)


def find_header_row(rows: list[list[Any]], mapping: dict[str, str] | None = None
                    ) -> ColumnPlan:
    """The header among the first rows: the one naming the most known fields."""
    best: ColumnPlan | None = None
    best_score = -1
    for i, row in enumerate(rows):
        plan = plan_columns(row, mapping, header_row=i + 1)
        score = sum(1 for f in plan.fields if f) + (5 if plan.recognised else 0)
        if score > best_score:
            best, best_score = plan, score
    if best is None:
        return ColumnPlan([], [], 1)
    if best_score <= 0:  # nothing recognised: take the first non-empty row as the header
        for i, row in enumerate(rows):
            if any(v not in (None, "") for v in row):
                best = plan_columns(row, mapping, header_row=i + 1)
                break
    best.sample = rows[best.header_row:best.header_row + 5]
    return best


# -- saved mappings ------------------------------------------------------------------

def _mappings_path(user_dir: Path) -> Path:
    return Path(user_dir) / MAPPINGS_FILE


def load_saved_mappings(user_dir: Path | None) -> dict[str, dict[str, str]]:
    if user_dir is None:
        return {}
    path = _mappings_path(user_dir)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("ignoring unreadable column mappings %s: %s", path, exc)
        return {}
    return data if isinstance(data, dict) else {}


def saved_mapping_for(user_dir: Path | None, headers: list[str]) -> dict[str, str] | None:
    return load_saved_mappings(user_dir).get(signature(headers))


def save_mapping(user_dir: Path, headers: list[str], mapping: dict[str, str]) -> None:
    """Remember ``mapping`` for sheets with these headers (any order)."""
    data = load_saved_mappings(user_dir)
    data[signature(headers)] = {h: f for h, f in mapping.items()}
    path = _mappings_path(user_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, indent=1)
    save_atomically(path, lambda tmp: Path(tmp).write_text(text, "utf-8"))
