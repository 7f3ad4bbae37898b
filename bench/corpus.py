"""A synthetic patent corpus scaled up from the real records in ../shared/data.

Fields are resampled and recombined from the real records: titles from all 26,666 real titles,
abstracts from the 4,097 real ones (on every record, as in a CNIPA export, although only about
15 % of the real records carry one), applicants from the real assignees, IPC lists from the real
classification list, inventors and regions from the CNKI exports.  Numbers, dates and legal status are generated
(application numbers with valid check digits, unique publication numbers).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data" / "patents"
_CNKI = re.compile(r"^\[\d+\](.*?)\.\s+(.+)\[P\]\.\s*([^：:]*)[：:]")


class Pool:
    def __init__(self, shared: Path = SHARED) -> None:
        self.titles: list[str] = []
        self.abstracts: list[str] = []
        self.assignees: list[str] = []
        self.ipcs: list[str] = []
        self.inventors: list[str] = []
        self.regions: list[str] = []
        with (shared / "bdci_cn_patents.jsonl").open(encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                self.titles.append(r["title"])
                self.abstracts.append(r["abstract"])
                self.assignees.append(r["assignee"])
        with (shared / "cn_patent_titles_ipc.csv").open(encoding="utf-8") as fh:
            next(fh)
            for line in fh:
                parts = line.rstrip("\n").split(",")
                if len(parts) >= 3:
                    self.titles.append(",".join(parts[1:-1]))
                    self.ipcs.append(parts[-1].replace("|", "; "))
        for f in sorted((shared / "cnki_exports").rglob("*.txt")):
            for line in f.read_text(encoding="utf-8").splitlines():
                m = _CNKI.match(line.strip())
                if m:
                    self.inventors.append(m.group(1))
                    self.titles.append(re.sub(r"</?su[bp]>", "", m.group(2)))
                    self.regions.append(m.group(3))
        self.abstract_share = len(self.abstracts) / len(self.titles)


def appno(year: int, kind: int, serial: int) -> str:
    body = f"{year}{kind}{serial:07d}"
    w = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
    r = sum(int(d) * x for d, x in zip(body, w, strict=False)) % 11
    return f"{body}.{'X' if r == 10 else r}"


def records(pool: Pool, n: int, seed: int = 7, start: int = 0) -> Iterator[dict[str, Any]]:
    """``n`` synthetic patents as column-name → value dicts (CNIPA export headers)."""
    rnd = random.Random(seed + start)
    for i in range(start, start + n):
        year = rnd.randint(2005, 2023)
        kind = rnd.choice((1, 1, 2, 2, 3))
        d = dt.date(year, rnd.randint(1, 12), rnd.randint(1, 28))
        pub = d + dt.timedelta(days=rnd.randint(90, 700))
        code = {1: "A", 2: "U", 3: "S"}[kind]
        yield {
            "发明名称": rnd.choice(pool.titles),
            "申请号": appno(year, kind, 1000000 + i),
            "申请日": d.isoformat(),
            "公开（公告）号": f"CN{300000000 + i}{code}",
            "公开（公告）日": pub.strftime("%Y%m%d"),
            "IPC分类号": rnd.choice(pool.ipcs),
            "申请（专利权）人": rnd.choice(pool.assignees),
            "发明人": rnd.choice(pool.inventors),
            "摘要": rnd.choice(pool.abstracts),
            "法律状态": rnd.choice(("有效", "有效", "失效", "审中")),
            "申请人所在国（省）": rnd.choice(pool.regions),
        }


def queries(pool: Pool, n: int, seed: int = 11) -> list[str]:
    """Two-word queries drawn from real titles (common words such as 方法, 装置 included)."""
    import rjieba

    rnd = random.Random(seed)
    out: list[str] = []
    while len(out) < n:
        words = [w for w in rjieba.cut(rnd.choice(pool.titles)) if len(w) >= 2 and w != "一种"]
        if len(words) >= 2:
            a, b = rnd.sample(words, 2)
            out.append(f"{a} {b}")
    return out
