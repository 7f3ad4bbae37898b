"""工作台: the start page (first in the sidebar; the app opens on it)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.ui.env import UiEnv
from desktop.ui.pages.home.page import HomePage


def create_page(env: UiEnv) -> QWidget:
    return HomePage(env)
