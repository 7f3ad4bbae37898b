"""The forms page's 已生成文档 tab: the record of generated documents, to reopen and edit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.forms import api as forms
from desktop.forms.api import DocumentRecord, FormDef
from desktop.ui.env import UiEnv


class HistoryTab(QWidget):
    """A base of ``FormsPage``: builds the tab and reopens records into the fill tab."""

    env: UiEnv
    records: list[DocumentRecord]

    def _build_history_tab(self) -> QWidget:
        self.records = []
        tab = QWidget()
        lay = QVBoxLayout(tab)
        top = QHBoxLayout()
        self.history_search = QLineEdit()
        self.history_search.setPlaceholderText(self.tr("按表单、客户或文件名查找"))
        self.history_search.textChanged.connect(self.reload_history)
        top.addWidget(self.history_search, 1)
        lay.addLayout(top)
        self.history = QTableWidget(0, 4)
        self.history.setObjectName("history")
        self.history.setHorizontalHeaderLabels([self.tr("时间"), self.tr("表单"), self.tr("客户"),
                                                self.tr("文件")])
        self.history.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.doubleClicked.connect(lambda _i: self.reopen_selected())
        lay.addWidget(self.history, 1)
        buttons = QHBoxLayout()
        self.reopen_button = QPushButton(self.tr("重新打开修改"))
        self.reopen_button.setObjectName("reopen_button")
        self.reopen_button.clicked.connect(self.reopen_selected)
        self.history_open_button = QPushButton(self.tr("打开文档"))
        self.history_open_button.clicked.connect(self.open_selected_file)
        buttons.addWidget(self.reopen_button)
        buttons.addWidget(self.history_open_button)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        return tab

    def reload_history(self) -> None:
        ctx, query = self.env.ctx, self.history_search.text().strip()
        self.env.read(lambda: forms.list_documents(ctx, query=query, limit=500), parent=self,
                      key="history", on_done=self._show_history)

    def _show_history(self, records: list[DocumentRecord]) -> None:
        self.records = records
        self.history.setRowCount(len(records))
        for r, rec in enumerate(records):
            cells = [f"{rec.created_at:%Y-%m-%d %H:%M}", rec.form_name, rec.client_name,
                     Path(rec.output_path).name]
            for k, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, rec.id)
                if k == 3:
                    item.setToolTip(rec.output_path)
                self.history.setItem(r, k, item)

    def _selected_record(self) -> DocumentRecord | None:
        rows = sorted({i.row() for i in self.history.selectedIndexes()})
        return self.records[rows[0]] if rows else None

    def reopen(self, doc_id: int) -> None:
        """Load a generated document's data back into the form to edit and regenerate."""
        ctx = self.env.ctx

        def read() -> tuple[DocumentRecord, FormDef]:
            rec = forms.get_document(ctx, doc_id)
            return rec, forms.get_form(ctx, rec.form_id)

        self.env.read(read, parent=self, key="reopen",
                      on_done=lambda found: self.show_record(*found))

    def show_record(self, rec: DocumentRecord, form: FormDef) -> None:
        raise NotImplementedError  # the page fills its fill tab

    def reopen_selected(self) -> None:
        rec = self._selected_record()
        if rec is not None:
            self.reopen(rec.id)

    def open_selected_file(self) -> None:
        rec = self._selected_record()
        if rec is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(rec.output_path))


__all__ = ["HistoryTab"]
