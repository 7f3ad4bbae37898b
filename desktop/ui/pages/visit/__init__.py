"""新接待: the one-stop visit (client → need → guides → forms → packet → save)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.ui.env import UiEnv
from desktop.ui.pages.visit.page import VisitFlowPage


def create_page(env: UiEnv) -> QWidget:
    return VisitFlowPage(env)
