"""表单: the form generators page (placeholder until the forms land)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.ui.env import UiEnv
from desktop.ui.pages.placeholder import PlaceholderPage


def _tr(text: str) -> str:
    return QCoreApplication.translate("FormsPage", text)


def create_page(env: UiEnv) -> QWidget:
    return PlaceholderPage(_tr("常用申请表单"), [
        _tr("专利权质押登记、许可合同备案、开放许可声明、费用减缴、商标注册、软件著作权登记等"),
        _tr("选择客户自动填写，逐项校验，生成DOCX/XLSX并可打印"),
        _tr("已生成文档留档，可再次打开修改"),
    ])
