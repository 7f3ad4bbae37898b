"""Backup to a portable archive file and restore from one (``backup -o FILE``,
``restore FILE``), on SQLite or PostgreSQL alike.

A backup reads one consistent snapshot of the database and writes it to a temporary file in
the output folder, renamed into place only when complete (a full disk or a cancel leaves no
half archive).  A restore checks everything before it touches anything — the file is an IP
Desk archive, every table file matches its checksum, the schema revision is this
database's — then, after a SQLite file has been copied to ``backups/``, replaces all data in
one transaction with an audit entry: killed half-way, the database is as it was.
"""

from __future__ import annotations

import datetime as _dt
import logging
import os
import shutil
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from db.archive import ArchiveReader, Manifest, check_tables, replace_all, snapshot, write_archive
from db.migrate import app_heads, backup_sqlite, current_revisions, known_revisions
from desktop import __version__, audit
from desktop.common.files import no_space
from desktop.context import AppContext
from desktop.errors import UserError
from desktop.jobs import CancelledFn, ProgressFn, never_cancelled, no_progress

log = logging.getLogger(__name__)
SUFFIX = ".zip"


@dataclass(frozen=True)
class ArchiveInfo:
    """What an archive holds, for the confirmation before a restore."""

    path: Path
    created_at: _dt.datetime
    app_version: str
    schema_revision: tuple[str, ...]
    source_dialect: str
    source: str
    desk: str
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total_rows(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class Archived:
    path: Path
    size: int
    seconds: float
    info: ArchiveInfo


@dataclass(frozen=True)
class Restored:
    path: Path
    info: ArchiveInfo
    counts: dict[str, int]
    seconds: float
    sqlite_backup: Path | None = None
    reindexed: bool = False
    index_note: str = ""


def _info(path: Path, m: Manifest) -> ArchiveInfo:
    try:
        created = _dt.datetime.fromisoformat(m.created_at)
    except ValueError:
        created = _dt.datetime.min
    return ArchiveInfo(path=path, created_at=created, app_version=m.app_version,
                       schema_revision=tuple(m.schema_revision),
                       source_dialect=m.source_dialect, source=m.source, desk=m.desk,
                       counts=m.counts)


def default_name(now: _dt.datetime | None = None) -> str:
    return f"ipdesk-backup-{(now or _dt.datetime.now()):%Y%m%d-%H%M%S}{SUFFIX}"


def resolve_output(ctx: AppContext, target: Path | None) -> Path:
    """The archive's final path: ``target`` itself, or a dated name inside ``target`` when
    it is a folder (default: the data folder's ``backups/``).  Never outside that folder."""
    if target is None:
        ctx.paths.backups_dir.mkdir(parents=True, exist_ok=True)
        target = ctx.paths.backups_dir
    target = Path(target).expanduser()
    if target.is_dir():
        folder, name = target, default_name()
    else:
        folder, name = target.parent, target.name
    if not name or name in (".", ".."):
        raise UserError("输出文件名无效", "invalid output file name", file=str(target))
    if not folder.is_dir():
        raise UserError("输出文件夹不存在", "the output folder does not exist", file=str(folder))
    final = folder.resolve() / name
    if final.parent != folder.resolve():
        raise UserError("输出文件必须在指定的文件夹中", "the output file must be in the folder given",
                        file=str(target))
    db_file = ctx.db.sqlite_path
    if db_file is not None and final == db_file.resolve():
        raise UserError("不能把备份写到数据库文件本身", "cannot write the archive over the "
                        "database file itself", file=str(final))
    return final


def backup_to_file(ctx: AppContext, target: Path | None = None,
                   progress: ProgressFn = no_progress,
                   cancelled: CancelledFn = never_cancelled) -> Archived:
    """Write all data to one archive file (see :mod:`db.archive`); returns where and what."""
    final = resolve_output(ctx, target)
    started = time.perf_counter()
    tmp = final.with_name(f".{final.name}.{uuid.uuid4().hex[:8]}.partial")
    manifest = Manifest(app_version=__version__, schema_revision=list(current_revisions(ctx.db)),
                        created_at=_dt.datetime.now().isoformat(timespec="seconds"),
                        source_dialect=ctx.db.engine.dialect.name,
                        source=str(ctx.db.sqlite_path or ctx.db.display_url()),
                        desk=ctx.desk, actor=ctx.actor)
    try:
        with open(tmp, "xb") as fh, snapshot(ctx.db) as conn:
            write_archive(conn, fh, manifest, progress, cancelled)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, final)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        if no_space(exc):
            free = shutil.disk_usage(final.parent).free
            raise UserError(f"磁盘空间不足，备份未写成（剩余 {free / 1e6:.0f} MB）；没有留下不完整的文件",
                            f"the disk is full; no archive was written (free: {free / 1e6:.0f} "
                            "MB) and no partial file was left", file=str(final)) from exc
        raise UserError(f"无法写入备份文件（{exc.strerror or exc}）",
                        f"cannot write the archive ({exc.strerror or exc})",
                        file=str(final)) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    log.info("backed up %d rows to %s", manifest.total_rows, final)
    return Archived(final, final.stat().st_size, time.perf_counter() - started,
                    _info(final, manifest))


