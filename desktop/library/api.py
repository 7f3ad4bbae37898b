"""The library capability's front door: the local IP data library — importing patent lists
and documents, keeping the search index in line, searching, reading records, exporting.
The only module the GUI and the CLI import from the library.

Every function takes the app context first; the context keeps the library's open index
(:func:`desktop.library.service.open_library`), so the first call opens it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from desktop.changes import Changes, Op
from desktop.context import AppContext
from desktop.errors import UserError
from desktop.jobs import CancelledFn, ProgressFn, never_cancelled, no_progress
from desktop.library import importing
from desktop.library.export import FACET_NAMES
from desktop.library.export import default_name as default_export_name
from desktop.library.fields import FIELDS
from desktop.library.importers.columns import ColumnPlan
from desktop.library.importers.columns import save_mapping as _save_mapping
from desktop.library.importers.tables import detect_encoding
from desktop.library.importing import ImportReport
from desktop.library.matching import Match, MatchDoc, Matcher
from desktop.library.matching import words as _words
from desktop.library.records import RecordView
from desktop.library.search.engine import Filters, Hit, ResultSet, SearchResult
from desktop.library.search.index import IndexChange, IndexStatus
from desktop.library.search.snippets import HTML, PLAIN, highlight_all
from desktop.library.service import open_library, parse_mapping_args
from desktop.library.synonyms import Synonyms, bundled_synonyms, load_synonyms

LIBRARY_CHANGED = Changes(library=True)


def _index_op(change: IndexChange) -> Op[IndexChange]:
    return Op(change, LIBRARY_CHANGED if change.action != "none" else Changes())


# -- importing -------------------------------------------------------------------------

def import_files(ctx: AppContext, paths: Iterable[str | Path], *, kind: str = "auto",
                 mapping: dict[str, str] | None = None,
                 mappings: dict[str, dict[str, str]] | None = None,
                 collection: str | None = None, update_index: bool = True,
                 progress: ProgressFn = no_progress,
                 cancelled: CancelledFn = never_cancelled) -> Op[ImportReport]:
    """Import files and folders as one batch (one transaction), then index the new records.

    ``mapping`` maps column headers to fields for every table; ``mappings`` per file path.
    """
    report = open_library(ctx).import_files(
        paths, kind=kind, mapping=mapping, mappings=mappings, collection=collection,
        update_index=update_index, progress=progress, cancelled=cancelled)
    return Op(report, LIBRARY_CHANGED if report.added or report.updated else Changes())


def preview_columns(ctx: AppContext, path: str | Path) -> ColumnPlan | None:
    """How a table's columns would be mapped (saved mappings applied), for the mapping
    dialog; None for files that are not tables."""
    return importing.preview_columns(ctx, path)


def save_mapping(ctx: AppContext, headers: list[str], mapping: dict[str, str]) -> Op[None]:
    """Remember a column mapping for tables with these headers (this data folder)."""
    _save_mapping(ctx.paths.user_dir, headers, mapping)
    return Op(None, Changes(settings=True))


# -- the index -------------------------------------------------------------------------

def ensure_index(ctx: AppContext, progress: ProgressFn = no_progress,
                 cancelled: CancelledFn = never_cancelled) -> Op[IndexChange]:
    """Check the index against the database; update, build or repair it as needed."""
    return _index_op(open_library(ctx).ensure_index(progress, cancelled))


def update_index(ctx: AppContext, progress: ProgressFn = no_progress,
                 cancelled: CancelledFn = never_cancelled) -> Op[IndexChange]:
    return _index_op(open_library(ctx).update_index(progress, cancelled))


def sync_index(ctx: AppContext, progress: ProgressFn = no_progress,
               cancelled: CancelledFn = never_cancelled) -> Op[IndexChange]:
    """Follow the shared database: re-index the records other desks (and this one) changed
    or deleted since the last sync, from the change log, without a full rebuild.  The GUI
    runs it in the background every few seconds; ``index sync`` and ``search`` on the
    command line."""
    return _index_op(open_library(ctx).sync_index(progress, cancelled))


def delete_records(ctx: AppContext, record_ids: Iterable[int]) -> Op[int]:
    """Delete library records by id; returns how many there were.  Noted in the change log,
    so every desk's index drops them."""
    n = open_library(ctx).delete_records(record_ids)
    return Op(n, LIBRARY_CHANGED if n else Changes())


def rebuild_index(ctx: AppContext, progress: ProgressFn = no_progress,
                  cancelled: CancelledFn = never_cancelled,
                  procs: int | None = None) -> Op[IndexChange]:
    return _index_op(open_library(ctx).rebuild_index(progress, cancelled, procs=procs))


def warm_index(ctx: AppContext, cancelled: CancelledFn = never_cancelled) -> int:
    """Read the most frequent words' postings into memory so the first searches do not wait
    for them (the GUI does it in the background once the index is ready); returns how many
    postings were read."""
    return open_library(ctx).warm_index(cancelled)


