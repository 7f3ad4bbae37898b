"""Keeping the catalogue current from Excel (动态管理): export, import with a diff.

- :func:`export_xlsx` writes every item (retired ones too) one row each.
- :func:`plan_import` reads a sheet, validates every row and compares it with the database:
  added, changed (field-level before/after), retired, restored.  Any bad row, unknown or
  missing column, or duplicate code rejects the whole sheet with every problem listed, and
  the catalogue stays unchanged.
- :func:`apply_import` applies a plan in one transaction, keeping each replaced version in
  history.  Items missing from the sheet are retired, never deleted.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter
from pydantic import ValidationError

from db.session import Database
from desktop.catalogue.import_plan import (
    FieldChange,
    ImportPlan,
    ImportRejected,
    ItemChange,
    ItemRef,
)
from desktop.catalogue.loader import item_to_data, validation_problems
from desktop.catalogue.references import References
from desktop.catalogue.schema import FIELD_LABELS, ServiceItem
from desktop.catalogue.sheet_format import (
    FORMAT_HELP,
    CellError,
    cell_to_field,
    field_to_cell,
    header_aliases,
)
from desktop.catalogue.store import AuditHook, ensure_loaded, stored_items, write_item
from desktop.common.headers import fold_header
from desktop.common.xlsx import autofit, cell_too_long, open_workbook, save_workbook, write_rows
from desktop.errors import RowProblem, UserError
from desktop.jobs import (
    CancelledFn,
    ProgressFn,
    check_cancelled,
    never_cancelled,
    no_progress,
)

log = logging.getLogger(__name__)
SHEET = "服务事项"
FIELDS = tuple(FIELD_LABELS)
#: a sheet from before the checking date existed (or with it left blank) keeps the stored date
OPTIONAL_COLUMNS = ("active", "checked")
REQUIRED_COLUMNS = tuple(f for f in FIELDS if f not in OPTIONAL_COLUMNS)
MAX_ROWS = 5000
MAX_BYTES = 20 * 1024 * 1024


# -- export ------------------------------------------------------------------------------

def export_xlsx(db: Database, path: str | Path, progress: ProgressFn = no_progress,
                cancelled: CancelledFn = never_cancelled) -> int:
    """Write every item (retired too) to ``path``; returns the number of rows."""
    import openpyxl
    from openpyxl.styles import Alignment

    ensure_loaded(db)
    items = [s.item for s in stored_items(db, include_retired=True)]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = SHEET
    rows = []
    for i, it in enumerate(items):
        check_cancelled(cancelled)
        data = item_to_data(it)
        rows.append([field_to_cell(f, data) for f in FIELDS])
        progress(i + 1, len(items), it.code)
    write_rows(ws, [FIELD_LABELS[f] for f in FIELDS], rows)
    autofit(ws, max_width=50)
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    help_ws = wb.create_sheet("填写说明")
    write_rows(help_ws, ["列", "字段", "格式"],
               [[FIELD_LABELS[f], f, FORMAT_HELP.get(f, "文字")] for f in FIELDS])
    autofit(help_ws)
    save_workbook(wb, path)
    return len(rows)


# -- import ------------------------------------------------------------------------------

def _headers(ws: Any, file: str) -> dict[int, str]:
    first = next(ws.iter_rows(min_row=1, max_row=1, values_only=True), None)
    if not first or all(v is None for v in first):
        raise UserError("第一行应为列标题，但它是空的", "the first row should hold the column "
                        "headers but it is empty", file=file, row=1)
    aliases = header_aliases()
    columns: dict[int, str] = {}
    for idx, raw in enumerate(first):
        if raw is None or not str(raw).strip():
            continue
        key = aliases.get(fold_header(raw))
        letter = get_column_letter(idx + 1)
        if key is None:
            raise UserError(f"不认识的列“{raw}”（{letter}列）；可用的列见导出文件的“填写说明”表",
                            f"unknown column '{raw}' (column {letter}); see the 填写说明 sheet "
                            "of an exported file", file=file, row=1, field=str(raw))
        if key in columns.values():
            raise UserError(f"列“{raw}”重复（{letter}列）", f"duplicate column '{raw}' "
                            f"(column {letter})", file=file, row=1, field=str(raw))
        columns[idx] = key
    missing = [FIELD_LABELS[f] for f in REQUIRED_COLUMNS if f not in columns.values()]
    if missing:
        raise UserError("缺少列：" + "、".join(missing), "missing columns: " + ", ".join(missing),
                        file=file, row=1, field=missing[0])
    return columns


def _unmerge(ws: Any) -> None:
    """A merged cell (e.g. one 类别 spanning several rows) applies to every row it covers."""
    for rng in list(ws.merged_cells.ranges):
        value = ws.cell(rng.min_row, rng.min_col).value
        ws.unmerge_cells(str(rng))
        for row in range(rng.min_row, rng.max_row + 1):
            for col in range(rng.min_col, rng.max_col + 1):
                ws.cell(row, col).value = value


def read_sheet(path: str | Path, progress: ProgressFn = no_progress,
               cancelled: CancelledFn = never_cancelled) -> list[ServiceItem]:
    """Read and validate every row; raise :class:`ImportRejected` listing all problems."""
    p = Path(path)
    file = str(p)
    if p.exists() and p.stat().st_size > MAX_BYTES:
        raise UserError(f"文件太大（超过{MAX_BYTES // 1024 // 1024}MB），不像是服务事项清单",
                        "the file is too large to be a service catalogue", file=file)
    wb = open_workbook(p, read_only=False)  # small sheets; merged ranges need full mode
    try:
        ws = wb[SHEET] if SHEET in wb.sheetnames else wb.worksheets[0]
        _unmerge(ws)
        columns = _headers(ws, file)
        items: list[ServiceItem] = []
        problems: list[RowProblem] = []
        seen: dict[str, int] = {}
        total = max((ws.max_row or 1) - 1, 0)
        for rnum, values in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
            check_cancelled(cancelled)
            if rnum - 1 > MAX_ROWS:
                raise UserError(f"行数超过{MAX_ROWS}，不像是服务事项清单",
                                f"more than {MAX_ROWS} rows; not a service catalogue", file=file)
            if values is None or all(v is None or str(v).strip() == "" for v in values):
                continue
            item = _read_row(columns, values, rnum, problems)
            progress(rnum - 1, total, "")
            if item is None:
                continue
            if item.code in seen:
                problems.append(RowProblem(rnum, FIELD_LABELS["code"],
                                           f"事项编码 {item.code} 与第{seen[item.code]}行重复",
                                           f"code {item.code} repeats row {seen[item.code]}"))
                continue
            seen[item.code] = rnum
            items.append(item)
    finally:
        wb.close()
    if problems:
        raise ImportRejected(file, problems)
    if not items:
        raise UserError("表格中没有任何事项", "the sheet holds no items", file=file)
    return items


def _read_row(columns: dict[int, str], values: tuple[Any, ...], rnum: int,
              problems: list[RowProblem]) -> ServiceItem | None:
    data: dict[str, Any] = {}
    ok = True
    for idx, key in columns.items():
        value = values[idx] if idx < len(values) else None
        too_long = cell_too_long(value)
        if too_long is not None:
            problems.append(RowProblem(rnum, FIELD_LABELS[key], *too_long))
            ok = False
            continue
        try:
            parsed = cell_to_field(key, value)
        except CellError as exc:
            problems.append(RowProblem(rnum, FIELD_LABELS[key], exc.zh, exc.en))
            ok = False
            continue
        if parsed is not None:
            data[key] = parsed
    if not ok:
        return None
    try:
        return ServiceItem.model_validate(data)
    except ValidationError as exc:
        code = data.get("code") or "?"
        for fp in validation_problems(exc):
            problems.append(RowProblem(rnum, fp.field, f"事项 {code}：{fp.zh}",
                                       f"item {code}: {fp.en}"))
        return None


def _field_changes(before: dict[str, Any], after: dict[str, Any]) -> tuple[FieldChange, ...]:
    return tuple(FieldChange(f, FIELD_LABELS[f], field_to_cell(f, before), field_to_cell(f, after))
                 for f in FIELDS if before.get(f) != after.get(f))


def diff_items(db: Database, items: list[ServiceItem], file: str = "", *,
               references: References) -> ImportPlan:
    current = {s.item.code: s.item for s in stored_items(db, include_retired=True)}
    items = [it.model_copy(update={"checked": current[it.code].checked})
             if it.checked is None and it.code in current else it for it in items]
    plan = ImportPlan(file=file, items=items)
    incoming = {i.code for i in items}
    for it in items:
        old = current.get(it.code)
        if old is None:
            plan.added.append(ItemRef(it.code, it.name))
            continue
        before, after = item_to_data(old), item_to_data(it)
        if before == after:
            plan.unchanged += 1
            continue
        plan.changed.append(ItemChange(it.code, it.name, _field_changes(before, after)))
        if old.active and not it.active:
            plan.retired.append(ItemRef(it.code, it.name, references(it)))
        elif not old.active and it.active:
            plan.restored.append(ItemRef(it.code, it.name))
    for code, old in sorted(current.items()):
        if code in incoming:
            continue
        plan.missing.append(code)
        if old.active:
            plan.retired.append(ItemRef(code, old.name, references(old)))
    return plan


def plan_import(db: Database, path: str | Path, progress: ProgressFn = no_progress,
                cancelled: CancelledFn = never_cancelled, *,
                references: References) -> ImportPlan:
    """Read, validate and diff a sheet against the database (a dry run)."""
    ensure_loaded(db)
    items = read_sheet(path, progress, cancelled)
    return diff_items(db, items, str(path), references=references)


def apply_import(db: Database, plan: ImportPlan, *, note: str = "",
                 references: References, actor: str = "",
                 audit: AuditHook | None = None) -> ImportPlan:
    """Apply ``plan`` in one transaction (re-diffed against the database at this moment)."""
    fresh = diff_items(db, plan.items, plan.file, references=references)
    note = note or (f"导入 {Path(plan.file).name}" if plan.file else "导入")
    current = {s.item.code: s.item for s in stored_items(db, include_retired=True)}
    with db.session() as s:
        for it in fresh.items:
            write_item(s, it, "import", note=note, actor=actor)
        for code in fresh.missing:
            old = current[code]
            if old.active:
                write_item(s, old.model_copy(update={"active": False}), "import",
                           note=f"{note}：清单中已无此事项，停用", actor=actor)
        if audit is not None and fresh.has_changes:
            audit(s, fresh.summary("en"))
    log.info("catalogue import from %s: %s", plan.file, fresh.summary("en"))
    return fresh
