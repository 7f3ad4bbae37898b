"""One import at a time per database: the import lock.

Two desks importing overlapping patent lists at the same moment would otherwise both look
a patent up, find nothing and insert it; the unique indexes (migration 0008) stop the
second insert, but two large imports inserting in different orders could also deadlock on
PostgreSQL.  So an import first takes the database's import lock, held until its
transaction ends: on PostgreSQL a transaction-level advisory lock, on SQLite the write lock
(one writer at a time anyway).  While another desk's import holds it, this one waits
(cancellable), saying so in its progress.
"""

from __future__ import annotations

import logging
import time

from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from desktop.errors import UserError
from desktop.jobs import CancelledFn, ProgressFn, check_cancelled, never_cancelled, no_progress

log = logging.getLogger(__name__)
ADVISORY_KEY = 0x1D35_11B0  # "IP Desk library import"
WAIT_SECONDS = 1800.0
POLL_SECONDS = 0.25
WAITING = "等待其他服务台的导入完成… / waiting for another desk's import to finish…"


def hold(session: Session, progress: ProgressFn = no_progress,
         cancelled: CancelledFn = never_cancelled, *, wait_s: float = WAIT_SECONDS) -> None:
    """Take the import lock in ``session``'s transaction (released when it ends)."""
    deadline = time.monotonic() + wait_s
    postgres = session.get_bind().dialect.name == "postgresql"
    announced = False
    while True:
        if postgres:
            got = bool(session.scalar(text("SELECT pg_try_advisory_xact_lock(:k)"),
                                      {"k": ADVISORY_KEY}))
        else:
            got = _sqlite_write_lock(session)
        if got:
            if announced:
                log.info("the other import finished; importing")
            return
        if not announced:
            log.info("another desk is importing into this database; waiting")
            announced = True
        progress(0, 0, WAITING)
        check_cancelled(cancelled)
        if time.monotonic() > deadline:
            raise UserError("另一个服务台的导入长时间未结束，本次导入未开始，请稍后再试",
                            "another desk's import has not finished for a long time; this "
                            "import did not start — try again later")
        time.sleep(POLL_SECONDS)


def _sqlite_write_lock(session: Session) -> bool:
    """Begin the write transaction now (a write that changes nothing takes SQLite's write
    lock, after its busy timeout); False while another connection writes."""
    try:
        session.execute(text("DELETE FROM library_batches WHERE 0 = 1"))
        return True
    except OperationalError as exc:
        if "locked" not in str(exc) and "busy" not in str(exc):
            raise
        session.rollback()
        return False
