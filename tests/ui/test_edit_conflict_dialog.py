"""The conflict dialog: another desk saved the client / catalogue item after this desk
opened it; the officer sees the fields that differ and chooses what to do."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QLabel, QPushButton

from desktop.app import open_folder
from desktop.catalogue import api as catalogue
from desktop.clients import api as clients


@pytest.fixture
def other_desk(main_window, tmp_path):  # type: ignore[no-untyped-def]
    """Desk B on the same database as the window's desk."""
    ctx = main_window.env.ctx
    other = open_folder(tmp_path / "desk_b", ctx.db.url)
    other.actor = "李华"
    yield other
    other.close()


def _open_client(main_window, qtbot):  # type: ignore[no-untyped-def]
    page = main_window.show_page("clients")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)
    page.table.selectRow(0)
    return page.edit_selected()


def _save(dialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)


def _conflict(dialog, qtbot):  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: dialog.conflict_dialog is not None
                    and dialog.conflict_dialog.isVisible(), timeout=10000)
    return dialog.conflict_dialog


def _changed_at_b(other, cid: int) -> None:  # type: ignore[no-untyped-def]
    theirs = clients.get_client(other, cid)
    theirs.phone = "13900000001"
    clients.save_client(other, theirs)


def test_client_conflict_keep_editing_then_overwrite(main_window, other_desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    ctx = main_window.env.ctx
    cid = clients.save_client(ctx, clients.ClientData(name="太原煤化科技有限公司")).value.id
    assert cid is not None
    dialog = _open_client(main_window, qtbot)
    dialog.inputs["phone"].setText("13812345678")
    _changed_at_b(other_desk, cid)  # desk B saves while this desk is editing
    _save(dialog, qtbot)
    box = _conflict(dialog, qtbot)
    assert "该客户档案已被 李华 于" in box.findChild(QLabel, "conflictMessage").text()
    table = box.table
    assert table.rowCount() == 1
    assert [table.item(0, c).text() for c in range(3)] == ["电话", "13812345678", "13900000001"]
    assert dialog.isVisible()  # nothing saved, the form still open
    assert clients.get_client(ctx, cid).phone == "13900000001"
    qtbot.mouseClick(box.findChild(QPushButton, "keepEditing"), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.inputs["phone"].text() == "13900000001"  # theirs loaded …
    yours = dialog.findChild(QLabel, "yours_phone")
    assert yours.isVisible() and "13812345678" in yours.text()  # … yours kept visible
    dialog.inputs["phone"].setText("13812345678")
    _save(dialog, qtbot)  # on top of their version now: saved
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    assert clients.get_client(ctx, cid).phone == "13812345678"


@pytest.mark.parametrize("choice", ["overwrite", "discard"])
def test_client_conflict_overwrite_or_discard(main_window, other_desk, qtbot, choice) -> None:  # type: ignore[no-untyped-def]
    ctx = main_window.env.ctx
    cid = clients.save_client(ctx, clients.ClientData(name="某企业")).value.id
    assert cid is not None
    dialog = _open_client(main_window, qtbot)
    dialog.inputs["phone"].setText("13812345678")
    _changed_at_b(other_desk, cid)
    _save(dialog, qtbot)
    box = _conflict(dialog, qtbot)
    qtbot.mouseClick(box.findChild(QPushButton, choice), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    expected = "13812345678" if choice == "overwrite" else "13900000001"
    qtbot.waitUntil(lambda: clients.get_client(ctx, cid).phone == expected, timeout=10000)


def test_catalogue_item_conflict(main_window, other_desk, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from desktop.catalogue.admin import set_admin_password

    ctx = main_window.env.ctx
    page = main_window.show_page("catalogue")
    qtbot.waitUntil(lambda: page.loaded, timeout=10000)
    set_admin_password(ctx.db, "right-one")
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("right-one", True)))
    page.select("ZL-009")
    page.edit_current()
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=10000)
    editor = page.dialog
    theirs = catalogue.get_item(other_desk, "ZL-009").model_copy(update={"fees": "B 改的收费说明"})
    catalogue.save_item(other_desk, theirs)  # desk B saves while the editor is open
    mine_text = editor.editor.toPlainText().replace("version: '2026.1'", "version: '2024.9'")
    editor.editor.setPlainText(mine_text)
    qtbot.mouseClick(editor.findChild(QPushButton, "save_item"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.dialog is not editor and page.dialog is not None
                    and page.dialog.objectName() == "conflictDialog", timeout=10000)
    box = page.dialog
    fields = [box.table.item(r, 0).text() for r in range(box.table.rowCount())]
    assert "收费标准" in fields or any("收费" in f for f in fields)
    assert catalogue.get_item(ctx, "ZL-009").fees == "B 改的收费说明"  # not overwritten
    qtbot.mouseClick(box.findChild(QPushButton, "keepEditing"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.dialog is not box and page.dialog.isVisible(), timeout=10000)
    again = page.dialog
    assert "B 改的收费说明" in again.editor.toPlainText()  # theirs in the editor
    mine = again.findChild(type(again.editor), "item_yaml_mine")
    assert mine is not None and "2024.9" in mine.toPlainText()  # mine beside it
    again.editor.setPlainText(again.editor.toPlainText().replace("version: '2026.1'",
                                                                 "version: '2024.9'"))
    qtbot.mouseClick(again.findChild(QPushButton, "save_item"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: catalogue.get_item(ctx, "ZL-009").version == "2024.9",
                    timeout=10000)
    saved = catalogue.get_item(ctx, "ZL-009")
    assert saved.fees == "B 改的收费说明"
