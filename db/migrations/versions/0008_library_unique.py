"""library: one record per canonical number (unique indexes), and the database's identity

A patent is stored once: ``appno_key`` is unique, and ``pubno_key`` is unique among records
without an application number (a partial index on SQLite and PostgreSQL).  Imports at two
desks at the same moment then cannot both add the same patent (the second one's insert
conflicts and becomes an update).

Duplicates already stored (possible only from imports that raced before this revision) are
merged, conservatively, into the record with the lowest id: its values are kept, and only
its empty fields are filled from the duplicates (the most recently updated first); the
duplicates are then removed and the change is written to the change log so every desk's
index follows.  Nothing else refers to library records, so no links are lost.

The settings row ``database.identity`` (a random id) tells a desk's search index which
database it was built from.

Revision ID: 0008_library_unique
Revises: 0007_network
Create Date: 2026-12-04
"""
from __future__ import annotations

import datetime as _dt
import logging
import uuid

import sqlalchemy as sa
from alembic import op

revision = "0008_library_unique"
down_revision = "0007_network"
branch_labels = None
depends_on = None

log = logging.getLogger("alembic.runtime.migration")
_KEEP = {"id", "created_at", "appno_key", "pubno_key"}


def _now() -> _dt.datetime:
    return _dt.datetime.now(_dt.UTC).replace(tzinfo=None)


def _merge_duplicates(conn: sa.Connection, records: sa.Table, key: str,
                      extra: sa.ColumnElement[bool] | None) -> int:
    """Merge records sharing ``key`` into the one with the lowest id; returns how many went."""
    col = records.c[key]
    cond = col.isnot(None) if extra is None else sa.and_(col.isnot(None), extra)
    groups = conn.execute(sa.select(col).where(cond).group_by(col)
                          .having(sa.func.count() > 1)).scalars().all()
    removed: list[int] = []
    kept: list[int] = []
    for value in groups:
        rows = [dict(r) for r in conn.execute(
            sa.select(records).where(cond, col == value).order_by(records.c.id)).mappings()]
        keeper, others = rows[0], rows[1:]
        newest_first = sorted(others, key=lambda r: (r["updated_at"], r["id"]), reverse=True)
        fill: dict[str, object] = {}
        for name in records.c.keys():
            if name in _KEEP or keeper[name] not in (None, "", "{}", "[]"):
                continue
            for other in newest_first:
                if other[name] not in (None, "", "{}", "[]"):
                    fill[name] = other[name]
                    break
        if fill:
            fill["updated_at"] = _now()
            conn.execute(sa.update(records).where(records.c.id == keeper["id"]).values(**fill))
        ids = [r["id"] for r in others]
        conn.execute(sa.delete(records).where(records.c.id.in_(ids)))
        removed += ids
        kept.append(keeper["id"])
    if removed:
        change_log = sa.table("change_log", sa.column("at"), sa.column("kind"), sa.column("key"),
                              sa.column("op"), sa.column("origin"))
        now = _now()
        rows = [{"at": now, "kind": "library", "key": str(i), "op": "delete",
                 "origin": "migration 0008"} for i in removed]
        rows += [{"at": now, "kind": "library", "key": str(i), "op": "upsert",
                  "origin": "migration 0008"} for i in kept]
        conn.execute(sa.insert(change_log), rows)
        log.warning("merged %d duplicate library records (same %s) into %d", len(removed), key,
                    len(kept))
    return len(removed)


def upgrade() -> None:
    conn = op.get_bind()
    records = sa.Table("library_records", sa.MetaData(), autoload_with=conn)
    _merge_duplicates(conn, records, "appno_key", None)
    _merge_duplicates(conn, records, "pubno_key", records.c.appno_key.is_(None))
    op.drop_index(op.f("ix_library_records_appno_key"), table_name="library_records")
    op.create_index(op.f("ix_library_records_appno_key"), "library_records", ["appno_key"],
                    unique=True)
    op.create_index("uq_library_records_pubno_key", "library_records", ["pubno_key"],
                    unique=True, sqlite_where=sa.text("appno_key IS NULL"),
                    postgresql_where=sa.text("appno_key IS NULL"))
    settings = sa.table("settings", sa.column("key"), sa.column("value"),
                        sa.column("created_at"), sa.column("updated_at"))
    have = conn.execute(sa.select(settings.c.key).where(settings.c.key == "database.identity"))
    if have.first() is None:
        now = _now()
        conn.execute(sa.insert(settings).values(key="database.identity", value=uuid.uuid4().hex,
                                                created_at=now, updated_at=now))


def downgrade() -> None:
    op.drop_index("uq_library_records_pubno_key", table_name="library_records")
    op.drop_index(op.f("ix_library_records_appno_key"), table_name="library_records")
    op.create_index(op.f("ix_library_records_appno_key"), "library_records", ["appno_key"])
    op.execute("DELETE FROM settings WHERE key = 'database.identity'")
