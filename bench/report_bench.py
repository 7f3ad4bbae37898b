"""Statistics and report speed over a large visit log (JSON lines on stdout).

    python bench/report_bench.py [VISITS]      # default 50,000

Inserts VISITS realistic visits (questions and answers of realistic length, 1–2 topics,
0–2 catalogue items, 3,000 clients of every kind, officers, ratings, follow-ups) in bulk,
then measures:

- ``visit_summary``: the summary figures for the whole year (median of 5);
- ``breakdowns``: every dimension's breakdown plus the two report cross-tabs (median of 3);
  baseline: one plain ``SELECT`` of every visit row (what counting in Python would start
  with, before any counting);
- ``write_report``: the whole workbook (summary, 10 breakdown sheets with charts, cross-tabs,
  VISITS detail rows with masking), target ≤ 10 s; baseline, measured in the same run:
  the same VISITS detail rows read with a plain SELECT and written with plain openpyxl
  ``write_only`` (no labels, masking, formula guard, other sheets or charts).
"""

from __future__ import annotations

import datetime as _dt
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert, select  # noqa: E402

from db.models import Client, Visit, VisitItem, VisitTopic  # noqa: E402
from desktop.app import open_folder  # noqa: E402
from desktop.visits import api as visits  # noqa: E402

YEAR = 2025
TARGET_S = 10.0
CLIENTS = 3000
ZONES = ["山西转型综改示范区", "太原高新区", "晋中国家农高区", "晋城经开区", "大同经开区",
         "长治高新区", "运城经开区", "太原市小店区", "太原市万柏林区", "阳泉经开区"]
OFFICERS = ["王敏", "李强", "赵磊", "刘芳", "陈静"]
ITEMS = ["ZL-001", "ZL-002", "ZL-008", "ZL-010", "SB-001", "SB-003", "SB-014", "BQ-001",
         "XX-001", "XX-002", "XX-003", "WQ-001", "YY-001", "ZX-001", "DL-001"]
NEEDS = [
    "我们公司研发了一种新型{x}，想申请发明专利，不知道需要准备哪些材料，大概多久能授权",
    "公司有{n}件{x}相关的专利，想拿去银行做质押贷款，额度怎么评估，需要走哪些流程",
    "我们的商标注册快到期了，续展需要什么材料，能不能在网上办理，费用是多少",
    "发现有企业在网上销售仿冒我们{x}的产品，想了解怎么维权，能否申请快速处理",
    "学校有一批{x}方面的专利想转让或许可给企业，有没有开放许可的渠道和政策支持",
    "想做一次{x}领域的专利检索和分析，看看竞争对手的布局，能出具分析报告吗",
    "软件著作权登记怎么申请，源代码需要提交多少页，个人开发的也可以登记吗",
    "今年省里对高价值专利有哪些资助和奖励政策，申报时间和条件是什么",
]
THINGS = ["锂电池隔膜", "光伏支架", "煤矸石综合利用", "小米深加工", "陈醋酿造工艺",
          "高铁轴承", "稀土永磁材料", "智能矿山装备", "新能源汽车电机", "中药提取"]
ANSWER = ("已向来访人说明{t}的办理条件、所需材料和办理时限，提供了办事指南和相关表格，"
          "并告知可通过中国(山西)知识产权保护中心办理；如材料不全，可在补齐后再次来访或电话预约。")


