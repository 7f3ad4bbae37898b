"""A desk killed (SIGKILL) in the middle of an import: the batch is all in or all out.

An import is one batch in one transaction (``desktop.library.importing``): the records and
their ``library_batches`` row are committed together at the end, so a process killed before
the commit leaves the database as it was, and one killed after it leaves the whole batch.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import patent_files
from sqlalchemy import func, select, text

from db.models import LibraryBatch, LibraryRecord
from desktop.app import open_folder

ROOT = Path(__file__).resolve().parents[2]
ROWS = 12_000


def _counts(data: Path, url: str | None) -> tuple[int, int]:
    ctx = open_folder(data, url)
    try:
        with ctx.db.session() as s:
            return (int(s.execute(select(func.count(LibraryRecord.id))).scalar_one()),
                    int(s.execute(select(func.count(LibraryBatch.id))).scalar_one()))
    finally:
        ctx.close()


def _import(data: Path, url: str | None, path: Path) -> subprocess.Popen[bytes]:
    argv = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data)]
    if url:
        argv += ["--db", url]
    return subprocess.Popen(argv + ["import", str(path), "--no-index"], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _writing(data: Path, url: str | None) -> bool:
    """The import is under way: its transaction is open and has written a good part."""
    if url is None:  # SQLite: uncommitted pages spill into the write-ahead log
        wal = data / "ipdesk.sqlite3-wal"
        return wal.exists() and wal.stat().st_size > 2_000_000
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        row = conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid() AND xact_start IS NOT NULL "
            "AND xact_start < now() - interval '1 second' "
            "AND state IN ('active', 'idle in transaction')").fetchone()
    return bool(row and row[0])


def _kill_mid_import(tmp_path: Path, url: str | None) -> None:
    data = tmp_path / "desk"
    small = patent_files.write_patent_file(tmp_path / "small.csv", 30, start=900_000)
    big = patent_files.write_patent_file(tmp_path / "big.csv", ROWS)
    proc = _import(data, url, small)  # an earlier batch, so "all out" is not just "empty"
    assert proc.wait(120) == 0
    before = _counts(data, url)
    assert before == (30, 1)
    proc = _import(data, url, big)
    deadline = time.monotonic() + 120
    while not _writing(data, url):
        assert proc.poll() is None, "the import ended before it could be killed"
        assert time.monotonic() < deadline, "the import never got under way"
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    assert proc.wait(30) == -signal.SIGKILL
    after = _counts(data, url)
    assert after == before, "a killed import left part of its batch"
    if url is None:
        ctx = open_folder(data)
        try:
            with ctx.db.session() as s:
                assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        finally:
            ctx.close()
    # the same import run to its end: the whole batch, once
    proc = _import(data, url, big)
    assert proc.wait(600) == 0, proc.stderr.read() if proc.stderr else ""
    assert _counts(data, url) == (before[0] + ROWS, before[1] + 1)


def test_sigkill_mid_import_on_sqlite(tmp_path: Path) -> None:
    _kill_mid_import(tmp_path, None)


def test_sigkill_mid_import_on_postgresql(pg_url: str, tmp_path: Path) -> None:
    _kill_mid_import(tmp_path, pg_url)
