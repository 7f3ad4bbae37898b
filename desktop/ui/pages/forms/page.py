"""表单: pick a form, pre-fill from a client, fill with live validation, preview, generate
DOCX/XLSX, and reopen earlier documents from the history.

Forms, clients and the history are read in the background; clients and documents changed
elsewhere (another page, a batch) arrive as change notices.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.changes import Changes
from desktop.clients import api as clients
from desktop.clients.api import ClientData
from desktop.errors import FieldProblem
from desktop.forms import api as forms
from desktop.forms.api import DocumentRecord, FormDef, FormRegistry, FormResult
from desktop.ui.env import UiEnv
from desktop.ui.pages.forms.editors import ERROR_STYLE, WARN_STYLE, FormEditor
from desktop.ui.pages.forms.fill_layout import FillLayout
from desktop.ui.pages.forms.history_tab import HistoryTab
from desktop.ui.pages.forms.output_actions import OutputActions
from desktop.ui.pages.forms.preview import PreviewDialog


class FormsPage(OutputActions, HistoryTab, FillLayout):
    def __init__(self, env: UiEnv) -> None:
        super().__init__()
        self.env = env
        self.registry: FormRegistry | None = None
        self.form: FormDef | None = None
        self.editor: FormEditor | None = None
        self.result: FormResult | None = None
        self.last_output: Path | None = None
        self.preview: PreviewDialog | None = None
        self._loading = False
        self._pending_form: tuple[str, dict[str, Any] | None] | None = None
        self._prefill_pending = False  # open_target: pre-fill once form and client are in
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
        self._connect_fill_tab()
        self._show_folder()
        self._set_enabled(False)
        self.reload_forms()
        self.reload_clients()
        self.reload_history()

    def _connect_fill_tab(self) -> None:
        self.client_search.textChanged.connect(self.reload_clients)
        self.client_combo.activated.connect(lambda _i: self.apply_client(overwrite=False))
        self.prefill_button.clicked.connect(lambda: self.apply_client(overwrite=True))
        self.clear_button.clicked.connect(self.clear_form)
        self.example_button.clicked.connect(self.fill_example)
        self.batch_template_button.clicked.connect(self.save_batch_template)
        self.batch_button.clicked.connect(self.run_batch)
        self.preview_button.clicked.connect(self.show_preview)
        self.docx_button.clicked.connect(lambda: self.generate("docx"))
        self.xlsx_button.clicked.connect(lambda: self.generate("xlsx"))
        self.folder_button.clicked.connect(self.choose_folder)
        self.open_folder_button.clicked.connect(self.open_folder)
        self.open_file_button.clicked.connect(self.open_last_file)
        self.print_button.clicked.connect(self.print_form)

    def apply_changes(self, changes: Changes, source: object = None) -> None:
        if changes.clients:
            self.reload_clients()
        if changes.documents:
            self.reload_history()

    # -- the form list -----------------------------------------------------------------
    def _build_picker(self) -> QWidget:
        box = QWidget()
        lay = QVBoxLayout(box)
        title = QLabel("<h3>" + self.tr("常用申请表单") + "</h3>")
        self.search = QLineEdit()
        self.search.setObjectName("form_search")
        self.search.setPlaceholderText(self.tr("搜索表单（名称、关键词）"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._list_forms)
        self.form_list = QListWidget()
        self.form_list.setWordWrap(True)
        self.form_list.setObjectName("form_list")
        self.form_list.setMinimumWidth(150)  # names wrap; the splitter gives more room
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

    def reload_forms(self) -> None:
        """Read the form definitions (bundled and the administrator's) in the background."""
        ctx = self.env.ctx
        self.env.read(lambda: forms.form_registry(ctx), parent=self, key="forms",
                      on_done=self._forms_loaded)

    def _forms_loaded(self, registry: FormRegistry) -> None:
        self.registry = registry
        self._list_forms()
        if registry.problems:
            self.load_problems.setText(self.tr("以下表单定义有误，未加载：") + "\n"
                                       + "\n".join(p.text(self.env.lang)
                                                   for p in registry.problems))
            self.load_problems.show()
        else:
            self.load_problems.hide()
        if self._pending_form is not None:
            form_id, data = self._pending_form
            self._pending_form = None
            self.select_form(form_id, data)

    def _list_forms(self) -> None:
        if self.registry is None:
            return
        current = self.form.id if self.form else None
        self.form_list.blockSignals(True)
        self.form_list.clear()
        category = None
        for d in self.registry.search(self.search.text()):
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

    def _form_chosen(self, item: QListWidgetItem | None, _prev: Any = None) -> None:
        if item is not None:
            self.select_form(str(item.data(Qt.ItemDataRole.UserRole)))

    def open_target(self, form_id: str, client_id: int | None = None) -> None:
        """Show ``form_id``, pre-filled from client ``client_id`` when given (the one-stop
        visit opens its forms so)."""
        self.open_form(form_id)
        if client_id is not None:
            self._prefill_pending = True
            self.client_search.blockSignals(True)
            self.client_search.clear()
            self.client_search.blockSignals(False)
            self._select_client_after_reload = client_id
            self.reload_clients()

    def _prefill_if_pending(self) -> None:
        if self._prefill_pending and self.editor is not None and self.clients_loaded \
                and self._select_client_after_reload is None:
            self._prefill_pending = False
            self.apply_client(overwrite=False)

    def open_form(self, form_id: str) -> None:
        """Show ``form_id`` ready to fill (for links from other pages, e.g. the catalogue)."""
        self.search.clear()
        self.tabs.setCurrentIndex(0)
        if self.form is None or self.form.id != form_id:
            self.select_form(form_id)

    def select_form(self, form_id: str, data: dict[str, Any] | None = None) -> None:
        """Show ``form_id``'s fields (empty, or filled with ``data``)."""
        if self.registry is None:  # still loading: show it once the forms are read
            self._pending_form = (form_id, data)
            return
        self.form = self.registry.get(form_id)
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
        self.fields_scroll.setWidget(self.editor)
        self._loading = True
        self.editor.set_values(data or {})
        self._loading = False
        self.xlsx_button.setVisible("xlsx" in spec.formats)
        self.docx_button.setVisible("docx" in spec.formats)
        self._set_enabled(True)
        self._prefill_if_pending()
        self.status.clear()
        self.revalidate()

    def clear_form(self) -> None:
        if self.form is not None:
            self.select_form(self.form.id)

    def fill_example(self) -> None:
        if self.form is not None and self.editor is not None:
            self.editor.set_values(dict(self.form.spec.example))

    def show_record(self, rec: DocumentRecord, form: FormDef) -> None:
        """A generated document's data back in the form (from the history tab)."""
        self.search.clear()
        self.client_search.blockSignals(True)
        self.client_search.clear()
        self.client_search.blockSignals(False)
        self._select_client_after_reload = rec.client_id
        self.reload_clients()
        self.select_form(form.id, forms.upgrade_data(form, rec.data))
        note = self.tr("已打开 %1 生成的记录，可修改后重新生成").replace(
            "%1", f"{rec.created_at:%Y-%m-%d %H:%M}")
        if rec.form_version != form.spec.version:
            note += self.tr("（该记录基于旧版表单，已按当前版本重新校验）")
        self.status.setStyleSheet("")
        self.status.setText(note)
        self.tabs.setCurrentIndex(0)

    # -- validation ----------------------------------------------------------------------
    def current_data(self) -> dict[str, Any]:
        return self.editor.values() if self.editor else {}

    def revalidate(self) -> FormResult | None:
        if self._loading or self.form is None or self.editor is None:
            return None
        self.result = forms.validate(self.form, self.current_data())
        by_field: dict[str, list[FieldProblem]] = {}
        for p in self.result.problems + self.result.warnings:
            by_field.setdefault(p.field.split("[")[0], []).append(p)
        self.editor.show_problems(by_field)
        self._show_summary(self.result)
        return self.result

    def _show_summary(self, res: FormResult) -> None:
        zh = self.env.lang == "zh"
        lines = []
        if res.problems:
            lines.append(f"<span style='{ERROR_STYLE}'>" + self.tr("还有 %1 处需要修正")
                         .replace("%1", str(len(res.problems))) + "</span>")
        elif res.warnings:
            lines.append(f"<span style='{WARN_STYLE}'>" + self.tr("可以生成；请核对 %1 处提醒")
                         .replace("%1", str(len(res.warnings))) + "</span>")
        else:
            lines.append("<span style='color:#1b7f3b'>" + self.tr("填写完整，可以生成")
                         + "</span>")
        for c in res.computed:
            label, expl = (c.label, c.explanation) if zh else (c.label_en, c.explanation_en)
            lines.append(f"<b>{label}：{c.display}</b>（{expl}）")
        if res.materials:
            lines.append(self.tr("需提交的材料：") + "；".join(
                zh_text if zh else en_text for zh_text, en_text in res.materials))
        self.summary.setText("<br>".join(lines))

    # -- clients -------------------------------------------------------------------------
    def reload_clients(self) -> None:
        ctx, query = self.env.ctx, self.client_search.text().strip()
        self.env.read(lambda: clients.list_clients(ctx, query, limit=200), parent=self,
                      key="clients", on_done=self._show_clients)

    def _show_clients(self, found: list[ClientData]) -> None:
        wanted = self._select_client_after_reload
        current = wanted if wanted is not None else self.client_combo.currentData()
        self._select_client_after_reload = None
        self.client_combo.blockSignals(True)
        self.client_combo.clear()
        self.client_combo.addItem(self.tr("（不使用客户档案）"), None)
        for c in found:
            self.client_combo.addItem(f"{c.name}" + (f"  {c.id_number}" if c.id_number else ""),
                                      c.id)
        i = self.client_combo.findData(current)
        self.client_combo.setCurrentIndex(max(i, 0) if current is not None else
                                          (1 if self.client_search.text().strip()
                                           and self.client_combo.count() > 1 else 0))
        self.client_combo.blockSignals(False)
        self.clients_loaded = True
        self._prefill_if_pending()

    def client_id(self) -> int | None:
        value = self.client_combo.currentData()
        return int(value) if value is not None else None

    def apply_client(self, overwrite: bool = True) -> None:
        """Fill the fields the chosen client's profile knows: all of them, or (when a
        client is just picked) only the blank ones."""
        form, cid = self.form, self.client_id()
        if form is None or self.editor is None:
            return
        if cid is None:
            if overwrite:
                self.status.setText(self.tr("请先选择客户"))
            return
        ctx, data = self.env.ctx, self.current_data()

        def filled(found: tuple[ClientData, dict[str, Any]]) -> None:
            client, values = found
            if self.form is not form or self.editor is None:
                return  # another form was chosen meanwhile
            self.editor.set_values(values)
            self.status.setText(self.tr("已用客户“%1”的档案填写").replace("%1", client.name))

        self.env.read(lambda: forms.prefill_from_client(ctx, form, cid, data,
                                                        overwrite=overwrite),
                      parent=self, key="prefill", on_done=filled)


__all__ = ["FormsPage"]
