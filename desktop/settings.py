"""Settings: one typed registry.

Per-desk preferences (language, last folders, …) are stored by the GUI with QSettings;
outlet-wide data (outlet name, contact) lives in the database, shared by every desk that
uses it (:func:`get_outlet` / :func:`set_outlet`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from sqlalchemy import select

from db.models import Setting
from db.session import Database


@dataclass(frozen=True)
class Pref:
    key: str
    default: object
    zh: str
    en: str


DESK_PREFS: tuple[Pref, ...] = (
    Pref("ui/language", "zh", "界面语言", "Interface language"),
    Pref("ui/last_folder", "", "上次使用的文件夹", "Last folder used"),
    Pref("forms/folder", "", "表单输出文件夹", "Forms output folder"),
)


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
