"""The 专利导航 handout (catalogue service XX-003) from any result set: a DOCX an officer gives
a visitor — summary, charts (filings per year, top applicants, IPC subclasses, regions, legal
status, patent types) each with its table, and the most relevant records — and an XLSX beside
it with the same tables as native Excel charts.

Every figure is a facet count of the result set (:meth:`ResultSet.facets`), so the report's
numbers are the page's.
"""

from __future__ import annotations

import datetime as _dt
import io
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.common.files import save_atomically
from desktop.common.xlsx import safe_cell, save_workbook
from desktop.jobs import CancelledFn, ProgressFn, check_cancelled, never_cancelled, no_progress
from desktop.library import report_charts
from desktop.library.export import TYPE_NAMES, RowsFn, record_values
from desktop.library.search.engine import ResultSet

log = logging.getLogger(__name__)
TOP_RECORDS = 20
# (facet, Chinese title, English title, chart kind, how many)
CHARTS = [
    ("year", "历年申请量", "Filings per year", "column", 0),
    ("applicant", "主要申请人", "Top applicants", "bar", 10),
    ("ipc", "主要IPC小类", "Top IPC subclasses", "bar", 10),
    ("region", "地区分布", "Regions", "bar", 10),
    ("legal", "法律状态", "Legal status", "pie", 8),
    ("ptype", "专利类型", "Patent types", "pie", 8),
]


@dataclass
class ReportData:
    query: str
    total: int
    made: _dt.datetime
    tables: dict[str, list[tuple[str, int]]]
    top: list[list[Any]] = field(default_factory=list)  # export rows of the best hits

    def summary(self, lang: str = "zh") -> list[str]:
        zh = lang == "zh"
        t = self.tables
        lines = [f"检索式：{self.query or '（全部记录）'}" if zh else f"Query: {self.query or '(all)'}",
                 f"命中记录：{self.total:,} 条" if zh else f"Records found: {self.total:,}",
                 f"制作时间：{self.made:%Y-%m-%d %H:%M}" if zh else f"Made: {self.made:%Y-%m-%d %H:%M}"]
        years = t.get("year") or []
        if years:
            peak = max(years, key=lambda kv: kv[1])
            lines.append(f"年份范围：{years[0][0]}–{years[-1][0]}，最多为 {peak[0]} 年（{peak[1]} 件）"
                         if zh else f"Years {years[0][0]}–{years[-1][0]}; most in {peak[0]} "
                         f"({peak[1]})")
        for key, zh_label, en_label in (("applicant", "主要申请人", "Top applicants"),
                                        ("ipc", "主要IPC小类", "Top IPC subclasses")):
            if t.get(key):
                top3 = "、".join(f"{k}（{n}）" for k, n in t[key][:3])
                lines.append(f"{zh_label}：{top3}" if zh else f"{en_label}: {top3}")
        legal = dict(t.get("legal") or [])
        if legal and self.total:
            valid = legal.get("有效", 0)
            lines.append(f"有效专利 {valid} 件，占 {valid / self.total:.0%}" if zh
                         else f"In force: {valid} ({valid / self.total:.0%})")
        return lines


def report_data(results: ResultSet, rows: RowsFn, lang: str = "zh") -> ReportData:
    facets = results.facets(top=200)
    tables: dict[str, list[tuple[str, int]]] = {}
    for key, _zh, _en, _kind, top in CHARTS:
        counts = list(facets.get(key) or [])
        if key == "year":
            counts = sorted(counts)
        tables[key] = counts[:top] if top else counts
    hits = results.hits(0, TOP_RECORDS)
    ids = [h.record_id for h in hits if h.record_id is not None]
    found = rows(ids) if ids else {}
    top_rows = []
    for h in hits:
        stored = {"rid": h.id, "kind": h.type, "title": h.title, "appno_text": h.application_number,
                  "pubno_text": h.publication_number, "collection": h.collection,
                  "section": h.section}
        v = record_values(stored, found.get(h.record_id or -1), h.score, lang)
        # title, number (application, else publication), applicants, date, legal status
        top_rows.append([v[1], v[2] or v[4], v[6], v[3] or v[5], v[9]])
    return ReportData(results.text, results.total, _dt.datetime.now(), tables, top_rows)


# -- DOCX ----------------------------------------------------------------------------------

TOP_COLUMNS = ((0, "名称", "Title"), (1, "申请号/公开号", "Number"), (2, "申请人", "Applicants"),
               (3, "日期", "Date"), (4, "法律状态", "Status"))
FONT = "宋体"


def _chinese_fonts(doc: Any) -> None:
    """East-Asian font on every style used, so Word does not fall back to a Latin font."""
    from docx.oxml.ns import qn
    from docx.shared import Cm

    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.2)
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Table Grid"):
        try:
            style = doc.styles[name]
        except KeyError:
            continue
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = rpr.makeelement(qn("w:rFonts"), {})
            rpr.append(fonts)
        fonts.set(qn("w:eastAsia"), FONT)


def _table(doc: Any, header: list[str], rows: list[list[Any]]) -> None:
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for values in rows:
        cells = table.add_row().cells
        for cell, v in zip(cells, values, strict=True):
            cell.text = "" if v is None else str(safe_cell(v.isoformat() if isinstance(
                v, _dt.date) else v))


