"""客户: the client profiles page (table, add/edit dialog, XLSX import and export)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.clients import api as clients
from desktop.clients.api import ClientData
from desktop.ui.env import UiEnv
from desktop.ui.pages.clients.page import ClientsPage


def create_page(env: UiEnv) -> QWidget:
    return ClientsPage(env)


def screenshot_setup(page: ClientsPage, env: UiEnv) -> None:
    """Fill a few realistic clients for the README screenshot."""
    if clients.count_clients(env.ctx):
        return
    for data in (
        ClientData(name="山西清洁能源装备有限公司", id_number="91350200776049653A",
                   contact_person="王工", phone="13812345678", region="山西转型综改示范区",
                   industry="新能源装备"),
        ClientData(name="太原理工大学技术转移中心", kind="university", contact_person="李老师",
                   phone="0351-6014567", region="太原市万柏林区", industry="高等教育"),
        ClientData(name="晋中沁州黄小米合作社", kind="enterprise",
                   id_number="91440101MA5CJQ4N59", contact_person="赵经理",
                   phone="0354-3012345", region="晋中国家农高区", industry="农产品加工"),
    ):
        env.notices.publish(clients.save_client(env.ctx, data).changes)
