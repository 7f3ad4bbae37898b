"""客户: client profiles — table with search, add/edit dialog, XLSX import and export.

The table is read in the background and refreshed from change notices (a client saved here,
on the forms page or by an import)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.access import api as access
from desktop.changes import Changes
from desktop.clients import api as clients
from desktop.clients.api import ClientData, kind_label
from desktop.settings.api import prefs
from desktop.ui.env import UiEnv
from desktop.ui.pages.clients.dialog import ClientDialog
from desktop.ui.widgets.report import show_import_report
from desktop.visits import api as visits

_COLUMNS = ("id", "name", "kind", "id_number", "contact_person", "phone", "region", "industry")
_Index = QModelIndex | QPersistentModelIndex
_NO_PARENT = QModelIndex()


class ClientTableModel(QAbstractTableModel):
    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang
        self.rows: list[ClientData] = []
        self.headers = [self.tr("编号"), self.tr("名称"), self.tr("类型"),
                        self.tr("统一社会信用代码/身份证号"), self.tr("联系人"), self.tr("电话"),
                        self.tr("所在园区/地区"), self.tr("所属行业")]

    def set_rows(self, rows: list[ClientData]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = _NO_PARENT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = _NO_PARENT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(_COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        client = self.rows[index.row()]
        key = _COLUMNS[index.column()]
        if key == "kind":
            return kind_label(client.kind, self.lang)
        value = getattr(client, key)
        return "" if value is None else str(value)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


class ClientsPage(QWidget):
    def __init__(self, env: UiEnv) -> None:
        super().__init__()
        self.env = env
        self.dialog: ClientDialog | None = None
        self.search = QLineEdit()
        self.search.setObjectName("clientSearch")
        self.search.setPlaceholderText(self.tr("输入名称、证件号、联系人、电话或园区检索…"))
        self.search.setClearButtonEnabled(True)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        buttons = QHBoxLayout()
        self.add_button = self._button(self.tr("新增"), "addClient", self.add)
        self.edit_button = self._button(self.tr("编辑"), "editClient", self.edit_selected)
        self.delete_button = self._button(self.tr("删除"), "deleteClient", self.delete_selected)
        self.import_button = self._button(self.tr("导入Excel…"), "importClients", self.import_)
        self.export_button = self._button(self.tr("导出Excel…"), "exportClients", self.export)
        self.personal_button = self._button(self.tr("导出本人数据…"), "exportClientData",
                                            self.export_client_data)
        self.personal_button.setToolTip(self.tr("应本人要求，导出该客户的档案、接待记录和生成的文书记录"
                                                "（导出将被记录）"))
        for b in (self.add_button, self.edit_button, self.delete_button, self.personal_button):
            buttons.addWidget(b)
        perms = access.permissions(env.ctx)  # erasure is the administrator's
        self.delete_button.setVisible(perms.can_erase)
        for b in (self.add_button, self.edit_button, self.import_button):
            b.setVisible(perms.can_edit_clients)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.export_button)
        self.model = ClientTableModel(env.lang)
        self.table = QTableView()
        self.table.setObjectName("clientTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.count_label = QLabel()
        lay = QVBoxLayout(self)
        title = QLabel("<h2>" + self.tr("客户档案") + "</h2>")
        lay.addWidget(title)
        lay.addWidget(self.search)
        lay.addLayout(buttons)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.count_label)
        self.loaded = False  # True once the first read has arrived
        self._pending_client: int | None = None  # open_target before the rows are in
        self.refresh()

    def _button(self, text: str, name: str, slot: Any) -> QPushButton:
        b = QPushButton(text)
        b.setObjectName(name)
        b.clicked.connect(slot)
        return b

    def refresh(self) -> None:
        """Read the clients matching the search box (in the background)."""
        ctx, query = self.env.ctx, self.search.text()
        self.env.read(lambda: clients.list_clients(ctx, query), parent=self, key="clients",
                      on_done=self._show_rows)

    def _show_rows(self, rows: list[ClientData]) -> None:
        keep = self.selected()
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.count_label.setText(self.tr("共 %n 个客户", "", len(rows)))
        self.loaded = True
        wanted, self._pending_client = self._pending_client, None
        if wanted is not None:
            self.select_client(wanted)
        elif keep is not None:
            self.select_client(keep.id)

    def open_target(self, client_id: int | None = None) -> None:
        """Show client ``client_id`` (links from other pages, e.g. the start page)."""
        if client_id is None:
            return
        self._pending_client = client_id
        if self.search.text():
            self.search.clear()  # its refresh selects the pending client
        self.refresh()

    def select_client(self, client_id: int | None) -> None:
        for row, c in enumerate(self.model.rows):
            if c.id == client_id:
                self.table.selectRow(row)

    def apply_changes(self, changes: Changes, source: object = None) -> None:
        if changes.clients:
            self.refresh()

    def selected(self) -> ClientData | None:
        idx = self.table.currentIndex()
        return self.model.rows[idx.row()] if idx.isValid() else None

    def open_dialog(self, client: ClientData | None) -> ClientDialog:
        self.dialog = ClientDialog(self.env, client, self)
        self.dialog.accepted.connect(self._dialog_saved)
        self.dialog.open()
        return self.dialog

    def add(self) -> ClientDialog:
        return self.open_dialog(None)

    def edit_selected(self) -> ClientDialog | None:
        client = self.selected()
        return self.open_dialog(client) if client else None

    def _dialog_saved(self) -> None:
        saved = self.dialog.saved if self.dialog else None
        if saved is not None:  # the notice refreshes the table; select the client then
            ctx, query = self.env.ctx, self.search.text()

            def show_and_select(rows: list[ClientData]) -> None:
                self._show_rows(rows)
                self.select_client(saved.id)

            self.env.read(lambda: clients.list_clients(ctx, query), parent=self, key="clients",
                          on_done=show_and_select)

    def delete_selected(self) -> None:
        client = self.selected()
        if client is None or client.id is None:
            return
        answer = QMessageBox.question(self, self.tr("删除客户"),
                                      self.tr("确定删除客户“%1”吗？其接待记录保留统计数据，"
                                              "但不再关联此客户。").replace("%1", client.name))
        if answer == QMessageBox.StandardButton.Yes:
            ctx, client_id = self.env.ctx, client.id
            self.env.run_op(lambda _p, _c: clients.delete_client(ctx, client_id), parent=self,
                            show_dialog=False)

    def _folder(self) -> str:
        return self.env.prefs.get(prefs.LAST_FOLDER) or str(self.env.ctx.paths.exports_dir)

    def import_(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("导入客户"), self._folder(),
                                              self.tr("Excel 工作簿 (*.xlsx)"))
        if not path:
            return
        self.env.prefs.set(prefs.LAST_FOLDER, str(Path(path).parent))
        ctx = self.env.ctx
        self.env.run_op(lambda progress, cancelled: clients.import_clients(ctx, path, progress,
                                                                           cancelled),
                        parent=self, title=self.tr("正在导入客户…"), on_done=self._imported)

    def _imported(self, report: Any) -> None:
        lang = self.env.lang
        summary = self.tr("新增 %1，更新 %2，未变 %3，拒绝 %4 行").replace(
            "%1", str(report.added)).replace("%2", str(report.updated)).replace(
            "%3", str(report.unchanged)).replace("%4", str(len(report.rejected)))
        details = [self.tr("拒绝：") + p.text(lang) for p in report.rejected]
        details += [self.tr("提醒：") + p.text(lang) for p in report.warnings]
        if report.ignored_columns:
            details.append(self.tr("未识别的列（已忽略）：") + "、".join(report.ignored_columns))
        self.last_report = show_import_report(self, self.tr("导入结果"), summary, details)

    def export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出客户"),
                                              str(Path(self._folder()) / "客户档案.xlsx"),
                                              self.tr("Excel 工作簿 (*.xlsx)"))
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        self.env.prefs.set(prefs.LAST_FOLDER, str(Path(path).parent))
        ctx, query, lang = self.env.ctx, self.search.text(), self.env.lang
        self.env.jobs.start(lambda p, c: clients.export_clients(ctx, path, query, lang),
                            parent=self,
                            title=self.tr("正在导出…"), show_dialog=False,
                            on_done=lambda n: self.count_label.setText(
                                self.tr("已导出 %1 个客户到 %2").replace("%1", str(n))
                                .replace("%2", path)))

    def export_client_data(self) -> None:
        """A client's own data on request (personal information law): profile, visits,
        generated documents, as XLSX or JSON; the export is recorded."""
        client = self.selected()
        if client is None or client.id is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出本人数据"), str(Path(self._folder()) / f"{client.name}_个人数据.xlsx"),
            self.tr("Excel 工作簿 (*.xlsx);;JSON (*.json)"))
        if not path:
            return
        if not path.lower().endswith((".xlsx", ".json")):
            path += ".xlsx"
        self.env.prefs.set(prefs.LAST_FOLDER, str(Path(path).parent))
        ctx, client_id = self.env.ctx, client.id
        self.env.run_op(lambda _p, _c: visits.export_client_data(ctx, client_id, path),
                        parent=self, show_dialog=False,
                        on_done=lambda _v: self.count_label.setText(
                            self.tr("已导出“%1”的个人数据到 %2").replace("%1", client.name)
                            .replace("%2", path)))
