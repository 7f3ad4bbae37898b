"""The monthly report workbook (接待统计报表): the summary an outlet reports upward, tables
by topic and month with native Excel charts, breakdowns, cross-tabs and the detail sheet.

Written in openpyxl's write-only mode (50,000 detail rows stay fast), every text cell
through the formula-injection guard, saved atomically (temp file beside, then replace).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from db.models import PersonalDataExport
from desktop import audit
from desktop.common.xlsx import display_width, safe_cell
from desktop.common.xlsx_stream import StreamedSheet, save_streamed
from desktop.context import AppContext
from desktop.errors import UserError
from desktop.jobs import CancelledFn, ProgressFn, check_cancelled, never_cancelled, no_progress
from desktop.settings import api as settings
from desktop.visits import stats
from desktop.visits.report_detail import count_rows, detail_header, detail_rows
from desktop.visits.stats import DIMENSIONS, SUMMARY_FIGURES, Bucket, CrossTab, VisitSummary

SUMMARY_SHEET = "汇总"
# (sheet, dimension, with a chart)
BREAKDOWN_SHEETS: tuple[tuple[str, str, bool], ...] = (
    ("按主题", "topic", True), ("按月", "month", True), ("按渠道", "channel", False),
    ("按客户类型", "client_kind", False), ("按园区", "region", False),
    ("按事项", "item", False), ("按接待人", "officer", False), ("按结果", "outcome", False),
    ("满意度", "satisfaction", False), ("工作量", "effort", False),
)
CROSS_SHEET = "交叉表"
CROSS_TABLES = (("topic", "channel"), ("region", "month"))
DETAIL_SHEET = "明细"
DETAIL_WIDTHS = (8, 17, 10, 28, 12, 18, 10, 20, 16, 14, 14, 12, 8, 8, 10, 8, 50, 50, 24, 16, 24,
                 12, 8, 12, 22, 16, 24)
PERCENT, DECIMAL, WHEN, DAY = "0.0%", "0.0", "yyyy-mm-dd hh:mm", "yyyy-mm-dd"


@dataclass(frozen=True)
class ReportResult:
    path: Path
    rows: int  # detail rows (visits in the range)
    summary: VisitSummary
    include_personal: bool
    outlet_set: bool  # False: the title says the outlet's name is missing

    def as_dict(self) -> dict[str, object]:
        return {"path": str(self.path), "rows": self.rows,
                "include_personal": self.include_personal, "outlet_set": self.outlet_set,
                "summary": self.summary.as_dict()}


def _t(lang: str, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


def period_text(date_from: _dt.date | None, date_to: _dt.date | None, lang: str) -> str:
    start = date_from.isoformat() if date_from else _t(lang, "最早", "the beginning")
    end = date_to.isoformat() if date_to else _t(lang, "至今", "today")
    return _t(lang, f"{start} 至 {end}", f"{start} to {end}")


class _Sheet:
    """A write-only sheet with styled cells and column widths set up front."""

    def __init__(self, wb: Any, title: str, widths: Sequence[int]) -> None:
        from openpyxl.utils import get_column_letter

        self.ws = wb.create_sheet(title)
        self.row = 0
        for i, width in enumerate(widths, start=1):
            self.ws.column_dimensions[get_column_letter(i)].width = width

    def cell(self, value: Any, *, bold: bool = False, size: float | None = None,
             fmt: str | None = None) -> Any:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font

        c = WriteOnlyCell(self.ws, value=safe_cell(value))
        if bold or size:
            c.font = Font(bold=bold, size=size)
        if fmt:
            c.number_format = fmt
        return c

    def append(self, values: Iterable[Any]) -> int:
        self.ws.append([v if hasattr(v, "column_letter") else safe_cell(v) for v in values])
        self.row += 1
        return self.row

    def header(self, values: Iterable[Any]) -> int:
        return self.append([self.cell(v, bold=True) for v in values])


def _summary_sheet(wb: Any, summary: VisitSummary, outlet: str, lang: str,
                   topics: list[Bucket]) -> None:
    sh = _Sheet(wb, SUMMARY_SHEET, (30, 14, 60))
    title = outlet or _t(lang, "（未填写服务网点名称）", "(outlet name not set)")
    sh.append([sh.cell(title + _t(lang, " 知识产权公共服务接待情况统计",
                                  " — IP public service consultations"), bold=True, size=14)])
    sh.append([_t(lang, "统计期间", "Period"), period_text(summary.date_from, summary.date_to,
                                                          lang)])
    sh.append([_t(lang, "制表日期", "Prepared on"), _dt.date.today().isoformat()])
    sh.append([])
    sh.header([_t(lang, "指标", "Figure"), _t(lang, "数值", "Value"),
               _t(lang, "统计口径", "What it counts")])
    for attr, zh, en, what_zh, what_en in SUMMARY_FIGURES:
        value = getattr(summary, attr)
        fmt = PERCENT if attr == "satisfaction_rate" else DECIMAL if isinstance(value, float) \
            else None
        sh.append([_t(lang, zh, en), "—" if value is None else sh.cell(value, fmt=fmt),
                   _t(lang, what_zh, what_en)])
    sh.append([])
    top = [b for b in sorted(topics, key=lambda b: -b.count) if b.count and b.key][:3]
    if top:
        sh.append([_t(lang, "主要咨询主题", "Main topics"),
                   "、".join(f"{b.label(lang)}（{b.count}）" for b in top)])
    sh.append([])
    sh.append([_t(lang, "填报人：", "Prepared by:"), "",
               _t(lang, "负责人（签字）：", "Head of outlet (signature):")])


def _chart(sh: _Sheet, dim: str, rows: int, lang: str) -> None:
    from openpyxl.chart import BarChart, LineChart, Reference

    chart: Any = LineChart() if dim == "month" else BarChart()
    if dim != "month":
        chart.type = "bar"  # horizontal bars: the topic names stay readable
    chart.title = _t(lang, f"接待人次（{DIMENSIONS[dim].zh}）",
                     f"Consultations by {DIMENSIONS[dim].en.lower()}")
    chart.legend = None
    chart.x_axis.delete = chart.y_axis.delete = False  # openpyxl 3.1 leaves them hidden
    if dim != "month":
        chart.x_axis.scaling.orientation = "maxMin"  # the first topic on top
    chart.height, chart.width = 9, 18
    data = Reference(sh.ws, min_col=2, min_row=1, max_row=rows + 1)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(sh.ws, min_col=1, min_row=2, max_row=rows + 1))
    sh.ws.add_chart(chart, "E2")


def _breakdown_sheet(wb: Any, title: str, dim: str, buckets: list[Bucket], total: int,
                     lang: str, with_chart: bool) -> None:
    widths = max([display_width(b.label(lang)) for b in buckets] + [10])
    sh = _Sheet(wb, title, (min(60, widths + 2), 12, 10))
    sh.header([DIMENSIONS[dim].label(lang), _t(lang, "接待人次", "Consultations"),
               _t(lang, "占比", "Share")])
    for b in buckets:
        sh.append([b.label(lang), b.count, sh.cell(b.count / total if total else 0,
                                                   fmt=PERCENT)])
    if DIMENSIONS[dim].multi:
        sh.append([])
        sh.append([_t(lang, "注：一次接待涉及多项时分别计入，合计可能大于接待人次",
                      "Note: a visit is counted under each of its values; the sum may "
                      "exceed the consultations")])
    if with_chart and buckets:
        _chart(sh, dim, len(buckets), lang)


def _cross_table(sh: _Sheet, tab: CrossTab, lang: str) -> None:
    row_dim, col_dim = DIMENSIONS[tab.row_dim], DIMENSIONS[tab.col_dim]
    total = _t(lang, "合计", "Total")
    sh.append([sh.cell(f"{row_dim.label(lang)} × {col_dim.label(lang)}", bold=True)])
    sh.header([row_dim.label(lang)] + [c.label(lang) for c in tab.cols] + [total])
    for r, counts in zip(tab.rows, tab.counts, strict=True):
        sh.append([r.label(lang), *counts, r.count])
    sh.append([sh.cell(total, bold=True), *[c.count for c in tab.cols], tab.total])
    if row_dim.multi or col_dim.multi:
        sh.append([_t(lang, "注：合计按接待人次；一次接待涉及多项时分别计入各项",
                      "Note: totals are consultations; a visit is counted under each of "
                      "its values")])
    sh.append([])


def _check_target(path: Path) -> None:
    if path.is_dir():
        raise UserError("这是一个文件夹，请给出报表文件名（.xlsx）",
                        "this is a folder; give the report's file name (.xlsx)", file=str(path))
    if not path.parent.is_dir():
        raise UserError("所在文件夹不存在", "the folder does not exist", file=str(path))


def _record_export(ctx: AppContext, path: Path, rows: int, officer: str,
                   date_from: _dt.date | None, date_to: _dt.date | None) -> None:
    with ctx.db.session() as s:
        s.add(PersonalDataExport(kind="visits_report", officer=officer, path=str(path),
                                 rows=rows, detail=period_text(date_from, date_to, "zh")))
        audit.record(s, ctx, "personal_export", path.name,
                     {"kind": "visits_report", "rows": rows, "path": str(path),
                      "period": period_text(date_from, date_to, "en")})


def write_report(ctx: AppContext, path: str | Path, date_from: _dt.date | None,
                 date_to: _dt.date | None, *, include_personal: bool = False,
                 officer: str = "", lang: str = "zh", progress: ProgressFn = no_progress,
                 cancelled: CancelledFn = never_cancelled) -> ReportResult:
    from openpyxl import Workbook

    target = Path(path)
    stats.check_range(date_from, date_to)
    _check_target(target)
    rows = count_rows(ctx, date_from, date_to)
    steps = len(BREAKDOWN_SHEETS) + len(CROSS_TABLES) + 3 + max(1, rows // 5000)
    done = 0

    def step(text_zh: str, text_en: str, n: int = 1) -> None:
        nonlocal done
        check_cancelled(cancelled)
        done += n
        progress(min(done, steps), steps, _t(lang, text_zh, text_en))

    summary = stats.visit_summary(ctx, date_from, date_to)
    outlet = settings.get_outlet(ctx)
    wb = Workbook(write_only=True)
    tables = {dim: stats.breakdown(ctx, dim, date_from, date_to)
              for _title, dim, _with_chart in BREAKDOWN_SHEETS}
    step("汇总", "summary")
    _summary_sheet(wb, summary, outlet.name, lang, tables["topic"])
    for title, dim, with_chart in BREAKDOWN_SHEETS:
        buckets = tables[dim]
        if dim in ("item", "region", "officer"):
            buckets = [b for b in buckets if b.count]
        _breakdown_sheet(wb, title, dim, buckets, summary.consultations, lang, with_chart)
        step(title, DIMENSIONS[dim].en)
    cross = _Sheet(wb, CROSS_SHEET, (24,) + (12,) * 14)
    for row_dim, col_dim in CROSS_TABLES:
        _cross_table(cross, stats.crosstab(ctx, row_dim, col_dim, date_from, date_to), lang)
        step("交叉表", "cross-tabs")
    detail = StreamedSheet(wb, DETAIL_SHEET, detail_header(lang), widths=DETAIL_WIDTHS,
                           formats={1: WHEN, 11: DAY})
    written = 0
    try:
        for values in detail_rows(ctx, date_from, date_to, lang=lang,
                                  include_personal=include_personal, cancelled=cancelled):
            detail.append(values)
            written += 1
            if written % 5000 == 0:
                step("明细", "detail")
        step("正在保存", "saving")
    except BaseException:
        detail.close()
        raise
    save_streamed(wb, target, [detail])
    if include_personal:
        _record_export(ctx, target, written, officer, date_from, date_to)
    progress(steps, steps, _t(lang, "完成", "done"))
    return ReportResult(target, written, summary, include_personal, outlet.is_set)
