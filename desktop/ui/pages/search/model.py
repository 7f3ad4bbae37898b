"""The result table's model: rows fetched lazily from an open result set, a page at a time,
so 100,000 hits scroll smoothly."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from desktop.library.api import Hit, ResultSet

Index = QModelIndex | QPersistentModelIndex



class ResultModel(QAbstractTableModel):
    PAGE = 200

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.results: ResultSet | None = None
        self._rows: list[Hit] = []
        self.columns = [
            ("type", QCoreApplication.translate("SearchResultModel", "类型")),
            ("title", QCoreApplication.translate("SearchResultModel", "名称")),
            ("application_number", QCoreApplication.translate("SearchResultModel", "申请号")),
            ("publication_number", QCoreApplication.translate("SearchResultModel", "公开（公告）号")),
            ("date", QCoreApplication.translate("SearchResultModel", "日期")),
            ("applicants", QCoreApplication.translate("SearchResultModel", "申请人")),
            ("ipc", QCoreApplication.translate("SearchResultModel", "IPC")),
            ("legal_status", QCoreApplication.translate("SearchResultModel", "法律状态")),
            ("score", QCoreApplication.translate("SearchResultModel", "相关度")),
        ]
        self.type_names = {
            "patent": QCoreApplication.translate("SearchResultModel", "专利"),
            "document": QCoreApplication.translate("SearchResultModel", "文档"),
            "service_item": QCoreApplication.translate("SearchResultModel",
                                                       "服务事项"),
        }

    # -- data source -----------------------------------------------------------------
    def set_results(self, results: ResultSet | None, first: list[Hit] | None = None) -> None:
        """Show ``results``; ``first`` is its first page when already fetched (in the
        background), else it is fetched now."""
        self.beginResetModel()
        self.results = results
        if results is None:
            self._rows = []
        else:
            self._rows = first if first is not None else results.hits(0, self.PAGE)
        self.endResetModel()

    @property
    def total(self) -> int:
        return self.results.total if self.results is not None else 0

    def hit(self, row: int) -> Hit | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # -- lazy fetching ---------------------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self.results is None:
            return
        start = len(self._rows)
        more = self.results.hits(start, self.PAGE)
        if not more:
            return
        self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    # -- table -----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section][1]
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        hit = self._rows[index.row()]
        key = self.columns[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            value = getattr(hit, key)
            if key == "type":
                return self.type_names.get(value, value)
            if key == "title" and hit.section and hit.type == "document" \
                    and hit.section not in hit.title:
                return f"{hit.title}（{hit.section}）"
            if isinstance(value, list):
                return "; ".join(value)
            if key == "score" and value is not None:
                return f"{value:.2f}"
            return value
        if role == Qt.ItemDataRole.ToolTipRole and key in ("title", "applicants"):
            return hit.snippet or hit.title
        return None
