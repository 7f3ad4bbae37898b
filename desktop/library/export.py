"""Exporting a result set to XLSX: every hit, one row per record, and a facet summary sheet
(the start of a 专利导航 handout)."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any

from desktop.common.xlsx import autofit, save_workbook, write_rows
from desktop.jobs import CancelledFn, ProgressFn, check_cancelled, never_cancelled, no_progress
from desktop.library.search.engine import ResultSet

COLUMNS = [
    ("type", "类型", "type"), ("title", "名称", "title"),
    ("application_number", "申请号", "application number"),
    ("publication_number", "公开（公告）号", "publication number"),
    ("date", "日期", "date"), ("applicants", "申请（专利权）人", "applicants"),
    ("ipc", "IPC分类号", "IPC"), ("legal_status", "法律状态", "legal status"),
    ("patent_type", "专利类型", "patent type"), ("section", "条款/章节", "article/section"),
    ("collection", "来源", "source"), ("score", "相关度", "score"), ("snippet", "摘要片段", "snippet"),
]
TYPE_NAMES = {"patent": ("专利", "patent"), "document": ("文档", "document"),
              "service_item": ("服务事项", "service item")}
FACET_NAMES = {
    "applicant": ("申请人", "applicants"), "ipc": ("IPC小类", "IPC subclasses"),
    "year": ("年份", "years"), "legal": ("法律状态", "legal status"), "ptype": ("专利类型", "patent type"),
    "kind": ("记录类型", "record type"), "region": ("地区", "region"), "collection": ("来源", "source"),
}


def _cell(name: str, value: Any, lang: str) -> Any:
    if value is None:
        return None
    if name == "type":
        return TYPE_NAMES.get(value, (value, value))[0 if lang == "zh" else 1]
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return value


def export_results(results: ResultSet, path: str | Path, *, lang: str = "zh",
                   progress: ProgressFn = no_progress,
                   cancelled: CancelledFn = never_cancelled) -> Path:
    """Write every hit of ``results`` and a facet summary to ``path`` (atomically)."""
    from openpyxl import Workbook

    wb = Workbook(write_only=False)
    ws = wb.active
    ws.title = "检索结果" if lang == "zh" else "results"
    total = results.total

    def rows() -> Any:
        for n, hit in enumerate(results.iter_all(), start=1):
            if n % 1000 == 0:
                check_cancelled(cancelled)
                progress(n, total, "导出 / exporting")
            data = hit.to_json()
            yield [_cell(c, data.get(c), lang) for c, _zh, _en in COLUMNS]

    write_rows(ws, [zh if lang == "zh" else en for _c, zh, en in COLUMNS], rows())
    if ws.max_row <= 5000:
        autofit(ws)
    summary = wb.create_sheet("分面统计" if lang == "zh" else "facets")
    zh = lang == "zh"
    head: list[list[Any]] = [
        ["检索式" if zh else "query", results.text, None],
        ["命中数" if zh else "hits", None, total],
        ["导出时间" if zh else "exported", _dt.datetime.now().strftime("%Y-%m-%d %H:%M"), None],
    ]
    for fname, counts in results.facets(top=50).items():
        label = FACET_NAMES.get(fname, (fname, fname))[0 if zh else 1]
        for value, count in counts:
            shown = TYPE_NAMES.get(value, (value, value))[0 if zh else 1] \
                if fname == "kind" else value
            head.append([label, shown, count])
    write_rows(summary, ["分面" if zh else "facet", "取值" if zh else "value",
                         "记录数" if zh else "records"], head)
    autofit(summary)
    progress(total, total, "")
    return save_workbook(wb, path)