def index_status(ctx: AppContext) -> IndexStatus:
    return open_library(ctx).status()


# -- searching -------------------------------------------------------------------------

def search(ctx: AppContext, text: str, *, limit: int = 10, filters: Filters | None = None,
           sort: str = "relevance", facets: bool = False,
           marks: tuple[str, str] = PLAIN, count: bool = True) -> SearchResult:
    """The top ``limit`` hits (with snippets), the total and optionally the facets;
    ``count=False``: the first page only (``total`` -1 when there are more hits)."""
    return open_library(ctx).search(text, limit=limit, filters=filters, sort=sort,
                                    facets=facets, marks=marks, count=count)


def open_results(ctx: AppContext, text: str, *, filters: Filters | None = None,
                 sort: str = "relevance", count: bool = True) -> ResultSet:
    """A lazily fetched result set (pages of hits, facets, export); ``count=False`` leaves
    the total to ``results.count()`` (the page shows the first hits before it)."""
    return open_library(ctx).open_results(text, filters=filters, sort=sort, count=count)


def export_results(ctx: AppContext, results: ResultSet, path: str | Path, *,
                   lang: str = "zh", progress: ProgressFn = no_progress,
                   cancelled: CancelledFn = never_cancelled) -> Path:
    """Every hit of ``results`` to an XLSX (with a facet summary sheet)."""
    return open_library(ctx).export(results, path, lang=lang, progress=progress,
                                    cancelled=cancelled)


def write_report(ctx: AppContext, results: ResultSet, path: str | Path, *, lang: str = "zh",
                 progress: ProgressFn = no_progress,
                 cancelled: CancelledFn = never_cancelled) -> tuple[Path, Path]:
    """The 专利导航 handout of ``results``: a DOCX at ``path`` (summary, charts, top records)
    and an XLSX beside it with the same tables as native charts."""
    return open_library(ctx).report(results, path, lang=lang, progress=progress,
                                    cancelled=cancelled)


def get_record(ctx: AppContext, hit_id: str, lang: str = "zh") -> RecordView | None:
    """All fields of a hit's record, for the detail pane."""
    return open_library(ctx).record(hit_id, lang)


def collections(ctx: AppContext) -> list[str]:
    return open_library(ctx).collections()


def suggestions(ctx: AppContext) -> list[str]:
    """Words for the search box's completer (domain dictionary terms, source names)."""
    return open_library(ctx).suggestions()


def is_empty(ctx: AppContext) -> bool:
    return open_library(ctx).is_empty()


def read_query_file(name: str) -> list[str]:
    """One query (or number) per line of a text file in any common encoding ('-': stdin);
    blank lines and ``#`` comments skipped."""
    if name == "-":
        lines = sys.stdin.read().splitlines()
    else:
        path = Path(name)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise UserError(f"无法读取批量检索文件（{exc.strerror}）",
                            f"cannot read the batch file ({exc.strerror})", file=name) from exc
        lines = data.decode(detect_encoding(data[:65536]), errors="replace").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.strip().startswith("#")]


# -- matching everyday phrasing (suggestions, knowledge base) ---------------------------

def make_matcher(docs: Iterable[MatchDoc], synonyms: Synonyms | None = None, *,
                 term_cache: dict[str, list[str]] | None = None) -> Matcher:
    """An in-memory ranked matcher over ``docs`` (Chinese analyzer, bigram fall-back,
    synonym expansion through ``resources/synonyms.yaml`` unless ``synonyms`` is given);
    ``matcher.search(text, limit)`` -> [Match(key, score, why)], ``matcher.match(text,
    limit)`` -> [(key, score)].  ``term_cache``: a dict the caller keeps across rebuilds
    (text -> terms), so a rebuild analyses only the texts it has not seen."""
    return Matcher(docs, synonyms or bundled_synonyms(), term_cache=term_cache)


def words(text: str) -> list[str]:
    """The words of ``text`` as the library's Chinese analyzer segments them."""
    return _words(text)


__all__ = [
    "FACET_NAMES", "FIELDS", "HTML", "LIBRARY_CHANGED", "PLAIN", "ColumnPlan", "Filters", "Hit",
    "ImportReport", "IndexChange", "IndexStatus", "Match", "MatchDoc", "Matcher",
    "RecordView", "Synonyms", "ResultSet", "SearchResult",
    "collections", "default_export_name", "delete_records", "ensure_index", "export_results",
    "get_record", "highlight_all",
    "import_files", "index_status", "is_empty", "load_synonyms", "make_matcher", "open_results", "parse_mapping_args",
    "preview_columns", "read_query_file", "rebuild_index", "save_mapping", "search",
    "suggestions", "sync_index", "update_index", "words", "write_report",
]
