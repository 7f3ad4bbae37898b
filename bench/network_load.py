"""Load test of a network of desks on one PostgreSQL database.

    python bench/network_load.py [--desks 8] [--ops 500] [--restart] [--pg URL]

``--desks`` processes (multiprocessing), each with its own data folder and context
(``desktop.app.open_folder(dir, url)``), run ``--ops`` mixed operations against a fresh
database on the server at ``--pg`` (default ``IPDESK_TEST_PG_URL``): record visits (each with
its idempotency key), edit clients (a few shared clients, read-modify-write with a pause, so
edits overlap and conflicts happen), import CNIPA-shaped files of ``--rows`` patents (XLSX and
CSV, numbers overlapping between files) and search the desk's local index.  A lost
connection is retried (the same visit key, the same import) until ``--recover-s``.

``--restart`` restarts PostgreSQL (``pg_ctl restart -m fast``, PGBIN and IPDESK_TEST_PG_DIR
set, as ``.ci/start_postgres.sh`` prints them) while the desks run.

Checked afterwards, and printed with the throughput and latency per operation kind as JSON
lines: lost (a visit a desk saw committed that is not in the database exactly once, a patent
of a committed import missing), duplicated (patents by canonical application number, visits
by idempotency key), conflicts (edits the desks were told were refused vs the increments of
``clients.lock_version``; ``unreported`` counts committed edits whose change was overwritten
without a word — a lost update).  Exit status 1 when lost, duplicated or unreported is not 0.
"""

from __future__ import annotations

import argparse
import json
import logging
import multiprocessing as mp
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import patent_files  # noqa: E402

log = logging.getLogger("network_load")
KINDS = ("visit", "edit", "import", "search")
DEFAULT_MIX = {"visit": 0.45, "edit": 0.25, "import": 0.03, "search": 0.27}
QUERIES = ("电池", "锂离子 正极", "快递柜", "废水处理", "石墨烯", "无人机", "煤", "铝合金 型材",
           "中药", "光伏", "控制方法", "传感器")
TOPICS = ("patent", "trademark", "copyright", "enforcement", "other")


# -- the database ------------------------------------------------------------------------

