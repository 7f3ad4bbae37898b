"""Printing and exporting the 办事指南 handout of the chosen items (catalogue page)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QCheckBox, QFileDialog, QWidget

from desktop.catalogue import api as catalogue
from desktop.catalogue.api import ServiceItem
from desktop.settings.api import prefs
from desktop.ui.env import UiEnv
from desktop.ui.widgets.outlet_check import outlet_ok
from desktop.ui.widgets.printing import preview_document


class HandoutActions(QWidget):
    """The catalogue page's handout buttons (a base of ``CataloguePage``)."""

    env: UiEnv
    last_handout: Path | None
    printed_html: str
    officer_box: QCheckBox

    def handout_items(self) -> list[ServiceItem]:
        raise NotImplementedError  # the page says which items

    def handout_ticks(self) -> dict[str, set[int]]:
        raise NotImplementedError

    def officer_copy(self) -> bool:
        return self.officer_box.isChecked()

    def _preview(self, doc: QTextDocument) -> bool:
        return preview_document(doc, self, self.tr("打印预览：办事指南"))

    def print_guide(self) -> bool:
        """Build the handout's HTML in the background, then show the print preview (A4),
        from which the officer prints."""
        items = self.handout_items()
        if not items or not outlet_ok(self.env, self):
            return False
        ctx, ticks, officer = self.env.ctx, self.handout_ticks(), self.officer_copy()

        def ready(html: str) -> None:
            doc = QTextDocument()
            doc.setHtml(html)
            self.printed_html = html
            self._preview(doc)

        self.env.read(lambda: catalogue.handout_html(ctx, items, ticks=ticks, officer=officer),
                      parent=self, key="print", on_done=ready)
        return True

    def export_guide(self) -> None:
        items = self.handout_items()
        if not items or not outlet_ok(self.env, self):
            return
        filters = self.tr("Word 文档 (*.docx)")
        if catalogue.can_write_pdf():
            filters += ";;" + self.tr("PDF 文件 (*.pdf)")
        folder = self.env.prefs.get(prefs.LAST_FOLDER) or str(self.env.ctx.paths.exports_dir)
        default = str(Path(folder) / f"办事指南_{items[0].code}.docx")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出办事指南"), default, filters)
        if path:
            self.start_handout_export(path)

    def start_handout_export(self, path: str) -> None:
        """Write the handout for the chosen items to ``path`` (.docx, or .pdf) in the background."""
        items = self.handout_items()
        ticks = self.handout_ticks()
        target = Path(path)
        if target.suffix.lower() not in (".docx", ".pdf"):
            target = target.with_suffix(".docx")
        self.env.prefs.set(prefs.LAST_FOLDER, str(target.parent))
        ctx, officer = self.env.ctx, self.officer_copy()

        def job(progress, cancelled):
            return catalogue.write_handout(ctx, items, target, ticks=ticks, progress=progress,
                                           officer=officer)

        self.env.jobs.start(job, parent=self, title=self.tr("正在生成办事指南"),
                            on_done=self.handout_done)

    def handout_done(self, path: Path) -> None:
        self.last_handout = Path(path)
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(self.tr("办事指南已保存：") + str(path), 8000)
