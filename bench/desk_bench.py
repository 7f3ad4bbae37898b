"""Start-page speed with a large visit log (JSON lines on stdout).

    QT_QPA_PLATFORM=offscreen python bench/desk_bench.py [VISITS]     # default 50,000

Fills VISITS realistic visits (the same generator as ``report_bench.py``: a year of
questions and answers, topics, items, 3,000 clients, follow-ups), then measures on a busy
day of that year:

- ``load_home``: the start page's one background read (today's visits, follow-ups due and
  overdue, the month's counts, recent items and forms, the outlet), median of 7;
  target ≤ 300 ms.  Baseline in the same run: the visit log page's first read (the newest
  200 visits), which every page of the log needs anyway.
- ``page_ready``: the real start page widget built offscreen until its figures are shown
  (read + filling the lists), median of 5.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from report_bench import YEAR, fill  # noqa: E402

from desktop.app import open_folder  # noqa: E402
from desktop.visits import api as visits  # noqa: E402

TARGET_MS = 300.0


def emit(**record: object) -> None:
    print(json.dumps({"bench": "desk", **record}, ensure_ascii=False), flush=True)


def median_ms(n: int, fn) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 50000
    work = Path(tempfile.mkdtemp(prefix="desk_bench_"))
    ctx = open_folder(work / "data")
    try:
        fill(ctx, n, random.Random(7))
        from desktop.ui.pages.home.page import load_home

        day = _dt.date(YEAR, 6, 18)
        data = load_home(ctx, day)
        ours = median_ms(7, lambda: load_home(ctx, day))
        base = median_ms(7, lambda: visits.list_visits(ctx, visits.VisitFilter(limit=200)))
        emit(step="load_home", visits=n, day=day.isoformat(), today=len(data.overview.today),
             due_today=len(data.overview.follow_ups.due_today),
             overdue_total=data.overview.overdue_total, month=data.overview.month,
             ms=round(ours, 1), baseline_newest_200_ms=round(base, 1),
             ratio=round(ours / base, 2), target_ms=TARGET_MS, ok=ours <= TARGET_MS)

        from PySide6.QtWidgets import QApplication

        from desktop.settings import api as settings
        from desktop.ui.env import UiEnv
        from desktop.ui.jobs import JobRunner
        from desktop.ui.pages.home.page import HomePage
        from desktop.ui.prefs import Prefs

        app = QApplication.instance() or QApplication([])
        env = UiEnv(ctx=ctx, jobs=JobRunner(), prefs=Prefs(settings.prefs_path(ctx.paths)))

        def build() -> None:
            page = HomePage(env)
            while not page.loaded:
                app.processEvents()
                time.sleep(0.001)
            page.deleteLater()

        ready = median_ms(5, build)
        emit(step="page_ready", visits=n, ms=round(ready, 1), target_ms=TARGET_MS,
             ok=ready <= TARGET_MS,
             note="HomePage built offscreen until its figures are shown; reads 'today' "
                  "as the real date, so today's lists may be empty")
        env.jobs.wait(10000)
    finally:
        ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
