"""The outbox: visits recorded while the desk could not reach its database server.

Each queued visit is one row of ``outbox.sqlite3`` in the data folder, under its idempotency
key (``idem_key``), with the record as JSON.  ``send`` saves them on the server oldest first —
the server stores a key once (``service.write_visit``), so a replay after a crash between the
server's commit and the row's removal here adds nothing — and removes each one sent.  A visit
the server refuses (its client was erased meanwhile, say) stays queued with the reason.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import json
import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.connection import is_transient
from desktop.context import AppContext
from desktop.errors import UserError, ValidationFailed
from desktop.visits.model import VisitData
from desktop.visits.service import item_codes, new_idem_key
from desktop.visits.validation import normalise_visit

log = logging.getLogger(__name__)

OUTBOX_NAME = "outbox.sqlite3"
_SCHEMA = """CREATE TABLE IF NOT EXISTS outbox (
    idem_key TEXT PRIMARY KEY,
    queued_at TEXT NOT NULL,
    client_name TEXT NOT NULL DEFAULT '',
    payload TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT ''
)"""
_DATETIMES = ("started_at", "created_at", "updated_at")


@dataclass
class QueuedVisit:
    idem_key: str
    queued_at: str
    visit: VisitData
    client_name: str = ""  # a quick profile to link on sending ("" = ``visit.client_id``)
    attempts: int = 0
    last_error: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"idem_key": self.idem_key, "queued_at": self.queued_at,
                "client_name": self.client_name, "attempts": self.attempts,
                "last_error": self.last_error, "visit": self.visit.as_json()}


@dataclass
class SendReport:
    sent: int = 0  # stored on the server now
    already: int = 0  # were already there (a replay): removed from the outbox, nothing added
    refused: list[tuple[str, str, str]] = field(default_factory=list)  # key, zh, en
    left: int = 0  # still queued

    def to_json(self) -> dict[str, Any]:
        return {"sent": self.sent, "already": self.already, "left": self.left,
                "refused": [{"idem_key": k, "error_zh": zh, "error_en": en}
                            for k, zh, en in self.refused]}


def outbox_path(ctx: AppContext) -> Path:
    return ctx.paths.root / OUTBOX_NAME


@contextmanager
def _open(path: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(path, timeout=10)
    try:
        conn.execute(_SCHEMA)
        with conn:
            yield conn
    finally:
        conn.close()


def visit_from_json(data: dict[str, Any]) -> VisitData:
    names = {f.name for f in dataclasses.fields(VisitData)}
    values = {k: v for k, v in data.items() if k in names}
    for key in _DATETIMES:
        if isinstance(values.get(key), str):
            values[key] = _dt.datetime.fromisoformat(values[key])
    if isinstance(values.get("follow_up"), str):
        values["follow_up"] = _dt.date.fromisoformat(values["follow_up"])
    return VisitData(**values)


def queue_visit(ctx: AppContext, data: VisitData, client_name: str = "") -> VisitData:
    """Keep a new visit in the outbox (checked as far as can be offline: dates, vocabulary,
    catalogue items from the offline copy; the client when it is sent)."""
    if data.id is not None:
        raise UserError("离线时不能修改已保存的接待记录，请在连接恢复后再改",
                        "a saved visit cannot be changed while offline; change it when the "
                        "connection is back")
    clean, problems = normalise_visit(data, item_codes(ctx))
    if problems:
        raise ValidationFailed(problems)
    clean.idem_key = clean.idem_key or new_idem_key()
    now = _dt.datetime.now().replace(microsecond=0).isoformat()
    payload = json.dumps(clean.as_json(), ensure_ascii=False)
    with _open(outbox_path(ctx)) as conn:
        conn.execute("INSERT OR IGNORE INTO outbox (idem_key, queued_at, client_name, payload)"
                     " VALUES (?, ?, ?, ?)", (clean.idem_key, now, client_name.strip(), payload))
    log.info("visit %s queued in the outbox", clean.idem_key)
    return clean


def queued(ctx: AppContext) -> list[QueuedVisit]:
    """The visits waiting to be sent, oldest first."""
    path = outbox_path(ctx)
    if not path.exists():
        return []
    with _open(path) as conn:
        rows = conn.execute("SELECT idem_key, queued_at, client_name, payload, attempts, "
                            "last_error FROM outbox ORDER BY queued_at, rowid").fetchall()
    return [QueuedVisit(key, at, visit_from_json(json.loads(payload)), name, n, err)
            for key, at, name, payload, n, err in rows]


def queued_count(ctx: AppContext) -> int:
    path = outbox_path(ctx)
    if not path.exists():
        return 0
    with _open(path) as conn:
        return int(conn.execute("SELECT count(*) FROM outbox").fetchone()[0])


def send(ctx: AppContext) -> SendReport:
    """Save every queued visit on the server (``ctx.db``), oldest first.  A lost connection
    stops the sending (raised; what was sent stays sent, the rest stays queued)."""
    from desktop.visits.intake import save_with_client
    from desktop.visits.service import save_visit, visit_with_key

    report = SendReport()
    path = outbox_path(ctx)
    for q in queued(ctx):
        with ctx.db.session() as s:
            there = visit_with_key(s, q.idem_key) is not None
        try:
            if not there:
                if q.client_name:
                    save_with_client(ctx, q.visit, q.client_name)
                else:
                    save_visit(ctx, q.visit)
        except (ValidationFailed, UserError) as exc:
            if is_transient(exc):
                raise
            zh, en = exc.message("zh"), exc.message("en")
            report.refused.append((q.idem_key, zh, en))
            with _open(path) as conn:
                conn.execute("UPDATE outbox SET attempts = attempts + 1, last_error = ? "
                             "WHERE idem_key = ?", (zh, q.idem_key))
            continue
        with _open(path) as conn:
            conn.execute("DELETE FROM outbox WHERE idem_key = ?", (q.idem_key,))
        if there:
            report.already += 1
        else:
            report.sent += 1
    report.left = queued_count(ctx)
    if report.sent or report.already:
        log.info("outbox: %d sent, %d already there, %d left", report.sent, report.already,
                 report.left)
    return report