def read_archive_info(ctx: AppContext, path: Path) -> ArchiveInfo:
    """The archive's manifest (refused when the file is not an IP Desk archive)."""
    with ArchiveReader(Path(path)) as reader:
        return _info(Path(path), reader.manifest)


def check_revision(ctx: AppContext, m: Manifest, path: Path) -> None:
    have = tuple(sorted(m.schema_revision))
    unknown = [r for r in have if r not in known_revisions()]
    if unknown:
        raise UserError(f"该备份来自更新版本的IP Desk（数据库版本 {', '.join(unknown)}），"
                        "请先升级本程序；数据库未做任何改动",
                        f"this archive comes from a newer IP Desk (schema revision "
                        f"{', '.join(unknown)}); upgrade the app first. Nothing was changed.",
                        file=str(path))
    current = current_revisions(ctx.db)
    if have != current:
        here = ", ".join(current) or "(empty)"
        hint_zh, hint_en = "", ""
        if current != app_heads():
            hint_zh, hint_en = "请先运行 init 升级数据库", "; run 'init' to migrate it first"
        raise UserError(f"备份的数据库版本（{', '.join(have)}）与当前数据库（{here}）不同，无法恢复"
                        f"{'；' + hint_zh if hint_zh else ''}",
                        f"the archive's schema revision ({', '.join(have)}) differs from this "
                        f"database's ({here}){hint_en}; cannot restore", file=str(path))


def restore_from_file(ctx: AppContext, path: Path, progress: ProgressFn = no_progress,
                      cancelled: CancelledFn = never_cancelled, *,
                      reindex: bool = True) -> Restored:
    """Replace all data of ``ctx``'s database by the archive's (see the module docstring)."""
    path = Path(path)
    started = time.perf_counter()
    with ArchiveReader(path) as reader:
        m = reader.manifest
        check_revision(ctx, m, path)
        check_tables(m, path)
        total = max(1, m.total_rows)
        reader.verify(lambda d, _t, s: progress(d, 2 * total, s), cancelled)
        saved = None
        db_file = ctx.db.sqlite_path
        if db_file is not None and db_file.exists():
            saved = backup_sqlite(db_file, ctx.paths.backups_dir, label="pre-restore")
        with ctx.db.session() as s:
            counts = replace_all(s.connection(), reader,
                                 lambda d, _t, n: progress(total + d, 2 * total, n), cancelled)
            audit.record(s, ctx, "restore", str(path), {
                "created_at": m.created_at, "source": m.source, "desk": m.desk,
                "source_dialect": m.source_dialect, "rows": m.total_rows})
    info = _info(path, m)
    log.info("restored %d rows from %s", m.total_rows, path)
    reindexed, note = False, ""
    if reindex:
        reindexed, note = _reindex(ctx)
    return Restored(path, info, counts, time.perf_counter() - started, saved, reindexed, note)


def _reindex(ctx: AppContext) -> tuple[bool, str]:
    """Rebuild the search index from the restored records (a failure leaves it to be
    repaired on the next search)."""
    from desktop.library import api as library

    try:
        library.rebuild_index(ctx)
    except UserError as exc:
        log.warning("index not rebuilt after a restore: %s", exc.message("en"))
        return False, exc.message("en")
    except Exception as exc:  # the data is restored and committed; the index catches up
        log.exception("index not rebuilt after a restore")
        return False, f"{type(exc).__name__}: {exc}"
    return True, ""
