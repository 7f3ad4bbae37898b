"""Under the guide's FAQ: the model answers (范例答复) officers starred for the item, read
from the visit log off the GUI thread and read again when a visits notice arrives."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from desktop.ui.env import UiEnv
from desktop.visits import api as visits
from desktop.visits.api import KnownAnswer


class ModelAnswers(QWidget):
    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.code: str | None = None
        self.answers: list[KnownAnswer] = []
        self.loaded_code: str | None = None  # the item whose answers are shown (tests)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        lay.addWidget(self.heading)
        self.view = QTextBrowser()
        self.view.setObjectName("model_answers")
        lay.addWidget(self.view, 1)
        self.setVisible(False)

    def show_for(self, code: str | None) -> None:
        self.code = code
        if code is None:
            self._show(None, [])
            return
        ctx = self.env.ctx
        self.env.read(lambda: visits.model_answers(ctx, code), parent=self,
                      key="catalogue.model_answers",
                      on_done=lambda found: self._show(code, found))

    def refresh(self) -> None:
        self.show_for(self.code)

    def _show(self, code: str | None, found: list[KnownAnswer]) -> None:
        if code != self.code:
            return
        self.answers, self.loaded_code = found, code
        self.setVisible(bool(found))
        self.heading.setText("<b>" + self.tr("范例答复（{n}条，来自以往接待）")
                             .replace("{n}", str(len(found))) + "</b>")
        e = html.escape
        asked, answered = e(self.tr("问")), e(self.tr("答"))
        self.view.setHtml("".join(
            f"<p><b>{asked}：</b>{e(a.question)}<br>"
            f"<b>{answered}：</b>{e(a.answer)}<br>"
            f"<span style='color:#777'>{e(a.date.isoformat())} · #{a.visit_id}</span></p>"
            for a in found))
