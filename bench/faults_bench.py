"""Faults benchmark: peak memory on the hostile corpus, and import+index of 100,000 records
next to a full rebuild of the same data in the same run.  Prints JSON lines.

    python bench/faults_bench.py [--rows 100000] [--skip-import]

1. Every case of ``tests/hostile_corpus.py`` built with ``big=True`` (a 360 MB JSON line,
   a 400,000-row sheet bomb, shared-string bombs, ...) runs in its own process; its peak
   memory (ru_maxrss) is printed next to a baseline in the same run: the same command on a
   small good file.  Target: <= 500 MB on every case.
2. A 100,000-record JSON Lines file (``bench/corpus.py``, resampled from ../shared/data)
   imported with indexing (``import``), then ``index rebuild`` of the same data folder.
   Target: import+index <= 60 s; the index part no slower than the rebuild.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

# peak memory: VmHWM of this process image (ru_maxrss would carry the forking parent's peak
# across exec on Linux)
CHILD = r"""
import json, resource, sys
sys.path.insert(0, {root!r}); sys.path.insert(0, {tests!r})
import hostile_corpus as hc
argv = json.loads(sys.argv[1])
code, out = hc.capture_run(argv)
try:
    status = open("/proc/self/status").read()
    peak = int(next(l for l in status.splitlines() if l.startswith("VmHWM")).split()[1]) / 1024
except (OSError, StopIteration):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"exit": code, "traceback": "Traceback" in out,
                  "internal": "internal error" in out, "peak_mb": peak}}))
"""


def run_case(argv: list[str]) -> dict[str, object]:
    code = CHILD.format(root=str(ROOT), tests=str(ROOT / "tests"))
    res = subprocess.run([sys.executable, "-c", code, json.dumps(argv)], capture_output=True,
                         text=True, timeout=1800)
    lines = res.stdout.strip().splitlines()
    return json.loads(lines[-1]) if lines else {"exit": res.returncode, "error": res.stderr[-300:]}


def _is_file(arg: str) -> bool:
    try:
        return Path(arg).is_file()
    except OSError:  # a query, not a path (too long for a file name)
        return False


def hostile(work: Path) -> None:
    import hostile_corpus as hc

    t = time.perf_counter()
    cases = hc.build(work / "hostile", big=True)
    hc.seed_library(work / "hostile" / "data")
    print(json.dumps({"figure": "hostile_corpus_built", "cases": len(cases),
                      "seconds": round(time.perf_counter() - t, 1)}), flush=True)
    good = work / "hostile" / "files" / "good.xlsx"
    base = run_case(["--data-dir", str(work / "hostile" / "data"), "import", str(good)])
    worst: tuple[float, str] = (0.0, "")
    tracebacks = 0
    for case in cases:
        argv = ["--data-dir", str(case.data_dir), *case.argv]
        files = [Path(a) for a in case.argv if _is_file(a)]
        r = run_case(argv)
        peak = float(r.get("peak_mb", 0.0))  # type: ignore[arg-type]
        tracebacks += bool(r.get("traceback")) or bool(r.get("internal"))
        worst = max(worst, (peak, case.name))
        print(json.dumps({"figure": "hostile_case", "case": case.name,
                          "file_mb": round(sum(f.stat().st_size for f in files) / 1e6, 2),
                          "exit": r.get("exit"), "expected": list(case.exits),
                          "traceback": r.get("traceback"), "peak_mb": round(peak),
                          "baseline_peak_mb": round(float(base["peak_mb"])),  # type: ignore[arg-type]
                          "ratio_peak": round(peak / float(base["peak_mb"]), 2)},  # type: ignore[arg-type]
                         ensure_ascii=False), flush=True)
    print(json.dumps({"figure": "hostile_summary", "cases": len(cases), "tracebacks": tracebacks,
                      "max_peak_mb": round(worst[0]), "max_peak_case": worst[1],
                      "baseline": "import of a 3-row good XLSX",
                      "baseline_peak_mb": round(float(base["peak_mb"])),  # type: ignore[arg-type]
                      "target_peak_mb": 500}, ensure_ascii=False), flush=True)


def import_vs_rebuild(work: Path, rows: int) -> None:
    import corpus

    path = work / f"patents_{rows}.jsonl"
    t = time.perf_counter()
    pool = corpus.Pool()
    with path.open("w", encoding="utf-8") as fh:
        for rec in corpus.records(pool, rows):
            fh.write(json.dumps(rec, ensure_ascii=False, default=str) + "\n")
    print(json.dumps({"figure": "prepare_jsonl", "rows": rows,
                      "seconds": round(time.perf_counter() - t, 1),
                      "mb": round(path.stat().st_size / 1e6, 1)}), flush=True)
    data = work / "data"
    shutil.rmtree(data, ignore_errors=True)
    main = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data)]
    subprocess.run(main + ["init"], check=True, capture_output=True)
    t = time.perf_counter()
    res = subprocess.run(main + ["import", str(path), "--json"], capture_output=True, text=True,
                         check=True)
    total = time.perf_counter() - t
    report = json.loads(res.stdout)
    t = time.perf_counter()
    subprocess.run(main + ["index", "rebuild"], check=True, capture_output=True)
    rebuild = time.perf_counter() - t
    index_part = total - float(report["seconds"])
    print(json.dumps({"figure": "import_and_index", "rows": rows, "added": report["added"],
                      "indexed": report["indexed"], "seconds": round(total, 1),
                      "import_seconds": round(float(report["seconds"]), 1),
                      "index_seconds": round(index_part, 1),
                      "baseline": "index rebuild of the same data, same run",
                      "baseline_seconds": round(rebuild, 1),
                      "ratio_index_to_rebuild": round(index_part / rebuild, 2),
                      "target_seconds": 60}), flush=True)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--workdir", type=Path, default=None)
    ap.add_argument("--skip-import", action="store_true")
    ap.add_argument("--skip-hostile", action="store_true")
    args = ap.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="faults_bench_"))
    work.mkdir(parents=True, exist_ok=True)
    if not args.skip_hostile:
        hostile(work)
    if not args.skip_import:
        import corpus

        if not corpus.SHARED.is_dir():
            print(json.dumps({"figure": "import_and_index", "skipped":
                              f"no real data at {corpus.SHARED}"}), flush=True)
        else:
            import_vs_rebuild(work, args.rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
