"""The application context every capability call takes first: data folder, database,
the cross-capability wiring, and per-context caches.

It is opened once by the composition root (:func:`desktop.app.open_app`), which both faces
(command line and GUI) use; tests use the same function.
"""

from __future__ import annotations

import logging
import socket
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from db.errors import as_user_error
from db.migrate import MigrationReport, migrate
from db.session import Database, sqlite_url
from desktop.errors import UserError
from desktop.paths import DataPaths
from desktop.wiring import Wiring

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass
class AppContext:
    paths: DataPaths
    db: Database
    migration: MigrationReport | None = None
    wiring: Wiring = field(default_factory=Wiring)
    # who is signed in (PostgreSQL login or desk profile; "" until someone signs in), their
    # role (admin | officer | readonly; "" = a desk of its own with no profiles: everything)
    # and this desk's name (its host name unless set); written on what they create or change
    actor: str = ""
    role: str = ""
    desk: str = field(default_factory=socket.gethostname)
    _services: dict[str, object] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _closers: list[Callable[[], None]] = field(default_factory=list, repr=False)

    def service(self, key: str, make: Callable[[], T], kind: type[T]) -> T:
        """The one ``kind`` object of this context under ``key`` (made on first use).

        Capabilities keep per-context state here (the library's open index, caches), so
        two contexts (two desks in one test) never share it.
        """
        with self._lock:
            obj = self._services.get(key)
            if not isinstance(obj, kind):
                obj = make()
                self._services[key] = obj
                closer = getattr(obj, "close", None)
                if callable(closer):
                    self._closers.append(closer)
            return obj

    def replace_db(self, db: Database, *, keep: tuple[str, ...] = ()) -> None:
        """Use ``db`` from now on (a desk going offline or back online): the services made
        on the old database are closed (made anew on next use), except those in ``keep``."""
        old = self.db
        with self._lock:
            kept = {k: v for k, v in self._services.items() if k in keep}
            dropped = [v for k, v in self._services.items() if k not in keep]
            closers, self._closers = self._closers, []
            for obj in kept.values():
                closer = getattr(obj, "close", None)
                if callable(closer) and closer in closers:
                    self._closers.append(closer)
            self._services = kept
            self.db = db
        for obj in dropped:
            closer = getattr(obj, "close", None)
            if callable(closer):
                try:
                    closer()
                except Exception:
                    log.exception("closing a context service failed")
        old.dispose()

    def close(self) -> None:
        for closer in reversed(self._closers):
            try:
                closer()
            except Exception:  # closing must go on for the rest
                log.exception("closing a context service failed")
        self._closers.clear()
        self._services.clear()
        self.db.dispose()


def open_context(paths: DataPaths, db_url: str | None = None, *,
                 run_migrations: bool = True) -> AppContext:
    """Open the database for ``paths`` (``db_url`` or the SQLite file there) and bring its
    schema up to date.  Raises :class:`desktop.errors.UserError` for an unusable one.

    Use :func:`desktop.app.open_app`, which also sets up logging and the wiring.
    """
    paths.ensure()
    db = Database(db_url or sqlite_url(paths.database))
    report = migrate(db, paths.backups_dir) if run_migrations else None
    return AppContext(paths=paths, db=db, migration=report)


def user_error_for(exc: BaseException, paths: DataPaths | None = None) -> UserError | None:
    """A database failure the user can understand (locked, damaged, unreachable, read-only,
    disk full) as a :class:`UserError`; None for anything else (a bug).  With ``paths`` a
    damaged database's message names the newest backup."""
    if isinstance(exc, UserError):
        return exc
    if paths is None:
        return as_user_error(exc)
    return as_user_error(exc, str(paths.database), paths.backups_dir)


# -- backups of the SQLite database (``ipdesk db …``; work without opening the database) --

def list_backups(paths: DataPaths) -> list[Path]:
    """The backups in ``backups/``, newest first."""
    from db.backups import list_backups as _list

    return _list(paths.backups_dir)


def make_backup(paths: DataPaths) -> Path:
    """A consistent copy of the data folder's SQLite database in ``backups/`` now."""
    from db.migrate import backup_sqlite

    if not paths.database.exists():
        raise UserError("数据文件夹中还没有数据库", "there is no database in the data folder yet",
                        file=str(paths.database))
    try:
        return backup_sqlite(paths.database, paths.backups_dir, label="manual")
    except (OSError, sqlite3.Error) as exc:
        known = as_user_error(exc, str(paths.database), paths.backups_dir)
        raise known or UserError(f"无法备份数据库（{exc}）", f"cannot back up the database ({exc})",
                                 file=str(paths.database)) from exc


def restore_backup(paths: DataPaths, backup: Path | None = None) -> tuple[Path, Path | None]:
    """Replace the SQLite database by ``backup`` (default: the newest sound one); the file
    replaced is kept in ``backups/``.  Returns (backup used, where the old file went)."""
    from db.backups import restore_backup as _restore

    done = _restore(paths.database, paths.backups_dir, backup)
    return done.backup, done.damaged_copy
