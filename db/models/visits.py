"""The visit log (接待登记): consultations, their topics and items (child tables, so the
statistics are SQL GROUP BYs), and the record of exports that included personal data."""

from __future__ import annotations

import datetime as _dt

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    SmallInteger,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, TimestampMixin, utcnow


class Visit(TimestampMixin, Base):
    __tablename__ = "visits"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    started_at: Mapped[_dt.datetime] = mapped_column(DateTime, nullable=False, index=True)
    officer: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    client_id: Mapped[int | None] = mapped_column(
        ForeignKey("clients.id", ondelete="SET NULL"), index=True)
    # a random token per client: distinct clients stay countable after erasure/anonymising
    client_ref: Mapped[str | None] = mapped_column(String(32))
    client_kind: Mapped[str | None] = mapped_column(String(20))  # snapshot
    region: Mapped[str | None] = mapped_column(String(200))  # snapshot
    channel: Mapped[str] = mapped_column(String(20), nullable=False)
    outcome: Mapped[str | None] = mapped_column(String(20))
    referred_to: Mapped[str | None] = mapped_column(String(200))
    follow_up: Mapped[_dt.date | None] = mapped_column(Date, index=True)
    follow_up_done: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    effort: Mapped[int | None] = mapped_column(SmallInteger)
    satisfaction: Mapped[int | None] = mapped_column(SmallInteger)
    duration_min: Mapped[int | None] = mapped_column(Integer)
    question: Mapped[str] = mapped_column(Text, nullable=False, default="")
    answer: Mapped[str] = mapped_column(Text, nullable=False, default="")
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    tags_json: Mapped[str] = mapped_column(Text, nullable=False, default="[]")
    searches_json: Mapped[str] = mapped_column(Text, nullable=False, default="[]")
    documents_json: Mapped[str] = mapped_column(Text, nullable=False, default="[]")
    search_count: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    document_count: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    model_answer: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    answer_item: Mapped[str | None] = mapped_column(String(40))
    anonymised_at: Mapped[_dt.datetime | None] = mapped_column(DateTime)
    # who recorded it (the signed-in login or desk profile; ``officer`` is the name shown)
    recorded_by: Mapped[str] = mapped_column(String(100), nullable=False, default="",
                                             server_default="")
    # one key per visit, made where it was first recorded: a visit sent twice (an offline
    # desk's queue replayed) is stored once
    idem_key: Mapped[str | None] = mapped_column(String(40), unique=True)

    topics: Mapped[list[VisitTopic]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="VisitTopic.position")
    items: Mapped[list[VisitItem]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="VisitItem.position")


class VisitTopic(Base):
    __tablename__ = "visit_topics"

    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"),
                                          primary_key=True)
    topic: Mapped[str] = mapped_column(String(20), primary_key=True, index=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class VisitItem(Base):
    __tablename__ = "visit_items"

    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"),
                                          primary_key=True)
    item_code: Mapped[str] = mapped_column(String(40), primary_key=True, index=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class PersonalDataExport(Base):
    """Every export that wrote personal data (who, when, what, where), as the personal
    information law asks."""

    __tablename__ = "personal_data_exports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[_dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow,
                                             index=True)
    kind: Mapped[str] = mapped_column(String(40), nullable=False)  # visits_export | report …
    officer: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    path: Mapped[str] = mapped_column(String(1000), nullable=False, default="")
    rows: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    detail: Mapped[str] = mapped_column(Text, nullable=False, default="")
