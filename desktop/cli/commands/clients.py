"""``clients add|edit|list|show|import|export``: client profiles from the command line."""

from __future__ import annotations

import argparse

from desktop.cli.env import CommandEnv
from desktop.errors import EditConflict, ValidationFailed

_FIELD_OPTIONS = ("kind", "id_number", "address", "postcode", "contact_person", "phone",
                  "email", "industry", "region", "notes")


def register(sub: argparse._SubParsersAction) -> None:
    from desktop.cli import _Parser, add_command

    p = add_command(sub, "clients", "客户档案 / client profiles")
    csub = p.add_subparsers(dest="action", metavar="ACTION", required=True,
                            parser_class=_Parser)
    a = add_command(csub, "add", "新增客户 / add a client")
    a.add_argument("name")
    a.add_argument("--kind", choices=("enterprise", "institution", "university", "individual"),
                   default="enterprise")
    for opt in _FIELD_OPTIONS[1:]:
        a.add_argument(f"--{opt.replace('_', '-')}", dest=opt)
    a.add_argument("--confirm", action="store_true",
                   help="keep a credit code whose check character fails (after checking it)")
    a.set_defaults(handler=add)
    ed = add_command(csub, "edit", "修改客户（只改给出的字段）/ edit a client (the fields given)")
    ed.add_argument("client_id", type=int)
    ed.add_argument("--name")
    ed.add_argument("--kind", choices=("enterprise", "institution", "university", "individual"))
    for opt in _FIELD_OPTIONS[1:]:
        ed.add_argument(f"--{opt.replace('_', '-')}", dest=opt)
    ed.add_argument("--lock-version", type=int, metavar="N",
                    help="the version you read (clients show --json); a newer stored version "
                         "is a conflict: nothing saved, exit 2")
    ed.add_argument("--confirm", action="store_true",
                    help="keep a credit code whose check character fails (after checking it)")
    ed.set_defaults(handler=edit)
    ls = add_command(csub, "list", "列出或检索客户 / list or search clients")
    ls.add_argument("query", nargs="?", default="")
    ls.set_defaults(handler=list_)
    sh = add_command(csub, "show", "显示一个客户 / show one client")
    sh.add_argument("client_id", type=int)
    sh.set_defaults(handler=show)
    im = add_command(csub, "import", "从XLSX导入 / import from XLSX")
    im.add_argument("file")
    im.set_defaults(handler=import_)
    ex = add_command(csub, "export", "导出到XLSX / export to XLSX")
    ex.add_argument("file")
    ex.add_argument("--query", default="")
    ex.set_defaults(handler=export)


def _row(c) -> dict[str, object]:
    d = c.as_dict()
    for k in ("created_at", "updated_at"):
        d[k] = d[k].isoformat(timespec="seconds") if d[k] else None
    return d


def add(env: CommandEnv) -> int:
    from desktop.clients import api as clients

    args = env.args
    data = clients.ClientData(name=args.name, id_check_confirmed=args.confirm,
                      **{k: getattr(args, k) for k in _FIELD_OPTIONS})
    try:
        saved = clients.save_client(env.context(), data).value
    except ValidationFailed as exc:
        if env.json:
            env.emit_json({"saved": False, "problems": [
                {"field": p.field, "reason": p.text(env.lang), "warn_only": p.warn_only}
                for p in exc.problems]})
        for p in exc.problems:
            hint = env.t("（确认无误可加 --confirm）", " (add --confirm to keep it)") \
                if p.warn_only else ""
            env.err(f"{p.field}: {p.text(env.lang)}{hint}")
        return 2
    if env.json:
        env.emit_json(_row(saved))
    else:
        env.out(env.t(f"已保存客户 {saved.id}：{saved.name}", f"saved client {saved.id}: "
                      f"{saved.name}"))
    return 0


