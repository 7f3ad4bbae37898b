"""Faults a desk meets: ``kill -9`` during an import, during its index update and during a
multi-process rebuild.  The outcome is checked, never the timing: the batch is all in or
all out, the rebuild's worker processes die with it, the side folder it left is cleaned on
the next start, and the next search answers (saying that it repairs the index)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(),
                                reason="needs /proc to find worker processes")
WORDS = "锂离子电池正极材料煤炭清洁利用智能快递柜储能装置液化残渣气化方法系统控制检测"


def _csv(path: Path, rows: int, start: int = 0) -> Path:
    import random

    rnd = random.Random(start)
    with path.open("w", encoding="utf-8") as fh:
        fh.write("发明名称,申请号,申请日,申请（专利权）人,摘要\n")
        for i in range(start, start + rows):
            title = "一种" + "".join(rnd.choice(WORDS) for _ in range(8)) + "装置"
            abstract = "".join(rnd.choice(WORDS) for _ in range(rnd.randint(60, 200)))
            fh.write(f"{title},2015{i:08d},2015-01-01,公司{i % 500},{abstract}\n")
    return path


def _cli(data: Path, *args: str, **kw: object) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data),
                             *args], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, **kw)  # type: ignore[call-overload]


def _run(data: Path, *args: str) -> tuple[int, str, str]:
    p = _cli(data, *args)
    out, err = p.communicate(timeout=600)
    return p.returncode, out, err


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _records(data: Path) -> int:
    conn = sqlite3.connect(f"file:{data / 'ipdesk.sqlite3'}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM library_records").fetchone()[0])
    finally:
        conn.close()


def _wait(cond, timeout: float = 120.0) -> bool:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if cond():
            return True
        time.sleep(0.05)
    return False


def test_kill_during_rebuild_leaves_no_workers_and_the_old_index(tmp_path: Path) -> None:
    data = tmp_path / "d"
    assert _run(data, "import", str(_csv(tmp_path / "a.csv", 6000)))[0] == 0
    before = json.loads(_run(data, "search", "装置", "--json")[1])["total"]
    # no pipes: orphaned workers would hold them open
    rebuild = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data),
                                "index", "rebuild", "--procs", "2"], cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    side = data / "index" / "library.new"
    workers: list[int] = []
    try:
        assert _wait(lambda: side.exists() and len(_children(rebuild.pid)) >= 2), "no workers"
        workers = _children(rebuild.pid)
        time.sleep(0.5)
        rebuild.send_signal(signal.SIGKILL)
        rebuild.wait()
        assert _wait(lambda: not any(_alive(w) for w in workers), 10), \
            f"worker processes outlived their parent: {[w for w in workers if _alive(w)]}"
    finally:
        for w in workers:  # the test's own processes, should the check fail
            if _alive(w):
                os.kill(w, signal.SIGKILL)
    code, out, err = _run(data, "search", "装置", "--json")
    assert code == 0 and "Traceback" not in err
    assert json.loads(out)["total"] == before  # the previous index answered, unchanged
    assert not side.exists()  # the side folder of the killed rebuild was cleaned


def test_kill_during_import_is_all_or_nothing_and_search_recovers(tmp_path: Path) -> None:
    data = tmp_path / "d"
    assert _run(data, "init")[0] == 0
    big = _csv(tmp_path / "big.csv", 8000)
    # killed while the rows are read and written: nothing of the batch is kept
    imp = _cli(data, "import", str(big))
    assert _wait(lambda: (data / "ipdesk.sqlite3-wal").exists()
                 and (data / "ipdesk.sqlite3-wal").stat().st_size > 1_000_000)
    imp.send_signal(signal.SIGKILL)
    imp.communicate()
    assert _records(data) in (0, 8000)
    # killed during the index update after the commit: the batch is kept, and the next
    # search says it indexes the missing records, then finds them
    imp = _cli(data, "import", str(big))
    assert _wait(lambda: _records(data) == 8000)
    imp.send_signal(signal.SIGKILL)
    imp.communicate()
    code, out, err = _run(data, "search", "装置", "--json", "--limit", "1")
    assert code == 0 and "Traceback" not in err, err
    assert json.loads(out)["total"] == 8000
    status = json.loads(_run(data, "index", "status", "--json")[1])
    assert status["consistent"] and not (data / "index" / "library.new").exists()
