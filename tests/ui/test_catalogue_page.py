"""The catalogue page driven like an officer would: filter, open, tick, hand out, import."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from desktop.catalogue.spreadsheet import export_xlsx
from desktop.catalogue.store import get_item, item_history
from desktop.settings.outlet import Outlet, set_outlet


@pytest.fixture
def page(main_window, qtbot):  # type: ignore[no-untyped-def]
    page = main_window.show_page("catalogue")
    qtbot.waitUntil(lambda: page.loaded, timeout=10000)  # the catalogue is read off the GUI thread
    return page


def _click_row_checkbox(qtbot, widget, rect) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(rect.left() + 10, rect.center().y()))


def _type_with_ime(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Chinese arrives through the input method as a committed string (QTest types ASCII)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _export_handout(page, qtbot, monkeypatch, target: Path) -> Document:  # type: ignore[no-untyped-def]
    """Click "导出办事指南…", answer the save dialog with ``target``, wait for the file."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.last_handout is not None, timeout=10000)
    return Document(str(target))


def _tick(qtbot, page, row: int) -> None:  # type: ignore[no-untyped-def]
    item = page.materials.item(row)
    _click_row_checkbox(qtbot, page.materials, page.materials.visualItemRect(item))


def test_filter_by_pinyin_initials_and_open_an_item(page, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert len(page.visible_codes()) >= 33
    qtbot.keyClicks(page.filter_edit, "zlzy")
    assert page.visible_codes()[0] == "ZL-008"
    assert page.current.code == "ZL-008"
    assert "专利权质押登记" in page.title_label.text()
    guide = page.guide.toPlainText()
    assert "受理条件" in guide and "办理流程" in guide and "5个工作日" in guide
    page.filter_edit.clear()
    qtbot.keyClicks(page.filter_edit, "SB-01")
    assert set(page.visible_codes()) >= {"SB-010", "SB-014"}


def test_category_and_audience_choosers(page, qtbot) -> None:  # type: ignore[no-untyped-def]
    page.category_box.setCurrentIndex(page.category_box.findData("地理标志"))
    assert page.visible_codes() == ["DL-001", "DL-002", "DL-003"]
    page.category_box.setCurrentIndex(0)
    page.audience_box.setCurrentIndex(page.audience_box.findData("代理机构"))
    codes = page.visible_codes()
    assert "SB-001" in codes and "YY-001" not in codes


def test_tick_materials_and_export_the_handout(page, qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    set_outlet(page.env.ctx.db, Outlet(name="示范区知识产权服务站", phone="0351-1234567"))
    qtbot.keyClicks(page.filter_edit, "zlzy")
    _tick(qtbot, page, 0)
    _tick(qtbot, page, 2)
    assert page.materials.item(0).checkState() == Qt.CheckState.Checked
    assert "2/8" in page.materials_label.text()
    doc = _export_handout(page, qtbot, monkeypatch, tmp_path / "指南.docx")
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "专利权质押登记" in text and "示范区知识产权服务站" in text
    boxes = [p.text[0] for p in doc.paragraphs if p.text.startswith(("☐", "☑"))]
    assert boxes.count("☑") == 2 and len(boxes) == 8


def test_several_ticked_items_go_into_one_handout(page, qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    _type_with_ime(page.filter_edit, "质押")
    assert page.filter_edit.text() == "质押"
    for code in ("ZL-008", "SB-014"):
        node = page._node(code)
        _click_row_checkbox(qtbot, page.tree, page.tree.visualItemRect(node))
    assert sorted(page.checked_codes()) == ["SB-014", "ZL-008"]
    assert "2" in page.export_button.text()
    doc = _export_handout(page, qtbot, monkeypatch, tmp_path / "合并.docx")
    titles = [p.text for p in doc.paragraphs if p.text == "办事指南"]
    assert len(titles) == 2


def test_print_shows_a_preview_first(page, qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtPrintSupport import QPrinter

    from desktop.ui.widgets.printing import new_printer

    pdf = tmp_path / "printed.pdf"
    previewed = []

    def fake_preview(doc) -> bool:  # type: ignore[no-untyped-def]
        previewed.append(doc.toPlainText())
        printer = new_printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(pdf))
        doc.print_(printer)
        return True

    monkeypatch.setattr(page, "_preview", fake_preview)
    page.select("ZL-006")
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(previewed), timeout=10000)
    assert "专利实施许可合同备案" in previewed[0]
    assert "信息核对日期" in previewed[0] and "信息来源" not in previewed[0]
    qtbot.waitUntil(lambda: pdf.exists() and pdf.stat().st_size > 1000, timeout=10000)
    page.officer_box.setChecked(True)                  # the officer's copy adds the sources
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(previewed) == 2, timeout=10000)
    assert "信息来源" in previewed[1]


def test_export_takes_exactly_the_ticks_it_counts(page, qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    for code in ("ZL-008", "SB-014"):
        page.set_checked(code)
    qtbot.keyClicks(page.filter_edit, "zlzy")          # the filter hides SB-014 now
    assert "SB-014" not in page.visible_codes()
    assert "（2项）" in page.export_button.text()
    doc = _export_handout(page, qtbot, monkeypatch, tmp_path / "两项.docx")
    names = {p.text for p in doc.paragraphs}
    assert {"专利权质押登记（含变更、注销）", "注册商标专用权质押登记（含变更、延期、注销）"} <= names
    page.set_checked("SB-014", False)                  # untick while hidden
    assert "（1项）" in page.export_button.text()


def test_form_links_ask_to_open_the_form(page, qtbot) -> None:  # type: ignore[no-untyped-def]
    page.select("ZL-008")
    assert "form:patent_pledge" in page.guide.toHtml()
    with qtbot.waitSignal(page.open_form_requested) as blocker:
        page.guide.anchorClicked.emit(QUrl("form:patent_pledge"))
    assert blocker.args == ["patent_pledge"]
    page.set_form_ids({"rights_assistance"})             # the forms page knows other forms
    assert "form:patent_pledge" not in page.guide.toHtml()
    assert "专利权质押登记申请表" in page.guide.toPlainText()


def test_show_item_opens_an_item_whatever_the_filters(page, qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop.catalogue.store import retire_item

    qtbot.keyClicks(page.filter_edit, "sbzc")
    assert page.show_item("wq-002") and page.current.code == "WQ-002"
    assert page.filter_edit.text() == ""
    retire_item(page.env.ctx.db, "ZX-003")  # e.g. by another desk
    page.loaded = False
    page.reload()
    qtbot.waitUntil(lambda: page.loaded, timeout=10000)
    assert "ZX-003" not in page.visible_codes()
    assert page.show_item("ZX-003") and page.current.code == "ZX-003"
    assert "已停用" in page.title_label.text()
    assert not page.show_item("XX-999")


def test_import_shows_the_diff_and_applies_it(page, qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    db = page.env.ctx.db
    sheet = tmp_path / "清单.xlsx"
    export_xlsx(db, sheet)
    wb = openpyxl.load_workbook(sheet)
    ws = wb["服务事项"]
    header = [c.value for c in ws[1]]
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, 1).value == "ZL-005":
            ws.cell(r, header.index("事项名称") + 1).value = "专利登记簿副本出具（新版）"
    wb.save(sheet)
    passwords = iter([("secret1", True)])
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: next(passwords)))
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(sheet), "")))
    qtbot.mouseClick(page.findChild(type(page.print_button), "import_xlsx"),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.pending_import is not None and page.pending_import.isVisible(),
                    timeout=10000)
    dialog = page.pending_import
    assert "修改 1 项" in dialog.findChild(type(page.title_label), "import_summary").text()
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: get_item(db, "ZL-005").name.endswith("（新版）"), timeout=10000)
    qtbot.waitUntil(lambda: "（新版）" in (page._node("ZL-005").text(0) if page._node("ZL-005")
                                         else ""), timeout=10000)
    assert item_history(db, "ZL-005")[0].item.name == "专利登记簿副本出具"


