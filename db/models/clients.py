"""Client profiles (客户档案): enterprises, institutions and individuals served by a desk."""

from __future__ import annotations

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, TimestampMixin


class Client(TimestampMixin, Base):
    __tablename__ = "clients"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False, index=True)
    # enterprise | institution | university | individual | agency
    kind: Mapped[str] = mapped_column(String(20), nullable=False, default="enterprise")
    # 统一社会信用代码 for organisations, 身份证号 for individuals
    id_number: Mapped[str | None] = mapped_column(String(32), index=True)
    id_check_confirmed: Mapped[bool] = mapped_column(default=False, nullable=False)
    address: Mapped[str | None] = mapped_column(String(300))
    postcode: Mapped[str | None] = mapped_column(String(6))
    contact_person: Mapped[str | None] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    industry: Mapped[str | None] = mapped_column(String(100))
    region: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    # optimistic locking: bumped on every UPDATE; a save from a stale copy is refused
    lock_version: Mapped[int] = mapped_column(Integer, nullable=False, default=1,
                                              server_default="1")
    created_by: Mapped[str] = mapped_column(String(100), nullable=False, default="",
                                            server_default="")
    updated_by: Mapped[str] = mapped_column(String(100), nullable=False, default="",
                                            server_default="")

    __mapper_args__ = {"version_id_col": lock_version}
