"""Drive the search page like an officer: import (button, drop, mapping dialog, cancel), search,
filter by facets, read the detail, scroll a large result lazily, export."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "library"))
from library_samples import CNIPA_HEADERS, PATENTS, write_xlsx  # noqa: E402


@pytest.fixture
def ui_env(ui_env):  # type: ignore[no-untyped-def]
    """These tests count exact hits: the catalogue's service items are left out."""
    del ui_env.ctx.wiring.document_sources["catalogue"]
    return ui_env


@pytest.fixture
def page(main_window, qtbot):  # type: ignore[no-untyped-def]
    p = main_window.show_page("search")
    qtbot.waitUntil(lambda: p.ready and p.searches > 0, timeout=20000)
    return p


def search(page, qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type ``text`` and search; wait for the results (searches run in the background)."""
    done = page.searches
    page.query_box.setEditText(text)
    page.run_search()
    qtbot.waitUntil(lambda: page.searches > done, timeout=20000)


def wait_search(page, qtbot, before: int) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: page.searches > before, timeout=20000)


def import_and_wait(page, qtbot, paths):  # type: ignore[no-untyped-def]
    page.start_import([str(p) for p in paths])
    qtbot.waitUntil(lambda: page.import_job is None and page.dialog is not None
                    and page.dialog.isVisible(), timeout=30000)
    report = page.dialog
    text = report.summary.text()
    report.accept()
    return text


def test_import_by_button_then_search_facets_and_detail(page, qtbot, typist, tmp_path,
                                                        monkeypatch):
    xlsx = write_xlsx(tmp_path / "清单.xlsx", [CNIPA_HEADERS, *PATENTS, [None, "201710601862.3"]])
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *a, **k: ([str(xlsx)], "")))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.import_job is None and page.dialog is not None
                    and page.dialog.isVisible(), timeout=30000)
    report = page.dialog
    assert "新增 3 条" in report.summary.text() and "拒绝 1 行" in report.summary.text()
    assert "第5行" in report.details.toPlainText()
    qtbot.waitUntil(lambda: page.warmed == 0, timeout=20000)  # the warm-up ran (empty library)
    report.accept()
    # the import's change notice re-runs the search: the library is listed
    qtbot.waitUntil(lambda: page.model.total == 3, timeout=20000)

    typist(page.query_box.lineEdit(), "锂离子电池")
    before = page.searches
    qtbot.mouseClick(page.search_button, Qt.MouseButton.LeftButton)
    wait_search(page, qtbot, before)
    assert page.model.rowCount() == 1
    assert page.model.hit(0).application_number == "201710601862.3"
    qtbot.waitUntil(lambda: "201710601862.3" in page.detail.toHtml(), timeout=10000)
    detail = page.detail.toHtml()
    assert "锂离子电池" in detail and "201710601862.3" in detail and "ffe08a" in detail
    assert page._history()[0] == "锂离子电池"

    search(page, qtbot, "有限公司 OR 研究所")
    assert page.model.rowCount() == 3
    legal = [page.facets.topLevelItem(i) for i in range(page.facets.topLevelItemCount())]
    group = next(g for g in legal if g.text(0) == "法律状态")
    item = next(group.child(i) for i in range(group.childCount()) if group.child(i).text(0) == "失效")
    before = page.searches
    page._facet_clicked(item)
    wait_search(page, qtbot, before)
    assert page.model.rowCount() == 1 and page.model.hit(0).legal_status == "失效"
    assert "已按分面筛选" in page.notice.text()
    before = page.searches
    qtbot.mouseClick(page.clear_button, Qt.MouseButton.LeftButton)
    wait_search(page, qtbot, before)
    assert page.model.rowCount() == 3

    search(page, qtbot, '"锂离子电池')  # unbalanced quote
    assert "已按普通词语检索" in page.notice.text() and page.model.rowCount() == 1


def test_drop_a_sheet_with_unknown_columns_opens_the_mapping_dialog(page, qtbot, tmp_path):
    odd = write_xlsx(tmp_path / "自编清单.xlsx", [["专利题目", "号码", "单位"],
                                                ["一种焦炉煤气净化装置", "201710601862.3", "甲焦化厂"]])
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(odd))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    page.dropEvent(event)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=10000)
    dlg = page.dialog
    assert dlg is not None and dlg.isVisible() and dlg.plan.headers == ["专利题目", "号码", "单位"]
    dlg.buttons.accepted.emit()  # nothing mapped to 名称 yet: refused with a hint
    assert dlg.isVisible() and "名称" in dlg.hint.text()
    dlg.set_field("专利题目", "title")
    dlg.set_field("号码", "application_number")
    dlg.set_field("单位", "applicants")
    dlg.buttons.accepted.emit()
    qtbot.waitUntil(lambda: page.import_job is None and page.dialog is not dlg
                    and page.dialog is not None, timeout=30000)
    assert "新增 1 条" in page.dialog.summary.text()
    page.dialog.accept()
    mappings = page.env.ctx.paths.user_dir / "library_column_mappings.json"
    qtbot.waitUntil(mappings.exists, timeout=10000)
    saved = json.loads(mappings.read_text(encoding="utf-8"))
    assert list(saved.values())[0]["专利题目"] == "title"
    search(page, qtbot, "甲焦化厂")
    assert page.model.rowCount() == 1
    # the saved mapping is used next time without asking
    again = write_xlsx(tmp_path / "第二批.xlsx", [["单位", "专利题目", "号码"],
                                               ["乙厂", "一种煤气发生炉", "201080063196.9"]])
    assert "新增 1 条" in import_and_wait(page, qtbot, [again])


def test_large_result_is_fetched_lazily_and_exported_whole(page, qtbot, tmp_path, monkeypatch):
    path = tmp_path / "many.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(1000):
            fh.write(json.dumps({"title": f"一种储能装置第{i}型", "assignee": f"公司{i % 7}",
                                 "abstract": "储能装置包括电池模组。"}, ensure_ascii=False) + "\n")
    assert "新增 1000 条" in import_and_wait(page, qtbot, [path])
    search(page, qtbot, "储能装置")
    assert page.model.total == 1000 and page.model.rowCount() == 200
    assert page.model.canFetchMore()
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() > 200)
    while page.model.canFetchMore():
        page.model.fetchMore()
    assert page.model.rowCount() == 1000
    out = tmp_path / "结果.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(out), "")))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(out.exists, timeout=30000)
    page.env.jobs.wait(10000)
    wb = openpyxl.load_workbook(out, read_only=True)
    assert wb.worksheets[0].max_row == 1001 and len(wb.worksheets) == 2


def test_cancelled_import_changes_nothing(page, qtbot, tmp_path):
    rows = [CNIPA_HEADERS] + [[f"一种装置{i}", None, None, f"CN2091{i:05d}U"] for i in range(3000)]
    big = write_xlsx(tmp_path / "big.xlsx", rows)
    page.start_import([str(big)])
    qtbot.waitUntil(page.cancel_button.isVisible, timeout=10000)
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.import_job is None, timeout=30000)
    assert "已取消" in page.status.text()
    from desktop.library import api as library

    assert library.is_empty(page.env.ctx)


def test_query_help_opens(page, qtbot):
    qtbot.mouseClick(page.help_button, Qt.MouseButton.LeftButton)
    assert page.dialog.isVisible()
    page.dialog.accept()


def test_english_search_page(english_window, qtbot):
    page = english_window.show_page("search")
    qtbot.waitUntil(lambda: page.ready, timeout=20000)
    assert page.search_button.text() == "Search"
    assert page.model.headerData(1, Qt.Orientation.Horizontal) == "Title"


def test_page_repairs_a_damaged_index_on_open(ui_env, qtbot, tmp_path):
    import shutil

    from desktop.library.service import open_library
    from desktop.ui.main_window import MainWindow

    lib = open_library(ui_env.ctx)
    lib.import_files([write_xlsx(tmp_path / "a.xlsx", [CNIPA_HEADERS, *PATENTS])])
    lib.close()
    shutil.rmtree(lib.index.path)
    win = MainWindow(ui_env)
    qtbot.addWidget(win)
    page = win.show_page("search")
    qtbot.waitUntil(lambda: page.ready and page.searches > 0, timeout=20000)
    assert "建立检索索引" in page.notice.text() and page.model.total == 3  # lost index: rebuilt


def test_detail_keeps_unknown_columns_apart_and_export_defaults_to_exports(page, qtbot,
                                                                           tmp_path, monkeypatch):
    path = tmp_path / "bdci.jsonl"
    path.write_text('{"id": "96f0aa", "title": "一种煤矸石制砖方法", "assignee": "甲公司", '
                    '"abstract": "以煤矸石为原料。", "label_id": 7}\n', encoding="utf-8")
    assert "新增 1 条" in import_and_wait(page, qtbot, [path])
    search(page, qtbot, "2023 1 0000001.1")  # a number found nowhere: the zero explains itself
    assert page.model.total == 0 and "本地库中没有" in page.notice.text()
    search(page, qtbot, "矸")
    assert page.model.total == 1
    qtbot.waitUntil(lambda: "其他字段" in page.detail.toPlainText(), timeout=10000)
    text = page.detail.toPlainText()
    assert text.index("申请（专利权）人") < text.index("其他字段") < text.index("label_id")
    asked: list[str] = []
    out = tmp_path / "x.xlsx"

    def dialog(_parent, _title, default, _pattern):  # type: ignore[no-untyped-def]
        asked.append(default)
        return str(out), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(out.exists, timeout=30000)
    page.env.jobs.wait(10000)
    default = Path(asked[0])
    assert default.parent == page.env.ctx.paths.exports_dir and default.name.startswith("检索结果_矸_")
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)  # next time: the folder used
    assert Path(asked[1]).parent == tmp_path
    page.env.jobs.wait(10000)
    out = tmp_path / "handout.docx"
    qtbot.mouseClick(page.report_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: out.with_suffix(".xlsx").exists(), timeout=60000)
    qtbot.waitUntil(lambda: "已生成报告" in page.status.text(), timeout=20000)
    assert asked[2].endswith(".docx") and out.exists()


def test_first_page_shows_before_the_total_and_facets(page, qtbot, tmp_path, monkeypatch):
    """The hits come first; the count and facets follow in the background (the window never
    waits for them)."""
    import threading

    from desktop.library.api import ResultSet

    path = tmp_path / "many.jsonl"
    path.write_text("".join(json.dumps({"title": f"一种储能装置{i}", "assignee": f"公司{i % 3}"},
                                       ensure_ascii=False) + "\n" for i in range(450)),
                    encoding="utf-8")
    assert "新增 450 条" in import_and_wait(page, qtbot, [path])
    release = threading.Event()
    real_count = ResultSet.count

    def slow_count(self):  # type: ignore[no-untyped-def]
        release.wait(20)
        return real_count(self)

    monkeypatch.setattr(ResultSet, "count", slow_count)
    pages, done = page.pages, page.searches
    page.query_box.setEditText("储能装置")
    page.run_search()
    qtbot.waitUntil(lambda: page.pages > pages, timeout=20000)
    assert page.model.rowCount() == 200 and page.searches == done
    assert "正在统计" in page.status.text() and page.facets.topLevelItemCount() == 0
    qtbot.mouseClick(page.query_box, Qt.MouseButton.LeftButton)  # the window answers meanwhile
    release.set()
    qtbot.waitUntil(lambda: page.searches > done, timeout=20000)
    assert "450" in page.status.text() and page.model.total == 450
    assert page.facets.topLevelItemCount() > 0 and page.model.canFetchMore()
