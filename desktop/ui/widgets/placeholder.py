"""A page that is not built yet says what it will hold."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderPage(QWidget):
    def __init__(self, title: str, lines: list[str]) -> None:
        super().__init__()
        lay = QVBoxLayout(self)
        head = QLabel(f"<h2>{title}</h2>")
        lay.addWidget(head)
        body = QLabel("<p>" + self.tr("此页面将在后续版本中提供：") + "</p><ul>"
                      + "".join(f"<li>{line}</li>" for line in lines) + "</ul>")
        body.setWordWrap(True)
        body.setTextFormat(Qt.TextFormat.RichText)
        lay.addWidget(body)
        lay.addStretch(1)
