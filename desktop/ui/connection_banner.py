"""The connection banner: says when the database server cannot be reached, retries in the
background, and says when it is back.

Offline (``desktop.connection``) the banner reads "离线：无法连接数据库服务器，正在重试…" with
the number of visits waiting in the outbox; the desk serves its offline copy of the
catalogue and its local search index meanwhile.  A retry runs every few seconds (backoff up
to ``RETRY_MOST_S``) as a background job; when the server answers the server's database is
put back, the outbox is sent, every page is told to refresh, and the banner reads
"已重新连接" for a moment.  Online, a health check runs every ``HEALTH_MS``.  The status bar
carries a short indicator of the same state.
"""

from __future__ import annotations

import logging
from typing import Any

import shiboken6
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from desktop import connection
from desktop.changes import Changes
from desktop.errors import UserError
from desktop.ui.env import UiEnv
from desktop.visits import api as visits

log = logging.getLogger(__name__)

HEALTH_MS = 15_000
RETRY_FIRST_S = 2.0
RETRY_MOST_S = 10.0
BACK_SHOWN_MS = 5_000
EVERYTHING = Changes(clients=True, catalogue=True, library=True, documents=True,
                     settings=True, visits=True)
OFFLINE_STYLE = "QFrame#connectionBanner { background: #fff4e5; border-bottom: 1px solid #e0a040; }"
ONLINE_STYLE = "QFrame#connectionBanner { background: #e8f5e9; border-bottom: 1px solid #66bb6a; }"


class ConnectionBanner(QFrame):
    """A strip above the pages, hidden while the server is reachable."""

    state_changed = Signal(bool)  # from whichever thread saw the change, to the GUI thread

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("connectionBanner")
        self.label = QLabel()
        self.label.setObjectName("connectionText")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(12, 6, 12, 6)
        lay.addWidget(self.label, 1)
        self.status = QLabel()  # the status bar's indicator (added by the main window)
        self.status.setObjectName("connectionStatus")
        self.queued = 0
        self.net = connection.network(env.ctx)
        self.net.backoff = connection.Backoff(RETRY_FIRST_S, RETRY_MOST_S)
        self.retrying = False
        self.retry_timer = QTimer(self)
        self.retry_timer.setSingleShot(True)
        self.retry_timer.timeout.connect(self.retry)
        self.health = QTimer(self)
        self.health.setInterval(HEALTH_MS)
        self.health.timeout.connect(self.check)
        self.hide_timer = QTimer(self)
        self.hide_timer.setSingleShot(True)
        self.hide_timer.timeout.connect(self.hide)
        self.hide()
        self.state_changed.connect(self._state)
        env.notices.changed.connect(self._changed)
        if self.net.server_url is None:
            return  # a desk of its own: never offline
        self.net.on_change(self._emit)
        self.status.setText(self.tr("● 在线"))
        if self.net.offline:
            self._state(False)
        else:
            self.health.start()

    @property
    def offline(self) -> bool:
        return self.net.offline

    # -- state -----------------------------------------------------------------------
    def _emit(self, online: bool) -> None:
        if shiboken6.isValid(self):
            self.state_changed.emit(online)

    def _state(self, online: bool) -> None:
        if online:
            self._back()
        else:
            self._gone()

    def _gone(self) -> None:
        self.health.stop()
        self.hide_timer.stop()
        self.setStyleSheet(OFFLINE_STYLE)
        self.status.setText(self.tr("● 离线"))
        self._show_offline()
        self.show()
        ctx = self.env.ctx
        # serve the offline copy of the catalogue while the server is away
        self.env.jobs.start(lambda _p, _c: connection.go_offline(ctx), parent=self,
                            show_dialog=False, on_error=self._log_error)
        self.read_queued()
        self._schedule()

    def _show_offline(self) -> None:
        text = self.tr("离线：无法连接数据库服务器，正在重试…")
        if self.queued:
            text += self.tr("（%1 条接待记录待发送）").replace("%1", str(self.queued))
        self.label.setText(text)

    def _back(self) -> None:
        self.retry_timer.stop()
        self.setStyleSheet(ONLINE_STYLE)
        self.status.setText(self.tr("● 在线"))
        self.label.setText(self.tr("已重新连接"))
        self.show()
        self.hide_timer.start(BACK_SHOWN_MS)
        self.health.start()
        self.env.notices.publish(EVERYTHING, self)  # every page reads the server again
        self.send_queued()

    # -- background work -------------------------------------------------------------
    def _schedule(self) -> None:
        if not self.retrying:
            self.retry_timer.start(int(self.net.backoff.next_delay() * 1000))

    def retry(self) -> None:
        """Try the server once (in the background); back online or try again later."""
        if not self.offline or self.retrying:
            return
        self.retrying = True
        ctx = self.env.ctx

        def done(ok: bool) -> None:
            self.retrying = False
            if not ok and self.offline:
                self._schedule()

        def failed(exc: BaseException) -> None:
            self.retrying = False
            self._log_error(exc)
            if self.offline:
                self._schedule()

        self.env.jobs.start(lambda _p, _c: connection.go_online(ctx), parent=self,
                            show_dialog=False, on_done=done, on_error=failed)

    def check(self) -> None:
        """The online health check (a lost server turns the banner on)."""
        ctx = self.env.ctx
        self.env.jobs.start(lambda _p, _c: connection.check(ctx), parent=self,
                            show_dialog=False, on_error=self._log_error)

    def send_queued(self) -> None:
        ctx = self.env.ctx

        def sent(report: Any) -> None:
            self.queued = int(report.left)
            if report.sent or report.already:
                self.label.setText(self.tr("已重新连接，已发送离线登记的接待 %1 条")
                                   .replace("%1", str(report.sent + report.already)))

        self.env.run_op(lambda _p, _c: visits.send_queued(ctx), parent=self, show_dialog=False,
                        on_done=sent, on_error=self._log_error)

    def read_queued(self) -> None:
        ctx = self.env.ctx

        def got(n: int) -> None:
            self.queued = n
            if self.offline:
                self._show_offline()

        self.env.read(lambda: visits.queued_count(ctx), parent=self, key="queued", on_done=got,
                      on_error=self._log_error)

    def _changed(self, changes: Changes, _source: object = None) -> None:
        if changes.visits and self.offline:
            self.read_queued()

    def _log_error(self, exc: BaseException) -> None:
        text = exc.message("en") if isinstance(exc, UserError) else repr(exc)
        log.warning("connection banner: %s", text)
