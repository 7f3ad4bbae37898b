"""Step 5 of a visit: the one printed packet — missing materials per item, the guides and
the generated forms, with the outlet block and the date; previewed before printing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.settings import api as settings
from desktop.ui.env import UiEnv
from desktop.ui.widgets.outlet_check import outlet_ok
from desktop.ui.widgets.printing import preview_document
from desktop.visits import api as visits

# (item codes, ticks, document ids, client name) of the visit as it stands
PacketInput = Callable[[], tuple[list[str], dict[str, set[int]], list[int], str]]


class PacketStep(QWidget):
    printed = Signal()

    def __init__(self, env: UiEnv, current: PacketInput) -> None:
        super().__init__()
        self.env = env
        self.current = current
        self.html = ""
        self.outlet_set = True
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel("<h3>" + self.tr("5. 材料包") + "</h3>"))
        lay.addWidget(QLabel(self.tr("办事指南、每个事项尚缺的材料、本次生成的表单，附网点信息与日期。")))
        self.view = QTextBrowser()
        self.view.setObjectName("visit_packet")
        lay.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.refresh_button = QPushButton(self.tr("刷新预览"))
        self.print_button = QPushButton(self.tr("打印预览…"))
        self.print_button.setObjectName("visit_print")
        row.addWidget(self.refresh_button)
        row.addStretch(1)
        row.addWidget(self.print_button)
        lay.addLayout(row)
        self.refresh_button.clicked.connect(self.refresh)
        self.print_button.clicked.connect(self.print_preview)

    def refresh(self) -> None:
        codes, ticks, docs, name = self.current()
        ctx = self.env.ctx

        def build() -> tuple[str, bool]:
            return (visits.packet_html(ctx, codes, ticks, docs, client_name=name),
                    settings.get_outlet(ctx).is_set)

        self.env.read(build, parent=self, key="visit-packet", on_done=self._show)

    def _show(self, built: tuple[str, bool]) -> None:
        self.html, self.outlet_set = built
        self.view.setHtml(self.html)

    def print_preview(self) -> None:
        if not self.html:
            return
        if not self.outlet_set and not outlet_ok(self.env, self):
            return
        doc = QTextDocument()
        doc.setHtml(self.html)
        if preview_document(doc, self, self.tr("材料包打印预览")):
            self.printed.emit()

    def reset(self) -> None:
        self.html = ""
        self.view.clear()
