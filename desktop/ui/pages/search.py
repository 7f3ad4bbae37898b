"""检索: the local library search page (placeholder until the library lands)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.ui.env import UiEnv
from desktop.ui.pages.placeholder import PlaceholderPage


def _tr(text: str) -> str:
    return QCoreApplication.translate("SearchPage", text)


def create_page(env: UiEnv) -> QWidget:
    return PlaceholderPage(_tr("本地知识产权数据检索"), [
        _tr("导入专利清单（XLSX、CSV、CNKI导出）及政策法规文档"),
        _tr("中文全文检索，支持字段、短语、日期范围，申请号带不带校验位都能找到"),
        _tr("结果分面统计（申请人、IPC、年份、法律状态），导出为XLSX"),
    ])
