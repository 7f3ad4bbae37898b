"""Search benchmarks: index build, query latency with top-10 highlights, incremental import.

    python bench/search_bench.py --records 100000 --queries 200
    python bench/search_bench.py --records 1000000 --no-baseline     # the 1M query figure

Prints one JSON object per figure (and per baseline) on stdout.  The baseline (whoosh + jieba's
stock ChineseAnalyzer, see bench/baseline.py) is measured in the same run on the same records.
Records are real records resampled and recombined (bench/corpus.py).
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import baseline  # noqa: E402
import corpus  # noqa: E402


def emit(**obj: object) -> None:
    print(json.dumps(obj, ensure_ascii=False), flush=True)


def write_jsonl(path: Path, rows: object) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for r in rows:  # type: ignore[attr-defined]
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
            n += 1
    return n


def percentile(values: list[float], pct: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(pct / 100 * (len(s) - 1))))]


def timed_queries(fn, queries: list[str]) -> list[float]:  # type: ignore[no-untyped-def]
    for q in queries[:5]:  # warm-up
        fn(q)
    out = []
    for q in queries:
        t = time.perf_counter()
        fn(q)
        out.append((time.perf_counter() - t) * 1000)
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=100000)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--procs", type=int, default=2)
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--workdir", type=Path, default=None)
    args = ap.parse_args()
    logging.basicConfig(level=logging.WARNING)
    from desktop.app import open_folder
    from desktop.library.service import Library

    work = args.workdir or Path(tempfile.mkdtemp(prefix="search_bench_"))
    work.mkdir(parents=True, exist_ok=True)
    pool = corpus.Pool()
    n = args.records
    data = work / f"records_{n}.jsonl"
    if not data.exists():
        write_jsonl(data, corpus.records(pool, n))
    ctx = open_folder(work / "data")
    lib = Library(ctx)
    t = time.perf_counter()
    rep = lib.import_files([data], update_index=False)
    emit(figure="import_jsonl", records=n, seconds=round(time.perf_counter() - t, 2),
         added=rep.added, unchanged=rep.unchanged)

    change = lib.rebuild_index(procs=args.procs)
    base_build = None
    if not args.no_baseline:
        rows = (json.loads(line) for line in data.open(encoding="utf-8"))
        _, base_build = baseline.build(work / "baseline_index", rows)
    emit(figure="index_build", records=n, seconds=round(change.seconds, 2), procs=args.procs,
         target_seconds=60 if n <= 100000 else None,
         baseline_seconds=round(base_build, 2) if base_build else None,
         ratio=round(base_build / change.seconds, 2) if base_build else None)

    queries = corpus.queries(pool, args.queries)
    ours = timed_queries(lambda q: lib.search(q, limit=10), queries)
    totals = [lib.search(q, limit=0).total for q in queries[:50]]
    fig = {"figure": "query_top10_highlights", "records": n, "queries": len(queries),
           "mean_ms": round(statistics.mean(ours), 2), "p95_ms": round(percentile(ours, 95), 2),
           "max_ms": round(max(ours), 2), "median_hits": statistics.median(totals),
           "target_mean_ms": 35 if n <= 100000 else None,
           "target_p95_ms": 120 if n <= 100000 else None}
    if not args.no_baseline:
        bs = baseline.BaselineSearcher(work / "baseline_index")
        base = timed_queries(bs.search, queries)
        bs.close()
        fig.update(baseline_mean_ms=round(statistics.mean(base), 2),
                   baseline_p95_ms=round(percentile(base, 95), 2),
                   ratio_mean=round(statistics.mean(base) / statistics.mean(ours), 2),
                   ratio_p95=round(percentile(base, 95) / percentile(ours, 95), 2))
    emit(**fig)

    # incremental: 1,000 new records imported and searchable
    extra = work / "extra_1000.jsonl"
    write_jsonl(extra, corpus.records(pool, 1000, start=n + 10))
    probe = json.loads(extra.read_text(encoding="utf-8").splitlines()[-1])["申请号"]
    t = time.perf_counter()
    rep = lib.import_files([extra])
    found = lib.search(probe).total
    emit(figure="incremental_import_1000_searchable", records_before=n,
         seconds=round(time.perf_counter() - t, 2), target_seconds=5, added=rep.added,
         indexed=rep.indexed, probe_found=found == 1)
    lib.close()
    ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
