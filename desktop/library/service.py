"""The library of one context: its open index, importing, searching, records, export.

``open_library(ctx)`` returns the one :class:`Library` of a context (made on first use and
closed with the context).  The GUI and CLI reach it only through :mod:`desktop.library.api`.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from desktop.connection import is_offline
from desktop.context import AppContext
from desktop.errors import UserError
from desktop.jobs import CancelledFn, ProgressFn, never_cancelled, no_progress
from desktop.library import store
from desktop.library.export import export_results
from desktop.library.fields import FIELDS
from desktop.library.importing import ImportReport, import_paths
from desktop.library.records import RecordView
from desktop.library.report import write_report
from desktop.library.search import vector
from desktop.library.search.engine import Filters, ResultSet, SearchResult, search
from desktop.library.search.index import IndexChange, IndexStatus, LibraryIndex
from desktop.library.search.snippets import PLAIN

log = logging.getLogger(__name__)
_SERVICE_KEY = "library"


class Library:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.index = LibraryIndex(ctx.paths.index_dir, ctx.db, ctx.paths.user_dir,
                                  documents=lambda: ctx.wiring.search_documents(ctx))
        self._checked = False

    # -- importing -------------------------------------------------------------------
    def import_files(self, paths: Iterable[str | Path], *, kind: str = "auto",
                     mapping: dict[str, str] | None = None,
                     mappings: dict[str, dict[str, str]] | None = None,
                     collection: str | None = None, update_index: bool = True,
                     progress: ProgressFn = no_progress,
                     cancelled: CancelledFn = never_cancelled) -> ImportReport:
        """Import (one batch, one transaction), then index the new records."""
        report = import_paths(self.ctx, paths, kind=kind, mapping=mapping, mappings=mappings,
                              collection=collection, progress=progress, cancelled=cancelled)
        if update_index and (report.added or report.updated):
            try:
                self.index.update(progress, never_cancelled)
                report.indexed = True
            except Exception as exc:  # the import is committed; the index catches up later
                log.info("index update after import failed", exc_info=True)  # the log file
                n = report.added + report.updated
                why_zh = exc.message("zh") if isinstance(exc, UserError) else str(exc)
                why_en = exc.message("en") if isinstance(exc, UserError) else str(exc)
                report.index_error_zh = (f"已提交到数据库：{n} 条记录（批次 {report.batch_id}）；"
                                         f"检索索引未更新（{why_zh}），下次检索或运行 index update "
                                         "时会补上")
                report.index_error_en = (f"committed to the database: {n} records (batch "
                                         f"{report.batch_id}); the search index was not updated "
                                         f"({why_en}); it catches up on the next search or "
                                         "'index update'")
        return report

    # -- index -----------------------------------------------------------------------
    def ensure_index(self, progress: ProgressFn = no_progress,
                     cancelled: CancelledFn = never_cancelled) -> IndexChange:
        change = self.index.ensure(progress, cancelled)
        self._checked = True
        return change

    def _ready(self) -> None:
        if is_offline(self.ctx):  # the server is away: search the local index as it is
            if not self.index.exists():
                raise UserError("离线：本机还没有检索索引，连接数据库服务器后才能检索",
                                "offline: this desk has no search index yet; searching needs "
                                "the database server once")
            return
        if not self._checked:
            try:
                self.ensure_index()
            except UserError as exc:  # e.g. a full disk: answer from the index there is
                if not self.index.exists():
                    raise
                self._checked = True
                log.warning("检索索引未能更新，结果可能不完整 / the index could not be brought up "
                            "to date; results may be incomplete: %s", exc.message("en"))

    def status(self) -> IndexStatus:
        return self.index.status()

    def update_index(self, progress: ProgressFn = no_progress,
                     cancelled: CancelledFn = never_cancelled) -> IndexChange:
        return self.index.update(progress, cancelled)

    def sync_index(self, progress: ProgressFn = no_progress,
                   cancelled: CancelledFn = never_cancelled) -> IndexChange:
        """Apply what other desks changed since the last sync (no full rebuild).  A desk
        without an index yet is left alone (the first search builds it)."""
        if not self.index.exists():
            return IndexChange("none", 0, 0.0, "no index yet")
        change = self.index.sync(progress, cancelled)
        self._checked = True
        return change

    def delete_records(self, ids: Iterable[int]) -> int:
        """Delete records (every desk's index drops them on its next sync; this one now)."""
        with self.ctx.db.session() as s:
            n = store.delete_records(s, ids, origin=self.ctx.desk)
        if n and self.index.exists():
            try:
                self.index.sync()
            except Exception:  # committed; the index catches up on the next sync
                log.warning("index not updated after deleting records", exc_info=True)
        return n

    def rebuild_index(self, progress: ProgressFn = no_progress,
                      cancelled: CancelledFn = never_cancelled,
                      procs: int | None = None) -> IndexChange:
        return self.index.rebuild(progress, cancelled, procs=procs, reason="requested")

    def warm_index(self, cancelled: CancelledFn = never_cancelled) -> int:
        """Read the most frequent terms' postings ahead of the first searches (on a searcher of
        its own, see vector.warm); returns the postings read."""
        self._ready()
        if not self.index.exists():
            return 0
        started = time.monotonic()
        with self.index.index().searcher() as s:
            n = vector.warm(s, cancelled=cancelled)
        log.info("index warmed: %d postings in %.1fs", n, time.monotonic() - started)
        return n

    # -- searching -------------------------------------------------------------------
    def search(self, text: str, *, limit: int = 10, filters: Filters | None = None,
               sort: str = "relevance", facets: bool = False,
               marks: tuple[str, str] = PLAIN, count: bool = True) -> SearchResult:
        self._ready()
        return search(self.index.searcher(), text, limit=limit, filters=filters, sort=sort,
                      facets=facets, marks=marks, count=count)

    def open_results(self, text: str, *, filters: Filters | None = None,
                     sort: str = "relevance", count: bool = True) -> ResultSet:
        self._ready()
        return ResultSet(self.index.searcher(), text, filters=filters, sort=sort, count=count)

    def export(self, results: ResultSet, path: str | Path, *, lang: str = "zh",
               progress: ProgressFn = no_progress,
               cancelled: CancelledFn = never_cancelled) -> Path:
        return export_results(results, path, rows=self.rows, lang=lang, progress=progress,
                              cancelled=cancelled)

    def report(self, results: ResultSet, path: str | Path, *, lang: str = "zh",
               progress: ProgressFn = no_progress,
               cancelled: CancelledFn = never_cancelled) -> tuple[Path, Path]:
        return write_report(results, path, rows=self.rows, lang=lang, progress=progress,
                            cancelled=cancelled)

    def rows(self, ids: list[int]) -> dict[int, dict[str, Any]]:
        """Stored records by id (export, reports)."""
        with self.ctx.db.session() as s:
            return store.get_rows(s, ids)

    def collections(self) -> list[str]:
        with self.ctx.db.session() as s:
            return sorted(store.collections(s))

    def suggestions(self) -> list[str]:
        """Words for the search box's completer: domain dictionary terms and source names."""
        from desktop.library.search.analysis import (
            bundled_dictionary_files,
            read_dictionary,
            user_dictionary_files,
        )

        files = bundled_dictionary_files() + user_dictionary_files(self.ctx.paths.user_dir)
        words = [w for f in files for w, _ in read_dictionary(f)]
        return list(dict.fromkeys(words + self.collections()))

    def is_empty(self) -> bool:
        with self.ctx.db.session() as s:
            return store.record_count(s) == 0

    def record(self, hit_id: str, lang: str = "zh") -> RecordView | None:
        """All fields of a stored record (``r<id>``); service items come from the index."""
        if hit_id.startswith("r") and hit_id[1:].isdigit():
            with self.ctx.db.session() as s:
                row = store.get_rows(s, [int(hit_id[1:])]).get(int(hit_id[1:]))
            if row is None:
                return None
            return _view(row, lang)
        stored = self.index.searcher().document(rid=hit_id)
        if not stored:
            return None
        return RecordView(0, stored.get("kind", "service_item"), stored.get("title", ""),
                          {"编号" if lang == "zh" else "code": stored.get("section")},
                          stored.get("body"), stored.get("collection"), [])

    def close(self) -> None:
        self.index.close()


def _view(row: dict[str, Any], lang: str) -> RecordView:
    fields: dict[str, Any] = {}
    order = ["application_number", "application_date", "publication_number", "publication_date",
             "grant_number", "grant_date", "applicants", "inventors", "ipc", "patent_type",
             "legal_status", "region", "address", "agency", "priority"]
    for name in order:
        v = row.get(name)
        if v:
            zh, en = FIELDS.get(name, (name, name))
            fields[zh if lang == "zh" else en] = v.isoformat() if hasattr(v, "isoformat") else v
    if row.get("section"):
        fields["条款" if lang == "zh" else "article"] = row["section"]
    if row.get("doc_title"):
        fields["文件" if lang == "zh" else "document"] = row["doc_title"]
    extra = {str(k): v for k, v in json.loads(row.get("extra") or "{}").items()
             if v not in (None, "")}
    if row.get("source_file"):
        fields["来源文件" if lang == "zh" else "source file"] = row["source_file"]
    if row.get("claims"):
        fields[FIELDS["claims"][0 if lang == "zh" else 1]] = row["claims"]
    text = row.get("abstract") or row.get("body")
    return RecordView(row["id"], row["kind"], row["title"], fields, text, row.get("collection"),
                      json.loads(row.get("flags") or "[]"), extra)


def open_library(ctx: AppContext) -> Library:
    return ctx.service(_SERVICE_KEY, lambda: Library(ctx), Library)


def parse_mapping_args(items: Iterable[str]) -> dict[str, str]:
    """``--map 列名=title`` options as a mapping (field '' or 'ignore' drops the column)."""
    out: dict[str, str] = {}
    for item in items:
        if "=" not in item:
            raise UserError(f"--map 参数应为 列名=字段：{item}", f"--map expects HEADER=FIELD: {item}")
        head, fld = item.split("=", 1)
        fld = fld.strip()
        if fld.lower() in ("ignore", "忽略"):
            fld = ""
        if fld and fld not in FIELDS:
            raise UserError(f"未知字段“{fld}”，可用：{', '.join(FIELDS)}",
                            f"unknown field '{fld}'; known: {', '.join(FIELDS)}")
        out[head.strip()] = fld
    return out
