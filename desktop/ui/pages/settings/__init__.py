"""设置: language, the outlet's name and contact (printed on handouts), the data folder."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.ui.env import UiEnv
from desktop.ui.pages.settings.page import SettingsPage


def create_page(env: UiEnv) -> QWidget:
    return SettingsPage(env)


def screenshot_setup(page: SettingsPage, env: UiEnv) -> None:
    if not page.outlet_inputs["name"].text():
        for key, value in (("name", "山西转型综改示范区知识产权服务站"),
                           ("address", "太原市小店区龙盛街 示范区政务服务中心二层"),
                           ("phone", "0351-7654321"), ("hours", "工作日 9:00–17:00"),
                           ("officers", "张敏、李华")):
            page.outlet_inputs[key].setText(value)
        page.save_outlet()
