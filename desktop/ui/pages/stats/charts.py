"""One breakdown as a chart (QtCharts, from the PySide6 Addons) — or, where the Addons are
not installed, as a small table with the same numbers."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.visits.api import Bucket

log = logging.getLogger(__name__)

try:  # PySide6-Addons: pip install -e '.[charts]'
    from PySide6.QtCharts import (
        QBarCategoryAxis,
        QBarSeries,
        QBarSet,
        QChart,
        QChartView,
        QHorizontalBarSeries,
        QValueAxis,
    )

    HAVE_CHARTS = True
except ImportError:  # pragma: no cover - depends on the installation
    HAVE_CHARTS = False
    log.info("PySide6.QtCharts not installed: the statistics page shows tables")


def _axis_max(values: list[int]) -> int:
    top = max(values + [0])
    return max(4, top + max(1, top // 8))


class BreakdownChart(QWidget):
    """A titled bar chart of ``(label, count)`` pairs; ``horizontal`` for long labels."""

    def __init__(self, title: str, *, horizontal: bool = True, name: str = "",
                 use_charts: bool = HAVE_CHARTS) -> None:
        super().__init__()
        self.setObjectName(name)
        self.title = title
        self.horizontal = horizontal
        self.values: list[tuple[str, int]] = []  # what is shown (tests read it)
        self.view: QWidget
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        if use_charts:
            self.chart_view = QChartView()
            self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.chart_view.setMinimumHeight(290)
            self.view = self.chart_view
        else:
            lay.addWidget(QLabel(f"<b>{title}</b>"))
            self.table = QTableWidget(0, 2)
            self.table.setHorizontalHeaderLabels([title, self.tr("人次")])
            self.table.verticalHeader().hide()
            self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            self.table.horizontalHeader().setSectionResizeMode(
                0, QHeaderView.ResizeMode.Stretch)
            self.table.setMinimumHeight(200)
            self.view = self.table
        lay.addWidget(self.view)

    @property
    def is_chart(self) -> bool:
        return HAVE_CHARTS and isinstance(self.view, QChartView)

    def set_buckets(self, buckets: list[Bucket], lang: str) -> None:
        self.set_values([(b.label(lang), b.count) for b in buckets])

    def set_values(self, values: list[tuple[str, int]]) -> None:
        self.values = values
        if self.is_chart:
            self._draw()
        else:
            self.table.setRowCount(len(self.values))
            for row, (label, count) in enumerate(self.values):
                self.table.setItem(row, 0, QTableWidgetItem(label))
                item = QTableWidgetItem(str(count))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                      | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, 1, item)

    def _draw(self) -> None:
        chart = QChart()
        chart.setTitle(self.title)
        chart.legend().hide()
        chart.setMargins(chart.margins() * 0)
        # a horizontal chart lists top-down: Qt draws its first category at the bottom
        shown = list(reversed(self.values)) if self.horizontal else self.values
        bars = QBarSet(self.tr("人次"))
        for _label, count in shown:
            bars.append(count)
        series = QHorizontalBarSeries() if self.horizontal else QBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([label for label, _n in shown] or [""])
        counts = QValueAxis()
        counts.setRange(0, _axis_max([n for _l, n in shown]))
        counts.applyNiceNumbers()
        counts.setLabelFormat("%d")
        font = categories.labelsFont()
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
        categories.setLabelsFont(font)
        category_side, value_side = ((Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom)
                                     if self.horizontal else
                                     (Qt.AlignmentFlag.AlignBottom, Qt.AlignmentFlag.AlignLeft))
        chart.addAxis(categories, category_side)
        chart.addAxis(counts, value_side)
        series.attachAxis(categories)
        series.attachAxis(counts)
        if self.horizontal:  # room for every label (Qt elides those that do not fit)
            self.chart_view.setMinimumHeight(max(290, 26 * len(shown) + 90))
        old = self.chart_view.chart()
        self.chart_view.setChart(chart)
        if old is not None:
            old.deleteLater()
