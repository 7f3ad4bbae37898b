"""Batch generation: one document per row of a spreadsheet, with a report of bad rows.

The sheet's first row names the fields (field id, Chinese or English label).  A list field
(e.g. the patents of a pledge) is given in one cell, either as JSON or one row per line with
the column values separated by ``|`` in the order of the form's columns.  Rows that fail
validation are reported (row, field, value, reason); the others are still generated.
"""

from __future__ import annotations

import datetime as _dt
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.common.xlsx import autofit, open_workbook, save_workbook, sheet_rows, write_rows
from desktop.context import AppContext
from desktop.errors import RowProblem, UserError
from desktop.forms.fields import clean_text, is_blank
from desktop.forms.generate import form_registry, load_client, outlet_name, write_outputs
from desktop.forms.history import NewDocument, record_documents
from desktop.forms.output import DocMeta, document_stem, unique_path
from desktop.forms.prefill import party_name, prefill
from desktop.forms.registry import FormDef
from desktop.forms.spec import FieldSpec, FormSpec
from desktop.forms.validation import validate_form, value_at
from desktop.jobs import CancelledFn, ProgressFn, check_cancelled

log = logging.getLogger(__name__)
MAX_BATCH_ROWS = 20000
RECORD_CHUNK = 200


@dataclass(frozen=True)
class BatchRow:
    row: int
    data: dict[str, Any]
    values: dict[str, Any] = field(default_factory=dict)


@dataclass
class BatchReport:
    generated: list[Path] = field(default_factory=list)
    failed: list[RowProblem] = field(default_factory=list)
    failed_values: dict[tuple[int, str | None], str] = field(default_factory=dict)
    report_path: Path | None = None

    @property
    def failed_rows(self) -> list[int]:
        return sorted({p.row for p in self.failed})


def _header_map(spec: FormSpec, header: list[Any]) -> tuple[dict[int, FieldSpec], list[str]]:
    by_name: dict[str, FieldSpec] = {}
    for f in spec.fields:
        for key in (f.id, f.label, f.label_en):
            by_name[key.strip().lower()] = f
    mapping: dict[int, FieldSpec] = {}
    unknown: list[str] = []
    for i, h in enumerate(header):
        key = clean_text(h).lower() if h is not None else ""
        if not key:
            continue
        found = by_name.get(key)
        if found is None:
            unknown.append(str(h))
        elif found in mapping.values():
            raise UserError(f"表头中“{h}”重复", f"column '{h}' appears twice", row=1)
        else:
            mapping[i] = found
    return mapping, unknown


def rows_cell(f: FieldSpec, value: Any) -> Any:
    """A list field's cell: JSON, or one row per line with ``|``-separated column values."""
    if is_blank(value):
        return []
    text = str(value).strip()
    if text.startswith(("[", "{")):
        return text  # JSON; the field type reports it when broken
    out = []
    for line in text.splitlines():
        if line.strip():
            parts = [p.strip() for p in line.split("|")]
            out.append({c.id: (parts[k] if k < len(parts) else "")
                        for k, c in enumerate(f.columns)})
    return out


def read_batch_rows(path: Path, spec: FormSpec) -> tuple[list[BatchRow], list[str]]:
    """The data rows of a batch workbook (first sheet), and the header names not used."""
    wb = open_workbook(path)
    try:
        ws = wb.worksheets[0]
        rows = sheet_rows(ws, path)  # a sheet that breaks off is a UserError naming the row
        header = list(next(rows, None) or [])
        mapping, unknown = _header_map(spec, header)
        if not mapping:
            raise UserError("第1行应为字段名（字段编号或中文名称），但一个也没有认出",
                            "row 1 must name the fields (ids or labels); none was recognised",
                            file=str(path), row=1)
        out: list[BatchRow] = []
        for n, row in enumerate(rows, start=2):
            if row is None or all(is_blank(v) for v in row):
                continue
            if len(out) >= MAX_BATCH_ROWS:
                raise UserError(f"一次最多处理{MAX_BATCH_ROWS}行，请拆分文件",
                                f"at most {MAX_BATCH_ROWS} rows per batch; split the file",
                                file=str(path))
            data: dict[str, Any] = {}
            for i, f in mapping.items():
                value = row[i] if i < len(row) else None
                if isinstance(value, _dt.datetime):
                    value = value.date()
                data[f.id] = rows_cell(f, value) if f.type == "rows" else value
            out.append(BatchRow(n, data))
        return out, unknown
    finally:
        wb.close()