def emit(**record: object) -> None:
    sys.stdout.write(json.dumps({"bench": "report", **record}, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def timed(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def median_of(n: int, fn: Callable[[], Any]) -> float:
    return statistics.median(timed(fn) for _ in range(n))


def fill(ctx: Any, n: int, rng: random.Random) -> None:
    kinds = ["enterprise"] * 6 + ["university", "institution", "individual", "individual"]
    clients = []
    for i in range(CLIENTS):
        kind = rng.choice(kinds)
        clients.append({
            "name": f"{rng.choice(THINGS)}科技有限公司{i}" if kind != "individual"
            else f"{rng.choice('王李张刘陈杨赵黄周吴')}{rng.choice('伟芳娜敏静丽强磊军洋')}{i}",
            "kind": kind, "region": rng.choice(ZONES), "id_check_confirmed": False,
            "id_number": f"91140100MA{i:08d}", "phone": f"139{i:08d}",
            "email": f"contact{i}@example.cn"})
    topics = list(visits.TOPICS)
    start = _dt.datetime(YEAR, 1, 1, 8)
    rows, topic_rows, item_rows = [], [], []
    for i in range(1, n + 1):
        client = rng.randrange(1, CLIENTS + 1) if rng.random() < 0.8 else None
        c = clients[client - 1] if client else None
        need = rng.choice(NEEDS).format(x=rng.choice(THINGS), n=rng.randint(2, 30))
        follow = rng.random() < 0.12
        at = start + _dt.timedelta(days=rng.randrange(365), minutes=rng.randrange(600))
        rows.append({
            "id": i, "started_at": at, "officer": rng.choice(OFFICERS), "client_id": client,
            "client_ref": f"ref{client}" if client else None,
            "client_kind": c["kind"] if c else None, "region": c["region"] if c else None,
            "channel": rng.choice(["walk-in"] * 5 + ["phone"] * 3 + ["online", "onsite"]),
            "outcome": rng.choice(list(visits.OUTCOMES) + [None]),
            "follow_up": (at + _dt.timedelta(days=7)).date() if follow else None,
            "follow_up_done": follow and rng.random() < 0.6,
            "effort": rng.choice([1, 2, 2, 3, 3, 4, 5, 6, None]),
            "satisfaction": rng.choice([5, 5, 5, 4, 4, 3, 2, None, None]),
            "duration_min": rng.randint(3, 90), "question": need,
            "answer": ANSWER.format(t=need[:12]), "notes": "", "tags_json": "[]",
            "searches_json": json.dumps(["检索"] * (i % 3), ensure_ascii=False),
            "documents_json": json.dumps(list(range(i % 4 // 3))),
            "search_count": i % 3, "document_count": i % 4 // 3, "model_answer": False,
            "created_at": at, "updated_at": at})
        for pos, t in enumerate(rng.sample(topics, k=rng.choice([1, 1, 2]))):
            topic_rows.append({"visit_id": i, "topic": t, "position": pos})
        for pos, code in enumerate(rng.sample(ITEMS, k=rng.choice([0, 1, 1, 2]))):
            item_rows.append({"visit_id": i, "item_code": code, "position": pos})
    now = _dt.datetime.now()
    with ctx.db.session() as s:
        s.execute(insert(Client), [{**c, "created_at": now, "updated_at": now}
                                   for c in clients])
        s.execute(insert(Visit), rows)
        s.execute(insert(VisitTopic), topic_rows)
        s.execute(insert(VisitItem), item_rows)


def baseline_select(ctx: Any) -> list[Any]:
    with ctx.db.session() as s:
        return list(s.execute(select(*Visit.__table__.columns)).all())


def baseline_write(ctx: Any, path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("明细")
    ws.append([c.name for c in Visit.__table__.columns])
    for row in baseline_select(ctx):
        ws.append(list(row))
    wb.save(path)


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 50000
    work = Path(tempfile.mkdtemp(prefix="report_bench_"))
    ctx = open_folder(work / "data")
    try:
        fill_s = timed(lambda: fill(ctx, n, random.Random(7)))
        emit(step="fill", visits=n, clients=CLIENTS, seconds=round(fill_s, 2))
        year = (_dt.date(YEAR, 1, 1), _dt.date(YEAR, 12, 31))
        summary = visits.visit_summary(ctx, *year)
        assert summary.consultations == n
        emit(step="visit_summary", ms=round(median_of(5, lambda: visits.visit_summary(
            ctx, *year)) * 1000, 1), consultations=summary.consultations,
            distinct_clients=summary.distinct_clients)

        def every_breakdown() -> None:
            for dim in visits.DIMENSIONS:
                visits.breakdown(ctx, dim, *year)
            visits.crosstab(ctx, "topic", "channel", *year)
            visits.crosstab(ctx, "region", "month", *year)

        ours = median_of(3, every_breakdown)
        base = median_of(3, lambda: baseline_select(ctx))
        emit(step="breakdowns", dimensions=len(visits.DIMENSIONS), crosstabs=2,
             ms=round(ours * 1000, 1), baseline_select_all_ms=round(base * 1000, 1),
             ratio=round(base / ours, 2))
        report_s = timed(lambda: visits.write_report(ctx, work / "report.xlsx", *year))
        base_s = timed(lambda: baseline_write(ctx, work / "baseline.xlsx"))
        emit(step="write_report", visits=n, seconds=round(report_s, 2),
             baseline_plain_openpyxl_s=round(base_s, 2), ratio=round(report_s / base_s, 2),
             size_mb=round((work / "report.xlsx").stat().st_size / 1e6, 1),
             target_s=TARGET_S, ok=report_s <= TARGET_S)
    finally:
        ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
