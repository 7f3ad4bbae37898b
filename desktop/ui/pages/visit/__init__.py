"""新接待: the one-stop visit (client → need → guides → forms → packet → save)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.ui.env import UiEnv
from desktop.ui.pages.visit.page import VisitFlowPage


def create_page(env: UiEnv) -> QWidget:
    return VisitFlowPage(env)


def screenshot_setup(page: VisitFlowPage, env: UiEnv) -> None:
    """A visit at step 2: a need typed, the suggestions shown."""
    page.touch()
    page.go(1)
    page.need_step.need.setPlainText("我们公司想拿专利去银行贷款")
    page.need_step.suggest()
