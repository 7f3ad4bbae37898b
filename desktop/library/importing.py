"""Importing files into the library: one batch, one transaction, one report.

``import_paths`` reads every file (folders are walked), normalises rows, upserts them with
:class:`desktop.library.store.BatchWriter` and commits once at the end; a failure or a cancel
leaves the database as it was.  Rows that cannot be used are reported with file, row and reason.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from desktop.common.files import disk_full, no_space
from desktop.common.limits import one_line
from desktop.context import AppContext
from desktop.errors import RowProblem, UserError, location
from desktop.jobs import CancelledFn, ProgressFn, check_cancelled, never_cancelled, no_progress
from desktop.library.importers.cnki import looks_like_cnki, open_cnki
from desktop.library.importers.columns import ColumnPlan
from desktop.library.importers.documents import DOC_SUFFIXES, read_document
from desktop.library.importers.tables import READERS, Table, open_table
from desktop.library.normalise import IMPLAUSIBLE_DATE, normalise_patent
from desktop.library.records import RawRow
from desktop.library.store import BatchWriter

log = logging.getLogger(__name__)
KIND_CHOICES = ("auto", "patents", "documents")
TABLE_SUFFIXES = tuple(READERS)
MAX_PROBLEMS_SHOWN = 200


@dataclass
class Problem:
    file: str
    row: int | None
    field: str | None
    zh: str
    en: str

    def text(self, lang: str = "zh") -> str:
        where = location(Path(self.file).name, self.row, self.field, lang)
        return f"{where}: {self.zh if lang == 'zh' else self.en}"


@dataclass
class FileOutcome:
    file: str
    kind: str
    rows: int = 0
    encoding: str | None = None
    error_zh: str | None = None
    error_en: str | None = None


@dataclass
class ImportReport:
    batch_id: int | None
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    problems: list[Problem] = field(default_factory=list)
    files: list[FileOutcome] = field(default_factory=list)
    seconds: float = 0.0
    indexed: bool = False
    flagged_dates: int = 0  # rows kept with a date flagged as implausible
    warnings: list[Problem] = field(default_factory=list)
    index_error_zh: str | None = None  # committed, but the index could not be updated
    index_error_en: str | None = None

    @property
    def failed_files(self) -> list[FileOutcome]:
        return [f for f in self.files if f.error_zh]

    @property
    def ok(self) -> bool:
        return not self.rejected and not self.failed_files and not self.index_error_zh

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["ok"] = self.ok
        return d

    def summary(self, lang: str = "zh") -> str:
        if lang == "zh":
            return (f"新增 {self.added} 条，更新 {self.updated} 条，未变 {self.unchanged} 条，"
                    f"拒绝 {self.rejected} 行" + (f"，{len(self.failed_files)} 个文件无法导入"
                                               if self.failed_files else "")
                    + (f"，{self.flagged_dates} 行日期不合常理（已导入并标记）"
                       if self.flagged_dates else ""))
        return (f"added {self.added}, updated {self.updated}, unchanged {self.unchanged}, "
                f"rejected {self.rejected} rows" + (f", {len(self.failed_files)} files failed"
                                                    if self.failed_files else "")
                + (f", {self.flagged_dates} rows with an implausible date (kept, flagged)"
                   if self.flagged_dates else ""))

    def lines(self, lang: str = "zh", limit: int = MAX_PROBLEMS_SHOWN) -> list[str]:
        out = [self.summary(lang)]
        for f in self.failed_files:
            text = (f.error_zh if lang == "zh" else f.error_en) or ""
            out.append(text if text.startswith(one_line(f.file)) else f"{one_line(f.file)}: {text}")
        for p in self.problems[:limit]:
            out.append(p.text(lang))
        for p in self.warnings[:limit]:
            out.append(p.text(lang))
        if self.index_error_zh:
            out.append(self.index_error_zh if lang == "zh" else self.index_error_en or "")
        if len(self.problems) > limit:
            more = len(self.problems) - limit
            out.append(f"……另有 {more} 行问题" if lang == "zh" else f"… {more} more problems")
        return out


def expand_paths(paths: Iterable[str | Path]) -> list[tuple[Path, Path | None]]:
    """Files to import, each with the folder it was found in (None for files given directly)."""
    out: list[tuple[Path, Path | None]] = []
    for p in paths:
        path = Path(p).expanduser()
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file() and f.suffix.lower() in TABLE_SUFFIXES + DOC_SUFFIXES \
                        and not f.name.startswith((".", "~$")):
                    out.append((f, path))
        elif path.exists():
            out.append((path, None))
        else:
            raise UserError("文件或文件夹不存在", "file or folder not found", file=str(path))
    if not out:
        raise UserError("没有可导入的文件（支持XLSX、CSV、JSONL、CNKI导出TXT、TXT/MD/DOCX文档）",
                        "nothing to import (XLSX, CSV, JSONL, CNKI TXT exports, TXT/MD/DOCX "
                        "documents)")
    return out


def detect_kind(path: Path, kind: str = "auto") -> str:
    """``patents`` (tables), ``cnki`` (CNKI text) or ``documents``."""
    suffix = path.suffix.lower()
    if suffix in TABLE_SUFFIXES:
        if kind == "documents":
            raise UserError("表格文件只能作为专利清单导入", "a table can only be imported as a patent list",
                            file=str(path))
        return "patents"
    if suffix in (".txt",) and (kind == "patents" or looks_like_cnki(path)):
        return "cnki"
    if suffix in DOC_SUFFIXES:
        if kind == "patents":
            raise UserError("该文件不是专利清单（支持XLSX、CSV、JSONL、CNKI导出）",
                            "not a patent list (XLSX, CSV, JSONL or CNKI export)", file=str(path))
        return "documents"
    raise UserError("不支持的文件类型", "unsupported file type", file=str(path))


def _collection_for(path: Path, folder: Path | None, collection: str | None) -> str:
    if collection:
        return collection
    return folder.name if folder is not None else path.stem


def open_patent_table(path: Path, ctx: AppContext | None = None,
                      mapping: dict[str, str] | None = None, *, require: bool = True) -> Table:
    """The table reader for a patent list (``cnki`` text or XLSX/CSV/JSONL)."""
    if path.suffix.lower() == ".txt":
        return open_cnki(path)
    user_dir = ctx.paths.user_dir if ctx is not None else None
    return open_table(path, mapping, user_dir, require=require)


def preview_columns(ctx: AppContext | None, path: str | Path) -> ColumnPlan | None:
    """How a table's columns would be mapped (saved mappings applied), for the mapping dialog;
    None for files that are not tables (documents, CNKI text)."""
    p = Path(path)
    if p.suffix.lower() not in TABLE_SUFFIXES:
        return None
    table = open_patent_table(p, ctx, None, require=False)
    table.close()
    return table.plan


def import_paths(
    ctx: AppContext,
    paths: Iterable[str | Path],
    *,
    kind: str = "auto",
    mapping: dict[str, str] | None = None,
    mappings: dict[str, dict[str, str]] | None = None,
    collection: str | None = None,
    progress: ProgressFn = no_progress,
    cancelled: CancelledFn = never_cancelled,
) -> ImportReport:
    """Import files (or folders) as one batch.  ``mappings`` maps a file path to its column
    mapping (from the GUI's mapping dialog); ``mapping`` applies to every table.

    A single file that cannot be read at all raises :class:`UserError`; with several files the
    unreadable ones are reported and the rest imported.
    """
    if kind not in KIND_CHOICES:
        raise UserError(f"未知的导入类型“{kind}”", f"unknown import kind '{kind}'")
    started = time.monotonic()
    files = expand_paths(paths)
    try:
        report = _import_batch(ctx, files, kind, mapping, mappings, collection, progress,
                               cancelled)
    except Exception as exc:
        if not no_space(exc):
            raise
        size = sum(f.stat().st_size for f, _ in files if f.exists()) / 1_000_000
        raise disk_full(ctx.paths.database, f"本次导入的 {len(files)} 个文件一条也未写入（整批回滚），"
                        "数据库保持导入前的状态",
                        f"nothing of the {len(files)} files was imported (the batch was rolled "
                        "back); the database is as it was before the import",
                        need_mb=max(1.0, 3 * size)) from exc
    report.seconds = round(time.monotonic() - started, 3)
    log.info("import batch %s: %s", report.batch_id, report.summary("en"))
    return report


def _import_batch(ctx: AppContext, files: list[tuple[Path, Path | None]], kind: str,
                  mapping: dict[str, str] | None, mappings: dict[str, dict[str, str]] | None,
                  collection: str | None, progress: ProgressFn,
                  cancelled: CancelledFn) -> ImportReport:
    report = ImportReport(batch_id=None)
    with ctx.db.session() as session:
        writer = BatchWriter(session, kind=kind, collection=collection,
                             sources=[str(f) for f, _ in files], actor=ctx.actor)
        for i, (path, folder) in enumerate(files):
            check_cancelled(cancelled)
            coll = _collection_for(path, folder, collection)
            try:
                fkind = detect_kind(path, kind)
                outcome = FileOutcome(str(path), fkind)
                report.files.append(outcome)
                if fkind == "documents":
                    _import_document(writer, path, coll, outcome)
                else:
                    file_map = (mappings or {}).get(str(path), mapping)
                    table = open_patent_table(path, ctx, file_map)
                    outcome.encoding = table.encoding
                    _import_table(writer, table, coll, outcome, progress, cancelled,
                                  f"({i + 1}/{len(files)}) {path.name}", report)
            except UserError as exc:
                if len(files) == 1:
                    raise
                log.warning("import of %s failed: %s", path, exc.message("en"))
                if not report.files or report.files[-1].file != str(path):
                    report.files.append(FileOutcome(str(path), kind))
                report.files[-1].error_zh = exc.message("zh")
                report.files[-1].error_en = exc.message("en")
            progress(i + 1, len(files), path.name)
        batch = writer.finish()
        c = writer.counts
        report.batch_id = batch.id
        report.added, report.updated, report.unchanged = c.added, c.updated, c.unchanged
        report.rejected = c.rejected
        report.problems = [Problem(f, p.row, p.field, p.reason_zh, p.reason_en)
                           for f, p in c.problems]
    return report


def _import_document(writer: BatchWriter, path: Path, coll: str, outcome: FileOutcome) -> None:
    for rec in read_document(path):
        writer.add(rec, coll)
        outcome.rows += 1


def _rows_with_progress(table: Table, progress: ProgressFn, cancelled: CancelledFn,
                        label: str) -> Iterator[RawRow | RowProblem]:
    total = table.total_hint
    for n, item in enumerate(table.rows, start=1):
        if n % 500 == 0:
            check_cancelled(cancelled)
            progress(n, max(total, n), label)
        yield item


def _import_table(writer: BatchWriter, table: Table, coll: str, outcome: FileOutcome,
                  progress: ProgressFn, cancelled: CancelledFn, label: str,
                  report: ImportReport) -> None:
    source = str(table.path)
    for item in _rows_with_progress(table, progress, cancelled, label):
        outcome.rows += 1
        if isinstance(item, RowProblem):
            writer.reject(source, item)
            continue
        rec = normalise_patent(item, source_file=source)
        if isinstance(rec, RowProblem):
            writer.reject(source, rec)
            continue
        odd = [f for f in rec.flags if f.startswith(IMPLAUSIBLE_DATE)]
        if odd:
            report.flagged_dates += 1
            if len(report.warnings) < MAX_PROBLEMS_SHOWN:
                report.warnings.append(Problem(source, item.row, None, "；".join(odd),
                                               "implausible date, kept and flagged: "
                                               + "; ".join(o.split("：")[-1] for o in odd)))
        writer.add(rec, coll)
