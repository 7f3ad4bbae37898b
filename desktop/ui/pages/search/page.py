"""检索: the local IP library — search box, facets, lazily-fetched results, detail pane,
import (button or drag and drop, with progress, cancel and report) and XLSX export.

Searching, the detail and the lists of sources run in the background; after an import (or a
catalogue change, whose items are searchable too) the change notice re-runs the search.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QStringListModel, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QTreeWidgetItem

from desktop.changes import Changes
from desktop.library import api as library
from desktop.library.api import Filters, Hit, IndexChange, RecordView, ResultSet
from desktop.settings.api import prefs
from desktop.ui.env import UiEnv
from desktop.ui.jobs import show_error
from desktop.ui.pages.search.detail import record_html
from desktop.ui.pages.search.dialogs import QueryHelpDialog
from desktop.ui.pages.search.import_actions import ImportFlow
from desktop.ui.pages.search.layout import SearchLayout
from desktop.ui.pages.search.model import ResultModel

log = logging.getLogger(__name__)
FACET_ROLE = Qt.ItemDataRole.UserRole
FACET_ORDER = ("kind", "applicant", "ipc", "year", "legal", "ptype", "region", "collection")
Found = tuple[ResultSet, list[Hit]]
Facets = dict[str, list[tuple[str, int]]]


class SearchPage(SearchLayout):
    def __init__(self, env: UiEnv) -> None:
        super().__init__()
        self.env = env
        self.facet_filter: dict[str, str] = {}
        self.dialog: Any = None
        self.ready = False
        self.searches = 0  # completed searches, totals and facets shown (tests wait on it)
        self.pages = 0  # first pages shown
        self.warmed = -1  # postings read ahead by the warm-up job (-1: not done yet)
        self._asked = 0  # searches asked for (a late answer to an older one is dropped)
        self._once_note = ""
        self.imports = ImportFlow(self)
        self.setAcceptDrops(True)
        self.completer_model = QStringListModel(self)
        self._build_layout()
        self._connect()
        self._load_history()
        self.set_busy(self.tr("正在检查检索索引…"))
        ctx = env.ctx
        env.jobs.start(lambda p, c: library.ensure_index(ctx, p, c), parent=self,
                       show_dialog=False, title=self.tr("检查检索索引"),
                       on_done=self._index_ready, on_error=self._index_failed,
                       on_progress=self._index_progress)

    def _connect(self) -> None:
        self.query_box.lineEdit().returnPressed.connect(self.run_search)
        self.search_button.clicked.connect(self.run_search)
        self.sort_box.currentIndexChanged.connect(self.run_search)
        self.type_box.currentIndexChanged.connect(self.run_search)
        self.collection_box.currentIndexChanged.connect(self.run_search)
        self.help_button.clicked.connect(self.show_help)
        self.import_button.clicked.connect(self.choose_import)
        self.export_button.clicked.connect(self.choose_export)
        self.report_button.clicked.connect(self.choose_report)
        self.clear_button.clicked.connect(self.clear_filters)
        self.cancel_button.clicked.connect(self.cancel_import)
        self.facets.itemClicked.connect(self._facet_clicked)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)

    @property
    def import_job(self) -> Any:
        return self.imports.job

    # -- state -----------------------------------------------------------------------
    def say(self, text: str) -> None:
        """A notice above the results (hidden when empty)."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def set_busy(self, text: str) -> None:
        self.status.setText(text)

    def show_progress(self, done: int, total: int, text: str) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        self.progress.setFormat(f"%p% {text}")

    def _index_progress(self, done: int, total: int, text: str) -> None:
        self.progress.setVisible(True)
        self.show_progress(done, total, text)

    def _index_ready(self, op: Any) -> None:
        change: IndexChange = op.value
        self.ready = True
        self.progress.setVisible(False)
        if change.repaired:
            self._once_note = self.tr("检索索引与数据库不一致，已自动修复重建。")
        elif change.action == "rebuild":
            self._once_note = self.tr("已为库中数据建立检索索引。")
        self.refresh_lists()
        self.run_search()
        ctx = self.env.ctx
        self.env.jobs.start(lambda _p, c: library.warm_index(ctx, c), parent=self,
                            show_dialog=False, title=self.tr("预读检索索引"),
                            on_done=lambda n: setattr(self, "warmed", n),
                            on_error=lambda e: log.warning("index warm-up failed (the first "
                                                           "searches are slower): %s", e))

    def _index_failed(self, exc: BaseException) -> None:
        self.ready = True
        self.progress.setVisible(False)
        show_error(self, exc, self.env.lang)
        self.status.setText(self.tr("检索索引不可用"))

    def refresh_lists(self) -> None:
        """The source names for the filter and the words for the completer."""
        ctx = self.env.ctx
        self.env.read(lambda: (library.collections(ctx), library.suggestions(ctx)),
                      parent=self, key="lists", on_done=self._show_lists)

    def _show_lists(self, lists: tuple[list[str], list[str]]) -> None:
        names, words = lists
        current = self.collection_box.currentData()
        self.collection_box.blockSignals(True)
        self.collection_box.clear()
        self.collection_box.addItem(self.tr("全部"), "")
        for name in names:
            self.collection_box.addItem(name, name)
        self.collection_box.setCurrentIndex(max(0, self.collection_box.findData(current)))
        self.collection_box.blockSignals(False)
        self.completer_model.setStringList(self._history() + words)

    def apply_changes(self, changes: Changes, source: object = None) -> None:
        """New records (an import) or service items (the catalogue) change the results."""
        if not self.ready:
            return
        if changes.catalogue:  # service items are indexed: bring the index in line first
            ctx = self.env.ctx
            self.env.jobs.start(lambda p, c: library.ensure_index(ctx, p, c), parent=self,
                                show_dialog=False, on_done=lambda _op: self.run_search())
        elif changes.library:
            self.refresh_lists()
            self.run_search()

    # -- history (this desk's preferences) -------------------------------------------
    def _history(self) -> list[str]:
        return self.env.prefs.get(prefs.SEARCH_HISTORY)

    def _load_history(self) -> None:
        self.query_box.blockSignals(True)
        self.query_box.clear()
        self.query_box.addItems(self._history())
        self.query_box.setCurrentIndex(-1)
        self.query_box.setEditText("")
        self.query_box.blockSignals(False)

    def _remember(self, text: str) -> None:
        if not text:
            return
        hist = [text] + [h for h in self._history() if h != text]
        self.env.prefs.set(prefs.SEARCH_HISTORY, hist[:prefs.SEARCH_HISTORY_MAX])
        self.query_box.blockSignals(True)
        idx = self.query_box.findText(text)
        if idx >= 0:
            self.query_box.removeItem(idx)
        self.query_box.insertItem(0, text)
        self.query_box.setCurrentIndex(0)
        self.query_box.blockSignals(False)

    # -- searching -------------------------------------------------------------------
    def filters(self) -> Filters:
        kind = self.type_box.currentData()
        f = Filters(
            kinds=(kind,) if kind else (),
            year_from=self.year_from.value() or None,
            year_to=self.year_to.value() or None,
            legal=self.legal_box.currentText().strip() or None,
            region=self.region_edit.text().strip() or None,
            collection=self.collection_box.currentData() or None,
        )
        ff = self.facet_filter
        if ff.get("kind"):
            f.kinds = (ff["kind"],)
        if ff.get("year"):
            f.year_from = f.year_to = int(ff["year"])
        for name in ("applicant", "ipc", "legal", "ptype", "region", "collection"):
            if ff.get(name):
                setattr(f, name, ff[name])
        return f

    def query_text(self) -> str:
        return self.query_box.currentText().strip()

    def run_search(self) -> None:
        """Search in the background; the newest search is the one shown."""
        if not self.ready:
            return
        ctx, text, filters = self.env.ctx, self.query_text(), self.filters()
        sort = str(self.sort_box.currentData())

        def search() -> Found:  # the first page only: total and facets follow
            results = library.open_results(ctx, text, filters=filters, sort=sort, count=False)
            return results, results.hits(0, ResultModel.PAGE)

        self._asked += 1
        asked = self._asked
        self.env.read(search, parent=self, key="search",
                      on_done=lambda found: self._show_results(found, asked),
                      on_error=self._search_failed)
        self._remember(text)
        self.env.activity.search_run(text)  # a visit in progress links it

    def open_target(self, query: str = "") -> None:
        """Run ``query`` (links from other pages, e.g. the start page's find-all)."""
        self.query_box.setEditText(query)
        if self.ready:
            self.run_search()

    def _search_failed(self, exc: BaseException) -> None:
        show_error(self, exc, self.env.lang)
        self.searches += 1

    def _show_results(self, found: Found, asked: int = 0) -> None:
        """The first page now; the total and facets are counted in the background after."""
        results, first = found
        self.model.set_results(results, first)
        self.facets.clear()
        notes = [self._once_note] if self._once_note else []
        self._once_note = ""
        if results.notice(self.env.lang):
            notes.append(results.notice(self.env.lang))
        if self.facet_filter:
            notes.append(self.tr("已按分面筛选：") + "；".join(
                f"{v}" for v in self.facet_filter.values()) + self.tr("（点“清除筛选”取消）"))
        self.say("\n".join(notes))
        self.status.setText(self.tr("共 %1 条结果").replace("%1", f"{results.total:,}")
                            if results.counted else self.tr("正在统计命中数…"))
        self.detail.clear()
        if self.model.rowCount():
            self.table.selectRow(0)
        self.pages += 1
        self.env.read(lambda: (results.count(), results.facets()), parent=self, key="totals",
                      on_done=lambda t: self._show_totals(results, t, asked),
                      on_error=lambda exc: self._totals_failed(results, exc, asked))

    def _totals_failed(self, results: ResultSet, exc: BaseException, asked: int) -> None:
        """A count for a search already replaced (its searcher closed meanwhile) is dropped;
        a real failure of the current one is shown."""
        if asked != self._asked or self.model.results is not results or not self.isVisible():
            log.info("totals of an earlier search dropped: %s", exc)
            return
        self._search_failed(exc)

    def _show_totals(self, results: ResultSet, totals: tuple[int, Facets], asked: int) -> None:
        if asked != self._asked or self.model.results is not results:
            return  # a newer search was asked for: its own totals follow
        self._show_facets(totals[1])
        self.status.setText(self.tr("共 %1 条结果").replace("%1", f"{totals[0]:,}"))
        self.searches += 1

    def clear_filters(self) -> None:
        self.facet_filter = {}
        for w in (self.type_box, self.collection_box):
            w.blockSignals(True)
            w.setCurrentIndex(0)
            w.blockSignals(False)
        self.year_from.setValue(0)
        self.year_to.setValue(0)
        self.legal_box.setCurrentText("")
        self.region_edit.clear()
        self.run_search()

    # -- facets ----------------------------------------------------------------------
    def facet_titles(self) -> dict[str, str]:
        return {"kind": self.tr("记录类型"), "applicant": self.tr("申请人"),
                "ipc": self.tr("IPC小类"), "year": self.tr("年份"),
                "legal": self.tr("法律状态"), "ptype": self.tr("专利类型"),
                "region": self.tr("地区"), "collection": self.tr("来源")}

    def _show_facets(self, facets: Facets) -> None:
        self.facets.clear()
        titles = self.facet_titles()
        for name in FACET_ORDER:
            counts = facets.get(name) or []
            if not counts:
                continue
            group = QTreeWidgetItem([titles[name], ""])
            self.facets.addTopLevelItem(group)
            for value, n in counts:
                shown = self.model.type_names.get(value, value) if name == "kind" else value
                child = QTreeWidgetItem([shown, str(n)])
                child.setData(0, FACET_ROLE, (name, value))
                group.addChild(child)
            group.setExpanded(name in ("kind", "applicant", "ipc", "year"))

    def _facet_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        data = item.data(0, FACET_ROLE)
        if not data:
            return
        name, value = data
        self.facet_filter[name] = value
        self.run_search()

    # -- detail ----------------------------------------------------------------------
    def _show_detail(self, current: QModelIndex | None, _previous: Any = None) -> None:
        hit = self.model.hit(current.row()) if current is not None else None
        if hit is None:
            self.detail.clear()
            return
        ctx, lang = self.env.ctx, self.env.lang
        terms = self.model.results.terms if self.model.results else set()

        def shown(view: RecordView | None) -> None:
            self.detail.setHtml(record_html(view, hit.title, terms, abstract_label=self.tr("摘要"),
                                            other_label=self.tr("其他字段")))

        self.env.read(lambda: library.get_record(ctx, hit.id, lang), parent=self,
                      key="detail", on_done=shown)

    # -- import ----------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.start_import(paths)

    def choose_import(self) -> None:
        self.imports.choose()

    def start_import(self, paths: list[str]) -> None:
        self.imports.start(paths)

    def cancel_import(self) -> None:
        self.imports.cancel()

    # -- export ----------------------------------------------------------------------
    def choose_export(self) -> None:
        """Every hit to an XLSX, in the background."""
        self._write_out(self.tr("没有可导出的结果。"), self.tr("导出检索结果"), ".xlsx",
                        "Excel (*.xlsx)", library.export_results, self.tr("导出"),
                        lambda res, p: self.tr("已导出 %1 条到 %2").replace(
                            "%1", str(res.total)).replace("%2", str(p)))

    def choose_report(self) -> None:
        """The 专利导航 handout of the current result (DOCX and XLSX), in the background."""
        self._write_out(self.tr("没有可生成报告的结果。"), self.tr("生成专利导航报告"), ".docx",
                        "Word (*.docx)", library.write_report, self.tr("专利导航报告"),
                        lambda _res, paths: self.tr("已生成报告 %1").replace("%1", str(paths[0])))

    def _write_out(self, empty: str, title: str, suffix: str, pattern: str, write: Any,
                   job_title: str, done: Any) -> None:
        results = self.model.results
        if results is None or not results.total:
            self.say(empty)
            return
        path = self.output_path(title, suffix, pattern)
        if not path:
            return
        ctx, lang = self.env.ctx, self.env.lang

        def job(progress: Any, cancelled: Any) -> Any:
            return write(ctx, results, path, lang=lang, progress=progress, cancelled=cancelled)

        self.env.jobs.start(job, parent=self, title=job_title,
                            on_done=lambda out: self.status.setText(done(results, out)))

    def output_path(self, title: str, suffix: str, pattern: str) -> str:
        """A file to write the result to: the last export folder (or the data folder's
        exports), a name from the query and the day."""
        folder = self.env.prefs.get(prefs.EXPORT_FOLDER)
        if not folder or not Path(folder).is_dir():
            folder = str(self.env.ctx.paths.exports_dir)
            Path(folder).mkdir(parents=True, exist_ok=True)
        name = library.default_export_name(self.query_text(), self.env.lang, suffix)
        path, _ = QFileDialog.getSaveFileName(self, title, str(Path(folder) / name), pattern)
        if path and not path.lower().endswith(suffix):
            path += suffix
        if path:
            self.env.prefs.set(prefs.EXPORT_FOLDER, str(Path(path).parent))
        return path

    def show_help(self) -> None:
        dlg = QueryHelpDialog(self)
        self.dialog = dlg
        dlg.open()

