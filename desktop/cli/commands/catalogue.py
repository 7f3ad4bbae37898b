"""``catalogue …``: the service-item catalogue and process guides.

``list``, ``show CODE``, ``handout CODE… -o FILE.docx``, ``export FILE.xlsx``,
``import FILE.xlsx [--dry-run]``, ``history CODE``, ``delete CODE``,
``check [FILE.yaml…] [--max-age DAYS] [--laws DIR]``,
``set-admin-password``, ``suggest TEXT [--limit N]``.
"""

from __future__ import annotations

import argparse
import getpass
from pathlib import Path

from desktop.cli.env import CommandEnv
from desktop.errors import UserError


def register(sub: argparse._SubParsersAction) -> None:
    from desktop.cli import add_command

    p = add_command(sub, "catalogue", "服务事项清单与办事指南 / service catalogue and guides")
    p.set_defaults(handler=_usage(p))
    cs = p.add_subparsers(dest="catalogue_command", metavar="ACTION")

    sp = add_command(cs, "list", "列出服务事项 / list service items")
    sp.add_argument("--all", action="store_true", help="包括已停用事项 / include retired items")
    sp.add_argument("--category", help="只列出该类别 / only this category")
    sp.add_argument("--audience", help="只列出该服务对象 / only this audience (企业, 个人, 高校院所, 代理机构)")
    sp.add_argument("-q", "--query", default="",
                    help="筛选：汉字、拼音首字母或编码 / filter: Chinese, pinyin initials or code")
    sp.set_defaults(handler=run_list)

    sp = add_command(cs, "suggest", "按来访者的说法推荐服务事项 / suggest items for a need")
    sp.add_argument("text", nargs="*", metavar="TEXT",
                    help="来访者的需求，如“专利贷款” / the need in the visitor's words")
    sp.add_argument("--limit", type=int, default=5, metavar="N",
                    help="最多推荐几项（默认5）/ how many suggestions (default 5)")
    sp.set_defaults(handler=run_suggest)

    sp = add_command(cs, "show", "显示一个事项的完整办事指南 / show one item's whole guide")
    sp.add_argument("code")
    sp.set_defaults(handler=run_show)

    sp = add_command(cs, "handout", "生成办事指南DOCX（可多个事项）/ write the guide handout")
    sp.add_argument("codes", nargs="+", metavar="CODE")
    sp.add_argument("-o", "--output", required=True, metavar="FILE.docx",
                    help="输出文件；以 .pdf 结尾时另行转换为PDF（需LibreOffice）")
    sp.add_argument("--officer", action="store_true",
                    help="工作人员版：附信息来源 / the officer's copy, with the sources")
    sp.set_defaults(handler=run_handout)

    sp = add_command(cs, "export", "导出全部事项到Excel / export the catalogue to XLSX")
    sp.add_argument("file", metavar="FILE.xlsx")
    sp.set_defaults(handler=run_export)

    sp = add_command(cs, "import", "从Excel导入更新事项清单 / import the catalogue from XLSX")
    sp.add_argument("file", metavar="FILE.xlsx")
    sp.add_argument("--dry-run", action="store_true", help="只显示差异，不写入 / show the diff only")
    sp.set_defaults(handler=run_import)

    sp = add_command(cs, "history", "事项的历史版本 / earlier versions of an item")
    sp.add_argument("code")
    sp.set_defaults(handler=run_history)

    sp = add_command(cs, "delete", "删除事项（被引用时改为停用）/ delete (retire if referenced)")
    sp.add_argument("code")
    sp.set_defaults(handler=run_delete)

    sp = add_command(cs, "check", "校验事项并列出需要核对的事项 / validate items, list "
                     "those whose facts need checking")
    sp.add_argument("paths", nargs="*", metavar="PATH",
                    help="YAML文件或文件夹；不写则检查本机数据库中的清单 / YAML files or folders "
                    "(default: the catalogue in this desk's database)")
    sp.add_argument("--max-age", type=int, default=None, metavar="DAYS",
                    help="信息核对日期早于多少天即列出（默认365）/ list items whose facts were "
                    "checked more than DAYS ago (default 365)")
    sp.add_argument("--laws", metavar="DIR",
                    help="法律法规全文所在文件夹，用于核对所引条款 / folder of law texts to verify "
                    "the cited articles against")
    sp.set_defaults(handler=run_check)

    sp = add_command(cs, "set-admin-password", "设置编辑事项的管理员密码 / set the admin password")
    sp.set_defaults(handler=run_set_password)


