"""A client's own data exported on request from the clients page, and the export recorded."""

from __future__ import annotations

import datetime as _dt
import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop.clients import api as clients
from desktop.visits import api as visits


def test_export_a_clients_data_on_request(main_window, ui_env, qtbot, tmp_path,
                                          monkeypatch) -> None:
    ctx = ui_env.ctx
    c = clients.save_client(ctx, clients.ClientData(name="张三", kind="individual",
                                                    phone="13900001111")).value
    visits.save_visit(ctx, visits.VisitData(
        started_at=_dt.datetime(2026, 3, 2, 10), client_id=c.id, question="软著怎么登记"))
    page = main_window.show_page("clients")
    qtbot.waitUntil(lambda: page.loaded and len(page.model.rows) == 1, timeout=10000)
    page.select_client(c.id)
    target = tmp_path / "张三.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    qtbot.mouseClick(page.personal_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已导出" in page.count_label.text(), timeout=10000)
    text = target.read_text(encoding="utf-8")
    data = json.loads(text)
    assert "张三" in text and "13900001111" in text and "软著怎么登记" in text
    assert data
    [record] = visits.personal_data_exports(ctx)
    assert record.kind == "client_data" and str(target) in record.path