def test_admin_editor_validates_and_saves(page, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from desktop.catalogue.admin import set_admin_password

    db = page.env.ctx.db
    set_admin_password(db, "right-one")
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: warnings.append(a)))
    answers = iter([("wrong", True), ("right-one", True)])
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: next(answers)))
    page.select("ZL-009")
    page.edit_current()
    qtbot.waitUntil(lambda: bool(warnings), timeout=10000)   # wrong password: refused
    assert page.dialog is None
    page.edit_current()
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=10000)
    dialog = page.dialog
    text = dialog.editor.toPlainText()
    dialog.editor.setPlainText(text.replace("copies: 1", "copies: 很多", 1))
    qtbot.mouseClick(dialog.findChild(type(page.print_button), "save_item"),
                     Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "申请材料[1].份数" in dialog.problems.text()
    dialog.editor.setPlainText(text.replace("version: '2026.1'", "version: '2024.9'")
                               .replace("version: 2026.1", "version: '2024.9'"))
    qtbot.mouseClick(dialog.findChild(type(page.print_button), "save_item"),
                     Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: get_item(db, "ZL-009").version == "2024.9", timeout=10000)
    assert item_history(db, "ZL-009")[0].version == "2026.1"
    # the change notice reloads the page, which shows the new version
    qtbot.waitUntil(lambda: page.current.version == "2024.9", timeout=10000)
    page.show_history()
    qtbot.waitUntil(lambda: page.dialog is not dialog and page.dialog.isVisible(), timeout=10000)
    history = page.dialog
    assert history.list.count() == 1 and "2026.1" in history.list.item(0).text()
    assert "专利文档查阅复制" in history.view.toPlainText()
    history.reject()


def test_english_translation_covers_the_page(ui_env, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication

    from desktop.ui.i18n import install_language
    from desktop.ui.pages.catalogue import CataloguePage

    app = QCoreApplication.instance()
    install_language(app, "en")
    try:
        page = CataloguePage(ui_env)
        qtbot.addWidget(page)
        qtbot.waitUntil(lambda: page.loaded, timeout=10000)
        assert page.print_button.text() == "Print guide…"
        assert "pinyin" in page.filter_edit.placeholderText()
    finally:
        install_language(app, "zh")


def test_screenshot_setup_leaves_a_representative_state(page, ui_env) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.pages.catalogue import screenshot_setup

    screenshot_setup(page, ui_env)
    assert page.current.code == "ZL-008"
    assert "2/8" in page.materials_label.text()


def test_everyday_words_in_the_filter_find_related_items(page, qtbot) -> None:  # type: ignore[no-untyped-def]
    _type_with_ime(page.filter_edit, "专利贷款")
    qtbot.waitUntil(lambda: page.related_text == "专利贷款", timeout=10000)
    assert "ZL-008" in page.related_codes  # 专利权质押登记, found through 贷款→质押
    assert "ZL-008" in page.visible_codes()
    groups = [page.tree.topLevelItem(i).text(0) for i in range(page.tree.topLevelItemCount())]
    assert groups[-1] == "相关事项"
    assert page.current is not None and page.current.code == page.related_codes[0]
    # literal matches first, suggestions after, never twice
    page.filter_edit.clear()
    _type_with_ime(page.filter_edit, "质押")
    qtbot.waitUntil(lambda: page.related_text == "质押", timeout=10000)
    codes = page.visible_codes()
    assert codes[0] == "ZL-008" and len(codes) == len(set(codes))


def test_model_answers_show_under_the_items_faq(page, qtbot) -> None:  # type: ignore[no-untyped-def]
    import datetime as _dt

    from desktop.visits import api as visits

    ctx = page.env.ctx
    saved = visits.save_visit(ctx, visits.VisitData(
        started_at=_dt.datetime(2026, 5, 6, 10), question="专利质押要带什么",
        answer="质押合同和身份证明。")).value
    page.select("ZL-008")
    qtbot.waitUntil(lambda: page.panel.answers.loaded_code == "ZL-008", timeout=10000)
    assert page.panel.answers.answers == [] and page.panel.answers.isHidden()
    op = visits.star_answer(ctx, saved.id or 0, "ZL-008")
    page.apply_changes(op.changes)  # the notice the main window passes on
    qtbot.waitUntil(lambda: len(page.panel.answers.answers) == 1, timeout=10000)
    assert "质押合同和身份证明" in page.panel.answers.view.toPlainText()
    assert not page.panel.answers.isHidden()
    page.select("SB-007")
    qtbot.waitUntil(lambda: page.panel.answers.loaded_code == "SB-007", timeout=10000)
    assert page.panel.answers.answers == []


def test_the_pane_shows_when_the_facts_were_checked(page) -> None:  # type: ignore[no-untyped-def]
    page.select("ZL-004")
    assert "信息核对日期：2026-12-03" in page.title_label.text()
    old = page.index.get("ZL-004").model_copy(update={"checked": _dt.date(2020, 1, 1)})
    page.panel.show_item(old)
    assert "2020-01-01（已超过一年，请核对）" in page.title_label.text()
