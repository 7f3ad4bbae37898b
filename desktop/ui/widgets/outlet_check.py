"""Until the outlet is set, exports warn before writing (its block would print empty)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.ui.env import UiEnv


def outlet_ok(env: UiEnv, parent: QWidget) -> bool:
    """True to go on: the outlet is set (or not yet known), or the officer chose to."""
    if env.outlet_set is not False:
        return True
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("OutletCheck", "网点信息未设置"),
        QCoreApplication.translate(
            "OutletCheck", "尚未填写服务网点信息（名称、地址、电话），导出的文件上将没有网点信息。"
            "可在“工作台”或“设置”中填写。仍要继续吗？"))
    return answer == QMessageBox.StandardButton.Yes
