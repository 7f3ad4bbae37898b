"""表单: the forms page (pick, pre-fill, validate, preview, generate, batch, history)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.ui.env import UiEnv
from desktop.ui.pages.forms.page import FormsPage


def create_page(env: UiEnv) -> QWidget:
    return FormsPage(env)


def screenshot_setup(page: FormsPage, env: UiEnv) -> None:
    """A representative state: the pledge form filled with its example."""
    if page.registry is not None:
        page.select_form("patent_pledge", dict(page.registry.get("patent_pledge").spec.example))


__all__ = ["FormsPage", "create_page", "screenshot_setup"]
