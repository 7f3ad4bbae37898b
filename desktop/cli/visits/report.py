"""``visits report`` (the monthly workbook) and ``visits stats`` (figures, a breakdown or a
cross-tab on the terminal)."""

from __future__ import annotations

import argparse
import datetime as _dt

from desktop.cli.env import CommandEnv
from desktop.cli.visits import date_option
from desktop.errors import UserError


def register(actions: argparse._SubParsersAction) -> None:
    from desktop.cli import add_command

    r = add_command(actions, "report", "接待统计报表（XLSX） / the statistics workbook")
    _range_options(r)
    r.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    r.add_argument("--include-personal", action="store_true",
                   help="write ID numbers, phones and e-mail unmasked (the export is recorded)")
    r.add_argument("--officer", default="", help="who runs the export (for the record)")
    r.set_defaults(handler=report)
    s = add_command(actions, "stats", "接待统计 / visit statistics")
    _range_options(s)
    s.add_argument("--by", metavar="DIM", help="a breakdown: month, topic, channel, "
                   "client_kind, region, officer, item, outcome, effort, satisfaction, "
                   "weekday, hour")
    s.add_argument("--cross", nargs=2, metavar=("ROW_DIM", "COL_DIM"),
                   help="a cross-tab of two dimensions")
    s.set_defaults(handler=stats)


def _range_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="date_from", metavar="DATE",
                   help="first day (default: the first of this month)")
    p.add_argument("--to", dest="date_to", metavar="DATE",
                   help="last day, inclusive (default: the end of --from's month)")



def _range(env: CommandEnv) -> tuple[_dt.date, _dt.date]:
    """The inclusive range asked for; by default the month of --from (or this month)."""
    start = date_option(env.args.date_from, "--from")
    end = date_option(env.args.date_to, "--to")
    if start is None:
        start = (end or _dt.date.today()).replace(day=1)
    if end is None:
        end = (start.replace(day=28) + _dt.timedelta(days=4)).replace(day=1) \
            - _dt.timedelta(days=1)
    if start > end:
        raise UserError(f"开始日期{start}晚于结束日期{end}",
                        f"the start date {start} is after the end date {end}", field="--from")
    return start, end


def report(env: CommandEnv) -> int:
    from desktop.visits import api as visits

    start, end = _range(env)
    result = visits.write_report(env.context(), env.args.output, start, end,
                                 include_personal=env.args.include_personal,
                                 officer=env.args.officer, lang=env.lang,
                                 progress=env.progress)
    if not result.outlet_set:
        env.err(env.t("提醒：尚未设置服务网点名称，报表标题中缺少网点名称（设置 → 服务网点）",
                      "note: the outlet's name is not set; the report's title lacks it "
                      "(Settings → Outlet)"))
    if env.json:
        env.emit_json(result.as_dict())
        return 0
    s = result.summary
    env.out(env.t(f"已写出 {result.path}：{start} 至 {end}，{s.consultations} 人次接待，"
                  f"{s.distinct_clients} 个客户" + ("（含个人信息，已记录）"
                                                 if result.include_personal else ""),
                  f"wrote {result.path}: {start} to {end}, {s.consultations} consultations, "
                  f"{s.distinct_clients} clients" + (" (personal data included, recorded)"
                                                     if result.include_personal else "")))
    return 0


def _figure(value: object, attr: str) -> str:
    if value is None:
        return "—"
    if attr == "satisfaction_rate" and isinstance(value, float):
        return f"{value:.1%}"
    return f"{value:.1f}" if isinstance(value, float) else str(value)


def stats(env: CommandEnv) -> int:
    from desktop.visits import api as visits

    start, end = _range(env)
    by, cross = env.args.by, env.args.cross
    for dim, option in ([(by, "--by")] if by else []) + (
            [(cross[0], "--cross"), (cross[1], "--cross")] if cross else []):
        visits.check_dimension(dim, option)
    ctx = env.context()
    summary = visits.visit_summary(ctx, start, end)
    buckets = visits.breakdown(ctx, by, start, end) if by else None
    tab = visits.crosstab(ctx, cross[0], cross[1], start, end) if cross else None
    if env.json:
        out: dict[str, object] = {"summary": summary.as_dict()}
        if buckets is not None:
            out["by"] = {"dimension": by, "rows": [
                {"key": b.key, "label": b.label(env.lang), "count": b.count}
                for b in buckets]}
        if tab is not None:
            out["cross"] = tab.as_dict(env.lang)
        env.emit_json(out)
        return 0
    env.out(env.t(f"统计期间：{start} 至 {end}", f"period: {start} to {end}"))
    for attr, zh, en, _wz, _we in visits.SUMMARY_FIGURES:
        env.out(f"{env.t(zh, en)}\t{_figure(getattr(summary, attr), attr)}")
    if buckets is not None:
        env.out("")
        env.out(f"{visits.DIMENSIONS[by].label(env.lang)}\t{env.t('人次', 'visits')}")
        for b in buckets:
            env.out(f"{b.label(env.lang)}\t{b.count}")
    if tab is not None:
        env.out("")
        env.out("\t".join([f"{visits.DIMENSIONS[tab.row_dim].label(env.lang)} × "
                           f"{visits.DIMENSIONS[tab.col_dim].label(env.lang)}"]
                          + [c.label(env.lang) for c in tab.cols] + [env.t("合计", "Total")]))
        for r, counts in zip(tab.rows, tab.counts, strict=True):
            env.out("\t".join([r.label(env.lang)] + [str(n) for n in counts] + [str(r.count)]))
    return 0
