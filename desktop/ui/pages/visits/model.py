"""The visit table's Qt model: one row per visit, vocabulary shown as labels."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from desktop.visits import api as visits
from desktop.visits.api import VisitData

COLUMNS = ("started_at", "client", "officer", "channel", "topics", "items", "outcome",
           "follow_up", "satisfaction", "question")
_Index = QModelIndex | QPersistentModelIndex
_NO_PARENT = QModelIndex()


def excerpt(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat[:limit] + ("…" if len(flat) > limit else "")


class VisitTableModel(QAbstractTableModel):
    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang
        self.rows: list[VisitData] = []
        self.headers = [self.tr("接待时间"), self.tr("客户"), self.tr("接待人"), self.tr("渠道"),
                        self.tr("咨询主题"), self.tr("服务事项"), self.tr("结果"),
                        self.tr("跟进"), self.tr("满意度"), self.tr("咨询内容")]

    def set_rows(self, rows: list[VisitData]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = _NO_PARENT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = _NO_PARENT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def text(self, v: VisitData, key: str) -> str:
        lang = self.lang
        if key == "started_at":
            return f"{v.started_at:%Y-%m-%d %H:%M}" if v.started_at else ""
        if key == "client":
            return v.client_name or (self.tr("（匿名）") if not v.anonymised
                                     else self.tr("（已匿名化）"))
        if key == "channel":
            return visits.label("channel", v.channel, lang)
        if key == "topics":
            return "、".join(visits.label("topic", t, lang) for t in v.topics)
        if key == "items":
            return "、".join(v.items)
        if key == "outcome":
            if not v.outcome:
                return ""
            text = visits.label("outcome", v.outcome, lang)
            return text.rstrip("…") + v.referred_to if v.outcome == "referred" \
                and v.referred_to else text
        if key == "follow_up":
            if v.follow_up is None:
                return ""
            return f"{v.follow_up:%Y-%m-%d}" + (self.tr("（已跟进）") if v.follow_up_done else "")
        if key == "satisfaction":
            return visits.label("satisfaction", v.satisfaction, lang) if v.satisfaction else ""
        if key == "question":
            return excerpt(v.question)
        return str(getattr(v, key, "") or "")

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        v = self.rows[index.row()]
        key = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(v, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return v.question if key == "question" else self.text(v, key)
        if role == Qt.ItemDataRole.ForegroundRole and key == "follow_up" and v.follow_up_open:
            return QColor("#b3261e")
        if role == Qt.ItemDataRole.UserRole:
            return v.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None
