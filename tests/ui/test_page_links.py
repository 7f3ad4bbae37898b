"""Links between pages in the real window."""

from __future__ import annotations

from PySide6.QtCore import QUrl


def test_catalogue_form_link_opens_the_form(main_window, qtbot):
    catalogue = main_window.show_page("catalogue")
    qtbot.waitUntil(lambda: catalogue.loaded and catalogue.panel.form_ids is not None,
                    timeout=10000)
    assert "patent_pledge" in catalogue.panel.form_ids
    catalogue.select("ZL-008")
    assert "form:patent_pledge" in catalogue.guide.toHtml()
    catalogue.guide.anchorClicked.emit(QUrl("form:patent_pledge"))
    forms = main_window.page("forms")
    assert main_window.stack.currentWidget().findChild(type(forms), forms.objectName()) is forms
    qtbot.waitUntil(lambda: forms.form is not None, timeout=10000)  # forms read in the background
    assert forms.form.id == "patent_pledge"
