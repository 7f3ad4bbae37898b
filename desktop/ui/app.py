"""Start the desktop app: QApplication, this desk's preferences and language, the app
(through the composition root ``desktop.app.open_app``) and the main window."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.context import AppContext
from desktop.errors import UserError
from desktop.options import parse_global
from desktop.paths import resolve_data_paths
from desktop.settings import api as settings
from desktop.ui.i18n import install_language
from desktop.ui.jobs import JobRunner, show_error
from desktop.ui.prefs import Prefs

log = logging.getLogger(__name__)


def create_window(ctx: AppContext, prefs: Prefs, lang: str) -> QWidget:
    """Build the main window for an open app (used by run_gui, tests and screenshots)."""
    from desktop.ui.env import UiEnv
    from desktop.ui.main_window import MainWindow

    return MainWindow(UiEnv(ctx=ctx, jobs=JobRunner(), prefs=prefs, lang=lang))


def _install_excepthook(parent: QWidget, lang: str) -> None:
    """An error escaping a slot is logged in full and shown as a message, not a crash."""

    def hook(exc_type: type[BaseException], exc: BaseException,
             tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if not isinstance(exc, UserError):
            log.error("unhandled error in the GUI", exc_info=(exc_type, exc, tb))
        show_error(parent, exc, lang)

    sys.excepthook = hook


def run_gui(argv: Sequence[str]) -> int:
    from desktop.app import open_app

    options = parse_global(argv)
    instance = QApplication.instance()
    app = instance if isinstance(instance, QApplication) else QApplication([sys.argv[0]])
    app.setApplicationName("IPDesk")
    app.setOrganizationName("IPDesk")
    prefs = Prefs(settings.prefs_path(resolve_data_paths(options.data_dir)))
    lang = options.lang or prefs.get(settings.prefs.LANGUAGE)
    install_language(app, lang)
    from desktop.ui.signin import ask_in_dialog, choose_profile

    try:  # a PostgreSQL login without a password: the sign-in dialog asks for it; an
        # unreachable server: offline mode
        ctx = open_app(options, ask=ask_in_dialog(lang), offline_ok=True)
        if not choose_profile(ctx, lang):  # desk profiles (SQLite): who is working now
            ctx.close()
            return 0
    except UserError as exc:
        QMessageBox.critical(None, "IP Desk", exc.message(lang))
        return 2
    window = create_window(ctx, prefs, lang)
    _install_excepthook(window, lang)
    window.show()
    from desktop.ui.auto_backup import start_auto_backup

    start_auto_backup(window)  # a child of the window: lives as long as it
    probe = os.environ.get("IPDESK_STARTUP_PROBE")
    if probe:  # bench/startup.py: note when the event loop first runs, then quit
        import time

        from PySide6.QtCore import QTimer

        def ready() -> None:
            with open(probe, "w", encoding="utf-8") as fh:
                fh.write(repr(time.time()))
            app.quit()

        QTimer.singleShot(0, ready)
    code = app.exec()
    ctx.close()
    return code
