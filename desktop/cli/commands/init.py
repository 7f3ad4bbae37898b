"""``init``: create or migrate the database."""

from __future__ import annotations

import argparse

from desktop.cli.env import CommandEnv


def register(sub: argparse._SubParsersAction) -> None:
    from desktop.cli import add_command

    p = add_command(sub, "init", "创建或升级数据库 / create or migrate the database")
    p.set_defaults(handler=run)


def run(env: CommandEnv) -> int:
    ctx = env.context()
    rep = ctx.migration
    revision = list(rep.after) if rep else []
    info: dict[str, object] = {
        "data_dir": str(ctx.paths.root),
        "database": ctx.db.display_url(),
        "revision_before": list(rep.before) if rep else [],
        "revision": revision,
        "backup": str(rep.backup) if rep and rep.backup else None,
    }
    if env.json:
        env.emit_json(info)
        return 0
    env.out(env.t(f"数据文件夹：{info['data_dir']}", f"data folder: {info['data_dir']}"))
    env.out(env.t(f"数据库：{info['database']}", f"database: {info['database']}"))
    if rep and rep.changed:
        env.out(env.t(f"已升级到版本 {', '.join(rep.after)}",
                      f"migrated to revision {', '.join(rep.after)}"))
        if rep.backup:
            env.out(env.t(f"升级前备份：{rep.backup}", f"backup before migrating: {rep.backup}"))
    else:
        env.out(env.t(f"数据库已是最新版本 {', '.join(revision)}",
                      f"database is up to date at {', '.join(revision)}"))
    return 0
