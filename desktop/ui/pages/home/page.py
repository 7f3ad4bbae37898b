"""工作台: the start page — the outlet's first-run set-up, a big 新接待 button, today's
visits, follow-ups due and overdue, one search box across everything, recently used items
and forms, and this month's counts.  One background read fills it; change notices refresh it.
"""

from __future__ import annotations

import datetime as _dt
import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.catalogue import api as catalogue
from desktop.changes import Changes
from desktop.context import AppContext
from desktop.settings import api as settings
from desktop.settings.api import Outlet
from desktop.ui.env import UiEnv
from desktop.ui.pages.home.find_all import FindAll
from desktop.ui.pages.home.setup_card import SetupCard
from desktop.ui.widgets.scrolling import scrolling_layout
from desktop.visits import api as visits
from desktop.visits.api import DeskOverview, VisitData

log = logging.getLogger(__name__)
TARGET = Qt.ItemDataRole.UserRole


@dataclass
class HomeData:
    outlet: Outlet
    overview: DeskOverview
    items: list[tuple[str, str]]  # recently consulted (code, name)
    forms: list[tuple[str, str]]  # recently generated (form id, name)


def load_home(ctx: AppContext, today: _dt.date) -> HomeData:
    from desktop.forms import api as forms  # loaded on first use (start-up stays light)

    overview = visits.desk_overview(ctx, today)
    items = [(i.code, i.name) for i in catalogue.get_items(ctx, overview.recent_items)]
    recent: dict[str, str] = {}
    for d in forms.list_documents(ctx, limit=50):
        recent.setdefault(d.form_id, d.form_name)
    return HomeData(settings.get_outlet(ctx), overview, items, list(recent.items())[:6])


class Tile(QFrame):
    def __init__(self, title: str) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        lay = QVBoxLayout(self)
        self.value = QLabel("—")
        font = QFont(self.value.font())
        font.setPointSize(font.pointSize() + 10)
        font.setBold(True)
        self.value.setFont(font)
        self.value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        caption = QLabel(title)
        caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(self.value)
        lay.addWidget(caption)


def _list(name: str) -> QListWidget:
    w = QListWidget()
    w.setObjectName(name)
    w.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    w.setTextElideMode(Qt.TextElideMode.ElideRight)
    return w


