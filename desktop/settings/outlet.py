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
    officers: str = ""  # the desk's officers, separated by 、 or commas (offered in visit forms)

    @property
    def is_set(self) -> bool:
        """The outlet has at least a name (until then handouts say where to fill it in)."""
        return bool(self.name.strip())

    def officer_names(self) -> list[str]:
        parts = self.officers.replace("，", ",").replace("、", ",").replace(";", ",").split(",")
        return [p.strip() for p in parts if p.strip()]


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
