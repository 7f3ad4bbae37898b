"""Start the desktop app: QApplication, language, data folder, database, main window."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

log = logging.getLogger(__name__)


def _gui_args(argv: Sequence[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="ipdesk", add_help=False)
    p.add_argument("--data-dir")
    p.add_argument("--db", dest="db_url")
    p.add_argument("--lang", choices=("zh", "en"))
    p.add_argument("-v", "--verbose", action="store_true")
    args, _unknown = p.parse_known_args(list(argv))
    return args


def create_window(ctx, prefs, lang: str):  # type: ignore[no-untyped-def]
    """Build the main window for an open context (used by run_gui, tests and screenshots)."""
    from desktop.ui.env import UiEnv
    from desktop.ui.jobs import JobRunner
    from desktop.ui.main_window import MainWindow

    env = UiEnv(ctx=ctx, jobs=JobRunner(), prefs=prefs, lang=lang)
    return MainWindow(env)


def _install_excepthook(parent, lang: str) -> None:  # type: ignore[no-untyped-def]
    """An error escaping a slot is logged in full and shown as a message, not a crash."""
    from desktop.ui.jobs import show_error

    def hook(exc_type, exc, tb) -> None:  # type: ignore[no-untyped-def]
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        from desktop.errors import UserError

        if not isinstance(exc, UserError):
            log.error("unhandled error in the GUI", exc_info=(exc_type, exc, tb))
        show_error(parent, exc, lang)

    sys.excepthook = hook


def run_gui(argv: Sequence[str]) -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desktop.context import open_context
    from desktop.errors import UserError
    from desktop.logging_setup import setup_logging
    from desktop.paths import resolve_data_paths
    from desktop.ui.i18n import install_language

    args = _gui_args(argv)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("IPDesk")
    app.setOrganizationName("IPDesk")
    prefs = QSettings()
    lang = args.lang or str(prefs.value("ui/language", "zh"))
    install_language(app, lang)
    try:
        paths = resolve_data_paths(args.data_dir)
        paths.ensure()
        setup_logging(paths.logs_dir, verbose=args.verbose)
        ctx = open_context(args.data_dir, args.db_url)
    except UserError as exc:
        QMessageBox.critical(None, "IP Desk", exc.message(lang))
        return 2
    window = create_window(ctx, prefs, lang)
    _install_excepthook(window, lang)
    window.show()
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
