"""Backups of a SQLite database in the data folder's ``backups/``: list, make, restore.

A damaged database is never overwritten: :func:`restore_backup` first moves it (with its
``-wal``/``-shm`` files) into ``backups/`` as ``…-damaged-<time>``, then copies the chosen
backup in place after checking it is a sound SQLite file.
"""

from __future__ import annotations

import datetime as _dt
import logging
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from desktop.errors import UserError

log = logging.getLogger(__name__)
SUFFIXES = (".sqlite3", ".sqlite", ".db")


@dataclass(frozen=True)
class Restored:
    backup: Path
    database: Path
    damaged_copy: Path | None


def list_backups(backups_dir: Path) -> list[Path]:
    """Backups, newest first (damaged copies set aside by a restore are not backups)."""
    if not backups_dir.is_dir():
        return []
    found = [p for p in backups_dir.iterdir()
             if p.is_file() and p.suffix in SUFFIXES and "-damaged-" not in p.name]
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def newest_backup(backups_dir: Path | None) -> Path | None:
    found = list_backups(backups_dir) if backups_dir is not None else []
    return found[0] if found else None


def sound(path: Path) -> str | None:
    """None when ``path`` is a readable SQLite database that passes ``quick_check``,
    else the reason."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute("PRAGMA quick_check").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return str(exc)
    return None if row and row[0] == "ok" else str(row[0] if row else "no result")


def restore_backup(database: Path, backups_dir: Path, backup: Path | None = None) -> Restored:
    """Put ``backup`` (default: the newest sound one) in place of ``database``."""
    candidates = [backup] if backup is not None else list_backups(backups_dir)
    if not candidates:
        raise UserError(f"{backups_dir} 中没有备份，无法恢复",
                        f"there is no backup in {backups_dir} to restore")
    chosen = None
    for cand in candidates:
        if not cand.is_file():
            raise UserError("备份文件不存在", "backup file not found", file=str(cand))
        why = sound(cand)
        if why is None:
            chosen = cand
            break
        log.warning("backup %s is not usable: %s", cand, why)
        if backup is not None:
            raise UserError(f"备份文件无法使用（{why}）", f"the backup is not usable ({why})",
                            file=str(cand))
    if chosen is None:
        raise UserError(f"{backups_dir} 中没有可用的备份", f"no usable backup in {backups_dir}")
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    damaged_copy = None
    try:
        backups_dir.mkdir(parents=True, exist_ok=True)
        if database.exists():
            damaged_copy = backups_dir / f"{database.stem}-damaged-{stamp}{database.suffix}"
            shutil.move(str(database), damaged_copy)
        for extra in ("-wal", "-shm", "-journal"):
            side = database.with_name(database.name + extra)
            if side.exists():
                shutil.move(str(side), backups_dir / (damaged_copy or database).name
                            .replace(database.suffix, database.suffix + extra))
        tmp = database.with_name(f".{database.name}.restoring")
        shutil.copy2(chosen, tmp)
        tmp.replace(database)
    except OSError as exc:
        raise UserError(f"恢复失败（{exc.strerror or exc}），数据库文件未改动或已移到 {damaged_copy}",
                        f"the restore failed ({exc.strerror or exc}); the database is unchanged "
                        f"or was moved to {damaged_copy}", file=str(database)) from exc
    log.info("restored %s from %s (damaged file kept as %s)", database, chosen, damaged_copy)
    return Restored(chosen, database, damaged_copy)


def damaged_hint(backups_dir: Path | None) -> tuple[str, str]:
    """The second half of the "database damaged" sentence: where the newest backup is."""
    newest = newest_backup(backups_dir)
    if newest is None:
        return (f"{backups_dir or 'backups/'} 中没有备份；请从其他备份恢复该文件",
                f"there is no backup in {backups_dir or 'backups/'}; restore the file from "
                "another copy")
    when = _dt.datetime.fromtimestamp(newest.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    return (f"最新备份为 {newest}（{when}），运行 ipdesk db restore-backup 可恢复（损坏的文件会移到 "
            "backups/ 保留）",
            f"the newest backup is {newest} ({when}); run 'ipdesk db restore-backup' to restore "
            "it (the damaged file is kept in backups/)")