def _usage(parser: argparse.ArgumentParser):
    def run(env: CommandEnv) -> int:
        parser.print_help()
        return 2
    return run


def _summary(item) -> dict:
    return {"code": item.code, "name": item.name, "category": item.category,
            "active": item.active, "service_type": item.service_type, "paid": item.paid,
            "audience": list(item.audience), "version": item.version,
            "effective_date": item.effective_date.isoformat()}


def run_list(env: CommandEnv) -> int:
    from desktop.catalogue import api as catalogue

    a = env.args
    index = catalogue.load_index(env.context())
    items = index.filter(a.query, category=a.category, audience=a.audience,
                         include_retired=a.all)
    if env.json:
        env.emit_json([_summary(i) for i in items])
        return 0
    for i in items:
        flag = "" if i.active else env.t("  [已停用]", "  [retired]")
        env.out(f"{i.code}  {i.category:<8}  {i.name}{flag}")
    env.err(env.t(f"共 {len(items)} 项", f"{len(items)} item(s)"))
    return 0


def run_suggest(env: CommandEnv) -> int:
    from desktop.catalogue import api as catalogue

    text = " ".join(env.args.text).strip()
    if not text:
        raise UserError("请写出来访者的需求，如：catalogue suggest 专利贷款",
                        "write the visitor's need, e.g.: catalogue suggest 专利贷款",
                        field="TEXT")
    if env.args.limit < 1:
        raise UserError("--limit 至少为1", "--limit must be 1 or more", field="--limit")
    found = catalogue.suggest_items(env.context(), text, limit=env.args.limit)
    if env.json:
        env.emit_json([s.to_json() for s in found])
        return 0
    if not found:
        env.out(env.t("没有找到相关的服务事项", "no matching service item"))
        return 0
    width = max(len(s.title) for s in found)
    for n, s in enumerate(found, 1):
        why = "、".join(s.why)
        env.out(f"{n}. {s.code}  {s.title}{'　' * (width - len(s.title))}  {s.score:6.2f}  "
                + env.t(f"匹配：{why}", f"matched: {why}"))
    return 0


def run_show(env: CommandEnv) -> int:
    from desktop.catalogue import api as catalogue

    item = catalogue.get_item(env.context(), env.args.code)
    if env.json:
        env.emit_json(catalogue.item_to_data(item))
    else:
        env.out(catalogue.item_plain_text(item))
    return 0


def run_handout(env: CommandEnv) -> int:
    from desktop.catalogue import api as catalogue

    ctx = env.context()
    items = catalogue.get_items(ctx, env.args.codes)
    result = catalogue.write_handout(ctx, items, Path(env.args.output),
                                     officer=env.args.officer)
    if env.json:
        env.emit_json({"file": str(result), "codes": [i.code for i in items]})
    else:
        env.out(str(result))
    return 0


def run_export(env: CommandEnv) -> int:
    from desktop.catalogue import api as catalogue

    n = catalogue.export_xlsx(env.context(), env.args.file, env.progress)
    if env.json:
        env.emit_json({"file": env.args.file, "items": n})
    else:
        env.out(env.t(f"已导出 {n} 项到 {env.args.file}", f"exported {n} items to {env.args.file}"))
    return 0


