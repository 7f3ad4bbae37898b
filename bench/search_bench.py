"""Search benchmarks: index build, first page, total and facets, incremental import, the
专利导航 report — this tree against another (the current code) in the same run.

    python bench/search_bench.py --records 100000 --queries 200 --compare /tmp/ipdesk_main
    python bench/search_bench.py --records 100000 --scale 10 --compare /tmp/ipdesk_main

``--compare DIR``: a source tree of the code to compare with (e.g. ``git archive main`` unpacked);
each tree runs in its own process (``PYTHONPATH=DIR``) on a copy of the same database, built
once from the synthetic records, so both index exactly the same rows.  ``--baseline`` also
measures the naive whoosh + jieba baseline (bench/baseline.py) in this tree's process.

Figures (one JSON object a line, each with ``tree``):

- ``index_build``: full rebuild from the database (``--procs`` writer processes);
- ``query_top10_total``: top 10 with snippets and the exact total (what every tree can do);
- ``first_page``: top 10 with snippets, the total left for later (what the page waits for);
- ``totals_facets``: the exact total and the facets (what the page shows after);
- ``incremental_import_1000_searchable``; ``report`` (DOCX + XLSX of every record, ≥ 100,000 hits);
- ``profile``: the functions taking the most time over the first-page queries (cProfile);
- ``warm_index``, ``first_page_warm``: after the page's warm-up (the frequent terms read ahead),
  another set of queries (none of them run before);
- with ``--scale N``: ``scaled_*``, the same on the index copied N times (bench/scale_index.py:
  N × the records, N × the segments), and 1,000 records added to it and found.

Then ``ratio`` lines: the compared tree's time over this tree's, per figure.
"""

from __future__ import annotations

import argparse
import cProfile
import inspect
import json
import logging
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import corpus  # noqa: E402

TREE = os.environ.get("SEARCH_BENCH_TREE", "this")


def emit(**obj: object) -> None:
    print(json.dumps({"tree": TREE, **obj}, ensure_ascii=False), flush=True)


def write_jsonl(path: Path, rows: Any) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
            n += 1
    return n


def percentile(values: list[float], pct: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(pct / 100 * (len(s) - 1))))]


def timed(fn: Any, queries: list[str]) -> dict[str, float]:
    for q in queries[:5]:  # warm-up
        fn(q)
    out = []
    for q in queries:
        t = time.perf_counter()
        fn(q)
        out.append((time.perf_counter() - t) * 1000)
    return {"mean_ms": round(statistics.mean(out), 2), "p95_ms": round(percentile(out, 95), 2),
            "max_ms": round(max(out), 2)}


def open_library(data: Path) -> Any:
    import desktop.app
    from desktop.app import open_folder
    from desktop.library.service import Library

    real_wire = desktop.app.wire

    def wire(ctx: Any) -> None:  # records only: the catalogue's items are not measured
        real_wire(ctx)
        ctx.wiring.document_sources.pop("catalogue", None)

    desktop.app.wire = wire
    ctx = open_folder(data)
    return Library(ctx)


def seed(work: Path, n: int) -> Path:
    """The database with ``n`` synthetic records (made once, then copied for each tree)."""
    folder = work / f"seed_{n}"
    db = folder / "ipdesk.sqlite3"
    if db.exists() and (folder / "done").exists():
        return db
    shutil.rmtree(folder, ignore_errors=True)
    pool = corpus.Pool()
    data = work / f"records_{n}.jsonl"
    if not data.exists():
        write_jsonl(data, corpus.records(pool, n))
    lib = open_library(folder)
    t = time.perf_counter()
    rep = lib.import_files([data], update_index=False)
    emit(figure="import_jsonl", records=n, seconds=round(time.perf_counter() - t, 2),
         added=rep.added)
    lib.close()
    lib.ctx.close()
    (folder / "done").write_text("ok")
    return db


