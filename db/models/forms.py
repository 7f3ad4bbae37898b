"""Generated-document history (表单生成记录): every filled form, with a snapshot of its data
so it can be reopened, edited and generated again."""

from __future__ import annotations

import datetime as _dt

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, utcnow


class FormDocument(Base):
    __tablename__ = "form_documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    form_id: Mapped[str] = mapped_column(String(80), nullable=False, index=True)
    form_version: Mapped[int] = mapped_column(Integer, nullable=False)
    form_name: Mapped[str] = mapped_column(String(200), nullable=False)
    client_id: Mapped[int | None] = mapped_column(
        ForeignKey("clients.id", ondelete="SET NULL"), index=True)
    client_name: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    created_at: Mapped[_dt.datetime] = mapped_column(DateTime, default=utcnow, nullable=False,
                                                     index=True)
    # the canonical field values as JSON (the data snapshot)
    data_json: Mapped[str] = mapped_column(Text, nullable=False)
    output_format: Mapped[str] = mapped_column(String(10), nullable=False)
    output_path: Mapped[str] = mapped_column(String(1000), nullable=False)
    # extra files written with it (e.g. the XLSX patent list), JSON list of paths
    attachments_json: Mapped[str] = mapped_column(Text, nullable=False, default="[]")
    created_by: Mapped[str] = mapped_column(String(100), nullable=False, default="",
                                            server_default="")
