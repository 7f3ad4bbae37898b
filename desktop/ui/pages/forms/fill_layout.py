"""The forms page's 填写 tab: title, client picker, the fields, summary and output buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)


class FillLayout(QWidget):
    """A base of ``FormsPage``: the fill tab's widgets (the page connects them)."""

    def _build_fill_tab(self) -> QWidget:
        tab = QWidget()
        lay = QVBoxLayout(tab)
        self.title_label = QLabel(self.tr("请在左侧选择表单"))
        self.title_label.setStyleSheet("font-size: 17px; font-weight: bold;")
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setStyleSheet("color: #444;")
        client_row = QHBoxLayout()
        self.client_search = QLineEdit()
        self.client_search.setObjectName("client_search")
        self.client_search.setPlaceholderText(self.tr("查找客户（名称、代码、电话）"))
        self.client_search.setMinimumWidth(120)
        self._select_client_after_reload: int | None = None
        self.clients_loaded = False
        self.client_combo = QComboBox()
        self.client_combo.setObjectName("client_combo")
        self.client_combo.setMinimumWidth(160)
        self.prefill_button = QPushButton(self.tr("用客户信息填写"))
        self.prefill_button.setObjectName("prefill_button")
        self.clear_button = QPushButton(self.tr("清空"))
        self.example_button = QPushButton(self.tr("填入示例"))
        client_row.addWidget(QLabel(self.tr("客户：")))
        client_row.addWidget(self.client_search)
        client_row.addWidget(self.client_combo, 1)
        client_row.addWidget(self.prefill_button)
        client_row.addWidget(self.example_button)
        client_row.addWidget(self.clear_button)
        self.fields_scroll = QScrollArea()
        self.fields_scroll.setWidgetResizable(True)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        actions = QHBoxLayout()
        self.preview_button = QPushButton(self.tr("预览"))
        self.docx_button = QPushButton(self.tr("生成Word文档"))
        self.docx_button.setObjectName("docx_button")
        self.xlsx_button = QPushButton(self.tr("生成Excel表格"))
        self.xlsx_button.setObjectName("xlsx_button")
        self.folder_button = QPushButton(self.tr("输出文件夹…"))
        self.open_folder_button = QPushButton(self.tr("打开文件夹"))
        self.open_file_button = QPushButton(self.tr("打开文档"))
        self.print_button = QPushButton(self.tr("打印"))
        self.batch_template_button = QPushButton(self.tr("批量模板…"))
        self.batch_template_button.setToolTip(self.tr("保存一个Excel表格：每行一份，填好后用“批量生成”"))
        self.batch_button = QPushButton(self.tr("批量生成…"))
        self.batch_button.setToolTip(self.tr("按Excel表格每行生成一份文档"))
        # two rows, so the page fits a 1024-pixel-wide screen
        for b in (self.preview_button, self.docx_button, self.xlsx_button, self.print_button):
            actions.addWidget(b)
        actions.addStretch(1)
        self.folder_label = QLabel()
        self.folder_label.setStyleSheet("color: #666;")
        # a long folder path must not widen the page (the full path is in the tooltip)
        self.folder_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        folder_row = QHBoxLayout()
        for b in (self.folder_button, self.open_folder_button, self.open_file_button):
            folder_row.addWidget(b)
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.batch_template_button)
        folder_row.addWidget(self.batch_button)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.title_label)
        lay.addWidget(self.description)
        lay.addLayout(client_row)
        lay.addWidget(self.fields_scroll, 1)
        lay.addWidget(self.summary)
        lay.addLayout(actions)
        lay.addLayout(folder_row)
        lay.addWidget(self.status)
        return tab


    def _set_enabled(self, on: bool) -> None:
        for w in (self.prefill_button, self.preview_button, self.docx_button, self.xlsx_button,
                  self.print_button, self.clear_button, self.example_button,
                  self.batch_template_button, self.batch_button):
            w.setEnabled(on)

