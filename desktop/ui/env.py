"""What every page gets: the app context, the job runner, preferences, change notices and
the language."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from PySide6.QtWidgets import QWidget

from desktop import connection
from desktop.changes import Op
from desktop.context import AppContext
from desktop.jobs import CancelledFn, ProgressFn
from desktop.ui.activity import Activity
from desktop.ui.jobs import JobHandle, JobRunner, show_error
from desktop.ui.notices import Notices
from desktop.ui.prefs import Prefs

T = TypeVar("T")
log = logging.getLogger(__name__)


@dataclass
class UiEnv:
    ctx: AppContext
    jobs: JobRunner
    prefs: Prefs
    lang: str = "zh"
    notices: Notices = field(default_factory=Notices)
    # searches run and documents generated, for the visit in progress (see activity.py)
    activity: Activity = field(default_factory=Activity)
    # whether the outlet's details are filled in (None: not read yet); the main window keeps
    # it current, exports warn while it is False (widgets/outlet_check.py)
    outlet_set: bool | None = None
    # set by the main window: show page ``key`` and hand it ``target`` (see ``open_page``)
    navigator: Callable[[str, dict[str, Any]], None] | None = None

    def t(self, zh: str, en: str) -> str:
        """For texts built at run time (e.g. from data): pick the language."""
        return zh if self.lang == "zh" else en

    def open_page(self, key: str, **target: Any) -> None:
        """Show page ``key``; a non-empty ``target`` goes to its ``open_target(**target)``
        (e.g. ``open_page("visits", visit_id=7)``).  Pages link to each other only so."""
        if self.navigator is not None:
            self.navigator(key, target)

    def read(self, fn: Callable[[], T], *, parent: QWidget, on_done: Callable[[T], None],
             key: str = "", on_error: Callable[[BaseException], None] | None = None
             ) -> JobHandle:
        """A read off the GUI thread (newest per ``key`` wins); see ``JobRunner.read``.  A
        lost connection to the database server is retried once, then reported clearly
        (``desktop.connection.call_read``) — by the connection banner, not a message box:
        the page keeps what it shows until the server is back."""
        ctx = self.ctx

        def failed(exc: BaseException) -> None:
            if on_error is not None:
                on_error(exc)
            elif isinstance(exc, connection.ConnectionLost):
                log.info("read not done, the server is away: %s", exc.message("en"))
            else:
                show_error(parent, exc)

        return self.jobs.read(lambda: connection.call_read(ctx, fn), parent=parent,
                              on_done=on_done, key=key, on_error=failed)

    def run_op(self, op: Callable[[ProgressFn, CancelledFn], Op[T]], *, parent: QWidget,
               on_done: Callable[[T], None] | None = None, title: str = "",
               show_dialog: bool = True, **kwargs: Any) -> JobHandle:
        """Run a mutation in the background; when it succeeds, broadcast what it changed
        (every page refreshes from that) and hand its value to ``on_done``."""

        def publish(result: Op[T]) -> None:
            self.notices.publish(result.changes, parent)

        def finished(result: Op[T]) -> None:
            if on_done is not None:
                on_done(result.value)

        ctx = self.ctx

        def guarded(progress: ProgressFn, cancelled: CancelledFn) -> Op[T]:
            # a lost connection: rolled back, reported as ConnectionLost (the page keeps
            # the officer's input for another try)
            return connection.call_write(ctx, lambda: op(progress, cancelled))

        return self.jobs.start(guarded, parent=parent, title=title, on_done=finished,
                               on_result=publish, show_dialog=show_dialog, **kwargs)