class HomePage(QWidget):
    def __init__(self, env: UiEnv) -> None:
        super().__init__()
        self.env = env
        self.data: HomeData | None = None
        self.loaded = False
        lay = scrolling_layout(self)
        head = QHBoxLayout()
        self.title = QLabel("<h2>" + self.tr("工作台") + "</h2>")
        head.addWidget(self.title)
        head.addStretch(1)
        self.new_button = QPushButton(self.tr("＋ 新接待"))
        self.new_button.setObjectName("home_new_visit")
        self.new_button.setMinimumHeight(56)
        self.new_button.setMinimumWidth(200)
        big = QFont(self.new_button.font())
        big.setPointSize(big.pointSize() + 5)
        big.setBold(True)
        self.new_button.setFont(big)
        self.new_button.setStyleSheet("QPushButton { background: #1f6feb; color: white; "
                                      "border-radius: 6px; padding: 8px 20px; }")
        head.addWidget(self.new_button)
        lay.addLayout(head)
        self.setup = SetupCard(env)
        self.setup.hide()
        lay.addWidget(self.setup)
        self.find_all = FindAll(env)
        lay.addWidget(self.find_all)
        tiles = QHBoxLayout()
        self.tiles = {key: Tile(title) for key, title in (
            ("visits", self.tr("本月接待（人次）")), ("clients", self.tr("本月服务主体")),
            ("documents", self.tr("本月生成文书")), ("follow_ups_open", self.tr("待跟进")))}
        for t in self.tiles.values():
            tiles.addWidget(t)
        lay.addLayout(tiles)
        grid = QGridLayout()
        self.today_list = _list("home_today")
        self.follow_list = _list("home_follow_ups")
        self.items_list = _list("home_recent_items")
        self.forms_list = _list("home_recent_forms")
        self.today_box = self._box(self.tr("今日接待"), self.today_list)
        self.follow_box = self._box(self.tr("待跟进（今日到期与逾期）"), self.follow_list)
        grid.addWidget(self.today_box, 0, 0)
        grid.addWidget(self.follow_box, 0, 1)
        grid.addWidget(self._box(self.tr("最近咨询的服务事项"), self.items_list), 1, 0)
        grid.addWidget(self._box(self.tr("最近使用的表单"), self.forms_list), 1, 1)
        lay.addLayout(grid, 1)
        self.new_button.clicked.connect(lambda: env.open_page("visit", new=True))
        self.setup.saved.connect(self.refresh)
        for w in (self.today_list, self.follow_list, self.items_list, self.forms_list):
            w.itemActivated.connect(self._open)
            w.itemDoubleClicked.connect(self._open)
        self.refresh()

    def _box(self, title: str, widget: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        QVBoxLayout(box).addWidget(widget)
        widget.setMinimumHeight(130)
        return box

    def refresh(self) -> None:
        ctx, today = self.env.ctx, _dt.date.today()
        self.env.read(lambda: load_home(ctx, today), parent=self, key="home",
                      on_done=self._show)

    def apply_changes(self, changes: Changes, source: object = None) -> None:
        if changes.visits or changes.settings or changes.documents or changes.clients \
                or changes.catalogue:
            self.refresh()

    def _visit_line(self, v: VisitData, with_date: bool = False) -> str:
        lang = self.env.lang
        when = f"{v.follow_up:%m-%d}" if with_date and v.follow_up else \
            (f"{v.started_at:%H:%M}" if v.started_at else "")
        who = v.client_name or self.tr("匿名来访")
        topics = "、".join(visits.label("topic", t, lang) for t in v.topics)
        text = (v.question or "").replace("\n", " ")[:40]
        return "  ".join(x for x in (when, who, topics, text) if x)

    def _show(self, data: HomeData) -> None:
        self.data = data
        o = data.overview
        self.setup.setVisible(not data.outlet.is_set)
        if not data.outlet.is_set:
            self.setup.show_outlet(data.outlet)
        self.title.setText("<h2>" + self.tr("工作台") + "</h2>"
                           + (f"<span>{data.outlet.name}</span>" if data.outlet.is_set else ""))
        for key, tile in self.tiles.items():
            tile.value.setText(str(o.month.get(key, 0)))
        self._fill(self.today_list, [(self._visit_line(v), ("visits", {"visit_id": v.id}))
                                     for v in o.today], self.tr("今天还没有接待记录"))
        rows = [(self.tr("【今日】") + self._visit_line(v, True),
                 ("visits", {"visit_id": v.id})) for v in o.follow_ups.due_today]
        rows += [(self.tr("【逾期】") + self._visit_line(v, True),
                  ("visits", {"visit_id": v.id})) for v in o.follow_ups.overdue]
        more = o.overdue_total - len(o.follow_ups.overdue)
        if more > 0:
            rows.append((self.tr("另有 %1 项更早逾期，在接待登记中查看全部…")
                         .replace("%1", str(more)), ("visits", {"follow_ups": True})))
        self._fill(self.follow_list, rows, self.tr("没有到期的跟进事项"))
        for i in range(len(o.follow_ups.due_today), self.follow_list.count()):
            it = self.follow_list.item(i)
            if it.data(TARGET):
                it.setForeground(Qt.GlobalColor.darkRed)
        self._fill(self.items_list, [(f"{code}  {name}", ("catalogue", {"code": code}))
                                     for code, name in data.items], self.tr("暂无"))
        self._fill(self.forms_list, [(name, ("forms", {"form_id": fid}))
                                     for fid, name in data.forms], self.tr("暂无"))
        self.loaded = True

    def _fill(self, w: QListWidget, rows: list[tuple[str, Any]], empty: str) -> None:
        w.clear()
        for text, target in rows:
            it = QListWidgetItem(text)
            it.setToolTip(text)
            it.setData(TARGET, target)
            w.addItem(it)
        if not rows:
            it = QListWidgetItem(empty)
            it.setFlags(Qt.ItemFlag.NoItemFlags)
            w.addItem(it)

    def _open(self, item: QListWidgetItem) -> None:
        target = item.data(TARGET)
        if target:
            key, kwargs = target
            self.env.open_page(key, **kwargs)
