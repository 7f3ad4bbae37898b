"""Local IP data library (本地知识产权数据): imported patents and document articles, and the
import batches that brought them in.  The search index is derived from these tables."""

from __future__ import annotations

import datetime as _dt

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, TimestampMixin, utcnow


class LibraryBatch(Base):
    """One import: what was read and what happened to each row."""

    __tablename__ = "library_batches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    started_at: Mapped[_dt.datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    kind: Mapped[str] = mapped_column(String(20), nullable=False, default="auto")
    collection: Mapped[str | None] = mapped_column(String(200))
    sources: Mapped[str] = mapped_column(Text, nullable=False, default="")
    added: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    updated: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    rejected: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    problems: Mapped[str] = mapped_column(Text, nullable=False, default="[]")  # JSON list
    created_by: Mapped[str] = mapped_column(String(100), nullable=False, default="",
                                            server_default="")


class LibraryRecord(TimestampMixin, Base):
    """A patent or a document article.  Multi-valued fields are stored joined with '; '."""

    __tablename__ = "library_records"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), nullable=False, index=True)
    title: Mapped[str] = mapped_column(Text, nullable=False)
    application_number: Mapped[str | None] = mapped_column(String(40))
    # one record per application number; per publication number among records without one
    # (migration 0008): two desks importing the same patent at once cannot both add it
    appno_key: Mapped[str | None] = mapped_column(String(20), index=True, unique=True)
    publication_number: Mapped[str | None] = mapped_column(String(40))
    pubno_key: Mapped[str | None] = mapped_column(String(20), index=True)
    grant_number: Mapped[str | None] = mapped_column(String(40))
    application_date: Mapped[_dt.date | None] = mapped_column(Date)
    publication_date: Mapped[_dt.date | None] = mapped_column(Date)
    grant_date: Mapped[_dt.date | None] = mapped_column(Date)
    ipc: Mapped[str | None] = mapped_column(Text)
    applicants: Mapped[str | None] = mapped_column(Text)
    inventors: Mapped[str | None] = mapped_column(Text)
    priority: Mapped[str | None] = mapped_column(Text)
    abstract: Mapped[str | None] = mapped_column(Text)
    claims: Mapped[str | None] = mapped_column(Text)
    body: Mapped[str | None] = mapped_column(Text)
    legal_status: Mapped[str | None] = mapped_column(String(100))
    patent_type: Mapped[str | None] = mapped_column(String(50))
    region: Mapped[str | None] = mapped_column(String(100))
    address: Mapped[str | None] = mapped_column(Text)
    agency: Mapped[str | None] = mapped_column(String(300))
    section: Mapped[str | None] = mapped_column(String(200))
    doc_title: Mapped[str | None] = mapped_column(String(500))
    collection: Mapped[str | None] = mapped_column(String(200), index=True)
    source_file: Mapped[str | None] = mapped_column(Text)
    source_row: Mapped[int | None] = mapped_column(Integer)
    extra: Mapped[str] = mapped_column(Text, nullable=False, default="{}")  # JSON object
    flags: Mapped[str] = mapped_column(Text, nullable=False, default="[]")  # JSON list
    ident_hash: Mapped[str] = mapped_column(String(40), nullable=False, index=True)
    content_hash: Mapped[str] = mapped_column(String(40), nullable=False)
    batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("library_batches.id", ondelete="SET NULL"), index=True)

    __table_args__ = (
        Index("uq_library_records_pubno_key", "pubno_key", unique=True,
              sqlite_where=text("appno_key IS NULL"), postgresql_where=text("appno_key IS NULL")),
    )
