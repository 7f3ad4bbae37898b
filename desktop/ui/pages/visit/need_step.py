"""Step 2 of a visit: the need in the visitor's own words, with suggested service items
(ranked by the catalogue's matcher) and answers given to similar questions before."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.catalogue import api as catalogue
from desktop.ui.env import UiEnv
from desktop.visits import api as visits


class NeedStep(QWidget):
    changed = Signal()

    def __init__(self, env: UiEnv) -> None:
        super().__init__()
        self.env = env
        self.checked: dict[str, str] = {}  # code -> title, in the order ticked
        self.suggested = False  # a suggestion has been shown (for tests and the status)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel("<h3>" + self.tr("2. 来访需求") + "</h3>"))
        self.need = QPlainTextEdit()
        self.need.setObjectName("visit_need")
        self.need.setPlaceholderText(self.tr("按来访者的原话记录需求，例如“我们公司想拿专利去银行贷款”"))
        self.need.setMaximumHeight(110)
        lay.addWidget(self.need)
        lay.addWidget(QLabel(self.tr("建议的服务事项（勾选本次涉及的事项）：")))
        self.items = QListWidget()
        self.items.setObjectName("visit_suggestions")
        lay.addWidget(self.items, 2)
        lay.addWidget(QLabel(self.tr("以往类似咨询的答复：")))
        self.answers = QListWidget()
        self.answers.setObjectName("visit_known_answers")
        self.answers.setWordWrap(True)
        lay.addWidget(self.answers, 1)
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.suggest)
        self.need.textChanged.connect(self._timer.start)
        self.items.itemChanged.connect(self._ticked)

    def text(self) -> str:
        return self.need.toPlainText().strip()

    def suggest(self) -> None:
        ctx, text = self.env.ctx, self.text()
        if not text:
            return

        def find() -> tuple[list[Any], list[Any]]:
            return (catalogue.suggest_items(ctx, text, limit=8),
                    visits.ask(ctx, text, limit=3))

        self.env.read(find, parent=self, key="visit-suggest", on_done=self._show)

    def _show(self, found: tuple[list[Any], list[Any]]) -> None:
        suggestions, answers = found
        self.items.blockSignals(True)
        self.items.clear()
        shown = set()
        for code, title in self.checked.items():  # ticked items stay on top
            self._add(code, title, "", checked=True)
            shown.add(code)
        for s in suggestions:
            if s.code not in shown:
                self._add(s.code, s.title, "、".join(s.why[:3]), checked=False)
        self.items.blockSignals(False)
        self.answers.clear()
        for a in answers:
            star = "★ " if a.model else ""
            it = QListWidgetItem(f"{star}{a.date:%Y-%m-%d}  {self.tr('问：')}{a.question}\n"
                                 f"{self.tr('答：')}{a.answer}")
            it.setData(Qt.ItemDataRole.UserRole, a.visit_id)
            self.answers.addItem(it)
        self.suggested = True

    def _add(self, code: str, title: str, why: str, *, checked: bool) -> None:
        it = QListWidgetItem(f"{code}  {title}" + (f"    （{why}）" if why else ""))
        it.setData(Qt.ItemDataRole.UserRole, (code, title))
        it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        it.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.items.addItem(it)

    def _ticked(self, it: QListWidgetItem) -> None:
        code, title = it.data(Qt.ItemDataRole.UserRole)
        if it.checkState() == Qt.CheckState.Checked:
            self.checked[code] = title
        else:
            self.checked.pop(code, None)
        self.changed.emit()

    def tick(self, code: str) -> bool:
        """Tick suggestion ``code``; False when it is not in the list."""
        for i in range(self.items.count()):
            it = self.items.item(i)
            if it.data(Qt.ItemDataRole.UserRole)[0] == code:
                it.setCheckState(Qt.CheckState.Checked)
                return True
        return False

    def codes(self) -> list[str]:
        return list(self.checked)

    def reset(self) -> None:
        self.checked = {}
        self.need.blockSignals(True)
        self.need.clear()
        self.need.blockSignals(False)
        self.items.clear()
        self.answers.clear()
        self.suggested = False
