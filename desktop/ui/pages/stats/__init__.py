"""统计: the statistics dashboard (placeholder until it lands)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.ui.env import UiEnv
from desktop.ui.widgets.placeholder import PlaceholderPage


def _tr(text: str) -> str:
    return QCoreApplication.translate("StatsPage", text)


def create_page(env: UiEnv) -> QWidget:
    return PlaceholderPage(_tr("统计"), [_tr("按月、主题、渠道统计服务量")])
