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

from sqlalchemy import Table, bindparam, delete, func, select, update
from sqlalchemy.orm import Session

from db import changelog
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
    """Upserts records of one import batch within ``session`` (the caller commits).

    Safe against another desk importing the same patents at the same moment: imports take
    the database's import lock (:func:`desktop.library.import_lock.hold`), and a new record
    is inserted with ``ON CONFLICT DO NOTHING`` on the unique canonical numbers; one that
    another writer added meanwhile is looked up again and merged as an update."""

    CHUNK = 2000

    def __init__(self, session: Session, *, kind: str, collection: str | None,
                 sources: list[str], origin: str = "", actor: str = "") -> None:
        self.session = session
        batch = LibraryBatch(kind=kind, collection=collection, sources="\n".join(sources),
                             started_at=utcnow(), created_by=actor)
        session.add(batch)
        session.flush()
        self.batch_id = batch.id
        self.batch = batch
        self.origin = origin
        self.counts = BatchCounts()
        self.touched: set[int] = set()  # ids added or changed: noted in the change log
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
        for _attempt in range(3):
            if not rows:
                return
            self._load_keys(rows)
            order, new_rows = self._classify(rows)
            rows = self._update(order) + self._insert(new_rows)
            if rows:  # added (or removed) by another writer since we looked: look again
                log.info("%d records were changed by another desk meanwhile; merging", len(rows))
                self._forget(rows)
        if rows:
            raise RuntimeError(f"{len(rows)} records kept conflicting with concurrent writes")

    def _classify(self, rows: list[dict[str, Any]]
                  ) -> tuple[list[tuple[int, dict[str, Any]]], dict[str, dict[str, Any]]]:
        """Rows matching stored records (id, row), and new rows by key (duplicates within
        the chunk merged)."""
        order: list[tuple[int, dict[str, Any]]] = []
        new_rows: dict[str, dict[str, Any]] = {}
        for row in rows:
            rid = self._find(row)
            if rid is not None:
                order.append((rid, row))
                continue
            key = _new_key(row)
            if key in new_rows:  # duplicate within this chunk: merge into the pending row
                before = content_hash(new_rows[key])
                new_rows[key] = merge(new_rows[key], row)
                if content_hash(new_rows[key]) == before:
                    self.counts.unchanged += 1
                else:
                    self.counts.updated += 1
            else:
                new_rows[key] = row
        return order, new_rows

    def _forget(self, rows: list[dict[str, Any]]) -> None:
        """Drop what is known about the keys of ``rows`` (they are looked up again)."""
        for r in rows:
            for col, target in (("appno_key", self.by_appno), ("pubno_key", self.by_pubno),
                                ("ident_hash", self.by_ident)):
                if r.get(col):
                    target.pop(r[col], None)
                    self._looked_up.discard((col, r[col]))

    def _update(self, order: list[tuple[int, dict[str, Any]]]) -> list[dict[str, Any]]:
        """Merge rows into their stored records; returns rows whose record another desk
        deleted meanwhile (to be looked up again)."""
        if not order:
            return []
        s = self.session
        matched: dict[int, dict[str, Any]] = {}
        ids = list({rid for rid, _ in order})
        cols = [_T.c.id, *[_T.c[c] for c in DATA_COLUMNS], _T.c.source_file,
                _T.c.source_row, _T.c.ident_hash, _T.c.content_hash]
        for i in range(0, len(ids), 900):
            for r in s.execute(select(*cols).where(_T.c.id.in_(ids[i:i + 900]))).mappings():
                matched[r["id"]] = dict(r)
        updates: dict[int, dict[str, Any]] = {}
        vanished = [row for rid, row in order if rid not in matched]
        for rid, row in order:
            if rid not in matched:
                continue
            base = updates.get(rid) or matched[rid]
            merged = merge(base, row)
            h = content_hash(merged)
            if h == base["content_hash"]:
                self.counts.unchanged += 1
                continue
            merged["content_hash"] = h
            updates[rid] = merged
            self.counts.updated += 1
        if not updates:
            return vanished
        names = (*DATA_COLUMNS, "source_file", "source_row", "content_hash")
        now = utcnow()
        params = []
        for rid, m in sorted(updates.items()):  # one order everywhere: no deadlocks
            p = {f"v_{c}": m.get(c) for c in names}
            p.update(v_id=rid, v_batch=self.batch_id, v_now=now)
            params.append(p)
        stmt = update(_T).where(_T.c.id == bindparam("v_id")).values(
            **{c: bindparam(f"v_{c}") for c in names},
            batch_id=bindparam("v_batch"), updated_at=bindparam("v_now"))
        s.connection().execute(stmt, params)
        for rid, m in updates.items():
            self._register(rid, m)
        self.touched.update(updates)
        return vanished

    def _insert(self, new_rows: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
        """Insert new rows; returns those another writer added first."""
        if not new_rows:
            return []
        now = utcnow()
        values = []
        for row in new_rows.values():  # in the file's order (imports take turns)
            row["content_hash"] = content_hash(row)
            row.update(batch_id=self.batch_id, created_at=now, updated_at=now)
            values.append(row)
        stmt = _insert_ignoring_conflicts(self.session).returning(
            _T.c.id, _T.c.appno_key, _T.c.pubno_key, _T.c.ident_hash)
        done: dict[str, int] = {}
        for rid, ak, pk, ident in self.session.execute(stmt, values):
            done[_new_key({"appno_key": ak, "pubno_key": pk, "ident_hash": ident})] = rid
        conflicts = []
        for row in values:
            rid = done.get(_new_key(row))
            if rid is None:
                conflicts.append(row)
                continue
            self._register(rid, row)
            self.touched.add(rid)
            self.counts.added += 1
        return conflicts

    def finish(self) -> LibraryBatch:
        self.flush()
        b = self.batch
        c = self.counts
        b.added, b.updated, b.unchanged, b.rejected = c.added, c.updated, c.unchanged, c.rejected
        b.problems = json.dumps(
            [{"file": f, "row": p.row, "field": p.field, "zh": p.reason_zh, "en": p.reason_en}
             for f, p in c.problems[:5000]], ensure_ascii=False)
        # last, so the change log's numbers are handed out just before the commit
        changelog.note(self.session, changelog.LIBRARY, sorted(self.touched),
                       origin=self.origin)
        self.session.flush()
        return b


def _new_key(row: dict[str, Any]) -> str:
    """The key a new record is known by: its application number, else its publication
    number, else its identity hash."""
    if row.get("appno_key"):
        return f"a:{row['appno_key']}"
    if row.get("pubno_key"):
        return f"p:{row['pubno_key']}"
    return f"h:{row['ident_hash']}"


def _insert_ignoring_conflicts(session: Session) -> Any:
    """``INSERT … ON CONFLICT DO NOTHING`` into the records table (SQLite and PostgreSQL)."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(_T).on_conflict_do_nothing()
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(_T).on_conflict_do_nothing()


def delete_records(session: Session, ids: Iterable[int], origin: str = "") -> int:
    """Delete records by id (noted in the change log, so every desk's index drops them)."""
    wanted = sorted(set(ids))
    gone: list[int] = []
    for i in range(0, len(wanted), 900):
        chunk = wanted[i:i + 900]
        gone += [int(r) for r in session.scalars(select(_T.c.id).where(_T.c.id.in_(chunk)))]
        session.execute(delete(_T).where(_T.c.id.in_(chunk)))
    changelog.note(session, changelog.LIBRARY, gone, changelog.DELETE, origin)
    return len(gone)


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


def ids_since_batch(session: Session, since_batch: int) -> set[int]:
    """Ids of records last written by an import batch after ``since_batch``."""
    return set(session.scalars(select(_T.c.id).where(_T.c.batch_id > since_batch)))


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
