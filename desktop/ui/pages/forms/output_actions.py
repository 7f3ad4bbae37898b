"""The forms page's output: the folder, generating DOCX/XLSX (one, or a batch from Excel),
preview and print.  Everything that touches files or the database runs in the background."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QScrollArea, QWidget

from desktop.errors import ValidationFailed
from desktop.forms import api as forms
from desktop.forms.api import BatchReport, FormDef, FormResult, Generated
from desktop.settings.api import prefs
from desktop.ui.env import UiEnv
from desktop.ui.jobs import show_error
from desktop.ui.pages.forms.editors import ERROR_STYLE, WARN_STYLE, FormEditor
from desktop.ui.pages.forms.preview import PreviewDialog
from desktop.ui.widgets.outlet_check import outlet_ok
from desktop.ui.widgets.printing import print_document


class OutputActions(QWidget):
    """A base of ``FormsPage``: the buttons under the fields."""

    env: UiEnv
    form: FormDef | None
    editor: FormEditor | None
    status: QLabel
    folder_label: QLabel
    fields_scroll: QScrollArea
    last_output: Path | None
    preview: PreviewDialog | None

    def revalidate(self) -> FormResult | None:
        raise NotImplementedError  # the page validates

    def current_data(self) -> dict[str, Any]:
        raise NotImplementedError

    def client_id(self) -> int | None:
        raise NotImplementedError

    # -- folder ------------------------------------------------------------------------
    def output_folder(self) -> Path:
        chosen = self.env.prefs.get(prefs.FORMS_FOLDER)
        return Path(chosen) if chosen else self.env.ctx.paths.generated_dir

    def _show_folder(self) -> None:
        self.folder_label.setText(self.tr("输出到：") + str(self.output_folder()))
        self.folder_label.setToolTip(str(self.output_folder()))

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择输出文件夹"),
                                                  str(self.output_folder()))
        if folder:
            self.env.prefs.set(prefs.FORMS_FOLDER, folder)
            self._show_folder()

    def open_folder(self) -> None:
        folder = self.output_folder()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def open_last_file(self) -> None:
        if self.last_output is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_output)))

    # -- one document --------------------------------------------------------------------
    def _ready(self) -> FormResult | None:
        res = self.revalidate()
        if res is None:
            return None
        if res.problems:
            first = res.problems[0]
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(self.tr("请先修正标红的项目：") + first.text(self.env.lang))
            if self.editor is not None:
                editor = self.editor.editors.get(first.field.split("[")[0])
                if editor is not None:
                    self.fields_scroll.ensureWidgetVisible(editor.widget)
                    editor.widget.setFocus()
            return None
        if res.warnings:
            text = "\n".join(w.text(self.env.lang) for w in res.warnings)
            answer = QMessageBox.question(self, self.tr("请确认"),
                                          self.tr("以下内容需要核对，确认无误后继续生成：")
                                          + "\n\n" + text)
            if answer != QMessageBox.StandardButton.Yes:
                return None
        return res

    def generate(self, fmt: str) -> None:
        if self.form is None or self._ready() is None or not outlet_ok(self.env, self):
            return
        ctx, form_id, data = self.env.ctx, self.form.id, self.current_data()
        client_id, folder = self.client_id(), self.output_folder()

        def job(progress, cancelled):
            progress(0, 1, "")
            return forms.generate_document(ctx, form_id, data, client_id=client_id, fmt=fmt,
                                           folder=folder)

        self.status.setStyleSheet("")
        self.status.setText(self.tr("正在生成…"))
        self.env.run_op(job, parent=self, title=self.tr("生成文档"),
                        on_done=self._generated, on_error=self._failed)

    def _generated(self, out: Generated) -> None:
        self.last_output = out.path
        self.env.activity.document_generated(out.record_id)  # a visit in progress links it
        text = self.tr("已生成：") + str(out.path)
        for a in out.attachments:
            text += "\n" + self.tr("附件：") + str(a)
        self.status.setStyleSheet("color: #1b7f3b;")
        self.status.setText(text)

    def _failed(self, exc: BaseException) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        if isinstance(exc, ValidationFailed):
            self.status.setText(exc.message(self.env.lang))
        else:
            self.status.setText(str(exc))
            show_error(self, exc, self.env.lang)

    # -- batch ---------------------------------------------------------------------------
    def save_batch_template(self) -> None:
        form = self.form
        if form is None:
            return
        suggested = self.output_folder() / f"{form.spec.name}_批量模板.xlsx"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存批量模板"), str(suggested),
                                              "Excel (*.xlsx)")
        if not path:
            return

        def saved(_path: Path) -> None:
            self.status.setStyleSheet("")
            self.status.setText(self.tr("已保存批量模板：") + path)

        self.env.jobs.start(lambda _p, _c: forms.write_batch_template(form, Path(path)),
                            parent=self, show_dialog=False, on_done=saved)

    def run_batch(self) -> None:
        if self.form is None:
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择批量数据表格"),
                                              str(self.output_folder()), "Excel (*.xlsx)")
        if not path:
            return
        ctx, form_id, folder = self.env.ctx, self.form.id, self.output_folder()

        def job(progress, cancelled):
            return forms.run_batch(ctx, form_id, Path(path), folder, progress=progress,
                                   cancelled=cancelled)

        self.env.run_op(job, parent=self, title=self.tr("批量生成"),
                        on_done=self._batch_done, on_cancelled=self._batch_cancelled)

    def _batch_cancelled(self) -> None:
        self.status.setStyleSheet(WARN_STYLE)
        self.status.setText(self.tr("批量生成已取消；已生成的文档保留在输出文件夹并已记录"))
        # what was generated before the cancel is recorded: show it
        self.env.notices.publish(forms.DOCUMENTS_CHANGED, self)

    def _batch_done(self, report: BatchReport) -> None:
        text = self.tr("已生成 %1 份文档").replace("%1", str(len(report.generated)))
        if report.failed:
            text += "\n" + self.tr("%1 行未生成，错误报告：").replace(
                "%1", str(len(report.failed_rows))) + str(report.report_path)
            text += "\n" + "\n".join(p.text(self.env.lang) for p in report.failed[:15])
        self.status.setStyleSheet(ERROR_STYLE if report.failed else "color: #1b7f3b;")
        self.status.setText(text)
        QMessageBox.information(self, self.tr("批量生成"), text)

    # -- preview and print ---------------------------------------------------------------
    def open_preview(self, then: Any = None) -> None:
        """Build the preview (the outlet's name is read in the background), then show it
        (or hand it to ``then``)."""
        form = self.form
        res = self.revalidate() if form is not None else None
        if form is None or res is None:
            return
        ctx, lang = self.env.ctx, self.env.lang

        def ready(html: str) -> None:
            dialog = PreviewDialog(html, form.spec.name_for(lang), self)
            self.preview = dialog
            if then is not None:
                then(dialog)
            else:
                dialog.open()

        self.env.read(lambda: forms.preview_html(ctx, res, lang=lang), parent=self,
                      key="preview", on_done=ready)

    def show_preview(self) -> None:
        self.open_preview()

    def print_form(self) -> None:
        self.open_preview(lambda dialog: print_document(dialog.browser.document(), self))
