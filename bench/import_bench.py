"""Import benchmark: a 100,000-row XLSX patent list (CNIPA export headers).

    python bench/import_bench.py --rows 100000

Each measurement runs in its own process so that peak memory (ru_maxrss) is its own.  Ours:
``import --no-index`` path (read-only streaming, normalisation, one transaction).  Naive
baseline in the same run: openpyxl's default (non read-only) load of the same workbook, rows
read into dicts (no normalisation, no database).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import corpus  # noqa: E402

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, {root!r})
mode, path, data = sys.argv[1], sys.argv[2], sys.argv[3]
t = time.perf_counter()
if mode == "ours":
    from desktop.app import open_folder
    from desktop.library.importing import import_paths
    ctx = open_folder(data)
    rep = import_paths(ctx, [path])
    n = rep.added
else:
    import openpyxl
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    rows = ws.iter_rows(values_only=True)
    head = next(rows)
    out = [dict(zip(head, r)) for r in rows]
    n = len(out)
secs = time.perf_counter() - t
print(json.dumps({{"seconds": secs, "rows": n,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def write_xlsx(path: Path, rows: int) -> None:
    import openpyxl

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("专利")
    pool = corpus.Pool()
    head = None
    for rec in corpus.records(pool, rows):
        if head is None:
            head = list(rec)
            ws.append(head)
        ws.append([rec[h] for h in head])
    wb.save(path)


def run_child(mode: str, path: Path, data: Path) -> dict[str, float]:
    code = CHILD.format(root=str(ROOT))
    res = subprocess.run([sys.executable, "-c", code, mode, str(path), str(data)],
                         capture_output=True, text=True, check=True)
    return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=100000)
    ap.add_argument("--workdir", type=Path, default=None)
    ap.add_argument("--no-baseline", action="store_true")
    args = ap.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="import_bench_"))
    work.mkdir(parents=True, exist_ok=True)
    path = work / f"patents_{args.rows}.xlsx"
    if not path.exists():
        t = time.perf_counter()
        write_xlsx(path, args.rows)
        print(json.dumps({"figure": "prepare_xlsx", "rows": args.rows,
                          "seconds": round(time.perf_counter() - t, 1),
                          "mb": round(path.stat().st_size / 1e6, 1)}), flush=True)
    ours = run_child("ours", path, work / "data")
    fig = {"figure": "import_xlsx", "rows": args.rows, "added": ours["rows"],
           "seconds": round(ours["seconds"], 2), "peak_mb": round(ours["peak_mb"]),
           "target_seconds": 60, "target_peak_mb": 800}
    if not args.no_baseline:
        base = run_child("baseline", path, work / "data_baseline")
        fig.update(baseline="openpyxl default load, rows to dicts (no DB)",
                   baseline_seconds=round(base["seconds"], 2),
                   baseline_peak_mb=round(base["peak_mb"]),
                   ratio_seconds=round(base["seconds"] / ours["seconds"], 2),
                   ratio_peak_mb=round(base["peak_mb"] / ours["peak_mb"], 2))
    print(json.dumps(fig, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
