"""``index update|sync|rebuild|status``: keep the library's search index in line with the
database (``sync``: apply what other desks changed, from the change log)."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from desktop.cli.env import CommandEnv


def register(sub: argparse._SubParsersAction) -> None:
    from desktop.cli import add_command

    p = add_command(sub, "index", "检索索引：更新、重建、状态 / search index: update, rebuild, status")
    p.add_argument("action", choices=("update", "sync", "rebuild", "status"))
    p.add_argument("--procs", type=int, default=None,
                   help="rebuild with this many processes (default: 2 for large libraries)")
    p.set_defaults(handler=run)


def run(env: CommandEnv) -> int:
    from desktop.library import api as library

    ctx = env.context()
    action = env.args.action
    if action == "status":
        st = library.index_status(ctx)
        if env.json:
            env.emit_json(st.to_json())
            return 0
        env.out(env.t(f"索引：{st.path}", f"index: {st.path}"))
        env.out(env.t(f"索引文档 {st.documents}（其中服务事项 {st.service_items}），数据库记录 {st.records_in_db}",
                      f"{st.documents} indexed documents ({st.service_items} service items), "
                      f"{st.records_in_db} database records"))
        env.out(env.t(f"已索引到第 {st.indexed_batch} 批导入，最新为第 {st.last_batch} 批",
                      f"indexed through import batch {st.indexed_batch}; latest is {st.last_batch}"))
        env.out(env.t(f"已应用变更记录至 {st.indexed_seq}，数据库最新为 {st.last_seq}",
                      f"change log applied through {st.indexed_seq}; latest is {st.last_seq}"))
        env.out(env.t("状态：一致" if st.consistent else f"状态：需要更新或重建（{st.reason}）",
                      "state: consistent" if st.consistent
                      else f"state: needs update or rebuild ({st.reason})"))
        return 0
    if action == "update":
        change = library.update_index(ctx, env.progress).value
    elif action == "sync":
        change = library.sync_index(ctx, env.progress).value
    else:
        change = library.rebuild_index(ctx, env.progress, procs=env.args.procs).value
    if env.json:
        env.emit_json(asdict(change))
    else:
        env.out(env.t(f"{'已重建' if change.action == 'rebuild' else '已更新'}：{change.indexed} 个文档，"
                      f"用时 {change.seconds:.1f} 秒" if change.action != "none" else "索引已是最新",
                      f"{change.action}: {change.indexed} documents in {change.seconds:.1f}s"
                      if change.action != "none" else "the index is up to date"))
    return 0
