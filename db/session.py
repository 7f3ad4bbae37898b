"""Engine and session factory.

``Database`` wraps one engine: SQLite (WAL, foreign keys on) for a single desk, or any
SQLAlchemy URL (PostgreSQL via psycopg 3) for a network of desks.  Sessions stay inside
``db`` and the capability packages; they hand plain dataclasses to the UI and CLI.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)
CONNECT_TIMEOUT_S = 10


def normalise_url(url: str) -> str:
    """Accept ``postgresql://`` / ``postgres://`` and use the psycopg 3 driver for them."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    try:
        cur.execute("PRAGMA journal_mode=WAL")
    except Exception as exc:  # read-only media: WAL cannot be switched on; keep the default
        if "not a database" in str(exc) or "malformed" in str(exc):
            log.debug("WAL mode not set: %s", exc)  # a damaged file: reported by the caller
        else:
            log.warning("could not switch SQLite to WAL mode", exc_info=True)
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _query_only(dbapi_conn, _record) -> None:
    dbapi_conn.execute("PRAGMA query_only=ON")


def make_engine(url: str, busy_timeout_s: float = 10.0) -> Engine:
    url = normalise_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": busy_timeout_s})
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        # a server that does not answer (a network gone) fails in seconds, not minutes
        args = {} if "connect_timeout" in url else {"connect_timeout": CONNECT_TIMEOUT_S}
        engine = create_engine(url, pool_pre_ping=True, connect_args=args)
    return engine


class Database:
    """One database: its URL, engine and session factory."""

    def __init__(self, url: str, *, busy_timeout_s: float = 10.0,
                 read_only: bool = False) -> None:
        self.url = normalise_url(url)
        self.engine = make_engine(self.url, busy_timeout_s)
        self.read_only = read_only
        if read_only and self.is_sqlite:  # any write fails ("attempt to write a readonly …")
            event.listen(self.engine, "connect", _query_only)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        if not self.is_sqlite:
            return None
        db = make_url(self.url).database
        return Path(db) if db and db != ":memory:" else None

    def display_url(self) -> str:
        return self.display(self.url)

    @staticmethod
    def display(url: str) -> str:
        """``url`` without its password (for messages and logs)."""
        return make_url(normalise_url(url)).render_as_string(hide_password=True)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()