def edit(env: CommandEnv) -> int:
    from desktop.clients import api as clients

    args = env.args
    ctx = env.context()
    data = clients.get_client(ctx, args.client_id)
    for key in ("name", *_FIELD_OPTIONS):
        value = getattr(args, key)
        if value is not None:
            setattr(data, key, value or None if key != "name" else value)
    if args.confirm:
        data.id_check_confirmed = True
    if args.lock_version is not None:
        data.lock_version = args.lock_version
    try:
        saved = clients.save_client(ctx, data).value
    except ValidationFailed as exc:
        for p in exc.problems:
            env.err(f"{p.field}: {p.text(env.lang)}")
        return 2
    except EditConflict as exc:
        if env.json:
            env.emit_json({"saved": False, "conflict": True, "error": exc.message(env.lang),
                           "mine": exc.mine, "theirs": exc.theirs,
                           "my_version": exc.my_version, "their_version": exc.their_version,
                           "changed_by": exc.changed_by, "changed_at": exc.changed_at,
                           "differing": exc.differing()}, compact=True)
        env.err(f"错误 / error: {exc.message(env.lang)}")
        for key in exc.differing():
            env.err(f"  {clients.field_label(key, env.lang)}: "
                    f"{env.t('你的', 'yours')} {exc.mine.get(key)!r} / "
                    f"{env.t('已保存的', 'stored')} {exc.theirs.get(key)!r}")
        return 2
    if env.json:
        env.emit_json(_row(saved))
    else:
        env.out(env.t(f"已保存客户 {saved.id}：{saved.name}（版本 {saved.lock_version}）",
                      f"saved client {saved.id}: {saved.name} (version {saved.lock_version})"))
    return 0


def list_(env: CommandEnv) -> int:
    from desktop.clients import api as clients

    found = clients.list_clients(env.context(), env.args.query)
    if env.json:
        env.emit_json([_row(c) for c in found])
        return 0
    for c in found:
        env.out("\t".join([str(c.id), c.name, clients.kind_label(c.kind, env.lang),
                           c.id_number or "", c.contact_person or "", c.phone or "",
                           c.region or ""]))
    env.err(env.t(f"共 {len(found)} 个客户", f"{len(found)} clients"))
    return 0


def show(env: CommandEnv) -> int:
    from desktop.clients import api as clients

    c = clients.get_client(env.context(), env.args.client_id)
    if env.json:
        env.emit_json(_row(c))
        return 0
    values = _row(c)
    values["kind"] = clients.kind_label(c.kind, env.lang)
    for f in clients.CLIENT_FIELDS:
        env.out(f"{f.zh if env.lang == 'zh' else f.en}: {values[f.key] or ''}")
    return 0


def import_(env: CommandEnv) -> int:
    from desktop.clients import api as clients

    report = clients.import_clients(env.context(), env.args.file, env.progress).value
    if env.json:
        env.emit_json(report.as_dict(env.lang))
    else:
        env.out(env.t(
            f"新增 {report.added}，更新 {report.updated}，未变 {report.unchanged}，"
            f"拒绝 {len(report.rejected)} 行",
            f"added {report.added}, updated {report.updated}, unchanged {report.unchanged}, "
            f"rejected {len(report.rejected)} rows"))
        for p in report.rejected:
            env.out(env.t("拒绝 ", "rejected ") + p.text(env.lang))
        for p in report.warnings:
            env.out(env.t("提醒 ", "warning ") + p.text(env.lang))
        if report.ignored_columns:
            env.out(env.t("未识别的列（已忽略）：", "columns not recognised (ignored): ")
                    + ", ".join(report.ignored_columns))
    return 2 if report.rejected else 0


def export(env: CommandEnv) -> int:
    from desktop.clients import api as clients

    n = clients.export_clients(env.context(), env.args.file, env.args.query, env.lang)
    if env.json:
        env.emit_json({"file": env.args.file, "rows": n})
    else:
        env.out(env.t(f"已导出 {n} 个客户到 {env.args.file}",
                      f"exported {n} clients to {env.args.file}"))
    return 0
