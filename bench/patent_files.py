"""CNIPA-shaped patent export files (XLSX or CSV, with abstracts) for the load and fault tests.

Rows come from ``bench/corpus.py`` (resampled real records) when ``../shared/data`` is
there, else from a built-in vocabulary of Chinese technical titles, applicants, abstracts and
regions, so the tests run anywhere.  Application numbers carry valid check digits; a file's
rows are numbered ``start .. start + rows - 1``, so files with overlapping ranges hold the
same patents (what two desks importing overlapping lists see).
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402

HEADERS = ["发明名称", "申请号", "申请日", "公开（公告）号", "公开（公告）日", "IPC分类号",
           "申请（专利权）人", "发明人", "摘要", "法律状态", "申请人所在国（省）"]
_SUBJECTS = ("锂离子电池正极材料", "煤矸石综合利用", "智能快递柜", "光伏组件清洗机器人", "氢燃料电池电堆",
             "高强度铝合金型材", "中药提取物", "石墨烯导热膜", "农业灌溉控制", "工业废水处理",
             "轨道交通减振器", "新能源汽车电机", "钢渣微粉", "煤层气抽采", "医用敷料", "无人机巡检")
_FORMS = ("的制备方法", "装置", "系统", "及其应用", "的检测方法", "用组合物", "控制方法")
_PARTS = ("壳体", "控制模块", "传感器", "驱动电机", "支撑架", "过滤层", "换热器", "储液罐")
_EFFECTS = ("提高了生产效率", "降低了能耗", "结构简单、成本低", "延长了使用寿命", "减少了环境污染")
_CITIES = ("太原", "大同", "阳泉", "长治", "晋城", "北京", "深圳", "西安")
_ORGS = ("新材料科技有限公司", "能源集团有限公司", "智能装备股份有限公司", "理工大学", "化学研究所")
_IPCS = ("H01M 4/36", "C10G 1/06", "G07F 17/12", "H02S 40/10", "C22C 21/00", "A61K 36/00",
         "C01B 32/184", "A01G 25/16", "C02F 1/00", "B61F 5/00", "H02K 1/00", "C04B 18/14")
_REGIONS = ("山西省", "山西", "北京", "广东省", "陕西省", "江苏省")
_NAMES = ("张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄强")


def _builtin(n: int, seed: int, start: int) -> Iterator[dict[str, Any]]:
    rnd = random.Random(seed * 1_000_003 + start)
    for i in range(start, start + n):
        r = random.Random(i)  # a patent's fields depend on its number only: overlaps agree
        year = r.randint(2008, 2023)
        kind = r.choice((1, 1, 2, 2, 3))
        day = dt.date(year, r.randint(1, 12), r.randint(1, 28))
        pub = day + dt.timedelta(days=r.randint(90, 700))
        title = "一种" + r.choice(_SUBJECTS) + r.choice(_FORMS)
        parts = r.sample(_PARTS, 2)
        yield {
            "发明名称": title,
            "申请号": corpus.appno(year, kind, 1_000_000 + i),
            "申请日": day.isoformat(),
            "公开（公告）号": f"CN{300_000_000 + i}{ {1: 'A', 2: 'U', 3: 'S'}[kind] }",
            "公开（公告）日": pub.strftime("%Y%m%d"),
            "IPC分类号": "; ".join(r.sample(_IPCS, r.randint(1, 3))),
            "申请（专利权）人": r.choice(_CITIES) + r.choice(_ORGS),
            "发明人": "；".join(r.sample(_NAMES, r.randint(1, 3))),
            "摘要": f"本发明公开了{title}，包括{parts[0]}和{parts[1]}，{r.choice(_EFFECTS)}。"
                    f"（{rnd.randint(1, 9)}）",
            "法律状态": r.choice(("有效", "有效", "失效", "审中")),
            "申请人所在国（省）": r.choice(_REGIONS),
        }


def patent_rows(n: int, *, start: int = 0, seed: int = 7) -> Iterator[dict[str, Any]]:
    """``n`` patents numbered from ``start``, as CNIPA column → value."""
    if corpus.SHARED.is_dir():
        pool = _pool()
        for i in range(start, start + n):  # one record per number: overlaps agree
            yield next(corpus.records(pool, 1, seed=seed, start=i))
    else:
        yield from _builtin(n, seed, start)


_POOL: list[corpus.Pool] = []


def _pool() -> corpus.Pool:
    if not _POOL:
        _POOL.append(corpus.Pool())
    return _POOL[0]


def write_patent_file(path: Path, n: int, *, start: int = 0, seed: int = 7) -> Path:
    """A CNIPA-shaped export at ``path`` (``.xlsx`` or ``.csv``) with ``n`` patents."""
    rows = patent_rows(n, start=start, seed=seed)
    if path.suffix.lower() == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(HEADERS)
            for rec in rows:
                w.writerow(["" if rec[h] is None else rec[h] for h in HEADERS])
        return path
    import openpyxl

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("专利")
    ws.append(HEADERS)
    for rec in rows:
        ws.append([rec[h] for h in HEADERS])
    wb.save(path)
    return path


def appno_keys(n: int, *, start: int = 0, seed: int = 7) -> set[str]:
    """The canonical application numbers of the patents ``start .. start + n - 1``."""
    from desktop.validators.api import appno_key

    out = set()
    for rec in patent_rows(n, start=start, seed=seed):
        key = appno_key(rec["申请号"])
        if key:
            out.add(key)
    return out
