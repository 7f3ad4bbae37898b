"""Patent lists as tables: XLSX (streamed read-only), CSV (encoding detected) and JSON Lines.

Each reader finds the header row, maps the columns (saved mapping, the caller's mapping or
synonyms) and yields :class:`RawRow` objects, or :class:`RowProblem` for rows it cannot read.
"""

from __future__ import annotations

import codecs
import csv
import json
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.common.limits import (
    MAX_JSON_DEPTH,
    json_depth_over,
    json_value_problem,
)
from desktop.common.xlsx import cell_too_long, fill_merged, merged_ranges, open_workbook, sheet_rows
from desktop.errors import RowProblem, UserError
from desktop.library.importers.columns import (
    ColumnPlan,
    UnrecognisedColumns,
    find_header_row,
    plan_columns,
    saved_mapping_for,
)
from desktop.library.importers.text_lines import (  # noqa: F401  (re-exported)
    MAX_LINE_BYTES,
    bounded_lines,
    csv_records,
    decode_line,
    decoded_lines,
    detect_encoding,
    read_head,
    sniff_delimiter,
)
from desktop.library.records import RawRow

log = logging.getLogger(__name__)
HEAD_ROWS = 10
RowItem = RawRow | RowProblem


@dataclass
class Table:
    """An opened table: its column plan, an estimate of its rows, and the rows."""

    path: Path
    plan: ColumnPlan
    total_hint: int
    rows: Iterator[RowItem]
    encoding: str | None = None
    closer: Callable[[], None] | None = None

    def close(self) -> None:
        """Release the file when the rows are not read to the end."""
        if self.closer is not None:
            self.closer()


def oversize(row_no: int, values: Iterable[tuple[str, Any]]) -> RowProblem | None:
    """The row's problem when a cell is longer than the cell limit."""
    for name, v in values:
        why = cell_too_long(v)
        if why is not None:
            return RowProblem(row_no, name or None, why[0] + "，该行未导入",
                              why[1] + "; the row was not imported")
    return None


def to_raw(row_no: int, values: list[Any] | tuple[Any, ...], plan: ColumnPlan
           ) -> RawRow | RowProblem | None:
    """Map one row by ``plan``; None for a completely empty row, a :class:`RowProblem` for a
    row with a cell over the cell limit."""
    if not any(v not in (None, "") for v in values):
        return None
    too_long = oversize(row_no, ((plan.headers[i] if i < len(plan.headers) else "", v)
                                 for i, v in enumerate(values) if isinstance(v, str)))
    if too_long is not None:
        return too_long
    mapped: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for i, v in enumerate(values):
        if v in (None, ""):
            continue
        f = plan.fields[i] if i < len(plan.fields) else None
        if f:
            mapped[f] = v
        elif f is None:
            name = plan.headers[i] if i < len(plan.headers) and plan.headers[i] else f"列{i + 1}"
            extra[name] = v
    return RawRow(row_no, mapped, extra)


def _require(plan: ColumnPlan, path: Path) -> None:
    if not plan.recognised:
        raise UnrecognisedColumns(str(path), plan)


def _mapping(path: Path, headers: list[str], mapping: dict[str, str] | None,
             user_dir: Path | None) -> dict[str, str] | None:
    return mapping if mapping is not None else saved_mapping_for(user_dir, headers)


# -- XLSX ----------------------------------------------------------------------------

def open_xlsx(path: Path, mapping: dict[str, str] | None = None,
              user_dir: Path | None = None, *, require: bool = True) -> Table:
    wb = open_workbook(path, read_only=True, data_only=True)
    chosen = None
    for ws in wb.worksheets:
        try:
            merged = merged_ranges(ws, path)
            head = [list(r) for r in fill_merged(sheet_rows(ws, path, max_row=HEAD_ROWS),
                                                 merged)]
        except UserError:
            wb.close()
            raise
        if not head:
            continue
        plan = find_header_row(head, mapping)
        saved = _mapping(path, plan.headers, mapping, user_dir)
        if saved and mapping is None:
            plan = find_header_row(head, saved)
        if chosen is None or (plan.recognised and not chosen[1].recognised):
            chosen = (ws, plan, merged)
        if plan.recognised:
            break
    if chosen is None:
        wb.close()
        raise UserError("工作簿中没有数据", "the workbook holds no data", file=str(path))
    ws, plan, merged = chosen
    if require:
        _require(plan, path)
    total = max(0, (ws.max_row or 0) - plan.header_row)

    def rows() -> Iterator[RowItem]:
        first = plan.header_row + 1
        # a merged range begun above the data rows still fills the rows it covers
        start = min([first] + [r[1] for r in merged if r[3] >= first])
        try:
            body = fill_merged(sheet_rows(ws, path, min_row=start), merged, start)
            for n, values in enumerate(body, start=start):
                if n < first:
                    continue
                raw = to_raw(n, values, plan)
                if raw is not None:
                    yield raw
        finally:
            wb.close()

    return Table(path, plan, total, rows(), closer=wb.close)


# -- CSV -----------------------------------------------------------------------------