def _shown(value: Any) -> str:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return "" if value is None else str(value)


def _cell_text(f: FieldSpec, value: Any) -> Any:
    """A canonical value as a batch cell holds it."""
    if value is None:
        return None
    if f.type == "rows":
        return "\n".join("|".join("" if r.get(c.id) is None else str(r.get(c.id))
                                   for c in f.columns) for r in value)
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    return value


def write_batch_template(form: FormDef, path: Path) -> Path:
    """A workbook to fill for a batch: field labels in row 1, the form's example in row 2,
    and a 说明 sheet describing each column (type, required, choices, list columns)."""
    from openpyxl import Workbook

    spec = form.spec
    example = validate_form(spec, spec.example)
    wb = Workbook()
    ws = wb.active
    ws.title = "数据"
    write_rows(ws, [f.label for f in spec.fields],
               [[_cell_text(f, example.values.get(f.id)) for f in spec.fields]])
    autofit(ws)
    notes = wb.create_sheet("说明")
    rows = []
    for f in spec.fields:
        detail = "、".join(f.choice_values())
        if f.type == "rows":
            detail = "每行一项，各列用 | 分隔：" + " | ".join(c.label for c in f.columns)
        rows.append([f.label, f.id, f.type, "是" if f.required else "", detail, f.help])
    write_rows(notes, ["列名", "字段编号", "类型", "必填", "可选值/格式", "说明"], rows)
    autofit(notes)
    save_workbook(wb, path)
    return path


def batch_job(ctx: AppContext, form_id: str, source: Path, folder: Path, *, fmt: str = "docx",
              client_id: int | None = None, date: _dt.date | None = None):
    """A job ``fn(progress, cancelled) -> BatchReport`` generating one document per row."""
    form = form_registry(ctx).get(form_id)
    rows, unknown = read_batch_rows(source, form.spec)
    if unknown:
        log.warning("batch %s: columns not used: %s", source, ", ".join(unknown))
    client = load_client(ctx, client_id)

    def run(progress: ProgressFn, cancelled: CancelledFn) -> BatchReport:
        return generate_rows(ctx, form, rows, folder, fmt=fmt, client=client,
                             client_id=client_id, date=date, progress=progress,
                             cancelled=cancelled)

    return run


def generate_rows(ctx: AppContext, form: FormDef, rows: list[BatchRow], folder: Path, *,
                  fmt: str, client: Any, client_id: int | None, date: _dt.date | None,
                  progress: ProgressFn, cancelled: CancelledFn) -> BatchReport:
    report = BatchReport()
    date = date or _dt.date.today()
    outlet = outlet_name(ctx)
    pending: list[NewDocument] = []
    try:
        for k, item in enumerate(rows, start=1):
            check_cancelled(cancelled)
            data = prefill(form.spec, client, item.data) if client is not None else item.data
            result = validate_form(form.spec, data)
            if not result.ok:
                for p in result.problems:
                    report.failed.append(RowProblem(item.row, p.field, p.zh, p.en))
                    report.failed_values[(item.row, p.field)] = _shown(value_at(data, p.field))
                progress(k, len(rows), f"第{item.row}行有误 / row {item.row} invalid")
                continue
            name = client.name if client is not None else party_name(form.spec, result.values)
            stem = f"{document_stem(form, name, date)}_{item.row:05d}"  # row: unique, sortable
            target = unique_path(folder, stem, fmt)
            path, atts = write_outputs(form, result, target, fmt, DocMeta(date, outlet, name))
            report.generated.append(path)
            pending.append(NewDocument(form.id, form.spec.version, form.spec.name, client_id,
                                       name, result.values, fmt, str(path),
                                       [str(a) for a in atts], ctx.actor))
            if len(pending) >= RECORD_CHUNK:
                record_documents(ctx.db, pending)
                pending = []
            progress(k, len(rows), path.name)
    finally:
        if pending:
            record_documents(ctx.db, pending)
    if report.failed:
        report.report_path = write_report(folder, report)
    return report


def write_report(folder: Path, report: BatchReport) -> Path:
    """``批量生成错误报告.xlsx`` in ``folder``: row, field, value, reason."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "未生成的行"
    write_rows(ws, ["行号", "字段", "值", "原因", "reason"],
               [[p.row, p.field or "", report.failed_values.get((p.row, p.field), ""),
                 p.reason_zh, p.reason_en] for p in report.failed])
    path = unique_path(folder, "批量生成错误报告", "xlsx")
    save_workbook(wb, path)
    return path
