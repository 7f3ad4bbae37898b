"""Records in and out of the database.

:class:`BatchWriter` upserts records inside one session (one transaction per import): a record is
the same record when its application number matches, else its publication number, else its
identity hash (documents: file and article; patents without numbers: a hash of their content).
New values replace old ones field by field; empty new values keep what was there.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Table, bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from db.base import utcnow
from db.models.library import LibraryBatch
from db.models.library import LibraryRecord as RecordRow
from desktop.errors import RowProblem
from desktop.library.records import Record

log = logging.getLogger(__name__)
LIST_FIELDS = ("ipc", "applicants", "inventors", "priority")
SEP = "; "
DATA_COLUMNS = (
    "kind", "title", "application_number", "appno_key", "publication_number", "pubno_key",
    "grant_number", "application_date", "publication_date", "grant_date", "ipc", "applicants",
    "inventors", "priority", "abstract", "claims", "body", "legal_status", "patent_type",
    "region", "address", "agency", "section", "doc_title", "collection", "extra", "flags",
)
_HASHED = tuple(c for c in DATA_COLUMNS if c != "collection")
# a declarative model's ``__table__`` is a Table; SQLAlchemy types it as the wider FromClause
_T = cast(Table, RecordRow.__table__)


@dataclass
class BatchCounts:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    problems: list[tuple[str, RowProblem]] = field(default_factory=list)


def record_to_row(rec: Record, collection: str | None) -> dict[str, Any]:
    row: dict[str, Any] = {c: getattr(rec, c, None) for c in DATA_COLUMNS}
    for name in LIST_FIELDS:
        row[name] = SEP.join(getattr(rec, name)) or None
    extra = {k: v for k, v in rec.extra.items() if k != "ident"}
    row["extra"] = json.dumps(extra, ensure_ascii=False, sort_keys=True, default=str)
    row["flags"] = json.dumps(rec.flags, ensure_ascii=False)
    row["collection"] = collection
    row["source_file"] = rec.source_file
    row["source_row"] = rec.source_row
    # documents: file and article; patents without numbers: their whole content
    row["ident_hash"] = rec.extra.get("ident") or content_hash(row)
    return row


def content_hash(row: dict[str, Any]) -> str:
    parts = [str(row.get(c) or "") for c in _HASHED]
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()


def merge(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """``new`` over ``old``: empty new values keep the old ones; extras are merged."""
    out = dict(old)
    for c in DATA_COLUMNS:
        v = new.get(c)
        if c == "extra":
            merged = json.loads(old.get("extra") or "{}")
            merged.update(json.loads(v or "{}"))
            out[c] = json.dumps(merged, ensure_ascii=False, sort_keys=True, default=str)
        elif c == "flags":
            out[c] = v if v and v != "[]" else (old.get("flags") or "[]")
        elif v not in (None, ""):
            out[c] = v
    for c in ("source_file", "source_row", "ident_hash"):
        if new.get(c) is not None and (c != "ident_hash" or not old.get(c)):
            out[c] = new[c]
    return out


class BatchWriter:
    """Upserts records of one import batch within ``session`` (the caller commits)."""

    CHUNK = 2000

    def __init__(self, session: Session, *, kind: str, collection: str | None,
                 sources: list[str], actor: str = "") -> None:
        self.session = session
        batch = LibraryBatch(kind=kind, collection=collection, sources="\n".join(sources),
                             started_at=utcnow(), created_by=actor)
        session.add(batch)
        session.flush()
        self.batch_id = batch.id
        self.batch = batch
        self.counts = BatchCounts()
        self.by_appno: dict[str, int] = {}
        self.by_pubno: dict[str, int] = {}
        self.by_ident: dict[str, int] = {}
        self._looked_up: set[tuple[str, str]] = set()
        self._pending: list[dict[str, Any]] = []

    def _load_keys(self, rows: list[dict[str, Any]]) -> None:
        """Fetch the ids of stored records sharing a key with ``rows`` (work in proportion to
        the batch, not to the size of the library)."""
        for col, target in (("appno_key", self.by_appno), ("pubno_key", self.by_pubno),
                            ("ident_hash", self.by_ident)):
            wanted = list({r[col] for r in rows if r.get(col) and r[col] not in target
                           and (col, r[col]) not in self._looked_up})
            self._looked_up.update((col, v) for v in wanted)
            column = _T.c[col]
            for i in range(0, len(wanted), 900):
                q = select(_T.c.id, column).where(column.in_(wanted[i:i + 900])) \
                    .order_by(_T.c.id)
                for rid, value in self.session.execute(q):
                    target.setdefault(value, rid)

    def _find(self, row: dict[str, Any]) -> int | None:
        ak, pk = row.get("appno_key"), row.get("pubno_key")
        if ak and ak in self.by_appno:
            return self.by_appno[ak]
        if pk and pk in self.by_pubno:
            return self.by_pubno[pk]
        if not ak and not pk:
            return self.by_ident.get(row["ident_hash"])
        return None

    def _register(self, rid: int, row: dict[str, Any]) -> None:
        if row.get("appno_key"):
            self.by_appno[row["appno_key"]] = rid
        if row.get("pubno_key"):
            self.by_pubno.setdefault(row["pubno_key"], rid)
        self.by_ident.setdefault(row["ident_hash"], rid)

    def reject(self, source: str, problem: RowProblem) -> None:
        self.counts.rejected += 1
        self.counts.problems.append((source, problem))

    def add(self, rec: Record, collection: str | None) -> None:
        self._pending.append(record_to_row(rec, collection))
        if len(self._pending) >= self.CHUNK:
            self.flush()

    def flush(self) -> None:
        rows, self._pending = self._pending, []
        if not rows:
            return
        s = self.session
        now = utcnow()
        self._load_keys(rows)
        matched: dict[int, dict[str, Any]] = {}
        order: list[tuple[int, dict[str, Any]]] = []
        new_rows: dict[str, dict[str, Any]] = {}
        for row in rows:
            rid = self._find(row)
            if rid is None:
                key = row.get("appno_key") or row.get("pubno_key") or row["ident_hash"]
                key = f"{'a' if row.get('appno_key') else 'p' if row.get('pubno_key') else 'h'}:{key}"
                if key in new_rows:  # duplicate within this chunk: merge into the pending row
                    before = content_hash(new_rows[key])
                    new_rows[key] = merge(new_rows[key], row)
                    if content_hash(new_rows[key]) == before:
                        self.counts.unchanged += 1
                    else:
                        self.counts.updated += 1
                else:
                    new_rows[key] = row
            else:
                order.append((rid, row))
        if order:
            ids = list({rid for rid, _ in order})
            cols = [_T.c.id, *[_T.c[c] for c in DATA_COLUMNS], _T.c.source_file,
                    _T.c.source_row, _T.c.ident_hash, _T.c.content_hash]
            for i in range(0, len(ids), 900):
                for r in s.execute(select(*cols).where(_T.c.id.in_(ids[i:i + 900]))).mappings():
                    matched[r["id"]] = dict(r)
        updates: dict[int, dict[str, Any]] = {}
        for rid, row in order:
            base = updates.get(rid) or matched[rid]
            merged = merge(base, row)
            h = content_hash(merged)
            if h == base["content_hash"]:
                self.counts.unchanged += 1
                continue
            merged["content_hash"] = h
            updates[rid] = merged
            self.counts.updated += 1
        if updates:
            params = []
            for rid, m in updates.items():
                p = {f"v_{c}": m.get(c) for c in (*DATA_COLUMNS, "source_file", "source_row",
                                                  "content_hash")}
                p.update(v_id=rid, v_batch=self.batch_id, v_now=now)
                params.append(p)
            stmt = update(_T).where(_T.c.id == bindparam("v_id")).values(
                **{c: bindparam(f"v_{c}") for c in (*DATA_COLUMNS, "source_file", "source_row",
                                                    "content_hash")},
                batch_id=bindparam("v_batch"), updated_at=bindparam("v_now"))
            s.connection().execute(stmt, params)
            for rid, m in updates.items():
                self._register(rid, m)
        if new_rows:
            values = []
            for row in new_rows.values():
                row["content_hash"] = content_hash(row)
                row.update(batch_id=self.batch_id, created_at=now, updated_at=now)
                values.append(row)
            result = s.execute(insert(_T).returning(_T.c.id, sort_by_parameter_order=True),
                               values)
            for (rid,), row in zip(result, values, strict=False):
                self._register(rid, row)
            self.counts.added += len(values)

    def finish(self) -> LibraryBatch:
        self.flush()
        b = self.batch
        c = self.counts
        b.added, b.updated, b.unchanged, b.rejected = c.added, c.updated, c.unchanged, c.rejected
        b.problems = json.dumps(
            [{"file": f, "row": p.row, "field": p.field, "zh": p.reason_zh, "en": p.reason_en}
             for f, p in c.problems[:5000]], ensure_ascii=False)
        self.session.flush()
        return b


# -- reading -------------------------------------------------------------------------

def record_count(session: Session, *, since_batch: int = 0) -> int:
    q = select(func.count()).select_from(_T)
    if since_batch:
        q = q.where(_T.c.batch_id > since_batch)
    return int(session.scalar(q) or 0)


def last_batch_id(session: Session) -> int:
    return int(session.scalar(select(func.max(_T.c.batch_id))) or 0)


def iter_rows(session: Session, *, since_batch: int = 0, ids: Iterable[int] | None = None,
              chunk: int = 2000) -> Iterable[dict[str, Any]]:
    """Stored records as dicts (all columns), in id order, streamed in chunks."""
    last = 0
    while True:
        q = select(_T).where(_T.c.id > last).order_by(_T.c.id).limit(chunk)
        if since_batch:
            q = q.where(_T.c.batch_id > since_batch)
        rows = [dict(r) for r in session.execute(q).mappings()]
        if not rows:
            return
        yield from rows
        last = rows[-1]["id"]


def all_ids(session: Session) -> set[int]:
    return set(session.scalars(select(_T.c.id)))


def get_rows(session: Session, ids: list[int]) -> dict[int, dict[str, Any]]:
    out: dict[int, dict[str, Any]] = {}
    for i in range(0, len(ids), 900):
        for r in session.execute(select(_T).where(_T.c.id.in_(ids[i:i + 900]))).mappings():
            out[r["id"]] = dict(r)
    return out


def collections(session: Session) -> list[str]:
    return [c for c in session.scalars(select(_T.c.collection).distinct()) if c]


def date_text(value: _dt.date | None) -> str | None:
    return value.isoformat() if value else None
