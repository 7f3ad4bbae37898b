"""Hiding by role (a read-only desk sees search and the catalogue; an officer no erasure or
catalogue editing; an administrator everything and the audit log), the signed-in user in the
status bar, the sign-in dialog and the desk-profile picker."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from desktop.access import api as access
from desktop.clients import api as clients
from desktop.clients.model import ClientData
from desktop.ui.pages import PAGES


def _window(ui_env, qtbot, role: str, actor: str = "zhang"):  # type: ignore[no-untyped-def]
    from desktop.ui.main_window import MainWindow

    ui_env.ctx.actor, ui_env.ctx.role = actor, role
    win = MainWindow(ui_env)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _shown_pages(win) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.key for i, p in enumerate(PAGES) if not win.nav.item(i).isHidden()]


def test_readonly_sees_search_and_catalogue_only(ui_env, qtbot) -> None:
    win = _window(ui_env, qtbot, "readonly")
    assert _shown_pages(win) == ["catalogue", "search", "settings"]
    assert PAGES[win.nav.currentRow()].key == "catalogue"  # not the start page (visits)
    page = win.page("catalogue")
    for name in ("edit_item", "import_xlsx"):
        assert page.findChild(QPushButton, name).isHidden()
    assert not page.findChild(QPushButton, "export_xlsx").isHidden()
    win.navigate("clients", {"client_id": 1})  # a link from elsewhere does not open it
    assert PAGES[win.nav.currentRow()].key == "catalogue"
    settings = win.show_page("settings")
    assert settings.privacy is None and settings.audit is None
    assert settings.save_button.isHidden()
    status = win.findChild(QLabel, "signedIn")
    assert "zhang" in status.text() and "只读" in status.text()


def test_officer_cannot_erase_or_edit_the_catalogue(ui_env, qtbot) -> None:
    win = _window(ui_env, qtbot, "officer")
    assert _shown_pages(win) == [p.key for p in PAGES]
    clients_page = win.show_page("clients")
    assert clients_page.delete_button.isHidden()
    assert not clients_page.add_button.isHidden() and not clients_page.edit_button.isHidden()
    assert win.show_page("visits").delete_button.isHidden()
    assert win.page("catalogue").findChild(QPushButton, "edit_item").isHidden()
    settings = win.show_page("settings")
    assert settings.audit is None and settings.privacy is not None
    assert "业务人员" in win.findChild(QLabel, "signedIn").text()


def test_admin_sees_everything_and_reads_the_audit_log(ui_env, qtbot) -> None:
    ctx = ui_env.ctx
    ctx.actor, ctx.role = "boss", "admin"
    saved = clients.save_client(ctx, ClientData(name="待删除公司")).value
    clients.delete_client(ctx, saved.id or 0)
    access.add_profile(ctx, "li", "officer")
    win = _window(ui_env, qtbot, "admin", "boss")
    assert not win.show_page("clients").delete_button.isHidden()
    assert not win.page("catalogue").findChild(QPushButton, "edit_item").isHidden()
    box = win.show_page("settings").audit
    qtbot.waitUntil(lambda: box.loaded and box.table.rowCount() == 2, timeout=10000)
    assert {box.table.item(r, 4).text() for r in range(2)} == {"删除客户档案", "新增用户"}
    assert box.table.item(0, 1).text() == "boss"
    box.loaded = False
    box.action_box.setCurrentIndex(box.action_box.findData("client_erase"))
    qtbot.waitUntil(lambda: box.loaded and box.table.rowCount() == 1, timeout=10000)
    assert box.table.item(0, 5).text() == str(saved.id)


def test_the_sign_in_dialog(qtbot) -> None:
    from desktop.ui.signin import SignInDialog

    request = access.SignInRequest("zhang", "db:5432/ipdesk", "数据库拒绝了用户名或密码",
                                   "refused", can_remember=True)
    dialog = SignInDialog(request)
    qtbot.addWidget(dialog)
    assert not dialog.error_label.isHidden() and "拒绝" in dialog.error_label.text()
    assert dialog.user_edit.text() == "zhang"
    dialog.password_edit.setText("pw-1")
    dialog.remember_box.setChecked(True)
    assert dialog.credentials() == access.Credentials("zhang", "pw-1", True)
    dialog.user_edit.clear()
    dialog._accept_if_filled()
    assert dialog.result() == 0 and "用户名" in dialog.error_label.text()
    bare = SignInDialog(access.SignInRequest("li", "db:5432/x", can_remember=False))
    qtbot.addWidget(bare)
    assert bare.error_label.isHidden() and not bare.remember_box.isEnabled()
    assert bare.findChild(QLabel, "signInNoKeyring") is not None
    bare.remember_box.setChecked(True)  # cannot be remembered without a keyring
    assert bare.credentials().remember is False


def test_the_gui_ask_returns_what_was_typed(qtbot) -> None:
    from desktop.ui.signin import SignInDialog, ask_in_dialog

    def fill() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, SignInDialog) and w.isVisible())
        dialog.password_edit.setText("typed")
        dialog.accept()

    QTimer.singleShot(100, fill)
    got = ask_in_dialog()(access.SignInRequest("zhang", "db:5432/x"))
    assert got == access.Credentials("zhang", "typed", False)


def test_the_profile_picker_checks_the_pin(ctx, qtbot) -> None:
    from desktop.ui.signin import ProfileDialog, choose_profile

    assert choose_profile(ctx)  # no profiles: the desk opens as it is, role ""
    assert ctx.role == ""
    access.add_profile(ctx, "wang", "readonly", display_name="王敏", pin="1234")
    access.add_profile(ctx, "zhao", "officer")
    seen: list[str] = []

    def pick() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, ProfileDialog) and w.isVisible())
        dialog.profile_box.setCurrentIndex(dialog.profile_box.findData("wang"))
        assert dialog.pin_edit.isEnabled()
        dialog.pin_edit.setText("9999")
        dialog.try_sign_in()
        seen.append(dialog.error_label.text())
        dialog.pin_edit.setText("1234")
        dialog.try_sign_in()

    QTimer.singleShot(100, pick)
    assert choose_profile(ctx)
    assert seen and "PIN" in seen[0]
    assert (ctx.actor, ctx.role) == ("wang", "readonly")
