"""The search page's widgets: query row, filters, notice, progress, facets | results | detail."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTextBrowser,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.pages.search.model import ResultModel


class SearchLayout(QWidget):
    """The search page's widgets (a base of ``SearchPage``, which connects the slots)."""

    completer_model: QStringListModel

    def _build_layout(self) -> None:
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.query_box = QComboBox()
        self.query_box.setEditable(True)
        self.query_box.setObjectName("searchQuery")
        self.query_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.query_box.lineEdit().setPlaceholderText(
            self.tr("输入检索词、号码或检索式，如：煤炭清洁利用 申请日:2020..2023"))
        completer = QCompleter(self.completer_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.query_box.setCompleter(completer)
        top.addWidget(self.query_box, 1)
        self.search_button = QPushButton(self.tr("检索"))
        self.search_button.setObjectName("searchButton")
        top.addWidget(self.search_button)
        self.sort_box = QComboBox()
        self.sort_box.addItem(self.tr("按相关度"), "relevance")
        self.sort_box.addItem(self.tr("按日期（新→旧）"), "date")
        self.sort_box.addItem(self.tr("按日期（旧→新）"), "date_asc")
        top.addWidget(self.sort_box)
        self.help_button = QPushButton(self.tr("语法"))
        top.addWidget(self.help_button)
        self.import_button = QPushButton(self.tr("导入…"))
        self.import_button.setObjectName("importButton")
        top.addWidget(self.import_button)
        self.export_button = QPushButton(self.tr("导出XLSX…"))
        self.export_button.setObjectName("exportButton")
        top.addWidget(self.export_button)
        self.report_button = QPushButton(self.tr("专利导航报告…"))
        self.report_button.setObjectName("reportButton")
        self.report_button.setToolTip(self.tr("由当前检索结果生成专利导航报告（DOCX，附图表XLSX）"))
        top.addWidget(self.report_button)
        lay.addLayout(top)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("类型")))
        self.type_box = QComboBox()
        self.type_box.addItem(self.tr("全部"), "")
        self.type_box.addItem(self.tr("专利"), "patent")
        self.type_box.addItem(self.tr("文档"), "document")
        self.type_box.addItem(self.tr("服务事项"), "service_item")
        filters.addWidget(self.type_box)
        filters.addWidget(QLabel(self.tr("年份")))
        self.year_from = QSpinBox()
        self.year_to = QSpinBox()
        for box in (self.year_from, self.year_to):
            box.setRange(0, 2100)
            box.setSpecialValueText(self.tr("不限"))
            box.setValue(0)
            filters.addWidget(box)
        filters.addWidget(QLabel(self.tr("法律状态")))
        self.legal_box = QComboBox()
        self.legal_box.setEditable(True)
        self.legal_box.addItems(["", "有效", "失效", "审中"])
        filters.addWidget(self.legal_box)
        filters.addWidget(QLabel(self.tr("地区")))
        self.region_edit = QLineEdit()
        self.region_edit.setMaximumWidth(100)
        filters.addWidget(self.region_edit)
        filters.addWidget(QLabel(self.tr("来源")))
        self.collection_box = QComboBox()
        self.collection_box.addItem(self.tr("全部"), "")
        filters.addWidget(self.collection_box)
        self.clear_button = QPushButton(self.tr("清除筛选"))
        filters.addWidget(self.clear_button)
        filters.addStretch(1)
        lay.addLayout(filters)

        self.notice = QLabel("")
        self.notice.setObjectName("searchNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #8a5300")
        self.notice.setVisible(False)
        lay.addWidget(self.notice)

        progress_row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("取消导入"))
        self.cancel_button.setVisible(False)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        lay.addLayout(progress_row)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.facets = QTreeWidget()
        self.facets.setHeaderLabels([self.tr("分面（点击筛选）"), self.tr("数量")])
        self.facets.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.facets.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.facets.header().setStretchLastSection(False)
        split.addWidget(self.facets)
        self.model = ResultModel(self)
        self.table = QTableView()
        self.table.setObjectName("searchResults")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(1, 320)
        split.addWidget(self.table)
        self.detail = QTextBrowser()
        self.detail.setObjectName("searchDetail")
        self.detail.setOpenExternalLinks(False)
        split.addWidget(self.detail)
        split.setSizes([220, 640, 380])
        lay.addWidget(split, 1)
        self.status = QLabel("")
        lay.addWidget(self.status)
