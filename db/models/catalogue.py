"""Service-item catalogue (公共服务事项清单): current items and their previous versions."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, TimestampMixin, utcnow


class CatalogueItem(TimestampMixin, Base):
    __tablename__ = "catalogue_items"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    category: Mapped[str] = mapped_column(String(40), nullable=False, index=True)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    version: Mapped[str] = mapped_column(String(40), nullable=False)
    effective_date: Mapped[_dt.date] = mapped_column(Date, nullable=False)
    # bundled | import | edit: where the current version came from
    origin: Mapped[str] = mapped_column(String(20), nullable=False, default="bundled")
    # the whole validated item (desktop.catalogue.schema.ServiceItem as JSON data)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    # optimistic locking: bumped on every UPDATE; a save from a stale copy is refused
    lock_version: Mapped[int] = mapped_column(Integer, nullable=False, default=1,
                                              server_default="1")
    updated_by: Mapped[str] = mapped_column(String(100), nullable=False, default="",
                                            server_default="")

    __mapper_args__ = {"version_id_col": lock_version}


class CatalogueItemHistory(Base):
    """One earlier version of an item, kept whenever the item is changed or retired."""

    __tablename__ = "catalogue_item_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), nullable=False, index=True)
    version: Mapped[str] = mapped_column(String(40), nullable=False)
    # changed | retired | restored (what replaced this version)
    action: Mapped[str] = mapped_column(String(20), nullable=False)
    origin: Mapped[str] = mapped_column(String(20), nullable=False)
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    data: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    recorded_at: Mapped[_dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    recorded_by: Mapped[str] = mapped_column(String(100), nullable=False, default="",
                                             server_default="")
