"""The library's whoosh index: create, update (follow the database), rebuild, check, repair.

The database is the source of truth.  ``library.json`` beside the index records the database
it was built from, the last change-log ``seq`` applied (:mod:`.follow`) and the last import
batch indexed.  :meth:`LibraryIndex.update` re-indexes what changed since (any desk's imports
and deletions, the catalogue's service items); :meth:`LibraryIndex.rebuild` builds a fresh
index in a side folder and swaps it in, so a crash or kill never leaves a half index in use.
Writes go through one lock per index folder (a second writer waits its turn) and whoosh's
file lock is waited for, never surfaced.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from whoosh import index as windex
from whoosh.index import LockError
from whoosh.writing import IndexWriter

from db import changelog
from db.session import Database
from desktop.common.files import disk_full, no_space, save_atomically
from desktop.errors import UserError
from desktop.jobs import CancelledFn, ProgressFn, check_cancelled, never_cancelled, no_progress
from desktop.library import service_items, store
from desktop.library.search import follow
from desktop.library.search.analysis import configure_dictionary
from desktop.library.search.lifecycle import (  # noqa: F401  (BULK_UPDATE_ROWS re-exported)
    BULK_UPDATE_ROWS,
    bulk_rebuild_pays,
    clean_stale,
    default_procs,
    guard_workers,
    write_locked,
)
from desktop.library.search.schema import SCHEMA_VERSION, build_schema, doc_for_row, tag
from desktop.library.search.status import (  # noqa: F401  (re-exported)
    CHANGES_PENDING,
    NEW_IMPORTS,
    OTHER_DATABASE,
    PREDATES_LOG,
    IndexChange,
    IndexStatus,
)
from desktop.library.service_items import DocumentsFn, no_documents

log = logging.getLogger(__name__)
INDEX_NAME = "library"
META_FILE = "library.json"
LOCK_WAIT_SECONDS = 600.0
WRITER_LIMIT_MB = 256  # per writing process
SIDE_FOLDERS = (f"{INDEX_NAME}.new", f"{INDEX_NAME}.old")
_locks: dict[str, threading.Lock] = {}
_locks_guard = threading.Lock()


def _process_lock(path: Path) -> threading.Lock:
    with _locks_guard:
        return _locks.setdefault(str(path.resolve()), threading.Lock())


class LibraryIndex:
    """The index under ``<index_dir>/library`` for records in ``db``."""

    def __init__(self, index_dir: Path, db: Database, user_dir: Path | None = None,
                 documents: DocumentsFn = no_documents) -> None:
        self.root = Path(index_dir)
        self.path = self.root / INDEX_NAME
        self.db = db
        self.user_dir = user_dir
        self.documents = documents  # other capabilities' documents (service items)
        configure_dictionary(user_dir)
        self._ix: Any = None
        self._searcher: Any = None
        self._guard = threading.RLock()

    # -- meta ------------------------------------------------------------------------
    def _meta_path(self, path: Path | None = None) -> Path:
        return (path or self.path) / META_FILE

    def read_meta(self, path: Path | None = None) -> dict[str, Any]:
        try:
            data = json.loads(self._meta_path(path).read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def _write_meta(self, meta: dict[str, Any], path: Path | None = None) -> None:
        text = json.dumps(meta)
        save_atomically(self._meta_path(path), lambda tmp: Path(tmp).write_text(text, "utf-8"))

    # -- opening ---------------------------------------------------------------------
    def exists(self) -> bool:
        return self.path.is_dir() and windex.exists_in(str(self.path))

    def index(self) -> Any:
        with self._guard:
            if self._ix is None:
                if not self.exists():
                    self._create(self.path)
                self._ix = windex.open_dir(str(self.path))
            return self._ix

    def _create(self, path: Path) -> Any:
        path.mkdir(parents=True, exist_ok=True)
        with self.db.session() as s:  # where the change log stands before anything is read
            state = follow.start_state(s, time.time())
        ix = windex.create_in(str(path), build_schema())
        self._write_meta({"version": SCHEMA_VERSION, "batch": 0, "services": "",
                          **state.to_meta()}, path)
        return ix

    def close(self) -> None:
        with self._guard:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None
            if self._ix is not None:
                self._ix.close()
                self._ix = None

    def searcher(self) -> Any:
        """A current searcher, refreshed when the index changed (cheap when it did not)."""
        with self._guard:
            if self._searcher is None:
                self._searcher = self.index().searcher()
            elif not self._searcher.up_to_date():
                # a new searcher rather than refresh(): whoosh's refresh fails on a searcher
                # opened over an empty index.  Old searchers stay valid for open result sets.
                self._searcher = self.index().searcher()
            return self._searcher

    # -- writing ---------------------------------------------------------------------
    @contextmanager
    def _space_guard(self, what_zh: str, what_en: str) -> Iterator[None]:
        """A full disk while writing the index becomes a :class:`UserError`; the database
        is untouched and the index in use stays as it was (writes are all or nothing)."""
        try:
            yield
        except UserError:
            raise
        except Exception as exc:
            if not no_space(exc):
                raise
            raise disk_full(self.root, f"检索索引未能{what_zh}；数据库未受影响，原有索引保持不变",
                            f"the search index could not be {what_en}; the database is not "
                            "affected and the index in use is unchanged") from exc

    @contextmanager
    def _writer(self, ix: Any, **kwargs: Any) -> Iterator[IndexWriter]:
        """One writer at a time: waits for this process's queue, then for whoosh's file lock."""
        lock = _process_lock(self.root)
        with lock:
            deadline = time.monotonic() + LOCK_WAIT_SECONDS
            while True:
                try:
                    writer = ix.writer(**kwargs)
                    break
                except LockError:
                    if time.monotonic() > deadline:
                        raise UserError("检索索引正被其他程序写入，请稍后再试",
                                        "the search index is being written by another program; "
                                        "try again later") from None
                    log.info("index locked by another process; waiting")
                    time.sleep(0.5)
            try:
                yield writer
            except BaseException:
                writer.cancel()
                raise
            else:
                writer.commit()

    def update(self, progress: ProgressFn = no_progress,
               cancelled: CancelledFn = never_cancelled, *,
               services: bool = True) -> IndexChange:
        """Re-index what changed since the last update: records named by the change log
        (this desk's and other desks' imports and deletions) and records of later import
        batches; the service items always (``services``) or when the log says so."""
        started = time.monotonic()
        meta = self.read_meta()
        if meta.get("version") != SCHEMA_VERSION or not self.exists():
            return self.rebuild(progress, cancelled, reason="index missing or outdated")
        state = follow.FollowState.from_meta(meta)
        since = int(meta.get("batch", 0))
        with self.db.session() as s:
            ident = changelog.identity(s)
            if state is None:
                why = PREDATES_LOG
            elif state.db != ident:
                why = OTHER_DATABASE
            elif changelog.max_seq(s) < state.seq:
                why = "the database is older than the index (restored?)"
            else:
                todo = follow.pending(s, state, time.time())
                why = "far behind the change log: a fresh build is faster" \
                    if todo.too_many else ""
                last = store.last_batch_id(s)
                ids = todo.record_ids | (store.ids_since_batch(s, since) if last > since
                                         else set())
                # (counting the library only when there is something to do: every desk
                # syncs every few seconds)
                bulk = bool(ids) and bulk_rebuild_pays(len(ids), store.record_count(s))
                rows = store.get_rows(s, sorted(ids)) if ids and not bulk else {}
        if why:
            return self.rebuild(progress, cancelled, reason=why)
        if bulk:  # e.g. a 100,000-record import
            return self.rebuild(progress, cancelled,
                                reason=f"{len(ids)} new records: a multi-process build is faster")
        docs, fp = None, meta.get("services", "")
        if services or todo.catalogue or not fp:
            docs = service_items.service_docs(self.documents())
            fp = service_items.fingerprint(docs)
        new_meta = {"version": SCHEMA_VERSION, "batch": max(last, since), "services": fp,
                    **todo.state.to_meta()}
        if not ids and fp == meta.get("services", ""):
            if new_meta != meta:
                self._write_meta(new_meta)
            return IndexChange("none", 0, round(time.monotonic() - started, 3))
        n = 0
        with self._space_guard("更新", "updated"), self._writer(self.index()) as w:
            for rid in sorted(ids):
                if rid in rows:
                    w.update_document(**doc_for_row(rows[rid]))
                else:  # deleted (at this desk or another)
                    w.delete_by_term("rid", f"r{rid}")
                n += 1
                if n % 500 == 0:
                    check_cancelled(cancelled)
                    progress(n, len(ids), "更新索引 / updating the index")
            if docs is not None and fp != meta.get("services", ""):
                w.delete_by_term("tags", tag("kind", "service_item"))
                for doc in docs:
                    w.add_document(**doc)
                n += len(docs)
        self._write_meta(new_meta)
        progress(n, n, "")
        return IndexChange("update", n, round(time.monotonic() - started, 3))

    def rebuild(self, progress: ProgressFn = no_progress,
                cancelled: CancelledFn = never_cancelled, *, procs: int | None = None,
                reason: str = "") -> IndexChange:
        """Build the whole index from the database in a side folder, then swap it in."""
        started = time.monotonic()
        lock = _process_lock(self.root)
        fresh = self.root / f"{INDEX_NAME}.new"
        with lock, self._space_guard("重建", "rebuilt"):
            if write_locked(fresh):
                raise UserError("另一个程序正在重建检索索引，请稍后再试",
                                "another program is rebuilding the search index; try again later")
            shutil.rmtree(fresh, ignore_errors=True)
            # the service items first: loading the bundled catalogue writes to the change log,
            # which the new index's starting point (taken in _create) must include
            services = service_items.service_docs(self.documents())
            ix = self._create(fresh)
            with self.db.session() as s:
                total = store.record_count(s)
                last = store.last_batch_id(s)
                procs = procs if procs is not None else default_procs(total)
                kwargs: dict[str, Any] = {"limitmb": WRITER_LIMIT_MB}
                if procs > 1:
                    guard_workers()  # the workers die with this process, even on kill -9
                    kwargs.update(procs=procs, multisegment=True)
                writer = ix.writer(**kwargs)
                n = 0
                try:
                    for row in store.iter_rows(s):
                        writer.add_document(**doc_for_row(row))
                        n += 1
                        if n % 1000 == 0:
                            check_cancelled(cancelled)
                            progress(n, total, "重建索引 / rebuilding the index")
                    for doc in services:
                        writer.add_document(**doc)
                    progress(total, total, "写入索引 / committing the index")
                    writer.commit()
                except BaseException:
                    writer.cancel()
                    ix.close()
                    shutil.rmtree(fresh, ignore_errors=True)
                    raise
            ix.close()
            self._write_meta({**self.read_meta(fresh), "batch": last,
                              "services": service_items.fingerprint(services)}, fresh)
            self.close()
            old = self.root / f"{INDEX_NAME}.old"
            shutil.rmtree(old, ignore_errors=True)
            if self.path.exists():
                os.replace(self.path, old)
            os.replace(fresh, self.path)
            shutil.rmtree(old, ignore_errors=True)
        log.info("index rebuilt: %d documents in %.1fs (%s)", n + len(services),
                 time.monotonic() - started, reason or "requested")
        return IndexChange("rebuild", n + len(services), round(time.monotonic() - started, 3),
                           reason)

    def recover_side_folders(self) -> None:
        """After a crash: an index swapped out but not yet replaced comes back; side folders
        no live writer holds are removed."""
        old = self.root / f"{INDEX_NAME}.old"
        if not self.path.exists() and old.is_dir() and not write_locked(old):
            os.replace(old, self.path)
            log.warning("restored the index %s left aside by an interrupted rebuild", self.path)
        clean_stale(self.root, SIDE_FOLDERS)

    # -- checking --------------------------------------------------------------------
    def status(self) -> IndexStatus:
        meta = self.read_meta()
        with self.db.session() as s:
            in_db = store.record_count(s)
            last = store.last_batch_id(s)
            ident = changelog.identity(s)
            top = changelog.max_seq(s)
        state = follow.FollowState.from_meta(meta)
        seq = state.seq if state is not None else 0
        size = sum(f.stat().st_size for f in self.path.glob("*") if f.is_file()) \
            if self.path.is_dir() else 0
        if not self.exists():
            return IndexStatus(str(self.path), False, 0, in_db, 0, last, 0, in_db == 0, size,
                               "no index", 0, top)
        try:
            searcher = self.searcher()
            docs = searcher.doc_count()
            services = sum(1 for _ in searcher.document_numbers(tags=tag("kind", "service_item")))
        except Exception as exc:  # damaged index files
            log.warning("index unreadable: %s", exc)
            return IndexStatus(str(self.path), True, 0, in_db, 0, last, 0, False, size,
                               f"unreadable: {exc}", seq, top)
        batch = int(meta.get("batch", 0))
        reason = ""
        if meta.get("version") != SCHEMA_VERSION:
            reason = "schema version changed"
        elif state is None:
            reason = PREDATES_LOG
        elif state.db != ident or seq > top:
            reason = OTHER_DATABASE
        elif batch > last:
            reason = "index is ahead of the database"
        elif batch < last:
            reason = NEW_IMPORTS
        elif seq < top or (state.gaps and docs - services != in_db):
            reason = CHANGES_PENDING
        elif docs - services != in_db:
            reason = f"index holds {docs - services} records, database {in_db}"
        return IndexStatus(str(self.path), True, docs, in_db, batch, last, services,
                           reason == "", size, reason, seq, top)

    def sync(self, progress: ProgressFn = no_progress,
             cancelled: CancelledFn = never_cancelled) -> IndexChange:
        """Follow the database: apply the changes logged since the last sync (the periodic
        job at every desk); the service items only when the catalogue changed."""
        return self.update(progress, cancelled, services=False)

    def ensure(self, progress: ProgressFn = no_progress,
               cancelled: CancelledFn = never_cancelled) -> IndexChange:
        """Bring the index in line with the database: update when only new imports are missing,
        rebuild when it is missing, damaged or inconsistent."""
        with _process_lock(self.root):
            self.recover_side_folders()
        st = self.status()
        if st.consistent and st.exists:
            change = self.update(progress, cancelled)  # picks up catalogue changes
            return change
        if st.exists and st.reason in (NEW_IMPORTS, CHANGES_PENDING):
            change = self.update(progress, cancelled)
            st2 = self.status()
            if st2.consistent:
                return change
            st = st2
        if not st.exists and st.records_in_db == 0:
            return self.update(progress, cancelled)
        if not st.exists:
            return self.rebuild(progress, cancelled, reason=st.reason)
        log.warning("repairing the search index: %s", st.reason)
        change = self.rebuild(progress, cancelled, reason=st.reason)
        change.repaired = True
        return change
