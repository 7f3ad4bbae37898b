"""The forms page driven like an officer: pick a form, pre-fill from a client, fix a
problem shown next to the field, generate, reopen from the history."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QMessageBox

from desktop.clients import api as clients
from desktop.clients.model import ClientData
from desktop.clients.service import save_client
from desktop.forms.history import count_documents_for_form, list_documents
from desktop.settings.api import prefs
from tests.forms.conftest import docx_text

CLIENT = ClientData(name="太原晋创新材料有限公司", kind="enterprise",
                    id_number="91140105MA0K3J7WX4", address="山西省太原市小店区长治路227号",
                    postcode="030006", contact_person="李明", phone="13812345678",
                    email="liming@jinchuang.example.cn", region="山西省太原市")


def _open(main_window, qtbot):  # type: ignore[no-untyped-def]
    """The forms page, once its forms and clients have been read (in the background)."""
    page = main_window.show_page("forms")
    qtbot.waitUntil(lambda: page.registry is not None and page.clients_loaded, timeout=10000)
    return page


def _pick_form(page, qtbot, typist, query: str, form_id: str) -> None:  # type: ignore[no-untyped-def]
    typist(page.search, query)
    assert page.form_list.count() >= 1
    for i in range(page.form_list.count()):
        item = page.form_list.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == form_id:
            rect = page.form_list.visualItemRect(item)
            qtbot.mouseClick(page.form_list.viewport(), Qt.MouseButton.LeftButton,
                             pos=rect.center())
            break
    assert page.form is not None and page.form.id == form_id


def test_fill_from_client_profile_and_generate(main_window, ui_env, qtbot, typist,
                                               tmp_path: Path) -> None:
    client = save_client(ui_env.ctx.db, CLIENT)
    ui_env.prefs.set(prefs.FORMS_FOLDER, str(tmp_path / "out"))
    page = _open(main_window, qtbot)
    _pick_form(page, qtbot, typist, "地理标志", "gi_mark_use")
    ed = page.editor.editors
    # empty required fields are flagged next to the field
    assert page.editor.problem_labels["applicant_name"].isVisibleTo(page)
    typist(page.client_search, "晋创")
    qtbot.waitUntil(lambda: page.client_combo.currentData() == client.id, timeout=10000)
    qtbot.mouseClick(page.prefill_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ed["applicant_name"].value() == CLIENT.name, timeout=10000)
    assert ed["applicant_uscc"].value() == CLIENT.id_number
    assert ed["phone"].value() == "13812345678"
    # fill what the profile does not know, making one typing mistake
    typist(ed["legal_rep"].edit, "郭志强")
    typist(ed["gi_name"].edit, "山西老陈醋")
    ed["gi_kind"].combo.setCurrentIndex(1)
    typist(ed["gi_reference"].edit, "2004年第1号")
    typist(ed["production_address"].edit, "山西省晋中市平遥县")
    typist(ed["annual_output"].edit, "800吨")
    ed["usage"].boxes[0][1].click()
    typist(ed["quality_control"].edit, "按标准生产 & <检验>")
    ed["comply"].box.click()
    ed["phone"].edit.clear()
    typist(ed["phone"].edit, "1381234567")
    label = page.editor.problem_labels["phone"]
    assert label.isVisibleTo(page) and "11位" in label.text()
    qtbot.mouseClick(page.docx_button, Qt.MouseButton.LeftButton)
    assert "修正" in page.status.text() and list_documents(ui_env.ctx.db) == []
    typist(ed["phone"].edit, "8")
    assert not label.isVisibleTo(page)
    assert "可以生成" in page.summary.text()
    qtbot.mouseClick(page.docx_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已生成" in page.status.text(), timeout=10000)
    [rec] = list_documents(ui_env.ctx.db)
    assert rec.client_id == client.id and rec.form_id == "gi_mark_use"
    out = Path(rec.output_path)
    assert out.parent == (tmp_path / "out").resolve() and CLIENT.name in out.name
    text = docx_text(out)
    assert CLIENT.name in text and "按标准生产 & <检验>" in text and "13812345678" in text
    qtbot.waitUntil(lambda: page.history.rowCount() == 1, timeout=10000)  # a change notice

    # reopen from the history, change a value, regenerate as a new record
    page.tabs.setCurrentIndex(1)
    page.history.selectRow(0)
    qtbot.mouseClick(page.reopen_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.tabs.currentIndex() == 0, timeout=10000)
    assert page.form.id == "gi_mark_use"
    assert page.editor.editors["legal_rep"].value() == "郭志强"
    page.editor.editors["annual_output"].edit.clear()
    typist(page.editor.editors["annual_output"].edit, "900吨")
    qtbot.mouseClick(page.docx_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: count_documents_for_form(ui_env.ctx.db, "gi_mark_use") == 2,
                    timeout=10000)
    qtbot.waitUntil(lambda: page.history.rowCount() == 2, timeout=10000)


def test_rows_fields_fees_and_warnings(main_window, ui_env, qtbot, typist, monkeypatch,
                                       tmp_path: Path) -> None:
    ui_env.prefs.set(prefs.FORMS_FOLDER, str(tmp_path))
    page = _open(main_window, qtbot)
    _pick_form(page, qtbot, typist, "商标", "trademark_application")
    qtbot.mouseClick(page.example_button, Qt.MouseButton.LeftButton)
    assert "594.00 元（网上申请）" in page.summary.text()
    classes = page.editor.editors["classes"]
    row = classes.add_row()
    classes.set_cell(row, "nice_class", "46")
    classes.set_cell(row, "items", "某服务")
    assert "classes" in page.editor.problem_labels and \
        "46" in page.editor.problem_labels["classes"].text()
    assert classes.table.item(row, 0).background().color().name() == "#fde0e0"
    classes.table.selectRow(row)
    qtbot.mouseClick(classes.remove_button, Qt.MouseButton.LeftButton)
    assert page.result.ok
    # a credit code whose check character fails is a warning the officer confirms
    ed = page.editor.editors["applicant_id"]
    ed.edit.clear()
    typist(ed.edit, "91350203M0001QAY9B")
    assert "⚠" in page.editor.problem_labels["applicant_id"].text()
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.xlsx_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已生成" in page.status.text(), timeout=10000)
    assert asked and page.last_output.suffix == ".xlsx"
    shown = []
    page.open_preview(shown.append)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "古陶醋香" in shown[0].browser.toPlainText()
    shown[0].deleteLater()


def test_open_form_from_another_page(main_window, qtbot, typist) -> None:
    page = _open(main_window, qtbot)
    typist(page.search, "商标")
    page.tabs.setCurrentIndex(1)
    page.open_form("patent_fee_reduction")
    assert page.form.id == "patent_fee_reduction" and page.tabs.currentIndex() == 0
    assert page.search.text() == "" and page.form_list.currentItem().data(
        Qt.ItemDataRole.UserRole) == "patent_fee_reduction"


def test_broken_admin_form_is_reported_on_the_page(ui_env, main_window, qtbot) -> None:
    folder = ui_env.ctx.paths.user_dir / "forms"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "broken.yaml").write_text("id: broken\nversion: 0\n", "utf-8")
    page = _open(main_window, qtbot)
    page.registry = None
    page.reload_forms()
    qtbot.waitUntil(lambda: page.registry is not None, timeout=10000)
    assert page.load_problems.isVisibleTo(page) and "broken.yaml" in page.load_problems.text()
    ids = [page.form_list.item(i).data(Qt.ItemDataRole.UserRole)
           for i in range(page.form_list.count())]
    assert len([i for i in ids if i]) == 12


def test_english_interface(english_window, qtbot) -> None:
    page = _open(english_window, qtbot)
    assert page.docx_button.text() == "Generate Word document"
    page.select_form("patent_pledge")
    assert page.form_list.currentItem().text().strip() == \
        "Patent pledge registration application"
    assert "problem(s) still to fix" in page.summary.text()
    assert "Pledgee" in page.editor.problem_labels["pledgee_name"].text()
    titles = [b.title() for b in page.editor.findChildren(QGroupBox)]
    assert "Pledgee" in titles and "质权人" not in titles


def test_picking_a_client_fills_only_blank_fields(main_window, ui_env, qtbot, typist) -> None:
    page = _open(main_window, qtbot)
    page.select_form("rights_assistance")
    ed = page.editor.editors
    typist(ed["phone"].edit, "0351-7654321")
    # added while the page was open (as the clients page does): its notice refreshes the list
    op = clients.save_client(ui_env.ctx, CLIENT)
    ui_env.notices.publish(op.changes)
    client = op.value
    qtbot.waitUntil(lambda: page.client_combo.findData(client.id) >= 0, timeout=10000)
    index = page.client_combo.findData(client.id)
    page.client_combo.setCurrentIndex(index)
    page.client_combo.activated.emit(index)
    qtbot.waitUntil(lambda: ed["applicant_name"].value() == CLIENT.name, timeout=10000)
    assert ed["applicant_kind"].value() == "企业"
    assert ed["phone"].value() == "0351-7654321"
    qtbot.mouseClick(page.prefill_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ed["phone"].value() == "13812345678", timeout=10000)


def test_batch_from_the_page(main_window, ui_env, qtbot, monkeypatch, tmp_path: Path) -> None:
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    ui_env.prefs.set(prefs.FORMS_FOLDER, str(tmp_path / "out"))
    page = _open(main_window, qtbot)
    page.select_form("gi_mark_use")
    template = tmp_path / "模板.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(template), ""))
    qtbot.mouseClick(page.batch_template_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(template.exists, timeout=10000)
    wb = load_workbook(template)
    ws = wb["数据"]
    ws.append([c.value for c in ws[2]])
    assert ws.cell(row=1, column=2).value == "统一社会信用代码"
    ws.cell(row=3, column=2, value="123")  # the second data row gets a bad credit code
    wb.save(template)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(template), ""))
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    qtbot.mouseClick(page.batch_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert "已生成 1 份文档" in shown[0] and "第3行" in shown[0] and "错误报告" in shown[0]
    assert count_documents_for_form(ui_env.ctx.db, "gi_mark_use") == 1
    qtbot.waitUntil(lambda: page.history.rowCount() == 1, timeout=10000)


def test_reopening_a_version_1_licence_record_keeps_its_licensee(main_window, ui_env,
                                                                  qtbot) -> None:
    from desktop.forms.history import NewDocument, get_document, record_documents

    page = _open(main_window, qtbot)
    form = page.registry.get("patent_license_recordal")
    old = {k: v for k, v in form.spec.example.items() if k != "licensees"}
    old.update(licensee_name="晋中示范装备制造有限公司", licensee_id="91140702MA0J8C5G38")
    [rid] = record_documents(ui_env.ctx.db, [NewDocument(
        form.id, 1, form.spec.name, None, "", old, "docx", "/tmp/x.docx")])
    page.show_record(get_document(ui_env.ctx.db, rid), form)
    qtbot.waitUntil(lambda: page.editor is not None and "licensees" in page.editor.editors,
                    timeout=10000)
    rows = page.editor.editors["licensees"].value()
    assert rows[0]["name"] == "晋中示范装备制造有限公司"
    assert rows[0]["id_number"] == "91140702MA0J8C5G38"
    assert "旧版表单" in page.status.text()
    page.revalidate()
    assert page.result is not None and page.result.ok, page.result.problems
