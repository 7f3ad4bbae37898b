"""Exporting a result set to XLSX: every hit, one row per record with its full stored fields
(abstract, 发明人, dates as dates, IPC, legal status), a filter on the header, and a facet
summary sheet.  Rows are streamed (:mod:`desktop.common.xlsx_stream`), so 100,000 hits take
seconds; no snippet (and so no highlight mark) goes into the sheet.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from desktop.common.xlsx import safe_cell
from desktop.common.xlsx_stream import StreamedSheet, save_streamed
from desktop.jobs import CancelledFn, ProgressFn, check_cancelled, never_cancelled, no_progress
from desktop.library.search.engine import ResultSet

RowsFn = Callable[[list[int]], dict[int, dict[str, Any]]]  # record ids -> stored rows
# (key, Chinese header, English header, width)
COLUMNS = [
    ("type", "类型", "type", 8), ("title", "名称", "title", 40),
    ("application_number", "申请号", "application number", 18),
    ("application_date", "申请日", "application date", 12),
    ("publication_number", "公开（公告）号", "publication number", 17),
    ("publication_date", "公开（公告）日", "publication date", 12),
    ("applicants", "申请（专利权）人", "applicants", 30), ("inventors", "发明人", "inventors", 20),
    ("ipc", "IPC分类号", "IPC", 22), ("legal_status", "法律状态", "legal status", 10),
    ("patent_type", "专利类型", "patent type", 10), ("region", "地区", "region", 10),
    ("abstract", "摘要", "abstract", 80), ("section", "条款/章节", "article/section", 16),
    ("collection", "来源", "source", 12), ("score", "相关度", "score", 8),
]
DATE_COLUMNS = ("application_date", "publication_date")
TYPE_NAMES = {"patent": ("专利", "patent"), "document": ("文档", "document"),
              "service_item": ("服务事项", "service item")}
FACET_NAMES = {
    "applicant": ("申请人", "applicants"), "ipc": ("IPC小类", "IPC subclasses"),
    "year": ("年份", "years"), "legal": ("法律状态", "legal status"), "ptype": ("专利类型", "patent type"),
    "kind": ("记录类型", "record type"), "region": ("地区", "region"), "collection": ("来源", "source"),
}
BATCH = 500


def default_name(query: str, lang: str = "zh", suffix: str = ".xlsx") -> str:
    """A file name for a result: ``检索结果_<query>_<date>.xlsx`` (unsafe characters dropped)."""
    words = re.sub(r'[\\/:*?"<>|\s：（）()]+', "_", query).strip("_")[:30]
    stem = "检索结果" if lang == "zh" else "search_results"
    return f"{stem}_{words + '_' if words else ''}{_dt.date.today():%Y%m%d}{suffix}"


def _joined(value: Any) -> Any:
    if isinstance(value, str):
        parts = [p.strip() for p in value.split(";") if p.strip()]
        return "; ".join(parts) or None
    return value


def record_values(stored: dict[str, Any], row: dict[str, Any] | None, score: float | None,
                  lang: str) -> list[Any]:
    """One sheet row: the stored record's fields (the index's stored fields for service items)."""
    kind = stored.get("kind", "patent")
    r = row or {}
    values: dict[str, Any] = {
        "type": TYPE_NAMES.get(kind, (kind, kind))[0 if lang == "zh" else 1],
        "title": r.get("title") or stored.get("title"),
        "application_number": r.get("application_number") or stored.get("appno_text"),
        "application_date": r.get("application_date"),
        "publication_number": (r.get("publication_number") or r.get("grant_number")
                               or stored.get("pubno_text")),
        "publication_date": r.get("publication_date") or r.get("grant_date"),
        "applicants": _joined(r.get("applicants")), "inventors": _joined(r.get("inventors")),
        "ipc": _joined(r.get("ipc")), "legal_status": r.get("legal_status"),
        "patent_type": r.get("patent_type"), "region": r.get("region"),
        "abstract": r.get("abstract") or r.get("body") or (None if row else stored.get("body")),
        "section": r.get("section") or stored.get("section"),
        "collection": r.get("collection") or stored.get("collection"),
        "score": round(float(score), 4) if score is not None else None,
    }
    for name in DATE_COLUMNS:
        if isinstance(values[name], _dt.datetime):
            values[name] = values[name].date()
    return [values[c] for c, *_ in COLUMNS]


def iter_records(results: ResultSet, rows: RowsFn, lang: str
                 ) -> Iterator[tuple[dict[str, Any], list[Any]]]:
    """(stored fields, sheet row) of every hit in order, records read a batch at a time."""
    batch: list[tuple[dict[str, Any], float | None]] = []

    def flush() -> Iterator[tuple[dict[str, Any], list[Any]]]:
        ids = [int(s["rid"][1:]) for s, _ in batch if str(s.get("rid", "")).startswith("r")]
        found = rows(ids) if ids else {}
        for stored, score in batch:
            rid = str(stored.get("rid", ""))
            row = found.get(int(rid[1:])) if rid.startswith("r") and rid[1:].isdigit() else None
            yield stored, record_values(stored, row, score, lang)
        batch.clear()

    for item in results.iter_stored():
        batch.append(item)
        if len(batch) >= BATCH:
            yield from flush()
    yield from flush()


def facet_rows(results: ResultSet, lang: str, top: int = 50) -> list[list[Any]]:
    zh = lang == "zh"
    out: list[list[Any]] = []
    for fname, counts in results.facets(top=top).items():
        label = FACET_NAMES.get(fname, (fname, fname))[0 if zh else 1]
        for value, count in counts:
            shown = TYPE_NAMES.get(value, (value, value))[0 if zh else 1] \
                if fname == "kind" else value
            out.append([label, shown, count])
    return out


def export_results(results: ResultSet, path: str | Path, *, rows: RowsFn, lang: str = "zh",
                   progress: ProgressFn = no_progress,
                   cancelled: CancelledFn = never_cancelled) -> Path:
    """Write every hit of ``results`` and a facet summary to ``path`` (atomically)."""
    from openpyxl import Workbook

    zh = lang == "zh"
    total = results.total
    wb = Workbook(write_only=True)
    sheet = StreamedSheet(wb, "检索结果" if zh else "results",
                          [z if zh else e for _c, z, e, _w in COLUMNS],
                          widths=[w for *_x, w in COLUMNS], autofilter=True,
                          formats={i: "yyyy-mm-dd" for i, (c, *_r) in enumerate(COLUMNS)
                                   if c in DATE_COLUMNS})
    try:
        for n, (_stored, values) in enumerate(iter_records(results, rows, lang), start=1):
            sheet.append(values)
            if n % 1000 == 0:
                check_cancelled(cancelled)
                progress(n, total, "导出 / exporting")
        summary = wb.create_sheet("分面统计" if zh else "facets")
        head: list[list[Any]] = [
            ["检索式" if zh else "query", results.text, None],
            ["命中数" if zh else "hits", None, total],
            ["导出时间" if zh else "exported", _dt.datetime.now().strftime("%Y-%m-%d %H:%M"), None],
            *facet_rows(results, lang),
        ]
        summary_rows = [["分面" if zh else "facet", "取值" if zh else "value",
                         "记录数" if zh else "records"], *head]
    except BaseException:
        sheet.close()
        raise
    _write_summary(summary, summary_rows)
    progress(total, total, "")
    return save_streamed(wb, path, [sheet])


def _write_summary(ws: Any, rows: list[list[Any]]) -> None:
    for r in rows:
        ws.append([safe_cell(v) for v in r])
