"""Add or edit one visit: every field, topics as check boxes, service items from the
catalogue (code and title), problems shown next to the field they concern."""

from __future__ import annotations

import datetime as _dt
import uuid
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.catalogue import api as catalogue
from desktop.clients import api as clients
from desktop.errors import FieldProblem, ValidationFailed
from desktop.ui.env import UiEnv
from desktop.ui.jobs import show_error
from desktop.visits import api as visits
from desktop.visits.api import VisitData


def _combo(name: str, items: dict[Any, tuple[str, str]], lang: str, empty: str | None
           ) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    if empty is not None:
        box.addItem(empty, None)
    for key, (zh, en) in items.items():
        box.addItem(zh if lang == "zh" else en, key)
    return box


class VisitDialog(QDialog):
    def __init__(self, env: UiEnv, visit: VisitData | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        lang = env.lang
        # a new visit keeps one idempotency key however often Save is tried
        self.visit = visit.copy() if visit else VisitData(idem_key=uuid.uuid4().hex)
        self.saved: VisitData | None = None
        self.setWindowTitle(self.tr("编辑接待记录") if visit else self.tr("新增接待记录"))
        self.hints: dict[str, QLabel] = {}
        v = self.visit
        self.when = QDateTimeEdit(QDateTime(v.started_at) if v.started_at
                                  else QDateTime.currentDateTime())
        self.when.setObjectName("started_at")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.officer = QComboBox()
        self.officer.setObjectName("officer")
        self.officer.setEditable(True)
        self.officer.setCurrentText(v.officer)
        self.client = QLineEdit(v.client_name)
        self.client.setObjectName("client")
        self.client.setPlaceholderText(self.tr("留空为匿名来访；新名称将建立快速档案"))
        self.channel = _combo("channel", visits.CHANNELS, lang, None)
        self.channel.setCurrentIndex(max(0, self.channel.findData(v.channel)))
        self.outcome = _combo("outcome", visits.OUTCOMES, lang, self.tr("（未填写）"))
        self.outcome.setCurrentIndex(max(0, self.outcome.findData(v.outcome)))
        self.referred = QLineEdit(v.referred_to or "")
        self.referred.setObjectName("referred_to")
        self.has_follow_up = QCheckBox(self.tr("需要跟进"))
        self.has_follow_up.setObjectName("has_follow_up")
        self.follow_up = QDateEdit(QDate(v.follow_up) if v.follow_up
                                   else QDate.currentDate().addDays(7))
        self.follow_up.setObjectName("follow_up")
        self.follow_up.setCalendarPopup(True)
        self.follow_up.setDisplayFormat("yyyy-MM-dd")
        self.follow_up_done = QCheckBox(self.tr("已跟进"))
        self.follow_up_done.setObjectName("follow_up_done")
        self.follow_up_done.setChecked(v.follow_up_done)
        self.has_follow_up.toggled.connect(self.follow_up.setEnabled)
        self.has_follow_up.toggled.connect(self.follow_up_done.setEnabled)
        self.has_follow_up.setChecked(v.follow_up is not None)
        self.follow_up.setEnabled(v.follow_up is not None)
        self.follow_up_done.setEnabled(v.follow_up is not None)
        self.effort = _combo("effort", {k: (f"{k} {zh}", f"{k} {en}")
                                        for k, (zh, en) in visits.EFFORT.items()},
                             lang, self.tr("（未填写）"))
        self.effort.setCurrentIndex(max(0, self.effort.findData(v.effort)))
        self.satisfaction = _combo("satisfaction", visits.SATISFACTION, lang,
                                   self.tr("（未评价）"))
        self.satisfaction.setCurrentIndex(max(0, self.satisfaction.findData(v.satisfaction)))
        self.duration = QSpinBox()
        self.duration.setObjectName("duration_min")
        self.duration.setRange(-1, 24 * 60)
        self.duration.setSpecialValueText(self.tr("未填写"))
        self.duration.setSuffix(self.tr(" 分钟"))
        self.duration.setValue(-1 if v.duration_min is None else v.duration_min)
        self.tags = QLineEdit("、".join(v.tags))
        self.tags.setObjectName("tags")
        self.tags.setPlaceholderText(self.tr("用顿号或逗号分隔"))
        self.topics: dict[str, QCheckBox] = {}
        topic_grid = QGridLayout()
        for i, (key, (zh, en)) in enumerate(visits.TOPICS.items()):
            box = QCheckBox(zh if lang == "zh" else en)
            box.setObjectName(f"topic_{key}")
            box.setChecked(key in v.topics)
            self.topics[key] = box
            topic_grid.addWidget(box, i // 5, i % 5)
        self.item_filter = QLineEdit()
        self.item_filter.setObjectName("item_filter")
        self.item_filter.setPlaceholderText(self.tr("筛选服务事项（编码或名称）…"))
        self.item_filter.textChanged.connect(self._filter_items)
        self.items = QListWidget()
        self.items.setObjectName("items")
        self.items.setMinimumHeight(160)
        for code in v.items:  # shown at once; titles arrive with the catalogue
            self._add_item(code, code, True)
        self.question = self._text("question", v.question, 70)
        self.answer = self._text("answer", v.answer, 70)
        self.notes = self._text("notes", v.notes, 40)
        self.notes.setMaximumHeight(70)

        left = QFormLayout()
        for key, label, widget in (
                ("started_at", self.tr("接待时间"), self.when),
                ("officer", self.tr("接待人"), self.officer),
                ("client_name", self.tr("客户"), self.client),
                ("channel", self.tr("渠道"), self.channel),
                ("outcome", self.tr("结果"), self.outcome),
                ("referred_to", self.tr("转介至"), self.referred),
                ("follow_up", self.tr("跟进"), self._row(self.has_follow_up, self.follow_up,
                                                       self.follow_up_done)),
                ("effort", self.tr("工作量（READ）"), self.effort),
                ("satisfaction", self.tr("满意度"), self.satisfaction),
                ("duration_min", self.tr("时长"), self.duration),
                ("tags", self.tr("标签"), self.tags)):
            left.addRow(label, self._with_hint(key, widget))
        right = QFormLayout()
        topics = QWidget()
        topics.setLayout(topic_grid)
        items = QWidget()
        items_lay = QVBoxLayout(items)
        items_lay.setContentsMargins(0, 0, 0, 0)
        items_lay.addWidget(self.item_filter)
        items_lay.addWidget(self.items)
        for key, label, widget in (("topics", self.tr("咨询主题"), topics),
                                   ("items", self.tr("服务事项"), items),
                                   ("question", self.tr("咨询内容"), self.question),
                                   ("answer", self.tr("答复"), self.answer),
                                   ("notes", self.tr("备注"), self.notes)):
            right.addRow(label, self._with_hint(key, widget))
        self.general = QLabel()
        self.general.setObjectName("hint_general")
        self.general.setStyleSheet("color: #b3261e;")
        self.general.setWordWrap(True)
        self.general.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(columns)
        lay.addWidget(self.general)
        lay.addWidget(self.buttons)
        self.resize(940, 640)
        self.loaded = False
        self._load_choices()

    # -- building --------------------------------------------------------------------
    def _text(self, name: str, value: str, height: int) -> QPlainTextEdit:
        edit = QPlainTextEdit(value)
        edit.setObjectName(name)
        edit.setMinimumHeight(height)
        return edit

    def _row(self, *widgets: QWidget) -> QWidget:
        box = QWidget()
        lay = QHBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        for w in widgets:
            lay.addWidget(w)
        lay.addStretch(1)
        return box

    def _with_hint(self, key: str, widget: QWidget) -> QWidget:
        hint = QLabel()
        hint.setObjectName(f"hint_{key}")
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #b3261e;")
        hint.hide()
        self.hints[key] = hint
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(widget)
        lay.addWidget(hint)
        return box

    def _add_item(self, code: str, title: str, checked: bool) -> None:
        item = QListWidgetItem(f"{code}  {title}" if title != code else code)
        item.setData(Qt.ItemDataRole.UserRole, code)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.items.addItem(item)

    def _load_choices(self) -> None:
        ctx = self.env.ctx

        def read() -> tuple[list[tuple[str, str]], list[str], list[str]]:
            items = [(i.code, i.name) for i in catalogue.list_items(ctx, include_retired=True)]
            names = [c.name for c in clients.list_clients(ctx, limit=5000)]
            return items, visits.officers(ctx), names

        self.env.read(read, parent=self, key="visit-dialog", on_done=self._choices)

    def _choices(self, result: tuple[list[tuple[str, str]], list[str], list[str]]) -> None:
        items, officers, names = result
        chosen = self.chosen_items()
        self.items.clear()
        titles = dict(items)
        for code in chosen:
            self._add_item(code, titles.get(code, code), True)
        for code, title in items:
            if code not in chosen:
                self._add_item(code, title, False)
        text = self.officer.currentText()
        self.officer.addItems([n for n in officers if n])
        self.officer.setCurrentText(text)
        completer = QCompleter(names, self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.client.setCompleter(completer)
        self._filter_items(self.item_filter.text())
        self.loaded = True

    def _filter_items(self, text: str) -> None:
        needle = text.strip().lower()
        for i in range(self.items.count()):
            item = self.items.item(i)
            item.setHidden(bool(needle) and needle not in item.text().lower())

    # -- the record ------------------------------------------------------------------
    def chosen_items(self) -> list[str]:
        return [str(self.items.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.items.count())
                if self.items.item(i).checkState() == Qt.CheckState.Checked]

    def data(self) -> VisitData:
        v = self.visit.copy()
        when = self.when.dateTime().toPython()
        assert isinstance(when, _dt.datetime)
        v.started_at = when.replace(second=0, microsecond=0)
        v.officer = self.officer.currentText().strip()
        v.channel = str(self.channel.currentData())
        v.outcome = self.outcome.currentData()
        v.referred_to = self.referred.text().strip() or None
        follow = self.has_follow_up.isChecked()
        v.follow_up = self.follow_up.date().toPython() if follow else None  # type: ignore[assignment]
        v.follow_up_done = follow and self.follow_up_done.isChecked()
        v.effort = self.effort.currentData()
        v.satisfaction = self.satisfaction.currentData()
        v.duration_min = None if self.duration.value() < 0 else self.duration.value()
        v.tags = visits.split_list(self.tags.text())
        v.topics = [k for k, box in self.topics.items() if box.isChecked()]
        v.items = self.chosen_items()
        v.question = self.question.toPlainText()
        v.answer = self.answer.toPlainText()
        v.notes = self.notes.toPlainText()
        return v

    def show_problems(self, problems: list[FieldProblem]) -> None:
        by_field: dict[str, list[str]] = {}
        for p in problems:
            key = "client_name" if p.field == "client_id" else p.field
            key = key if key in self.hints else "general"
            by_field.setdefault(key, []).append(p.text(self.env.lang))
        for key, hint in {**self.hints, "general": self.general}.items():
            found = by_field.get(key, [])
            hint.setText("；".join(found))
            hint.setVisible(bool(found))

    def save(self) -> None:
        ctx, data = self.env.ctx, self.data()
        name = " ".join(self.client.text().split())
        self.buttons.setEnabled(False)

        def op(_p: object, _c: object) -> Any:
            if not name:
                data.client_id = None
                return visits.save_visit(ctx, data)
            if name == self.visit.client_name and data.client_id is not None:
                return visits.save_visit(ctx, data)
            return visits.save_visit_for_client(ctx, data, name)

        self.env.run_op(op, parent=self, show_dialog=False, on_done=self._saved,
                        on_error=self._not_saved)

    def _saved(self, visit: VisitData) -> None:
        self.saved = visit
        self.buttons.setEnabled(True)
        self.accept()

    def _not_saved(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationFailed):
            self.show_problems(exc.problems)
        else:
            show_error(self, exc, self.env.lang)

