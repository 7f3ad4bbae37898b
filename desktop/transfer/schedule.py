"""Automatic backups of a SQLite desk: every N hours (default 24) a copy of the database in
``backups/`` labelled ``auto``, keeping the newest K of them (default 14).  Manual and
pre-migrate backups are never pruned.

The check runs when the app starts, periodically while the window is open, and from
``ipdesk db auto-backup`` (for cron).  The interval and the number kept are stored in the
desk's database (``settings``; copied neither by ``db copy`` nor meaningful on PostgreSQL).
"""

from __future__ import annotations

import datetime as _dt
import logging
from dataclasses import dataclass, field
from pathlib import Path

from db.backups import list_backups
from db.migrate import backup_sqlite
from db.models import Setting
from db.session import Database
from desktop.errors import FieldProblem, ValidationFailed

log = logging.getLogger(__name__)
HOURS_KEY = "backup.auto_hours"
KEEP_KEY = "backup.auto_keep"
DEFAULT_HOURS = 24
DEFAULT_KEEP = 14
MAX_HOURS = 24 * 365
MAX_KEEP = 1000
LABEL = "auto"


@dataclass(frozen=True)
class AutoBackupSettings:
    hours: int = DEFAULT_HOURS  # 0: no automatic backups
    keep: int = DEFAULT_KEEP


@dataclass(frozen=True)
class AutoBackupResult:
    made: Path | None
    pruned: list[Path] = field(default_factory=list)
    reason: str = ""  # why none was made: off | not-sqlite | no-database | recent
    last: _dt.datetime | None = None  # the newest backup now


def _int(db: Database, key: str, default: int) -> int:
    with db.session() as s:
        row = s.get(Setting, key)
    try:
        return int(row.value) if row is not None and row.value.strip() else default
    except ValueError:
        return default


def get_settings(db: Database) -> AutoBackupSettings:
    return AutoBackupSettings(_int(db, HOURS_KEY, DEFAULT_HOURS), _int(db, KEEP_KEY, DEFAULT_KEEP))


def set_settings(db: Database, value: AutoBackupSettings) -> AutoBackupSettings:
    problems = []
    if not 0 <= value.hours <= MAX_HOURS:
        problems.append(FieldProblem("hours", f"备份间隔应在 0–{MAX_HOURS} 小时之间（0 为不自动备份）",
                                     f"the interval is 0–{MAX_HOURS} hours (0: off)"))
    if not 1 <= value.keep <= MAX_KEEP:
        problems.append(FieldProblem("keep", f"保留份数应在 1–{MAX_KEEP} 之间",
                                     f"keep 1–{MAX_KEEP} backups"))
    if problems:
        raise ValidationFailed(problems)
    with db.session() as s:
        for key, v in ((HOURS_KEY, value.hours), (KEEP_KEY, value.keep)):
            row = s.get(Setting, key)
            if row is None:
                s.add(Setting(key=key, value=str(v)))
            else:
                row.value = str(v)
    return value


def last_backup(backups_dir: Path) -> tuple[Path, _dt.datetime] | None:
    found = list_backups(backups_dir)
    if not found:
        return None
    return found[0], _dt.datetime.fromtimestamp(found[0].stat().st_mtime)


def auto_backups(database: Path, backups_dir: Path) -> list[Path]:
    """This database's automatic backups, newest first."""
    prefix = f"{database.stem}-{LABEL}-"
    return [p for p in list_backups(backups_dir) if p.name.startswith(prefix)]


def prune(database: Path, backups_dir: Path, keep: int) -> list[Path]:
    gone = auto_backups(database, backups_dir)[max(1, keep):]
    for p in gone:
        p.unlink(missing_ok=True)
        log.info("pruned the automatic backup %s", p)
    return gone


def run(db: Database, backups_dir: Path, now: _dt.datetime | None = None) -> AutoBackupResult:
    """Make an automatic backup when the newest backup is older than the interval."""
    path = db.sqlite_path
    if path is None:
        return AutoBackupResult(None, reason="not-sqlite")
    if not path.exists():
        return AutoBackupResult(None, reason="no-database")
    conf = get_settings(db)
    newest = last_backup(backups_dir)
    if conf.hours == 0:
        return AutoBackupResult(None, reason="off", last=newest[1] if newest else None)
    now = now or _dt.datetime.now()
    if newest is not None and now - newest[1] < _dt.timedelta(hours=conf.hours):
        return AutoBackupResult(None, prune(path, backups_dir, conf.keep), "recent", newest[1])
    made = backup_sqlite(path, backups_dir, label=LABEL)
    pruned = prune(path, backups_dir, conf.keep)
    return AutoBackupResult(made, pruned, "", _dt.datetime.fromtimestamp(made.stat().st_mtime))
