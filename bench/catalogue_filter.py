"""Benchmark: instant catalogue filtering as the officer types (JSON lines on stdout).

Figures:
- ``filter_keystroke``: one filter call with precomputed pinyin initials (CatalogueIndex),
  baseline: the same matching computing pinyin per item at query time; ratio = baseline/ours.
- ``catalogue_load``: loading the catalogue from the database into a CatalogueIndex, baseline:
  reading and validating the bundled YAML files (what a file-based catalogue would do).

Run: ``/work/venv/bin/python bench/catalogue_filter.py`` from the project root.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.app import open_folder  # noqa: E402
from desktop.catalogue import CatalogueIndex, ensure_loaded, load_index  # noqa: E402
from desktop.catalogue.loader import load_directory  # noqa: E402
from desktop.catalogue.pinyin import initials_variants  # noqa: E402

QUERIES = ["z", "zl", "zlz", "zlzy", "质押", "sbzc", "ZL-00", "kfxk", "检索", "dlbz"]


def _timeit(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(5):
        t0 = time.perf_counter()
        for _ in range(repeat):
            fn()
        best = min(best, (time.perf_counter() - t0) / repeat)
    return best


def naive_filter(items, query: str):  # type: ignore[no-untyped-def]
    """Baseline: compute initials per item on every keystroke (no precomputation, no cache)."""
    from pypinyin import Style, lazy_pinyin

    q = query.lower()
    out = []
    for it in items:
        initials = "".join(p[:1] for p in lazy_pinyin(it.name, style=Style.FIRST_LETTER)).lower()
        if q in it.code.lower() or q in it.name or q in initials:
            out.append(it)
    return out


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        ctx = open_folder(tmp)
        ensure_loaded(ctx.db)
        index = load_index(ctx.db)
        items = index.items
        # a provincial list can be larger than the bundled one: repeat it to ~10x
        big_items = [it.model_copy(update={"code": f"{it.code[:2]}-{n:03d}"})
                     for n, it in enumerate(items * 10)]
        big = CatalogueIndex(big_items)
        for label, idx, its in (("bundled", index, items), ("x10", big, big_items)):
            ours = _timeit(lambda idx=idx: [idx.filter(q) for q in QUERIES], 20) / len(QUERIES)
            initials_variants.cache_clear()
            base = _timeit(lambda its=its: [naive_filter(its, q) for q in QUERIES], 3) / len(QUERIES)
            print(json.dumps({"figure": "filter_keystroke", "catalogue": label,
                              "items": len(its), "ms": round(ours * 1000, 3),
                              "baseline_ms": round(base * 1000, 3),
                              "baseline": "pinyin computed per keystroke",
                              "ratio": round(base / ours, 1)}))
        load = _timeit(lambda: load_index(ctx.db), 5)
        yaml_load = _timeit(load_directory, 5)
        print(json.dumps({"figure": "catalogue_load", "items": len(items),
                          "ms": round(load * 1000, 1), "baseline_ms": round(yaml_load * 1000, 1),
                          "baseline": "parse+validate bundled YAML",
                          "ratio": round(yaml_load / load, 2)}))
        ctx.close()


if __name__ == "__main__":
    main()
