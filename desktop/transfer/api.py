"""The transfer capability's front door: moving data between databases.

- a portable archive of all data, restorable into SQLite or PostgreSQL:
  :func:`backup_to_file`, :func:`read_archive_info`, :func:`restore_from_file`;
- a desk joining the network: :func:`copy_to_database` merges this desk's data into a
  shared database (``db copy --to URL``);
- automatic backups of a SQLite desk: :func:`auto_backup`, :func:`get_auto_backup`,
  :func:`set_auto_backup`, :func:`backup_status`.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

from desktop.changes import Changes, Op
from desktop.context import AppContext
from desktop.jobs import CancelledFn, ProgressFn, never_cancelled, no_progress
from desktop.transfer import merge, portable, schedule
from desktop.transfer.merge import CopyReport, TableReport
from desktop.transfer.portable import Archived, ArchiveInfo, Restored
from desktop.transfer.schedule import AutoBackupResult, AutoBackupSettings

# a restore replaces everything: every page refreshes
EVERYTHING = Changes(clients=True, catalogue=True, library=True, documents=True, settings=True,
                     visits=True)


@dataclass(frozen=True)
class BackupStatus:
    settings: AutoBackupSettings
    is_sqlite: bool
    last_path: Path | None
    last_at: _dt.datetime | None


def default_name() -> str:
    """The dated file name a backup gets in a folder (``ipdesk-backup-YYYYmmdd-HHMMSS.zip``)."""
    return portable.default_name()


def backup_to_file(ctx: AppContext, target: Path | None = None,
                   progress: ProgressFn = no_progress,
                   cancelled: CancelledFn = never_cancelled) -> Archived:
    """Write all data to one archive file (``target`` a file, or a folder for a dated name;
    default the data folder's ``backups/``)."""
    return portable.backup_to_file(ctx, target, progress, cancelled)


def read_archive_info(ctx: AppContext, path: Path) -> ArchiveInfo:
    """What an archive holds (date, source, row counts); refuses a file that is not one."""
    return portable.read_archive_info(ctx, path)


def restore_from_file(ctx: AppContext, path: Path, progress: ProgressFn = no_progress,
                      cancelled: CancelledFn = never_cancelled, *,
                      reindex: bool = True) -> Op[Restored]:
    """Replace all data by the archive's, in one transaction (checked first; a SQLite file
    is backed up before); the search index is rebuilt afterwards unless ``reindex`` False."""
    return Op(portable.restore_from_file(ctx, path, progress, cancelled, reindex=reindex),
              EVERYTHING)


def copy_to_database(ctx: AppContext, url: str, *, dry_run: bool = False,
                     progress: ProgressFn = no_progress,
                     cancelled: CancelledFn = never_cancelled) -> CopyReport:
    """Merge this desk's data into the database at ``url`` (see :mod:`.merge`)."""
    return merge.copy_to(ctx, url, dry_run=dry_run, progress=progress, cancelled=cancelled)


def get_auto_backup(ctx: AppContext) -> AutoBackupSettings:
    return schedule.get_settings(ctx.db)


def set_auto_backup(ctx: AppContext, value: AutoBackupSettings) -> Op[AutoBackupSettings]:
    """Set the interval (hours, 0 = off) and how many automatic backups are kept."""
    return Op(schedule.set_settings(ctx.db, value), Changes(settings=True))


def auto_backup(ctx: AppContext, now: _dt.datetime | None = None) -> AutoBackupResult:
    """Back up a SQLite desk when its newest backup is older than the interval; prune the
    automatic backups beyond the number kept."""
    return schedule.run(ctx.db, ctx.paths.backups_dir, now)


def backup_status(ctx: AppContext) -> BackupStatus:
    last = schedule.last_backup(ctx.paths.backups_dir)
    return BackupStatus(schedule.get_settings(ctx.db), ctx.db.is_sqlite,
                        last[0] if last else None, last[1] if last else None)


__all__ = ["EVERYTHING", "ArchiveInfo", "Archived", "AutoBackupResult", "AutoBackupSettings",
           "BackupStatus", "CopyReport", "Restored", "TableReport", "auto_backup",
           "backup_status", "backup_to_file", "copy_to_database", "default_name", "get_auto_backup",
           "read_archive_info", "restore_from_file", "set_auto_backup"]
