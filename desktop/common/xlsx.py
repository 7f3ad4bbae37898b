"""Reading and writing spreadsheets safely.

- :func:`safe_cell` neutralises formula injection in every exported text cell
  (a leading ``= + - @``, tab or CR is prefixed with an apostrophe-like quote).
- :func:`open_workbook` opens an XLSX read-only and turns "not an XLSX", a damaged ZIP or XML
  part and a zip bomb into a clear :class:`UserError` naming the file; shared strings are read
  with a bounded parser (a string over the cell limit is kept only as :class:`OversizeText`).
- :func:`sheet_rows` streams a sheet's rows, a sheet that breaks off mid-way becoming a
  :class:`UserError` naming the row; :func:`merged_ranges` / :func:`fill_merged` give a merged
  range's value to every row it covers, also in read-only mode.
- :func:`autofit` sets column widths, counting CJK characters as two.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from desktop.common.containers import CONTAINER_ERRORS, check_zip, damaged
from desktop.common.limits import MAX_CELL_CHARS, MAX_SHARED_TEXT_CHARS, xml_text
from desktop.errors import UserError

_RISKY_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def safe_cell(value: Any) -> Any:
    """Value ready for an exported cell: text that could run as a formula gets a leading '."""
    if value is None:
        return None
    if isinstance(value, (int, float, _dt.date, _dt.datetime, bool)):
        return value
    # strip characters XML (and so openpyxl, Excel) refuses: controls, non-characters
    text = xml_text(str(value))
    if text.startswith(_RISKY_START):
        return "'" + text
    return text


def unguard_cell(text: str) -> str:
    """Undo :func:`safe_cell`'s quote on text read back from a sheet this app exported."""
    if len(text) > 1 and text[0] == "'" and text[1:].startswith(_RISKY_START):
        return text[1:]
    return text


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def autofit(ws: Any, *, min_width: int = 6, max_width: int = 60) -> None:
    """Set column widths from the longest cell in each column (CJK counts as two)."""
    from openpyxl.utils import get_column_letter

    widths: dict[int, int] = {}
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            longest = max(display_width(line) for line in str(cell.value).splitlines() or [""])
            widths[cell.column] = max(widths.get(cell.column, 0), longest)
    for col, width in widths.items():
        ws.column_dimensions[get_column_letter(col)].width = max(min_width,
                                                                 min(max_width, width + 2))


def open_workbook(path: str | Path, *, read_only: bool = True, data_only: bool = True) -> Any:
    """Open an XLSX for reading; a missing, locked or non-XLSX file raises :class:`UserError`."""
    p = Path(path)
    name = str(p)
    if not p.exists():
        raise UserError("文件不存在", "file not found", file=name)
    if p.suffix.lower() == ".xls":
        raise UserError("这是旧版Excel（.xls）文件，请在Excel中另存为.xlsx后再导入",
                        "this is an old Excel .xls file; save it as .xlsx first", file=name)
    try:
        with p.open("rb") as fh:
            head = fh.read(4)
    except OSError as exc:
        raise UserError(f"无法读取文件（{exc.strerror}）", f"cannot read the file ({exc.strerror})",
                        file=name) from exc
    if head != b"PK\x03\x04":
        raise UserError("文件不是XLSX格式（扩展名与内容不符，或文件已损坏）",
                        "the file is not an XLSX workbook (wrong extension or damaged)", file=name)
    check_zip(p, "XLSX")
    try:
        reader = _bounded_reader()(str(p), read_only=read_only, data_only=data_only)
        reader.read()
        return reader.wb
    except UserError:
        raise
    except CONTAINER_ERRORS as exc:
        cause = exc.__cause__ if isinstance(exc.__cause__, CONTAINER_ERRORS) else exc
        raise damaged(name, "XLSX", cause) from exc


class OversizeText(str):
    """Stands for a shared string longer than the cell limit (its text is not kept)."""

    length: int = 0


def cell_length(value: Any) -> int:
    """The length of a cell's text (an :class:`OversizeText`'s real length)."""
    if isinstance(value, OversizeText):
        return value.length
    return len(value) if isinstance(value, str) else 0


def cell_too_long(value: Any) -> tuple[str, str] | None:
    """(zh, en) when a cell's text is over :data:`MAX_CELL_CHARS`, else None."""
    n = cell_length(value)
    if n <= MAX_CELL_CHARS:
        return None
    return (f"单元格有{n:,}个字符，超过上限{MAX_CELL_CHARS:,}",
            f"a cell of {n:,} characters is over the limit of {MAX_CELL_CHARS:,}")


class _SharedStrings:
    """An expat handler collecting ``<si>`` texts, each bounded by the cell limit."""

    def __init__(self) -> None:
        self.strings: list[str] = []
        self.parts: list[str] = []
        self.size = 0
        self.total = 0
        self.take = False
        self.phonetic = 0

    def start(self, name: str, _attrs: Any) -> None:
        local = name.rpartition(" ")[2]
        if local == "si":
            self.parts, self.size = [], 0
        elif local == "rPh":
            self.phonetic += 1
        elif local == "t" and not self.phonetic:
            self.take = True

    def end(self, name: str) -> None:
        local = name.rpartition(" ")[2]
        if local == "t":
            self.take = False
        elif local == "rPh":
            self.phonetic -= 1
        elif local == "si":
            if self.size > MAX_CELL_CHARS:
                over = OversizeText("…")
                over.length = self.size
                self.strings.append(over)
            else:
                self.strings.append("".join(self.parts).replace("x005F_", ""))
            self.parts = []

    def chars(self, data: str) -> None:
        if not self.take:
            return
        self.size += len(data)
        if self.size <= MAX_CELL_CHARS:
            self.parts.append(data)
            self.total += len(data)
            if self.total > MAX_SHARED_TEXT_CHARS:
                raise UserError(
                    f"工作簿的文字总量超过{MAX_SHARED_TEXT_CHARS:,}个字符，请拆分文件",
                    f"the workbook holds more than {MAX_SHARED_TEXT_CHARS:,} characters of "
                    "text; split the file")
        else:
            self.parts = []


