"""The visit log as XLSX: export (the columns of ``VISIT_FIELDS``; personal columns only
when asked, and such an export is recorded) and import of this app's export or of an older
paper/Excel log.

Import: every sheet with a recognisable header row (a date column is required) is read;
merged cells count for every row they cover; each row is read by ``sheet_cells`` and checked
by the same rules as ``save_visit``.  Bad rows are reported by sheet, row and field; the good
rows — and the quick profiles created for clients named only there — are written in ONE
transaction, so a failure or a cancel leaves nothing behind.  A row whose 编号 names a
visit of this log with the same date and time updates that visit; a row equal to a visit
already in the log (same time, client and question) is skipped as a duplicate, so importing
a file twice does not count its visits twice.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db.models import PersonalDataExport, Visit
from desktop import audit
from desktop.clients import api as clients
from desktop.common.headers import fold_header
from desktop.common.xlsx import autofit, open_workbook, save_workbook, write_rows
from desktop.context import AppContext
from desktop.errors import RowProblem, UserError, location
from desktop.jobs import CancelledFn, ProgressFn, check_cancelled, never_cancelled, no_progress
from desktop.visits import service
from desktop.visits.intake import check_client_name, resolve_client
from desktop.visits.model import PERSONAL_FIELDS, VISIT_FIELDS, VisitData, VisitFilter, field_label
from desktop.visits.sheet_cells import NOT_IMPORTED, RowReader, header_map
from desktop.visits.validation import normalise_visit
from desktop.visits.vocab import label

HEADER_SCAN_ROWS = 10
EXPORT_KIND = "visits_export"
_COMPARED = ("started_at", "officer", "client_id", "channel", "topics", "items", "outcome",
             "referred_to", "follow_up", "follow_up_done", "effort", "satisfaction",
             "duration_min", "question", "answer", "notes", "tags", "searches",
             "model_answer", "answer_item")


@dataclass(frozen=True)
class VisitRowProblem(RowProblem):
    """A rejected row: ``field`` is the field's label, ``key`` its key, ``sheet`` the sheet."""

    key: str = ""
    sheet: str = ""

    def text(self, lang: str = "zh") -> str:
        reason = self.reason_zh if lang == "zh" else self.reason_en
        where = location(self.sheet or None, self.row, field_label(self.key, lang)
                         if self.key else self.field, lang)
        return f"{where}: {reason}"


@dataclass
class ImportReport:
    file: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0
    clients_created: int = 0
    rejected: list[VisitRowProblem] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)

    @property
    def rejected_rows(self) -> list[int]:
        return sorted({p.row for p in self.rejected})

    def as_dict(self, lang: str = "zh") -> dict[str, object]:
        return {
            "file": self.file, "added": self.added, "updated": self.updated,
            "unchanged": self.unchanged, "duplicates": self.duplicates,
            "clients_created": self.clients_created, "sheets": self.sheets,
            "rejected": [{"sheet": p.sheet, "row": p.row, "field": p.key,
                          "label": field_label(p.key, lang), "reason": p.text(lang)}
                         for p in self.rejected],
            "ignored_columns": self.ignored_columns,
        }


# -- export ------------------------------------------------------------------------------

def _joined(values: list[str]) -> str:
    return "、".join(values)


def _cells(v: VisitData, lang: str, personal: dict[str, Any] | None) -> list[Any]:
    yes, no = ("是", "否") if lang == "zh" else ("yes", "no")
    values: dict[str, Any] = {
        "id": v.id, "started_at": v.started_at, "officer": v.officer,
        "client_name": v.client_name,
        "client_kind": clients.kind_label(v.client_kind, lang) if v.client_kind else None,
        "region": v.region, "channel": label("channel", v.channel, lang),
        "topics": _joined([label("topic", t, lang) for t in v.topics]),
        "items": _joined(v.items),
        "outcome": label("outcome", v.outcome, lang) if v.outcome else None,
        "referred_to": v.referred_to, "follow_up": v.follow_up,
        "follow_up_done": (yes if v.follow_up_done else no) if v.follow_up else None,
        "effort": v.effort,
        "satisfaction": label("satisfaction", v.satisfaction, lang) if v.satisfaction else None,
        "duration_min": v.duration_min, "question": v.question, "answer": v.answer,
        "notes": v.notes, "tags": _joined(v.tags), "searches": "\n".join(v.searches),
        "document_ids": _joined([str(d) for d in v.document_ids]),
        "model_answer": yes if v.model_answer else None, "answer_item": v.answer_item,
    }
    row = [values[f.key] if values[f.key] != "" else None for f in VISIT_FIELDS]
    if personal is not None:
        row += [personal.get(f.key) for f in PERSONAL_FIELDS]
    return row


def _personal(ctx: AppContext, found: list[VisitData]) -> dict[int, dict[str, Any]]:
    linked = clients.get_clients(ctx, {v.client_id for v in found if v.client_id})
    return {cid: {"client_id_number": c.id_number, "client_phone": c.phone,
                  "client_email": c.email} for cid, c in linked.items()}


