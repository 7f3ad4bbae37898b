"""Import and export client profiles as XLSX.

Import: headers recognised by their Chinese or English names and common synonyms; each row is
validated; good rows are written in one transaction (all or nothing), bad rows are reported
with row number, field and reason.  A row whose credit code fails only its check character is
kept and listed as a warning to confirm.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from db.models import Client
from db.session import Database
from desktop.clients.model import CLIENT_FIELDS, CLIENT_KINDS, EDITABLE_KEYS, ClientData
from desktop.clients.service import apply_fields, list_clients, stamp
from desktop.clients.validation import normalise_client
from desktop.common.headers import fold_header
from desktop.common.xlsx import (
    autofit,
    cell_too_long,
    fill_merged,
    merged_ranges,
    open_workbook,
    save_workbook,
    sheet_rows,
    write_rows,
)
from desktop.errors import FieldProblem, RowProblem, UserError
from desktop.jobs import CancelledFn, ProgressFn, check_cancelled, never_cancelled, no_progress
from desktop.validators.api import check_idcard

HEADER_SCAN_ROWS = 10


_norm = fold_header


def _header_map() -> dict[str, str]:
    mapping: dict[str, str] = {}
    for f in CLIENT_FIELDS:
        for name in (f.key, f.zh, f.en, *f.synonyms):
            mapping[_norm(name)] = f.key
    return mapping


_KIND_NAMES = {_norm(v): k for k, pair in CLIENT_KINDS.items() for v in (k, *pair)}
_KIND_NAMES.update({_norm(x): "enterprise" for x in ("公司", "企业法人", "民营企业")})
_KIND_NAMES.update({_norm(x): "university" for x in ("高校", "大学", "科研院所", "研究所")})
_KIND_NAMES.update({_norm(x): "institution" for x in ("事业单位", "机关", "社会团体")})
_KIND_NAMES.update({_norm(x): "individual" for x in ("自然人",)})


@dataclass
class ImportReport:
    file: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[RowProblem] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)

    def as_dict(self, lang: str = "zh") -> dict[str, object]:
        return {
            "file": self.file, "added": self.added, "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": [{"row": p.row, "field": p.field, "reason": p.text(lang)}
                         for p in self.rejected],
            "warnings": [{"row": p.row, "field": p.field, "reason": p.text(lang)}
                         for p in self.warnings],
            "ignored_columns": self.ignored_columns,
        }


def _find_header(rows: list[tuple[object, ...]]) -> tuple[int, dict[int, str], list[str]]:
    mapping = _header_map()
    for idx, row in enumerate(rows):
        cols = {i: mapping[_norm(v)] for i, v in enumerate(row) if _norm(v) in mapping}
        if "name" in cols.values():
            ignored = [str(v) for i, v in enumerate(row) if v not in (None, "") and i not in cols]
            return idx, cols, ignored
    raise UserError("找不到表头：需要至少一列“名称”（或“客户名称”“单位名称”“姓名”）",
                    "no header row found: a 'name' column (名称) is required")


def _cell_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.isoformat()
    text = str(value).strip()
    return text or None


def import_clients(db: Database, path: str | Path, progress: ProgressFn = no_progress,
                   cancelled: CancelledFn = never_cancelled, actor: str = "") -> ImportReport:
    """Import clients from an XLSX file; see the module docstring."""
    name = str(path)
    wb = open_workbook(path)
    try:
        ws = wb.worksheets[0]
        # merged cells count for every row they cover; a sheet that breaks off is reported
        rows_iter = fill_merged(sheet_rows(ws, path), merged_ranges(ws, path))
        head: list[tuple[object, ...]] = []
        for _ in range(HEADER_SCAN_ROWS):
            try:
                head.append(next(rows_iter))
            except StopIteration:
                break
        try:
            header_idx, cols, ignored = _find_header(head)
        except UserError as exc:
            exc.file = name
            raise
        report = ImportReport(file=name, ignored_columns=ignored)
        total = max((ws.max_row or 0) - header_idx - 1, 0)
        body = [(header_idx + 2 + i, r) for i, r in enumerate(head[header_idx + 1:])]
        records: list[tuple[int, ClientData, list[FieldProblem]]] = []
        seen: dict[str, int] = {}

        def take(rownum: int, row: tuple[object, ...]) -> None:
            for i, key in cols.items():
                too_long = cell_too_long(row[i]) if i < len(row) else None
                if too_long is not None:
                    report.rejected.append(RowProblem(rownum, key, *too_long))
                    return
            values = {key: _cell_text(row[i]) if i < len(row) else None
                      for i, key in cols.items()}
            if not any(values.values()):
                return
            kind_text = values.get("kind")
            kind = _KIND_NAMES.get(_norm(kind_text), "") if kind_text else ""
            if not kind:
                if kind_text:
                    report.rejected.append(RowProblem(
                        rownum, "kind", f"无法识别的类型“{kind_text}”",
                        f"unknown type '{kind_text}'"))
                    return
                number = values.get("id_number")
                kind = "individual" if number and check_idcard(number).ok else "enterprise"
            raw_id = values.get("id")
            # str | None for the optional text fields only (typed Any: mypy cannot match
            # dict keys to parameters)
            text: dict[str, Any] = {k: values.get(k) for k in EDITABLE_KEYS
                                    if k not in ("name", "kind")}
            data = ClientData(name=values.get("name") or "", kind=kind, **text)
            if raw_id and str(raw_id).isdigit():
                data.id = int(raw_id)
            clean, problems = normalise_client(data)
            hard = [p for p in problems if not p.warn_only]
            if hard:
                report.rejected.extend(RowProblem(rownum, p.field, p.zh, p.en) for p in hard)
                return
            if clean.id_number:
                if clean.id_number in seen:
                    report.rejected.append(RowProblem(
                        rownum, "id_number", f"与第{seen[clean.id_number]}行的证件号重复",
                        f"same number as row {seen[clean.id_number]}"))
                    return
                seen[clean.id_number] = rownum
            records.append((rownum, clean, problems))

        for rownum, row in body:
            take(rownum, row)
        for rownum, row in enumerate(rows_iter, start=len(head) + 1):
            if rownum % 200 == 0:
                check_cancelled(cancelled)
                progress(rownum - header_idx - 1, total, name)
            take(rownum, row)
    finally:
        wb.close()
    _write(db, records, report, actor)
    progress(total, total, name)
    return report


def _write(db: Database, records: list[tuple[int, ClientData, list[FieldProblem]]],
           report: ImportReport, actor: str = "") -> None:
    """All good rows in one transaction: matched by ID, then credit code/ID number, then name.

    A failing check character already confirmed on the stored client stays confirmed;
    otherwise the row is kept and listed as a warning to check.
    """
    with db.session() as s:
        by_number = {c.id_number: c for c in s.execute(
            select(Client).where(Client.id_number.is_not(None))).scalars()}
        by_name = {c.name: c for c in s.execute(
            select(Client).where(Client.id_number.is_(None))).scalars()}
        for rownum, data, warnings in records:
            row = None
            if data.id is not None:
                row = s.get(Client, data.id)
            if row is None and data.id_number:
                row = by_number.get(data.id_number)
            if row is None and not data.id_number:
                row = by_name.get(data.name)
            if row is not None and row.id_check_confirmed and row.id_number == data.id_number:
                data.id_check_confirmed = True
            elif warnings:
                report.warnings.extend(
                    RowProblem(rownum, p.field, p.zh + "（已保留，请核对）",
                               p.en + " (kept; please check)") for p in warnings)
            if row is None:
                row = Client()
                s.add(row)
                apply_fields(row, data)
                stamp(row, actor)
                report.added += 1
                if data.id_number:
                    by_number[data.id_number] = row
                else:
                    by_name[data.name] = row
                continue
            before = {k: getattr(row, k) for k in EDITABLE_KEYS}
            apply_fields(row, data)
            if before == {k: getattr(row, k) for k in EDITABLE_KEYS}:
                report.unchanged += 1
            else:
                stamp(row, actor)
                report.updated += 1


def export_clients(db: Database, path: str | Path, query: str = "", lang: str = "zh") -> int:
    """Write the clients matching ``query`` to an XLSX; returns the number of rows."""
    import openpyxl

    from desktop.clients.model import kind_label

    clients = list_clients(db, query)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "客户" if lang == "zh" else "Clients"
    header = [f.zh if lang == "zh" else f.en for f in CLIENT_FIELDS]
    rows = []
    for c in clients:
        values = c.as_dict()
        values["kind"] = kind_label(c.kind, lang)
        for key, when in (("created_at", c.created_at), ("updated_at", c.updated_at)):
            if when is not None:
                values[key] = when.replace(microsecond=0)
        rows.append([values[f.key] for f in CLIENT_FIELDS])
    write_rows(ws, header, rows)
    autofit(ws)
    save_workbook(wb, path)
    return len(clients)
