"""A slow database never blocks the window: every page reads it off the GUI thread.

An artificial delay (200 ms, ``IPDESK_TEST_DELAY``) is put on every SQL statement, as on a
PostgreSQL server across a slow network.  The whole window is then used — every page opened, the catalogue filtered
and an item chosen, a client saved and listed, a form chosen, the outlet saved — and every
statement that runs on the GUI thread is recorded: there must be none.
"""

from __future__ import annotations

import logging
import os
import threading
import time

from PySide6.QtCore import QTimer
from sqlalchemy import event

from desktop.clients import api as clients
from desktop.ui.pages import PAGES

DELAY_S = float(os.environ.get("IPDESK_TEST_DELAY", "0.2"))
log = logging.getLogger(__name__)


def test_a_slow_database_never_blocks_the_window(ui_env, qtbot, typist,  # type: ignore[no-untyped-def]
                                                 monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desktop.ui.main_window import MainWindow

    errors: list[str] = []
    for kind in ("warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(lambda *a, **k: errors.append(a[2])))

    on_gui_thread: list[str] = []

    def slow(conn, cursor, statement, *args) -> None:  # type: ignore[no-untyped-def]
        if threading.current_thread() is threading.main_thread():
            on_gui_thread.append(statement.split("\n")[0][:80])
        time.sleep(DELAY_S)

    statements: list[str] = []

    def count(conn, cursor, statement, *args) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement)

    engine = ui_env.ctx.db.engine
    event.listen(engine, "before_cursor_execute", slow)
    event.listen(engine, "before_cursor_execute", count)
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    try:
        win = MainWindow(ui_env)
        qtbot.addWidget(win)
        win.show()
        for spec in PAGES:  # building pages takes its own time; their reads run meanwhile
            win.show_page(spec.key)
        timer.start()
        catalogue = win.show_page("catalogue")
        qtbot.waitUntil(lambda: catalogue.loaded, timeout=60000)
        typist(catalogue.filter_edit, "质押")
        catalogue.select("ZL-008")
        clients_page = win.show_page("clients")
        qtbot.waitUntil(lambda: clients_page.loaded, timeout=60000)
        ctx = ui_env.ctx
        win.env.run_op(lambda _p, _c: clients.save_client(
            ctx, clients.ClientData(name="阳泉新材料科技有限公司")), parent=clients_page,
            show_dialog=False)
        qtbot.waitUntil(lambda: clients_page.model.rowCount() == 1, timeout=60000)
        forms = win.show_page("forms")
        qtbot.waitUntil(lambda: forms.registry is not None and forms.clients_loaded,
                        timeout=60000)
        forms.select_form("gi_mark_use")
        qtbot.waitUntil(lambda: forms.client_combo.count() == 2, timeout=60000)
        settings = win.show_page("settings")
        qtbot.waitUntil(lambda: settings.loaded, timeout=60000)
        settings.save_outlet()
        qtbot.waitUntil(lambda: settings.saved_label.text() != "", timeout=60000)
        search = win.show_page("search")
        qtbot.waitUntil(lambda: search.ready and search.searches > 0, timeout=60000)
        ui_env.jobs.wait(60000)
    finally:
        timer.stop()
        event.remove(engine, "before_cursor_execute", slow)
        event.remove(engine, "before_cursor_execute", count)
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    log.info("%d statements; longest event-loop gap %.3f s", len(statements), max(gaps))
    assert errors == []
    assert len(statements) > 20  # the pages really did read and write through the slow engine
    assert on_gui_thread == [], f"statements run on the GUI thread: {on_gui_thread[:5]}"
    # The event loop kept running while the reads waited (no timed bound: machines are noisy).
    assert len(ticks) > 50
