"""Translations: Chinese is the source language; English comes from Qt Linguist files.

Each UI module has its own ``resources/translations/en/<module>.ts`` (edited with Qt
Linguist or ``tools/i18n.py``) compiled to a ``.qm`` beside it; all of them are loaded
when the language is English.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QTranslator

from desktop.paths import resource

log = logging.getLogger(__name__)
_installed: list[QTranslator] = []


def install_language(app: QCoreApplication, lang: str) -> None:
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    if lang == "zh":
        return
    for qm in sorted(resource("translations", lang).glob("*.qm")):
        tr = QTranslator(app)
        if tr.load(str(qm)):
            app.installTranslator(tr)
            _installed.append(tr)
        else:
            log.warning("cannot load translation %s", qm)
