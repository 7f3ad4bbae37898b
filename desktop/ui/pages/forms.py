"""表单: pick a form, pre-fill from a client, fill with live validation, preview, generate
DOCX/XLSX, and reopen earlier documents from the history."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QBrush, QColor, QDesktopServices, QShowEvent, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.clients import get_client, list_clients
from desktop.errors import UserError, ValidationFailed
from desktop.forms import (
    DocumentRecord,
    FormDef,
    FormResult,
    form_registry,
    generate,
    get_document,
    list_documents,
    batch_job,
    prefill,
    validate_form,
    write_batch_template,
)
from desktop.forms.fields import format_date
from desktop.forms.generate import outlet_name
from desktop.forms.preview import preview_html
from desktop.ui.env import UiEnv
from desktop.ui.forms.editors import ERROR_STYLE, WARN_STYLE, FormEditor
from desktop.ui.jobs import show_error

_FOLDER_PREF = "forms/folder"


class PreviewDialog(QDialog):
    """The filled form as it will read, with a print button."""

    def __init__(self, html: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(760, 860)
        lay = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setHtml(html)
        lay.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = buttons.addButton(self.tr("打印…"),
                                              QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(self.print_preview)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def print_preview(self) -> None:
        print_document(self.browser.document(), self)


def print_document(doc: QTextDocument, parent: QWidget) -> None:
    from PySide6.QtGui import QPageSize
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        doc.print_(printer)


class FormsPage(QWidget):
    def __init__(self, env: UiEnv) -> None:
        super().__init__()
        self.env = env
        self.form: FormDef | None = None
        self.editor: FormEditor | None = None
        self.result: FormResult | None = None
        self.last_output: Path | None = None
        self._loading = False
        root = QHBoxLayout(self)
        splitter = QSplitter()
        root.addWidget(splitter)
        splitter.addWidget(self._build_picker())
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_fill_tab(), self.tr("填写"))
        self.tabs.addTab(self._build_history_tab(), self.tr("已生成文档"))
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 900])
        self.reload_forms()
        self.reload_clients()
        self.reload_history()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt name)
        """Clients and documents may have changed on other pages (or desks) meanwhile."""
        super().showEvent(event)
        self.reload_clients()
        self.reload_history()

    # -- layout --------------------------------------------------------------------------
    def _build_picker(self) -> QWidget:
        box = QWidget()
        lay = QVBoxLayout(box)
        title = QLabel("<h3>" + self.tr("常用申请表单") + "</h3>")
        self.search = QLineEdit()
        self.search.setObjectName("form_search")
        self.search.setPlaceholderText(self.tr("搜索表单（名称、关键词）"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.reload_forms)
        self.form_list = QListWidget()
        self.form_list.setObjectName("form_list")
        self.form_list.setMinimumWidth(200)  # long English names need room too
        self.form_list.currentItemChanged.connect(self._form_chosen)
        self.load_problems = QLabel()
        self.load_problems.setWordWrap(True)
        self.load_problems.setStyleSheet(ERROR_STYLE)
        self.load_problems.hide()
        lay.addWidget(title)
        lay.addWidget(self.search)
        lay.addWidget(self.form_list, 1)
        lay.addWidget(self.load_problems)
        return box

    def _build_fill_tab(self) -> QWidget:
        tab = QWidget()
        lay = QVBoxLayout(tab)
        self.title_label = QLabel(self.tr("请在左侧选择表单"))
        self.title_label.setStyleSheet("font-size: 17px; font-weight: bold;")
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setStyleSheet("color: #444;")
        client_row = QHBoxLayout()
        self.client_search = QLineEdit()
        self.client_search.setObjectName("client_search")
        self.client_search.setPlaceholderText(self.tr("查找客户（名称、代码、电话）"))
        self.client_search.setMinimumWidth(200)
        self.client_search.textChanged.connect(self.reload_clients)
        self.client_combo = QComboBox()
        self.client_combo.setObjectName("client_combo")
        self.client_combo.setMinimumWidth(260)
        self.client_combo.activated.connect(lambda _i: self.apply_client(overwrite=False))
        self.prefill_button = QPushButton(self.tr("用客户信息填写"))
        self.prefill_button.setObjectName("prefill_button")
        self.prefill_button.clicked.connect(lambda: self.apply_client(overwrite=True))
        self.clear_button = QPushButton(self.tr("清空"))
        self.clear_button.clicked.connect(self.clear_form)
        self.example_button = QPushButton(self.tr("填入示例"))
        self.example_button.clicked.connect(self.fill_example)
        client_row.addWidget(QLabel(self.tr("客户：")))
        client_row.addWidget(self.client_search)
        client_row.addWidget(self.client_combo, 1)
        client_row.addWidget(self.prefill_button)
        client_row.addWidget(self.example_button)
        client_row.addWidget(self.clear_button)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        actions = QHBoxLayout()
        self.preview_button = QPushButton(self.tr("预览"))
        self.docx_button = QPushButton(self.tr("生成Word文档"))
        self.docx_button.setObjectName("docx_button")
        self.xlsx_button = QPushButton(self.tr("生成Excel表格"))
        self.xlsx_button.setObjectName("xlsx_button")
        self.folder_button = QPushButton(self.tr("输出文件夹…"))
        self.open_folder_button = QPushButton(self.tr("打开文件夹"))
        self.open_file_button = QPushButton(self.tr("打开文档"))
        self.print_button = QPushButton(self.tr("打印"))
        self.batch_template_button = QPushButton(self.tr("批量模板…"))
        self.batch_template_button.setToolTip(self.tr("保存一个Excel表格：每行一份，填好后用“批量生成”"))
        self.batch_button = QPushButton(self.tr("批量生成…"))
        self.batch_button.setToolTip(self.tr("按Excel表格每行生成一份文档"))
        self.batch_template_button.clicked.connect(self.save_batch_template)
        self.batch_button.clicked.connect(self.run_batch)
        self.preview_button.clicked.connect(self.show_preview)
        self.docx_button.clicked.connect(lambda: self.generate("docx"))
        self.xlsx_button.clicked.connect(lambda: self.generate("xlsx"))
        self.folder_button.clicked.connect(self.choose_folder)
        self.open_folder_button.clicked.connect(self.open_folder)
        self.open_file_button.clicked.connect(self.open_last_file)
        self.print_button.clicked.connect(self.print_form)
        for b in (self.preview_button, self.docx_button, self.xlsx_button, self.print_button,
                  self.folder_button, self.open_folder_button, self.open_file_button):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.batch_template_button)
        actions.addWidget(self.batch_button)
        self.folder_label = QLabel()
        self.folder_label.setStyleSheet("color: #666;")
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.title_label)
        lay.addWidget(self.description)
        lay.addLayout(client_row)
        lay.addWidget(self.scroll, 1)
        lay.addWidget(self.summary)
        lay.addLayout(actions)
        lay.addWidget(self.folder_label)
        lay.addWidget(self.status)
        self._show_folder()
        self._set_enabled(False)
        return tab

    def _build_history_tab(self) -> QWidget:
        tab = QWidget()
        lay = QVBoxLayout(tab)
        top = QHBoxLayout()
        self.history_search = QLineEdit()
        self.history_search.setPlaceholderText(self.tr("按表单、客户或文件名查找"))
        self.history_search.textChanged.connect(self.reload_history)
        top.addWidget(self.history_search, 1)
        lay.addLayout(top)
        self.history = QTableWidget(0, 4)
        self.history.setObjectName("history")
        self.history.setHorizontalHeaderLabels([self.tr("时间"), self.tr("表单"), self.tr("客户"),
                                                self.tr("文件")])
        self.history.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.doubleClicked.connect(lambda _i: self.reopen_selected())
        lay.addWidget(self.history, 1)
        buttons = QHBoxLayout()
        self.reopen_button = QPushButton(self.tr("重新打开修改"))
        self.reopen_button.setObjectName("reopen_button")
        self.reopen_button.clicked.connect(self.reopen_selected)
        self.history_open_button = QPushButton(self.tr("打开文档"))
        self.history_open_button.clicked.connect(self.open_selected_file)
        buttons.addWidget(self.reopen_button)
        buttons.addWidget(self.history_open_button)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        return tab

    # -- forms -----------------------------------------------------------------------------
    def catalog(self):  # type: ignore[no-untyped-def]
        return form_registry(self.env.ctx)

    def reload_forms(self) -> None:
        cat = self.catalog()
        current = self.form.id if self.form else None
        self.form_list.blockSignals(True)
        self.form_list.clear()
        category = None
        for d in cat.search(self.search.text()):
            spec = d.spec
            if spec.category != category:  # a heading per category
                category = spec.category
                heading = QListWidgetItem(category if self.env.lang == "zh"
                                          else (spec.category_en or category))
                heading.setFlags(Qt.ItemFlag.NoItemFlags)
                font = heading.font()
                font.setBold(True)
                heading.setFont(font)
                heading.setForeground(QBrush(QColor("#21384f")))
                self.form_list.addItem(heading)
            item = QListWidgetItem("  " + spec.name_for(self.env.lang))
            item.setData(Qt.ItemDataRole.UserRole, d.id)
            item.setToolTip(spec.description if self.env.lang == "zh" else spec.description_en)
            self.form_list.addItem(item)
            if d.id == current:
                self.form_list.setCurrentItem(item)
        self.form_list.blockSignals(False)
        if cat.problems:
            self.load_problems.setText(self.tr("以下表单定义有误，未加载：") + "\n"
                                       + "\n".join(p.text(self.env.lang) for p in cat.problems))
            self.load_problems.show()
        else:
            self.load_problems.hide()

    def _form_chosen(self, item: QListWidgetItem | None, _prev: Any = None) -> None:
        if item is not None:
            self.select_form(str(item.data(Qt.ItemDataRole.UserRole)))

    def open_form(self, form_id: str) -> None:
        """Show ``form_id`` ready to fill (for links from other pages, e.g. the catalogue)."""
        self.search.clear()
        self.tabs.setCurrentIndex(0)
        if self.form is None or self.form.id != form_id:
            self.select_form(form_id)

    def select_form(self, form_id: str, data: dict[str, Any] | None = None) -> None:
        """Show ``form_id``'s fields (empty, or filled with ``data``)."""
        try:
            self.form = self.catalog().get(form_id)
        except UserError as exc:
            show_error(self, exc, self.env.lang)
            return
        spec = self.form.spec
        for i in range(self.form_list.count()):
            it = self.form_list.item(i)
            if it.data(Qt.ItemDataRole.UserRole) == form_id and not it.isSelected():
                self.form_list.blockSignals(True)
                self.form_list.setCurrentItem(it)
                self.form_list.blockSignals(False)
        self.title_label.setText(spec.name_for(self.env.lang)
                                 + (f"（{spec.authority}）" if spec.authority else ""))
        self.description.setText(spec.description if self.env.lang == "zh"
                                 else spec.description_en)
        self.editor = FormEditor(spec, self.env.lang)
        self.editor.changed.connect(self.revalidate)
        self.scroll.setWidget(self.editor)
        self._loading = True
        self.editor.set_values(data or {})
        self._loading = False
        self.xlsx_button.setVisible("xlsx" in spec.formats)
        self.docx_button.setVisible("docx" in spec.formats)
        self._set_enabled(True)
        self.status.clear()
        self.revalidate()

    def _set_enabled(self, on: bool) -> None:
        for w in (self.prefill_button, self.preview_button, self.docx_button, self.xlsx_button,
                  self.print_button, self.clear_button, self.example_button,
                  self.batch_template_button, self.batch_button):
            w.setEnabled(on)

    def clear_form(self) -> None:
        if self.form is not None:
            self.select_form(self.form.id)

    def fill_example(self) -> None:
        if self.form is not None and self.editor is not None:
            self.editor.set_values(dict(self.form.spec.example))

    # -- validation --------------------------------------------------------------------------
    def current_data(self) -> dict[str, Any]:
        return self.editor.values() if self.editor else {}

    def revalidate(self) -> FormResult | None:
        if self._loading or self.form is None or self.editor is None:
            return None
        self.result = validate_form(self.form.spec, self.current_data())
        by_field: dict[str, list] = {}
        for p in self.result.problems + self.result.warnings:
            by_field.setdefault(p.field.split("[")[0], []).append(p)
        self.editor.show_problems(by_field)
        self._show_summary(self.result)
        return self.result

    def _show_summary(self, res: FormResult) -> None:
        zh = self.env.lang == "zh"
        lines = []
        if res.problems:
            lines.append(f"<span style='{ERROR_STYLE}'>"
                         + self.tr("还有 %1 处需要修正").replace("%1", str(len(res.problems))) + "</span>")
        elif res.warnings:
            lines.append(f"<span style='{WARN_STYLE}'>"
                         + self.tr("可以生成；请核对 %1 处提醒").replace("%1", str(len(res.warnings))) + "</span>")
        else:
            lines.append("<span style='color:#1b7f3b'>" + self.tr("填写完整，可以生成") + "</span>")
        for c in res.computed:
            label, expl = (c.label, c.explanation) if zh else (c.label_en, c.explanation_en)
            lines.append(f"<b>{label}：{c.display}</b>（{expl}）")
        if res.materials:
            lines.append(self.tr("需提交的材料：") + "；".join(
                zh_text if zh else en_text for zh_text, en_text in res.materials))
        self.summary.setText("<br>".join(lines))

    # -- clients -------------------------------------------------------------------------------
    def reload_clients(self) -> None:
        current = self.client_combo.currentData()
        self.client_combo.blockSignals(True)
        self.client_combo.clear()
        self.client_combo.addItem(self.tr("（不使用客户档案）"), None)
        for c in list_clients(self.env.ctx.db, self.client_search.text().strip())[:200]:
            self.client_combo.addItem(f"{c.name}" + (f"  {c.id_number}" if c.id_number else ""),
                                      c.id)
        i = self.client_combo.findData(current)
        self.client_combo.setCurrentIndex(max(i, 0) if current is not None else
                                          (1 if self.client_search.text().strip()
                                           and self.client_combo.count() > 1 else 0))
        self.client_combo.blockSignals(False)

    def client_id(self) -> int | None:
        value = self.client_combo.currentData()
        return int(value) if value is not None else None

    def apply_client(self, overwrite: bool = True) -> None:
        """Fill the fields the chosen client's profile knows: all of them, or (when a
        client is just picked) only the blank ones."""
        if self.form is None or self.editor is None:
            return
        cid = self.client_id()
        if cid is None:
            if overwrite:
                self.status.setText(self.tr("请先选择客户"))
            return
        try:
            client = get_client(self.env.ctx.db, cid)
        except UserError as exc:
            show_error(self, exc, self.env.lang)
            return
        data = prefill(self.form.spec, client, self.current_data(), overwrite=overwrite)
        self.editor.set_values(data)
        self.status.setText(self.tr("已用客户“%1”的档案填写").replace("%1", client.name))

    # -- output --------------------------------------------------------------------------------
    def output_folder(self) -> Path:
        chosen = str(self.env.prefs.value(_FOLDER_PREF, "") or "")
        return Path(chosen) if chosen else self.env.ctx.paths.generated_dir

    def _show_folder(self) -> None:
        self.folder_label.setText(self.tr("输出到：") + str(self.output_folder()))

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择输出文件夹"),
                                                  str(self.output_folder()))
        if folder:
            self.env.prefs.setValue(_FOLDER_PREF, folder)
            self._show_folder()

    def open_folder(self) -> None:
        folder = self.output_folder()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def open_last_file(self) -> None:
        if self.last_output is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_output)))

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
                    self.scroll.ensureWidgetVisible(editor.widget)
                    editor.widget.setFocus()
            return None
        if res.warnings:
            text = "\n".join(w.text(self.env.lang) for w in res.warnings)
            answer = QMessageBox.question(self, self.tr("请确认"),
                                          self.tr("以下内容需要核对，确认无误后继续生成：") + "\n\n" + text)
            if answer != QMessageBox.StandardButton.Yes:
                return None
        return res

    def generate(self, fmt: str) -> None:
        if self.form is None or self._ready() is None:
            return
        ctx, form_id, data = self.env.ctx, self.form.id, self.current_data()
        client_id, folder = self.client_id(), self.output_folder()

        def job(progress, cancelled):  # type: ignore[no-untyped-def]
            progress(0, 1, "")
            return generate(ctx, form_id, data, client_id=client_id, fmt=fmt, folder=folder)

        self.status.setStyleSheet("")
        self.status.setText(self.tr("正在生成…"))
        self.env.jobs.start(job, parent=self, title=self.tr("生成文档"),
                            on_done=self._generated, on_error=self._failed)

    def _generated(self, out: Any) -> None:
        self.last_output = out.path
        text = self.tr("已生成：") + str(out.path)
        for a in out.attachments:
            text += "\n" + self.tr("附件：") + str(a)
        self.status.setStyleSheet("color: #1b7f3b;")
        self.status.setText(text)
        self.reload_history()

    def _failed(self, exc: BaseException) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        if isinstance(exc, ValidationFailed):
            self.status.setText(exc.message(self.env.lang))
        else:
            self.status.setText(str(exc))
            show_error(self, exc, self.env.lang)

    # -- batch -------------------------------------------------------------------------------
    def save_batch_template(self) -> None:
        if self.form is None:
            return
        suggested = self.output_folder() / f"{self.form.spec.name}_批量模板.xlsx"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存批量模板"), str(suggested),
                                              "Excel (*.xlsx)")
        if not path:
            return
        try:
            write_batch_template(self.form, Path(path))
        except UserError as exc:
            show_error(self, exc, self.env.lang)
            return
        self.status.setStyleSheet("")
        self.status.setText(self.tr("已保存批量模板：") + path)

    def run_batch(self) -> None:
        if self.form is None:
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择批量数据表格"),
                                              str(self.output_folder()), "Excel (*.xlsx)")
        if not path:
            return
        ctx, form_id, folder = self.env.ctx, self.form.id, self.output_folder()

        def job(progress, cancelled):  # type: ignore[no-untyped-def]
            return batch_job(ctx, form_id, Path(path), folder)(progress, cancelled)

        self.env.jobs.start(job, parent=self, title=self.tr("批量生成"),
                            on_done=self._batch_done, on_cancelled=self._batch_cancelled)

    def _batch_cancelled(self) -> None:
        self.status.setStyleSheet(WARN_STYLE)
        self.status.setText(self.tr("批量生成已取消；已生成的文档保留在输出文件夹并已记录"))
        self.reload_history()

    def _batch_done(self, report: Any) -> None:
        text = self.tr("已生成 %1 份文档").replace("%1", str(len(report.generated)))
        if report.failed:
            text += "\n" + self.tr("%1 行未生成，错误报告：").replace(
                "%1", str(len(report.failed_rows))) + str(report.report_path)
            text += "\n" + "\n".join(p.text(self.env.lang) for p in report.failed[:15])
        self.status.setStyleSheet(ERROR_STYLE if report.failed else "color: #1b7f3b;")
        self.status.setText(text)
        self.reload_history()
        QMessageBox.information(self, self.tr("批量生成"), text)

    def preview_dialog(self) -> PreviewDialog | None:
        if self.form is None:
            return None
        res = self.revalidate()
        if res is None:
            return None
        html = preview_html(res, lang=self.env.lang, outlet=outlet_name(self.env.ctx),
                            date_text=format_date(_dt.date.today()))
        return PreviewDialog(html, self.form.spec.name_for(self.env.lang), self)

    def show_preview(self) -> None:
        dialog = self.preview_dialog()
        if dialog is not None:
            self._preview = dialog
            dialog.open()

    def print_form(self) -> None:
        dialog = self.preview_dialog()
        if dialog is not None:
            print_document(dialog.browser.document(), self)

    # -- history -------------------------------------------------------------------------------
    def reload_history(self) -> None:
        self.records: list[DocumentRecord] = list_documents(
            self.env.ctx.db, query=self.history_search.text().strip(), limit=500)
        self.history.setRowCount(len(self.records))
        for r, rec in enumerate(self.records):
            cells = [f"{rec.created_at:%Y-%m-%d %H:%M}", rec.form_name, rec.client_name,
                     Path(rec.output_path).name]
            for k, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, rec.id)
                if k == 3:
                    item.setToolTip(rec.output_path)
                self.history.setItem(r, k, item)

    def _selected_record(self) -> DocumentRecord | None:
        rows = sorted({i.row() for i in self.history.selectedIndexes()})
        return self.records[rows[0]] if rows else None

    def reopen(self, doc_id: int) -> None:
        """Load a generated document's data back into the form to edit and regenerate."""
        try:
            rec = get_document(self.env.ctx.db, doc_id)
            form = self.catalog().get(rec.form_id)
        except UserError as exc:
            show_error(self, exc, self.env.lang)
            return
        self.search.clear()
        if rec.client_id is not None:
            self.client_search.clear()
            i = self.client_combo.findData(rec.client_id)
            self.client_combo.setCurrentIndex(max(i, 0))
        else:
            self.client_combo.setCurrentIndex(0)
        self.select_form(form.id, rec.data)
        note = self.tr("已打开 %1 生成的记录，可修改后重新生成").replace(
            "%1", f"{rec.created_at:%Y-%m-%d %H:%M}")
        if rec.form_version != form.spec.version:
            note += self.tr("（该记录基于旧版表单，已按当前版本重新校验）")
        self.status.setStyleSheet("")
        self.status.setText(note)
        self.tabs.setCurrentIndex(0)

    def reopen_selected(self) -> None:
        rec = self._selected_record()
        if rec is not None:
            self.reopen(rec.id)

    def open_selected_file(self) -> None:
        rec = self._selected_record()
        if rec is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(rec.output_path))


def create_page(env: UiEnv) -> QWidget:
    return FormsPage(env)


def screenshot_setup(page: FormsPage, env: UiEnv) -> None:
    """A representative state: the pledge form filled with its example."""
    page.select_form("patent_pledge", dict(page.catalog().get("patent_pledge").spec.example))
