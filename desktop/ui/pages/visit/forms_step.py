"""Step 4 of a visit: the chosen items' forms, opened on the forms page pre-filled from the
client; each document generated meanwhile is linked to the visit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.forms import api as forms
from desktop.forms.api import DocumentRecord
from desktop.ui.env import UiEnv


class FormsStep(QWidget):
    changed = Signal()
    open_form = Signal(str)  # form id

    def __init__(self, env: UiEnv) -> None:
        super().__init__()
        self.env = env
        self.document_ids: list[int] = []
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel("<h3>" + self.tr("4. 申请表单") + "</h3>"))
        lay.addWidget(QLabel(self.tr("所选事项的相关表单（在表单页填写，已按客户档案预填）：")))
        self.form_list = QListWidget()
        self.form_list.setObjectName("visit_forms")
        lay.addWidget(self.form_list, 1)
        row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("打开并预填…"))
        self.open_button.setObjectName("visit_open_form")
        row.addWidget(self.open_button)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addWidget(QLabel(self.tr("本次接待已生成的文书（自动关联）：")))
        self.docs = QListWidget()
        self.docs.setObjectName("visit_documents")
        lay.addWidget(self.docs, 1)
        self.remove_button = QPushButton(self.tr("取消关联所选文书"))
        row2 = QHBoxLayout()
        row2.addWidget(self.remove_button)
        row2.addStretch(1)
        lay.addLayout(row2)
        self.open_button.clicked.connect(self._open)
        self.form_list.itemDoubleClicked.connect(lambda _it: self._open())
        self.remove_button.clicked.connect(self._remove)

    def set_forms(self, refs: list[tuple[str, str, str]]) -> None:
        current = self.form_list.currentItem()
        keep = current.data(Qt.ItemDataRole.UserRole) if current else None
        self.form_list.clear()
        for form_id, name, code in refs:
            it = QListWidgetItem(f"{name}    （{code}）")
            it.setData(Qt.ItemDataRole.UserRole, form_id)
            self.form_list.addItem(it)
            if form_id == keep:
                self.form_list.setCurrentItem(it)
        if self.form_list.currentRow() < 0 and refs:
            self.form_list.setCurrentRow(0)
        self.open_button.setEnabled(bool(refs))

    def _open(self) -> None:
        it = self.form_list.currentItem()
        if it is not None:
            self.open_form.emit(str(it.data(Qt.ItemDataRole.UserRole)))

    def add_document(self, record_id: int) -> None:
        if record_id in self.document_ids:
            return
        self.document_ids.append(record_id)
        ctx = self.env.ctx
        self.env.read(lambda: forms.get_document(ctx, record_id), parent=self,
                      key=f"visit-doc-{record_id}", on_done=self._show_document)
        self.changed.emit()

    def _show_document(self, rec: DocumentRecord) -> None:
        it = QListWidgetItem(f"{rec.form_name}  {rec.created_at:%H:%M}  "
                             f"{Path(rec.output_path).name}")
        it.setData(Qt.ItemDataRole.UserRole, rec.id)
        self.docs.addItem(it)

    def _remove(self) -> None:
        it = self.docs.currentItem()
        if it is None:
            return
        self.document_ids = [d for d in self.document_ids
                             if d != it.data(Qt.ItemDataRole.UserRole)]
        self.docs.takeItem(self.docs.row(it))
        self.changed.emit()

    def reset(self) -> None:
        self.document_ids = []
        self.docs.clear()
        self.set_forms([])
