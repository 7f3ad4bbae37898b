"""``backup [-o FILE]`` and ``restore FILE [--yes]``: a portable archive of all data (one
zip file), restorable into SQLite or PostgreSQL; plus the ``db copy`` and ``db auto-backup``
handlers (registered by ``cli/commands/db.py``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli.env import CommandEnv
from desktop.errors import UserError


def register(sub: argparse._SubParsersAction) -> None:
    from desktop.cli import add_command

    b = add_command(sub, "backup", "全部数据备份到一个文件（可恢复到SQLite或PostgreSQL）"
                    " / back up all data to one portable file")
    b.add_argument("-o", "--output", type=Path, metavar="FILE",
                   help="archive file, or a folder for a dated name (default: backups/)")
    b.set_defaults(handler=run_backup)
    r = add_command(sub, "restore", "用备份文件替换全部数据 / replace all data by an archive")
    r.add_argument("archive", type=Path, metavar="FILE")
    r.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    r.add_argument("--no-index", action="store_true",
                   help="do not rebuild the search index afterwards (it is repaired on the "
                        "next search)")
    r.set_defaults(handler=run_restore)


def run_backup(env: CommandEnv) -> int:
    from desktop.transfer import api as transfer

    done = transfer.backup_to_file(env.context(), env.args.output, env.progress)
    if env.json:
        env.emit_json({"file": str(done.path), "size": done.size, "seconds": round(done.seconds, 3),
                       "rows": done.info.counts})
        return 0
    env.out(env.t(f"已备份 {done.info.total_rows:,} 行到 {done.path}（{done.size:,} 字节）",
                  f"backed up {done.info.total_rows:,} rows to {done.path} ({done.size:,} bytes)"))
    return 0


def _describe(env: CommandEnv, info: object) -> list[str]:
    from desktop.transfer.api import ArchiveInfo

    assert isinstance(info, ArchiveInfo)
    main = ("clients", "visits", "library_records", "catalogue_items", "form_documents")
    counts = ", ".join(f"{k} {info.counts.get(k, 0):,}" for k in main)
    return [env.t(f"备份时间：{info.created_at:%Y-%m-%d %H:%M}", f"made: {info.created_at:%Y-%m-%d %H:%M}"),
            env.t(f"来源：{info.source}（{info.source_dialect}，服务台 {info.desk}）",
                  f"source: {info.source} ({info.source_dialect}, desk {info.desk})"),
            env.t(f"内容：{counts}（共 {info.total_rows:,} 行）",
                  f"contents: {counts} ({info.total_rows:,} rows in all)")]


def run_restore(env: CommandEnv) -> int:
    from desktop.transfer import api as transfer

    ctx = env.context()
    info = transfer.read_archive_info(ctx, env.args.archive)
    target = str(ctx.db.sqlite_path or ctx.db.display_url())
    if not env.args.yes:
        if not sys.stdin.isatty():
            raise UserError("恢复会替换当前数据库中的全部数据；确认请加 --yes",
                            "a restore replaces all data in this database; add --yes to confirm")
        for line in _describe(env, info):
            env.err(line)
        env.err(env.t(f"将替换 {target} 中的全部数据。输入 yes 继续：",
                      f"all data in {target} will be replaced. Type yes to go on: "))
        if sys.stdin.readline().strip().lower() not in ("yes", "y", "是"):
            env.err(env.t("已取消，未做任何改动", "cancelled; nothing was changed"))
            return 1
    done = transfer.restore_from_file(ctx, env.args.archive, env.progress,
                                      reindex=not env.args.no_index).value
    if env.json:
        env.emit_json({"restored_from": str(done.path), "database": target,
                       "rows": done.counts, "seconds": round(done.seconds, 3),
                       "sqlite_backup": str(done.sqlite_backup) if done.sqlite_backup else None,
                       "reindexed": done.reindexed})
        return 0
    for line in _describe(env, done.info):
        env.out(line)
    env.out(env.t(f"已恢复到 {target}", f"restored into {target}"))
    if done.sqlite_backup:
        env.out(env.t(f"恢复前的数据库已备份到 {done.sqlite_backup}",
                      f"the database before the restore was backed up to {done.sqlite_backup}"))
    if not done.reindexed:
        env.out(env.t("检索索引将在下次检索时重建", "the search index is rebuilt on the next search"))
    return 0


def run_copy(env: CommandEnv) -> int:
    from desktop.transfer import api as transfer

    rep = transfer.copy_to_database(env.context(), env.args.to, dry_run=env.args.dry_run,
                                    progress=env.progress)
    if env.json:
        env.emit_json(rep.to_dict())
        return 0
    for line in rep.lines(env.lang):
        env.out(line)
    return 0


def run_auto_backup(env: CommandEnv) -> int:
    from desktop.transfer import api as transfer

    ctx = env.context()
    if env.args.every is not None or env.args.keep is not None:
        now = transfer.get_auto_backup(ctx)
        transfer.set_auto_backup(ctx, transfer.AutoBackupSettings(
            now.hours if env.args.every is None else env.args.every,
            now.keep if env.args.keep is None else env.args.keep))
    res = transfer.auto_backup(ctx)
    if env.json:
        env.emit_json({"made": str(res.made) if res.made else None, "reason": res.reason,
                       "pruned": [str(p) for p in res.pruned],
                       "last": res.last.isoformat(timespec="seconds") if res.last else None})
        return 0
    reasons = {"off": ("自动备份已关闭", "automatic backups are off"),
               "not-sqlite": ("自动备份只适用于SQLite数据库", "automatic backups are for SQLite desks"),
               "no-database": ("还没有数据库", "there is no database yet"),
               "recent": (f"最近的备份在 {res.last:%Y-%m-%d %H:%M}，无需备份" if res.last else "",
                          f"the newest backup is from {res.last:%Y-%m-%d %H:%M}; none needed"
                          if res.last else "")}
    if res.made:
        env.out(env.t(f"已备份到 {res.made}", f"backed up to {res.made}"))
    else:
        env.out(env.t(*reasons.get(res.reason, (res.reason, res.reason))))
    for p in res.pruned:
        env.out(env.t(f"已删除旧的自动备份 {p}", f"removed the old automatic backup {p}"))
    return 0
