"""What the officer does on other pages that a visit in progress should remember.

The search page reports each search it runs and the forms page each document it generates;
the one-stop visit page listens while a visit is open and links them to the visit it saves.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

log = logging.getLogger(__name__)

Listener = Callable[[str, object], None]  # (kind: "search" | "document", value)


class Activity:
    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        if listener not in self._listeners:
            self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _emit(self, kind: str, value: object) -> None:
        for listener in list(self._listeners):
            try:
                listener(kind, value)
            except Exception:  # a listener's bug must not break the page reporting
                log.exception("activity listener failed")

    def search_run(self, query: str) -> None:
        if query.strip():
            self._emit("search", query.strip())

    def document_generated(self, record_id: int | None) -> None:
        if record_id is not None:
            self._emit("document", int(record_id))
