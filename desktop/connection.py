"""The connection to a database server: is it there, what a lost connection means, and the
desk's offline state.

A desk on PostgreSQL can lose its server (a restart, the network, a laptop moved).  This
kernel module tells a *transient* connection failure from anything else (``is_transient``),
turns one into a clear :class:`ConnectionLost` message, retries a read once and never a write
(``call_read`` / ``call_write``: the session that failed was rolled back by
``Database.session``, so nothing is half-written), and keeps the desk's state
(:class:`Network`: online/offline, callbacks when it changes, retry with backoff).

Offline, ``ctx.db`` is the local cache (``offline.sqlite3`` in the data folder, a copy of the
catalogue made at each successful start, see :mod:`db.offline_cache`); when the server is back
``go_online`` puts the server's database back.  A SQLite desk is never offline.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from db.migrate import migrate
from db.offline_cache import cache_path, open_cache, refresh_cache
from db.session import Database, normalise_url, sqlite_url
from desktop.context import AppContext
from desktop.errors import UserError
from desktop.paths import DataPaths

log = logging.getLogger(__name__)
T = TypeVar("T")

NETWORK_KEY = "kernel.network"
PING_TIMEOUT_S = 3
# phrases of the drivers' messages that mean "the server is not there (now)"
TRANSIENT_PHRASES = (
    "server closed the connection", "connection refused", "could not connect",
    "terminating connection", "connection timeout", "timeout expired", "connection reset",
    "connection is closed", "the connection is lost", "connection not open",
    "consuming input failed", "the database system is shutting down",
    "the database system is starting up", "the database system is in recovery mode",
    "no route to host", "network is unreachable", "could not translate host name",
    "failed to resolve host", "ssl connection has been closed", "broken pipe",
    "too many clients already", "remaining connection slots are reserved",
)
TRANSIENT_CLASSES = ("AdminShutdown", "CannotConnectNow", "CrashShutdown",
                     "ConnectionFailure", "ConnectionException",
                     "SqlclientUnableToEstablishSqlconnection")


class ConnectionLost(UserError):
    """The database server could not be reached; nothing of the operation was written."""


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    cur: BaseException | None = exc
    while cur is not None and cur not in seen and len(seen) < 10:
        seen.append(cur)
        orig = getattr(cur, "orig", None)
        cur = orig if isinstance(orig, BaseException) else (cur.__cause__ or cur.__context__)
    return seen


def is_transient(exc: BaseException) -> bool:
    """A lost or refused connection to a database server (not SQLite's locked file, not a
    constraint or a bug): worth retrying once the server is back."""
    if isinstance(exc, ConnectionLost):
        return True
    for e in _chain(exc):
        if isinstance(e, DBAPIError) and e.connection_invalidated:
            return True
        if type(e).__name__ in TRANSIENT_CLASSES:
            return True
        module = type(e).__module__ or ""
        if "sqlite" in module:
            return False
        if module.startswith(("psycopg", "sqlalchemy")) or isinstance(e, (OSError,
                                                                          SQLAlchemyError)):
            low = str(e).lower()
            if any(p in low for p in TRANSIENT_PHRASES):
                return True
    return False


def lost_on_save(exc: BaseException | None = None) -> ConnectionLost:
    err = ConnectionLost(
        "与数据库服务器的连接中断，本次保存未写入任何内容；你的输入仍保留，连接恢复后可再保存",
        "the connection to the database server was lost; nothing of this save was written. "
        "Your input is kept: save again when the connection is back")
    if exc is not None:
        err.__cause__ = exc
    return err


def lost_on_read(exc: BaseException | None = None) -> ConnectionLost:
    err = ConnectionLost("与数据库服务器的连接中断，暂时无法读取；正在重试连接…",
                         "the connection to the database server was lost; it cannot be read "
                         "now. Reconnecting…")
    if exc is not None:
        err.__cause__ = exc
    return err


def ping(db: Database) -> bool:
    """Can ``db`` be reached now?  (``SELECT 1``, the pool checking its connection first;
    SQLite: always.)"""
    if db.is_sqlite:
        return True
    try:
        with db.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return True
    except Exception as exc:
        log.debug("ping %s failed: %s", db.display_url(), exc)
        return False


def ping_url(url: str, timeout_s: float = PING_TIMEOUT_S) -> bool:
    """:func:`ping` on a throw-away engine for ``url`` (the offline desk's probe)."""
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    url = normalise_url(url)
    if url.startswith("sqlite"):
        return True
    args = {"connect_timeout": max(1, int(timeout_s))} if "psycopg" in url else {}
    engine = create_engine(url, poolclass=NullPool, connect_args=args)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return True
    except Exception as exc:
        log.debug("probe failed: %s", exc)
        return False
    finally:
        engine.dispose()


@dataclass
class Backoff:
    """Delays between reconnection attempts: ``first``, doubling up to ``most`` seconds."""

    first: float = 2.0
    most: float = 30.0
    attempts: int = 0

    def next_delay(self) -> float:
        delay = min(self.most, self.first * (2 ** self.attempts))
        self.attempts += 1
        return delay

    def reset(self) -> None:
        self.attempts = 0


StateCallback = Callable[[bool], None]


@dataclass
class Network:
    """One desk's connection state (kept on the context under ``NETWORK_KEY``)."""

    server_url: str | None = None  # None: a desk of its own (SQLite), never offline
    cache_url: str | None = None  # the local catalogue copy served while offline
    offline: bool = False
    since: float = field(default_factory=time.monotonic)
    backoff: Backoff = field(default_factory=Backoff)
    _callbacks: list[StateCallback] = field(default_factory=list, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def on_change(self, callback: StateCallback) -> None:
        """``callback(online)`` when the state changes (called on the thread that saw it)."""
        self._callbacks.append(callback)

    def set_online(self, online: bool) -> bool:
        """Record the state; True when it changed (the callbacks were called)."""
        with self._lock:
            if self.offline == (not online):
                return False
            self.offline = not online
            self.since = time.monotonic()
            if online:
                self.backoff.reset()
        log.warning("database server %s", "reachable again" if online else "unreachable")
        for cb in list(self._callbacks):
            try:
                cb(online)
            except Exception:
                log.exception("connection state callback failed")
        return True


def network(ctx: AppContext) -> Network:
    """This context's connection state."""
    return ctx.service(NETWORK_KEY, lambda: Network(
        server_url=None if ctx.db.is_sqlite else ctx.db.url), Network)


def is_offline(ctx: AppContext) -> bool:
    return network(ctx).offline


def report_failure(ctx: AppContext, exc: BaseException) -> None:
    """A call failed: when the failure is a lost connection, the desk is offline."""
    if is_transient(exc) and network(ctx).server_url is not None:
        if not ping(ctx.db):
            network(ctx).set_online(False)


def call_read(ctx: AppContext, fn: Callable[[], T]) -> T:
    """Run a read; a lost connection is retried once (the pool reconnects), then reported
    as :class:`ConnectionLost` and the desk marked offline."""
    try:
        return fn()
    except Exception as exc:
        if not is_transient(exc) or isinstance(exc, UserError):
            raise
        log.info("read failed on a lost connection; retrying once: %s", exc)
    try:
        return fn()
    except Exception as exc:
        if not is_transient(exc) or isinstance(exc, UserError):
            raise
        report_failure(ctx, exc)
        raise lost_on_read(exc) from exc


def _refused_offline(ctx: AppContext, exc: BaseException) -> bool:
    """A write refused by the read-only offline copy."""
    return ctx.db.read_only and any("readonly database" in str(e) or "read-only" in str(e)
                                    for e in _chain(exc))


def call_write(ctx: AppContext, fn: Callable[[], T]) -> T:
    """Run a write; a lost connection is never retried (its transaction was rolled back)
    but reported as :class:`ConnectionLost` — the caller keeps the input for a new try.
    Offline, a write the offline copy refuses is reported the same way."""
    try:
        return fn()
    except Exception as exc:
        if _refused_offline(ctx, exc):
            raise lost_on_save(exc) from exc
        if not is_transient(exc) or isinstance(exc, UserError):
            raise
        report_failure(ctx, exc)
        raise lost_on_save(exc) from exc


def check(ctx: AppContext) -> bool:
    """One health check: ping the server (offline: probe its URL); update the state.
    Returns whether it is reachable.  Switching the database is left to ``go_online``."""
    net = network(ctx)
    if net.server_url is None:
        return True
    if net.offline:
        return ping_url(net.server_url)
    ok = ping(ctx.db)
    if not ok:
        net.set_online(False)
    return ok


def go_offline(ctx: AppContext) -> None:
    """Serve the local catalogue copy (if there is one) while the server is away."""
    net = network(ctx)
    if net.server_url is None:
        return
    if net.cache_url and ctx.db.url == net.server_url:
        ctx.replace_db(Database(net.cache_url, read_only=True), keep=(NETWORK_KEY,))
    net.set_online(False)


def go_online(ctx: AppContext) -> bool:
    """If the server answers again: put its database back on the context (services made on
    the cache are dropped and made anew) and mark the desk online.  Returns success."""
    net = network(ctx)
    if net.server_url is None:
        return True
    if not ping_url(net.server_url):
        return False
    if ctx.db.url != net.server_url:
        server = Database(net.server_url)
        try:
            migrate(server, None)  # a desk that started offline has not checked it yet
        except Exception:
            server.dispose()
            raise
        ctx.replace_db(server, keep=(NETWORK_KEY,))
    net.set_online(True)
    refresh_offline_copy(ctx)
    return True


def open_offline(paths: DataPaths, server_url: str,
                 prepare: Callable[[AppContext], object] | None = None) -> AppContext:
    """The context of a desk whose server cannot be reached at start: ``ctx.db`` is the
    offline copy, read-only (the catalogue and settings as last seen); the local search
    index is searched as it is; new visits go to the outbox.  ``prepare(ctx)`` runs on the
    copy while it can still be written (the composition root loads the bundled catalogue
    there, for a desk that has never reached its server)."""
    paths.ensure()
    cache = open_cache(cache_path(paths.root))
    ctx = AppContext(paths=paths, db=cache)
    net = Network(server_url=normalise_url(server_url), cache_url=cache.url, offline=True)
    ctx.service(NETWORK_KEY, lambda: net, Network)
    if prepare is not None:
        try:
            prepare(ctx)
        except Exception as exc:
            log.warning("offline copy not prepared: %s", exc)
    ctx.replace_db(Database(cache.url, read_only=True), keep=(NETWORK_KEY,))
    log.info("offline: the database server %s cannot be reached; serving the offline copy",
                Database.display(server_url))
    return ctx


def remember_server(ctx: AppContext) -> Network:
    """An online desk on a server: note where its offline copy lives."""
    net = network(ctx)
    if net.server_url is not None:
        net.cache_url = sqlite_url(cache_path(ctx.paths.root))
    return net


def refresh_offline_copy(ctx: AppContext) -> bool:
    """Rewrite the offline copy from the server (after a start or a reconnection); a
    failure is logged, never fatal.  Returns whether it was written."""
    net = network(ctx)
    if net.server_url is None or net.offline or ctx.db.url != net.server_url:
        return False
    try:
        refresh_cache(ctx.db, cache_path(ctx.paths.root))
        return True
    except Exception as exc:
        log.warning("offline copy not refreshed: %s", exc)
        return False
