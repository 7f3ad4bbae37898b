"""工作台: the start page (placeholder until it lands)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.ui.env import UiEnv
from desktop.ui.widgets.placeholder import PlaceholderPage


def _tr(text: str) -> str:
    return QCoreApplication.translate("HomePage", text)


def create_page(env: UiEnv) -> QWidget:
    return PlaceholderPage(_tr("工作台"), [_tr("今日接待、待跟进事项与本月统计")])
