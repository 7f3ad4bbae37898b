"""Reading and writing spreadsheets safely.

- :func:`safe_cell` neutralises formula injection in every exported text cell
  (a leading ``= + - @``, tab or CR is prefixed with an apostrophe-like quote).
- :func:`open_workbook` opens an XLSX read-only and turns "not an XLSX" into a clear
  :class:`UserError` naming the file.
- :func:`autofit` sets column widths, counting CJK characters as two.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from desktop.errors import UserError

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # category Cc but tab, newline
_RISKY_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def safe_cell(value: Any) -> Any:
    """Value ready for an exported cell: text that could run as a formula gets a leading '."""
    if value is None:
        return None
    if isinstance(value, (int, float, _dt.date, _dt.datetime, bool)):
        return value
    # strip characters openpyxl refuses (control chars other than tab/newline)
    text = _CONTROL.sub("", str(value))
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
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

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
    try:
        return openpyxl.load_workbook(p, read_only=read_only, data_only=data_only)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise UserError(f"XLSX文件已损坏或无法读取（{exc}）",
                        f"the XLSX file is damaged or unreadable ({exc})", file=name) from exc


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
