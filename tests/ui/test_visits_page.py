"""Drive the real window's 接待登记 page: filters, the editor dialog, follow-ups, import,
export and links from other pages."""

from __future__ import annotations

import datetime as _dt

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QPlainTextEdit

from desktop.clients import api as clients
from desktop.visits import api as visits

TODAY = _dt.date.today()


def _seed(ctx) -> dict[str, int]:
    firm = clients.save_client(ctx, clients.ClientData(
        name="晋城光机电公司", phone="13812345678")).value.id
    made = {}
    for key, days, fields in (
        ("loan", 3, dict(officer="王敏", client_id=firm, topics=["financing", "patent"],
                         channel="phone", outcome="follow_up", follow_up=TODAY,
                         question="专利能贷款吗")),
        ("mark", 2, dict(officer="李强", topics=["trademark"], question="商标续展怎么办")),
        ("soft", 1, dict(officer="王敏", topics=["copyright"], channel="online",
                         question="软著登记要多久", satisfaction=4)),
    ):
        when = _dt.datetime.combine(TODAY - _dt.timedelta(days=days), _dt.time(10))
        made[key] = visits.save_visit(ctx, visits.VisitData(started_at=when, **fields)).value.id
    return made


def _page(main_window, qtbot):
    page = main_window.show_page("visits")
    qtbot.waitUntil(lambda: page.loaded, timeout=10000)
    return page


