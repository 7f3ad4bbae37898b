"""Dialogs of the catalogue page: import diff, item editor (admin), history."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.catalogue import api as catalogue
from desktop.catalogue.api import HistoryEntry, ImportPlan, ServiceItem, item_plain_text
from desktop.errors import UserError


class ImportDiffDialog(QDialog):
    """Shows what an import would change; "应用" applies it."""

    def __init__(self, plan: ImportPlan, lang: str = "zh",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(self.tr("导入服务事项清单：确认差异"))
        self.resize(860, 560)
        lay = QVBoxLayout(self)
        summary = QLabel(plan.summary(lang))
        summary.setObjectName("import_summary")
        lay.addWidget(summary)
        self.tree = QTreeWidget()
        self.tree.setObjectName("import_diff")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("事项 / 字段"), self.tr("原内容"),
                                   self.tr("新内容")])
        self.tree.setWordWrap(True)
        self._fill()
        lay.addWidget(self.tree, 1)
        if plan.retired:
            note = QLabel(self.tr("清单中没有的事项将被停用（不会删除），之后可重新导入恢复。"))
            note.setWordWrap(True)
            lay.addWidget(note)
        buttons = QDialogButtonBox()
        self.apply_button = buttons.addButton(self.tr("应用"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setObjectName("apply_import")
        self.apply_button.setEnabled(plan.has_changes)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def _group(self, title: str, count: int) -> QTreeWidgetItem:
        node = QTreeWidgetItem(self.tree, [f"{title}（{count}）"])
        node.setExpanded(True)
        return node

    def _fill(self) -> None:
        p = self.plan
        if p.added:
            g = self._group(self.tr("新增"), len(p.added))
            for a in p.added:
                QTreeWidgetItem(g, [f"{a.code} {a.name}"])
        if p.changed:
            g = self._group(self.tr("修改"), len(p.changed))
            for c in p.changed:
                node = QTreeWidgetItem(g, [f"{c.code} {c.name}"])
                node.setExpanded(True)
                for f in c.fields:
                    QTreeWidgetItem(node, [f.label, f.before, f.after])
        if p.retired:
            g = self._group(self.tr("停用"), len(p.retired))
            for r in p.retired:
                refs = self.tr("（被{n}条记录引用）").replace("{n}", str(r.references)) \
                    if r.references else ""
                QTreeWidgetItem(g, [f"{r.code} {r.name}{refs}"])
        if p.restored:
            g = self._group(self.tr("恢复"), len(p.restored))
            for r in p.restored:
                QTreeWidgetItem(g, [f"{r.code} {r.name}"])
        if not p.has_changes:
            QTreeWidgetItem(self.tree, [self.tr("与当前清单完全一致，无需更新")])
        self.tree.resizeColumnToContents(0)


class ItemEditorDialog(QDialog):
    """Edit one item as YAML with the same validation as the bundled files (admin only).

    Changing the code saves a new item.  ``on_delete`` is offered for existing items.
    """

    def __init__(self, item: ServiceItem, existing_codes: set[str],
                 on_delete: Callable[[str], None] | None = None, lang: str = "zh",
                 parent: QWidget | None = None, *, lock_version: int | None = None,
                 mine_text: str | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.original = item
        # the version this editor opened (a save finding a newer one is a conflict), and
        # after a conflict the text this officer had written, shown beside theirs
        self.lock_version = lock_version
        self.existing = existing_codes
        self.on_delete = on_delete
        self.result_item: ServiceItem | None = None
        self.setWindowTitle(self.tr("编辑服务事项（管理员）") + f" — {item.code}")
        self.resize(820, 680)
        lay = QVBoxLayout(self)
        hint = QLabel(self.tr("按YAML格式编辑，保存前自动校验；修改“code”即另存为新事项。"))
        hint.setWordWrap(True)
        lay.addWidget(hint)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("item_yaml")
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.setPlainText(catalogue.item_to_yaml(item))
        if mine_text is None:
            lay.addWidget(self.editor, 1)
        else:
            lay.addWidget(mine_beside(self.editor, mine_text, self.tr("你的修改（未保存，可复制）")), 1)
        self.problems = QLabel()
        self.problems.setObjectName("editor_problems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b00020")
        lay.addWidget(self.problems)
        row = QHBoxLayout()
        check = QPushButton(self.tr("校验"))
        check.clicked.connect(self.check)
        row.addWidget(check)
        if on_delete is not None:
            delete = QPushButton(self.tr("删除此事项…"))
            delete.setObjectName("delete_item")
            delete.setToolTip(self.tr("被表单或接待记录引用的事项只会停用，不会删除"))
            delete.clicked.connect(self._delete)
            row.addWidget(delete)
        row.addStretch(1)
        save = QPushButton(self.tr("保存"))
        save.setObjectName("save_item")
        save.setDefault(True)
        save.clicked.connect(self.save)
        cancel = QPushButton(self.tr("取消"))
        cancel.clicked.connect(self.reject)
        row.addWidget(save)
        row.addWidget(cancel)
        lay.addLayout(row)

    def check(self) -> ServiceItem | None:
        try:
            where = self.tr("编辑内容")
            item = catalogue.item_from_yaml(self.editor.toPlainText(), file=where)
        except UserError as exc:
            self.problems.setText(exc.message(self.lang))
            return None
        if item.code != self.original.code and item.code in self.existing:
            self.problems.setText(
                self.tr("编码 {code} 已被其他事项使用").replace("{code}", item.code))
            return None
        self.problems.setText(self.tr("校验通过"))
        return item

    def save(self) -> None:
        item = self.check()
        if item is not None:
            self.result_item = item
            self.accept()

    def _delete(self) -> None:
        if self.on_delete is not None:
            self.on_delete(self.original.code)
            self.reject()


def mine_beside(editor: QPlainTextEdit, mine_text: str, title: str) -> QSplitter:
    """The editor (their saved version) with this officer's unsaved text beside it."""
    split = QSplitter()
    split.addWidget(editor)
    pane = QWidget()
    box = QVBoxLayout(pane)
    box.setContentsMargins(0, 0, 0, 0)
    box.addWidget(QLabel(title))
    mine = QPlainTextEdit(mine_text)
    mine.setObjectName("item_yaml_mine")
    mine.setReadOnly(True)
    mine.setFont(editor.font())
    box.addWidget(mine, 1)
    split.addWidget(pane)
    return split


