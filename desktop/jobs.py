"""The plain-Python job protocol used by long operations.

A job is a callable ``fn(progress, cancelled) -> result``: it reports with
``progress(done, total, text)`` (``total`` may be 0 when unknown) and calls ``cancelled()``
between units of work, raising :class:`desktop.errors.Cancelled` (or using
:func:`check_cancelled`) when it returns True.  The command line passes simple
callbacks; the GUI adapts the same callable to Qt signals in ``desktop.ui.jobs``.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop.errors import Cancelled

ProgressFn = Callable[[int, int, str], None]
CancelledFn = Callable[[], bool]


def no_progress(done: int, total: int, text: str) -> None:
    """A progress callback that ignores everything."""


def never_cancelled() -> bool:
    return False


def check_cancelled(cancelled: CancelledFn) -> None:
    """Raise :class:`Cancelled` if the user asked to stop."""
    if cancelled():
        raise Cancelled()