def worker(args: argparse.Namespace) -> int:
    logging.basicConfig(level=logging.WARNING)
    data = Path(args.workdir) / f"data_{TREE}"
    shutil.rmtree(data, ignore_errors=True)
    data.mkdir(parents=True)
    shutil.copy(args.db, data / "ipdesk.sqlite3")
    lib = open_library(data)
    n = args.records
    change = lib.rebuild_index(procs=args.procs)
    size = sum(f.stat().st_size for f in lib.index.path.glob("*") if f.is_file())
    emit(figure="index_build", records=n, seconds=round(change.seconds, 2), procs=args.procs,
         index_mb=round(size / 1e6, 1))
    queries = corpus.queries(corpus.Pool(), args.queries)
    deferred = "count" in inspect.signature(lib.search).parameters
    totals = [lib.search(q, limit=0).total for q in queries[:50]]
    emit(figure="query_top10_total", records=n, queries=len(queries),
         median_hits=statistics.median(totals), **timed(lambda q: lib.search(q, limit=10),
                                                        queries))
    if deferred:
        emit(figure="first_page", records=n, queries=len(queries),
             **timed(lambda q: lib.search(q, limit=10, count=False), queries))
    if hasattr(lib, "warm_index"):  # what the page does once the index is ready
        t = time.perf_counter()
        postings = lib.warm_index()
        emit(figure="warm_index", records=n, postings=postings,
             seconds=round(time.perf_counter() - t, 2))
        fresh = corpus.queries(corpus.Pool(), args.queries, seed=12)  # none of them run yet
        emit(figure="first_page_warm", records=n, queries=len(fresh),
             **timed(lambda q: lib.search(q, limit=10, count=False), fresh))
    emit(figure="totals_facets", records=n, queries=len(queries),
         **timed(lambda q: lib.search(q, limit=0, facets=True), queries))
    prof = cProfile.Profile()
    prof.enable()
    for q in queries[:100]:
        lib.search(q, limit=10, count=False) if deferred else lib.search(q, limit=10)
    prof.disable()
    stats = pstats.Stats(prof)
    top = sorted(stats.stats.items(), key=lambda kv: -kv[1][2])[:8]  # type: ignore[attr-defined]
    emit(figure="profile", what="first page, 100 queries", top_tottime_s=[
        [f"{Path(k[0]).name}:{k[1]}({k[2]})", round(v[2], 3)] for k, v in top])

    before_batch = _last_batch(lib)
    extra = Path(args.workdir) / f"extra_{TREE}.jsonl"
    write_jsonl(extra, corpus.records(corpus.Pool(), 1000, start=n + 10))
    probe = json.loads(extra.read_text(encoding="utf-8").splitlines()[-1])["申请号"]
    t = time.perf_counter()
    rep = lib.import_files([extra])
    found = lib.search(probe).total
    emit(figure="incremental_import_1000_searchable", records_before=n,
         seconds=round(time.perf_counter() - t, 2), added=rep.added, probe_found=found == 1)
    extra_ids = _ids_since(lib, before_batch)
    if hasattr(lib, "report") and not args.no_report:
        from desktop.library.search.engine import Filters

        results = lib.open_results("", filters=Filters(kinds=("patent",)))
        t = time.perf_counter()
        lib.report(results, Path(args.workdir) / f"report_{TREE}.docx")
        emit(figure="report", hits=results.total, seconds=round(time.perf_counter() - t, 2))
    if args.baseline:
        import baseline

        rows = (json.loads(line) for line in (Path(args.workdir) / f"records_{n}.jsonl").open(
            encoding="utf-8"))
        _, base_build = baseline.build(Path(args.workdir) / "baseline_index", rows)
        bs = baseline.BaselineSearcher(Path(args.workdir) / "baseline_index")
        emit(figure="baseline_jieba_whoosh", build_seconds=round(base_build, 2),
             **timed(bs.search, queries))
        bs.close()
    lib.close()
    lib.ctx.close()
    if args.scale > 1:
        scaled(args, data, queries, extra_ids)
    return 0


def _last_batch(lib: Any) -> int:
    from desktop.library import store

    with lib.ctx.db.session() as s:
        return int(store.last_batch_id(s))


def _ids_since(lib: Any, batch: int) -> list[int]:
    from desktop.library import store

    with lib.ctx.db.session() as s:
        return sorted(store.ids_since_batch(s, batch))