class HistoryDialog(QDialog):
    """Earlier versions of one item, each shown in full."""

    def __init__(self, item: ServiceItem, entries: list[HistoryEntry],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("历史版本") + f" — {item.code} {item.name}")
        self.resize(860, 560)
        lay = QVBoxLayout(self)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.list = QListWidget()
        self.list.setObjectName("history_list")
        self.view = QTextBrowser()
        actions = {"changed": self.tr("被修改"), "retired": self.tr("被停用"),
                   "restored": self.tr("被恢复"), "deleted": self.tr("被删除")}
        for e in entries:
            row = QListWidgetItem(f"{e.recorded_at:%Y-%m-%d %H:%M}  {e.version}  "
                                  f"{actions.get(e.action, e.action)}  {e.note}")
            row.setData(Qt.ItemDataRole.UserRole, item_plain_text(e.item))
            self.list.addItem(row)
        if not entries:
            self.list.addItem(self.tr("没有历史版本"))
        self.list.currentItemChanged.connect(self._show)
        split.addWidget(self.list)
        split.addWidget(self.view)
        split.setSizes([320, 540])
        lay.addWidget(split, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        lay.addWidget(close)
        if entries:
            self.list.setCurrentRow(0)

    def _show(self, current: QListWidgetItem | None) -> None:
        text = current.data(Qt.ItemDataRole.UserRole) if current else ""
        self.view.setHtml("<pre style='white-space: pre-wrap'>" + html.escape(text or "")
                          + "</pre>")
        self.view.setFont(QFont())