def read_shared_strings(src: Any) -> list[str]:
    """The shared-string table from a file object, with bounded memory."""
    from xml.parsers import expat

    table = _SharedStrings()
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    parser.StartElementHandler = table.start
    parser.EndElementHandler = table.end
    parser.CharacterDataHandler = table.chars
    try:
        while chunk := src.read(1 << 20):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except expat.ExpatError as exc:
        raise ValueError(f"sharedStrings.xml: {exc}") from exc
    return table.strings


def _bounded_reader() -> Any:
    from openpyxl.reader import excel

    class BoundedReader(excel.ExcelReader):
        def read_strings(self) -> None:
            ct = self.package.find(excel.SHARED_STRINGS)
            if ct is not None:
                with self.archive.open(ct.PartName[1:]) as src:
                    self.shared_strings = read_shared_strings(src)

    return BoundedReader


def sheet_rows(ws: Any, path: str | Path, *, min_row: int = 1,
               max_row: int | None = None) -> Iterator[tuple[Any, ...]]:
    """A sheet's rows as value tuples; a sheet that breaks off is a :class:`UserError`
    naming the file and the row where it broke."""
    row = min_row
    try:
        for values in ws.iter_rows(min_row=min_row, max_row=max_row, values_only=True):
            yield values
            row += 1
    except UserError:
        raise
    except CONTAINER_ERRORS as exc:
        raise damaged(path, "XLSX", exc, row=row) from exc


Range = tuple[int, int, int, int]  # min_col, min_row, max_col, max_row
_SHEET_END = re.compile(rb"</(?:\w+:)?sheetData>")
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+[0-9]+):([A-Z]+[0-9]+)"')


def merged_ranges(ws: Any, path: str | Path = "") -> list[Range]:
    """The merged ranges of a sheet; in read-only mode read from the part's tail (where
    ``<mergeCells>`` follows the rows) in one streaming pass."""
    from openpyxl.utils.cell import coordinate_to_tuple

    def as_range(a: str, b: str) -> Range:
        (r1, c1), (r2, c2) = coordinate_to_tuple(a), coordinate_to_tuple(b)
        return (min(c1, c2), min(r1, r2), max(c1, c2), max(r1, r2))

    if hasattr(ws, "merged_cells"):
        return [(r.min_col, r.min_row, r.max_col, r.max_row) for r in ws.merged_cells.ranges]
    tail = b""
    found = False
    try:
        with ws.parent._archive.open(ws._worksheet_path) as src:
            while chunk := src.read(1 << 22):
                if found:
                    tail += chunk
                    continue
                buf = tail[-64:] + chunk
                m = _SHEET_END.search(buf)
                if m:
                    found, tail = True, buf[m.end():]
                else:
                    tail = buf[-64:]
    except CONTAINER_ERRORS as exc:
        raise damaged(path, "XLSX", exc) from exc
    return [as_range(a.decode(), b.decode()) for a, b in _MERGE.findall(tail)] if found else []


def fill_merged(rows: Iterable[tuple[Any, ...]], ranges: list[Range], first_row: int = 1
                ) -> Iterator[tuple[Any, ...]]:
    """``rows`` (numbered from ``first_row``) with each merged range's top-left value in
    every cell it covers."""
    if not ranges:
        yield from rows
        return
    starts: dict[int, list[Range]] = {}
    for rng in ranges:
        starts.setdefault(rng[1], []).append(rng)
    active: list[tuple[Range, Any]] = []
    for n, values in enumerate(rows, start=first_row):
        active = [(rng, v) for rng, v in active if rng[3] >= n]
        for rng in starts.get(n, ()):
            col = rng[0] - 1
            active.append((rng, values[col] if col < len(values) else None))
        if active:
            out = list(values)
            for (c1, _r1, c2, _r2), v in active:
                if v in (None, ""):
                    continue
                if len(out) < c2:
                    out += [None] * (c2 - len(out))
                for c in range(c1 - 1, c2):
                    if out[c] in (None, ""):
                        out[c] = v
            values = tuple(out)
        yield values


def write_rows(ws: Any, header: Iterable[Any], rows: Iterable[Iterable[Any]]) -> None:
    """Append a bold header and the rows, every cell passed through :func:`safe_cell`."""
    from openpyxl.styles import Font

    ws.append([safe_cell(h) for h in header])
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append([safe_cell(v) for v in row])
    ws.freeze_panes = "A2"


def save_workbook(wb: Any, path: str | Path) -> Path:
    """Save atomically (see :func:`desktop.common.files.save_atomically`)."""
    from desktop.common.files import save_atomically

    return save_atomically(path, wb.save)
