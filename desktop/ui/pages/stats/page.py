"""统计: the statistics dashboard — a date range, the summary figures as tiles, charts by
month, topic, channel, client type, region, item, effort and satisfaction, a cross-tab of
any two dimensions, and the report workbook export.

Everything is read in the background (``env.read``) and read again on visit notices."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.changes import Changes
from desktop.context import AppContext
from desktop.ui.env import UiEnv
from desktop.ui.pages.stats.charts import BreakdownChart
from desktop.ui.pages.stats.export_actions import ReportExport
from desktop.ui.pages.stats.panels import CrossTabPanel, SummaryTiles
from desktop.visits import api as visits
from desktop.visits.api import Bucket, CrossTab, VisitSummary

# (dimension, horizontal bars, at most this many bars — 0: all)
CHARTS: tuple[tuple[str, bool, int], ...] = (
    ("month", False, 0), ("topic", True, 0), ("channel", True, 0),
    ("client_kind", True, 0), ("region", True, 10), ("item", True, 10),
    ("effort", False, 0), ("satisfaction", True, 0),
)


@dataclass
class StatsData:
    summary: VisitSummary
    charts: dict[str, list[Bucket]]
    cross: CrossTab


def month_range(day: _dt.date, months_back: int = 0) -> tuple[_dt.date, _dt.date]:
    """The calendar month of ``day`` (or ``months_back`` months before it)."""
    y, m = day.year, day.month - months_back
    while m < 1:
        y, m = y - 1, m + 12
    first = _dt.date(y, m, 1)
    last = (first.replace(day=28) + _dt.timedelta(days=4)).replace(day=1) \
        - _dt.timedelta(days=1)
    return first, last


def preset_range(preset: str, today: _dt.date) -> tuple[_dt.date, _dt.date]:
    if preset == "last_month":
        return month_range(today, 1)
    if preset == "this_year":
        return _dt.date(today.year, 1, 1), _dt.date(today.year, 12, 31)
    return month_range(today)


_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
              "Dec")


def month_labels(buckets: list[Bucket], lang: str) -> list[tuple[str, int]]:
    """Short month labels for a chart axis: 3月 / Mar within one year, else 25-12."""
    years = {str(b.key)[:4] for b in buckets}
    out = []
    for b in buckets:
        y, m = str(b.key)[:4], int(str(b.key)[5:7])
        if len(years) > 1:
            out.append((f"{y[2:]}-{m:02d}", b.count))
        else:
            out.append((f"{m}月" if lang == "zh" else _MONTHS_EN[m - 1], b.count))
    return out


def load(ctx: AppContext, start: _dt.date, end: _dt.date, rows: str, cols: str) -> StatsData:
    """Everything the page shows (runs off the GUI thread)."""
    charts = {}
    for dim, _horizontal, top in CHARTS:
        buckets = visits.breakdown(ctx, dim, start, end)
        if top:
            buckets = [b for b in buckets if b.key != "" and b.count][:top]
        charts[dim] = buckets
    return StatsData(visits.visit_summary(ctx, start, end), charts,
                     visits.crosstab(ctx, rows, cols, start, end))


class StatsPage(QWidget):
    def __init__(self, env: UiEnv) -> None:
        super().__init__()
        self.env = env
        self.loaded = False  # True once the first read has arrived
        self.data: StatsData | None = None
        self._setting_range = False
        self.preset = QComboBox()
        self.preset.setObjectName("statsPreset")
        for key, text in (("this_month", self.tr("本月")), ("last_month", self.tr("上月")),
                          ("this_year", self.tr("今年")), ("custom", self.tr("自定义"))):
            self.preset.addItem(text, key)
        self.date_from = self._date_edit("statsFrom")
        self.date_to = self._date_edit("statsTo")
        self.export = ReportExport(self)
        self.status = QLabel()
        self.status.setObjectName("statsStatus")
        bar = QHBoxLayout()
        bar.addWidget(QLabel("<h2>" + self.tr("接待统计") + "</h2>"))
        bar.addSpacing(16)
        bar.addWidget(self.preset)
        bar.addWidget(QLabel(self.tr("从")))
        bar.addWidget(self.date_from)
        bar.addWidget(QLabel(self.tr("至")))
        bar.addWidget(self.date_to)
        bar.addStretch(1)
        bar.addWidget(self.export.personal)
        bar.addWidget(self.export.button)
        self.tiles = SummaryTiles(env.lang)
        self.charts: dict[str, BreakdownChart] = {}
        grid = QGridLayout()
        for i, (dim, horizontal, top) in enumerate(CHARTS):
            title = self._chart_title(dim, top)
            chart = BreakdownChart(title, horizontal=horizontal, name=f"chart_{dim}")
            self.charts[dim] = chart
            grid.addWidget(chart, i // 2, i % 2)
        self.cross = CrossTabPanel(env.lang)
        self.cross.dims_changed.connect(self.refresh_cross)
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.addWidget(self.tiles)
        inner.addLayout(grid)
        inner.addWidget(self.cross)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(scroll, 1)
        lay.addWidget(self.status)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.refresh)
        self.preset.currentIndexChanged.connect(self._preset_chosen)
        self.date_from.dateChanged.connect(self._dates_edited)
        self.date_to.dateChanged.connect(self._dates_edited)
        self.set_range(*preset_range("this_month", _dt.date.today()), preset="this_month")
        self.refresh()

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _chart_title(self, dim: str, top: int) -> str:
        titles = {"month": self.tr("每月接待人次"), "topic": self.tr("按咨询主题"),
                  "channel": self.tr("按渠道"), "client_kind": self.tr("按客户类型"),
                  "region": self.tr("按园区/地区（前10）"), "item": self.tr("常办事项（前10）"),
                  "effort": self.tr("工作量（READ）"), "satisfaction": self.tr("满意度")}
        return titles.get(dim, dim)

    # -- the range --------------------------------------------------------------------
    def range(self) -> tuple[_dt.date, _dt.date]:
        return self.date_from.date().toPython(), self.date_to.date().toPython()  # type: ignore[return-value]

    def set_range(self, start: _dt.date, end: _dt.date, *, preset: str = "custom") -> None:
        self._setting_range = True
        try:
            self.date_from.setDate(QDate(start.year, start.month, start.day))
            self.date_to.setDate(QDate(end.year, end.month, end.day))
            self.preset.setCurrentIndex(self.preset.findData(preset))
        finally:
            self._setting_range = False
        self._debounce.start()

    def _preset_chosen(self, _index: int) -> None:
        key = str(self.preset.currentData())
        if not self._setting_range and key != "custom":
            self.set_range(*preset_range(key, _dt.date.today()), preset=key)

    def _dates_edited(self, _date: QDate) -> None:
        if not self._setting_range:
            self._setting_range = True
            self.preset.setCurrentIndex(self.preset.findData("custom"))
            self._setting_range = False
            self._debounce.start()

    # -- reading ----------------------------------------------------------------------
    def refresh(self) -> None:
        start, end = self.range()
        if start > end:
            self.status.setText(self.tr("开始日期晚于结束日期"))
            return
        ctx, (rows, cols) = self.env.ctx, self.cross.dims()
        self.env.read(lambda: load(ctx, start, end, rows, cols), parent=self, key="stats",
                      on_done=self._show)

    def refresh_cross(self) -> None:
        start, end = self.range()
        if start > end:
            return
        ctx, (rows, cols) = self.env.ctx, self.cross.dims()
        self.env.read(lambda: visits.crosstab(ctx, rows, cols, start, end), parent=self,
                      key="stats-cross", on_done=self.cross.show_tab)

    def _show(self, data: StatsData) -> None:
        self.data = data
        self.tiles.show_summary(data.summary)
        for dim, chart in self.charts.items():
            if dim == "month":
                chart.set_values(month_labels(data.charts[dim], self.env.lang))
            else:
                chart.set_buckets(data.charts[dim], self.env.lang)
        if data.cross.row_dim == self.cross.dims()[0] \
                and data.cross.col_dim == self.cross.dims()[1]:
            self.cross.show_tab(data.cross)
        start, end = self.range()
        self.status.setText(self.tr("%1 至 %2：共 %3 人次接待").replace("%1", str(start))
                            .replace("%2", str(end))
                            .replace("%3", str(data.summary.consultations)))
        self.loaded = True

    def apply_changes(self, changes: Changes, source: object = None) -> None:
        if changes.visits or changes.clients or changes.catalogue:
            self.refresh()
