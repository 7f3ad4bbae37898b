"""设置 → 备份与恢复: 备份到文件…, 从备份文件恢复… (confirmation naming the archive, pages
refreshed after), the automatic-backup fields, and the automatic backup timer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.clients import api as clients
from desktop.transfer import api as transfer
from desktop.ui.auto_backup import AutoBackup


def test_backup_then_restore_from_the_settings_page(main_window, qtbot, monkeypatch,  # type: ignore[no-untyped-def]
                                                     tmp_path: Path) -> None:
    ctx = main_window.env.ctx
    clients.save_client(ctx, clients.ClientData(name="太行新材料有限公司"))
    client_page = main_window.show_page("clients")
    qtbot.waitUntil(lambda: len(client_page.model.rows) == 1, timeout=10000)
    page = main_window.show_page("settings")
    box = page.backup
    qtbot.waitUntil(lambda: box.loaded, timeout=10000)
    assert box.last_label.text() == "（尚无备份）"
    asked: dict[str, str] = {}

    def save_dialog(_parent, _title, default, _filter):  # type: ignore[no-untyped-def]
        asked["default"] = default
        return str(tmp_path / "desk.zip"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    qtbot.mouseClick(box.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.status.text().startswith("已备份"), timeout=20000)
    assert Path(asked["default"]).parent == ctx.paths.backups_dir
    assert (tmp_path / "desk.zip").is_file() and str(tmp_path / "desk.zip") in box.status.text()

    clients.save_client(ctx, clients.ClientData(name="后来的客户"))
    main_window.broadcast(transfer.EVERYTHING, None)
    qtbot.waitUntil(lambda: len(client_page.model.rows) == 2, timeout=10000)
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *a, **k: (str(tmp_path / "desk.zip"), ""))
    shown: list[str] = []

    def question(_parent, _title, text, *_a):  # type: ignore[no-untyped-def]
        shown.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    qtbot.mouseClick(box.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.status.text().startswith("已从"), timeout=30000)
    assert "客户 1" in shown[0] and "备份时间：" in shown[0] and "sqlite" in shown[0]
    assert str(ctx.db.sqlite_path) in shown[0]
    assert [c.name for c in clients.list_clients(ctx)] == ["太行新材料有限公司"]
    # every page heard of it: the client list refreshed by itself
    qtbot.waitUntil(lambda: len(client_page.model.rows) == 1, timeout=10000)
    assert "恢复前的数据库已备份到" in box.status.text()
    qtbot.waitUntil(lambda: "pre-restore" in box.last_label.text(), timeout=10000)

    # a file that is not an archive: a clear message, nothing changed
    bogus = tmp_path / "report.zip"
    bogus.write_text("not a zip", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bogus), ""))
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warned.append(text))
    shown.clear()
    qtbot.mouseClick(box.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(warned), timeout=10000)
    assert "这不是IP Desk备份文件" in warned[0] and shown == []


def test_automatic_backup_settings_and_timer(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    ctx = main_window.env.ctx
    page = main_window.show_page("settings")
    box = page.backup
    qtbot.waitUntil(lambda: box.loaded, timeout=10000)
    assert (box.hours.value(), box.keep.value()) == (24, 14)
    box.hours.setValue(6)
    box.keep.setValue(3)
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.status.text() == "自动备份设置已保存", timeout=10000)
    assert transfer.get_auto_backup(ctx) == transfer.AutoBackupSettings(6, 3)
    auto = AutoBackup(main_window.env, main_window, first_ms=0)
    qtbot.waitUntil(lambda: auto.last is not None, timeout=10000)
    assert auto.last is not None and auto.last.made is not None
    assert "-auto-" in auto.last.made.name and auto.last.made.parent == ctx.paths.backups_dir
    assert auto.timer.isActive() and auto.timer.interval() == 30 * 60_000
    made = auto.last.made
    auto.check()  # within the interval: none more
    qtbot.waitUntil(lambda: auto.last is not None and auto.last.reason == "recent",
                    timeout=10000)
    box.loaded = False
    box.reload()
    qtbot.waitUntil(lambda: box.loaded, timeout=10000)
    assert made.name in box.last_label.text()


def test_join_the_network_dialog(main_window, qtbot, monkeypatch, tmp_path: Path,  # type: ignore[no-untyped-def]
                                 typist) -> None:
    from db.session import sqlite_url
    from desktop.app import open_folder

    ctx = main_window.env.ctx
    clients.save_client(ctx, clients.ClientData(name="太行新材料有限公司",
                                                id_number="91350200776049653A"))
    (tmp_path / "shared").mkdir()
    url = sqlite_url(tmp_path / "shared" / "ipdesk.sqlite3")
    open_folder(tmp_path / "server", url).close()  # the shared database, migrated
    page = main_window.show_page("settings")
    box = page.backup
    qtbot.waitUntil(lambda: box.loaded, timeout=10000)
    qtbot.mouseClick(box.join_button, Qt.MouseButton.LeftButton)
    dlg = box.join_dialog
    assert dlg is not None and dlg.isVisible()
    typist(dlg.url, url)
    qtbot.mouseClick(dlg.dry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.report is not None, timeout=20000)
    assert dlg.report is not None and dlg.report.dry_run
    assert "试运行（未写入）" in dlg.output.toPlainText()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dlg.report = None
    qtbot.mouseClick(dlg.copy_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.report is not None, timeout=20000)
    assert dlg.report is not None and dlg.report.table("clients").added == 1
    server = open_folder(tmp_path / "server", url)
    assert [c.name for c in clients.list_clients(server)] == ["太行新材料有限公司"]
    server.close()
    # a second copy adds nothing
    dlg.report = None
    qtbot.mouseClick(dlg.copy_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.report is not None, timeout=20000)
    assert dlg.report is not None and dlg.report.added == 0
    dlg.accept()
