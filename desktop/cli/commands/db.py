"""``db backups | backup | restore-backup [FILE]``: the SQLite database's backups in
``<data folder>/backups/``.  These commands never open (or migrate) the database, so they
work when it is damaged.  ``db copy --to URL`` (a desk joins the network) and
``db auto-backup`` (for cron) do open it; their handlers are in ``backup.py``."""

from __future__ import annotations

import argparse
import datetime as _dt
from pathlib import Path

from desktop.cli.env import CommandEnv
from desktop.errors import UserError
from desktop.paths import DataPaths


def register(sub: argparse._SubParsersAction) -> None:
    from desktop.cli import add_command

    p = add_command(sub, "db", "数据库备份、恢复、角色与用户 / database backups, restore, roles and users")
    inner = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    add_command(inner, "backups", "列出备份（最新在前）/ list the backups, newest first"
                ).set_defaults(handler=run_list)
    add_command(inner, "backup", "立即备份数据库 / back up the database now"
                ).set_defaults(handler=run_backup)
    r = add_command(inner, "restore-backup", "用备份替换数据库（默认最新的可用备份；原文件移到 backups/ 保留）"
                    " / replace the database by a backup (default: the newest usable one; "
                    "the replaced file is kept in backups/)")
    r.add_argument("backup", nargs="?", type=Path, metavar="FILE")
    r.set_defaults(handler=run_restore)
    from desktop.cli import db_users  # roles and logins (PostgreSQL)

    db_users.register(inner)
    from desktop.cli.commands import backup

    c = add_command(inner, "copy", "把本服务台的数据并入共享数据库（加入网络）"
                    " / merge this desk's data into a shared database (join the network)")
    c.add_argument("--to", required=True, metavar="URL", help="the shared database's URL")
    c.add_argument("--dry-run", action="store_true", help="report only, write nothing")
    c.set_defaults(handler=backup.run_copy)
    a = add_command(inner, "auto-backup", "需要时做一次自动备份（供计划任务使用）"
                    " / make an automatic backup when one is due (for cron)")
    a.add_argument("--every", type=int, metavar="HOURS", help="set the interval (0: off)")
    a.add_argument("--keep", type=int, metavar="N", help="set how many automatic backups to keep")
    a.set_defaults(handler=backup.run_auto_backup)


def _paths(env: CommandEnv) -> DataPaths:
    from desktop.paths import resolve_data_paths

    url = env.options.resolved_db_url
    if url and not url.startswith("sqlite"):
        raise UserError("备份命令只适用于数据文件夹中的SQLite数据库",
                        "backups are for the SQLite database in the data folder")
    return resolve_data_paths(env.options.data_dir)


def run_list(env: CommandEnv) -> int:
    from desktop.context import list_backups

    found = list_backups(_paths(env))
    rows = [{"file": str(p), "size": p.stat().st_size,
             "time": _dt.datetime.fromtimestamp(p.stat().st_mtime).isoformat(timespec="seconds")}
            for p in found]
    if env.json:
        env.emit_json(rows)
    elif not rows:
        env.out(env.t("没有备份", "no backups"))
    for r in [] if env.json else rows:
        env.out(f"{r['time']}  {r['size']:>12,}  {r['file']}")
    return 0


def run_backup(env: CommandEnv) -> int:
    from desktop.context import make_backup

    path = make_backup(_paths(env))
    env.emit_json({"backup": str(path)}) if env.json else env.out(
        env.t(f"已备份到 {path}", f"backed up to {path}"))
    return 0


def run_restore(env: CommandEnv) -> int:
    from desktop.context import restore_backup

    paths = _paths(env)
    used, old = restore_backup(paths, env.args.backup)
    if env.json:
        env.emit_json({"restored_from": str(used), "database": str(paths.database),
                       "replaced_file_kept_as": str(old) if old else None})
        return 0
    env.out(env.t(f"已用 {used} 恢复数据库 {paths.database}", f"restored {paths.database} from {used}"))
    if old:
        env.out(env.t(f"原数据库文件已移到 {old}", f"the replaced file was kept as {old}"))
    env.out(env.t("备份之后的改动不在恢复的数据库中。", "changes made after the backup are not in "
                  "the restored database."))
    return 0
