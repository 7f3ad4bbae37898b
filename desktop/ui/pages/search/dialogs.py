"""Dialogs of the search page: column mapping for unrecognised sheets, the import report and
the query-language help.  All open non-blocking (``open()``) so tests can drive them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.library.api import FIELDS, ColumnPlan, ImportReport

KEEP = "__keep__"
IGNORE = ""



class ColumnMappingDialog(QDialog):
    """Say which column holds what, for a sheet whose headers were not recognised."""

    def __init__(self, file_name: str, plan: ColumnPlan, lang: str = "zh",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("SearchDialogs", "指定列对应关系"))
        self.plan = plan
        lay = QVBoxLayout(self)
        intro = QLabel(QCoreApplication.translate(
            "SearchDialogs", "无法自动识别“%1”的列。请为每一列选择对应的字段（至少指定“名称”）：")
            .replace("%1", file_name))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.table = QTableWidget(len(plan.headers), 3)
        self.table.setHorizontalHeaderLabels([
            QCoreApplication.translate("SearchDialogs", "表头"),
            QCoreApplication.translate("SearchDialogs", "示例"),
            QCoreApplication.translate("SearchDialogs", "对应字段"),
        ])
        self.combos: list[QComboBox] = []
        for i, head in enumerate(plan.headers):
            self.table.setItem(i, 0, QTableWidgetItem(head or QCoreApplication.translate("SearchDialogs", "（空）")))
            sample = next((str(r[i]) for r in plan.sample if i < len(r) and r[i] not in (None, "")),
                          "")
            self.table.setItem(i, 1, QTableWidgetItem(sample[:40]))
            combo = QComboBox()
            combo.addItem(QCoreApplication.translate("SearchDialogs", "保留为附加字段"), KEEP)
            combo.addItem(QCoreApplication.translate("SearchDialogs", "忽略此列"), IGNORE)
            for name, (zh, en) in FIELDS.items():
                combo.addItem(zh if lang == "zh" else en, name)
            current = plan.fields[i] if i < len(plan.fields) else None
            if current:
                combo.setCurrentIndex(combo.findData(current))
            self.combos.append(combo)
            self.table.setCellWidget(i, 2, combo)
        self.table.resizeColumnsToContents()
        lay.addWidget(self.table)
        self.save_box = QCheckBox(QCoreApplication.translate(
            "SearchDialogs", "保存此对应关系，下次导入同样表头的文件时自动使用"))
        self.save_box.setChecked(True)
        lay.addWidget(self.save_box)
        self.hint = QLabel("")
        self.hint.setStyleSheet("color: #b00020")
        lay.addWidget(self.hint)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.resize(640, 420)

    def set_field(self, header: str, field: str) -> None:
        i = self.plan.headers.index(header)
        self.combos[i].setCurrentIndex(self.combos[i].findData(field))

    def mapping(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for head, combo in zip(self.plan.headers, self.combos, strict=False):
            value = combo.currentData()
            if value != KEEP and head:
                out[head] = value
        return out

    def _accept(self) -> None:
        values = list(self.mapping().values())
        if "title" not in values:
            self.hint.setText(QCoreApplication.translate("SearchDialogs", "请至少指定哪一列是“名称”。"))
            return
        dupes = {v for v in values if v and values.count(v) > 1}
        if dupes:
            self.hint.setText(QCoreApplication.translate("SearchDialogs", "同一字段被指定给了多列：") + "、".join(
                FIELDS[d][0] for d in dupes))
            return
        self.accept()


class ImportReportDialog(QDialog):
    def __init__(self, report: ImportReport, lang: str = "zh",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("SearchDialogs", "导入报告"))
        lay = QVBoxLayout(self)
        self.summary = QLabel(report.summary(lang))
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        lines = report.lines(lang, limit=2000)[1:]
        self.details.setPlainText("\n".join(lines) if lines else QCoreApplication.translate(
            "SearchDialogs", "所有行均已导入，没有问题。"))
        lay.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.accept)
        buttons.accepted.connect(self.accept)
        lay.addWidget(buttons)
        self.resize(620, 380)


def query_help_html() -> str:
    rows = [
        ("锂电池 正极", QCoreApplication.translate("SearchDialogs", "同时包含这些词（名称、摘要、申请人、发明人中）")),
        ("锂电池 OR 钠电池", QCoreApplication.translate("SearchDialogs", "包含任一词")),
        ("电池 NOT 汽车 / 电池 -汽车", QCoreApplication.translate("SearchDialogs", "排除含“汽车”的记录")),
        ("\"锂离子电池正极\"", QCoreApplication.translate("SearchDialogs", "短语：这些词按此顺序相连")),
        ("(煤 OR 焦炭) 液化", QCoreApplication.translate("SearchDialogs", "括号分组")),
        ("名称: 摘要: 申请人: 发明人:",
         QCoreApplication.translate("SearchDialogs", "只在某字段中查找，如 申请人:华为")),
        ("IPC:H01M  IPC:H01M10/0525",
         QCoreApplication.translate("SearchDialogs", "IPC分类号（小类、大组或完整分类号）")),
        ("申请号:  公开号:",
         QCoreApplication.translate("SearchDialogs", "号码：带不带CN/ZL、空格、小数点或校验位均可；直接输入号码也可")),
        ("法律状态:有效  类型:发明  类型:文档  地区:山西  来源:清单名",
         QCoreApplication.translate("SearchDialogs", "按属性筛选")),
        ("申请日:2020..2023  公开日:2021-06..  年份:2022",
         QCoreApplication.translate("SearchDialogs", "日期范围（年、年-月或完整日期）")),
    ]
    body = "".join(f"<tr><td><code>{q}</code></td><td>{d}</td></tr>" for q, d in rows)
    title = QCoreApplication.translate("SearchDialogs", "检索语法")
    note = QCoreApplication.translate("SearchDialogs",
                                      "语法有误（如引号或括号不成对）时，自动按普通词语检索并给出提示。")
    return f"<h3>{title}</h3><table cellspacing=6>{body}</table><p>{note}</p>"


class QueryHelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("SearchDialogs", "检索语法"))
        lay = QVBoxLayout(self)
        view = QTextBrowser()
        view.setHtml(query_help_html())
        lay.addWidget(view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.accept)
        lay.addWidget(buttons)
        self.resize(640, 420)
