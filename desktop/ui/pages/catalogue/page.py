"""服务事项: browse the service catalogue, read a guide, tick materials, hand out the guide.

Left: filter (Chinese, pinyin initials such as ``zlzy``, or codes), category and audience
choosers, the items grouped by category (tick items to put several in one handout).
Below the literal matches, 相关事项: the items the suggestion matcher ranks for the text
("专利贷款" → 专利权质押登记), computed in the background.  Right: the guide panel, with
the model answers starred for the item.  The catalogue is read in the background and read
again when a change notice says it changed; literal filtering is instant, in memory.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.access import api as access
from desktop.catalogue import api as catalogue
from desktop.catalogue.api import AUDIENCES, CatalogueIndex, ServiceItem
from desktop.changes import Changes
from desktop.ui.env import UiEnv
from desktop.ui.pages.catalogue.admin_actions import AdminActions
from desktop.ui.pages.catalogue.guide_panel import GuidePanel
from desktop.ui.pages.catalogue.handout_actions import HandoutActions
from desktop.ui.pages.catalogue.related import RelatedItems

CODE_ROLE = Qt.ItemDataRole.UserRole
log = logging.getLogger(__name__)


class CataloguePage(HandoutActions, AdminActions, RelatedItems):
    """The catalogue page.  ``open_form_requested(form_id)`` asks the app to open a form."""

    open_form_requested = Signal(str)

    def __init__(self, env: UiEnv) -> None:
        super().__init__()
        self.env = env
        self.index = CatalogueIndex([])
        self.loaded = False  # True once the catalogue has been read
        self.admin_unlocked = False
        self.pending_import: QDialog | None = None
        self.dialog: QDialog | None = None
        self.select_after_reload: str | None = None
        self.last_handout: Path | None = None
        self.printed_html = ""
        self.checked: set[str] = set()
        self._build()
        self.reload()

    # -- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("catalogue_filter")
        self.filter_edit.setPlaceholderText(
            self.tr("输入事项名称、拼音首字母（如 zlzy）或编码筛选"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.refilter)
        self.category_box = QComboBox()
        self.category_box.setObjectName("catalogue_category")
        self.category_box.currentIndexChanged.connect(self.refilter)
        self.audience_box = QComboBox()
        self.audience_box.setObjectName("catalogue_audience")
        self.audience_box.addItem(self.tr("全部服务对象"), "")
        labels = {"企业": self.tr("企业"), "个人": self.tr("个人"),
                  "高校院所": self.tr("高校院所"), "社会团体": self.tr("社会团体"),
                  "代理机构": self.tr("代理机构")}
        for a in AUDIENCES:
            self.audience_box.addItem(labels[a], a)
        self.audience_box.currentIndexChanged.connect(self.refilter)
        self.retired_box = QCheckBox(self.tr("含已停用"))
        self.retired_box.toggled.connect(self.refilter)
        bar.addWidget(self.filter_edit, 3)
        bar.addWidget(self.category_box, 1)
        bar.addWidget(self.audience_box, 1)
        bar.addWidget(self.retired_box)
        outer.addLayout(bar)

        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        self.tree = QTreeWidget()
        self.tree.setObjectName("catalogue_tree")
        self.tree.setHeaderLabels([self.tr("服务事项"), self.tr("编码")])
        header = self.tree.header()  # the name takes the room; the code is always whole
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemChanged.connect(self._tree_item_changed)
        ll.addWidget(self.tree, 1)
        self.count_label = QLabel()
        self.count_label.setObjectName("catalogue_count")
        ll.addWidget(self.count_label)
        split.addWidget(left)
        self.panel = GuidePanel(self.env)
        self.panel.open_form_requested.connect(self.open_form_requested)
        # the panel's widgets, under the names the page has always offered
        self.title_label, self.materials = self.panel.title_label, self.panel.materials
        self.materials_label, self.guide = self.panel.materials_label, self.panel.guide
        split.addWidget(self.panel)
        split.setSizes([380, 720])
        outer.addWidget(split, 1)

        buttons = QHBoxLayout()
        self.print_button = self._button(buttons, "print_guide", self.tr("打印办事指南…"),
                                         self.print_guide)
        self.export_button = self._button(buttons, "export_guide", self.tr("导出办事指南…"),
                                          self.export_guide)
        self.export_button.setToolTip(
            self.tr("导出为Word文档；本机装有LibreOffice时也可导出PDF")
            if catalogue.can_write_pdf()
            else self.tr("导出为Word文档（本机未安装LibreOffice，无法直接导出PDF）"))
        self.officer_box = QCheckBox(self.tr("工作人员版"))
        self.officer_box.setObjectName("officer_copy")
        self.officer_box.setToolTip(self.tr("工作人员版附信息来源；不勾选时为给办事人的版本，不含来源说明"))
        buttons.addWidget(self.officer_box)
        buttons.addStretch(1)
        self._button(buttons, "history", self.tr("历史版本…"), self.show_history)
        admin = [self._button(buttons, "edit_item", self.tr("编辑（管理员）…"), self.edit_current),
                 self._button(buttons, "export_xlsx", self.tr("导出Excel…"), self.export_sheet),
                 self._button(buttons, "import_xlsx", self.tr("导入Excel…"), self.import_sheet)]
        for b in (admin[0], admin[2]):  # the catalogue is the administrator's to change
            b.setVisible(access.permissions(self.env.ctx).can_edit_catalogue)
        outer.addLayout(buttons)

    def _button(self, row: QHBoxLayout, name: str, text: str,
                slot: Callable[[], object]) -> QPushButton:
        b = QPushButton(text)
        b.setObjectName(name)
        b.clicked.connect(slot)
        row.addWidget(b)
        return b

    # -- data ----------------------------------------------------------------------------
    @property
    def current(self) -> ServiceItem | None:
        return self.panel.current

    @current.setter
    def current(self, item: ServiceItem | None) -> None:
        self.panel.current = item

    @property
    def ticks(self) -> dict[str, set[int]]:
        return self.panel.ticks

    def reload(self) -> None:
        """Read the catalogue (all items; the filter hides retired ones) in the background."""
        ctx = self.env.ctx
        self.env.read(lambda: catalogue.load_index(ctx, include_retired=True), parent=self,
                      key="catalogue", on_done=self._loaded)

    def _loaded(self, index: CatalogueIndex) -> None:
        self.index = index
        # the filter's pinyin (pypinyin is slow to load): computed off the GUI thread, later
        self.env.jobs.start_when_idle(
            lambda _p, _c: index.prepare_pinyin(), show_dialog=False,
            on_error=lambda exc: log.warning("pinyin warm-up failed: %s", exc))
        chosen = self.category_box.currentData()
        self.category_box.blockSignals(True)
        self.category_box.clear()
        self.category_box.addItem(self.tr("全部类别"), "")
        for c in catalogue.categories_of(self.index.items):
            self.category_box.addItem(c, c)
        pos = self.category_box.findData(chosen) if chosen else 0
        self.category_box.setCurrentIndex(max(pos, 0))
        self.category_box.blockSignals(False)
        target, self.select_after_reload = self.select_after_reload, None
        self.refilter()
        if target and not self.show_item(target):
            log.info("item %s is gone after the reload", target)
        self.loaded = True

    def apply_changes(self, changes: Changes, source: object = None) -> None:
        if changes.visits and self.panel.answers is not None:
            self.panel.answers.refresh()
        if changes.catalogue:
            if self.current is not None and self.select_after_reload is None:
                self.select_after_reload = self.current.code
            self.reload()

    def visible_codes(self) -> list[str]:
        codes = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            codes += [group.child(j).data(0, CODE_ROLE) for j in range(group.childCount())]
        return codes

    def refilter(self) -> None:
        items = self.index.filter(self.filter_edit.text(),
                                  category=self.category_box.currentData() or None,
                                  audience=self.audience_box.currentData() or None,
                                  include_retired=self.retired_box.isChecked())
        keep = self.current.code if self.current else None
        checked = self.checked
        self.tree.blockSignals(True)
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        ranked = bool(self.filter_edit.text().strip())
        for it in items:
            group_name = self.tr("筛选结果") if ranked else it.category
            group = groups.get(group_name)
            if group is None:
                group = QTreeWidgetItem(self.tree, [group_name])
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                group.setExpanded(True)
                groups[group_name] = group
            self.add_node(group, it, checked)
        self.tree.blockSignals(False)
        self.count_label.setText(self.tr("共 {n} 项").replace("{n}", str(len(items))))
        target = keep if keep in {i.code for i in items} else (items[0].code if items else None)
        if target:
            self.select(target)
        else:
            self.panel.show_item(None)
        self._tree_item_changed()
        self.ask_related(self.filter_edit.text(), items)

    def add_node(self, group: QTreeWidgetItem, it: ServiceItem, checked: set[str]) -> None:
        name = it.name if it.active else f"{it.name}" + self.tr("（已停用）")
        node = QTreeWidgetItem(group, [name, it.code])
        node.setData(0, CODE_ROLE, it.code)
        node.setFlags(node.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        node.setCheckState(0, Qt.CheckState.Checked if it.code in checked
                           else Qt.CheckState.Unchecked)
        node.setToolTip(0, self.tr("勾选多个事项可合并打印或导出办事指南"))

    def _node(self, code: str) -> QTreeWidgetItem | None:
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                if group.child(j).data(0, CODE_ROLE) == code:
                    return group.child(j)
        return None

    def open_target(self, code: str = "") -> None:
        """Show item ``code`` (links from other pages); once loaded if still loading."""
        if code and not self.show_item(code):
            self.select_after_reload = code

    def show_item(self, code: str) -> bool:
        """Open ``code`` whatever the filters (for other pages, e.g. a search hit)."""
        item = self.index.get(code.strip().upper())
        if item is None:
            return False
        if self._node(item.code) is None:
            self.filter_edit.blockSignals(True)
            self.filter_edit.clear()
            self.filter_edit.blockSignals(False)
            self.category_box.setCurrentIndex(0)
            self.audience_box.setCurrentIndex(0)
            if not item.active:
                self.retired_box.setChecked(True)
            self.refilter()
        self.select(item.code)
        return True

    def set_form_ids(self, form_ids: set[str] | None) -> None:
        self.panel.set_form_ids(form_ids)

    def select(self, code: str) -> None:
        node = self._node(code)
        if node is not None:
            self.tree.setCurrentItem(node)
            self.panel.show_item(self.index.get(code))

    def checked_codes(self) -> list[str]:
        """The ticked items, in catalogue order — also those the filter hides just now
        (a tick stays until it is taken off), so the export takes exactly what is counted."""
        visible = self.visible_codes()
        hidden = [i.code for i in self.index.items if i.code not in set(visible)]
        return [c for c in visible + hidden if c in self.checked]

    def set_checked(self, code: str, checked: bool = True) -> None:
        node = self._node(code)
        if node is not None:
            node.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        elif checked:
            self.checked.add(code)
            self._tree_item_changed()
        else:
            self.checked.discard(code)
            self._tree_item_changed()

    def _current_changed(self, current: QTreeWidgetItem | None,
                         _prev: QTreeWidgetItem | None = None) -> None:
        code = current.data(0, CODE_ROLE) if current is not None else None
        if code:
            self.panel.show_item(self.index.get(code))

    def _tree_item_changed(self, node: QTreeWidgetItem | None = None, *_args: object) -> None:
        code = node.data(0, CODE_ROLE) if node is not None else None
        if code:
            if node is not None and node.checkState(0) == Qt.CheckState.Checked:
                self.checked.add(code)
            else:
                self.checked.discard(code)
        n = len(self.checked_codes())
        text = self.tr("导出办事指南（{n}项）…").replace("{n}", str(n)) if n \
            else self.tr("导出办事指南…")
        self.export_button.setText(text)
        self.print_button.setText(
            self.tr("打印办事指南（{n}项）…").replace("{n}", str(n)) if n
            else self.tr("打印办事指南…"))

    def tick_material(self, index: int, checked: bool = True) -> None:
        self.panel.tick_material(index, checked)

    def clear_ticks(self) -> None:
        self.panel.clear_ticks()

    # -- handout (its buttons are in HandoutActions) -----------------------------------
    def handout_items(self) -> list[ServiceItem]:
        """The ticked items in list order, or the current item when none is ticked."""
        codes = self.checked_codes()
        if codes:
            return [i for c in codes if (i := self.index.get(c)) is not None]
        return [self.current] if self.current else []

    def handout_ticks(self) -> dict[str, set[int]]:
        return {k: set(v) for k, v in self.ticks.items()}
