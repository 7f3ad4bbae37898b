"""A page whose content scrolls where the screen is small (1024×768)."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget


def scrolling_layout(page: QWidget) -> QVBoxLayout:
    """Give ``page`` a frameless scroll area; returns the layout to fill inside it."""
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    outer.addWidget(scroll)
    inner = QWidget()
    scroll.setWidget(inner)
    return QVBoxLayout(inner)
