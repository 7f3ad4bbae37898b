"""``visits ask|star|anonymise|export-client|personal-exports``: the knowledge base and the
privacy actions from the command line."""

from __future__ import annotations

import argparse
import datetime as _dt

from desktop.cli.env import CommandEnv
from desktop.cli.visits import date_option
from desktop.errors import UserError


def register(actions: argparse._SubParsersAction) -> None:
    from desktop.cli import add_command

    a = add_command(actions, "ask", "在以往答复中查找 / search past answers (knowledge base)")
    a.add_argument("text", nargs="+")
    a.add_argument("--limit", default="5")
    a.set_defaults(handler=ask)
    s = add_command(actions, "star", "设为范例答复 / star a model answer")
    s.add_argument("visit_id")
    s.add_argument("--item", default=None, help="service item code the answer belongs to")
    s.add_argument("--unstar", action="store_true")
    s.set_defaults(handler=star)
    an = add_command(actions, "anonymise",
                     "匿名化超过保存期限的接待记录 / anonymise visits past the retention period")
    an.add_argument("--as-of", dest="as_of", default=None)
    an.set_defaults(handler=anonymise)
    ex = add_command(actions, "export-client",
                     "导出客户的个人信息 / export a client's data on request (JSON or XLSX)")
    ex.add_argument("client_id")
    ex.add_argument("-o", "--output", required=True)
    ex.add_argument("--officer", default="")
    ex.set_defaults(handler=export_client)
    pe = add_command(actions, "personal-exports",
                     "个人信息导出记录 / the record of personal-data exports")
    pe.set_defaults(handler=personal_exports)


def _int(value: str, field: str, minimum: int = 1) -> int:
    try:
        n = int(value)
    except ValueError:
        n = minimum - 1
    if n < minimum:
        raise UserError(f"须为不小于{minimum}的整数：{value}",
                        f"must be a whole number of at least {minimum}: {value}", field=field)
    return n


def ask(env: CommandEnv) -> int:
    from desktop.visits import api as visits

    limit = _int(env.args.limit, "limit")
    found = visits.ask(env.context(), " ".join(env.args.text), limit)
    if env.json:
        env.emit_json([a.to_json() for a in found])
        return 0
    for a in found:
        star = env.t("【范例】", "[model] ") if a.model else ""
        env.out(f"#{a.visit_id}\t{a.date.isoformat()}\t{a.score:.2f}\t{star}{a.question}")
        env.out(f"\t{a.answer}")
        if a.items:
            env.out("\t" + env.t("事项：", "items: ") + "、".join(a.items))
    env.err(env.t(f"共 {len(found)} 条以往答复", f"{len(found)} past answers"))
    return 0


def star(env: CommandEnv) -> int:
    from desktop.visits import api as visits

    visit_id = _int(env.args.visit_id, "visit_id")
    saved = visits.star_answer(env.context(), visit_id, env.args.item,
                               starred=not env.args.unstar).value
    if env.json:
        env.emit_json({"visit_id": saved.id, "model_answer": saved.model_answer,
                       "answer_item": saved.answer_item})
    elif saved.model_answer:
        env.out(env.t(f"接待记录 {saved.id} 已设为范例答复（{saved.answer_item or '未关联事项'}）",
                      f"visit {saved.id} starred as a model answer "
                      f"({saved.answer_item or 'no item'})"))
    else:
        env.out(env.t(f"接待记录 {saved.id} 已取消范例答复",
                      f"visit {saved.id} is no longer a model answer"))
    return 0


def anonymise(env: CommandEnv) -> int:
    from desktop.settings import api as settings
    from desktop.visits import api as visits

    as_of = date_option(env.args.as_of, "as_of")
    ctx = env.context()
    n = visits.anonymise_old_visits(ctx, as_of).value
    days = settings.get_retention_days(ctx)
    if env.json:
        env.emit_json({"anonymised": n, "retention_days": days,
                       "as_of": (as_of or _dt.date.today()).isoformat()})
    else:
        env.out(env.t(f"已匿名化 {n} 条超过保存期限（{days}天）的接待记录",
                      f"anonymised {n} visits past the retention period ({days} days)"))
    return 0


def export_client(env: CommandEnv) -> int:
    from desktop.visits import api as visits

    client_id = _int(env.args.client_id, "client_id")
    rec = visits.export_client_data(env.context(), client_id, env.args.output,
                                    officer=env.args.officer).value
    if env.json:
        env.emit_json(rec.to_json())
    else:
        env.out(env.t(f"已导出客户 {client_id} 的个人信息到 {rec.path}（已记录）",
                      f"exported client {client_id}'s data to {rec.path} (recorded)"))
    return 0


def personal_exports(env: CommandEnv) -> int:
    from desktop.visits import api as visits

    found = visits.personal_data_exports(env.context())
    if env.json:
        env.emit_json([r.to_json() for r in found])
        return 0
    for r in found:
        env.out("\t".join([r.at.isoformat(timespec="seconds"), r.kind, r.officer, str(r.rows),
                           r.path]))
    env.err(env.t(f"共 {len(found)} 条导出记录", f"{len(found)} exports recorded"))
    return 0
