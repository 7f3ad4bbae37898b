"""Benchmark: suggestions for a visitor's need, and the knowledge base, per keystroke (JSON
lines on stdout).

Figures:
- ``suggest_accuracy``: top-1 and top-3 accuracy of ``catalogue.api.suggest_items`` on the
  visitor phrasings in ``tests/data/visitor_phrasings*.yaml`` (each with its expected codes).
- ``knowledge_build``: the first build of the knowledge base over 10,000 past Q&As stored as
  visits, and the rebuild after one more visit is saved (the term cache at work).
- ``keystroke``: for every prefix of every phrasing (as typed, one character at a time),
  ``suggest_items`` + ``visits.api.ask`` together: mean and p95 in ms, target <= 30 ms.
  Baselines in the same run over the same prefixes: the literal catalogue filter
  (``CatalogueIndex.filter``) and the visit log's text search (``list_visits`` with
  ``VisitFilter(text=...)``: SQL LIKE over question/answer/notes), which finds nothing for
  most phrasings and is shown for its cost, not its answers.

Run: ``.venv/bin/python bench/suggest_bench.py [--qas N]`` from the project root.
"""

from __future__ import annotations

import argparse
import datetime as dt
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

import yaml  # noqa: E402

from db.models import Visit, VisitItem, VisitTopic  # noqa: E402
from desktop.app import open_folder  # noqa: E402
from desktop.catalogue import api as catalogue  # noqa: E402
from desktop.catalogue.api import ServiceItem  # noqa: E402
from desktop.context import AppContext  # noqa: E402
from desktop.visits import api as visits  # noqa: E402
from desktop.visits.knowledge import knowledge_base  # noqa: E402

DATA = ROOT / "tests" / "data"
TOPIC_OF = {"专利": "patent", "商标": "trademark", "版权": "copyright", "地理标志": "gi",
            "集成电路布图设计": "patent", "维权援助": "enforcement"}
OPENINGS = ["", "您好，", "请问", "我想咨询一下，", "麻烦问下，", "我们是做机械的，",
            "我们公司", "老板让我来问：", "电话咨询：", "上次来过，", "朋友介绍过来的，"]
ENDINGS = ["", "？", "，要多久？", "，需要什么材料？", "，在哪里办？", "，收费吗？",
           "，能不能网上办？", "，谢谢"]
ASKS = ["{name}需要什么材料", "{name}要多长时间", "{name}在哪里办理", "{name}收费吗",
        "想办{name}", "{keyword}怎么弄", "{keyword}的流程是什么", "关于{keyword}的问题"]


def phrasings() -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for path in sorted(DATA.glob("visitor_phrasings*.yaml")):
        out += yaml.safe_load(path.read_text(encoding="utf-8"))["phrasings"]
    return out


def qa_pool(items: list[ServiceItem], said: list[dict[str, Any]]
            ) -> dict[str, tuple[list[str], list[str]]]:
    """Per item: questions (its FAQ, the phrasings that expect it, templates) and answers
    (its FAQ answers, its materials, time limit, fees and steps as an officer says them)."""
    pool: dict[str, tuple[list[str], list[str]]] = {}
    for it in items:
        qs = [f.q for f in it.faq] + [p["text"] for p in said if it.code in p["expect"]]
        qs += [a.format(name=it.name, keyword=k) for a in ASKS for k in it.keywords[:3]]
        answers = [f.a for f in it.faq]
        answers.append("需要准备：" + "、".join(m.name for m in it.materials) + "。")
        answers.append(f"办理时限：{it.time_limit}；收费：{it.fees}。")
        answers.append("流程：" + "→".join(s.title for s in it.steps) + f"。结果：{it.result}")
        pool[it.code] = (qs, answers)
    return pool