def scaled(args: argparse.Namespace, data: Path, all_queries: list[str], extra_ids: list[int]
           ) -> None:
    """The same queries on the index copied ``--scale`` times (bench/scale_index.py), straight
    on whoosh (the app would rebuild an index that does not match its database); then 1,000
    records added the way an import's index update adds them, and found.  The first 100
    queries only (the compared tree's totals take seconds each at this size)."""
    import scale_index
    from whoosh import index as windex

    from db.session import Database
    from desktop.library import store
    from desktop.library.search import engine
    from desktop.library.search.analysis import configure_dictionary
    from desktop.library.search.schema import doc_for_row

    queries = all_queries[:100]
    big = Path(args.workdir) / f"scaled_{TREE}"
    shutil.rmtree(big, ignore_errors=True)
    (big / "index").mkdir(parents=True)
    shutil.copytree(data / "index" / "library", big / "index" / "library")
    docs = scale_index.scale(big, args.scale)
    configure_dictionary(None)
    ix = windex.open_dir(str(big / "index" / "library"))
    db = Database(f"sqlite:///{data / 'ipdesk.sqlite3'}")
    with db.session() as s:
        rows = store.get_rows(s, extra_ids)
    db.dispose()
    probe = rows[extra_ids[-1]]["application_number"]
    t = time.perf_counter()
    # no merge: whoosh's small-segment merge would fold the copies' 30 segments of 33,000 into
    # bigger ones here, which a real build's two 500,000-record segments never need
    w = ix.writer(limitmb=256)
    for rid in extra_ids:
        w.update_document(**doc_for_row(rows[rid]))
    w.commit(merge=False)
    with ix.searcher() as fresh_searcher:
        found = engine.search(fresh_searcher, probe).total
    emit(figure="scaled_incremental_1000_searchable", documents=docs,
         seconds=round(time.perf_counter() - t, 2), added=len(extra_ids),
         probe_found=found >= 1)
    searcher = ix.searcher()
    kw: dict[str, Any] = {"count": False} if "count" in inspect.signature(
        engine.search).parameters else {}
    emit(figure="scaled_first_page", documents=docs, segments=len(searcher.leaf_searchers()),
         **timed(lambda q: engine.search(searcher, q, limit=10, **kw), queries))
    vector = sys.modules.get("desktop.library.search.vector")
    if vector is not None:
        t = time.perf_counter()
        with ix.searcher() as own:
            postings = vector.warm(own)
        emit(figure="scaled_warm_index", documents=docs, postings=postings,
             seconds=round(time.perf_counter() - t, 2))
        fresh = corpus.queries(corpus.Pool(), len(queries), seed=12)  # none of them run yet
        emit(figure="scaled_first_page_warm", documents=docs,
             **timed(lambda q: engine.search(searcher, q, limit=10, **kw), fresh))
    emit(figure="scaled_totals_facets", documents=docs,
         **timed(lambda q: engine.search(searcher, q, limit=0, facets=True), queries))
    import resource

    emit(figure="scaled_peak_memory", documents=docs,
         max_rss_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))
    searcher.close()
    ix.close()
    shutil.rmtree(big, ignore_errors=True)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=100000)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--procs", type=int, default=2)
    ap.add_argument("--compare", type=Path, default=None, help="a source tree to compare with")
    ap.add_argument("--baseline", action="store_true", help="also the naive whoosh + jieba one")
    ap.add_argument("--no-report", action="store_true")
    ap.add_argument("--scale", type=int, default=1,
                    help="also time queries on the index copied this many times (e.g. 10)")
    ap.add_argument("--workdir", type=Path, default=None)
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--db", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        return worker(args)
    sys.path.insert(0, str(ROOT))
    logging.basicConfig(level=logging.WARNING)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="search_bench_"))
    work.mkdir(parents=True, exist_ok=True)
    db = seed(work, args.records)
    results: dict[str, dict[str, dict[str, Any]]] = {}
    trees = [("this", ROOT)] + ([("compare", args.compare.resolve())] if args.compare else [])
    for label, tree in trees:
        cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", "--db", str(db),
               "--workdir", str(work), "--records", str(args.records), "--queries",
               str(args.queries), "--procs", str(args.procs), "--scale", str(args.scale)]
        cmd += ["--no-report"] if args.no_report else []
        cmd += ["--baseline"] if args.baseline and label == "this" else []
        env = {**os.environ, "PYTHONPATH": str(tree), "SEARCH_BENCH_TREE": label}
        proc = subprocess.Popen(cmd, cwd=str(tree), env=env, stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        for line in proc.stdout:
            print(line, end="", flush=True)
            obj = json.loads(line)
            results.setdefault(label, {})[obj.get("figure", "")] = obj
        if proc.wait():
            return proc.returncode
    if "compare" in results:
        mine, theirs = results["this"], results["compare"]
        for fig, key in (("index_build", "seconds"), ("query_top10_total", "mean_ms"),
                         ("query_top10_total", "p95_ms"), ("totals_facets", "mean_ms"),
                         ("totals_facets", "p95_ms"),
                         ("incremental_import_1000_searchable", "seconds"),
                         ("first_page", "mean_ms"), ("first_page", "p95_ms"),
                         ("scaled_first_page", "mean_ms"), ("scaled_first_page", "p95_ms"),
                         ("scaled_totals_facets", "mean_ms"), ("scaled_totals_facets", "p95_ms"),
                         ("scaled_incremental_1000_searchable", "seconds")):
            if fig in mine and fig in theirs and mine[fig].get(key):
                emit(figure="ratio", of=f"{fig}.{key}", compare_over_this=round(
                    theirs[fig][key] / mine[fig][key], 2))
        for warm, cold in (("first_page_warm", "first_page"),
                           ("scaled_first_page_warm", "scaled_first_page")):
            if warm in mine and cold in theirs:
                for key in ("mean_ms", "p95_ms"):
                    emit(figure="ratio", of=f"{warm}.{key} vs compare {cold}",
                         compare_over_this=round(theirs[cold][key] / mine[warm][key], 2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
