"""The start page's one search box: service items, past consultations, clients and the
library at once, grouped by type; a double-click opens the hit on its page."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from desktop.catalogue import api as catalogue
from desktop.clients import api as clients
from desktop.context import AppContext
from desktop.errors import UserError
from desktop.ui.env import UiEnv
from desktop.visits import api as visits

log = logging.getLogger(__name__)
TARGET_ROLE = Qt.ItemDataRole.UserRole


@dataclass
class Found:
    """(label, page key, target) per group; ``library_total`` the library's hit count."""

    items: list[tuple[str, str, dict[str, object]]] = field(default_factory=list)
    visits: list[tuple[str, str, dict[str, object]]] = field(default_factory=list)
    clients: list[tuple[str, str, dict[str, object]]] = field(default_factory=list)
    library: list[tuple[str, str, dict[str, object]]] = field(default_factory=list)
    library_total: int = 0


def find_all(ctx: AppContext, text: str) -> Found:
    from desktop.library import api as library  # whoosh: loaded on first use

    out = Found()
    for s in catalogue.suggest_items(ctx, text, limit=5):
        out.items.append((f"{s.code}  {s.title}", "catalogue", {"code": s.code}))
    for a in visits.ask(ctx, text, limit=5):
        out.visits.append((f"{a.date:%Y-%m-%d}  {a.question[:60]}", "visits",
                           {"visit_id": a.visit_id}))
    for c in clients.list_clients(ctx, text, limit=5):
        out.clients.append((c.name + (f"  {c.region}" if c.region else ""), "clients",
                            {"client_id": c.id}))
    try:
        if not library.is_empty(ctx):
            result = library.search(ctx, text, limit=5)
            out.library_total = result.total
            for h in result.hits:
                number = h.application_number or h.publication_number or ""
                out.library.append((f"{h.title}  {number}", "search", {"query": text}))
    except UserError as exc:  # e.g. an index being repaired: the other groups still show
        log.info("find-all: library skipped (%s)", exc)
    return out


class FindAll(QWidget):
    def __init__(self, env: UiEnv) -> None:
        super().__init__()
        self.env = env
        self.found: Found | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.box = QLineEdit()
        self.box.setObjectName("home_find")
        self.box.setPlaceholderText(self.tr("查找：服务事项、以往咨询、客户、检索库"))
        self.box.setClearButtonEnabled(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("home_find_results")
        self.tree.setHeaderHidden(True)
        self.tree.hide()
        lay.addWidget(self.box)
        lay.addWidget(self.tree)
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.run)
        self.box.textChanged.connect(lambda _t: self._timer.start())
        self.box.returnPressed.connect(self.run)
        self.tree.itemActivated.connect(self._open)
        self.tree.itemDoubleClicked.connect(self._open)

    def run(self) -> None:
        ctx, text = self.env.ctx, self.box.text().strip()
        if not text:
            self.tree.hide()
            return
        self.env.read(lambda: find_all(ctx, text), parent=self, key="home-find",
                      on_done=self._show)

    def _show(self, found: Found) -> None:
        self.found = found
        self.tree.clear()
        groups = ((self.tr("服务事项"), found.items), (self.tr("以往咨询"), found.visits),
                  (self.tr("客户"), found.clients), (self.tr("检索库"), found.library))
        for title, rows in groups:
            count = found.library_total if rows is found.library else len(rows)
            head = QTreeWidgetItem([f"{title}（{count}）"])
            head.setFlags(head.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            self.tree.addTopLevelItem(head)
            for label, key, target in rows:
                child = QTreeWidgetItem([label])
                child.setData(0, TARGET_ROLE, (key, target))
                head.addChild(child)
            head.setExpanded(True)
        self.tree.show()

    def _open(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        data = item.data(0, TARGET_ROLE)
        if data:
            key, target = data
            self.env.open_page(key, **target)
