"""Editors for form fields, built from a field spec, each with a problem label beneath.

Every editor has ``value()`` (what the user entered, as the core's validation expects it),
``set_value(v)`` and a ``changed`` signal; :class:`FormEditor` lays them out by section
and shows each field's problems next to it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import FieldProblem
from desktop.forms.api import FieldSpec, FormSpec

ERROR_STYLE = "color: #b00020;"
WARN_STYLE = "color: #a15c00;"
BAD_CELL = QColor("#fde0e0")


def placeholder(kind: str) -> str:
    """The hint shown in an empty field of ``kind``."""
    texts = {
        "date": QCoreApplication.translate("FormEditor", "如 2026-03-31"),
        "money": QCoreApplication.translate("FormEditor", "如 500000 或 50万"),
        "appno": QCoreApplication.translate("FormEditor", "如 201710601862.3"),
        "pubno": QCoreApplication.translate("FormEditor", "如 CN102822194A"),
        "uscc": QCoreApplication.translate("FormEditor", "18位统一社会信用代码"),
        "idcard": QCoreApplication.translate("FormEditor", "18位身份证号"),
        "partyid": QCoreApplication.translate("FormEditor", "统一社会信用代码或身份证号"),
        "phone": QCoreApplication.translate("FormEditor", "手机11位或座机带区号"),
        "postcode": QCoreApplication.translate("FormEditor", "6位数字"),
        "email": "name@example.cn",
        "nice": "1–45",
        "ipc": QCoreApplication.translate("FormEditor", "如 H01M 10/0525"),
    }
    return texts.get(kind, "")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else ""
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    return str(value)


class Editor(QObject):
    changed = Signal()

    def __init__(self, spec: FieldSpec, lang: str) -> None:
        super().__init__()
        self.spec = spec
        self.lang = lang
        self.widget: QWidget = QWidget()

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def show_problems(self, problems: list[FieldProblem]) -> None:
        """Rows editors mark the cells at fault; others need nothing more."""


class LineEditor(Editor):
    def __init__(self, spec: FieldSpec, lang: str) -> None:
        super().__init__(spec, lang)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(spec.placeholder or placeholder(spec.type))
        if spec.max_length:
            self.edit.setMaxLength(spec.max_length + 50)  # let the counter explain overruns
        self.edit.textChanged.connect(self.changed)
        self.widget = self.edit

    def value(self) -> Any:
        return self.edit.text()

    def set_value(self, value: Any) -> None:
        self.edit.setText(_text(value))


class TextEditor(Editor):
    def __init__(self, spec: FieldSpec, lang: str) -> None:
        super().__init__(spec, lang)
        self.widget = QWidget()
        lay = QVBoxLayout(self.widget)
        lay.setContentsMargins(0, 0, 0, 0)
        self.edit = QPlainTextEdit()
        self.edit.setPlaceholderText(spec.placeholder)
        self.edit.setFixedHeight(90)
        self.counter = QLabel()
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        lay.addWidget(self.edit)
        lay.addWidget(self.counter)
        self.edit.textChanged.connect(self._count)
        self.edit.textChanged.connect(self.changed)
        self._count()

    def _count(self) -> None:
        n = len(self.edit.toPlainText().strip())
        limit = self.spec.max_length
        self.counter.setText(f"{n}/{limit}" if limit else str(n))
        self.counter.setStyleSheet(ERROR_STYLE if limit and n > limit else "color: #666;")

    def value(self) -> Any:
        return self.edit.toPlainText()

    def set_value(self, value: Any) -> None:
        self.edit.setPlainText(_text(value))


class ChoiceEditor(Editor):
    def __init__(self, spec: FieldSpec, lang: str) -> None:
        super().__init__(spec, lang)
        self.combo = QComboBox()
        self.combo.addItem("", None)
        for c in spec.choices:
            shown = c.value if lang == "zh" or not c.en else f"{c.en} ({c.value})"
            self.combo.addItem(shown, c.value)
        self.combo.currentIndexChanged.connect(self.changed)
        self.widget = self.combo

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        i = self.combo.findData(value)
        if i < 0 and value:
            for k in range(self.combo.count()):  # English keys are accepted too
                c = next((c for c in self.spec.choices if c.value == self.combo.itemData(k)),
                         None)
                if c and c.en and c.en == value:
                    i = k
        self.combo.setCurrentIndex(max(i, 0))


class MultiChoiceEditor(Editor):
    def __init__(self, spec: FieldSpec, lang: str) -> None:
        super().__init__(spec, lang)
        self.widget = QWidget()
        lay = QHBoxLayout(self.widget)
        lay.setContentsMargins(0, 0, 0, 0)
        self.boxes: list[tuple[str, QCheckBox]] = []
        for c in spec.choices:
            box = QCheckBox(c.value if lang == "zh" or not c.en else c.en)
            box.toggled.connect(self.changed)
            lay.addWidget(box)
            self.boxes.append((c.value, box))
        lay.addStretch(1)

    def value(self) -> Any:
        return [v for v, box in self.boxes if box.isChecked()]

    def set_value(self, value: Any) -> None:
        chosen = set(value or []) if isinstance(value, list) else \
            {p.strip() for p in _text(value).replace("；", "、").split("、")}
        for v, box in self.boxes:
            box.setChecked(v in chosen)


class BoolEditor(Editor):
    def __init__(self, spec: FieldSpec, lang: str) -> None:
        super().__init__(spec, lang)
        self.box = QCheckBox(spec.label if lang == "zh" else spec.label_en)
        self.box.toggled.connect(self.changed)
        self.widget = self.box

    def value(self) -> Any:
        return self.box.isChecked()

    def set_value(self, value: Any) -> None:
        self.box.setChecked(value is True or _text(value) in ("是", "true", "1", "True"))


class RowsEditor(Editor):
    """A table: one row per item (e.g. each pledged patent), with add/remove buttons."""

    def __init__(self, spec: FieldSpec, lang: str) -> None:
        super().__init__(spec, lang)
        self.widget = QWidget()
        lay = QVBoxLayout(self.widget)
        lay.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, len(spec.columns))
        self.table.setHorizontalHeaderLabels(
            [(c.label if lang == "zh" else c.label_en) + (" *" if c.required else "")
             for c in spec.columns])
        for i, c in enumerate(spec.columns):
            item = self.table.horizontalHeaderItem(i)
            if item is not None:
                item.setToolTip((c.help if lang == "zh" else c.help_en) or
                                placeholder(c.type))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(120)
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("添加一行"))
        self.remove_button = QPushButton(self.tr("删除选中行"))
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        lay.addWidget(self.table)
        lay.addLayout(buttons)

    def add_row(self) -> int:
        self.table.blockSignals(True)
        row = self.table.rowCount()
        self.table.insertRow(row)
        for col in range(len(self.spec.columns)):
            self.table.setItem(row, col, QTableWidgetItem(""))
        self.table.blockSignals(False)
        self.changed.emit()
        return row

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for r in rows:
            self.table.removeRow(r)
        self.changed.emit()

    def set_cell(self, row: int, col_id: str, text: str) -> None:
        col = [c.id for c in self.spec.columns].index(col_id)
        item = self.table.item(row, col)
        if item is None:
            self.table.setItem(row, col, QTableWidgetItem(text))
        else:
            item.setText(text)

    def value(self) -> Any:
        rows = []
        for r in range(self.table.rowCount()):
            row = {}
            for k, c in enumerate(self.spec.columns):
                item = self.table.item(r, k)
                row[c.id] = item.text() if item is not None else ""
            rows.append(row)
        return rows

    def set_value(self, value: Any) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for row in value if isinstance(value, list) else []:
            r = self.table.rowCount()
            self.table.insertRow(r)
            for k, c in enumerate(self.spec.columns):
                self.table.setItem(r, k, QTableWidgetItem(_text(row.get(c.id))
                                                          if isinstance(row, dict) else ""))
        self.table.blockSignals(False)
        self.changed.emit()

    def show_problems(self, problems: list[FieldProblem]) -> None:
        self.table.blockSignals(True)
        bad: set[tuple[int, str]] = set()
        for p in problems:
            if "[" in p.field and "]." in p.field:
                idx, _, col = p.field.split("[", 1)[1].partition("].")
                if idx.isdigit():
                    bad.add((int(idx) - 1, col))
        for r in range(self.table.rowCount()):
            for k, c in enumerate(self.spec.columns):
                item = self.table.item(r, k)
                if item is not None:
                    item.setBackground(QBrush(BAD_CELL) if (r, c.id) in bad else QBrush())
        self.table.blockSignals(False)


def make_editor(spec: FieldSpec, lang: str) -> Editor:
    if spec.type == "rows":
        return RowsEditor(spec, lang)
    if spec.type == "longtext":
        return TextEditor(spec, lang)
    if spec.type == "choice":
        return ChoiceEditor(spec, lang)
    if spec.type == "multichoice":
        return MultiChoiceEditor(spec, lang)
    if spec.type == "bool":
        return BoolEditor(spec, lang)
    return LineEditor(spec, lang)


class FormEditor(QWidget):
    """All fields of one form, grouped by section, each with its problem label."""

    changed = Signal()

    def __init__(self, spec: FormSpec, lang: str) -> None:
        super().__init__()
        self.spec = spec
        self.lang = lang
        self.editors: dict[str, Editor] = {}
        self.problem_labels: dict[str, QLabel] = {}
        outer = QVBoxLayout(self)
        current: QFormLayout | None = None
        current_section: str | None = None
        section_en = {f.section: f.section_en for f in reversed(spec.fields) if f.section_en}
        for f in spec.fields:
            editor = make_editor(f, lang)
            editor.changed.connect(self.changed)
            self.editors[f.id] = editor
            label_text = (f.label if lang == "zh" else f.label_en) + (" *" if f.required else "")
            problem = QLabel()
            problem.setWordWrap(True)
            problem.setObjectName(f"problem_{f.id}")
            problem.hide()
            self.problem_labels[f.id] = problem
            holder = QWidget()
            hl = QVBoxLayout(holder)
            hl.setContentsMargins(0, 0, 0, 0)
            hl.setSpacing(2)
            hl.addWidget(editor.widget)
            hl.addWidget(problem)
            editor.widget.setObjectName(f"field_{f.id}")
            help_text = f.help if lang == "zh" else f.help_en
            if help_text:
                editor.widget.setToolTip(help_text)
            if f.type == "rows":
                box = QGroupBox(label_text)
                box_layout = QVBoxLayout(box)
                box_layout.addWidget(holder)
                if help_text:
                    hint = QLabel(help_text)
                    hint.setStyleSheet("color: #666;")
                    box_layout.addWidget(hint)
                outer.addWidget(box)
                current, current_section = None, None
                continue
            section = f.section
            if current is None or section != current_section:
                title = section if lang == "zh" else section_en.get(section, section)
                box = QGroupBox(title) if title else QGroupBox()
                current = QFormLayout(box)
                current.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
                outer.addWidget(box)
                current_section = section
            current.addRow("" if f.type == "bool" else label_text, holder)
        outer.addStretch(1)

    def values(self) -> dict[str, Any]:
        return {fid: ed.value() for fid, ed in self.editors.items()}

    def set_values(self, data: dict[str, Any]) -> None:
        for f in self.spec.fields:
            ed = self.editors[f.id]
            ed.blockSignals(True)
            ed.set_value(data.get(f.id, f.default))
            ed.blockSignals(False)
        self.changed.emit()

    def show_problems(self, by_field: dict[str, list[FieldProblem]]) -> None:
        for fid, label in self.problem_labels.items():
            problems = by_field.get(fid, [])
            self.editors[fid].show_problems(problems)
            if not problems:
                label.hide()
                label.setText("")
                continue
            errors = [p for p in problems if not p.warn_only]
            label.setText("\n".join(("⚠ " if p.warn_only else "✖ ") + p.text(self.lang)
                                    for p in problems))
            label.setStyleSheet(ERROR_STYLE if errors else WARN_STYLE)
            label.show()
