"""Personal information in the visit log (个人信息保护法): anonymising old visits, a client's
data on request, and the record of exports that wrote personal data.

Anonymising a visit older than the retention period (settings) removes the person, not the
consultation: the link to the client profile goes (the random ``client_ref`` token, and the
client type and region snapshots stay, so distinct clients, per-type and per-region figures
are unchanged); notes, the search queries and the generated-document ids are cleared
(``search_count`` and ``document_count`` stay); the question and answer are kept — they are
the knowledge base — with phone numbers, ID numbers / credit codes, e-mail addresses and the
client's name, contact person and address masked.  The date, officer, channel, topics,
items, outcome, ratings and duration are not personal data and stay as they were.
"""

from __future__ import annotations

import datetime as _dt
import json
import logging
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select, update

from db.base import utcnow
from db.models import PersonalDataExport, Visit
from desktop import audit
from desktop.clients import api as clients
from desktop.common.files import save_atomically
from desktop.context import AppContext
from desktop.errors import UserError
from desktop.settings import api as settings
from desktop.visits import service
from desktop.visits.model import VISIT_FIELDS, VisitFilter

log = logging.getLogger(__name__)

CLIENT_DATA = "client_data"  # PersonalDataExport.kind of a client's data on request
_ID = r"[0-9A-HJ-NPQRTUWXY]"
#: (pattern, replacement) in order: e-mail before numbers, long numbers before phones
_MASKS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.ASCII), "[邮箱]"),
    (re.compile(rf"(?<![0-9A-Za-z]){_ID}{{2}}\d{{6}}{_ID}{{10}}(?![0-9A-Za-z])", re.I),
     "[证件号]"),  # unified social credit code (or an 18-digit ID number)
    (re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])"), "[证件号]"),
    (re.compile(r"(?<![\d+])(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)"), "[电话]"),
    (re.compile(r"(?<!\d)0\d{2,3}[- ]?\d{7,8}(?!\d)"), "[电话]"),
)


def mask_personal(text: str, names: Iterable[tuple[str, str]] = ()) -> str:
    """``text`` with phone numbers, ID numbers, credit codes and e-mails masked, and each
    ``(word, replacement)`` of ``names`` (the client's name, contact, address) replaced."""
    if not text:
        return text
    for word, replacement in sorted(names, key=lambda n: -len(n[0])):
        if len(word.strip()) >= 2:
            text = text.replace(word.strip(), replacement)
    for pattern, replacement in _MASKS:
        text = pattern.sub(replacement, text)
    return text


def _names_of(client: clients.ClientData | None) -> list[tuple[str, str]]:
    if client is None:
        return []
    out = [(client.name, "[客户]")]
    if client.contact_person:
        out.append((client.contact_person, "[联系人]"))
    if client.address:
        out.append((client.address, "[地址]"))
    return out


def retention_cutoff(ctx: AppContext, as_of: _dt.date | None = None) -> _dt.datetime:
    """Visits that started before this moment are past the retention period."""
    day = (as_of or _dt.date.today()) - _dt.timedelta(days=settings.get_retention_days(ctx))
    return _dt.datetime.combine(day, _dt.time())


def anonymise_old_visits(ctx: AppContext, as_of: _dt.date | None = None) -> int:
    """Anonymise every not yet anonymised visit past the retention period; how many."""
    cutoff = retention_cutoff(ctx, as_of)
    old = Visit.started_at < cutoff, Visit.anonymised_at.is_(None)
    with ctx.db.session() as s:
        rows = s.execute(select(Visit.id, Visit.client_id, Visit.question, Visit.answer)
                         .where(*old)).all()
    if not rows:
        return 0
    profiles = clients.get_clients(ctx, {r.client_id for r in rows if r.client_id})
    now = utcnow()
    changes = [{"id": vid, "client_id": None, "question": mask_personal(q, names),
                "answer": mask_personal(a, names), "notes": "", "searches_json": "[]",
                "documents_json": "[]", "anonymised_at": now, "updated_at": now}
               for vid, client_id, q, a in rows
               for names in [_names_of(profiles.get(client_id) if client_id else None)]]
    with ctx.db.session() as s:
        for start in range(0, len(changes), 500):
            s.execute(update(Visit), changes[start:start + 500])
    log.info("anonymised %d visits older than %s", len(changes), cutoff.date())
    return len(changes)


# -- the record of personal-data exports --------------------------------------------------

