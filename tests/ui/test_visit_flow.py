"""The consultation desk end to end, as an officer would: first-run set-up on the start
page, 新接待 → client → need typed → suggestion ticked → guide and material ticks → form
opened pre-filled and generated → a search on the library page → packet previewed and
printed → visit saved with its links → on the start page and in the monthly report."""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.clients import api as clients
from desktop.forms import api as forms
from desktop.settings import api as settings
from desktop.settings.api import prefs
from desktop.visits import api as visits

CLIENT = clients.ClientData(name="晋城光机电科技有限公司", region="晋城经开区",
                            id_number="91350200776049653A", phone="13812345678")


def _row_of(widget, text: str) -> int:
    for i in range(widget.count()):
        if text in widget.item(i).text():
            return i
    return -1


def test_one_stop_visit_end_to_end(main_window, ui_env, qtbot, typist, tmp_path: Path,
                                   monkeypatch) -> None:
    ctx = ui_env.ctx
    client = clients.save_client(ctx, CLIENT).value
    ui_env.prefs.set(prefs.FORMS_FOLDER, str(tmp_path / "out"))
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))

    # the app opens on the start page, which asks for the outlet first (on a new desk)
    home = main_window.page("home")
    assert main_window.stack.currentIndex() == 0
    qtbot.waitUntil(lambda: home.loaded, timeout=10000)
    assert not home.setup.isVisibleTo(home)
    ui_env.notices.publish(settings.set_outlet(ctx, settings.Outlet()).changes)
    qtbot.waitUntil(lambda: home.setup.isVisibleTo(home) and ui_env.outlet_set is False,
                    timeout=10000)
    typist(home.setup.fields["name"], "晋城市知识产权公共服务站")
    typist(home.setup.fields["officers"], "王敏、李强")
    qtbot.mouseClick(home.setup.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not home.setup.isVisibleTo(home), timeout=10000)
    assert settings.get_outlet(ctx).officer_names() == ["王敏", "李强"]
    qtbot.waitUntil(lambda: ui_env.outlet_set is True, timeout=10000)

    # 新接待 → step 1: the client by type-ahead
    qtbot.mouseClick(home.new_button, Qt.MouseButton.LeftButton)
    flow = main_window.page("visit")
    assert main_window.stack.currentWidget().findChild(type(flow)) is flow
    typist(flow.client_step.search, "光机电")
    qtbot.waitUntil(lambda: flow.client_step.choice()[0] == client.id, timeout=10000)
    assert flow.in_progress  # the timer runs from step 1

    # step 2: the need in the visitor's words; the pledge item is suggested and ticked
    flow.go(1)
    typist(flow.need_step.need, "我们公司想拿专利去银行贷款")
    qtbot.waitUntil(lambda: flow.need_step.suggested, timeout=10000)
    top3 = [flow.need_step.items.item(i).text() for i in range(3)]
    assert any("ZL-008" in t for t in top3), top3
    assert flow.need_step.tick("ZL-008")
    assert flow.need_step.codes() == ["ZL-008"]

    # step 3: the guide; the visitor already has the first material
    flow.go(2)
    qtbot.waitUntil(lambda: flow.guide_step.materials.count() > 0, timeout=10000)
    assert "质押" in flow.guide_step.guide.toPlainText()
    flow.guide_step.materials.item(0).setCheckState(Qt.CheckState.Checked)
    assert flow.guide_step.ticks == {"ZL-008": {0}}

    # step 4: the pledge form opens on the forms page, pre-filled from the client
    flow.go(3)
    assert _row_of(flow.forms_step.form_list, "质押") >= 0
    flow.forms_step.form_list.setCurrentRow(_row_of(flow.forms_step.form_list, "质押"))
    qtbot.mouseClick(flow.forms_step.open_button, Qt.MouseButton.LeftButton)
    fp = main_window.page("forms")
    qtbot.waitUntil(lambda: fp.form is not None and fp.form.id == "patent_pledge"
                    and fp.client_id() == client.id, timeout=10000)
    qtbot.waitUntil(lambda: fp.current_data().get("phone") == CLIENT.phone, timeout=10000)
    filled = fp.current_data()
    assert CLIENT.name in str(filled)  # pre-filled from the profile
    example = json.loads(json.dumps(forms.example_data(fp.form), ensure_ascii=False)
                         .replace(fp.form.spec.example["pledgors"][0]["name"], CLIENT.name))
    fp.editor.set_values({**example, **{k: v for k, v in filled.items() if v}})
    qtbot.mouseClick(fp.docx_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已生成" in fp.status.text(), timeout=15000,
                    ) if "修正" not in fp.status.text() else None
    assert "已生成" in fp.status.text(), fp.status.text()
    [doc] = forms.list_documents(ctx)
    assert flow.forms_step.document_ids == [doc.id]  # linked automatically

    # a library search during the visit is linked too
    sp = main_window.page("search")
    sp.open_target(query="质押 专利")
    qtbot.waitUntil(lambda: flow.searches == ["质押 专利"], timeout=15000)

    # step 5: the packet — missing materials, guide, the form; outlet and date
    main_window.show_page("visit")
    flow.go(4)
    qtbot.waitUntil(lambda: "晋城市知识产权公共服务站" in flow.packet_step.html, timeout=10000)
    html = flow.packet_step.html
    missing = visits.missing_materials(ctx, ["ZL-008"], {"ZL-008": {0}})["ZL-008"]
    assert missing and all(m.replace("&", "&amp;") in html for m in missing)
    assert "尚缺材料清单" in html and _dt.date.today().isoformat() in html
    assert fp.form.spec.name_for("zh") in html and CLIENT.name in html
    printed = []
    monkeypatch.setattr("desktop.ui.pages.visit.packet_step.preview_document",
                        lambda doc, parent, title="": printed.append(doc.toPlainText()) or True)
    qtbot.mouseClick(flow.packet_step.print_button, Qt.MouseButton.LeftButton)
    assert printed and "尚缺材料清单" in printed[0]

    # step 6: save — question carried over, topics from the item, officer from the outlet
    flow.go(5)
    step = flow.save_step
    assert step.question.toPlainText() == "我们公司想拿专利去银行贷款"
    qtbot.waitUntil(lambda: step.topic_boxes["financing"].isChecked(), timeout=10000)
    qtbot.waitUntil(lambda: step.officer.count() == 2, timeout=10000)
    assert step.officer.currentText() == "王敏" and step.duration.value() >= 1
    step.satisfaction.setCurrentIndex(step.satisfaction.findData(5))
    step.outcome.setCurrentIndex(step.outcome.findData("prepared"))
    typist(step.answer, "可办理专利权质押登记，材料见清单")
    qtbot.mouseClick(step.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: flow.last_saved is not None, timeout=10000)
    saved = visits.get_visit(ctx, flow.last_saved.id)
    assert (saved.client_id, saved.items, saved.document_ids, saved.searches) == (
        client.id, ["ZL-008"], [doc.id], ["质押 专利"])
    assert (saved.officer, saved.satisfaction, saved.outcome) == ("王敏", 5, "prepared")
    assert "financing" in saved.topics and saved.duration_min and saved.duration_min >= 1
    assert not flow.in_progress and flow.need_step.text() == ""  # ready for the next

    # the start page shows it; the month's report counts it
    main_window.show_page("home")
    qtbot.waitUntil(lambda: _row_of(home.today_list, CLIENT.name) >= 0, timeout=10000)
    assert home.tiles["visits"].value.text() == "1"
    assert home.tiles["documents"].value.text() == "1"
    assert _row_of(home.items_list, "ZL-008") >= 0
    out = tmp_path / "report.xlsx"
    today = _dt.date.today()
    visits.write_report(ctx, out, today.replace(day=1), today)
    wb = openpyxl.load_workbook(out)
    detail = [[c for c in row if c is not None] for row in wb["明细"].iter_rows(values_only=True)]
    assert any("我们公司想拿专利去银行贷款" in map(str, row) for row in detail)


def test_visit_problems_are_shown_by_field_and_nothing_saved(main_window, ui_env, qtbot,
                                                             typist) -> None:
    flow = main_window.show_page("visit")
    flow.go(5)
    typist(flow.save_step.question, "咨询")
    flow.save_step.officer.setCurrentText("x" * 300)  # longer than the log keeps
    qtbot.mouseClick(flow.save_step.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: flow.save_step.problems.text() != "", timeout=10000)
    assert "接待人" in flow.save_step.problems.text()
    assert visits.list_visits(ui_env.ctx) == []
