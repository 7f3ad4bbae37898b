"""检索: the local IP library — search box, facets, lazily-fetched results, detail pane,
import (button or drag and drop, with progress, cancel and report) and XLSX export."""

from __future__ import annotations

import html
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import UserError
from desktop.library.api import Library, open_library
from desktop.library.importing import preview_columns
from desktop.library.importers.columns import save_mapping
from desktop.library.search.engine import Filters
from desktop.library.search.snippets import highlight_all
from desktop.ui.env import UiEnv
from desktop.ui.jobs import JobHandle, show_error
from desktop.ui.pages.search_dialogs import ColumnMappingDialog, ImportReportDialog, QueryHelpDialog
from desktop.ui.pages.search_model import ResultModel

log = logging.getLogger(__name__)
MARKS = ("<span style='background:#ffe08a;font-weight:bold'>", "</span>")
HISTORY_KEY = "search/history"
HISTORY_MAX = 30
FACET_ROLE = Qt.ItemDataRole.UserRole
IMPORT_FILTER = "*.xlsx *.csv *.tsv *.jsonl *.ndjson *.txt *.md *.docx"


class SearchPage(QWidget):
    def __init__(self, env: UiEnv) -> None:
        super().__init__()
        self.env = env
        self.lib: Library = open_library(env.ctx)
        self.facet_filter: dict[str, str] = {}
        self.import_job: JobHandle | None = None
        self.dialog: Any = None
        self._pending: list[str] = []
        self._mappings: dict[str, dict[str, str]] = {}
        self._mapping_queue: list[tuple[str, Any]] = []
        self.ready = False
        self._once_note = ""
        self.setAcceptDrops(True)
        self._build()
        self._load_history()
        self.set_busy(self.tr("正在检查检索索引…"))
        env.jobs.start(self.lib.ensure_index, parent=self, show_dialog=False,
                       title=self.tr("检查检索索引"), on_done=self._index_ready,
                       on_error=self._index_failed, on_progress=self._index_progress)

    # -- layout ----------------------------------------------------------------------
    def _build(self) -> None:
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.query_box = QComboBox()
        self.query_box.setEditable(True)
        self.query_box.setObjectName("searchQuery")
        self.query_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.query_box.lineEdit().setPlaceholderText(
            self.tr("输入检索词、号码或检索式，如：煤炭清洁利用 申请日:2020..2023"))
        self.query_box.lineEdit().returnPressed.connect(self.run_search)
        self.completer_model = QStringListModel(self)
        completer = QCompleter(self.completer_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.query_box.setCompleter(completer)
        top.addWidget(self.query_box, 1)
        self.search_button = QPushButton(self.tr("检索"))
        self.search_button.setObjectName("searchButton")
        self.search_button.clicked.connect(self.run_search)
        top.addWidget(self.search_button)
        self.sort_box = QComboBox()
        self.sort_box.addItem(self.tr("按相关度"), "relevance")
        self.sort_box.addItem(self.tr("按日期（新→旧）"), "date")
        self.sort_box.addItem(self.tr("按日期（旧→新）"), "date_asc")
        self.sort_box.currentIndexChanged.connect(self.run_search)
        top.addWidget(self.sort_box)
        self.help_button = QPushButton(self.tr("语法"))
        self.help_button.clicked.connect(self.show_help)
        top.addWidget(self.help_button)
        self.import_button = QPushButton(self.tr("导入…"))
        self.import_button.setObjectName("importButton")
        self.import_button.clicked.connect(self.choose_import)
        top.addWidget(self.import_button)
        self.export_button = QPushButton(self.tr("导出XLSX…"))
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(self.choose_export)
        top.addWidget(self.export_button)
        lay.addLayout(top)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("类型")))
        self.type_box = QComboBox()
        self.type_box.addItem(self.tr("全部"), "")
        self.type_box.addItem(self.tr("专利"), "patent")
        self.type_box.addItem(self.tr("文档"), "document")
        self.type_box.addItem(self.tr("服务事项"), "service_item")
        filters.addWidget(self.type_box)
        filters.addWidget(QLabel(self.tr("年份")))
        self.year_from = QSpinBox()
        self.year_to = QSpinBox()
        for box in (self.year_from, self.year_to):
            box.setRange(0, 2100)
            box.setSpecialValueText(self.tr("不限"))
            box.setValue(0)
            filters.addWidget(box)
        filters.addWidget(QLabel(self.tr("法律状态")))
        self.legal_box = QComboBox()
        self.legal_box.setEditable(True)
        self.legal_box.addItems(["", "有效", "失效", "审中"])
        filters.addWidget(self.legal_box)
        filters.addWidget(QLabel(self.tr("地区")))
        self.region_edit = QLineEdit()
        self.region_edit.setMaximumWidth(100)
        filters.addWidget(self.region_edit)
        filters.addWidget(QLabel(self.tr("来源")))
        self.collection_box = QComboBox()
        self.collection_box.addItem(self.tr("全部"), "")
        filters.addWidget(self.collection_box)
        self.clear_button = QPushButton(self.tr("清除筛选"))
        self.clear_button.clicked.connect(self.clear_filters)
        filters.addWidget(self.clear_button)
        filters.addStretch(1)
        for w in (self.type_box, self.collection_box):
            w.currentIndexChanged.connect(self.run_search)
        lay.addLayout(filters)

        self.notice = QLabel("")
        self.notice.setObjectName("searchNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #8a5300")
        self.notice.setVisible(False)
        lay.addWidget(self.notice)

        progress_row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("取消导入"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_import)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        lay.addLayout(progress_row)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.facets = QTreeWidget()
        self.facets.setHeaderLabels([self.tr("分面（点击筛选）"), self.tr("数量")])
        self.facets.itemClicked.connect(self._facet_clicked)
        self.facets.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.facets.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.facets.header().setStretchLastSection(False)
        split.addWidget(self.facets)
        self.model = ResultModel(self)
        self.table = QTableView()
        self.table.setObjectName("searchResults")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(1, 320)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        split.addWidget(self.table)
        self.detail = QTextBrowser()
        self.detail.setObjectName("searchDetail")
        self.detail.setOpenExternalLinks(False)
        split.addWidget(self.detail)
        split.setSizes([220, 640, 380])
        lay.addWidget(split, 1)
        self.status = QLabel("")
        lay.addWidget(self.status)

    # -- state -----------------------------------------------------------------------
    def say(self, text: str) -> None:
        """A notice above the results (hidden when empty)."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def set_busy(self, text: str) -> None:
        self.status.setText(text)

    def _index_progress(self, done: int, total: int, text: str) -> None:
        self.progress.setVisible(True)
        self._import_progress(done, total, text)

    def _index_ready(self, change: Any) -> None:
        self.ready = True
        self.progress.setVisible(False)
        if getattr(change, "repaired", False):
            self._once_note = self.tr("检索索引与数据库不一致，已自动修复重建。")
        elif getattr(change, "action", "") == "rebuild":
            self._once_note = self.tr("已为库中数据建立检索索引。")
        self._refresh_collections()
        self.completer_model.setStringList(self._history() + self.lib.suggestions())
        self.run_search()

    def _index_failed(self, exc: BaseException) -> None:
        self.ready = True
        self.progress.setVisible(False)
        show_error(self, exc, self.env.lang)
        self.status.setText(self.tr("检索索引不可用"))

    def _refresh_collections(self) -> None:
        current = self.collection_box.currentData()
        self.collection_box.blockSignals(True)
        self.collection_box.clear()
        self.collection_box.addItem(self.tr("全部"), "")
        for name in self.lib.collections():
            self.collection_box.addItem(name, name)
        idx = self.collection_box.findData(current)
        self.collection_box.setCurrentIndex(max(0, idx))
        self.collection_box.blockSignals(False)

    # -- history ---------------------------------------------------------------------
    def _history(self) -> list[str]:
        value = self.env.prefs.value(HISTORY_KEY, [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

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
        self.env.prefs.setValue(HISTORY_KEY, hist[:HISTORY_MAX])
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
        if not self.ready:
            return
        text = self.query_text()
        try:
            results = self.lib.open_results(text, filters=self.filters(),
                                            sort=self.sort_box.currentData())
            facets = results.facets()
        except UserError as exc:
            show_error(self, exc, self.env.lang)
            return
        self._remember(text)
        self.model.set_results(results)
        self._show_facets(facets)
        notes = [self._once_note] if self._once_note else []
        self._once_note = ""
        if results.parsed.fallback:
            notes.append(results.parsed.notice(self.env.lang))
        if self.facet_filter:
            notes.append(self.tr("已按分面筛选：") + "；".join(
                f"{v}" for v in self.facet_filter.values()) + self.tr("（点“清除筛选”取消）"))
        self.say("\n".join(notes))
        self.status.setText(self.tr("共 %1 条结果").replace("%1", f"{results.total:,}"))
        self.detail.clear()
        if self.model.rowCount():
            self.table.selectRow(0)

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

    def _show_facets(self, facets: dict[str, list[tuple[str, int]]]) -> None:
        self.facets.clear()
        titles = self.facet_titles()
        for name in ("kind", "applicant", "ipc", "year", "legal", "ptype", "region",
                     "collection"):
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
    def _show_detail(self, current: Any, _previous: Any = None) -> None:
        hit = self.model.hit(current.row()) if current is not None else None
        if hit is None:
            self.detail.clear()
            return
        view = self.lib.record(hit.id, self.env.lang)
        terms = self.model.results.terms if self.model.results else set()
        if view is None:
            self.detail.setHtml(f"<h3>{html.escape(hit.title)}</h3>")
            return
        parts = [f"<h3>{highlight_all(view.title, terms, MARKS)}</h3>"]
        if view.flags:
            parts.append("<p style='color:#b00020'>" + "<br>".join(
                html.escape(f) for f in view.flags) + "</p>")
        rows = "".join(
            f"<tr><td style='color:#555;padding-right:8px'>{html.escape(str(k))}</td>"
            f"<td>{highlight_all(str(v), terms, MARKS)}</td></tr>" for k, v in view.fields.items())
        parts.append(f"<table>{rows}</table>")
        if view.text:
            parts.append("<p>" + highlight_all(view.text, terms, MARKS).replace("\n", "<br>") + "</p>")
        self.detail.setHtml("".join(parts))

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
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("选择要导入的专利清单或文档"), "",
            self.tr("专利清单与文档") + f" ({IMPORT_FILTER})")
        if paths:
            self.start_import(paths)

    def start_import(self, paths: list[str]) -> None:
        """Check the tables' columns (asking for a mapping where needed), then import."""
        if self.import_job is not None:
            self.say(self.tr("正在导入，请等当前导入完成。"))
            return
        self._pending = list(paths)
        self._mappings = {}
        self._mapping_queue = []
        for p in paths:
            try:
                plan = preview_columns(self.env.ctx, p) if Path(p).is_file() else None
            except UserError as exc:
                show_error(self, exc, self.env.lang)
                return
            if plan is not None and not plan.recognised:
                self._mapping_queue.append((p, plan))
        self._next_mapping()

    def _next_mapping(self) -> None:
        if not self._mapping_queue:
            self._run_import()
            return
        path, plan = self._mapping_queue.pop(0)
        dlg = ColumnMappingDialog(Path(path).name, plan, self.env.lang, self)
        self.dialog = dlg

        def accepted() -> None:
            mapping = dlg.mapping()
            self._mappings[path] = mapping
            if dlg.save_box.isChecked():
                save_mapping(self.env.ctx.paths.user_dir, plan.headers, mapping)
            self._next_mapping()

        dlg.accepted.connect(accepted)
        dlg.rejected.connect(self._import_abandoned)
        dlg.open()

    def _import_abandoned(self) -> None:
        self._mapping_queue = []
        self.say(self.tr("已取消导入。"))

    def _run_import(self) -> None:
        paths, mappings = self._pending, dict(self._mappings)

        def job(progress: Any, cancelled: Any) -> Any:
            return self.lib.import_files(paths, mappings=mappings, progress=progress,
                                         cancelled=cancelled)

        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.cancel_button.setVisible(True)
        self.import_button.setEnabled(False)
        self.status.setText(self.tr("正在导入…"))
        self.import_job = self.env.jobs.start(
            job, parent=self, title=self.tr("导入"), show_dialog=False,
            on_progress=self._import_progress, on_done=self._import_done,
            on_error=self._import_failed, on_cancelled=self._import_cancelled)

    def _import_progress(self, done: int, total: int, text: str) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        self.progress.setFormat(f"%p% {text}")

    def cancel_import(self) -> None:
        if self.import_job is not None:
            self.import_job.cancel()

    def _import_finished(self) -> None:
        self.import_job = None
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.import_button.setEnabled(True)

    def _import_done(self, report: Any) -> None:
        self._import_finished()
        self._refresh_collections()
        self.run_search()
        self.status.setText(report.summary(self.env.lang))
        dlg = ImportReportDialog(report, self.env.lang, self)
        self.dialog = dlg
        dlg.open()

    def _import_failed(self, exc: BaseException) -> None:
        self._import_finished()
        show_error(self, exc, self.env.lang)

    def _import_cancelled(self) -> None:
        self._import_finished()
        self.status.setText(self.tr("导入已取消，数据库未做任何改动。"))

    # -- export ----------------------------------------------------------------------
    def choose_export(self) -> None:
        results = self.model.results
        if results is None or not results.total:
            self.say(self.tr("没有可导出的结果。"))
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出检索结果"),
                                              str(Path.home() / "检索结果.xlsx"),
                                              "Excel (*.xlsx)")
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"

        def job(progress: Any, cancelled: Any) -> Any:
            return self.lib.export(results, path, lang=self.env.lang, progress=progress,
                                   cancelled=cancelled)

        self.env.jobs.start(job, parent=self, title=self.tr("导出"),
                            on_done=lambda p: self.status.setText(
                                self.tr("已导出 %1 条到 %2").replace("%1", str(results.total))
                                .replace("%2", str(p))))

    def show_help(self) -> None:
        dlg = QueryHelpDialog(self)
        self.dialog = dlg
        dlg.open()


def create_page(env: UiEnv) -> QWidget:
    return SearchPage(env)


def screenshot_setup(page: SearchPage, env: UiEnv) -> None:
    """A representative state: real patents loaded, a search run, the first hit selected."""
    from desktop.paths import SHARED_DIR

    patents = SHARED_DIR / "data" / "patents"
    samples = [p for p in (patents / "bdci_cn_patents.jsonl", patents / "cn_patent_titles_ipc.csv")
               if p.exists()]
    if page.lib.is_empty() and samples:
        page.lib.import_files(samples)
    env.jobs.wait(30000)
    page.ready = True
    page._refresh_collections()
    page.query_box.setEditText("锂离子电池")
    page.run_search()
    page.table.selectRow(0)
