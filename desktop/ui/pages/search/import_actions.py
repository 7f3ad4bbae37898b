"""Importing into the library from the search page: a button or a drop, a column-mapping
dialog for tables whose headers were not recognised, progress with cancel, and a report."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from desktop.library import api as library
from desktop.library.api import ColumnPlan, ImportReport
from desktop.ui.jobs import show_error
from desktop.ui.pages.search.dialogs import ColumnMappingDialog, ImportReportDialog

if TYPE_CHECKING:
    from desktop.ui.pages.search.page import SearchPage

IMPORT_FILTER = "*.xlsx *.csv *.tsv *.jsonl *.ndjson *.txt *.md *.docx"


class ImportFlow(QObject):
    """One import at a time: check the tables' columns, ask for mappings, run, report."""

    def __init__(self, page: SearchPage) -> None:
        super().__init__(page)
        self.page = page
        self.job: Any = None
        self._paths: list[str] = []
        self._mappings: dict[str, dict[str, str]] = {}
        self._queue: list[tuple[str, ColumnPlan]] = []

    def choose(self) -> None:
        page = self.page
        paths, _ = QFileDialog.getOpenFileNames(
            page, self.tr("选择要导入的专利清单或文档"), "",
            self.tr("专利清单与文档") + f" ({IMPORT_FILTER})")
        if paths:
            self.start(paths)

    def start(self, paths: list[str]) -> None:
        """Read the tables' headers in the background, then ask for mappings where needed."""
        page = self.page
        if self.job is not None or self._queue:
            page.say(self.tr("正在导入，请等当前导入完成。"))
            return
        self._paths = list(paths)
        self._mappings = {}
        ctx = page.env.ctx

        def plans() -> list[tuple[str, ColumnPlan]]:
            out = []
            for p in paths:
                plan = library.preview_columns(ctx, p) if Path(p).is_file() else None
                if plan is not None and not plan.recognised:
                    out.append((p, plan))
            return out

        page.env.read(plans, parent=page, key="import-columns", on_done=self._planned)

    def _planned(self, unrecognised: list[tuple[str, ColumnPlan]]) -> None:
        self._queue = unrecognised
        self._next_mapping()

    def _next_mapping(self) -> None:
        page = self.page
        if not self._queue:
            self._run()
            return
        path, plan = self._queue[0]
        dlg = ColumnMappingDialog(Path(path).name, plan, page.env.lang, page)
        page.dialog = dlg

        def accepted() -> None:
            self._queue.pop(0)
            mapping = dlg.mapping()
            self._mappings[path] = mapping
            if dlg.save_box.isChecked():
                ctx = page.env.ctx
                page.env.run_op(lambda _p, _c: library.save_mapping(ctx, plan.headers, mapping),
                                parent=page, show_dialog=False)
            self._next_mapping()

        dlg.accepted.connect(accepted)
        dlg.rejected.connect(self._abandoned)
        dlg.open()

    def _abandoned(self) -> None:
        self._queue = []
        self.page.say(self.tr("已取消导入。"))

    def _run(self) -> None:
        page = self.page
        ctx, paths, mappings = page.env.ctx, self._paths, dict(self._mappings)

        def job(progress: Any, cancelled: Any) -> Any:
            return library.import_files(ctx, paths, mappings=mappings, progress=progress,
                                        cancelled=cancelled)

        page.progress.setVisible(True)
        page.progress.setRange(0, 0)
        page.cancel_button.setVisible(True)
        page.import_button.setEnabled(False)
        page.status.setText(self.tr("正在导入…"))
        self.job = page.env.run_op(
            job, parent=page, title=self.tr("导入"), show_dialog=False,
            on_progress=page.show_progress, on_done=self._done, on_error=self._failed,
            on_cancelled=self._cancelled)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _finished(self) -> None:
        page = self.page
        self.job = None
        page.progress.setVisible(False)
        page.cancel_button.setVisible(False)
        page.import_button.setEnabled(True)

    def _done(self, report: ImportReport) -> None:
        page = self.page
        self._finished()
        page.status.setText(report.summary(page.env.lang))
        dlg = ImportReportDialog(report, page.env.lang, page)
        page.dialog = dlg
        dlg.open()

    def _failed(self, exc: BaseException) -> None:
        self._finished()
        show_error(self.page, exc, self.page.env.lang)

    def _cancelled(self) -> None:
        self._finished()
        self.page.status.setText(self.tr("导入已取消，数据库未做任何改动。"))
