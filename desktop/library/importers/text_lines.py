"""Reading a CSV as text: the encoding detected (UTF-8, UTF-8-BOM, GB18030), lines bounded in
length, records parsed one at a time so an unclosed quote is reported on its line instead of
swallowing the rows after it."""

from __future__ import annotations

import codecs
import csv
import logging
import sys
from collections import deque
from collections.abc import Iterator
from pathlib import Path

from desktop.common.limits import MAX_CELL_CHARS, MAX_RECORD_LINES
from desktop.errors import RowProblem, UserError

log = logging.getLogger(__name__)
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # sizes are checked per line and per cell
ENCODINGS = ("utf-8", "gb18030")


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


MAX_LINE_BYTES = 16_000_000  # one physical CSV line (longer lines are reported, not read)


def _raw_lines(path: Path) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) per physical line; None for a line over the size limit (which
    is skipped without being held in memory)."""
    with path.open("rb") as fh:
        n = 0
        while line := fh.readline(MAX_LINE_BYTES + 1):
            n += 1
            if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
                while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass
                yield n, None
                continue
            yield n, line[3:] if n == 1 and line.startswith(codecs.BOM_UTF8) else line


def bounded_lines(path: Path) -> Iterator[tuple[int, str | None]]:
    for n, line in _raw_lines(path):
        yield n, None if line is None else line.decode("utf-8", errors="replace")


def decoded_lines(path: Path, encoding: str, bad_lines: list[int]
                   ) -> Iterator[tuple[int, str | None]]:
    """(line number, text) per physical line; text None for a line over the size limit."""
    for n, line in _raw_lines(path):
        if line is None:
            yield n, None
            continue
        text = decode_line(line, encoding)
        if text is None:
            bad_lines.append(n)
            text = line.decode("utf-8", errors="replace")
        yield n, text


def _parse_record(lines: list[str], delim: str) -> list[str] | None:
    """The fields of one record from its lines; None while a quoted field is still open."""
    try:
        rows = list(csv.reader(lines, delimiter=delim, strict=True))
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            return None
        rows = list(csv.reader(lines, delimiter=delim))  # lenient about stray quotes
    return [v for r in rows for v in r] if len(rows) > 1 else (rows[0] if rows else [])


def csv_records(lines: Iterator[tuple[int, str | None]], delim: str
                ) -> Iterator[tuple[int, list[str] | RowProblem]]:
    """(first line number, fields) per record.  A quoted field may span lines, but a quote
    still open after :data:`MAX_RECORD_LINES` lines, or at the end of the file, is reported
    on its line and the lines after it are read as rows of their own (never swallowed)."""
    pending: deque[tuple[int, str | None]] = deque()

    def next_line() -> tuple[int, str | None] | None:
        return pending.popleft() if pending else next(lines, None)

    while (item := next_line()) is not None:
        n, text = item
        if text is None:
            yield n, RowProblem(n, None, f"该行超过{MAX_LINE_BYTES // 1_000_000} MB，未导入",
                                f"the line is over {MAX_LINE_BYTES // 1_000_000} MB; not imported")
            continue
        buf, taken = [text], []
        fields = _parse_record(buf, delim)
        while fields is None:
            more = next_line()
            if more is None or more[1] is None or len(buf) >= MAX_RECORD_LINES \
                    or sum(map(len, buf)) > 4 * MAX_CELL_CHARS:
                if more is not None:
                    taken.append(more)
                pending.extendleft(reversed(taken))
                yield n, RowProblem(n, None, "引号未闭合（该行的引号一直没有结束），该行未导入，其后各行照常读取",
                                    "unclosed quote: the quoted field never ends; the row was "
                                    "not imported, the lines after it were read as rows")
                break
            taken.append(more)
            buf.append(more[1])
            fields = _parse_record(buf, delim)
        if fields is not None:
            yield n, fields


def sniff_delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (",", "\t", ";", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","
