"""CNKI plain-text patent exports: ``[n]发明人1,发明人2. 名称[P]. 地区：公开号,公开日.``

One record a line (CRLF or LF); long inventor lists wrap onto following lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from desktop.errors import RowProblem
from desktop.library.importers.columns import ColumnPlan
from desktop.library.importers.tables import RowItem, Table, detect_encoding, read_head
from desktop.library.records import RawRow

_START = re.compile(r"^\s*\[(\d+)\]")
_RECORD = re.compile(
    r"^\s*\[(?P<n>\d+)\](?P<inventors>.*?)\.\s+(?P<title>.+)\[P\]\.\s*"
    r"(?P<region>[^：:]*)[：:]\s*(?P<pubno>[^,，\s]+)\s*[,，]\s*(?P<date>[\d.\-/]+?)\.?\s*$"
)
_TAGS = re.compile(r"</?(sub|sup|i|b)>", re.I)


def looks_like_cnki(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
    except OSError:
        return False
    text = head.decode(detect_encoding(head).replace("-sig", ""), errors="ignore")
    return bool(re.search(r"^\s*\[\d+\].*\[P\]\.", text, re.M))


def _records(path: Path, encoding: str) -> Iterator[tuple[int, str]]:
    start_line = 0
    parts: list[str] = []
    enc = "utf-8-sig" if encoding.startswith("utf-8") else encoding
    with path.open("r", encoding=enc, errors="replace", newline=None) as fh:
        for n, line in enumerate(fh, start=1):
            line = line.rstrip("\r\n")
            if _START.match(line):
                if parts:
                    yield start_line, "".join(parts)
                start_line, parts = n, [line.strip()]
            elif line.strip() and parts:
                parts.append(line.strip())
        if parts:
            yield start_line, "".join(parts)


def parse_record(text: str) -> dict[str, str] | None:
    m = _RECORD.match(text)
    if not m:
        return None
    values = {
        "title": _TAGS.sub("", m.group("title")).strip(),
        "inventors": m.group("inventors").strip().rstrip(","),
        "region": m.group("region").strip(),
        "publication_number": m.group("pubno").strip(),
        "publication_date": m.group("date").strip(),
    }
    return {k: v for k, v in values.items() if v}


def open_cnki(path: Path, *_args: object, **_kwargs: object) -> Table:
    sample = read_head(path)
    encoding = detect_encoding(sample)
    plan = ColumnPlan(["inventors", "title", "region", "publication_number", "publication_date"],
                      ["inventors", "title", "region", "publication_number", "publication_date"])

    def rows() -> Iterator[RowItem]:
        for line_no, text in _records(path, encoding):
            values = parse_record(text)
            if values is None:
                yield RowProblem(line_no, None, "不是CNKI专利题录格式（[n]发明人. 名称[P]. 地区：公开号,日期.）",
                                 "not a CNKI patent line ([n]inventors. title[P]. region: pubno,date.)")
            else:
                yield RawRow(line_no, values)

    return Table(path, plan, sample.count(b"[P]"), rows(), encoding)
