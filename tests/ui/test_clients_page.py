"""Drive the real window: navigate, add a client with a bad credit code, fix it, find it."""

from __future__ import annotations

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QLineEdit

from desktop.clients.model import ClientData
from desktop.clients.service import list_clients, save_client


def _save_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def test_add_client_with_live_validation(main_window, qtbot, typist):
    main_window.nav.setCurrentRow(4)  # 客户
    page = main_window.page("clients")
    assert main_window.stack.currentIndex() == 4
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    name = dialog.findChild(QLineEdit, "name")
    code = dialog.findChild(QLineEdit, "id_number")
    hint = dialog.findChild(QLabel, "hint_id_number")
    typist(name, "阳泉新材料科技有限公司")
    typist(code, "91350200776049653")
    assert hint.isVisible() and "18位" in hint.text()
    assert not _save_button(dialog).isEnabled()
    typist(code, "B")  # wrong check character: a warning to confirm
    assert "校验位" in hint.text()
    assert dialog.confirm.isVisible()
    code.clear()
    typist(code, "91350200776049653A")  # fixed
    assert not hint.isVisible()
    assert _save_button(dialog).isEnabled()
    qtbot.mouseClick(_save_button(dialog), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)  # saved in the background
    typist(page.search, "阳泉")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.rows[0].id_number == "91350200776049653A"


def test_confirming_a_failing_code_saves_it(main_window, qtbot, typist):
    page = main_window.show_page("clients")
    dialog = page.add()
    typist(dialog.findChild(QLineEdit, "name"), "某老企业")
    typist(dialog.findChild(QLineEdit, "id_number"), "91350203M0001QAY9B")
    assert _save_button(dialog).isEnabled()  # a warning does not block…
    qtbot.mouseClick(_save_button(dialog), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.confirm.isVisible() and _save_button(dialog).isEnabled(),
                    timeout=10000)
    assert dialog.isVisible()  # …but saving needs the confirmation
    assert list_clients(main_window.env.ctx.db) == []
    dialog.confirm.setChecked(True)
    qtbot.mouseClick(_save_button(dialog), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    assert [c.name for c in list_clients(main_window.env.ctx.db)] == ["某老企业"]
    qtbot.waitUntil(lambda: [c.name for c in page.model.rows] == ["某老企业"], timeout=10000)


def test_import_and_export_from_the_page(main_window, qtbot, tmp_path, monkeypatch):
    page = main_window.show_page("clients")
    src = tmp_path / "in.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["名称", "联系电话"])
    wb.active.append(["甲公司", "13812345678"])
    wb.active.append(["乙公司", "12345"])
    wb.save(src)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(src), ""))
    page.import_()
    qtbot.waitUntil(lambda: getattr(page, "last_report", None) is not None, timeout=10000)
    assert "拒绝 1 行" in page.last_report.text()
    assert "第3行" in page.last_report.detailedText()
    qtbot.waitUntil(lambda: [c.name for c in page.model.rows] == ["甲公司"], timeout=10000)
    page.last_report.close()
    out = tmp_path / "out"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    page.export()
    qtbot.waitUntil(lambda: (tmp_path / "out.xlsx").exists(), timeout=10000)
    assert openpyxl.load_workbook(tmp_path / "out.xlsx").active["B2"].value == "甲公司"


def test_edit_existing_client(main_window, qtbot, typist):
    save_client(main_window.env.ctx.db, ClientData(name="旧名称"))
    page = main_window.show_page("clients")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)
    page.table.selectRow(0)
    dialog = page.edit_selected()
    name = dialog.findChild(QLineEdit, "name")
    name.clear()
    typist(name, "新名称")
    qtbot.mouseClick(_save_button(dialog), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: [c.name for c in page.model.rows] == ["新名称"], timeout=10000)


def test_settings_page_saves_outlet(main_window, qtbot, typist):
    from desktop.settings.api import prefs
    from desktop.settings.outlet import get_outlet

    page = main_window.show_page("settings")
    qtbot.waitUntil(lambda: page.loaded, timeout=10000)
    assert page.outlet_inputs["name"].text() == "测试知识产权服务站"  # the fixture's desk
    page.outlet_inputs["name"].clear()
    typist(page.outlet_inputs["name"], "晋中开发区知识产权服务站")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.saved_label.text() == "已保存", timeout=10000)
    assert get_outlet(main_window.env.ctx.db).name == "晋中开发区知识产权服务站"
    page.language.setCurrentIndex(1)
    assert main_window.env.prefs.get(prefs.LANGUAGE) == "en"
    # this desk's preferences live in the data folder, not in the user's home
    main_window.env.prefs.sync()
    ini = main_window.env.ctx.paths.root / "settings.ini"
    assert "language=en" in ini.read_text(encoding="utf-8")


def test_every_page_opens(main_window):
    from desktop.ui.pages import PAGES

    for spec in PAGES:
        widget = main_window.show_page(spec.key)
        assert widget.isVisible(), spec.key
