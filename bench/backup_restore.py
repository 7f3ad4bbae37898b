"""Backup/restore benchmark: the portable archive (``backup -o``, ``restore``) at 10,000 and
100,000 library records shaped like a CNIPA export (bench/corpus.py: real titles,
applicants, IPC lists; here every record carries one of the real abstracts), on SQLite and,
when IPDESK_TEST_PG_URL is set, on PostgreSQL.

    python bench/backup_restore.py [--records 10000 100000] [--workdir DIR]

Each measurement runs in its own process so its peak memory (ru_maxrss) is its own: a
streamed backup of 100,000 records must not hold them all.  Baselines in the same run: the
SQLite online-backup copy of the file (``db backup``) and, on PostgreSQL, ``pg_dump -Fc`` /
``pg_restore`` when they are installed.  The restore is measured without the index rebuild
(``--no-index``; the index is the library benchmark's).  ``db copy`` of the desk into an
empty shared database (PostgreSQL when set, else a SQLite file), then a second time.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import corpus  # noqa: E402

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, {root!r})
mode, data, db_url, path = sys.argv[1], sys.argv[2], sys.argv[3] or None, sys.argv[4]
from desktop.app import open_folder
from desktop.transfer import api as transfer
ctx = open_folder(data, db_url)
t = time.perf_counter()
if mode == "backup":
    done = transfer.backup_to_file(ctx, __import__("pathlib").Path(path))
    rows = done.info.total_rows
elif mode == "restore":
    done = transfer.restore_from_file(ctx, __import__("pathlib").Path(path), reindex=False).value
    rows = sum(done.counts.values())
elif mode == "copy":
    rep = transfer.copy_to_database(ctx, path)
    rows = rep.added
else:
    from desktop.context import make_backup
    rows = 0
    make_backup(ctx.paths)
secs = time.perf_counter() - t
ctx.close()
print(json.dumps({{"seconds": secs, "rows": rows,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def emit(**obj: object) -> None:
    print(json.dumps(obj, ensure_ascii=False), flush=True)


def child(mode: str, data: Path, db_url: str | None, path: Path | str) -> dict[str, Any]:
    out = subprocess.run([sys.executable, "-c", CHILD.format(root=str(ROOT)), mode, str(data),
                          db_url or "", str(path)], capture_output=True, text=True, check=False,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    if out.returncode:
        raise SystemExit(f"{mode} failed: {out.stderr[-2000:]}")
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def seed(work: Path, n: int) -> Path:
    """A SQLite desk with ``n`` synthetic patents imported (no index)."""
    folder = work / f"seed_{n}"
    if (folder / "done").exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    pool = corpus.Pool()
    data = work / f"records_{n}.jsonl"
    import random

    rnd = random.Random(n)
    with data.open("w", encoding="utf-8") as fh:
        for r in corpus.records(pool, n):
            r["摘要"] = r["摘要"] or rnd.choice(pool.abstracts)
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    from desktop.app import open_folder
    from desktop.library import api as library

    ctx = open_folder(folder)
    t = time.perf_counter()
    rep = library.import_files(ctx, [data], update_index=False).value
    emit(figure="seed_import", records=n, added=rep.added,
         seconds=round(time.perf_counter() - t, 2))
    ctx.close()
    data.unlink()
    (folder / "done").write_text("ok")
    return folder


def pg_database(base: str) -> str:
    import psycopg

    name = f"ipdesk_bench_{uuid.uuid4().hex[:8]}"
    admin = base.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return admin.rsplit("/", 1)[0] + "/" + name


def drop_pg(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(base + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def pg_tool(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    for d in sorted(Path("/usr/lib/postgresql").glob("*/bin")):
        if (d / name).exists():
            found = str(d / name)
    return found


def run_size(work: Path, n: int, pg_base: str | None) -> None:
    desk = seed(work, n)
    archive = work / f"archive_{n}.zip"
    b = child("backup", desk, None, archive)
    emit(figure="backup", dialect="sqlite", records=n, rows=b["rows"],
         archive_mb=round(archive.stat().st_size / 1e6, 2),
         database_mb=round((desk / "ipdesk.sqlite3").stat().st_size / 1e6, 2),
         seconds=round(b["seconds"], 2), peak_mb=round(b["peak_mb"]))
    base = child("file-copy", desk, None, archive)
    emit(figure="baseline_sqlite_file_backup", records=n, seconds=round(base["seconds"], 2))
    target = work / f"restore_{n}"
    shutil.rmtree(target, ignore_errors=True)
    r = child("restore", target, None, archive)
    emit(figure="restore", dialect="sqlite", records=n, rows=r["rows"],
         seconds=round(r["seconds"], 2), peak_mb=round(r["peak_mb"]))
    copy_into = pg_database(pg_base) if pg_base else f"sqlite:///{work}/shared_{n}.sqlite3"
    try:
        Path(f"{work}/shared_{n}.sqlite3").unlink(missing_ok=True)
        for run in ("first", "second"):  # the second finds every row there: adds nothing
            c = child("copy", desk, None, copy_into)
            emit(figure="db_copy", run=run, target="postgresql" if pg_base else "sqlite",
                 records=n, added=c["rows"], seconds=round(c["seconds"], 2),
                 peak_mb=round(c["peak_mb"]))
    finally:
        if pg_base:
            drop_pg(copy_into)
    if not pg_base:
        return
    url = pg_database(pg_base)
    try:
        folder = work / f"pg_{n}"
        shutil.rmtree(folder, ignore_errors=True)
        r = child("restore", folder, url, archive)
        emit(figure="restore", dialect="postgresql", records=n, rows=r["rows"],
             seconds=round(r["seconds"], 2), peak_mb=round(r["peak_mb"]))
        again = work / f"archive_pg_{n}.zip"
        b = child("backup", folder, url, again)
        emit(figure="backup", dialect="postgresql", records=n, rows=b["rows"],
             archive_mb=round(again.stat().st_size / 1e6, 2), seconds=round(b["seconds"], 2),
             peak_mb=round(b["peak_mb"]))
        dump, restore = pg_tool("pg_dump"), pg_tool("pg_restore")
        if dump and restore:
            out = work / f"pg_{n}.dump"
            t = time.perf_counter()
            subprocess.run([dump, "-Fc", "-f", str(out), url], check=True)
            emit(figure="baseline_pg_dump", records=n, seconds=round(time.perf_counter() - t, 2),
                 dump_mb=round(out.stat().st_size / 1e6, 2))
            url2 = pg_database(pg_base)
            try:
                t = time.perf_counter()
                subprocess.run([restore, "-d", url2, str(out)], check=True)
                emit(figure="baseline_pg_restore", records=n,
                     seconds=round(time.perf_counter() - t, 2))
            finally:
                drop_pg(url2)
    finally:
        drop_pg(url)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, nargs="+", default=[10000, 100000])
    ap.add_argument("--workdir", type=Path, default=None)
    args = ap.parse_args()
    logging.basicConfig(level=logging.WARNING)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="backup_bench_"))
    work.mkdir(parents=True, exist_ok=True)
    pg = os.environ.get("IPDESK_TEST_PG_URL")
    for n in args.records:
        run_size(work, n, pg)
    return 0


if __name__ == "__main__":
    sys.exit(main())
