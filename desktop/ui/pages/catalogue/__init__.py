"""服务事项: the catalogue page (browse, read a guide, tick materials, hand out the guide;
the administrator's editor, history and Excel import/export)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.ui.env import UiEnv
from desktop.ui.pages.catalogue.page import CataloguePage


def create_page(env: UiEnv) -> QWidget:
    return CataloguePage(env)


def screenshot_setup(page: CataloguePage, env: UiEnv) -> None:
    """A representative state: pledge registration selected, two materials ticked."""
    page.filter_edit.setText("zlzy")
    page.select("ZL-008")
    page.tick_material(0)
    page.tick_material(1)


__all__ = ["CataloguePage", "create_page", "screenshot_setup"]
