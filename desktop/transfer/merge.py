"""``db copy --to URL``: merge this desk's data into a shared database (a desk joins the
network), matching what is already there instead of duplicating it.

Clients are matched by 统一社会信用代码/身份证号 (by exact name and kind when they have none),
library records by their canonical numbers (application number, then publication number,
then the identity hash), visits by their idempotency key (local visits without one get a
random key first, so a second copy adds nothing), and the rest by their natural keys
(:mod:`.merge_tables`).  Ids are remapped to the target's.  Everything is written in one
transaction on the target; a dry run does the same work and rolls it back, so its report
is exactly what a real copy would do.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import Table, bindparam, func, select, update
from sqlalchemy.engine import Connection, RowMapping
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from db.archive import CHUNK, snapshot
from db.base import utcnow
from db.bulk import copy_rows, insert_with_ids
from db.migrate import app_heads, current_revisions, migrate
from db.models import ChangeLog, Client, LibraryBatch, LibraryRecord, Visit
from db.session import Database, normalise_url
from desktop import audit
from desktop.context import AppContext, user_error_for
from desktop.errors import UserError
from desktop.jobs import CancelledFn, ProgressFn, check_cancelled, never_cancelled, no_progress

log = logging.getLogger(__name__)
MAX_LISTED = 50  # conflicts listed per table (all are counted)
CLIENT_FIELDS = ("name", "kind", "id_number", "address", "postcode", "contact_person", "phone",
                 "email", "industry", "region", "notes")


@dataclass
class TableReport:
    table: str
    added: int = 0
    matched: int = 0
    skipped: int = 0
    conflict_count: int = 0
    conflicts: list[str] = field(default_factory=list)
    note: str = ""

    def conflict(self, text: str) -> None:
        self.conflict_count += 1
        if len(self.conflicts) < MAX_LISTED:
            self.conflicts.append(text)


@dataclass
class CopyReport:
    source: str
    target: str
    dry_run: bool
    tables: list[TableReport] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def added(self) -> int:
        return sum(t.added for t in self.tables if t.table != "change_log")

    def table(self, name: str) -> TableReport:
        return next(t for t in self.tables if t.table == name)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self) | {"added": self.added}

    def lines(self, lang: str = "zh") -> list[str]:
        """The report as text: a table of counts, then the conflicts."""
        zh = lang == "zh"
        head = (("试运行（未写入）" if zh else "dry run (nothing written)") if self.dry_run
                else ("已并入" if zh else "copied"))
        out = [f"{head}: {self.source} → {self.target}",
               f"{'table':<24}{'added':>9}{'matched':>9}{'skipped':>9}{'conflicts':>11}"]
        for t in self.tables:
            out.append(f"{t.table:<24}{t.added:>9,}{t.matched:>9,}{t.skipped:>9,}"
                       f"{t.conflict_count:>11,}" + (f"  ({t.note})" if t.note else ""))
        for t in self.tables:
            out += [f"  {t.table}: {c}" for c in t.conflicts]
            more = t.conflict_count - len(t.conflicts)
            if more > 0:
                out.append(f"  {t.table}: " + (f"另有 {more} 处不一致" if zh else f"{more} more"))
        out.append(f"新增 {self.added:,} 行，用时 {self.seconds:.1f} 秒" if zh
                   else f"{self.added:,} rows added in {self.seconds:.1f} s")
        return out


class Copier:
    """One copy: the source snapshot, the target transaction, the id maps, the report."""

    def __init__(self, ctx: AppContext, src: Connection, dst: Connection,
                 report: CopyReport, progress: ProgressFn, cancelled: CancelledFn) -> None:
        self.ctx, self.src, self.dst, self.report = ctx, src, dst, report
        self.progress, self.cancelled = progress, cancelled
        self.now = utcnow()
        self.client_map: dict[int, int] = {}
        self.batch_map: dict[int, int] = {}
        self.visit_map: dict[int, int] = {}
        self.idem_keys: dict[int, str] = {}  # dry run: keys the local visits would get

    def table_report(self, name: str) -> TableReport:
        found = [t for t in self.report.tables if t.table == name]
        if found:
            return found[0]
        rep = TableReport(name)
        self.report.tables.append(rep)
        return rep

    def stream(self, table: Table) -> Iterator[list[RowMapping]]:
        stmt = select(table).order_by(*table.primary_key.columns)
        result = self.src.execute(stmt.execution_options(yield_per=CHUNK)).mappings()
        for part in result.partitions():
            check_cancelled(self.cancelled)
            yield list(part)

    def insert_ids(self, table: Table, rows: list[dict[str, Any]]) -> list[int]:
        """Insert ``rows`` (no ids) and return the ids the target gave them, in order."""
        return insert_with_ids(self.dst, table, rows)

    def log_changes(self, kind: str, keys: list[str]) -> None:
        if keys:
            copy_rows(self.dst, ChangeLog.__table__, [  # type: ignore[arg-type]
                {"at": self.now, "kind": kind, "key": k, "op": "upsert", "origin": self.ctx.desk}
                for k in keys])
            self.table_report("change_log").added += len(keys)

    # -- clients -------------------------------------------------------------------
    def clients(self) -> None:
        t: Table = Client.__table__  # type: ignore[assignment]
        rep = self.table_report("clients")
        by_number: dict[str, int] = {}
        by_name: dict[tuple[str, str], int] = {}
        unnumbered: dict[tuple[str, str], int] = {}  # target clients without a number
        for r in self.dst.execute(select(t.c.id, t.c.id_number, t.c.name, t.c.kind)
                                  .order_by(t.c.id)):
            if _norm(r.id_number):
                by_number.setdefault(_norm(r.id_number), r.id)
            else:
                unnumbered.setdefault((r.name, r.kind), r.id)
            by_name.setdefault((r.name, r.kind), r.id)
        for part in self.stream(t):
            for row in part:
                num, name = _norm(row["id_number"]), (row["name"], row["kind"])
                # by number; without one, by exact name and kind; a numbered client also
                # matches a same-named one the target has no number for (it gets this one)
                tid = (by_number.get(num) or unnumbered.pop(name, None)) if num \
                    else by_name.get(name)
                if num and tid is not None:
                    by_number[num] = tid
                if tid is None:
                    values = {k: v for k, v in row.items() if k != "id"} | {"lock_version": 1}
                    tid = self.insert_ids(t, [values])[0]
                    rep.added += 1
                    if num:
                        by_number[num] = tid
                    by_name.setdefault(name, tid)
                else:
                    rep.matched += 1
                    self._merge_client(t, tid, row, rep)
                self.client_map[row["id"]] = tid

    def _merge_client(self, t: Table, tid: int, row: RowMapping, rep: TableReport) -> None:
        """Fill the target's empty fields from this desk; differences are reported and the
        target's values kept."""
        there = self.dst.execute(select(t).where(t.c.id == tid)).mappings().one()
        fill = {f: row[f] for f in CLIENT_FIELDS if _blank(there[f]) and not _blank(row[f])}
        differ = [f for f in CLIENT_FIELDS
                  if not _blank(there[f]) and not _blank(row[f]) and there[f] != row[f]]
        if differ:
            rep.conflict(f"{there['name']}（#{tid}）: {', '.join(differ)} — kept the target's")
        if fill:
            self.dst.execute(update(t).where(t.c.id == tid).values(
                **fill, lock_version=there["lock_version"] + 1, updated_at=self.now,
                updated_by=self.ctx.actor or there["updated_by"]))

    # -- library -------------------------------------------------------------------
    def batches(self) -> None:
        t: Table = LibraryBatch.__table__  # type: ignore[assignment]
        rep = self.table_report("library_batches")
        have = {(r.started_at, r.kind, r.sources): r.id for r in self.dst.execute(
            select(t.c.id, t.c.started_at, t.c.kind, t.c.sources))}
        for part in self.stream(t):
            for row in part:
                key = (row["started_at"], row["kind"], row["sources"])
                tid = have.get(key)
                if tid is None:
                    tid = self.insert_ids(t, [{k: v for k, v in row.items() if k != "id"}])[0]
                    have[key] = tid
                    rep.added += 1
                else:
                    rep.matched += 1
                self.batch_map[row["id"]] = tid

    def records(self) -> None:
        t: Table = LibraryRecord.__table__  # type: ignore[assignment]
        rep = self.table_report("library_records")
        by_app: dict[str, tuple[int, str]] = {}
        by_pub: dict[str, tuple[int, str]] = {}
        by_hash: dict[str, tuple[int, str]] = {}
        cols = (t.c.id, t.c.appno_key, t.c.pubno_key, t.c.ident_hash, t.c.content_hash)
        result = self.dst.execute(select(*cols).execution_options(yield_per=CHUNK))
        for r in result:
            _remember(r.appno_key, r.pubno_key, r.ident_hash, (r.id, r.content_hash),
                      by_app, by_pub, by_hash)
        done, total = 0, int(self.src.execute(select(func.count()).select_from(t)).scalar_one())
        for part in self.stream(t):
            new: list[dict[str, Any]] = []
            for row in part:
                found = ((row["appno_key"] and by_app.get(row["appno_key"]))
                         or (row["pubno_key"] and by_pub.get(row["pubno_key"]))
                         or by_hash.get(row["ident_hash"]))
                if found:
                    rep.matched += 1
                    if found[1] != row["content_hash"]:
                        rep.conflict(f"{row['application_number'] or row['publication_number'] or row['title'][:40]}"
                                     f"（#{found[0]}）: content differs — kept the target's")
                    continue
                values = {k: v for k, v in row.items() if k != "id"}
                values["batch_id"] = self.batch_map.get(row["batch_id"]) \
                    if row["batch_id"] is not None else None
                new.append(values)
                # a second local record with the same numbers matches this one
                _remember(row["appno_key"], row["pubno_key"], row["ident_hash"],
                          (0, row["content_hash"]), by_app, by_pub, by_hash)
            ids = self.insert_ids(t, new)
            rep.added += len(ids)
            self.log_changes("library", [str(i) for i in ids])
            done += len(part)
            self.progress(done, total, "library_records")