def admin_url(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def create_database(server_url: str) -> str:
    """A fresh database on the server; its URL."""
    import psycopg

    name = f"ipdesk_load_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin_url(server_url), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return admin_url(server_url).rsplit("/", 1)[0] + "/" + name


def drop_database(server_url: str, url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(admin_url(server_url), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def pg_ctl(action: str, *, timeout: float = 60) -> None:
    """``pg_ctl ACTION -m fast`` on the server of PGBIN/IPDESK_TEST_PG_DIR (as postgres when
    run as root)."""
    from sqlalchemy.engine import make_url

    pgbin, pgdir = os.environ["PGBIN"], os.environ["IPDESK_TEST_PG_DIR"]
    cmd = f"{pgbin}/pg_ctl -D {pgdir}/data -m fast -w {action}"
    if action in ("start", "restart"):  # the options of .ci/start_postgres.sh again
        port = make_url(os.environ["IPDESK_TEST_PG_URL"]).port or 5432
        cmd += f" -l {pgdir}/log -o '-p {port} -k {pgdir} -c listen_addresses=127.0.0.1'"
    argv = ["su", "postgres", "-s", "/bin/sh", "-c", cmd] if os.geteuid() == 0 else \
        ["/bin/sh", "-c", cmd]
    subprocess.run(argv, check=True, capture_output=True, timeout=timeout)


def can_restart() -> bool:
    return bool(os.environ.get("PGBIN") and os.environ.get("IPDESK_TEST_PG_DIR"))


# -- one desk ----------------------------------------------------------------------------

def is_conflict(exc: BaseException) -> bool:
    """An edit refused because another desk changed the record first: StaleDataError
    today (the mapper's version column), an ``EditConflict`` UserError once the clients
    capability reports it itself — recognised by class name, so both count."""
    names = {c.__name__ for c in type(exc).__mro__}
    return bool(names & {"StaleDataError", "EditConflict", "ConflictError"}) or \
        any("Conflict" in n for n in names if n not in ("Exception", "BaseException"))


def plan_ops(n: int, mix: dict[str, float], seed: int) -> list[str]:
    rnd = random.Random(seed)
    kinds = list(mix)
    weights = [mix[k] for k in kinds]
    ops = rnd.choices(kinds, weights, k=n)
    if mix.get("import", 0) > 0 and "import" not in ops[: max(1, n // 2)]:
        ops[rnd.randrange(max(1, n // 2))] = "import"  # every desk imports at least once
    return ops


def desk_main(desk: int, url: str, workdir: str, ops: list[str], client_ids: list[int],
              files: list[str], recover_s: float, seed: int, out: str) -> None:
    """One desk process: run ``ops``, write what it saw to ``out`` (JSON)."""
    logging.basicConfig(level=logging.WARNING)
    from desktop import connection
    from desktop.app import open_folder
    from desktop.clients import api as clients
    from desktop.library import api as library
    from desktop.visits import api as visits

    rnd = random.Random(seed)
    progress = Path(workdir) / f"desk{desk}.progress"
    seen: dict[str, Any] = {"desk": desk, "latency": {k: [] for k in KINDS},
                            "visits": [], "edits": [], "imports": [], "conflicts": 0,
                            "edit_attempts": 0, "connection_errors": 0, "recovered": 0,
                            "failed": [], "other_errors": [], "connection_samples": []}

    def with_recovery(kind: str, fn: Any) -> Any:
        """Run ``fn``; a lost connection is retried (backoff) until ``recover_s``."""
        deadline = time.monotonic() + recover_s
        delay = 0.2
        lost = False
        while True:
            try:
                result = fn()
                if lost:
                    seen["recovered"] += 1
                return result
            except Exception as exc:
                if not connection.is_transient(exc) or time.monotonic() > deadline:
                    raise
                lost = True
                seen["connection_errors"] += 1
                if len(seen["connection_samples"]) < 3:
                    seen["connection_samples"].append(f"{kind}: {exc}"[:200])
                time.sleep(delay)
                delay = min(2.0, delay * 2)

    def visit(i: int) -> None:
        key = uuid.uuid4().hex
        data = visits.VisitData(officer=f"desk{desk}", topics=[rnd.choice(TOPICS)],
                                question=f"第{desk}号服务台第{i}次咨询：专利申请流程",
                                answer="已解答", idem_key=key)
        with_recovery("visit", lambda: visits.save_visit(ctx, data))
        seen["visits"].append(key)

    def edit(i: int) -> None:
        cid = rnd.choice(client_ids)
        token = f"d{desk}o{i}"
        seen["edit_attempts"] += 1

        def once() -> None:
            c = clients.get_client(ctx, cid)
            time.sleep(rnd.uniform(0, 0.03))  # an officer typing: other desks save meanwhile
            c.notes = ((c.notes or "") + " " + token).strip()
            clients.save_client(ctx, c)

        try:
            with_recovery("edit", once)
        except Exception as exc:
            if is_conflict(exc):
                seen["conflicts"] += 1
                return
            raise
        seen["edits"].append([cid, token])

    def import_(i: int) -> None:
        f = rnd.choice(files)
        rep = with_recovery("import", lambda: library.import_files(ctx, [f]).value)
        seen["imports"].append({"file": f, "batch": rep.batch_id, "added": rep.added,
                                "updated": rep.updated, "unchanged": rep.unchanged,
                                "rejected": rep.rejected})

    def search(i: int) -> None:
        with_recovery("search", lambda: library.search(ctx, rnd.choice(QUERIES), limit=10))

    run = {"visit": visit, "edit": edit, "import": import_, "search": search}
    ctx = with_recovery("open", lambda: open_folder(Path(workdir) / f"desk{desk}", url))
    started = time.monotonic()
    for i, kind in enumerate(ops):
        progress.write_text(str(i), encoding="utf-8")
        t0 = time.perf_counter()
        try:
            run[kind](i)
        except Exception as exc:
            seen["failed"].append(kind)
            if len(seen["other_errors"]) < 20:
                seen["other_errors"].append(f"{kind}: {type(exc).__name__}: {exc}"[:300])
        seen["latency"][kind].append(time.perf_counter() - t0)
    seen["seconds"] = time.monotonic() - started
    progress.write_text(str(len(ops)), encoding="utf-8")
    ctx.close()
    Path(out).write_text(json.dumps(seen), encoding="utf-8")


# -- the run -----------------------------------------------------------------------------

def setup(url: str, workdir: Path, n_clients: int, n_files: int, rows: int
          ) -> tuple[list[int], list[str], dict[str, set[str]]]:
    """Migrate the database, make the shared clients and the import files."""
    from desktop.app import open_folder
    from desktop.clients import api as clients

    ctx = open_folder(workdir / "setup", url)
    ids = []
    for n in range(n_clients):
        c = clients.save_client(ctx, clients.ClientData(name=f"负载测试客户{n + 1}有限公司")).value
        assert c.id is not None
        ids.append(c.id)
    ctx.close()
    files: list[str] = []
    keys: dict[str, set[str]] = {}
    step = max(1, rows // 2)  # neighbouring files share half their patents
    for j in range(n_files):
        path = workdir / f"patents_{j}.{'xlsx' if j % 2 else 'csv'}"
        patent_files.write_patent_file(path, rows, start=j * step)
        files.append(str(path))
        keys[str(path)] = patent_files.appno_keys(rows, start=j * step)
    return ids, files, keys


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    s = sorted(values)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))]


def check(url: str, results: list[dict[str, Any]], client_ids: list[int],
          keys: dict[str, set[str]]) -> dict[str, Any]:
    """What the database holds against what the desks were told."""
    import psycopg

    with psycopg.connect(url) as conn:
        counts = dict(conn.execute(
            "SELECT idem_key, count(*) FROM visits WHERE idem_key IS NOT NULL "
            "GROUP BY idem_key").fetchall())
        dup_patents = conn.execute(
            "SELECT count(*) FROM (SELECT appno_key FROM library_records WHERE appno_key "
            "IS NOT NULL GROUP BY appno_key HAVING count(*) > 1) d").fetchone()[0]
        stored_keys = {r[0] for r in conn.execute(
            "SELECT appno_key FROM library_records WHERE appno_key IS NOT NULL")}
        rows = conn.execute("SELECT id, lock_version, coalesce(notes, '') FROM clients "
                            "WHERE id = ANY(%s)", (client_ids,)).fetchall()
    committed = [k for r in results for k in r["visits"]]
    lost_visits = sum(1 for k in committed if counts.get(k, 0) == 0)
    dup_visits = sum(n - 1 for n in counts.values() if n > 1)
    unexpected = len(set(counts) - set(committed))  # stored, though the desk saw a failure
    imported = set().union(*[keys[i["file"]] for r in results for i in r["imports"]]) \
        if any(r["imports"] for r in results) else set()
    lost_patents = len(imported - stored_keys)
    notes = {cid: set(text.split()) for cid, _v, text in rows}
    increments = sum(v - 1 for _c, v, _t in rows)
    edits = [(cid, tok) for r in results for cid, tok in r["edits"]]
    unreported = sum(1 for cid, tok in edits if tok not in notes.get(cid, set()))
    conflicts = sum(r["conflicts"] for r in results)
    attempts = sum(r["edit_attempts"] for r in results)
    return {"visits_committed": len(committed), "visits_stored": sum(counts.values()),
            "visits_lost": lost_visits, "visits_duplicated": dup_visits,
            "visits_stored_after_error": unexpected,
            "patents_expected": len(imported), "patents_stored": len(stored_keys),
            "patents_lost": lost_patents, "patents_duplicated": int(dup_patents),
            "edit_attempts": attempts, "edits_committed": len(edits),
            "conflicts_reported": conflicts, "lock_version_increments": int(increments),
            "edits_failed_otherwise": attempts - len(edits) - conflicts,
            "unreported_conflicts": unreported + abs(int(increments) - len(edits))}


def run(server_url: str, *, desks: int = 8, ops: int = 500, rows: int = 1000,
        restart: bool = False, restart_after_s: float = 5.0, recover_s: float = 90.0,
        mix: dict[str, float] | None = None, workdir: Path | None = None, seed: int = 1,
        keep: bool = False) -> dict[str, Any]:
    """Run the load; returns the summary (also the per-kind figures under ``kinds``)."""
    mix = mix or DEFAULT_MIX
    work = workdir or Path(tempfile.mkdtemp(prefix="network_load_"))
    work.mkdir(parents=True, exist_ok=True)
    url = create_database(server_url)
    try:
        client_ids, files, keys = setup(url, work, max(2, min(8, desks)), max(2, desks // 2 + 1),
                                        rows)
        ctxmp = mp.get_context("spawn")
        procs = []
        started = time.monotonic()
        for d in range(desks):
            out = str(work / f"desk{d}.json")
            p = ctxmp.Process(target=desk_main, args=(
                d, url, str(work), plan_ops(ops, mix, seed * 100 + d), client_ids, files,
                recover_s, seed * 1000 + d, out))
            p.start()
            procs.append((p, out))
        restarted: dict[str, float] = {}
        if restart:
            if not can_restart():
                raise SystemExit("--restart needs PGBIN and IPDESK_TEST_PG_DIR "
                                 "(see .ci/start_postgres.sh)")

            def done_ops() -> list[int]:
                out = []
                for d in range(desks):
                    f = work / f"desk{d}.progress"
                    try:
                        out.append(int(f.read_text(encoding="utf-8") or 0))
                    except (OSError, ValueError):
                        out.append(0)
                return out

            def restart_server() -> None:
                # once every desk is at work (``restart_after_s`` and a fifth of its ops)
                time.sleep(restart_after_s)
                while min(done_ops()) < max(1, ops // 5) and any(
                        p.is_alive() for p, _o in procs):
                    time.sleep(0.1)
                t0 = time.monotonic()
                pg_ctl("restart")
                restarted.update(at_s=round(t0 - started, 2),
                                 down_s=round(time.monotonic() - t0, 2),
                                 ops_done_before=sum(done_ops()))

            threading.Thread(target=restart_server, daemon=True).start()
        for p, _out in procs:
            p.join()
        wall = time.monotonic() - started
        results = [json.loads(Path(out).read_text(encoding="utf-8"))
                   for p, out in procs if Path(out).exists()]
        summary = check(url, results, client_ids, keys)
        summary.update(desks=desks, ops_per_desk=ops, rows_per_file=rows,
                       desks_finished=len(results), seconds=round(wall, 2),
                       throughput_ops_s=round(sum(len(v) for r in results
                                                  for v in r["latency"].values()) / wall, 1),
                       connection_errors=sum(r["connection_errors"] for r in results),
                       recovered=sum(r["recovered"] for r in results),
                       connection_samples=[e for r in results
                                           for e in r["connection_samples"]][:5],
                       failed_ops=sum(len(r["failed"]) for r in results),
                       errors=[e for r in results for e in r["other_errors"]][:10],
                       restart=restarted or None)
        kinds = {}
        for kind in KINDS:
            lat = [x for r in results for x in r["latency"][kind]]
            kinds[kind] = {"kind": kind, "count": len(lat),
                           "ops_s": round(len(lat) / wall, 2),
                           "p50_ms": round(percentile(lat, 0.5) * 1000, 1),
                           "p95_ms": round(percentile(lat, 0.95) * 1000, 1)}
        summary["kinds"] = kinds
        return summary
    finally:
        if not keep:
            try:
                drop_database(server_url, url)
            except Exception as exc:
                log.warning("could not drop %s: %s", url, exc)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pg", default=os.environ.get("IPDESK_TEST_PG_URL"),
                    help="a PostgreSQL server URL (default IPDESK_TEST_PG_URL)")
    ap.add_argument("--desks", type=int, default=8)
    ap.add_argument("--ops", type=int, default=500)
    ap.add_argument("--rows", type=int, default=1000, help="patents per import file")
    ap.add_argument("--restart", action="store_true", help="restart PostgreSQL mid-run")
    ap.add_argument("--restart-after", type=float, default=5.0, metavar="S")
    ap.add_argument("--recover-s", type=float, default=90.0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workdir", type=Path)
    args = ap.parse_args()
    if not args.pg:
        ap.error("no server: give --pg URL or set IPDESK_TEST_PG_URL (.ci/start_postgres.sh)")
    s = run(args.pg, desks=args.desks, ops=args.ops, rows=args.rows, restart=args.restart,
            restart_after_s=args.restart_after, recover_s=args.recover_s, seed=args.seed,
            workdir=args.workdir)
    for k in s.pop("kinds").values():
        print(json.dumps({"metric": "op", **k}, ensure_ascii=False))
    print(json.dumps({"metric": "network_load", **s}, ensure_ascii=False))
    bad = s["visits_lost"] + s["visits_duplicated"] + s["patents_lost"] + \
        s["patents_duplicated"] + s["unreported_conflicts"]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
