"""The application context: data folder, database and outlet settings, opened once.

Both faces (command line and GUI) open one ``AppContext`` and hand it to the capability
functions.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from db.migrate import MigrationReport, migrate
from db.session import Database, sqlite_url
from desktop.paths import DataPaths, resolve_data_paths

log = logging.getLogger(__name__)


@dataclass
class AppContext:
    paths: DataPaths
    db: Database
    migration: MigrationReport | None = None
    extras: dict[str, object] = field(default_factory=dict)

    def close(self) -> None:
        self.db.dispose()


def open_context(
    data_dir: str | os.PathLike[str] | None = None,
    db_url: str | None = None,
    *,
    run_migrations: bool = True,
) -> AppContext:
    """Resolve the data folder, open the database and bring its schema up to date.

    Raises :class:`desktop.errors.UserError` for an unusable folder or database.
    """
    paths = resolve_data_paths(data_dir)
    paths.ensure()
    url = db_url or os.environ.get("IPDESK_DB_URL") or sqlite_url(paths.database)
    db = Database(url)
    report = migrate(db, paths.backups_dir) if run_migrations else None
    return AppContext(paths=paths, db=db, migration=report)


def context_for_tests(root: Path, db_url: str | None = None) -> AppContext:
    """A fresh context under ``root`` (used by tests and benchmarks)."""
    return open_context(root, db_url)
