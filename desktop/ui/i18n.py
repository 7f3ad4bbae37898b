"""Translations: Chinese is the source language; English comes from Qt Linguist files.

Each UI module has its own ``resources/translations/en/<module>.ts`` (edited with Qt
Linguist or ``tools/i18n.py``) compiled to a ``.qm`` beside it; all of them are loaded
when the language is English.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from desktop.paths import resource

log = logging.getLogger(__name__)
_installed: list[QTranslator] = []


def install_language(app: QCoreApplication, lang: str) -> None:
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    # Qt's own texts (standard buttons, file dialogs) in the chosen language
    qt_tr = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_tr.load("qtbase_zh_CN" if lang == "zh" else f"qtbase_{lang}", qt_dir):
        app.installTranslator(qt_tr)
        _installed.append(qt_tr)
    if lang == "zh":
        return
    for qm in sorted(resource("translations", lang).glob("*.qm")):
        tr = QTranslator(app)
        if tr.load(str(qm)):
            app.installTranslator(tr)
            _installed.append(tr)
        else:
            log.warning("cannot load translation %s", qm)
