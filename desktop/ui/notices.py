"""Change notices on the GUI side: one signal every page listens to.

A mutation run through :func:`desktop.ui.operations.run_op` returns an ``Op``; its
``changes`` are published here on the GUI thread, and the main window hands them to every
page that is built (``page.apply_changes(changes, source)``), so each page refreshes what it
shows — pages never poll.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop.changes import Changes


class Notices(QObject):
    changed = Signal(object, object)  # (Changes, the widget that caused them or None)

    def publish(self, changes: Changes, source: object = None) -> None:
        if changes:
            self.changed.emit(changes, source)
