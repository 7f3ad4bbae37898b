"""服务事项: the service catalogue page (placeholder until the catalogue lands)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.ui.env import UiEnv
from desktop.ui.pages.placeholder import PlaceholderPage


def _tr(text: str) -> str:
    return QCoreApplication.translate("CataloguePage", text)


def create_page(env: UiEnv) -> QWidget:
    return PlaceholderPage(_tr("服务事项与办事指南"), [
        _tr("按类别和服务对象浏览全部公共服务事项，输入汉字、拼音首字母或事项编码即时筛选"),
        _tr("办事指南：受理条件、申请材料清单（可勾选）、办理流程、时限、收费、办理地点、设定依据"),
        _tr("打印或导出办事指南（DOCX），可多个事项合并"),
        _tr("从Excel导入更新事项清单，先显示差异再应用，保留历史版本"),
    ])
