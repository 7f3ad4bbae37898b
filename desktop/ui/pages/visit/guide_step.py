"""Step 3 of a visit: the guides of the chosen items, and a tick for each material the
visitor already has (the packet lists what is still missing)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.catalogue import api as catalogue
from desktop.catalogue.api import ServiceItem
from desktop.ui.env import UiEnv


class GuideStep(QWidget):
    changed = Signal()

    def __init__(self, env: UiEnv) -> None:
        super().__init__()
        self.env = env
        self.items: list[ServiceItem] = []
        self.ticks: dict[str, set[int]] = {}
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel("<h3>" + self.tr("3. 办事指南与材料") + "</h3>"))
        self.hint = QLabel()
        lay.addWidget(self.hint)
        row = QHBoxLayout()
        self.item_list = QListWidget()
        self.item_list.setObjectName("visit_guide_items")
        self.item_list.setMaximumWidth(200)
        self.item_list.setWordWrap(True)
        row.addWidget(self.item_list)
        split = QSplitter(Qt.Orientation.Vertical)
        self.guide = QTextBrowser()
        self.guide.setObjectName("visit_guide")
        box = QWidget()
        box_lay = QVBoxLayout(box)
        box_lay.setContentsMargins(0, 0, 0, 0)
        box_lay.addWidget(QLabel(self.tr("申请材料（勾选来访者已具备的）：")))
        self.materials = QListWidget()
        self.materials.setObjectName("visit_materials")
        self.materials.setWordWrap(True)
        self.materials.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        box_lay.addWidget(self.materials)
        split.addWidget(self.guide)
        split.addWidget(box)
        split.setSizes([420, 220])
        row.addWidget(split, 1)
        lay.addLayout(row, 1)
        self.item_list.currentRowChanged.connect(self._show_item)
        self.materials.itemChanged.connect(self._ticked)
        self.set_codes([])

    def set_codes(self, codes: list[str]) -> None:
        """Show the guides of ``codes`` (read in the background); ticks are kept."""
        if [i.code for i in self.items] == codes:
            return
        if not codes:
            self._show_items([])
            return
        ctx = self.env.ctx
        self.env.read(lambda: catalogue.get_items(ctx, codes), parent=self, key="visit-guides",
                      on_done=self._show_items)

    def _show_items(self, items: list[ServiceItem]) -> None:
        self.items = items
        self.hint.setText(self.tr("先在第2步勾选服务事项。") if not items else "")
        self.item_list.clear()
        for item in items:
            self.item_list.addItem(f"{item.code}  {item.name}")
        if items:
            self.item_list.setCurrentRow(0)
        else:
            self.guide.clear()
            self.materials.clear()
        self.changed.emit()

    def _show_item(self, row: int) -> None:
        if not 0 <= row < len(self.items):
            return
        item = self.items[row]
        self.guide.setHtml(f"<h2>{item.name}</h2>" + catalogue.guide_html(item))
        have = self.ticks.get(item.code, set())
        self.materials.blockSignals(True)
        self.materials.clear()
        for i, m in enumerate(item.materials):
            it = QListWidgetItem(catalogue.material_line(m)
                                 + ("" if m.required else self.tr("（非必需）")))
            it.setData(Qt.ItemDataRole.UserRole, (item.code, i))
            it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            it.setCheckState(Qt.CheckState.Checked if i in have else Qt.CheckState.Unchecked)
            self.materials.addItem(it)
        self.materials.blockSignals(False)

    def _ticked(self, it: QListWidgetItem) -> None:
        code, index = it.data(Qt.ItemDataRole.UserRole)
        have = self.ticks.setdefault(code, set())
        if it.checkState() == Qt.CheckState.Checked:
            have.add(index)
        else:
            have.discard(index)
        self.changed.emit()

    def form_refs(self) -> list[tuple[str, str, str]]:
        """(form id, form name, item code) of the chosen items' forms, each form once."""
        seen: set[str] = set()
        out = []
        for item in self.items:
            for f in item.forms:
                if f.form_id and f.form_id not in seen:
                    seen.add(f.form_id)
                    out.append((f.form_id, f.name, item.code))
        return out

    def reset(self) -> None:
        self.ticks = {}
        self.items = []
        self._show_items([])
