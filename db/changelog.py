"""The change log every desk's derived data (its search index) follows.

A writer calls :func:`note` in the same transaction as the change, so a change and its log
row commit together or not at all.  Readers fetch rows after the last ``seq`` they applied
(:func:`read`).  ``seq`` is handed out when the row is inserted, not when it commits, so on
PostgreSQL a row with a lower ``seq`` can become visible after a higher one: readers track
the missing numbers ("gaps") and look at them again (``desktop.library.search.follow``).

The database's identity (a random id stored in ``settings`` by migration 0008) tells a desk
whether its index was built from this database or another one.
"""

from __future__ import annotations

import datetime as _dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

from sqlalchemy import Table, and_, func, insert, or_, select
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from db.base import utcnow
from db.models.network import ChangeLog
from db.models.settings import Setting

LIBRARY = "library"
CATALOGUE = "catalogue"
UPSERT = "upsert"
DELETE = "delete"
IDENTITY_KEY = "database.identity"
_T = cast(Table, ChangeLog.__table__)
_CHUNK = 5000


@dataclass(frozen=True)
class Change:
    seq: int
    kind: str
    key: str
    op: str
    origin: str
    at: _dt.datetime


def note(session: Session, kind: str, keys: Iterable[object], op: str = UPSERT,
         origin: str = "") -> int:
    """Log that the records ``keys`` of ``kind`` changed (``op`` upsert | delete), inside the
    caller's transaction; one bulk insert.  Returns how many rows were written."""
    now = utcnow()
    rows = [{"at": now, "kind": kind, "key": str(k)[:64], "op": op, "origin": origin[:100]}
            for k in dict.fromkeys(keys)]
    for i in range(0, len(rows), _CHUNK):
        session.execute(insert(_T), rows[i:i + _CHUNK])
    return len(rows)


def max_seq(session: Session) -> int:
    return int(session.scalar(select(func.max(_T.c.seq))) or 0)


def read(session: Session, after: int, gaps: Iterable[tuple[int, int]] = (),
         limit: int | None = None) -> list[Change]:
    """Rows with ``seq > after``, and rows inside the ``gaps`` (inclusive ranges), by seq
    (the first ``limit`` of them)."""
    cond = [_T.c.seq > after] + [and_(_T.c.seq >= lo, _T.c.seq <= hi) for lo, hi in gaps]
    q = select(_T.c.seq, _T.c.kind, _T.c.key, _T.c.op, _T.c.origin, _T.c.at) \
        .where(or_(*cond)).order_by(_T.c.seq).limit(limit)
    return [Change(int(r.seq), r.kind, r.key, r.op, r.origin, r.at) for r in session.execute(q)]


def seqs_between(session: Session, lo: int, hi: int) -> list[int]:
    """The seqs present in ``[lo, hi]`` (to find the gaps below a starting point)."""
    q = select(_T.c.seq).where(_T.c.seq >= lo, _T.c.seq <= hi).order_by(_T.c.seq)
    return [int(s) for s in session.scalars(q)]


def new_identity() -> str:
    return uuid.uuid4().hex


def identity(session: Session) -> str:
    """This database's identity (created here if a restore or copy lost it; a connection
    that may not write falls back to an identity made from the database's name)."""
    row = session.get(Setting, IDENTITY_KEY)
    if row is not None and row.value:
        return row.value
    value = new_identity()
    try:
        with session.begin_nested():
            session.add(Setting(key=IDENTITY_KEY, value=value))
        return value
    except IntegrityError:  # another desk created it at the same moment
        again = session.get(Setting, IDENTITY_KEY, populate_existing=True)
        return again.value if again is not None else value
    except DBAPIError:  # no right to write settings (a read-only role)
        url = session.connection().engine.url
        return f"url:{url.render_as_string(hide_password=True)}"
