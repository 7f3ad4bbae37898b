"""The dashboard's figure tiles and its cross-tab (two dimension combo boxes and a table)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.visits import api as visits
from desktop.visits.api import CrossTab, VisitSummary

# (figure, how it is shown) in tile order
TILES = ("consultations", "distinct_clients", "anonymous", "searches", "analysis_reports",
         "forms", "follow_ups_closed", "follow_ups_open", "satisfaction_rate", "rated",
         "mean_effort", "mean_duration")
_TILE_STYLE = ("QFrame#tile { border: 1px solid palette(mid); border-radius: 6px; "
               "background: palette(base); }")


def figure_text(summary: VisitSummary, attr: str) -> str:
    value = getattr(summary, attr)
    if value is None:
        return "—"
    if attr == "satisfaction_rate":
        return f"{value:.1%}"
    if isinstance(value, float):
        return f"{value:.1f}"
    return f"{value:,}"


class SummaryTiles(QWidget):
    """One tile per figure: a big number and its label (the label's tooltip says what it
    counts)."""

    COLUMNS = 6

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang
        self.values: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        figures = {f[0]: f for f in visits.SUMMARY_FIGURES}
        for i, attr in enumerate(TILES):
            _a, zh, en, what_zh, what_en = figures[attr]
            tile = QFrame()
            tile.setObjectName("tile")
            tile.setStyleSheet(_TILE_STYLE)
            tile.setToolTip(what_zh if lang == "zh" else what_en)
            lay = QVBoxLayout(tile)
            lay.setContentsMargins(10, 6, 10, 6)
            value = QLabel("—")
            value.setObjectName(f"tile_{attr}")
            value.setStyleSheet("font-size: 20pt; font-weight: bold;")
            caption = QLabel(zh if lang == "zh" else en)
            caption.setWordWrap(True)
            lay.addWidget(value)
            lay.addWidget(caption)
            self.values[attr] = value
            grid.addWidget(tile, i // self.COLUMNS, i % self.COLUMNS)

    def show_summary(self, summary: VisitSummary) -> None:
        for attr, label in self.values.items():
            label.setText(figure_text(summary, attr))


class CrossTabPanel(QWidget):
    """Visits by any two dimensions; ``dims_changed`` asks the page to read again."""

    dims_changed = Signal()

    def __init__(self, lang: str, rows: str = "topic", cols: str = "channel") -> None:
        super().__init__()
        self.lang = lang
        self.tab: CrossTab | None = None
        self.row_box = self._combo("crossRows", rows)
        self.col_box = self._combo("crossCols", cols)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("<b>" + self.tr("交叉统计") + "</b>"))
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("行：")))
        bar.addWidget(self.row_box)
        bar.addWidget(QLabel(self.tr("列：")))
        bar.addWidget(self.col_box)
        bar.addStretch(1)
        self.table = QTableWidget()
        self.table.setObjectName("crossTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setMinimumHeight(260)
        self.note = QLabel()
        self.note.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(bar)
        lay.addWidget(self.table)
        lay.addWidget(self.note)

    def _combo(self, name: str, current: str) -> QComboBox:
        box = QComboBox()
        box.setObjectName(name)
        for key, dim in visits.DIMENSIONS.items():
            box.addItem(dim.label(self.lang), key)
        box.setCurrentIndex(max(0, box.findData(current)))
        box.currentIndexChanged.connect(lambda _i: self.dims_changed.emit())
        return box

    def dims(self) -> tuple[str, str]:
        return str(self.row_box.currentData()), str(self.col_box.currentData())

    def set_dims(self, rows: str, cols: str) -> None:
        self.row_box.setCurrentIndex(self.row_box.findData(rows))
        self.col_box.setCurrentIndex(self.col_box.findData(cols))

    def show_tab(self, tab: CrossTab) -> None:
        self.tab = tab
        total = self.tr("合计")
        self.table.clear()
        self.table.setRowCount(len(tab.rows) + 1)
        self.table.setColumnCount(len(tab.cols) + 1)
        self.table.setHorizontalHeaderLabels([c.label(self.lang) for c in tab.cols] + [total])
        self.table.setVerticalHeaderLabels([r.label(self.lang) for r in tab.rows] + [total])
        for i, r in enumerate(tab.rows):
            for j, n in enumerate(tab.counts[i]):
                self._put(i, j, n)
            self._put(i, len(tab.cols), r.count, bold=True)
        for j, c in enumerate(tab.cols):
            self._put(len(tab.rows), j, c.count, bold=True)
        self._put(len(tab.rows), len(tab.cols), tab.total, bold=True)
        self.table.resizeColumnsToContents()
        rows_height = sum(self.table.rowHeight(i) for i in range(self.table.rowCount()))
        self.table.setMinimumHeight(min(560, rows_height
                                        + self.table.horizontalHeader().height() + 8))
        multi = visits.DIMENSIONS[tab.row_dim].multi or visits.DIMENSIONS[tab.col_dim].multi
        self.note.setText(self.tr("合计按接待人次；一次接待涉及多个主题或事项时分别计入各项。")
                          if multi else "")

    def _put(self, row: int, col: int, n: int, *, bold: bool = False) -> None:
        item = QTableWidgetItem(str(n))
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if bold:
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        self.table.setItem(row, col, item)

    def cell_text(self, row_key: object, col_key: object) -> str:
        """The shown count at (row_key, col_key) — for tests."""
        assert self.tab is not None
        r = [b.key for b in self.tab.rows].index(row_key)  # type: ignore[arg-type]
        c = [b.key for b in self.tab.cols].index(col_key)  # type: ignore[arg-type]
        item = self.table.item(r, c)
        return item.text() if item else ""
