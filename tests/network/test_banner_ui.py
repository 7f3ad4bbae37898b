"""The real window without its database server: the banner, the retries, the officer's
input kept when a save fails, and the reconnection."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QMessageBox

from desktop import connection
from desktop.app import open_folder
from desktop.changes import Changes
from desktop.context import AppContext
from desktop.visits import api as visits


def _window(ctx: AppContext, qtbot: Any) -> Any:
    from desktop.settings import api as settings
    from desktop.ui.env import UiEnv
    from desktop.ui.jobs import JobRunner
    from desktop.ui.main_window import MainWindow
    from desktop.ui.prefs import Prefs

    env = UiEnv(ctx=ctx, jobs=JobRunner(), prefs=Prefs(settings.prefs_path(ctx.paths)),
                lang="zh")
    win = MainWindow(env)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    for kind in ("warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind,
                            staticmethod(lambda *a, **k: seen.append(a[2]) or None))
    return seen


@pytest.fixture
def offline_ctx(closed_url: str, tmp_path: Path) -> Iterator[AppContext]:
    ctx = open_folder(tmp_path / "desk", closed_url, offline_ok=True)
    yield ctx
    ctx.close()


def _settle(win: Any) -> None:
    win.env.jobs.wait(10000)
    QApplication.processEvents()


def test_offline_start_shows_the_banner_and_queues_visits(offline_ctx, qtbot, warnings
                                                          ) -> None:
    win = _window(offline_ctx, qtbot)
    banner = win.banner
    assert banner.isVisible() and banner.offline
    assert banner.label.text().startswith("离线：无法连接数据库服务器，正在重试…")
    assert banner.status.text() == "● 离线"
    assert banner.retry_timer.isActive()  # retrying in the background
    # the catalogue page works on the offline copy
    page = win.show_page("catalogue")
    qtbot.waitUntil(lambda: getattr(page, "loaded", True), timeout=20000)
    # a visit recorded offline is counted in the banner
    visits.save_visit(offline_ctx, visits.VisitData(officer="赵敏", topics=["patent"],
                                                    question="离线时来访"))
    win.env.notices.publish(Changes(visits=True))
    qtbot.waitUntil(lambda: "1 条接待记录待发送" in banner.label.text(), timeout=15000)
    # a retry against the closed port fails quietly and is scheduled again
    banner.retry_timer.stop()
    banner.retry()
    qtbot.waitUntil(lambda: not banner.retrying, timeout=20000)
    assert banner.offline and banner.retry_timer.isActive()
    _settle(win)
    assert warnings == []


def test_client_dialog_keeps_the_input_when_saving_fails_offline(offline_ctx, qtbot,
                                                                 typist, warnings) -> None:
    win = _window(offline_ctx, qtbot)
    page = win.show_page("clients")
    dialog = page.add()
    name = dialog.findChild(QLineEdit, "name")
    typist(name, "离线时登记的科技有限公司")
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(warnings), timeout=20000)
    assert "你的输入仍保留" in warnings[0]
    assert dialog.isVisible() and name.text() == "离线时登记的科技有限公司"
    assert save.isEnabled()  # another try is possible
    dialog.reject()
    _settle(win)


def test_server_lost_and_back_during_a_session(pg_url, pg_server, tmp_path: Path, qtbot,
                                               warnings) -> None:
    ctx = open_folder(tmp_path / "desk", pg_url, offline_ok=True)
    try:
        win = _window(ctx, qtbot)
        banner = win.banner
        assert not banner.isVisible() and banner.status.text() == "● 在线"
        assert banner.health.isActive()
        pg_server.stop()
        banner.check()  # what the health timer does every few seconds
        qtbot.waitUntil(lambda: banner.isVisible() and banner.offline, timeout=15000)
        assert "正在重试" in banner.label.text()
        # the visit dialog: saving offline keeps the visit in the outbox, not lost
        vpage = win.show_page("visits")
        dialog = vpage.add()
        dialog.topics["patent"].setChecked(True)
        dialog.question.setPlainText("服务器停机时的咨询")
        qtbot.waitUntil(lambda: ctx.db.read_only, timeout=20000)  # serving the offline copy
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                         Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20000)
        assert visits.queued_count(ctx) == 1
        pg_server.start()
        banner.retry_timer.stop()
        banner.retry()
        qtbot.waitUntil(lambda: not banner.offline, timeout=20000)
        qtbot.waitUntil(lambda: "已重新连接" in banner.label.text(), timeout=15000)
        qtbot.waitUntil(lambda: visits.queued_count(ctx) == 0, timeout=20000)
        assert not ctx.db.read_only and not connection.is_offline(ctx)
        assert [v.question for v in visits.list_visits(ctx)] == ["服务器停机时的咨询"]
        _settle(win)
        assert warnings == []
    finally:
        ctx.close()
