"""The record of generated documents: who got which form, when, with what data."""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, or_, select

from db.models.forms import FormDocument
from db.session import Database
from desktop.errors import UserError


@dataclass(frozen=True)
class DocumentRecord:
    id: int
    form_id: str
    form_version: int
    form_name: str
    client_id: int | None
    client_name: str
    created_at: _dt.datetime
    data: dict[str, Any]
    output_format: str
    output_path: str
    attachments: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class NewDocument:
    """What to record for one generated document."""

    form_id: str
    form_version: int
    form_name: str
    client_id: int | None
    client_name: str
    data: dict[str, Any]
    output_format: str
    output_path: str
    attachments: list[str] = field(default_factory=list)
    created_by: str = ""  # who is signed in (ctx.actor)


def _record(row: FormDocument) -> DocumentRecord:
    return DocumentRecord(row.id, row.form_id, row.form_version, row.form_name, row.client_id,
                          row.client_name, row.created_at, json.loads(row.data_json),
                          row.output_format, row.output_path,
                          json.loads(row.attachments_json or "[]"))


def _row(doc: NewDocument) -> FormDocument:
    return FormDocument(
        created_by=doc.created_by, form_id=doc.form_id, form_version=doc.form_version, form_name=doc.form_name,
        client_id=doc.client_id, client_name=doc.client_name,
        data_json=json.dumps(doc.data, ensure_ascii=False, default=str),
        output_format=doc.output_format, output_path=doc.output_path,
        attachments_json=json.dumps(doc.attachments, ensure_ascii=False))


def record_documents(db: Database, docs: list[NewDocument]) -> list[int]:
    """Record several documents in one transaction; returns their ids."""
    rows = [_row(d) for d in docs]
    with db.session() as s:
        s.add_all(rows)
        s.flush()
        return [r.id for r in rows]


def list_documents(db: Database, *, form_id: str | None = None, client_id: int | None = None,
                   query: str = "", limit: int = 500) -> list[DocumentRecord]:
    """Newest first, optionally for one form or client, or matching ``query``."""
    stmt = select(FormDocument).order_by(FormDocument.created_at.desc(), FormDocument.id.desc())
    if form_id:
        stmt = stmt.where(FormDocument.form_id == form_id)
    if client_id is not None:
        stmt = stmt.where(FormDocument.client_id == client_id)
    for word in query.split():
        like = f"%{word}%"
        stmt = stmt.where(or_(FormDocument.form_name.like(like),
                              FormDocument.client_name.like(like),
                              FormDocument.output_path.like(like)))
    with db.session() as s:
        return [_record(r) for r in s.execute(stmt.limit(limit)).scalars()]


def get_document(db: Database, doc_id: int) -> DocumentRecord:
    with db.session() as s:
        row = s.get(FormDocument, doc_id)
        if row is None:
            raise UserError(f"没有编号为{doc_id}的生成记录", f"no generated document {doc_id}")
        return _record(row)


def count_documents_for_forms(db: Database, form_ids: tuple[str, ...]) -> int:
    """How many documents were generated from any of ``form_ids``."""
    if not form_ids:
        return 0
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(FormDocument)
                            .where(FormDocument.form_id.in_(form_ids))) or 0)


def count_documents_for_form(db: Database, form_id: str) -> int:
    """How many documents were generated from ``form_id``."""
    return count_documents_for_forms(db, (form_id,))
