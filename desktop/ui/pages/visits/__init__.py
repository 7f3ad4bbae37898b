"""接待登记: the visit log page (placeholder until the visit log lands)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.ui.env import UiEnv
from desktop.ui.widgets.placeholder import PlaceholderPage


def _tr(text: str) -> str:
    return QCoreApplication.translate("VisitsPage", text)


def create_page(env: UiEnv) -> QWidget:
    return PlaceholderPage(_tr("接待登记与统计"), [
        _tr("记录每一次咨询：来访客户、咨询事项、处理结果、所用时间"),
        _tr("按月、按事项、按园区统计服务量，导出报表"),
    ])
