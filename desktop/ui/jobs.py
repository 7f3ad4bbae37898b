"""The one helper that runs background work for the GUI.

``JobRunner.start(job, …)`` runs a plain-Python job (``fn(progress, cancelled)``, see
``desktop.jobs``) on a worker thread; progress, the result and errors come back on the GUI
thread through Qt signals, so the window never freezes.  A :class:`UserError` is shown as a
warning; anything else is logged in full and shown as an internal error.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from desktop.context import user_error_for
from desktop.errors import Cancelled, UserError

log = logging.getLogger(__name__)


class _Signals(QObject):
    progress = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class _Task(QRunnable):
    def __init__(self, fn: Callable[..., Any], signals: _Signals, stop: threading.Event) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals
        self.stop = stop
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn(lambda d, t, s: self.signals.progress.emit(int(d), int(t), str(s)),
                             self.stop.is_set)
        except Cancelled:
            self.signals.cancelled.emit()
        except BaseException as exc:  # handed to the GUI thread
            if not isinstance(exc, UserError):
                log.exception("background job failed")
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class JobHandle(QObject):
    """A running job: cancel it, or connect to its signals."""

    finished = Signal()

    def __init__(self, signals: _Signals, stop: threading.Event) -> None:
        super().__init__()
        self.signals = signals
        self._stop = stop
        self.running = True

    def cancel(self) -> None:
        self._stop.set()


class JobRunner(QObject):
    """Runs jobs on a thread pool and reports back on the GUI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self._handles: set[JobHandle] = set()
        self._latest: dict[tuple[int, str], int] = {}

    def start(
        self,
        job: Callable[..., Any],
        *,
        parent: QWidget | None = None,
        title: str = "",
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        show_dialog: bool = True,
        on_result: Callable[[Any], None] | None = None,
    ) -> JobHandle:
        """Run ``job(progress, cancelled)`` on a worker thread.

        ``on_done``/``on_error``/``on_cancelled`` are not called once ``parent`` is closed;
        ``on_result`` is called with the result even then (to broadcast change notices).
        """
        stop = threading.Event()
        signals = _Signals()
        handle = JobHandle(signals, stop)
        self._handles.add(handle)
        dialog: QProgressDialog | None = None
        if show_dialog:
            dialog = QProgressDialog(title, self.tr("取消"), 0, 0, parent)
            dialog.setWindowTitle(title)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(400)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.canceled.connect(stop.set)

        def finish() -> None:
            handle.running = False
            if dialog is not None and shiboken6.isValid(dialog):
                dialog.reset()
                dialog.close()
                dialog.deleteLater()
            self._handles.discard(handle)
            handle.finished.emit()

        @Slot(int, int, str)
        def progress(done: int, total: int, text: str) -> None:
            if dialog is not None and shiboken6.isValid(dialog):
                dialog.setMaximum(max(total, 0))
                dialog.setValue(min(done, total) if total else 0)
                if text:
                    dialog.setLabelText(text)
            if on_progress:
                on_progress(done, total, text)

        def receiver_gone() -> bool:
            """The page that asked is closed: nothing to report to."""
            return parent is not None and not shiboken6.isValid(parent)

        def ok(result: object) -> None:
            finish()
            if on_result is not None:
                on_result(result)
            if on_done and not receiver_gone():
                on_done(result)

        def failed(exc: BaseException) -> None:
            finish()
            if receiver_gone():
                return
            if on_error:
                on_error(exc)
            else:
                show_error(parent, exc)

        def cancelled() -> None:
            finish()
            if on_cancelled and not receiver_gone():
                on_cancelled()

        signals.progress.connect(progress)
        signals.done.connect(ok)
        signals.failed.connect(failed)
        signals.cancelled.connect(cancelled)
        self.pool.start(_Task(job, signals, stop))
        return handle

    def read(self, fn: Callable[[], Any], *, parent: QWidget, on_done: Callable[[Any], None],
             key: str = "", on_error: Callable[[BaseException], None] | None = None
             ) -> JobHandle:
        """Run a read ``fn()`` (a database query, a search) off the GUI thread and hand its
        result to ``on_done`` on the GUI thread.  Reads under the same ``key`` of the same
        ``parent`` replace each other: only the newest one reports (typing in a filter box
        never shows an older answer after a newer one)."""
        slot = (id(parent), key)
        generation = self._latest.get(slot, 0) + 1
        self._latest[slot] = generation

        def current() -> bool:
            return self._latest.get(slot) == generation

        def done(result: Any) -> None:
            if current():
                on_done(result)

        def failed(exc: BaseException) -> None:
            if not current():
                return
            if on_error is not None:
                on_error(exc)
            else:
                show_error(parent, exc)

        return self.start(lambda _progress, _cancelled: fn(), parent=parent, show_dialog=False,
                          on_done=done, on_error=failed)

    def start_when_idle(self, job: Callable[..., Any], **kwargs: Any) -> None:
        """Start ``job`` once the event loop is running (warm-ups that must not slow the
        window's first appearance); same arguments as :meth:`start`."""
        QTimer.singleShot(0, self, lambda: self.start(job, **kwargs))

    def wait(self, msecs: int = -1) -> bool:
        return self.pool.waitForDone(msecs)


def show_error(parent: QWidget | None, exc: BaseException, lang: str = "zh") -> None:
    """A user error as a warning box; anything else as an internal error (already logged)."""
    exc = user_error_for(exc) or exc
    if isinstance(exc, UserError):
        QMessageBox.warning(parent, "IP Desk", exc.message(lang))
    else:
        QMessageBox.critical(parent, "IP Desk",
                             f"内部错误 / internal error: {type(exc).__name__}: {exc}\n"
                             "详细信息已写入日志 / details are in the log file.")