def export_visits(ctx: AppContext, path: str | Path, f: VisitFilter | None = None, *,
                  include_personal: bool = False, lang: str = "zh", officer: str = "",
                  progress: ProgressFn = no_progress,
                  cancelled: CancelledFn = never_cancelled) -> int:
    """Write the visits matching ``f`` (oldest first) to ``path``; returns the row count."""
    import openpyxl

    f = dataclasses.replace(f or VisitFilter(), limit=None)
    found = list(reversed(service.list_visits(ctx, f)))
    personal = _personal(ctx, found) if include_personal else {}
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "接待登记" if lang == "zh" else "Visits"
    header = [f.zh if lang == "zh" else f.en for f in VISIT_FIELDS]
    if include_personal:
        header += [f.zh if lang == "zh" else f.en for f in PERSONAL_FIELDS]
    rows = []
    for i, v in enumerate(found):
        if i % 500 == 0:
            check_cancelled(cancelled)
            progress(i, len(found), str(path))
        rows.append(_cells(v, lang, personal.get(v.client_id or 0, {}) if include_personal
                           else None))
    write_rows(ws, header, rows)
    formats = {"started_at": "yyyy-mm-dd hh:mm", "follow_up": "yyyy-mm-dd"}
    for col, f_ in enumerate(VISIT_FIELDS, start=1):
        if f_.key in formats:
            for (cell,) in ws.iter_rows(min_row=2, min_col=col, max_col=col):
                cell.number_format = formats[f_.key]
    ws.auto_filter.ref = ws.dimensions
    autofit(ws)
    ws.column_dimensions["B"].width = 18
    check_cancelled(cancelled)
    save_workbook(wb, path)
    if include_personal:
        detail = {k: str(v) for k, v in dataclasses.asdict(f).items() if v not in (None, "", False)}
        with ctx.db.session() as s:
            s.add(PersonalDataExport(kind=EXPORT_KIND, officer=officer, path=str(path),
                                     rows=len(found), detail=json.dumps(detail,
                                                                       ensure_ascii=False)))
            audit.record(s, ctx, "personal_export", Path(path).name,
                         {"kind": EXPORT_KIND, "rows": len(found), "path": str(path), **detail})
    progress(len(found), len(found), str(path))
    return len(found)


# -- import ------------------------------------------------------------------------------

def _sheet_rows(ws: Any) -> list[list[object]]:
    """The sheet's values with every merged range's value copied into all its cells."""
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    for rng in getattr(ws, "merged_cells", None) and ws.merged_cells.ranges or ():
        top = rows[rng.min_row - 1][rng.min_col - 1] if rng.min_row <= len(rows) else None
        for r in range(rng.min_row, min(rng.max_row, len(rows)) + 1):
            line = rows[r - 1]
            line.extend([None] * (rng.max_col - len(line)))
            for c in range(rng.min_col, rng.max_col + 1):
                line[c - 1] = top
    return rows


def _find_header(rows: list[list[object]]) -> tuple[int, dict[int, str], list[str]] | None:
    mapping = header_map()
    for idx, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        cols = {i: mapping[fold_header(v)] for i, v in enumerate(row)
                if v is not None and fold_header(v) in mapping}
        if "started_at" in cols.values() and len(set(cols.values())) >= 2:
            ignored = [str(v) for i, v in enumerate(row) if v not in (None, "") and i not in cols]
            return idx, cols, ignored
    return None


@dataclass
class _Record:
    sheet: str
    row: int
    data: VisitData
    new_client: str | None = None  # a quick profile to create
    kind: str | None = None
    region: str | None = None
    update_id: int | None = None


