"""Known-item ranking on the real records: success@10 and MRR@10.

    python bench/ranking_bench.py --items 300 [--compare /tmp/ipdesk_main]

A known-item set is drawn from the real patents in ../shared/data (records whose title is
unique): the full title; two or three content words of the title, shuffled (what an officer
remembers of it); three words of the abstract (what it is about).  Each query's target is
that one record.  Measured in the same run on the same records:

- ``ours``: this tree's search, for each ``TITLE_WEIGHT`` tried (how much more a word found in
  the title scores, beside the title's double weight in the word field; the best is the one
  kept in desktop/library/search/query.py).  Abstract, claims and applicants share the word
  field (one posting list a word keeps a query one intersection); IPC and applicant names are
  matched exactly by their fields, not scored;
- ``bm25``: plain BM25 — whoosh with jieba's stock analyzer over title, abstract, applicants
  and inventors, the stock multi-field parser (bench/baseline.py's index);
- ``compare``: the same search code from another tree (``--compare``, e.g. ``git archive main``
  unpacked), run in a subprocess.

Prints one JSON object per system and query type, and the ratios against BM25.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
GENERIC = {"一种", "方法", "装置", "系统", "及其", "制备", "应用", "基于", "用于", "以及", "设备"}
WEIGHTS = (0.0, 0.5, 1.0, 2.0)


def emit(**obj: object) -> None:
    print(json.dumps(obj, ensure_ascii=False), flush=True)


def open_real(work: Path) -> Any:
    """A Library over the real patents (catalogue items left out), imported once per folder."""
    import desktop.app
    from desktop.app import open_folder
    from desktop.library.service import Library

    real_wire = desktop.app.wire

    def wire(ctx: Any) -> None:
        real_wire(ctx)
        ctx.wiring.document_sources.pop("catalogue", None)

    desktop.app.wire = wire
    ctx = open_folder(work)
    lib = Library(ctx)
    if lib.is_empty():
        p = SHARED / "patents"
        lib.import_files([p / "bdci_cn_patents.jsonl", p / "cn_patent_titles_ipc.csv",
                          p / "cnki_exports"])
    return lib


def known_items(lib: Any, n: int, seed: int = 5) -> list[dict[str, Any]]:
    import rjieba

    from desktop.library import store

    with lib.ctx.db.session() as s:
        rows = [r for r in store.iter_rows(s) if r["kind"] == "patent"]
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["title"]] = counts.get(r["title"], 0) + 1
    rnd = random.Random(seed)
    unique = [r for r in rows if counts[r["title"]] == 1]
    items: list[dict[str, Any]] = []
    for r in rnd.sample(unique, min(n, len(unique))):
        target = f"r{r['id']}"
        items.append({"type": "title", "query": r["title"], "target": target})
        words = [w for w in dict.fromkeys(rjieba.cut(r["title"])) if len(w) >= 2
                 and w not in GENERIC and not w.isascii()]
        if len(words) >= 2:
            pick = rnd.sample(words, min(len(words), rnd.choice((2, 3))))
            items.append({"type": "title_words", "query": " ".join(pick), "target": target})
        if r.get("abstract"):
            about = [w for w in dict.fromkeys(rjieba.cut(r["abstract"])) if len(w) >= 2
                     and w not in GENERIC and w not in r["title"] and not w.isascii()]
            if len(about) >= 3:
                items.append({"type": "about", "query": " ".join(rnd.sample(about, 3)),
                              "target": target})
    return items


def metrics(ranks: list[int | None]) -> dict[str, float]:
    n = len(ranks) or 1
    return {"success_at_10": round(sum(1 for r in ranks if r is not None and r < 10) / n, 4),
            "mrr_at_10": round(sum(1 / (r + 1) for r in ranks if r is not None and r < 10) / n,
                               4)}


def evaluate(search: Any, items: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    by_type: dict[str, list[int | None]] = {}
    for it in items:
        ids = search(it["query"])
        rank = ids.index(it["target"]) if it["target"] in ids else None
        by_type.setdefault(it["type"], []).append(rank)
        by_type.setdefault("all", []).append(rank)
    return {t: {**metrics(r), "queries": len(r)} for t, r in by_type.items()}


def ours(lib: Any, items: list[dict[str, Any]], weights: tuple[float, ...]
         ) -> list[dict[str, Any]]:
    out = []
    query_mod = sys.modules.get("desktop.library.search.query")
    tunable = query_mod is not None and hasattr(query_mod, "TITLE_WEIGHT")
    kept = getattr(query_mod, "TITLE_WEIGHT", None)
    for weight in weights:
        if tunable:
            query_mod.TITLE_WEIGHT = weight  # type: ignore[union-attr]
        res = evaluate(lambda q: [h.id for h in lib.search(q, limit=10).hits], items)
        out.append({"title_weight": weight if tunable else None, "results": res})
        if not tunable:
            break
    if tunable:
        query_mod.TITLE_WEIGHT = kept  # type: ignore[union-attr]
    return out


def bm25(lib: Any, work: Path, items: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    sys.path.insert(0, str(ROOT / "bench"))
    import baseline

    from desktop.library import store

    with lib.ctx.db.session() as s:
        rows = [r for r in store.iter_rows(s) if r["kind"] == "patent"]
    docs = ({"发明名称": r["title"], "摘要": r.get("abstract") or "",
             "申请（专利权）人": r.get("applicants") or "", "发明人": r.get("inventors") or "",
             "IPC分类号": r.get("ipc") or "", "申请号": r.get("application_number") or "",
             "公开（公告）号": f"r{r['id']}"} for r in rows)
    baseline.build(work / "bm25", docs)
    bs = baseline.BaselineSearcher(work / "bm25")

    def search(q: str) -> list[str]:
        query = bs.parser.parse(q)
        return [h["pubno"] for h in bs.searcher.search(query, limit=10)]

    try:
        return evaluate(search, items)
    finally:
        bs.close()


def worker(args: argparse.Namespace) -> int:
    """Run in the tree to measure (``--compare``): evaluate the items, print the results."""
    items = json.loads(Path(args.items_file).read_text(encoding="utf-8"))
    lib = open_real(Path(args.workdir))
    print(json.dumps(ours(lib, items, (0.0,))[0]["results"]), flush=True)
    lib.close()
    lib.ctx.close()
    return 0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--items", type=int, default=300)
    ap.add_argument("--compare", type=Path, default=None,
                    help="another source tree (e.g. main) to measure in the same run")
    ap.add_argument("--workdir", type=Path, default=None)
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--items-file", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    logging.basicConfig(level=logging.WARNING)
    if args.worker:
        return worker(args)
    sys.path.insert(0, str(ROOT))
    work = args.workdir or Path(tempfile.mkdtemp(prefix="ranking_bench_"))
    lib = open_real(work / "ours")
    items = known_items(lib, args.items)
    emit(figure="known_items", queries=len(items),
         types={t: sum(1 for i in items if i["type"] == t) for t in {i["type"] for i in items}})
    base = bm25(lib, work, items)
    emit(system="bm25", **{"results": base})
    for run in ours(lib, items, WEIGHTS):
        emit(system="ours", title_weight=run["title_weight"], results=run["results"],
             ratio_mrr_vs_bm25=round(run["results"]["all"]["mrr_at_10"]
                                     / max(1e-9, base["all"]["mrr_at_10"]), 3))
    lib.close()
    lib.ctx.close()
    if args.compare:
        items_file = work / "items.json"
        items_file.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
        proc = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--worker", "--items-file",
             str(items_file), "--workdir", str(work / "compare")],
            cwd=str(args.compare), env={**_env(), "PYTHONPATH": str(args.compare)},
            capture_output=True, text=True, check=True)
        res = json.loads(proc.stdout.strip().splitlines()[-1])
        emit(system="compare", tree=str(args.compare), results=res)
    return 0


def _env() -> dict[str, str]:
    import os

    return dict(os.environ)


if __name__ == "__main__":
    sys.exit(main())
