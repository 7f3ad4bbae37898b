"""Quick profiles: a client known only by name (and perhaps its type and zone), created
while a visit is recorded or an old log is imported.

:func:`add_quick` writes inside a session the caller owns, so a visit and the profile it
names are saved in one transaction: when the visit fails, the profile is not left behind.
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Client
from desktop.clients.model import CLIENT_KINDS, ClientData
from desktop.clients.service import apply_fields, stamp, to_data
from desktop.clients.validation import normalise_client
from desktop.errors import FieldProblem, ValidationFailed

_ENTERPRISE = re.compile(r"(公司|有限|合作社|厂|集团|企业|商行|店|工作室|事务所|中心$)")
_UNIVERSITY = re.compile(r"(大学|学院|学校|研究院|研究所|科学院|实验室)")
_INSTITUTION = re.compile(r"(局|委员会|管委会|政府|办公室|协会|学会|联合会|医院|站$|所$)")


def guess_kind(name: str) -> str:
    """The client type a name suggests: 公司/有限/合作社/厂 … → enterprise, 大学/学院/研究所
    → university, 局/管委会/协会 … → institution, a short name (≤ 4 characters, a person's
    name) → individual; otherwise enterprise."""
    text = "".join(name.split())
    if _UNIVERSITY.search(text):
        return "university"
    if _ENTERPRISE.search(text):
        return "enterprise"
    if _INSTITUTION.search(text):
        return "institution"
    if 0 < len(text) <= 4:
        return "individual"
    return "enterprise"


def quick_profile(name: str, kind: str | None = None, region: str | None = None
                  ) -> tuple[ClientData, list[FieldProblem]]:
    """A cleaned quick profile and its problems (no database)."""
    data = ClientData(name=name, kind=(kind if kind in CLIENT_KINDS else None)
                      or guess_kind(name), region=region,
                      notes="快速建档（接待登记）")
    return normalise_client(data)


def find_by_name(s: Session, name: str) -> ClientData | None:
    """The client with exactly this name (the most recently updated one if several)."""
    row = s.execute(select(Client).where(Client.name == " ".join(name.split()))
                    .order_by(Client.updated_at.desc(), Client.id.desc()).limit(1)
                    ).scalars().first()
    return to_data(row) if row is not None else None


def add_quick(s: Session, name: str, kind: str | None = None,
              region: str | None = None, actor: str = "") -> ClientData:
    """Add a quick profile to session ``s`` (flushed, so it has its id); committed or rolled
    back with the caller's transaction.  Raises ``ValidationFailed`` for a bad name."""
    clean, problems = quick_profile(name, kind, region)
    hard = [p for p in problems if not p.warn_only]
    if hard:
        raise ValidationFailed(hard)
    row = Client()
    apply_fields(row, clean)
    stamp(row, actor)
    s.add(row)
    s.flush()
    return to_data(row)
