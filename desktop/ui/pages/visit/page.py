"""新接待: the one-stop visit in one page — client, need, guides and materials, forms,
packet, save.  Every step can be skipped or revisited; the page keeps what was entered until
the visit is saved or a new one is started, so the officer can jump to other pages and back.
Searches run and documents generated on other pages while a visit is in progress are
linked to it (through ``env.activity``)."""

from __future__ import annotations

import datetime as _dt
import logging
import uuid
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.changes import Changes
from desktop.errors import ValidationFailed
from desktop.ui.env import UiEnv
from desktop.ui.jobs import show_error
from desktop.ui.pages.visit.client_step import ClientStep
from desktop.ui.pages.visit.forms_step import FormsStep
from desktop.ui.pages.visit.guide_step import GuideStep
from desktop.ui.pages.visit.need_step import NeedStep
from desktop.ui.pages.visit.packet_step import PacketStep
from desktop.ui.pages.visit.save_step import SaveStep
from desktop.visits import api as visits
from desktop.visits.api import VisitData

log = logging.getLogger(__name__)


class VisitFlowPage(QWidget):
    def __init__(self, env: UiEnv) -> None:
        super().__init__()
        self.env = env
        self.started: _dt.datetime | None = None
        # the visit in progress keeps one idempotency key: a save tried again after a lost
        # connection (its answer lost, its commit perhaps done) is stored once
        self.idem_key = uuid.uuid4().hex
        self.searches: list[str] = []
        self.last_saved: VisitData | None = None
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel("<h2>" + self.tr("新接待") + "</h2>"))
        self.timer_label = QLabel()
        self.timer_label.setObjectName("visit_timer")
        top.addWidget(self.timer_label)
        top.addStretch(1)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("visit_saved")
        self.saved_label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.saved_label.linkActivated.connect(self._open_saved)
        top.addWidget(self.saved_label)
        self.new_button = QPushButton(self.tr("开始新接待"))
        self.new_button.setObjectName("visit_new")
        top.addWidget(self.new_button)
        lay.addLayout(top)
        body = QHBoxLayout()
        self.steps = QListWidget()
        self.steps.setObjectName("visit_steps")
        self.steps.setMaximumWidth(140)
        self.stack = QStackedWidget()
        self.client_step = ClientStep(env)
        self.need_step = NeedStep(env)
        self.guide_step = GuideStep(env)
        self.forms_step = FormsStep(env)
        self.packet_step = PacketStep(env, self.packet_input)
        self.save_step = SaveStep(env)
        titles = (self.tr("1 客户"), self.tr("2 需求"), self.tr("3 指南与材料"),
                  self.tr("4 表单"), self.tr("5 材料包"), self.tr("6 登记保存"))
        for title, w in zip(titles, (self.client_step, self.need_step, self.guide_step,
                                     self.forms_step, self.packet_step, self.save_step),
                            strict=True):
            self.steps.addItem(title)
            self.stack.addWidget(w)
        body.addWidget(self.steps)
        body.addWidget(self.stack, 1)
        lay.addLayout(body, 1)
        nav = QHBoxLayout()
        self.back_button = QPushButton(self.tr("上一步"))
        self.next_button = QPushButton(self.tr("下一步"))
        self.next_button.setObjectName("visit_next")
        nav.addStretch(1)
        nav.addWidget(self.back_button)
        nav.addWidget(self.next_button)
        lay.addLayout(nav)
        self._tick = QTimer(self, interval=15000)
        self._tick.timeout.connect(self._show_time)
        self._tick.start()
        self._connect()
        self.steps.setCurrentRow(0)
        env.activity.subscribe(self._activity)
        self.destroyed.connect(lambda *_a: env.activity.unsubscribe(self._activity))
        self.load_officers()
        self.warm_up()
        self._show_time()

    def warm_up(self) -> None:
        """Build the suggestion matcher and the knowledge base in the background now, so
        the first keystroke of the need is answered at keystroke speed."""
        ctx = self.env.ctx

        def build(_p: object, _c: object) -> None:
            from desktop.catalogue import api as catalogue

            catalogue.suggest_items(ctx, "专利", limit=1)
            visits.ask(ctx, "专利", limit=1)

        self.env.jobs.start_when_idle(build, parent=self, show_dialog=False,
                                      on_error=lambda exc: log.warning("warm-up: %s", exc))

    def _connect(self) -> None:
        self.steps.currentRowChanged.connect(self.go)
        self.back_button.clicked.connect(lambda: self.go(self.stack.currentIndex() - 1))
        self.next_button.clicked.connect(lambda: self.go(self.stack.currentIndex() + 1))
        self.new_button.clicked.connect(self.ask_new)
        for step in (self.client_step, self.need_step, self.guide_step, self.forms_step):
            step.changed.connect(self.touch)
        self.need_step.changed.connect(self._items_changed)
        self.guide_step.changed.connect(
            lambda: self.forms_step.set_forms(self.guide_step.form_refs()))
        self.forms_step.open_form.connect(self._open_form)
        self.save_step.save_button.clicked.connect(self.save)

    # -- steps -----------------------------------------------------------------------------
    def go(self, index: int) -> None:
        if not 0 <= index < self.stack.count():
            return
        if self.steps.currentRow() != index:
            self.steps.setCurrentRow(index)  # comes back here through currentRowChanged
            return
        self.stack.setCurrentIndex(index)
        self.back_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < self.stack.count() - 1)
        if self.stack.currentWidget() is self.packet_step:
            self.packet_step.refresh()
        if self.stack.currentWidget() is self.save_step:
            if not self.save_step.question.toPlainText().strip():
                self.save_step.question.setPlainText(self.need_step.text())
            self._show_time()

    def _items_changed(self) -> None:
        codes = self.need_step.codes()
        self.guide_step.set_codes(codes)
        if codes:
            ctx = self.env.ctx
            self.env.read(lambda: visits.topics_for_items(ctx, codes), parent=self,
                          key="visit-topics", on_done=self.save_step.suggest_topics)

    def _open_form(self, form_id: str) -> None:
        client_id, _quick, _name = self.client_step.choice()
        self.touch()
        self.env.open_page("forms", form_id=form_id, client_id=client_id)

    def packet_input(self) -> tuple[list[str], dict[str, set[int]], list[int], str]:
        return (self.need_step.codes(), self.guide_step.ticks,
                list(self.forms_step.document_ids), self.client_step.choice()[2])

    # -- the visit in progress ------------------------------------------------------------
    @property
    def in_progress(self) -> bool:
        return self.started is not None

    def touch(self) -> None:
        """Something was entered: the visit (and its timer) has begun."""
        if self.started is None:
            self.started = _dt.datetime.now().replace(microsecond=0)
            self._show_time()

    def minutes(self) -> int:
        if self.started is None:
            return 0
        return max(1, round((_dt.datetime.now() - self.started).total_seconds() / 60))

    def _show_time(self) -> None:
        if self.started is None:
            self.timer_label.setText(self.tr("（录入信息后开始计时）"))
            return
        self.timer_label.setText(self.tr("开始于 %1，已用 %2 分钟")
                                 .replace("%1", f"{self.started:%H:%M}")
                                 .replace("%2", str(self.minutes())))
        self.save_step.set_duration(self.minutes())

    def _activity(self, kind: str, value: object) -> None:
        if not self.in_progress:
            return
        if kind == "search" and isinstance(value, str):
            self.searches.append(value)
        elif kind == "document" and isinstance(value, int):
            self.forms_step.add_document(value)

    def open_target(self, new: bool = False, client_id: int | None = None,
                    client_name: str = "") -> None:
        """``new``: start a fresh visit (asking first if one is in progress); a client
        pre-selected when given."""
        if new and self.in_progress and not self.ask_new():
            return
        if new and not self.in_progress:
            self.reset()
        if client_id is not None:
            self.client_step.choose(client_id, client_name)
        self.go(0)

    def ask_new(self) -> bool:
        if self.in_progress and QMessageBox.question(
                self, self.tr("开始新接待"),
                self.tr("当前接待尚未保存，放弃已录入的内容吗？")) != QMessageBox.StandardButton.Yes:
            return False
        self.reset()
        return True

    def reset(self) -> None:
        for step in (self.client_step, self.need_step, self.guide_step, self.forms_step,
                     self.packet_step, self.save_step):
            step.reset()
        self.searches = []
        self.started = None
        self.idem_key = uuid.uuid4().hex
        self._show_time()
        self.go(0)

    def load_officers(self) -> None:
        ctx = self.env.ctx
        self.env.read(lambda: visits.officers(ctx), parent=self, key="visit-officers",
                      on_done=self.save_step.set_officers)

    def apply_changes(self, changes: Changes, source: object = None) -> None:
        if changes.settings or changes.visits:
            self.load_officers()
        if changes.visits or changes.catalogue:
            self.warm_up()

    # -- saving ----------------------------------------------------------------------------
    def draft(self) -> tuple[VisitData, str | None]:
        client_id, quick, _name = self.client_step.choice()
        data = VisitData(started_at=self.started or _dt.datetime.now().replace(microsecond=0),
                         client_id=client_id, items=self.need_step.codes(),
                         searches=list(self.searches),
                         document_ids=list(self.forms_step.document_ids),
                         idem_key=self.idem_key)
        self.save_step.fill(data)
        return data, quick

    def save(self) -> None:
        data, quick = self.draft()
        ctx = self.env.ctx

        def job(_progress: Any, _cancelled: Any) -> Any:
            if quick:
                return visits.save_visit_for_client(ctx, data, quick)
            return visits.save_visit(ctx, data)

        self.save_step.problems.clear()
        self.env.run_op(job, parent=self, show_dialog=False, on_done=self._saved,
                        on_error=self._failed)

    def _saved(self, saved: VisitData) -> None:
        self.last_saved = saved
        log.info("visit %s saved", saved.id or saved.idem_key)
        self.reset()
        if saved.id is None:  # offline: kept in the outbox, sent when the server is back
            self.saved_label.setText(self.tr("离线：接待记录已保存在本机，连接恢复后自动发送"))
            return
        self.saved_label.setText(self.tr("已保存接待记录 #%1").replace("%1", str(saved.id))
                                 + f"  <a href='visit:{saved.id}'>" + self.tr("查看") + "</a>")

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationFailed):
            self.save_step.problems.setText("\n".join(
                f"{visits.field_label(p.field, self.env.lang)}：{p.text(self.env.lang)}"
                for p in exc.problems))
        else:
            show_error(self, exc, self.env.lang)

    def _open_saved(self, link: str) -> None:
        self.env.open_page("visits", visit_id=int(link.split(":", 1)[1]))
