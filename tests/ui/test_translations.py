"""The English translation is complete and actually switches the interface."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QLabel

from desktop.ui.pages import PAGES

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import i18n  # noqa: E402  (tools/i18n.py)


def test_every_text_has_an_english_translation():
    ts_files = sorted(i18n.TS_DIR.glob("*.ts"))
    assert ts_files
    missing = {ts.name: i18n.unfinished(ts) for ts in ts_files}
    assert {k: v for k, v in missing.items() if v} == {}
    for ts in ts_files:
        qm = ts.with_suffix(".qm")
        assert qm.exists(), f"{qm.name} not compiled: run python tools/i18n.py update"


def test_english_interface(english_window, qtbot):
    win = english_window
    page = win.show_page("clients")
    titles = [label.text() for label in page.findChildren(QLabel)]
    assert any("Client profiles" in t for t in titles)
    assert page.add_button.text() == "New"
    assert win.nav.item([p.key for p in PAGES].index("clients")).text() == "Clients"
    qtbot.waitUntil(lambda: page.loaded, timeout=10000)
    assert "1 client" in page.count_label.text() or "0 clients" in page.count_label.text()
