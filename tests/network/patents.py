"""Synthetic patent lists for the network tests (valid application numbers, one per index)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

HEADERS = ["发明名称", "申请号", "申请日", "公开（公告）号", "申请（专利权）人", "摘要"]


def appno(serial: int, year: int = 2021, kind: int = 1) -> str:
    body = f"{year}{kind}{serial:07d}"
    w = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
    r = sum(int(d) * x for d, x in zip(body, w, strict=False)) % 11
    return f"{body}.{'X' if r == 10 else r}"


def appno_key(serial: int) -> str:
    """The stored key of ``appno(serial)`` (the number without its check digit)."""
    return appno(serial).split(".")[0]


def write_patents(path: Path, serials: Iterable[int], word: str = "测试") -> Path:
    """A CSV patent list: one patent per serial number (the same serial: the same patent,
    with the same content in every file)."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(HEADERS)
        for i in serials:
            out.writerow([f"一种{word}装置第{i}号", appno(1000000 + i), "2021-03-01",
                          f"CN{113000000 + i}A", "太原某某科技有限公司",
                          f"本发明公开了{word}编号{i}的结构。"])
    return path
