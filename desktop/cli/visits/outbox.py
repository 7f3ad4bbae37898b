"""``visits outbox|send``: the visits recorded while the database server was away.

``outbox`` lists them (it works offline: the data folder's outbox is read without the
server); ``send`` sends them now — each visit is stored once on the server (its idempotency
key), however often it runs.  ``send`` exits 2 when the server cannot be reached or a visit
was refused (it stays queued with the reason).
"""

from __future__ import annotations

import argparse

from desktop.cli.env import CommandEnv


def register(actions: argparse._SubParsersAction) -> None:
    from desktop.cli import add_command

    o = add_command(actions, "outbox", "离线时登记、尚未发送的接待 / visits queued offline")
    o.set_defaults(handler=outbox)
    s = add_command(actions, "send", "现在发送离线登记的接待 / send the queued visits now")
    s.set_defaults(handler=send)


def outbox(env: CommandEnv) -> int:
    from desktop import connection
    from desktop.visits import api as visits

    ctx = env.context(offline_ok=True)
    queued = visits.queued_visits(ctx)
    offline = connection.is_offline(ctx)
    if env.json:
        env.emit_json({"offline": offline, "queued": [q.to_json() for q in queued]})
        return 0
    for q in queued:
        v = q.visit
        started = f"{v.started_at:%Y-%m-%d %H:%M}" if v.started_at else ""
        question = " ".join(v.question.split())
        who = q.client_name or (f"#{v.client_id}" if v.client_id else env.t("（匿名）",
                                                                          "(anonymous)"))
        line = "\t".join([q.idem_key, started, who, v.officer, question[:40]])
        if q.last_error:
            line += "\t" + env.t(f"未能发送：{q.last_error}", f"not sent: {q.last_error}")
        env.out(line)
    state = env.t("（离线）", " (offline)") if offline else ""
    env.err(env.t(f"待发送 {len(queued)} 条接待记录{state}",
                  f"{len(queued)} visits waiting to be sent{state}"))
    return 0


def send(env: CommandEnv) -> int:
    from desktop.visits import api as visits

    report = visits.send_queued(env.context()).value
    if env.json:
        env.emit_json(report.to_json())
    else:
        env.out(env.t(f"已发送 {report.sent} 条；已在服务器上（不重复写入）{report.already} 条；"
                      f"仍待发送 {report.left} 条",
                      f"sent {report.sent}; already on the server (not written again) "
                      f"{report.already}; still queued {report.left}"))
        for key, zh, en in report.refused:
            env.err(f"{key}: {env.t(zh, en)}")
    return 2 if report.refused else 0
