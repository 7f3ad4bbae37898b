"""Search at every desk: this desk's index follows the shared database in the background.

Every ``interval_s`` seconds (10 by default) a background job applies the changes other
desks made since the last time (``library.sync_index``: the change log, no full rebuild) —
never on the GUI thread, never two at once.  When something arrived it publishes
``Changes(library=True)``, so the search page refreshes its results.  A failure (the server
unreachable) is logged and retried on the next tick.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.changes import Op
from desktop.library import api as library
from desktop.library.api import IndexChange
from desktop.ui.env import UiEnv

log = logging.getLogger(__name__)
DEFAULT_INTERVAL_S = 10.0


def follow_interval() -> float:
    """Seconds between syncs: ``IPDESK_INDEX_FOLLOW_SECONDS`` or 10."""
    try:
        return max(0.05, float(os.environ.get("IPDESK_INDEX_FOLLOW_SECONDS", "")))
    except ValueError:
        return DEFAULT_INTERVAL_S


class IndexFollower(QObject):
    synced = Signal(object)  # the IndexChange of each finished sync (tests, status)

    def __init__(self, env: UiEnv, parent: QObject | None = None,
                 interval_s: float = DEFAULT_INTERVAL_S) -> None:
        super().__init__(parent)
        self.env = env
        self.running = False
        self.runs = 0
        self.last: IndexChange | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(max(50, int(interval_s * 1000)))
        self.timer.timeout.connect(self.tick)

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def tick(self) -> None:
        """Start one sync in the background, unless the previous one is still running."""
        if self.running:
            return
        self.running = True
        ctx = self.env.ctx
        self.env.jobs.start(lambda p, c: library.sync_index(ctx, p, c), show_dialog=False,
                            on_result=self._done, on_error=self._failed)

    def _done(self, op: Op[IndexChange]) -> None:
        self.running = False
        self.runs += 1
        self.last = op.value
        if op.changes:
            log.info("index followed the database: %d documents (%s)", op.value.indexed,
                     op.value.action)
            self.env.notices.publish(op.changes, self)
        self.synced.emit(op.value)

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.runs += 1
        log.warning("following the database failed (retried in %.0f s): %s",
                    self.timer.interval() / 1000, exc)
