"""The filter bar over the visit log: date range, officer, topic, channel, outcome, client,
free text and the "只看待跟进" toggle; emits ``changed`` (debounced) with a new filter."""

from __future__ import annotations

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop.visits import api as visits
from desktop.visits.api import VisitFilter


def _combo(name: str, first: str, items: dict[str, tuple[str, str]], lang: str) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    box.addItem(first, None)
    for key, (zh, en) in items.items():
        box.addItem(zh if lang == "zh" else en, key)
    return box


class FilterBar(QWidget):
    changed = Signal()

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.changed.emit)
        self.use_dates = QCheckBox(self.tr("日期"))
        self.use_dates.setObjectName("useDates")
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addMonths(-1))
        self.date_to = QDateEdit(today)
        for name, date_edit in (("dateFrom", self.date_from), ("dateTo", self.date_to)):
            date_edit.setObjectName(name)
            date_edit.setCalendarPopup(True)
            date_edit.setDisplayFormat("yyyy-MM-dd")
            date_edit.setEnabled(False)
            date_edit.dateChanged.connect(lambda _d: self._later())
        self.use_dates.toggled.connect(self._dates_toggled)
        self.officer = QComboBox()
        self.officer.setObjectName("officerFilter")
        self.officer.addItem(self.tr("全部接待人"), None)
        self.topic = _combo("topicFilter", self.tr("全部主题"), visits.TOPICS, lang)
        self.channel = _combo("channelFilter", self.tr("全部渠道"), visits.CHANNELS, lang)
        self.outcome = _combo("outcomeFilter", self.tr("全部结果"), visits.OUTCOMES, lang)
        for box in (self.officer, self.topic, self.channel, self.outcome):
            box.currentIndexChanged.connect(lambda _i: self._later())
            # sized to a few characters, not the longest label (fits 1024 px in English)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(6)
        self.client = QLineEdit()
        self.client.setObjectName("clientFilter")
        self.client.setPlaceholderText(self.tr("客户名称…"))
        self.text = QLineEdit()
        self.text.setObjectName("textFilter")
        self.text.setPlaceholderText(self.tr("问题、答复、备注、标签中的文字…"))
        for edit in (self.client, self.text):
            edit.setClearButtonEnabled(True)
            edit.textChanged.connect(lambda _t: self._later())
        self.follow_ups = QCheckBox(self.tr("只看待跟进"))
        self.follow_ups.setObjectName("followUpsOnly")
        self.follow_ups.toggled.connect(lambda _b: self.changed.emit())
        self.reset_button = QPushButton(self.tr("清除筛选"))
        self.reset_button.setObjectName("resetFilters")
        self.reset_button.clicked.connect(self.reset)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.use_dates, 0, 0)
        grid.addWidget(self.date_from, 0, 1)
        grid.addWidget(QLabel("—"), 0, 2)
        grid.addWidget(self.date_to, 0, 3)
        grid.addWidget(self.officer, 0, 4)
        grid.addWidget(self.topic, 0, 5)
        grid.addWidget(self.channel, 0, 6)
        grid.addWidget(self.outcome, 0, 7)
        grid.addWidget(self.client, 1, 0, 1, 4)
        grid.addWidget(self.text, 1, 4, 1, 3)
        grid.addWidget(self.follow_ups, 1, 7)
        grid.addWidget(self.reset_button, 0, 8)
        grid.setColumnStretch(4, 1)
        grid.setColumnStretch(5, 1)

    def _later(self) -> None:
        self._timer.start()

    def _dates_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self.changed.emit()

    def set_officers(self, names: list[str]) -> None:
        current = self.officer.currentData()
        self.officer.blockSignals(True)
        while self.officer.count() > 1:
            self.officer.removeItem(1)
        for name in names:
            self.officer.addItem(name, name)
        self.officer.setCurrentIndex(max(0, self.officer.findData(current)))
        self.officer.blockSignals(False)

    def reset(self) -> None:
        for w in (self.officer, self.topic, self.channel, self.outcome):
            w.blockSignals(True)
            w.setCurrentIndex(0)
            w.blockSignals(False)
        for e in (self.client, self.text):
            e.blockSignals(True)
            e.clear()
            e.blockSignals(False)
        for c in (self.use_dates, self.follow_ups):
            c.blockSignals(True)
            c.setChecked(False)
            c.blockSignals(False)
        self.date_from.setEnabled(False)
        self.date_to.setEnabled(False)
        self.changed.emit()

    def value(self) -> VisitFilter:
        dates = self.use_dates.isChecked()
        words = " ".join(w for w in (self.client.text().strip(), self.text.text().strip()) if w)
        return VisitFilter(
            date_from=self.date_from.date().toPython() if dates else None,  # type: ignore[arg-type]
            date_to=self.date_to.date().toPython() if dates else None,  # type: ignore[arg-type]
            officer=self.officer.currentData(), topic=self.topic.currentData(),
            channel=self.channel.currentData(), outcome=self.outcome.currentData(),
            text=words, follow_up_open=self.follow_ups.isChecked())
