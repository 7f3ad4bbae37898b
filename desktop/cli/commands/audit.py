"""``audit [--since DATE] [--action A]``: the audit log (administrators)."""

from __future__ import annotations

import argparse

from desktop.access import api as access
from desktop.cli.env import CommandEnv
from desktop.errors import UserError


def register(sub: argparse._SubParsersAction) -> None:
    from desktop.cli import add_command

    p = add_command(sub, "audit", "审计日志：谁在何时做了什么（管理员）/ the audit log: who did "
                    "what, when (administrators)")
    p.add_argument("--since", metavar="DATE", help="从该日起 / from this day (2026-03-01)")
    p.add_argument("--action", default="", metavar="ACTION",
                   help=", ".join(access.audit_actions("en")))
    p.add_argument("--limit", type=int, default=1000)
    p.set_defaults(handler=run)


def run(env: CommandEnv) -> int:
    since = None
    if env.args.since:
        since = access.parse_day(env.args.since)
        if since is None:
            raise UserError(f"日期无法识别：{env.args.since}", f"not a date: {env.args.since}",
                            field="--since")
    if env.args.limit < 1:
        raise UserError("--limit 须大于0", "--limit must be above 0", field="--limit")
    rows = access.audit_entries(env.context(), since=since, action=env.args.action,
                                limit=env.args.limit)
    if env.json:
        env.emit_json([{"id": r.id, "at": r.at.isoformat(timespec="seconds"), "actor": r.actor,
                        "role": r.role, "desk": r.desk, "action": r.action, "target": r.target,
                        "detail": r.detail} for r in rows])
        return 0
    if not rows:
        env.out(env.t("没有审计记录", "no audit entries"))
    for r in rows:
        env.out(f"{r.at:%Y-%m-%d %H:%M:%S}  {r.actor or '-'}({r.role or '-'})@{r.desk or '-'}  "
                f"{r.action_label(env.lang)}  {r.target}  {r.detail}")
    return 0