def run_import(env: CommandEnv) -> int:
    from desktop.catalogue import api as catalogue

    ctx = env.context()
    plan = catalogue.plan_import(ctx, env.args.file, env.progress)
    applied = False
    if not env.args.dry_run and plan.has_changes:
        plan = catalogue.apply_import(ctx, plan).value
        applied = True
    if env.json:
        env.emit_json({**plan.to_json(), "dry_run": env.args.dry_run, "applied": applied})
        return 0
    for a in plan.added:
        env.out(env.t(f"+ 新增 {a.code} {a.name}", f"+ added {a.code} {a.name}"))
    for c in plan.changed:
        env.out(env.t(f"~ 修改 {c.code} {c.name}", f"~ changed {c.code} {c.name}"))
        for f in c.fields:
            env.out(f"    {f.label}: {_one_line(f.before)}  →  {_one_line(f.after)}")
    for r in plan.retired:
        refs = env.t(f"（被{r.references}条记录引用）", f" (referenced by {r.references})") \
            if r.references else ""
        env.out(env.t(f"- 停用 {r.code} {r.name}{refs}", f"- retired {r.code} {r.name}{refs}"))
    for r in plan.restored:
        env.out(env.t(f"^ 恢复 {r.code} {r.name}", f"^ restored {r.code} {r.name}"))
    env.out(plan.summary(env.lang))
    if env.args.dry_run:
        env.out(env.t("（试运行，未写入数据库）", "(dry run: nothing written)"))
    elif not applied:
        env.out(env.t("没有需要更新的内容", "nothing to update"))
    return 0


def _one_line(text: str, limit: int = 60) -> str:
    t = text.replace("\n", " / ")
    return t if len(t) <= limit else t[: limit - 1] + "…"


def run_history(env: CommandEnv) -> int:
    from desktop.catalogue import api as catalogue

    entries = catalogue.item_history(env.context(), env.args.code)
    if env.json:
        env.emit_json([{"id": h.id, "version": h.version, "action": h.action,
                        "origin": h.origin, "note": h.note,
                        "recorded_at": h.recorded_at.isoformat(),
                        "item": catalogue.item_to_data(h.item)} for h in entries])
        return 0
    for h in entries:
        env.out(f"{h.recorded_at:%Y-%m-%d %H:%M}  {h.version:<10} {h.action:<9} {h.note}")
    if not entries:
        env.out(env.t("没有历史版本", "no earlier versions"))
    return 0


def run_delete(env: CommandEnv) -> int:
    from desktop.catalogue import api as catalogue

    outcome = catalogue.delete_item(env.context(), env.args.code).value
    if env.json:
        env.emit_json({"code": env.args.code.upper(), "result": outcome})
    elif outcome == "deleted":
        env.out(env.t("已删除", "deleted"))
    else:
        env.out(env.t("该事项被其他记录引用，已停用而未删除", "the item is referenced; it was "
                      "retired instead of deleted"))
    return 0


def run_check(env: CommandEnv) -> int:
    """Exit 0 when every item is valid and current, 1 when some need checking, 2 when a
    file is invalid."""
    from desktop.catalogue import api as catalogue

    a = env.args
    max_age = catalogue.DEFAULT_MAX_AGE_DAYS if a.max_age is None else a.max_age
    if max_age < 0:
        raise UserError("--max-age 不能为负数", "--max-age must not be negative", field="--max-age")
    laws = Path(a.laws) if a.laws else None
    if laws is not None and not laws.is_dir():
        raise UserError(f"找不到法律法规文件夹：{laws}", f"no such folder: {laws}", field="--laws")
    if a.paths:
        items = catalogue.load_item_files([Path(p) for p in a.paths])
    else:
        items = catalogue.list_items(env.context(), include_retired=False)
    found = catalogue.review_items(items, max_age_days=max_age, laws=laws)
    if env.json:
        env.emit_json({"valid": True, "items": len(items), "max_age_days": max_age,
                       "findings": [f.to_json() for f in found]})
    else:
        for f in found:
            env.out(env.t(f.zh, f.en))
        env.out(env.t(f"{len(items)} 个事项均有效；{len(found)} 处需要核对（核对期限 {max_age} 天）",
                      f"{len(items)} items valid; {len(found)} finding(s) (max age {max_age} days)"))
    return 1 if found else 0


def run_set_password(env: CommandEnv) -> int:
    from desktop.catalogue import api as catalogue

    ctx = env.context()
    current = getpass.getpass(env.t("原密码：", "current password: ")) \
        if catalogue.admin_password_set(ctx) else None
    new = getpass.getpass(env.t("新密码：", "new password: "))
    again = getpass.getpass(env.t("再输一次：", "again: "))
    if new != again:
        raise UserError("两次输入的密码不一致", "the passwords differ")
    catalogue.set_admin_password(ctx, new, current=current)
    env.out(env.t("管理员密码已设置", "admin password set"))
    return 0
