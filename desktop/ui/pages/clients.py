"""客户: client profiles (temporary placeholder, being built)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.ui.env import UiEnv
from desktop.ui.pages.placeholder import PlaceholderPage


def create_page(env: UiEnv) -> QWidget:
    return PlaceholderPage("客户档案", ["客户列表、检索、新增与编辑、Excel导入导出"])