def seed_visits(ctx: AppContext, n: int, rnd: random.Random) -> int:
    """``n`` answered past visits over three years (stored directly, in bulk)."""
    items = catalogue.list_items(ctx)
    pool = qa_pool(items, phrasings())
    codes = [it.code for it in items]
    by_code = {it.code: it for it in items}
    start = dt.datetime.now() - dt.timedelta(days=3 * 365)
    with ctx.db.session() as s:
        for i in range(n):
            code = rnd.choice(codes)
            qs, answers = pool[code]
            q = rnd.choice(OPENINGS) + rnd.choice(qs).rstrip("？?") + rnd.choice(ENDINGS)
            a = " ".join(rnd.sample(answers, k=min(len(answers), rnd.randint(1, 2))))
            row = Visit(started_at=start + dt.timedelta(minutes=rnd.randint(0, 3 * 365 * 1440)),
                        officer=rnd.choice(["李明", "王芳", "赵强"]), channel="walk-in",
                        question=q, answer=a, model_answer=rnd.random() < 0.01,
                        answer_item=code)
            row.items = [VisitItem(item_code=code, position=0)]
            topic = TOPIC_OF.get(by_code[code].category, "other")
            row.topics = [VisitTopic(topic=topic, position=0)]
            s.add(row)
            if i % 1000 == 999:
                s.flush()
    return n


def ms(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1000


def summary(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return {"mean_ms": round(statistics.fmean(samples), 2), "p95_ms": round(p95, 2),
            "max_ms": round(ordered[-1], 2)}


def accuracy(ctx: AppContext, said: list[dict[str, Any]]) -> dict[str, Any]:
    top1 = top3 = 0
    misses = []
    for p in said:
        codes = [s.code for s in catalogue.suggest_items(ctx, p["text"], limit=3)]
        top1 += bool(codes) and codes[0] in p["expect"]
        hit = any(c in p["expect"] for c in codes)
        top3 += hit
        if not hit:
            misses.append({"text": p["text"], "got": codes, "want": p["expect"]})
    n = len(said)
    return {"figure": "suggest_accuracy", "phrasings": n, "top1": round(top1 / n, 3),
            "top3": round(top3 / n, 3), "top1_hits": top1, "top3_hits": top3,
            "misses": misses}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--qas", type=int, default=10_000)
    args = ap.parse_args()
    rnd = random.Random(9)
    said = phrasings()
    with tempfile.TemporaryDirectory() as tmp:
        ctx = open_folder(tmp)
        catalogue.suggest_items(ctx, "专利")  # loads the catalogue and builds its matcher
        print(json.dumps(accuracy(ctx, said), ensure_ascii=False))
        seed_visits(ctx, args.qas, rnd)
        kb = knowledge_base(ctx)
        first = ms(lambda: visits.ask(ctx, "专利"))
        visits.save_visit(ctx, visits.VisitData(
            started_at=dt.datetime.now(), question="集成电路布图设计怎么登记",
            answer="向国家知识产权局提交布图设计登记申请。"))
        rebuild = ms(lambda: visits.ask(ctx, "布图"))
        unchanged = ms(lambda: visits.ask(ctx, "布图"))
        print(json.dumps({"figure": "knowledge_build", "qas": len(kb.entries),
                          "first_build_ms": round(first, 1),
                          "rebuild_after_one_new_visit_ms": round(rebuild, 1),
                          "query_when_unchanged_ms": round(unchanged, 2),
                          "builds": kb.builds}))
        prefixes = [p["text"][:i] for p in said for i in range(1, len(p["text"]) + 1)]
        index = catalogue.load_index(ctx)
        index.prepare_pinyin()
        ours, literal, like = [], [], []
        for text in prefixes:
            ours.append(ms(lambda t=text: (catalogue.suggest_items(ctx, t, limit=5),  # type: ignore[misc]
                                           visits.ask(ctx, t, limit=5))))
            literal.append(ms(lambda t=text: index.filter(t)))  # type: ignore[misc]
            like.append(ms(lambda t=text: visits.list_visits(  # type: ignore[misc]
                ctx, visits.VisitFilter(text=t, limit=5))))
        print(json.dumps({"figure": "keystroke", "prefixes": len(prefixes),
                          "qas": len(kb.entries), "suggest_plus_ask": summary(ours),
                          "target_ms": 30,
                          "baseline_literal_filter": summary(literal),
                          "baseline_sql_like_visit_search": summary(like)}))
        ctx.close()


if __name__ == "__main__":
    main()
