"""Patent lists as tables: XLSX (streamed read-only), CSV (encoding detected) and JSON Lines.

Each reader finds the header row, maps the columns (saved mapping, the caller's mapping or
synonyms) and yields :class:`RawRow` objects, or :class:`RowProblem` for rows it cannot read.
"""

from __future__ import annotations

import codecs
import csv
import json
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.common.xlsx import open_workbook
from desktop.errors import RowProblem, UserError
from desktop.library.importers.columns import (
    ColumnPlan,
    UnrecognisedColumns,
    find_header_row,
    plan_columns,
    saved_mapping_for,
)
from desktop.library.records import RawRow

log = logging.getLogger(__name__)
HEAD_ROWS = 10
ENCODINGS = ("utf-8", "gb18030")
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


def to_raw(row_no: int, values: list[Any] | tuple[Any, ...], plan: ColumnPlan) -> RawRow | None:
    """Map one row by ``plan``; None for a completely empty row."""
    if not any(v not in (None, "") for v in values):
        return None
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
            head = [list(r) for r in ws.iter_rows(max_row=HEAD_ROWS, values_only=True)]
        except Exception as exc:  # damaged sheet XML
            raise UserError(f"工作表“{ws.title}”无法读取（{exc}）",
                            f"sheet '{ws.title}' cannot be read ({exc})", file=str(path)) from exc
        if not head:
            continue
        plan = find_header_row(head, mapping)
        saved = _mapping(path, plan.headers, mapping, user_dir)
        if saved and mapping is None:
            plan = find_header_row(head, saved)
        if chosen is None or (plan.recognised and not chosen[1].recognised):
            chosen = (ws, plan)
        if plan.recognised:
            break
    if chosen is None:
        wb.close()
        raise UserError("工作簿中没有数据", "the workbook holds no data", file=str(path))
    ws, plan = chosen
    if require:
        _require(plan, path)
    total = max(0, (ws.max_row or 0) - plan.header_row)

    def rows() -> Iterator[RowItem]:
        try:
            for n, values in enumerate(ws.iter_rows(min_row=plan.header_row + 1,
                                                    values_only=True), start=plan.header_row + 1):
                raw = to_raw(n, values, plan)
                if raw is not None:
                    yield raw
        except (KeyError, ValueError, OSError, EOFError) as exc:
            raise UserError(f"XLSX文件在读取中途出错，可能已截断或损坏（{exc}）",
                            f"the XLSX file broke off while reading; truncated or damaged ({exc})",
                            file=str(path)) from exc
        finally:
            wb.close()

    return Table(path, plan, total, rows(), closer=wb.close)


# -- CSV -----------------------------------------------------------------------------

def read_head(path: Path, size: int = 65536) -> bytes:
    """The first ``size`` bytes of a file, or a :class:`UserError` naming it."""
    try:
        with path.open("rb") as fh:
            return fh.read(size)
    except OSError as exc:
        raise UserError(f"无法读取文件（{exc.strerror}）", f"cannot read the file ({exc.strerror})",
                        file=str(path)) from exc


def detect_encoding(sample: bytes) -> str:
    """utf-8-sig (BOM), utf-8, or gb18030 (which also reads GBK and GB2312)."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    utf8 = other = 0
    for line in sample.splitlines()[:-1]:
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            utf8 += 1
        except UnicodeDecodeError:
            other += 1
    return "utf-8" if utf8 > other else "gb18030"


def decode_line(line: bytes, encoding: str) -> str | None:
    """One line in ``encoding``, else in the other common encoding; None if neither fits."""
    first = "utf-8" if encoding == "utf-8-sig" else encoding
    for enc in (first, "gb18030" if first == "utf-8" else "utf-8"):
        try:
            return line.decode(enc)
        except UnicodeDecodeError:
            continue
    return None


def _decoded_lines(path: Path, encoding: str, bad_lines: list[int]) -> Iterator[str]:
    with path.open("rb") as fh:
        for n, line in enumerate(fh, start=1):
            if n == 1 and line.startswith(codecs.BOM_UTF8):
                line = line[3:]
            text = decode_line(line, encoding)
            if text is None:
                bad_lines.append(n)
                text = line.decode("utf-8", errors="replace")
            yield text


def _sniff_delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (",", "\t", ";", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


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
    delim = _sniff_delimiter(first_line)
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
        reader = csv.reader(_decoded_lines(path, encoding, bad_lines), delimiter=delim)
        try:
            for values in reader:
                n = reader.line_num
                if n <= plan.header_row:
                    continue
                if bad_lines and bad_lines[-1] == n:
                    yield RowProblem(n, None, "该行编码无法识别（既非UTF-8也非GBK）",
                                     "the line is neither UTF-8 nor GBK text")
                    continue
                raw = to_raw(n, values, plan)
                if raw is not None:
                    yield raw
        except csv.Error as exc:
            raise UserError(f"CSV格式错误（{exc}）", f"malformed CSV ({exc})", file=str(path),
                            row=reader.line_num) from exc

    return Table(path, plan, total, rows(), encoding)


# -- JSON Lines ----------------------------------------------------------------------

def open_jsonl(path: Path, mapping: dict[str, str] | None = None,
               user_dir: Path | None = None, *, require: bool = True) -> Table:
    keys: list[str] = []
    try:
        with path.open("r", encoding="utf-8-sig", errors="replace") as fh:
            for _, line in zip(range(HEAD_ROWS), fh, strict=False):
                try:
                    obj = json.loads(line)
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
        with path.open("r", encoding="utf-8-sig", errors="replace") as fh:
            for n, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except ValueError as exc:  # JSONDecodeError, or e.g. the int-digits limit
                    why = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
                    yield RowProblem(n, None, f"不是有效的JSON（{why}）",
                                     f"not valid JSON ({why})")
                    continue
                if not isinstance(obj, dict):
                    yield RowProblem(n, None, "该行不是JSON对象", "the line is not a JSON object")
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
