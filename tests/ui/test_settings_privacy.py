"""设置 → 个人信息保护: the retention period, 立即匿名化, the record of personal-data exports."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from PySide6.QtCore import Qt

from desktop.clients import api as clients
from desktop.settings import api as settings
from desktop.visits import api as visits


def test_retention_anonymise_now_and_the_export_record(main_window, qtbot,  # type: ignore[no-untyped-def]
                                                        tmp_path: Path) -> None:
    ctx = main_window.env.ctx
    cid = clients.save_client(ctx, clients.ClientData(name="太行新材料有限公司")).value.id
    old = visits.save_visit(ctx, visits.VisitData(
        started_at=_dt.datetime.now() - _dt.timedelta(days=60), client_id=cid,
        question="太行新材料有限公司问商标", answer="可以注册。", notes="私人备注")).value
    page = main_window.show_page("settings")
    box = page.privacy
    qtbot.waitUntil(lambda: box.loaded, timeout=10000)
    assert box.retention.value() == settings.get_retention_days(ctx) == 3 * 365
    assert box.export_list.item(0).text() == "（尚无导出记录）"
    box.retention.setValue(30)
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.status.text() == "已保存：30天", timeout=10000)
    assert settings.get_retention_days(ctx) == 30
    qtbot.mouseClick(box.anonymise_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.status.text() == "已匿名化 1 条接待记录", timeout=10000)
    done = visits.get_visit(ctx, old.id or 0)
    assert done.anonymised and done.notes == "" and done.question == "[客户]问商标"
    op = visits.export_client_data(ctx, cid or 0, tmp_path / "c.json")
    box.loaded = False
    page.apply_changes(op.changes)
    qtbot.waitUntil(lambda: box.loaded, timeout=10000)
    assert [r.path for r in box.exports] == [str(tmp_path / "c.json")]
    assert "client_data" in box.export_list.item(0).text()