def chart_png(key: str, title: str, counts: list[tuple[str, int]], kind: str) -> bytes:
    if kind == "pie":
        return report_charts.pie_chart(title, counts)
    return report_charts.bar_chart(title, counts, horizontal=(kind == "bar"))


def write_docx(data: ReportData, path: str | Path, lang: str = "zh",
               progress: ProgressFn = no_progress,
               cancelled: CancelledFn = never_cancelled) -> Path:
    from docx import Document
    from docx.shared import Cm

    zh = lang == "zh"
    doc = Document()
    _chinese_fonts(doc)
    doc.add_heading("专利导航检索报告" if zh else "Patent navigation report", level=0)
    doc.add_heading("一、检索概况" if zh else "1. Summary", level=1)
    for line in data.summary(lang):
        doc.add_paragraph(line)
    doc.add_heading("二、统计分析" if zh else "2. Analysis", level=1)
    for n, (key, tzh, ten, kind, _top) in enumerate(CHARTS, start=1):
        check_cancelled(cancelled)
        progress(n, len(CHARTS) + 1, "图表 / charts")
        counts = data.tables.get(key) or []
        if not counts:
            continue
        title = tzh if zh else ten
        doc.add_heading(title, level=2)
        doc.add_picture(io.BytesIO(chart_png(key, title, counts, kind)), width=Cm(15))
        _table(doc, [title, "件数" if zh else "records"], [[k, v] for k, v in counts])
    doc.add_heading("三、重点专利" if zh else "3. Most relevant records", level=1)
    _table(doc, ["序号" if zh else "#"] + [z if zh else e for _i, z, e in TOP_COLUMNS],
           [[i] + [r[c] for c, _z, _e in TOP_COLUMNS] for i, r in enumerate(data.top, 1)])
    doc.add_heading("四、说明" if zh else "4. Notes", level=1)
    notes = ["数据来自本服务网点的本地专利数据库，统计以检索命中的记录为准；年份按申请日统计，"
             "无申请日的按公开（公告）日。" if zh else
             "Figures count the records found in this outlet's local patent library; years are "
             "filing years (publication years where the filing date is missing)."]
    if report_charts.cjk_font() is None:
        notes.append("本机未安装中文字体，图中的中文标签可能无法显示。" if zh else
                     "No Chinese font is installed: Chinese chart labels may not show.")
    for line in notes:
        doc.add_paragraph(line)
    return save_atomically(path, doc.save)


# -- XLSX with native charts -------------------------------------------------------------------

def write_xlsx(data: ReportData, path: str | Path, lang: str = "zh") -> Path:
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, PieChart, Reference

    zh = lang == "zh"
    wb = Workbook()
    ws = wb.active
    ws.title = "概况" if zh else "summary"
    for line in data.summary(lang):
        ws.append([safe_cell(line)])
    ws.column_dimensions["A"].width = 80
    for key, tzh, ten, kind, _top in CHARTS:
        counts = data.tables.get(key) or []
        if not counts:
            continue
        sh = wb.create_sheet((tzh if zh else ten)[:31])
        sh.append([tzh if zh else ten, "件数" if zh else "records"])
        for k, v in counts:
            sh.append([safe_cell(k), v])
        sh.column_dimensions["A"].width = 36
        chart: Any = PieChart() if kind == "pie" else BarChart()
        if kind == "bar":
            chart.type = "bar"
            chart.x_axis.scaling.orientation = "maxMin"
        if kind != "pie":
            chart.legend = None
            chart.x_axis.delete = chart.y_axis.delete = False
        chart.title = tzh if zh else ten
        chart.height, chart.width = 9, 16
        chart.add_data(Reference(sh, min_col=2, min_row=1, max_row=len(counts) + 1),
                       titles_from_data=True)
        chart.set_categories(Reference(sh, min_col=1, min_row=2, max_row=len(counts) + 1))
        sh.add_chart(chart, "D2")
    top = wb.create_sheet("重点专利" if zh else "top records")
    top.append(["序号" if zh else "#"] + [z if zh else e for _i, z, e in TOP_COLUMNS])
    for i, r in enumerate(data.top, 1):
        top.append([i] + [safe_cell(r[c]) for c, _z, _e in TOP_COLUMNS])
    return save_workbook(wb, path)


def write_report(results: ResultSet, path: str | Path, *, rows: RowsFn, lang: str = "zh",
                 progress: ProgressFn = no_progress,
                 cancelled: CancelledFn = never_cancelled) -> tuple[Path, Path]:
    """The DOCX at ``path`` and the XLSX beside it (same name, ``.xlsx``)."""
    target = Path(path)
    if target.suffix.lower() != ".docx":
        target = target.with_suffix(".docx")
    data = report_data(results, rows, lang)
    docx = write_docx(data, target, lang, progress, cancelled)
    xlsx = write_xlsx(data, target.with_suffix(".xlsx"), lang)
    progress(1, 1, "")
    return docx, xlsx


__all__ = ["CHARTS", "TYPE_NAMES", "ReportData", "report_data", "write_report"]
