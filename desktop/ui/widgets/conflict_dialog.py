"""Someone else saved the record after it was opened here: show the fields that differ
(yours against theirs) and let the officer choose — keep editing (their version loaded,
yours kept visible), overwrite with mine (save again on top of theirs), or discard mine."""

from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import EditConflict

KEEP_EDITING = "keep"
OVERWRITE = "overwrite"
DISCARD = "discard"
_MAX_CHARS = 400


def shown(value: object) -> str:
    """A field's value as one cell of the comparison ("" for empty)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else "✗"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False,
                                                           default=str)
    return text if len(text) <= _MAX_CHARS else text[:_MAX_CHARS] + "…"


class ConflictDialog(QDialog):
    """The choice after an :class:`EditConflict`; ``choice`` is one of KEEP_EDITING,
    OVERWRITE, DISCARD once a button was pressed (DISCARD when closed)."""

    def __init__(self, conflict: EditConflict, label: Callable[[str], str], lang: str = "zh",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.conflict = conflict
        self.choice = DISCARD
        self.setWindowTitle(self.tr("保存冲突"))
        self.setMinimumWidth(640)
        lay = QVBoxLayout(self)
        message = QLabel(conflict.message(lang))
        message.setObjectName("conflictMessage")
        message.setWordWrap(True)
        lay.addWidget(message)
        fields = conflict.differing()
        self.table = QTableWidget(len(fields), 3)
        self.table.setObjectName("conflictFields")
        self.table.setHorizontalHeaderLabels([self.tr("字段"), self.tr("你的修改"),
                                              self.tr("对方保存的")])
        for row, key in enumerate(fields):
            for col, text in enumerate((label(key), shown(conflict.mine.get(key)),
                                        shown(conflict.theirs.get(key)))):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, col, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        lay.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        for name, text, tip, choice in (
            ("keepEditing", self.tr("继续编辑"),
             self.tr("载入对方保存的内容，你的修改显示在旁边，核对后再保存"), KEEP_EDITING),
            ("overwrite", self.tr("用我的覆盖"),
             self.tr("在对方的版本之上保存你的修改（对方的修改被替换）"), OVERWRITE),
            ("discard", self.tr("放弃我的修改"), self.tr("不保存，保留对方的版本"), DISCARD),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.setToolTip(tip)
            button.clicked.connect(lambda _=False, c=choice: self._choose(c))
            buttons.addWidget(button)
        lay.addLayout(buttons)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()
