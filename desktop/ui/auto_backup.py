"""Automatic backups while the window is open: shortly after the start and then every
half hour the transfer capability checks whether a SQLite desk's newest backup is older
than the interval set in 设置 (default 24 hours), off the GUI thread."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from desktop.transfer import api as transfer
from desktop.transfer.api import AutoBackupResult
from desktop.ui.env import UiEnv

log = logging.getLogger(__name__)
FIRST_CHECK_MS = 20_000  # after the start, once the window has settled
CHECK_EVERY_MS = 30 * 60_000


class AutoBackup(QObject):
    def __init__(self, env: UiEnv, parent: QWidget, *, first_ms: int = FIRST_CHECK_MS,
                 every_ms: int = CHECK_EVERY_MS) -> None:
        super().__init__(parent)
        self.env = env
        self.host = parent
        self.last: AutoBackupResult | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(every_ms)
        self.timer.timeout.connect(self.check)
        if env.ctx.db.is_sqlite:
            self.timer.start()
            QTimer.singleShot(first_ms, self, self.check)

    def check(self) -> None:
        ctx = self.env.ctx
        self.env.read(lambda: transfer.auto_backup(ctx), parent=self.host, key="auto-backup",
                      on_done=self._done, on_error=self._failed)

    def _done(self, result: AutoBackupResult) -> None:
        self.last = result
        if result.made is not None:
            log.info("automatic backup %s (pruned %d)", result.made, len(result.pruned))

    def _failed(self, exc: BaseException) -> None:  # a backup must never interrupt the officer
        log.warning("automatic backup failed: %s", exc)


def start_auto_backup(window: QWidget) -> AutoBackup:
    env = getattr(window, "env")  # noqa: B009  (the main window's UiEnv)
    return AutoBackup(env, window)
