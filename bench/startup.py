"""Start-up time: process start to the main window shown and its event loop running.

The app writes the wall-clock time at which its event loop first runs (with the window
shown) to the file named by IPDESK_STARTUP_PROBE; the figure is that moment minus the moment
the process was spawned.  Shutdown is not counted.

Prints JSON lines: the app's median over N runs (warm: database already created), its first
run on an empty data folder (creates and migrates the database), and a baseline measured in
the same run: a bare PySide6 process that shows one empty window.  Target: median ≤ 1.5 s.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = (
    "import os, time\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "from PySide6.QtCore import QTimer\n"
    "app = QApplication([]); w = QMainWindow(); w.show()\n"
    "def ready():\n"
    "    open(os.environ['IPDESK_STARTUP_PROBE'], 'w').write(repr(time.time())); app.quit()\n"
    "QTimer.singleShot(0, ready); app.exec()\n"
)


def timed(cmd: list[str], env: dict[str, str]) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        probe = Path(tmp) / "ready"
        start = time.time()
        subprocess.run(cmd, env=dict(env, IPDESK_STARTUP_PROBE=str(probe)), check=True,
                       capture_output=True, timeout=120)
        return float(probe.read_text()) - start


def main(runs: int = 7) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        # preferences live in the data folder (settings.ini), so the user's own do not count
        data = Path(tmp) / "data"
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        app_cmd = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data)]
        first = timed(app_cmd, env)
        app_times = [timed(app_cmd, env) for _ in range(runs)]
    base_times = [timed([sys.executable, "-c", BASELINE], env) for _ in range(runs)]
    app_med, base_med = statistics.median(app_times), statistics.median(base_times)
    for record in (
        {"bench": "startup", "metric": "first_run_s", "value": round(first, 3),
         "note": "empty data folder: creates and migrates the database"},
        {"bench": "startup", "metric": "median_s", "value": round(app_med, 3), "runs": runs,
         "target_s": 1.5, "ok": app_med <= 1.5, "first_page": "home",
         "note": "the app always opens on the start page (工作台)"},
        {"bench": "startup", "metric": "baseline_bare_qt_window_median_s",
         "value": round(base_med, 3), "runs": runs},
        {"bench": "startup", "metric": "ratio_app_to_bare_qt", "value": round(app_med / base_med, 2)},
    ):
        sys.stdout.write(json.dumps(record) + "\n")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