@dataclass(frozen=True)
class PersonalExport:
    """One export that wrote personal data: when, what kind, by whom, where, how many rows."""

    id: int
    at: _dt.datetime
    kind: str
    officer: str
    path: str
    rows: int
    detail: str

    def to_json(self) -> dict[str, object]:
        out = asdict(self)
        out["at"] = self.at.isoformat(timespec="seconds")
        return out


def _export_record(row: PersonalDataExport) -> PersonalExport:
    return PersonalExport(row.id, row.at, row.kind, row.officer, row.path, row.rows, row.detail)


def record_export(ctx: AppContext, kind: str, path: str | Path, rows: int, *,
                  officer: str = "", detail: str = "") -> PersonalExport:
    """Write one line of the record (call it after the file is written)."""
    with ctx.db.session() as s:
        row = PersonalDataExport(kind=kind, officer=officer, path=str(path), rows=rows,
                                 detail=detail)
        s.add(row)
        audit.record(s, ctx, "personal_export", Path(path).name,
                     {"kind": kind, "rows": rows, "path": str(path)})
        s.flush()
        return _export_record(row)


def personal_data_exports(ctx: AppContext, limit: int = 500) -> list[PersonalExport]:
    """The record, newest first."""
    with ctx.db.session() as s:
        found = s.execute(select(PersonalDataExport).order_by(
            PersonalDataExport.at.desc(), PersonalDataExport.id.desc()).limit(limit)).scalars()
        return [_export_record(r) for r in found]


# -- a client's data on request --------------------------------------------------------------

def _plain(value: Any) -> Any:
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def client_data(ctx: AppContext, client_id: int) -> dict[str, Any]:
    """Everything the desk holds about a client: the profile, every visit, the documents."""
    from desktop.forms import api as forms  # python-docx and the form specs: on first use

    profile = clients.get_client(ctx, client_id)
    visits = service.list_visits(ctx, VisitFilter(client_id=client_id))
    documents = forms.list_documents(ctx, client_id=client_id, limit=1_000_000)
    return {"exported_at": _dt.datetime.now().isoformat(timespec="seconds"),
            "client": _plain(profile.as_dict()),
            "visits": [_plain(v.as_json()) for v in visits],
            "documents": [_plain(asdict(d)) for d in documents]}


def _cell(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return "、".join(map(str, value)) if isinstance(value, list) and \
            all(not isinstance(v, (list, dict)) for v in value) \
            else json.dumps(value, ensure_ascii=False)
    return value


def _write_xlsx(data: dict[str, Any], target: str) -> None:
    from openpyxl import Workbook

    from desktop.common.xlsx import autofit, write_rows

    wb = Workbook()
    ws = wb.active
    ws.title = "客户档案"
    write_rows(ws, ["字段", "内容"], ([k, _cell(v)] for k, v in data["client"].items()))
    autofit(ws)
    ws = wb.create_sheet("接待记录")
    keys = [f.key for f in VISIT_FIELDS]
    write_rows(ws, [f.zh for f in VISIT_FIELDS],
               ([_cell(v.get(k)) for k in keys] for v in data["visits"]))
    autofit(ws)
    ws = wb.create_sheet("生成文书")
    doc_keys = ["id", "form_id", "form_name", "created_at", "output_format", "output_path",
                "data"]
    write_rows(ws, ["编号", "表单", "表单名称", "生成时间", "格式", "文件", "填写内容"],
               ([_cell(d.get(k)) for k in doc_keys] for d in data["documents"]))
    autofit(ws)
    wb.save(target)


def export_client_data(ctx: AppContext, client_id: int, path: str | Path, *,
                       officer: str = "") -> PersonalExport:
    """Write a client's data (JSON or XLSX, by the file's suffix) and record the export."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".json", ".xlsx"):
        raise UserError("导出文件须为 .json 或 .xlsx", "the export file must be .json or .xlsx",
                        file=str(target), field="path")
    data = client_data(ctx, client_id)
    if suffix == ".json":
        text = json.dumps(data, ensure_ascii=False, indent=2)
        save_atomically(target, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
    else:
        save_atomically(target, lambda tmp: _write_xlsx(data, tmp))
    rows = 1 + len(data["visits"]) + len(data["documents"])
    detail = json.dumps({"client_id": client_id, "visits": len(data["visits"]),
                         "documents": len(data["documents"])})
    return record_export(ctx, CLIENT_DATA, target, rows, officer=officer, detail=detail)