def _remember(app: str | None, pub: str | None, ident: str, value: tuple[int, str],
              by_app: dict[str, tuple[int, str]], by_pub: dict[str, tuple[int, str]],
              by_hash: dict[str, tuple[int, str]]) -> None:
    if app:
        by_app.setdefault(app, value)
    if pub:
        by_pub.setdefault(pub, value)
    by_hash.setdefault(ident, value)


def _norm(number: str | None) -> str:
    return (number or "").strip().upper()


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def assign_idem_keys(ctx: AppContext) -> int:
    """Give every local visit without an idempotency key a random one (committed)."""
    t: Table = Visit.__table__  # type: ignore[assignment]
    with ctx.db.session() as s:
        ids = list(s.execute(select(t.c.id).where(t.c.idem_key.is_(None))).scalars())
        for i in range(0, len(ids), CHUNK):
            s.execute(update(t).where(t.c.id == bindparam("vid")).values(
                idem_key=bindparam("key")).execution_options(synchronize_session=False),
                [{"vid": v, "key": uuid.uuid4().hex} for v in ids[i:i + CHUNK]])
    return len(ids)


def open_target(ctx: AppContext, url: str, dry_run: bool) -> Database:
    """The target database, at this app's schema (migrated first, unless a dry run)."""
    if normalise_url(url) == ctx.db.url:
        raise UserError("目标数据库就是当前数据库", "the target is this desk's own database")
    target = Database(url)
    where = target.display_url()
    try:
        if current_revisions(target) != app_heads():
            if dry_run:
                raise UserError(f"目标数据库 {where} 尚未升级到本程序的版本；先运行 "
                                f"ipdesk --db URL init（或去掉 --dry-run）",
                                f"the target database {where} is not at this app's schema; "
                                "run 'ipdesk --db URL init' first (or drop --dry-run)")
            migrate(target)
    except UserError:
        target.dispose()
        raise
    except (OperationalError, DBAPIError) as exc:
        target.dispose()
        raise (user_error_for(exc) or UserError(f"无法连接目标数据库 {where}",
                                                f"cannot reach the target database {where}")
               ) from exc
    return target


