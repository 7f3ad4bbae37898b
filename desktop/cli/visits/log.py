"""``visits add|list|show|edit|delete|follow-ups|close-follow-up|import|export``: the visit
log (接待登记) from the command line.

``add``/``edit``: topics, channels and outcomes as keys or Chinese names; an unknown
``--client`` name gets a quick profile, saved in the same transaction as the visit and only
when the visit is valid — an impossible date, unknown topic or channel, a rating out of range
exit 2 naming the field, and nothing is written (not even the client).

``import`` exits 0 with the report when the good rows were kept (rejected rows are listed,
by row and field), 2 when the file cannot be read or when every row was rejected.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import getpass
import re
from typing import Any

from desktop.cli.env import CommandEnv
from desktop.errors import FieldProblem, UserError, ValidationFailed

CHANNEL_HELP = "walk-in|phone|online|onsite (或 窗口来访/电话/线上/上门服务)"


def register(actions: argparse._SubParsersAction) -> None:
    from desktop.cli import add_command

    a = add_command(actions, "add", "登记一次接待 / record a visit")
    _visit_options(a)
    a.set_defaults(handler=add)
    ed = add_command(actions, "edit", "修改接待记录 / change a visit")
    ed.add_argument("visit_id", type=int)
    _visit_options(ed)
    ed.set_defaults(handler=edit)
    ls = add_command(actions, "list", "列出接待记录 / list visits (newest first)")
    _filter_options(ls)
    ls.add_argument("--follow-ups", action="store_true", help="only open follow-ups")
    ls.add_argument("--limit", type=int)
    ls.set_defaults(handler=list_)
    for name, help_text, handler in (
            ("show", "显示一条接待记录 / show a visit", show),
            ("delete", "删除接待记录 / delete a visit", delete),
            ("close-follow-up", "标记已跟进 / mark a follow-up done", close)):
        p = add_command(actions, name, help_text)
        p.add_argument("visit_id", type=int)
        p.set_defaults(handler=handler)
    fu = add_command(actions, "follow-ups", "今日到期和逾期的跟进 / follow-ups due and overdue")
    fu.add_argument("--as-of", metavar="DATE", help="a day other than today")
    fu.set_defaults(handler=follow_ups)
    im = add_command(actions, "import", "从XLSX导入接待记录 / import visits from XLSX")
    im.add_argument("file")
    im.add_argument("--officer", default="", help="officer for rows that name none")
    im.set_defaults(handler=import_)
    ex = add_command(actions, "export", "导出接待记录到XLSX / export visits to XLSX")
    ex.add_argument("file")
    _filter_options(ex)
    ex.add_argument("--include-personal", action="store_true",
                    help="add credit code/ID number, phone, e-mail (the export is recorded)")
    ex.add_argument("--by", default="", help="who exports (recorded; default: the login name)")
    ex.set_defaults(handler=export)


def _visit_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--client", help="client name (omitted: anonymous walk-in)")
    p.add_argument("--topic", action="append", help="patent, trademark … or 专利, 商标 …")
    p.add_argument("--item", action="append", help="service item code (repeatable)")
    p.add_argument("--channel", help=CHANNEL_HELP)
    p.add_argument("--date", help="YYYY-MM-DD (default today)")
    p.add_argument("--time", help="HH:MM")
    p.add_argument("--officer")
    p.add_argument("--satisfaction", help="1-5 (5 = 非常满意) or 非常满意…非常不满意")
    p.add_argument("--effort", help="READ scale 1-6")
    p.add_argument("--outcome", help="answered|referred|prepared|follow_up or 当场解答 …")
    p.add_argument("--referred-to", dest="referred_to")
    p.add_argument("--follow-up", dest="follow_up", metavar="DATE")
    p.add_argument("--duration", metavar="MIN")
    p.add_argument("--question")
    p.add_argument("--answer")
    p.add_argument("--notes")
    p.add_argument("--tag", action="append")


def _filter_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="date_from", metavar="DATE")
    p.add_argument("--to", dest="date_to", metavar="DATE")
    p.add_argument("--topic")
    p.add_argument("--officer")
    p.add_argument("--channel")
    p.add_argument("--outcome")
    p.add_argument("--text", default="")


class _Problems:
    def __init__(self) -> None:
        self.found: list[FieldProblem] = []

    def add(self, key: str, zh: str, en: str) -> None:
        from desktop.visits import api as visits

        self.found.append(FieldProblem(key, f"{visits.field_label(key)}：{zh}",
                                       f"{visits.field_label(key, 'en')}: {en}"))

    def date(self, key: str, text: str) -> _dt.date | None:
        from desktop.visits import api as visits

        day = visits.parse_day(text)
        if day is None:
            self.add(key, f"无法识别的日期“{text}”（日期不存在或格式不对，应为YYYY-MM-DD）",
                     f"cannot read the date '{text}' (no such day, or not YYYY-MM-DD)")
        return day

    def number(self, key: str, text: str) -> int | None:
        if not re.fullmatch(r"\s*\d+\s*", text):
            self.add(key, f"应为整数（现为“{text}”）", f"must be a whole number ('{text}' given)")
            return None
        return int(text)


def _apply(data: Any, args: argparse.Namespace, *, new: bool) -> tuple[Any, list[FieldProblem]]:
    """``data`` with the options given, and the problems of what could not be read (the
    field then keeps its old value, so the rest is still checked)."""
    from desktop.visits import api as visits

    bad = _Problems()
    if args.date is not None or args.time is not None or new:
        old = data.started_at or _dt.datetime.now().replace(second=0, microsecond=0)
        day = bad.date("started_at", args.date) if args.date is not None else old.date()
        at = old.time() if args.date is None or day == _dt.date.today() else _dt.time()
        if args.time is not None:
            m = re.fullmatch(r"\s*(\d{1,2})[:：](\d{2})\s*", args.time)
            if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
                bad.add("started_at", f"无法识别的时间“{args.time}”，应为HH:MM",
                        f"cannot read the time '{args.time}' (HH:MM)")
            else:
                at = _dt.time(int(m.group(1)), int(m.group(2)))
        if day is not None:
            data.started_at = _dt.datetime.combine(day, at)
    for key, parse in (("channel", visits.parse_channel), ("outcome", visits.parse_outcome)):
        text = getattr(args, key)
        if text is not None:
            setattr(data, key, (parse(text) or text.strip()) if text.strip() else None)
    if data.channel is None:
        data.channel = "walk-in"
    if args.topic is not None:
        data.topics = [visits.parse_topic(t) or t for raw in args.topic
                       for t in visits.split_list(raw)]
    if args.item is not None:
        data.items = [c for raw in args.item for c in visits.split_list(raw)]
    if args.tag is not None:
        data.tags = [t for raw in args.tag for t in visits.split_list(raw)]
    for key, scale in (("satisfaction", visits.SATISFACTION), ("effort", visits.EFFORT)):
        text = getattr(args, key)
        if text is not None:
            level = visits.parse_level(text, scale)
            if level is None:
                bad.add(key, f"无法识别“{text}”，应为{min(scale)}到{max(scale)}的整数",
                        f"cannot read '{text}': a whole number from {min(scale)} to "
                        f"{max(scale)}")
            setattr(data, key, level)
    if args.follow_up is not None:
        data.follow_up = bad.date("follow_up", args.follow_up) if args.follow_up else None
    if args.duration is not None:
        data.duration_min = bad.number("duration_min", args.duration)
    for key in ("officer", "referred_to", "question", "answer", "notes"):
        if getattr(args, key) is not None:
            setattr(data, key, getattr(args, key))
    return data, bad.found


def _save(env: CommandEnv, data: Any, client: str | None, bad: list[FieldProblem]) -> int:
    from desktop.visits import api as visits

    ctx = env.context()
    if bad:  # report every problem at once; nothing is written
        if client:
            data.client_id = None
        more = [p for p in visits.check_visit(ctx, data)
                if p.field not in {b.field for b in bad}]
        return _problems(env, bad + more)
    try:
        if client:
            saved = visits.save_visit_for_client(ctx, data, client).value
        else:
            if client == "":
                data.client_id = None
            saved = visits.save_visit(ctx, data).value
    except ValidationFailed as exc:
        return _problems(env, exc.problems)
    if env.json:
        env.emit_json(saved.as_json())
    else:
        env.out(env.t(f"已保存接待记录 {saved.id}：{_line(env, saved)}",
                      f"saved visit {saved.id}: {_line(env, saved)}"))
    return 0


def _problems(env: CommandEnv, problems: list[FieldProblem]) -> int:
    if env.json:
        env.emit_json({"saved": False, "problems": [
            {"field": p.field, "reason": p.text(env.lang)} for p in problems]})
    for p in problems:
        env.err(f"{p.field}: {p.text(env.lang)}")
    return 2


def add(env: CommandEnv) -> int:
    from desktop.visits import api as visits

    data, bad = _apply(visits.VisitData(channel=None), env.args,  # type: ignore[arg-type]
                       new=True)
    return _save(env, data, env.args.client, bad)


def edit(env: CommandEnv) -> int:
    from desktop.visits import api as visits

    data = visits.get_visit(env.context(), env.args.visit_id)
    data, bad = _apply(data, env.args, new=False)
    return _save(env, data, env.args.client, bad)


def _filter(env: CommandEnv) -> Any:
    from desktop.visits import api as visits

    args = env.args
    bad = _Problems()
    f = visits.VisitFilter(
        date_from=bad.date("started_at", args.date_from) if args.date_from else None,
        date_to=bad.date("started_at", args.date_to) if args.date_to else None,
        officer=args.officer or None, text=args.text or "",
        follow_up_open=bool(getattr(args, "follow_ups", False)),
        limit=getattr(args, "limit", None))
    for key, parse in (("topic", visits.parse_topic), ("channel", visits.parse_channel),
                       ("outcome", visits.parse_outcome)):
        text = getattr(args, key)
        if text:
            value = parse(text)
            if value is None:
                bad.add({"topic": "topics"}.get(key, key), f"无法识别“{text}”",
                        f"unknown '{text}'")
            setattr(f, key, value)
    if bad.found:
        raise ValidationFailed(bad.found)
    return f


def _line(env: CommandEnv, v: Any) -> str:
    from desktop.visits import api as visits

    lang = env.lang
    question = " ".join(v.question.split())
    return "\t".join([
        str(v.id), f"{v.started_at:%Y-%m-%d %H:%M}",
        v.client_name or env.t("（匿名）", "(anonymous)"), v.officer,
        visits.label("channel", v.channel, lang),
        "、".join(visits.label("topic", t, lang) for t in v.topics),
        visits.label("outcome", v.outcome, lang) if v.outcome else "",
        f"{env.t('跟进', 'follow-up')} {v.follow_up}" + (env.t("（已跟进）", " (done)")
                                                        if v.follow_up_done else "")
        if v.follow_up else "",
        question[:40] + ("…" if len(question) > 40 else "")])


def list_(env: CommandEnv) -> int:
    from desktop.visits import api as visits

    found = visits.list_visits(env.context(), _filter(env))
    if env.json:
        env.emit_json([v.as_json() for v in found])
        return 0
    for v in found:
        env.out(_line(env, v))
    env.err(env.t(f"共 {len(found)} 条接待记录", f"{len(found)} visits"))
    return 0


def show(env: CommandEnv) -> int:
    from desktop.clients import api as clients
    from desktop.visits import api as visits

    v = visits.get_visit(env.context(), env.args.visit_id)
    if env.json:
        env.emit_json(v.as_json())
        return 0
    lang = env.lang
    shown: dict[str, object] = dict(v.as_dict())
    shown["started_at"] = f"{v.started_at:%Y-%m-%d %H:%M}"
    shown["channel"] = visits.label("channel", v.channel, lang)
    shown["client_kind"] = clients.kind_label(v.client_kind, lang) if v.client_kind else ""
    shown["topics"] = "、".join(visits.label("topic", t, lang) for t in v.topics)
    shown["items"] = "、".join(v.items)
    shown["tags"] = "、".join(v.tags)
    shown["searches"] = "；".join(v.searches)
    shown["document_ids"] = "、".join(str(d) for d in v.document_ids)
    for key, kind in (("outcome", "outcome"), ("satisfaction", "satisfaction"),
                      ("effort", "effort")):
        value = getattr(v, key)
        shown[key] = f"{value} {visits.label(kind, value, lang)}" if key != "outcome" \
            and value else visits.label(kind, value, lang) if value else ""
    for key in ("follow_up_done", "model_answer"):
        shown[key] = env.t("是", "yes") if getattr(v, key) else ""
    for f in visits.VISIT_FIELDS:
        value = shown.get(f.key)
        if value not in (None, "", []):
            env.out(f"{f.zh if lang == 'zh' else f.en}: {value}")
    return 0


def delete(env: CommandEnv) -> int:
    from desktop.visits import api as visits

    visits.delete_visit(env.context(), env.args.visit_id)
    env.out(env.t(f"已删除接待记录 {env.args.visit_id}", f"deleted visit {env.args.visit_id}"))
    return 0


def close(env: CommandEnv) -> int:
    from desktop.visits import api as visits

    v = visits.get_visit(env.context(), env.args.visit_id)
    if v.follow_up is None:
        raise UserError(f"接待记录{v.id}没有跟进日期", f"visit #{v.id} has no follow-up")
    v = visits.close_follow_up(env.context(), v.id or 0).value
    if env.json:
        env.emit_json(v.as_json())
    else:
        env.out(env.t(f"已标记跟进完成：{_line(env, v)}", f"follow-up done: {_line(env, v)}"))
    return 0


def follow_ups(env: CommandEnv) -> int:
    from desktop.visits import api as visits

    as_of = _dt.date.today()
    if env.args.as_of:
        bad = _Problems()
        as_of = bad.date("follow_up", env.args.as_of) or as_of
        if bad.found:
            raise ValidationFailed(bad.found)
    due, overdue = visits.follow_ups(env.context(), as_of)
    if env.json:
        env.emit_json({"as_of": as_of.isoformat(), "due_today": [v.as_json() for v in due],
                       "overdue": [v.as_json() for v in overdue]})
        return 0
    for title, group in ((env.t("今日到期", "due today"), due),
                         (env.t("已逾期", "overdue"), overdue)):
        env.out(f"{title} ({len(group)})")
        for v in group:
            env.out("  " + _line(env, v))
    return 0


def import_(env: CommandEnv) -> int:
    from desktop.visits import api as visits

    report = visits.import_visits(env.context(), env.args.file, officer=env.args.officer,
                                  progress=env.progress).value
    kept = report.added + report.updated + report.unchanged + report.duplicates
    if env.json:
        env.emit_json(report.as_dict(env.lang))
    else:
        env.out(env.t(
            f"新增 {report.added}，更新 {report.updated}，未变 {report.unchanged}，"
            f"重复已跳过 {report.duplicates}，新建客户 {report.clients_created}，"
            f"拒绝 {len(report.rejected_rows)} 行",
            f"added {report.added}, updated {report.updated}, unchanged {report.unchanged}, "
            f"duplicates skipped {report.duplicates}, clients created "
            f"{report.clients_created}, rejected {len(report.rejected_rows)} rows"))
        for p in report.rejected:
            env.out(env.t("拒绝 ", "rejected ") + p.text(env.lang))
        if report.ignored_columns:
            env.out(env.t("未识别的列（已忽略）：", "columns not recognised (ignored): ")
                    + ", ".join(report.ignored_columns))
    if report.rejected and not kept:
        env.err(env.t("没有导入任何行", "no row was imported"))
        return 2
    return 0


def export(env: CommandEnv) -> int:
    from desktop.visits import api as visits

    by = env.args.by or getpass.getuser()
    n = visits.export_visits(env.context(), env.args.file, _filter(env),
                             include_personal=env.args.include_personal, lang=env.lang,
                             officer=by, progress=env.progress)
    if env.json:
        env.emit_json({"file": env.args.file, "rows": n,
                       "personal": bool(env.args.include_personal)})
    else:
        env.out(env.t(f"已导出 {n} 条接待记录到 {env.args.file}",
                      f"exported {n} visits to {env.args.file}"))
        if env.args.include_personal:
            env.out(env.t("含个人信息（电话、证件号、邮箱），本次导出已记录",
                          "with personal data (phone, ID number, e-mail); this export is "
                          "recorded"))
    return 0
