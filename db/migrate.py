"""Bring a database to the app's schema with Alembic, backing up SQLite files first.

A database whose revision this app does not know (written by a newer IP Desk) is refused
with a clear message instead of being touched.
"""

from __future__ import annotations

import datetime as _dt
import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.exc import DBAPIError, OperationalError

from db.errors import as_user_error
from db.session import Database
from desktop.errors import UserError

log = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


@dataclass(frozen=True)
class MigrationReport:
    before: tuple[str, ...]
    after: tuple[str, ...]
    backup: Path | None

    @property
    def changed(self) -> bool:
        return set(self.before) != set(self.after)


def alembic_config(db: Database) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    return cfg


def app_heads() -> tuple[str, ...]:
    script = ScriptDirectory(str(MIGRATIONS_DIR))
    return tuple(sorted(script.get_heads()))


def known_revisions() -> frozenset[str]:
    """Every revision this app's migrations know (an unknown one is from a newer app)."""
    script = ScriptDirectory(str(MIGRATIONS_DIR))
    return frozenset(rev.revision for rev in script.walk_revisions())


def current_revisions(db: Database) -> tuple[str, ...]:
    with db.engine.connect() as conn:
        return tuple(sorted(MigrationContext.configure(conn).get_current_heads()))


def backup_sqlite(path: Path, backups_dir: Path, label: str = "pre-migrate") -> Path:
    """Copy a SQLite file consistently (WAL included) to ``backups_dir`` with a timestamp."""
    backups_dir.mkdir(parents=True, exist_ok=True)
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backups_dir / f"{path.stem}-{label}-{stamp}{path.suffix or '.sqlite3'}"
    src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    log.info("backed up %s to %s", path, target)
    return target


def _describe_db_error(db: Database, exc: Exception, backups_dir: Path | None) -> UserError:
    where = str(db.sqlite_path) if db.sqlite_path else db.display_url()
    known = as_user_error(exc, where, backups_dir)
    if known is not None:
        return known
    text = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
    return UserError(f"无法使用数据库 {where}：{text}", f"cannot use the database {where}: {text}")


def migrate(db: Database, backups_dir: Path | None = None, *,
            as_role: str | None = None) -> MigrationReport:
    """Upgrade ``db`` to the app's heads.  Raises :class:`UserError` when it cannot.

    ``as_role`` (PostgreSQL): run the upgrade as that group role (``SET LOCAL ROLE``), so
    the tables it creates belong to the group, not to the login running it."""
    script = ScriptDirectory(str(MIGRATIONS_DIR))
    heads = tuple(sorted(script.get_heads()))
    try:
        before = current_revisions(db)
        known = {rev.revision for rev in script.walk_revisions()}
        unknown = [rev for rev in before if rev not in known]
        if unknown:
            raise UserError(
                f"该数据库由更新版本的IP Desk创建（版本 {', '.join(unknown)}），"
                "请升级本程序后再打开；数据库未做任何改动。",
                f"this database was written by a newer IP Desk (revision {', '.join(unknown)}); "
                "upgrade the app to open it. The database was not changed.",
            )
        if set(before) == set(heads):
            return MigrationReport(before, before, None)
        backup = None
        path = db.sqlite_path
        if before and path is not None and path.exists() and backups_dir is not None:
            backup = backup_sqlite(path, backups_dir)
        with db.engine.begin() as conn:
            if as_role:
                quoted = conn.dialect.identifier_preparer.quote_identifier(as_role)
                conn.exec_driver_sql(f"SET LOCAL ROLE {quoted}")
            cfg = alembic_config(db)
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "heads")
        after = current_revisions(db)
    except (OperationalError, DBAPIError) as exc:
        raise _describe_db_error(db, exc, backups_dir) from exc
    log.info("database migrated from %s to %s", before or "(empty)", after)
    return MigrationReport(before, after, backup)
