"""The catalogue filter's 相关事项 group: after the literal and pinyin matches, the items the
suggestion matcher ranks for the text in everyday words (a base of ``CataloguePage``).

The literal filter is instant and in memory; the suggestions are computed off the GUI thread
(``env.read`` with a key, so only the newest keystroke's answer is shown)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QTreeWidget, QTreeWidgetItem, QWidget

from desktop.catalogue import api as catalogue
from desktop.catalogue.api import CatalogueIndex, ServiceItem, Suggestion
from desktop.ui.env import UiEnv

RELATED_LIMIT = 8


class RelatedItems(QWidget):
    env: UiEnv
    index: CatalogueIndex
    tree: QTreeWidget
    filter_edit: QLineEdit
    category_box: QComboBox
    audience_box: QComboBox
    count_label: QLabel
    related_codes: list[str] = []  # the codes of the 相关事项 group now shown
    related_text: str | None = None  # the text whose suggestions arrived last (tests)

    def add_node(self, group: QTreeWidgetItem, it: ServiceItem, checked: set[str]) -> None:
        raise NotImplementedError  # the page builds the tree's rows

    def select(self, code: str) -> None:
        raise NotImplementedError

    def checked_codes(self) -> list[str]:
        raise NotImplementedError

    def ask_related(self, text: str, literal: list[ServiceItem]) -> None:
        self.related_codes = []
        if not text.strip():
            self.related_text = text
            return
        ctx = self.env.ctx
        shown = {i.code for i in literal}
        self.env.read(lambda: catalogue.suggest_items(ctx, text, limit=RELATED_LIMIT),
                      parent=self, key="catalogue.related",
                      on_done=lambda found: self._show_related(text, shown, found))

    def _show_related(self, text: str, shown: set[str], found: list[Suggestion]) -> None:
        if text != self.filter_edit.text():
            return  # typed on since
        self.related_text = text
        allowed = {i.code for i in self.index.filter(
            "", category=self.category_box.currentData() or None,
            audience=self.audience_box.currentData() or None, include_retired=True)}
        extra = [s for s in found if s.code not in shown and s.code in allowed
                 and self.index.get(s.code) is not None]
        if not extra:
            return
        checked = set(self.checked_codes())
        self.tree.blockSignals(True)
        group = QTreeWidgetItem(self.tree, [self.tr("相关事项")])
        group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        group.setExpanded(True)
        for s in extra:
            item = self.index.get(s.code)
            if item is not None:
                self.add_node(group, item, checked)
                group.child(group.childCount() - 1).setToolTip(
                    0, self.tr("匹配：") + "、".join(s.why))
        self.tree.blockSignals(False)
        self.related_codes = [s.code for s in extra]
        self.count_label.setText(self.count_label.text() + self.tr("，相关事项 {n} 项")
                                 .replace("{n}", str(len(extra))))
        if not shown:
            self.select(extra[0].code)