class _Importer:
    def __init__(self, ctx: AppContext, name: str, officer: str) -> None:
        self.ctx = ctx
        self.report = ImportReport(file=name)
        self.officer = officer
        self.codes = service.item_codes(ctx)
        self.now = _dt.datetime.now()
        self.by_name: dict[str, clients.ClientData] = {}
        for c in reversed(clients.list_clients(ctx)):  # the most recently updated wins
            self.by_name[c.name] = c
        self.records: list[_Record] = []

    def reject(self, sheet: str, row: int, key: str, zh: str, en: str) -> None:
        prefix_zh, prefix_en = f"{field_label(key)}：", f"{field_label(key, 'en')}: "
        self.report.rejected.append(VisitRowProblem(
            row, field_label(key), zh.removeprefix(prefix_zh), en.removeprefix(prefix_en),
            key=key, sheet=sheet))

    def take(self, sheet: str, rownum: int, row: list[object], cols: dict[int, str]) -> None:
        values: dict[str, list[object]] = {}
        for i, key in cols.items():
            values.setdefault(key, []).append(row[i] if i < len(row) else None)
        if not any(v not in (None, "") and str(v).strip() for vs in values.values()
                   for v in vs):
            return
        reader = RowReader()
        data = reader.read(values)
        if not data.officer:
            data.officer = self.officer
        rec = _Record(sheet, rownum, data, kind=reader.kind(values),
                      region=reader.text(values, "region") or None)
        raw_id = reader.text(values, "id")
        clean, problems = normalise_visit(data, self.codes, now=self.now)
        problems = reader.problems + [p for p in problems
                                      if p.field not in {q.field for q in reader.problems}]
        name = data.client_name
        if name:
            known = self.by_name.get(name)
            if known is not None:
                clean.client_id, clean.client_kind, clean.region = known.id, known.kind, \
                    known.region
            else:
                problems += check_client_name(name)
                rec.new_client = name
        clean.client_name = name
        if problems:
            for p in problems:
                self.reject(sheet, rownum, p.field, p.zh, p.en)
            return
        rec.data = clean
        if raw_id.isdigit():
            rec.update_id = int(raw_id)
        self.records.append(rec)

    def write(self, cancelled: CancelledFn) -> None:
        """Every good row in one transaction (quick profiles included)."""
        if not self.records:
            return
        days = [r.data.started_at.date() for r in self.records if r.data.started_at]
        existing = service.list_visits(self.ctx, VisitFilter(date_from=min(days),
                                                             date_to=max(days)))
        seen = {(v.started_at, v.client_name, v.question.strip()) for v in existing}
        by_id = {v.id: v for v in existing}
        refs: dict[int, str] = {}
        created: dict[str, clients.ClientData] = {}
        with self.ctx.db.session() as s:
            for i, rec in enumerate(self.records):
                if i % 200 == 0:
                    check_cancelled(cancelled)
                data = rec.data
                old = by_id.get(rec.update_id) if rec.update_id else None
                if old is not None and old.started_at != data.started_at:
                    old = None
                if old is None and (data.started_at, data.client_name,
                                    data.question.strip()) in seen:
                    self.report.duplicates += 1
                    continue
                if rec.new_client:
                    if rec.new_client in created:
                        c = created[rec.new_client]
                        data.client_id, data.client_kind, data.region = c.id, c.kind, c.region
                    else:
                        made, problems = resolve_client(self.ctx, s, data, rec.new_client,
                                                        rec.kind, rec.region)
                        if problems:  # checked while reading; kept for safety
                            raise UserError(problems[0].zh, problems[0].en, row=rec.row,
                                            field=field_label("client_name"))
                        self.report.clients_created += int(made)
                        created[rec.new_client] = clients.ClientData(
                            name=data.client_name, kind=data.client_kind or "enterprise",
                            region=data.region, id=data.client_id)
                if old is not None:
                    data.document_ids = old.document_ids
                    if all(getattr(old, k) == getattr(data, k) for k in _COMPARED):
                        self.report.unchanged += 1
                        continue
                    row = s.get(Visit, old.id)
                    assert row is not None
                    self.report.updated += 1
                else:
                    row = Visit()
                    self.report.added += 1
                seen.add((data.started_at, data.client_name, data.question.strip()))
                service.apply_fields(s, row, data, refs, actor=self.ctx.actor)
                s.add(row)
            s.flush()


def import_visits(ctx: AppContext, path: str | Path, *, officer: str = "",
                  progress: ProgressFn = no_progress,
                  cancelled: CancelledFn = never_cancelled) -> ImportReport:
    """Import a visit log; see the module docstring.  Raises ``UserError`` naming the file
    when it is not an XLSX, is empty or has no header with a date column."""
    name = str(path)
    wb = open_workbook(path, read_only=False)
    try:
        sheets = [(ws.title, _sheet_rows(ws)) for ws in wb.worksheets]
    finally:
        wb.close()
    if not any(any(v not in (None, "") for v in row) for _, rows in sheets for row in rows):
        raise UserError("文件是空的，没有任何数据", "the file is empty", file=name)
    importer = _Importer(ctx, name, officer)
    total = sum(len(rows) for _, rows in sheets)
    done = 0
    for title, rows in sheets:
        found = _find_header(rows)
        if found is None:
            continue
        header_idx, cols, ignored = found
        importer.report.sheets.append(title)
        importer.report.ignored_columns += [c for c in ignored
                                            if c not in importer.report.ignored_columns]
        for offset, row in enumerate(rows[header_idx + 1:]):
            done += 1
            if done % 200 == 0:
                check_cancelled(cancelled)
                progress(done, total, name)
            importer.take(title if len(sheets) > 1 else "", header_idx + 2 + offset, row, cols)
    if not importer.report.sheets:
        raise UserError("找不到表头：需要一列接待日期（“接待时间”“日期”或“来访日期”）和至少一列"
                        "其他内容（如“客户”“咨询内容”）",
                        "no header row found: a date column (接待时间 / 日期 / Date/time) and "
                        "at least one other column (client, question …) are required", file=name)
    importer.write(cancelled)
    progress(total, total, name)
    return importer.report


__all__ = ["EXPORT_KIND", "NOT_IMPORTED", "ImportReport", "VisitRowProblem", "export_visits",
           "import_visits"]