def copy_to(ctx: AppContext, url: str, *, dry_run: bool = False,
            progress: ProgressFn = no_progress,
            cancelled: CancelledFn = never_cancelled) -> CopyReport:
    """Merge this desk's data into the database at ``url``; see the module docstring."""
    from desktop.transfer import merge_tables

    started = time.perf_counter()
    target = open_target(ctx, url, dry_run)
    report = CopyReport(source=str(ctx.db.sqlite_path or ctx.db.display_url()),
                        target=target.display_url(), dry_run=dry_run)
    try:
        if not dry_run:
            assign_idem_keys(ctx)
        with snapshot(ctx.db) as src, target.engine.connect() as dst:
            trans = dst.begin()
            try:
                copier = Copier(ctx, src, dst, report, progress, cancelled)
                copier.table_report("change_log")
                copier.clients()
                copier.batches()
                copier.records()
                merge_tables.run_rest(copier)
                if report.added and not dry_run:
                    with Session(bind=dst) as s:
                        audit.record(s, ctx, "copy_in", report.source, {
                            t.table: t.added for t in report.tables if t.added})
                        s.flush()
            except BaseException:
                trans.rollback()
                raise
            if dry_run:
                trans.rollback()
            else:
                trans.commit()
    except (OperationalError, DBAPIError) as exc:
        known = user_error_for(exc)
        if known is None:
            why = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
            known = UserError(f"无法写入目标数据库（{why}），目标数据库未做任何改动",
                              f"cannot write to the target database ({why}); nothing was "
                              "written there")
        raise known from exc
    finally:
        target.dispose()
    report.seconds = time.perf_counter() - started
    log.info("db copy to %s (dry run %s): %d rows added", report.target, dry_run, report.added)
    return report
