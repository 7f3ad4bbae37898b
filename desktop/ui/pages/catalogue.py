"""服务事项: browse the service catalogue, read a guide, tick materials, hand out the guide.

Left: filter (Chinese, pinyin initials such as ``zlzy``, or codes), category and audience
choosers, the items grouped by category (tick items to put several in one handout).
Right: the guide, with the materials as a checklist the officer ticks during the visit.
The page calls the Qt-free ``desktop.catalogue`` functions for everything it shows or writes.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.catalogue import (
    AUDIENCES,
    CatalogueIndex,
    ServiceItem,
    categories_of,
    delete_item,
    item_history,
    item_sections,
    load_index,
    save_item,
)
from desktop.catalogue.admin import admin_password_set, check_admin_password, set_admin_password
from desktop.catalogue.handout import (
    convert_to_pdf,
    handout_html,
    pdf_converter,
    write_handout,
)
from desktop.catalogue.text import material_line
from desktop.errors import UserError
from desktop.settings import get_outlet
from desktop.ui.env import UiEnv
from desktop.ui.jobs import show_error
from desktop.ui.pages.catalogue_dialogs import HistoryDialog, ImportDiffDialog, ItemEditorDialog

if TYPE_CHECKING:
    from desktop.catalogue.spreadsheet import ImportPlan

CODE_ROLE = Qt.ItemDataRole.UserRole
FORM_SCHEME = "form"

log = logging.getLogger(__name__)


class CataloguePage(QWidget):
    """The catalogue page.  ``open_form_requested(form_id)`` asks the app to open a form."""

    open_form_requested = Signal(str)

    def __init__(self, env: UiEnv) -> None:
        super().__init__()
        self.env = env
        self.index = CatalogueIndex([])
        self.current: ServiceItem | None = None
        self.ticks: dict[str, set[int]] = {}
        self._admin_unlocked = False
        self._pending_import: ImportDiffDialog | None = None
        self.last_handout: Path | None = None
        self._form_ids: set[str] | None = None  # None: every form id is shown as a link
        self._build()
        self.reload()

    # -- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("catalogue_filter")
        self.filter_edit.setPlaceholderText(
            self.tr("输入事项名称、拼音首字母（如 zlzy）或编码筛选"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.refilter)
        self.category_box = QComboBox()
        self.category_box.setObjectName("catalogue_category")
        self.category_box.currentIndexChanged.connect(self.refilter)
        self.audience_box = QComboBox()
        self.audience_box.setObjectName("catalogue_audience")
        self.audience_box.addItem(self.tr("全部服务对象"), "")
        labels = {"企业": self.tr("企业"), "个人": self.tr("个人"),
                  "高校院所": self.tr("高校院所"), "代理机构": self.tr("代理机构")}
        for a in AUDIENCES:
            self.audience_box.addItem(labels[a], a)
        self.audience_box.currentIndexChanged.connect(self.refilter)
        self.retired_box = QCheckBox(self.tr("含已停用"))
        self.retired_box.toggled.connect(self.refilter)
        bar.addWidget(self.filter_edit, 3)
        bar.addWidget(self.category_box, 1)
        bar.addWidget(self.audience_box, 1)
        bar.addWidget(self.retired_box)
        outer.addLayout(bar)

        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        self.tree = QTreeWidget()
        self.tree.setObjectName("catalogue_tree")
        self.tree.setHeaderLabels([self.tr("服务事项"), self.tr("编码")])
        header = self.tree.header()  # the name takes the room; the code is always whole
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemChanged.connect(self._tree_item_changed)
        ll.addWidget(self.tree, 1)
        self.count_label = QLabel()
        self.count_label.setObjectName("catalogue_count")
        ll.addWidget(self.count_label)
        split.addWidget(left)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        self.title_label = QLabel()
        self.title_label.setObjectName("catalogue_title")
        self.title_label.setWordWrap(True)
        self.title_label.setTextFormat(Qt.TextFormat.RichText)
        rl.addWidget(self.title_label)
        mats_head = QHBoxLayout()
        self.materials_label = QLabel(self.tr("申请材料清单"))
        self.materials_label.setObjectName("materials_progress")
        clear = QPushButton(self.tr("清除勾选"))
        clear.clicked.connect(self.clear_ticks)
        mats_head.addWidget(self.materials_label, 1)
        mats_head.addWidget(clear)
        rl.addLayout(mats_head)
        self.materials = QListWidget()
        self.materials.setObjectName("materials_checklist")
        self.materials.setWordWrap(True)
        self.materials.itemChanged.connect(self._material_ticked)
        inner = QSplitter(Qt.Orientation.Vertical)
        inner.addWidget(self.materials)
        self.guide = QTextBrowser()
        self.guide.setObjectName("catalogue_guide")
        self.guide.setOpenLinks(False)
        self.guide.anchorClicked.connect(self._anchor_clicked)
        inner.addWidget(self.guide)
        inner.setSizes([180, 420])
        rl.addWidget(inner, 1)
        split.addWidget(right)
        split.setSizes([380, 720])
        outer.addWidget(split, 1)

        buttons = QHBoxLayout()
        self.print_button = self._button(buttons, "print_guide", self.tr("打印办事指南…"),
                                         self.print_guide)
        self.export_button = self._button(buttons, "export_guide", self.tr("导出办事指南…"),
                                          self.export_guide)
        self.export_button.setToolTip(
            self.tr("导出为Word文档；本机装有LibreOffice时也可导出PDF") if pdf_converter()
            else self.tr("导出为Word文档（本机未安装LibreOffice，无法直接导出PDF）"))
        buttons.addStretch(1)
        self._button(buttons, "history", self.tr("历史版本…"), self.show_history)
        self._button(buttons, "edit_item", self.tr("编辑（管理员）…"), self.edit_current)
        self._button(buttons, "export_xlsx", self.tr("导出Excel…"), self.export_sheet)
        self._button(buttons, "import_xlsx", self.tr("导入Excel…"), self.import_sheet)
        outer.addLayout(buttons)

    def _button(self, row: QHBoxLayout, name: str, text: str,
                slot: Callable[[], object]) -> QPushButton:
        b = QPushButton(text)
        b.setObjectName(name)
        b.clicked.connect(slot)
        row.addWidget(b)
        return b

    # -- data ----------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the catalogue from the database (all items; the filter hides retired ones)."""
        try:
            self.index = load_index(self.env.ctx.db, include_retired=True)
        except UserError as exc:
            show_error(self, exc, self.env.lang)
            return
        index = self.index  # pinyin for the filter, computed off the GUI thread
        self.env.jobs.start_when_idle(
            lambda _p, _c: index.prepare_pinyin(), show_dialog=False,
            on_error=lambda exc: log.warning("pinyin warm-up failed: %s", exc))
        chosen = self.category_box.currentData()
        self.category_box.blockSignals(True)
        self.category_box.clear()
        self.category_box.addItem(self.tr("全部类别"), "")
        for c in categories_of(self.index.items):
            self.category_box.addItem(c, c)
        pos = self.category_box.findData(chosen) if chosen else 0
        self.category_box.setCurrentIndex(max(pos, 0))
        self.category_box.blockSignals(False)
        self.refilter()

    def visible_codes(self) -> list[str]:
        codes = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            codes += [group.child(j).data(0, CODE_ROLE) for j in range(group.childCount())]
        return codes

    def refilter(self) -> None:
        items = self.index.filter(self.filter_edit.text(),
                                  category=self.category_box.currentData() or None,
                                  audience=self.audience_box.currentData() or None,
                                  include_retired=self.retired_box.isChecked())
        keep = self.current.code if self.current else None
        checked = set(self.checked_codes())
        self.tree.blockSignals(True)
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        ranked = bool(self.filter_edit.text().strip())
        for it in items:
            group_name = self.tr("筛选结果") if ranked else it.category
            group = groups.get(group_name)
            if group is None:
                group = QTreeWidgetItem(self.tree, [group_name])
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                group.setExpanded(True)
                groups[group_name] = group
            name = it.name if it.active else f"{it.name}" + self.tr("（已停用）")
            node = QTreeWidgetItem(group, [name, it.code])
            node.setData(0, CODE_ROLE, it.code)
            node.setFlags(node.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            node.setCheckState(0, Qt.CheckState.Checked if it.code in checked
                               else Qt.CheckState.Unchecked)
            node.setToolTip(0, self.tr("勾选多个事项可合并打印或导出办事指南"))
        self.tree.blockSignals(False)
        self.count_label.setText(self.tr("共 {n} 项").replace("{n}", str(len(items))))
        target = keep if keep in {i.code for i in items} else (items[0].code if items else None)
        if target:
            self.select(target)
        else:
            self._show(None)

    def _node(self, code: str) -> QTreeWidgetItem | None:
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                if group.child(j).data(0, CODE_ROLE) == code:
                    return group.child(j)
        return None

    def show_item(self, code: str) -> bool:
        """Open ``code`` whatever the filters (for other pages, e.g. a search hit)."""
        item = self.index.get(code.strip().upper())
        if item is None:
            return False
        if self._node(item.code) is None:
            self.filter_edit.blockSignals(True)
            self.filter_edit.clear()
            self.filter_edit.blockSignals(False)
            self.category_box.setCurrentIndex(0)
            self.audience_box.setCurrentIndex(0)
            if not item.active:
                self.retired_box.setChecked(True)
            self.refilter()
        self.select(item.code)
        return True

    def set_form_ids(self, form_ids: set[str] | None) -> None:
        """The form ids the forms page can open; others show as plain names (None: all)."""
        self._form_ids = set(form_ids) if form_ids is not None else None
        if self.current is not None:
            self.guide.setHtml(self._guide_html(self.current))

    def select(self, code: str) -> None:
        node = self._node(code)
        if node is not None:
            self.tree.setCurrentItem(node)
            self._show(self.index.get(code))

    def checked_codes(self) -> list[str]:
        out = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                node = group.child(j)
                if node.checkState(0) == Qt.CheckState.Checked:
                    out.append(node.data(0, CODE_ROLE))
        return out

    def set_checked(self, code: str, checked: bool = True) -> None:
        node = self._node(code)
        if node is not None:
            node.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _current_changed(self, current: QTreeWidgetItem | None,
                         _prev: QTreeWidgetItem | None = None) -> None:
        code = current.data(0, CODE_ROLE) if current is not None else None
        if code:
            self._show(self.index.get(code))

    def _tree_item_changed(self, _node: QTreeWidgetItem, _col: int) -> None:
        n = len(self.checked_codes())
        text = self.tr("导出办事指南（{n}项）…").replace("{n}", str(n)) if n \
            else self.tr("导出办事指南…")
        self.export_button.setText(text)

    # -- detail --------------------------------------------------------------------------
    def _show(self, item: ServiceItem | None) -> None:
        self.current = item
        self.materials.blockSignals(True)
        self.materials.clear()
        if item is None:
            self.title_label.setText(self.tr("没有符合条件的服务事项"))
            self.guide.clear()
            self.materials.blockSignals(False)
            self._update_progress()
            return
        e = html.escape
        badge = "" if item.active else \
            " <span style='color:#b00020'>" + e(self.tr("已停用")) + "</span>"
        fee = self.tr("收费") if item.paid else self.tr("免费")
        self.title_label.setText(
            f"<h2 style='margin:0'>{e(item.name)}{badge}</h2>"
            f"<span style='color:#555'>{e(item.code)} · {e(item.category)} · "
            f"{e(item.service_type)} · {e(fee)} · {e('、'.join(item.audience))}</span>")
        ticked = self.ticks.get(item.code, set())
        for i, m in enumerate(item.materials):
            row = QListWidgetItem(material_line(m))
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Checked if i in ticked else Qt.CheckState.Unchecked)
            self.materials.addItem(row)
        self.materials.blockSignals(False)
        self._update_progress()
        self.guide.setHtml(self._guide_html(item))

    def _guide_html(self, item: ServiceItem) -> str:
        e = html.escape
        out = []
        for sec in item_sections(item, include_materials=False):
            if sec.key == "basic":
                continue
            out.append(f"<h3 style='color:#21384f'>{e(sec.title)}</h3>")
            if sec.key == "forms":
                links = []
                for f in item.forms:
                    if f.form_id and (self._form_ids is None or f.form_id in self._form_ids):
                        links.append(f"<li><a href='{FORM_SCHEME}:{e(f.form_id)}'>{e(f.name)}</a>"
                                     f" <span style='color:#777'>（{e(self.tr('点击打开表单'))}）</span></li>")
                    else:
                        links.append(f"<li>{e(f.name)}</li>")
                out.append("<ul>" + "".join(links) + "</ul>")
                continue
            tag = "ol" if sec.numbered else "ul"
            out.append(f"<{tag}>" + "".join(f"<li>{e(x).replace(chr(10), '<br>')}</li>"
                                            for x in sec.lines) + f"</{tag}>")
        return "".join(out)

    def _anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() == FORM_SCHEME:
            self.open_form_requested.emit(url.path())

    def _material_ticked(self, _row: QListWidgetItem) -> None:
        if self.current is None:
            return
        ticked = {i for i in range(self.materials.count())
                  if self.materials.item(i).checkState() == Qt.CheckState.Checked}
        self.ticks[self.current.code] = ticked
        self._update_progress()

    def tick_material(self, index: int, checked: bool = True) -> None:
        row = self.materials.item(index)
        if row is not None:
            row.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def clear_ticks(self) -> None:
        for i in range(self.materials.count()):
            self.tick_material(i, False)

    def _update_progress(self) -> None:
        total = self.materials.count()
        done = sum(1 for i in range(total)
                   if self.materials.item(i).checkState() == Qt.CheckState.Checked)
        text = self.tr("申请材料清单：已备齐 {done}/{total}（勾选来访者已带齐的材料）")
        self.materials_label.setText(text.replace("{done}", str(done))
                                     .replace("{total}", str(total)))

    # -- handout -------------------------------------------------------------------------
    def handout_items(self) -> list[ServiceItem]:
        """The ticked items in list order, or the current item when none is ticked."""
        codes = self.checked_codes()
        if codes:
            return [i for c in codes if (i := self.index.get(c)) is not None]
        return [self.current] if self.current else []

    def _handout_ticks(self) -> dict[str, set[int]]:
        return {k: set(v) for k, v in self.ticks.items()}

    def handout_as_html(self) -> str:
        return handout_html(self.handout_items(), get_outlet(self.env.ctx.db),
                            ticks=self._handout_ticks())

    def _new_printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        return printer

    def _ask_printer(self, printer: QPrinter) -> bool:
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("打印办事指南"))
        return dialog.exec() == QDialog.DialogCode.Accepted

    def print_guide(self) -> bool:
        if not self.handout_items():
            return False
        printer = self._new_printer()
        if not self._ask_printer(printer):
            return False
        doc = QTextDocument()
        doc.setHtml(self.handout_as_html())
        doc.print_(printer)
        return True

    def export_guide(self) -> None:
        items = self.handout_items()
        if not items:
            return
        can_pdf = pdf_converter() is not None
        filters = self.tr("Word 文档 (*.docx)")
        if can_pdf:
            filters += ";;" + self.tr("PDF 文件 (*.pdf)")
        default = str(Path(self.env.prefs.value("ui/last_folder", "") or Path.home())
                      / f"办事指南_{items[0].code}.docx")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出办事指南"), default, filters)
        if path:
            self.start_handout_export(path)

    def start_handout_export(self, path: str) -> None:
        """Write the handout for the chosen items to ``path`` (.docx, or .pdf) in the background."""
        items = self.handout_items()
        outlet = get_outlet(self.env.ctx.db)
        ticks = self._handout_ticks()
        target = Path(path)
        if target.suffix.lower() not in (".docx", ".pdf"):
            target = target.with_suffix(".docx")
        self.env.prefs.setValue("ui/last_folder", str(target.parent))

        def job(progress, cancelled):  # type: ignore[no-untyped-def]
            progress(0, 2, "DOCX")
            if target.suffix.lower() == ".pdf":
                docx = write_handout(items, target.with_suffix(".docx"), outlet, ticks=ticks)
                progress(1, 2, "PDF")
                return convert_to_pdf(docx, target)
            return write_handout(items, target, outlet, ticks=ticks)

        self.env.jobs.start(job, parent=self, title=self.tr("正在生成办事指南"),
                            on_done=self._handout_done)

    def _handout_done(self, path: Path) -> None:
        self.last_handout = Path(path)
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(self.tr("办事指南已保存：") + str(path), 8000)

    # -- admin ---------------------------------------------------------------------------
    def ensure_admin(self) -> bool:
        """Ask for the admin password once per session (set it first if there is none)."""
        if self._admin_unlocked:
            return True
        db = self.env.ctx.db
        if not admin_password_set(db):
            pw, ok = QInputDialog.getText(self, self.tr("设置管理员密码"),
                                          self.tr("尚未设置管理员密码。请设置（至少6位）："),
                                          QLineEdit.EchoMode.Password)
            if not ok:
                return False
            try:
                set_admin_password(db, pw)
            except UserError as exc:
                show_error(self, exc, self.env.lang)
                return False
            self._admin_unlocked = True
            return True
        pw, ok = QInputDialog.getText(self, self.tr("管理员验证"),
                                      self.tr("请输入管理员密码："), QLineEdit.EchoMode.Password)
        if ok and check_admin_password(db, pw):
            self._admin_unlocked = True
            return True
        if ok:
            QMessageBox.warning(self, "IP Desk", self.tr("管理员密码不正确"))
        return False

    def edit_current(self) -> ItemEditorDialog | None:
        if self.current is None or not self.ensure_admin():
            return None
        dialog = ItemEditorDialog(self.current, {i.code for i in self.index.items},
                                  on_delete=self._delete_item, lang=self.env.lang, parent=self)
        dialog.accepted.connect(lambda: self._save_edit(dialog))
        dialog.open()
        return dialog

    def _save_edit(self, dialog: ItemEditorDialog) -> None:
        if dialog.result_item is None:
            return
        try:
            save_item(self.env.ctx.db, dialog.result_item)
        except UserError as exc:
            show_error(self, exc, self.env.lang)
            return
        self.reload()
        self.select(dialog.result_item.code)

    def _delete_item(self, code: str) -> None:
        try:
            outcome = delete_item(self.env.ctx.db, code)
        except UserError as exc:
            show_error(self, exc, self.env.lang)
            return
        if outcome == "retired":
            QMessageBox.information(self, "IP Desk",
                                    self.tr("该事项被表单或接待记录引用，已停用而未删除。"))
        self.current = None
        self.reload()

    def show_history(self) -> HistoryDialog | None:
        if self.current is None:
            return None
        dialog = HistoryDialog(self.current, item_history(self.env.ctx.db, self.current.code),
                               self)
        dialog.open()
        return dialog

    # -- spreadsheet ---------------------------------------------------------------------
    def export_sheet(self) -> None:
        default = str(Path(self.env.prefs.value("ui/last_folder", "") or Path.home())
                      / "服务事项清单.xlsx")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出服务事项清单"), default,
                                              self.tr("Excel 工作簿 (*.xlsx)"))
        if path:
            self.start_sheet_export(path)

    def start_sheet_export(self, path: str) -> None:
        db = self.env.ctx.db
        from desktop.catalogue.spreadsheet import export_xlsx

        self.env.jobs.start(lambda progress, cancelled: export_xlsx(db, path, progress, cancelled),
                            parent=self, title=self.tr("正在导出服务事项清单"))

    def import_sheet(self) -> None:
        if not self.ensure_admin():
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("导入服务事项清单"),
                                              str(self.env.prefs.value("ui/last_folder", "")),
                                              self.tr("Excel 工作簿 (*.xlsx)"))
        if path:
            self.start_import(path)

    def start_import(self, path: str) -> None:
        """Read and diff ``path`` in the background, then show the diff for confirmation."""
        db = self.env.ctx.db
        from desktop.catalogue.spreadsheet import plan_import

        self.env.jobs.start(lambda progress, cancelled: plan_import(db, path, progress, cancelled),
                            parent=self, title=self.tr("正在读取服务事项清单"),
                            on_done=self._show_plan)

    def _show_plan(self, plan: ImportPlan) -> None:
        dialog = ImportDiffDialog(plan, self.env.lang, self)
        self._pending_import = dialog
        dialog.accepted.connect(lambda: self._apply_plan(plan))
        dialog.open()

    def _apply_plan(self, plan: ImportPlan) -> None:
        db = self.env.ctx.db
        from desktop.catalogue.spreadsheet import apply_import

        self.env.jobs.start(lambda progress, cancelled: apply_import(db, plan), parent=self,
                            title=self.tr("正在更新服务事项清单"),
                            on_done=lambda _plan: self.reload())


def create_page(env: UiEnv) -> QWidget:
    return CataloguePage(env)


def screenshot_setup(page: CataloguePage, env: UiEnv) -> None:
    """A representative state: pledge registration selected, two materials ticked."""
    page.filter_edit.setText("zlzy")
    page.select("ZL-008")
    page.tick_material(0)
    page.tick_material(1)
