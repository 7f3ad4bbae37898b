"""The offline copy: a small SQLite database in the data folder (``offline.sqlite3``) that
holds what a desk needs when its server cannot be reached — the catalogue and the outlet's
settings (no client, visit or other personal data).

``refresh_cache`` rewrites it from the server after each successful start; ``open_cache``
opens it (schema brought up to date) for the offline context, which serves the catalogue
read-only in practice (visits recorded offline go to the outbox, not here).
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from sqlalchemy import Table, delete, insert, select

from db.migrate import migrate
from db.models import Base, CatalogueItem, CatalogueItemHistory, Setting
from db.session import Database, sqlite_url

log = logging.getLogger(__name__)

CACHE_NAME = "offline.sqlite3"
# copied parent tables first; every column as it is on the server
CACHED_TABLES: tuple[Table, ...] = (Base.metadata.tables[CatalogueItem.__tablename__],
                                    Base.metadata.tables[Setting.__tablename__])
HISTORY = Base.metadata.tables[CatalogueItemHistory.__tablename__]


def cache_path(root: Path) -> Path:
    return root / CACHE_NAME


def open_cache(path: Path) -> Database:
    """The offline copy at ``path`` (created empty if missing), schema up to date."""
    db = Database(sqlite_url(path))
    migrate(db, None)
    return db


def refresh_cache(server: Database, path: Path) -> int:
    """Copy the cached tables from ``server`` into the offline copy (one transaction there,
    so a failure leaves the previous copy).  Returns the number of rows written."""
    started = time.monotonic()
    with server.engine.connect() as conn:
        data = {t.name: [dict(r._mapping) for r in conn.execute(select(t))]
                for t in CACHED_TABLES}
    cache = open_cache(path)
    n = 0
    try:
        with cache.engine.begin() as conn:
            conn.execute(delete(HISTORY))  # not copied; refers to items
            for table in reversed(CACHED_TABLES):
                conn.execute(delete(table))
            for table in CACHED_TABLES:
                rows = data[table.name]
                if rows:
                    conn.execute(insert(table), rows)
                    n += len(rows)
    finally:
        cache.dispose()
    log.info("offline copy refreshed: %d rows in %.2fs", n, time.monotonic() - started)
    return n
