"""Search at every desk: how long after desk A commits 1,000 new patents desk B finds them
(B's sync from the change log), against B rebuilding its whole index, in the same run.

    python bench/index_follow.py [--base 20000] [--new 1000] [--pg]

Desk A and desk B are two contexts with their own data folders (their own whoosh indexes)
on one database: a fresh SQLite file, or with ``--pg`` a fresh database on the server of
``IPDESK_TEST_PG_URL``.  A imports ``--base`` records; B builds its index; A imports ``--new``
more (timed from the moment A's commit returns); B syncs and searches until it finds all of
them; then B rebuilds its whole index.  Prints one JSON line per figure.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import corpus  # noqa: E402

HEADERS = ["发明名称", "申请号", "申请日", "公开（公告）号", "公开（公告）日", "IPC分类号",
           "申请（专利权）人", "发明人", "摘要", "法律状态", "申请人所在国（省）"]
MARK = "FOLLOWMARK"  # a word only the new records carry, to count them at desk B


def write_csv(path: Path, n: int, start: int, mark: str = "") -> Path:
    pool = corpus.Pool()
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(HEADERS)
        for rec in corpus.records(pool, n, start=start):
            if mark:
                rec["发明名称"] = f"{rec['发明名称']} {mark}"
            out.writerow([rec.get(h) or "" for h in HEADERS])
    return path


@contextmanager
def database(use_pg: bool, folder: Path) -> Iterator[str]:
    if not use_pg:
        yield f"sqlite:///{folder / 'shared.sqlite3'}"
        return
    import psycopg

    base = os.environ.get("IPDESK_TEST_PG_URL")
    if not base:
        raise SystemExit("--pg needs IPDESK_TEST_PG_URL (see .ci/start_postgres.sh)")
    admin = base.replace("postgresql+psycopg://", "postgresql://")
    name = f"ipdesk_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield admin.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def emit(**fields: object) -> None:
    print(json.dumps({"bench": "index_follow", **fields}, ensure_ascii=False), flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", type=int, default=20000, help="records already in the library")
    ap.add_argument("--new", type=int, default=1000, help="records desk A imports")
    ap.add_argument("--pg", action="store_true", help="PostgreSQL (IPDESK_TEST_PG_URL)")
    args = ap.parse_args()
    from desktop.app import open_folder
    from desktop.library import api as library

    with tempfile.TemporaryDirectory() as tmp, database(args.pg, Path(tmp)) as url:
        folder = Path(tmp)
        engine = "postgresql" if args.pg else "sqlite"
        a = open_folder(folder / "desk_a", url)
        b = open_folder(folder / "desk_b", url)
        try:
            base = write_csv(folder / "base.csv", args.base, 0)
            new = write_csv(folder / "new.csv", args.new, args.base, MARK)
            library.import_files(a, [base], update_index=False)
            t = time.perf_counter()
            library.ensure_index(b)
            emit(what="initial_build", engine=engine, records=args.base,
                 seconds=round(time.perf_counter() - t, 3))
            report = library.import_files(a, [new], update_index=False).value
            committed = time.perf_counter()  # A's commit has returned
            change = library.sync_index(b).value
            found = library.search(b, MARK, limit=1).total
            seconds = time.perf_counter() - committed
            emit(what="sync", engine=engine, library=args.base, new=report.added,
                 found=found, action=change.action, indexed=change.indexed,
                 seconds=round(seconds, 3),
                 note="seconds from A's commit to B finding them; the GUI syncs every 10 s, "
                      "so at a desk they show within interval + this")
            t = time.perf_counter()
            rebuilt = library.rebuild_index(b).value
            emit(what="full_rebuild", engine=engine, records=args.base + args.new,
                 indexed=rebuilt.indexed, seconds=round(time.perf_counter() - t, 3))
            assert found == args.new, f"B found {found} of {args.new}"
        finally:
            a.close()
            b.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
