"""Step 6 of a visit: what the log keeps — officer, channel, topics, outcome, follow-up,
ratings, duration (timed from the start, editable), question and answer."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.env import UiEnv
from desktop.visits import api as visits
from desktop.visits.api import VisitData


class SaveStep(QWidget):
    def __init__(self, env: UiEnv) -> None:
        super().__init__()
        self.env = env
        lang = env.lang
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel("<h3>" + self.tr("6. 登记保存") + "</h3>"))
        form = QFormLayout()
        self.officer = QComboBox()
        self.officer.setEditable(True)
        self.officer.setObjectName("visit_officer")
        self.channel = QComboBox()
        for key, (zh, en) in visits.CHANNELS.items():
            self.channel.addItem(zh if lang == "zh" else en, key)
        grid = QGridLayout()
        self.topic_boxes: dict[str, QCheckBox] = {}
        for n, (key, (zh, en)) in enumerate(visits.TOPICS.items()):
            box = QCheckBox(zh if lang == "zh" else en)
            box.setObjectName(f"visit_topic_{key}")
            self.topic_boxes[key] = box
            grid.addWidget(box, n // 4, n % 4)
        self.outcome = QComboBox()
        self.outcome.addItem("—", None)
        for key, (zh, en) in visits.OUTCOMES.items():
            self.outcome.addItem(zh if lang == "zh" else en, key)
        self.referred = QLineEdit()
        self.referred.setPlaceholderText(self.tr("转介单位（结果为转介时填写）"))
        fu_row = QHBoxLayout()
        self.follow = QCheckBox(self.tr("需跟进，日期："))
        self.follow_date = QDateEdit(QDate.currentDate().addDays(7))
        self.follow_date.setCalendarPopup(True)
        self.follow_date.setDisplayFormat("yyyy-MM-dd")
        fu_row.addWidget(self.follow)
        fu_row.addWidget(self.follow_date)
        fu_row.addStretch(1)
        self.satisfaction = QComboBox()
        self.satisfaction.addItem(self.tr("（未评价）"), None)
        for level, (zh, en) in visits.SATISFACTION.items():
            self.satisfaction.addItem(zh if lang == "zh" else en, level)
        self.effort = QComboBox()
        self.effort.addItem("—", None)
        for level, (zh, en) in visits.EFFORT.items():
            self.effort.addItem(f"{level} {zh if lang == 'zh' else en}", level)
        self.duration = QSpinBox()
        self.duration.setRange(0, 24 * 60)
        self.duration.setSuffix(self.tr(" 分钟"))
        self.duration.setObjectName("visit_duration")
        self.question = QPlainTextEdit()
        self.question.setObjectName("visit_question")
        self.question.setMaximumHeight(70)
        self.answer = QPlainTextEdit()
        self.answer.setObjectName("visit_answer")
        self.answer.setMaximumHeight(90)
        self.notes = QLineEdit()
        form.addRow(self.tr("接待人"), self.officer)
        form.addRow(self.tr("渠道"), self.channel)
        form.addRow(self.tr("咨询主题"), grid)
        form.addRow(self.tr("结果"), self.outcome)
        form.addRow(self.tr("转介至"), self.referred)
        form.addRow(self.tr("跟进"), fu_row)
        form.addRow(self.tr("满意度"), self.satisfaction)
        form.addRow(self.tr("工作量（READ）"), self.effort)
        form.addRow(self.tr("时长"), self.duration)
        form.addRow(self.tr("咨询内容"), self.question)
        form.addRow(self.tr("答复"), self.answer)
        form.addRow(self.tr("备注"), self.notes)
        lay.addLayout(form)
        self.problems = QLabel()
        self.problems.setObjectName("visit_problems")
        self.problems.setStyleSheet("color: #b00020;")
        self.problems.setWordWrap(True)
        lay.addWidget(self.problems)
        row = QHBoxLayout()
        row.addStretch(1)
        self.save_button = QPushButton(self.tr("保存接待记录"))
        self.save_button.setObjectName("visit_save")
        self.save_button.setDefault(True)
        row.addWidget(self.save_button)
        lay.addLayout(row)
        self.duration_edited = False
        self.duration.valueChanged.connect(self._duration_touched)
        self._setting_duration = False

    def _duration_touched(self, _v: int) -> None:
        if not self._setting_duration:
            self.duration_edited = True

    def set_duration(self, minutes: int) -> None:
        """The timer's figure, unless the officer typed one."""
        if not self.duration_edited:
            self._setting_duration = True
            self.duration.setValue(minutes)
            self._setting_duration = False

    def set_officers(self, names: list[str]) -> None:
        current = self.officer.currentText()
        self.officer.clear()
        self.officer.addItems(names)
        if current:
            self.officer.setCurrentText(current)

    def suggest_topics(self, topics: list[str]) -> None:
        for key in topics:
            if key in self.topic_boxes:
                self.topic_boxes[key].setChecked(True)

    def fill(self, data: VisitData) -> None:
        """Copy what this step holds onto ``data``."""
        data.officer = self.officer.currentText().strip()
        data.channel = str(self.channel.currentData())
        data.topics = [k for k, b in self.topic_boxes.items() if b.isChecked()]
        data.outcome = self.outcome.currentData()
        data.referred_to = self.referred.text().strip() or None
        data.follow_up = (_dt.date.fromisoformat(self.follow_date.date().toString("yyyy-MM-dd"))
                          if self.follow.isChecked() else None)
        data.satisfaction = self.satisfaction.currentData()
        data.effort = self.effort.currentData()
        data.duration_min = self.duration.value() or None
        data.question = self.question.toPlainText().strip()
        data.answer = self.answer.toPlainText().strip()
        data.notes = self.notes.text().strip()

    def reset(self) -> None:
        for b in self.topic_boxes.values():
            b.setChecked(False)
        for combo in (self.outcome, self.satisfaction, self.effort, self.channel):
            combo.setCurrentIndex(0)
        self.follow.setChecked(False)
        for w in (self.referred, self.notes):
            w.clear()
        self.question.clear()
        self.answer.clear()
        self.problems.clear()
        self.duration_edited = False
        self.set_duration(0)
