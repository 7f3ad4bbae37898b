"""A past answer starred as a model answer from the visit log, linked to a service item."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from desktop.visits import api as visits


def test_star_an_answer_from_the_log(main_window, ui_env, qtbot, monkeypatch) -> None:
    ctx = ui_env.ctx
    when = _dt.datetime.combine(_dt.date.today(), _dt.time(9))
    v = visits.save_visit(ctx, visits.VisitData(
        started_at=when, items=["ZL-008", "YY-001"], question="专利能贷款吗",
        answer="可以办理专利权质押登记后向银行申请质押贷款")).value
    unanswered = visits.save_visit(ctx, visits.VisitData(
        started_at=when.replace(hour=8), question="商标怎么注册")).value
    page = main_window.show_page("visits")
    qtbot.waitUntil(lambda: page.loaded and len(page.model.rows) == 2, timeout=10000)
    assert page.select_visit(unanswered.id) and not page.star_button.isEnabled()
    assert page.select_visit(v.id) and page.star_button.isEnabled()
    asked = []
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(
        lambda *a, **k: (asked.append(a[3]) or "ZL-008", True)))
    qtbot.mouseClick(page.star_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: [a.visit_id for a in visits.model_answers(ctx, "ZL-008")] == [v.id],
                    timeout=10000)
    assert asked[0][:2] == ["ZL-008", "YY-001"]
    assert visits.model_answers(ctx, "YY-001") == []
    qtbot.waitUntil(lambda: page.star_button.text() == "取消范例答复", timeout=10000)
    qtbot.mouseClick(page.star_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: visits.model_answers(ctx, "ZL-008") == [], timeout=10000)
