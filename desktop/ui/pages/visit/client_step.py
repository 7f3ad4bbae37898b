"""Step 1 of a visit: who came — a client from the register (type-ahead), a quick new
profile, or an anonymous walk-in."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.clients import api as clients
from desktop.clients.api import ClientData
from desktop.ui.env import UiEnv


class ClientStep(QWidget):
    changed = Signal()

    def __init__(self, env: UiEnv) -> None:
        super().__init__()
        self.env = env
        self.client_id: int | None = None
        self.client_name = ""
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel("<h3>" + self.tr("1. 来访客户") + "</h3>"))
        self.existing = QRadioButton(self.tr("客户档案中的客户"))
        self.quick = QRadioButton(self.tr("新建简易档案（保存接待时建立）"))
        self.anonymous = QRadioButton(self.tr("匿名来访（不留档）"))
        self.group = QButtonGroup(self)
        for b in (self.existing, self.quick, self.anonymous):
            self.group.addButton(b)
        self.anonymous.setChecked(True)
        self.search = QLineEdit()
        self.search.setObjectName("visit_client_search")
        self.search.setPlaceholderText(self.tr("输入名称、信用代码、联系人或拼音首字母查找"))
        self.results = QListWidget()
        self.results.setObjectName("visit_client_results")
        self.quick_name = QLineEdit()
        self.quick_name.setObjectName("visit_quick_name")
        self.quick_name.setPlaceholderText(self.tr("单位或个人名称"))
        self.chosen = QLabel()
        self.chosen.setObjectName("visit_client_chosen")
        lay.addWidget(self.existing)
        lay.addWidget(self.search)
        lay.addWidget(self.results, 1)
        lay.addWidget(self.quick)
        lay.addWidget(self.quick_name)
        lay.addWidget(self.anonymous)
        lay.addWidget(self.chosen)
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.lookup)
        self.search.textEdited.connect(self._typed)
        self.results.currentItemChanged.connect(self._picked)
        self.quick_name.textEdited.connect(self._quick_typed)
        self.group.buttonToggled.connect(lambda *_a: self._update())
        self._update()

    def _typed(self, _text: str) -> None:
        self.existing.setChecked(True)
        self._timer.start()

    def _quick_typed(self, _text: str) -> None:
        self.quick.setChecked(True)
        self._update()

    def lookup(self) -> None:
        ctx, text = self.env.ctx, self.search.text().strip()
        self.env.read(lambda: clients.list_clients(ctx, text, limit=30), parent=self,
                      key="visit-clients", on_done=self._show)

    def _show(self, found: list[ClientData]) -> None:
        self.results.clear()
        for c in found:
            extra = "  ".join(x for x in (c.region or "", c.contact_person or "") if x)
            it = QListWidgetItem(c.name + (f"    {extra}" if extra else ""))
            it.setData(Qt.ItemDataRole.UserRole, (c.id, c.name))
            self.results.addItem(it)
        if found and self.client_id is None:
            self.results.setCurrentRow(0)

    def _picked(self, item: QListWidgetItem | None, _prev: object = None) -> None:
        if item is not None:
            self.client_id, self.client_name = item.data(Qt.ItemDataRole.UserRole)
            self.existing.setChecked(True)
        self._update()

    def choose(self, client_id: int, name: str) -> None:
        """Pre-select a client (e.g. the start page opens a visit for one)."""
        self.client_id, self.client_name = client_id, name
        self.existing.setChecked(True)
        self._update()

    def choice(self) -> tuple[int | None, str | None, str]:
        """(client id, quick profile name, name to show): an existing client, a quick
        profile to create on save, or (None, None, "") for an anonymous walk-in."""
        if self.existing.isChecked() and self.client_id is not None:
            return self.client_id, None, self.client_name
        name = self.quick_name.text().strip()
        if self.quick.isChecked() and name:
            return None, name, name
        return None, None, ""

    def _update(self) -> None:
        _cid, quick, shown = self.choice()
        if shown:
            self.chosen.setText(self.tr("本次接待：") + shown
                                + (self.tr("（新建档案）") if quick else ""))
        else:
            self.chosen.setText(self.tr("本次接待：匿名来访"))
        self.changed.emit()

    def reset(self) -> None:
        self.client_id, self.client_name = None, ""
        for w in (self.search, self.quick_name):
            w.clear()
        self.results.clear()
        self.anonymous.setChecked(True)
        self._update()
