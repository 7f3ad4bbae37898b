"""Regenerate docs/screenshots/<page>.png: every page of the real window on demo data.

    QT_QPA_PLATFORM=offscreen python tools/screenshots.py        (or under xvfb-run)

Needs CJK fonts (Debian: fonts-noto-cjk), or Chinese shows as boxes.  A page module may
define ``screenshot_setup(page, env)`` to load demo data or select an item first.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"
log = logging.getLogger("screenshots")


def shoot_client_dialog(app, window) -> None:  # type: ignore[no-untyped-def]
    """The add-client dialog showing live validation of a mistyped credit code."""
    from PySide6.QtWidgets import QLineEdit

    page = window.show_page("clients")
    dialog = page.add()
    dialog.findChild(QLineEdit, "name").setText("阳泉新材料科技有限公司")
    dialog.findChild(QLineEdit, "id_number").setText("91350200776049653B")
    dialog.findChild(QLineEdit, "phone").setText("1381234567")
    for _ in range(10):
        app.processEvents()
    dialog.grab().save(str(OUT / "client_dialog.png"))
    dialog.reject()
    log.info("wrote docs/screenshots/client_dialog.png")


HANDOUT_CODES = ("ZL-008", "SB-001", "DL-003")


def shoot_handouts(ctx) -> None:  # type: ignore[no-untyped-def]
    """One PNG per printed page of a few visitor handouts (needs LibreOffice and pdftoppm),
    as the visitor sees them: ``docs/screenshots/handout_<code>-<page>.png``."""
    import shutil
    import subprocess

    from desktop.catalogue import api as catalogue

    if not catalogue.can_write_pdf() or shutil.which("pdftoppm") is None:
        log.warning("handout pages skipped: needs LibreOffice and pdftoppm (poppler-utils)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        for code in HANDOUT_CODES:
            pdf = catalogue.write_handout(ctx, catalogue.get_items(ctx, [code]),
                                          Path(tmp) / f"{code}.pdf")
            for old in OUT.glob(f"handout_{code}-*.png"):
                old.unlink()
            subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf),
                            str(OUT / f"handout_{code}")], check=True)
            log.info("wrote docs/screenshots/handout_%s-*.png", code)


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from desktop.app import open_folder
    from desktop.settings import api as settings
    from desktop.ui.app import create_window
    from desktop.ui.pages import PAGES
    from desktop.ui.prefs import Prefs

    app = QApplication([])
    app.setFont(QFont("Noto Sans CJK SC", 10))
    from desktop.ui.i18n import install_language

    install_language(app, "zh")
    OUT.mkdir(parents=True, exist_ok=True)
    only = set(sys.argv[1:])
    with tempfile.TemporaryDirectory() as tmp:
        ctx = open_folder(Path(tmp) / "data")
        prefs = Prefs(settings.prefs_path(ctx.paths))  # the data folder's own preferences
        window = create_window(ctx, prefs, "zh")
        window.resize(1280, 800)
        window.show()
        for spec in PAGES:
            if only and spec.key not in only:
                continue
            page = window.show_page(spec.key)
            window.env.jobs.wait(60000)  # the page's first reads have arrived
            for _ in range(20):
                app.processEvents()
            setup = getattr(importlib.import_module(spec.module), "screenshot_setup", None)
            if setup is not None:
                setup(page, window.env)
            for _ in range(20):
                app.processEvents()
            window.env.jobs.wait(60000)
            for _ in range(20):
                app.processEvents()
            target = OUT / f"{spec.key}.png"
            window.grab().save(str(target))
            log.info("wrote %s", target.relative_to(ROOT))
        if not only or "client_dialog" in only:
            shoot_client_dialog(app, window)
        if not only or "handouts" in only:
            shoot_handouts(ctx)
        window.close()
        ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