def _save(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def _ids(page):
    return {v.id for v in page.model.rows}


def test_filters(main_window, qtbot, typist):
    ids = _seed(main_window.env.ctx)
    page = _page(main_window, qtbot)
    assert _ids(page) == set(ids.values()) and "3" in page.count_label.text()
    assert page.model.text(page.model.rows[-1], "topics") == "质押融资、专利"
    f = page.filters
    f.topic.setCurrentIndex(f.topic.findData("trademark"))
    qtbot.waitUntil(lambda: _ids(page) == {ids["mark"]}, timeout=5000)
    f.reset()
    qtbot.waitUntil(lambda: len(page.model.rows) == 3, timeout=5000)
    f.follow_ups.setChecked(True)
    qtbot.waitUntil(lambda: _ids(page) == {ids["loan"]}, timeout=5000)
    f.follow_ups.setChecked(False)
    typist(f.client, "光机电")
    qtbot.waitUntil(lambda: _ids(page) == {ids["loan"]}, timeout=5000)
    f.reset()
    qtbot.waitUntil(lambda: f.officer.count() == 3, timeout=5000)  # all + two officers
    f.officer.setCurrentIndex(f.officer.findData("王敏"))
    qtbot.waitUntil(lambda: _ids(page) == {ids["loan"], ids["soft"]}, timeout=5000)
    f.use_dates.setChecked(True)
    f.date_from.setDate(TODAY - _dt.timedelta(days=1))
    qtbot.waitUntil(lambda: _ids(page) == {ids["soft"]}, timeout=5000)
    f.reset()
    f.channel.setCurrentIndex(f.channel.findData("online"))
    qtbot.waitUntil(lambda: _ids(page) == {ids["soft"]}, timeout=5000)


def test_edit_through_the_dialog(main_window, qtbot, typist):
    ctx = main_window.env.ctx
    ids = _seed(ctx)
    page = _page(main_window, qtbot)
    assert page.select_visit(ids["mark"])
    dialog = page.edit_selected()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=5000)
    assert dialog.topics["trademark"].isChecked()
    # a follow-up before the visit is refused, named next to its field, nothing written
    dialog.has_follow_up.setChecked(True)
    dialog.follow_up.setDate(TODAY - _dt.timedelta(days=30))
    qtbot.mouseClick(_save(dialog), Qt.MouseButton.LeftButton)
    hint = dialog.findChild(QLabel, "hint_follow_up")
    qtbot.waitUntil(lambda: hint.isVisible(), timeout=5000)
    assert "跟进日期早于接待日期" in hint.text() and dialog.isVisible()
    assert visits.get_visit(ctx, ids["mark"]).follow_up is None
    dialog.follow_up.setDate(TODAY + _dt.timedelta(days=5))
    dialog.topics["gi"].setChecked(True)
    dialog.satisfaction.setCurrentIndex(dialog.satisfaction.findData(2))
    dialog.findChild(QPlainTextEdit, "answer").setPlainText("请在到期前六个月内申请续展")
    first = dialog.items.item(0)
    first.setCheckState(Qt.CheckState.Checked)
    code = first.data(Qt.ItemDataRole.UserRole)
    dialog.client.setText("泽州县丹河机械厂")
    qtbot.mouseClick(_save(dialog), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    got = visits.get_visit(ctx, ids["mark"])
    assert (got.topics, got.satisfaction, got.follow_up, got.items) == (
        ["trademark", "gi"], 2, TODAY + _dt.timedelta(days=5), [code])
    assert got.answer == "请在到期前六个月内申请续展"
    assert got.client_name == "泽州县丹河机械厂"  # a quick profile, created with the save
    assert clients.find_client_by_name(ctx, "泽州县丹河机械厂").kind == "enterprise"
    qtbot.waitUntil(lambda: any(v.client_name == "泽州县丹河机械厂" for v in page.model.rows),
                    timeout=5000)


def test_new_visit_and_delete(main_window, qtbot, monkeypatch):
    ctx = main_window.env.ctx
    page = _page(main_window, qtbot)
    dialog = page.add()
    dialog.topics["policy"].setChecked(True)
    dialog.question.setPlainText("有哪些专利资助政策")
    qtbot.mouseClick(_save(dialog), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    saved = visits.list_visits(ctx)
    assert [(v.topics, v.client_id, v.question) for v in saved] == [
        (["policy"], None, "有哪些专利资助政策")]
    qtbot.waitUntil(lambda: len(page.model.rows) == 1, timeout=5000)
    page.table.selectRow(0)
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.delete_selected()
    qtbot.waitUntil(lambda: page.model.rows == [], timeout=5000)
    assert visits.list_visits(ctx) == []


def test_close_a_follow_up(main_window, qtbot):
    ctx = main_window.env.ctx
    ids = _seed(ctx)
    page = _page(main_window, qtbot)
    page.select_visit(ids["mark"])
    assert not page.close_button.isEnabled()  # no follow-up on that one
    page.select_visit(ids["loan"])
    assert page.close_button.isEnabled()
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: visits.get_visit(ctx, ids["loan"]).follow_up_done, timeout=5000)
    qtbot.waitUntil(lambda: not page.close_button.isEnabled(), timeout=5000)
    assert visits.follow_ups(ctx, TODAY) == ([], [])
    assert "已跟进" in page.model.text(page.selected(), "follow_up")


def test_import_a_small_file_and_export(main_window, qtbot, tmp_path, monkeypatch):
    ctx = main_window.env.ctx
    page = _page(main_window, qtbot)
    src = tmp_path / "旧台账.xlsx"
    wb = openpyxl.Workbook()
    for row in (["来访日期", "来访单位", "咨询类别", "评价", "咨询内容"],
                ["2025/3/5", "晋中沁州黄小米合作社", "地理标志", "非常满意", "地标怎么申请"],
                ["2025/2/30", "某公司", "专利", 5, "日期不对"],
                ["2025年3月6日", None, "天气", 3, "主题不对"]):
        wb.active.append(row)
    wb.save(src)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(src), ""))
    page.files.import_()
    qtbot.waitUntil(lambda: page.files.report_dialog is not None, timeout=10000)
    report = page.files.report_dialog
    assert "新增 1" in report.summary.text() and "拒绝 2 行" in report.summary.text()
    cells = [[report.table.item(r, c).text() for c in range(4)]
             for r in range(report.table.rowCount())]
    assert [(c[1], c[2]) for c in cells] == [("3", "接待时间"), ("4", "咨询主题")]
    report.accept()
    qtbot.waitUntil(lambda: len(page.model.rows) == 1, timeout=5000)
    assert page.model.rows[0].client_name == "晋中沁州黄小米合作社"
    out = tmp_path / "导出"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    monkeypatch.setattr(page.files, "ask_personal", lambda: True)
    page.files.export()
    qtbot.waitUntil(lambda: "已导出 1 条" in page.status_label.text(), timeout=10000)
    header = [c.value for c in openpyxl.load_workbook(str(out) + ".xlsx").active[1]]
    assert header[-1] == "电子邮箱"
    monkeypatch.setattr(page.files, "ask_personal", lambda: None)  # cancelled: no file
    (tmp_path / "none.xlsx").unlink(missing_ok=True)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "none.xlsx"), ""))
    page.files.export()
    assert not (tmp_path / "none.xlsx").exists()
    del ctx


def test_open_target_from_another_page(main_window, qtbot):
    ids = _seed(main_window.env.ctx)
    page = _page(main_window, qtbot)
    page.filters.topic.setCurrentIndex(page.filters.topic.findData("trademark"))
    main_window.env.open_page("visits", visit_id=ids["soft"])
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=5000)
    assert page.dialog.visit.id == ids["soft"] and page.selected().id == ids["soft"]
    page.dialog.reject()
    main_window.env.open_page("visits", follow_ups=True)
    qtbot.waitUntil(lambda: _ids(page) == {ids["loan"]}, timeout=5000)
    assert page.filters.follow_ups.isChecked()


def test_english_labels(english_window, qtbot):
    page = english_window.show_page("visits")
    qtbot.waitUntil(lambda: page.loaded, timeout=10000)
    assert page.add_button.text() == "New entry"
    assert page.filters.follow_ups.text() == "Open follow-ups only"
    assert page.model.headers[0] == "Date/time" and "0 visits" in page.count_label.text()
    assert page.filters.channel.itemText(1) == "Walk-in"
    dialog = page.add()
    assert dialog.windowTitle() == "New visit" and dialog.topics["patent"].text() == "Patents"
    dialog.reject()