def open_csv(path: Path, mapping: dict[str, str] | None = None,
             user_dir: Path | None = None, *, require: bool = True) -> Table:
    sample = read_head(path)
    if b"\x00" in sample[:4096]:
        raise UserError("文件不是文本CSV（可能是Excel或其他二进制文件）",
                        "the file is not a text CSV (binary content, perhaps an Excel file)",
                        file=str(path))
    encoding = detect_encoding(sample)
    bad_lines: list[int] = []
    head_lines = [decode_line(ln, encoding) or ln.decode("utf-8", errors="replace")
                  for ln in sample.removeprefix(codecs.BOM_UTF8).splitlines()[:HEAD_ROWS + 5]]
    head_text = "\n".join(head_lines)
    first_line = head_lines[0] if head_lines else ""
    delim = sniff_delimiter(first_line)
    head = [row for _, row in zip(range(HEAD_ROWS),
                                  csv.reader(head_text.splitlines(), delimiter=delim), strict=False)]
    plan = find_header_row(head, mapping)
    saved = _mapping(path, plan.headers, mapping, user_dir)
    if saved and mapping is None:
        plan = find_header_row(head, saved)
    if require:
        _require(plan, path)
    total = max(0, sample.count(b"\n") * max(1, path.stat().st_size // max(1, len(sample)))
                - plan.header_row)

    def rows() -> Iterator[RowItem]:
        for n, values in csv_records(decoded_lines(path, encoding, bad_lines), delim):
            if n <= plan.header_row:
                continue
            if isinstance(values, RowProblem):
                yield values
                continue
            if bad_lines and bad_lines[-1] == n:
                yield RowProblem(n, None, "该行编码无法识别（既非UTF-8也非GBK）",
                                 "the line is neither UTF-8 nor GBK text")
                continue
            raw = to_raw(n, values, plan)
            if raw is not None:
                yield raw

    return Table(path, plan, total, rows(), encoding)


# -- JSON Lines ----------------------------------------------------------------------

def open_jsonl(path: Path, mapping: dict[str, str] | None = None,
               user_dir: Path | None = None, *, require: bool = True) -> Table:
    keys: list[str] = []
    try:
        for _, (_n, line) in zip(range(HEAD_ROWS), bounded_lines(path), strict=False):
            try:
                obj = None if line is None or json_depth_over(line) else json.loads(line)
            except ValueError:
                continue
            if isinstance(obj, dict):
                keys += [k for k in obj if k not in keys]
    except OSError as exc:
        raise UserError(f"无法读取文件（{exc.strerror}）", f"cannot read the file ({exc.strerror})",
                        file=str(path)) from exc
    saved = _mapping(path, keys, mapping, user_dir)
    plan = plan_columns(keys, saved)
    if require:
        _require(plan, path)
    by_key = dict(zip(plan.headers, plan.fields, strict=False))
    size = path.stat().st_size

    def rows() -> Iterator[RowItem]:
        for n, line in bounded_lines(path):
            if line is None:
                yield RowProblem(n, None, f"该行超过{MAX_LINE_BYTES // 1_000_000} MB，未导入",
                                 f"the line is over {MAX_LINE_BYTES // 1_000_000} MB; "
                                 "not imported")
                continue
            if not line.strip():
                continue
            if json_depth_over(line):
                yield RowProblem(n, None, f"JSON嵌套超过{MAX_JSON_DEPTH}层",
                                 f"the JSON nests deeper than {MAX_JSON_DEPTH} levels")
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield RowProblem(n, None, f"不是有效的JSON（{exc.msg}）",
                                 f"not valid JSON ({exc.msg})")
                continue
            except (ValueError, RecursionError) as exc:  # e.g. the int-digits limit
                zh, en = json_value_problem(exc)
                yield RowProblem(n, None, zh, en)
                continue
            if not isinstance(obj, dict):
                yield RowProblem(n, None, "该行不是JSON对象", "the line is not a JSON object")
                continue
            obj = {k: v if isinstance(v, (str, int, float, bool, list)) or v is None
                   else json.dumps(v, ensure_ascii=False) for k, v in obj.items()}
            too_long = oversize(n, ((k, "; ".join(map(str, v)) if isinstance(v, list)
                                     else v) for k, v in obj.items()))
            if too_long is not None:
                yield too_long
                continue
            mapped: dict[str, Any] = {}
            extra: dict[str, Any] = {}
            for k, v in obj.items():
                if v in (None, ""):
                    continue
                f = by_key.get(k) if k in by_key else plan_columns([k], saved).fields[0]
                if isinstance(v, list):
                    v = "; ".join(str(x) for x in v)
                if f:
                    mapped.setdefault(f, v)
                elif f is None:
                    extra[k] = v
            yield RawRow(n, mapped, extra)

    est = int(size / max(1, len(keys) * 150)) if keys else 0
    return Table(path, plan, est, rows(), "utf-8")


READERS = {".xlsx": open_xlsx, ".xlsm": open_xlsx, ".xls": open_xlsx, ".csv": open_csv,
           ".tsv": open_csv, ".jsonl": open_jsonl, ".ndjson": open_jsonl}


def open_table(path: Path, mapping: dict[str, str] | None = None,
               user_dir: Path | None = None, *, require: bool = True) -> Table:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise UserError("不支持的表格格式（支持XLSX、CSV、JSONL）",
                        "unsupported table format (XLSX, CSV or JSONL)", file=str(path))
    return reader(path, mapping, user_dir, require=require)
