"""A network of desks on one database: the change log every desk's search index follows,
the audit log, and the desk profiles officers sign in with on a desk of its own."""

from __future__ import annotations

import datetime as _dt

from sqlalchemy import BigInteger, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, utcnow

# an autoincrementing 64-bit key on PostgreSQL (SQLite's rowid is 64-bit already)
BigId = BigInteger().with_variant(Integer(), "sqlite")


class ChangeLog(Base):
    """One committed change to something a desk derives data from (its search index):
    ``kind`` (library | catalogue), ``key`` (the record id or item code), ``op``
    (upsert | delete).  Desks read it in ``seq`` order from where they last stopped."""

    __tablename__ = "change_log"

    seq: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[_dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow,
                                             index=True)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    key: Mapped[str] = mapped_column(String(64), nullable=False)
    op: Mapped[str] = mapped_column(String(10), nullable=False, default="upsert")
    origin: Mapped[str] = mapped_column(String(100), nullable=False, default="")


class AuditEntry(Base):
    """Who did what, when: catalogue edits, client erasure, exports with personal data,
    role changes.  Rows are only ever added (officers have INSERT, not UPDATE/DELETE)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[_dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow,
                                             index=True)
    actor: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    role: Mapped[str] = mapped_column(String(20), nullable=False, default="")
    desk: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    action: Mapped[str] = mapped_column(String(40), nullable=False, index=True)
    target: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    detail: Mapped[str] = mapped_column(Text, nullable=False, default="")


class DeskProfile(Base):
    """An officer's profile on a desk of its own (SQLite), chosen at sign-in.  On
    PostgreSQL the officer's login role plays this part."""

    __tablename__ = "desk_profiles"

    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    display_name: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    role: Mapped[str] = mapped_column(String(20), nullable=False, default="officer")
    # scrypt hash of an optional PIN ("" = none); never the PIN itself
    pin_hash: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    created_at: Mapped[_dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    last_used_at: Mapped[_dt.datetime | None] = mapped_column(DateTime)
