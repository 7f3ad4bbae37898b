"""新接待: the one-stop visit (placeholder until it lands)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.ui.env import UiEnv
from desktop.ui.widgets.placeholder import PlaceholderPage


def _tr(text: str) -> str:
    return QCoreApplication.translate("VisitFlowPage", text)


def create_page(env: UiEnv) -> QWidget:
    return PlaceholderPage(_tr("新接待"), [_tr("一站式接待：客户、需求、指南、表单、材料包")])
