"""The outlet's profile (name, contact): stored in the database, so every desk sharing
the database prints the same outlet on handouts and forms."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from sqlalchemy import select

from db.models import Setting
from db.session import Database


@dataclass
class Outlet:
    """The service outlet this database belongs to (printed on handouts and forms)."""

    name: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    hours: str = ""


_PREFIX = "outlet."


def get_outlet(db: Database) -> Outlet:
    with db.session() as s:
        rows = s.execute(select(Setting).where(Setting.key.like(f"{_PREFIX}%"))).scalars()
        values = {r.key[len(_PREFIX):]: r.value for r in rows}
    known = {f.name for f in fields(Outlet)}
    return Outlet(**{k: v for k, v in values.items() if k in known})


def set_outlet(db: Database, outlet: Outlet) -> None:
    with db.session() as s:
        for key, value in asdict(outlet).items():
            row = s.get(Setting, _PREFIX + key)
            if row is None:
                s.add(Setting(key=_PREFIX + key, value=str(value or "").strip()))
            else:
                row.value = str(value or "").strip()
