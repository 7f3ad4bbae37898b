"""接待登记: the visit log — filters, table, a detail pane, the editor dialog, follow-ups,
XLSX import and export.  Read in the background; refreshed from visits/clients notices."""

from __future__ import annotations

import dataclasses
import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.access import api as access
from desktop.changes import Changes
from desktop.ui.env import UiEnv
from desktop.ui.pages.visits.dialog import VisitDialog
from desktop.ui.pages.visits.filters import FilterBar
from desktop.ui.pages.visits.io_actions import VisitFileActions
from desktop.ui.pages.visits.model import VisitTableModel
from desktop.ui.pages.visits.star_action import toggle_star
from desktop.visits import api as visits
from desktop.visits.api import VisitData

SHOWN_AT_MOST = 2000


class VisitsPage(QWidget):
    def __init__(self, env: UiEnv) -> None:
        super().__init__()
        self.env = env
        self.dialog: VisitDialog | None = None
        self.files = VisitFileActions(env, self)
        self.filters = FilterBar(env.lang, self)
        self.filters.changed.connect(self.refresh)
        self.add_button = self._button(self.tr("新增登记"), "addVisit", self.add)
        self.edit_button = self._button(self.tr("编辑"), "editVisit", self.edit_selected)
        self.delete_button = self._button(self.tr("删除"), "deleteVisit", self.delete_selected)
        self.close_button = self._button(self.tr("标记已跟进"), "closeFollowUp",
                                         self.close_follow_up)
        self.star_button = self._button(self.tr("设为范例答复"), "starAnswer", self.toggle_star)
        self.import_button = self._button(self.tr("导入Excel…"), "importVisits",
                                          self.files.import_)
        self.export_button = self._button(self.tr("导出Excel…"), "exportVisits",
                                          self.files.export)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.delete_button, self.close_button,
                  self.star_button):
            buttons.addWidget(b)
        self.delete_button.setVisible(access.permissions(env.ctx).can_erase)  # admins only
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.export_button)
        self.model = VisitTableModel(env.lang)
        self.table = QTableView()
        self.table.setObjectName("visitTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._selected())
        self.detail = QTextBrowser()
        self.detail.setObjectName("visitDetail")
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        self.count_label = QLabel()
        self.count_label.setObjectName("visitCount")
        self.status_label = QLabel()
        self.status_label.setObjectName("visitStatus")
        footer = QHBoxLayout()
        footer.addWidget(self.count_label)
        footer.addStretch(1)
        footer.addWidget(self.status_label)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel("<h2>" + self.tr("接待登记") + "</h2>"))
        lay.addWidget(self.filters)
        lay.addLayout(buttons)
        lay.addWidget(split, 1)
        lay.addLayout(footer)
        self.loaded = False  # True once the first read has arrived
        self._pending_open: int | None = None
        self._select_after: int | None = None
        self._selected()
        self.refresh()
        self._read_officers()

    def _button(self, text: str, name: str, slot: Any) -> QPushButton:
        b = QPushButton(text)
        b.setObjectName(name)
        b.clicked.connect(slot)
        return b

    # -- reading ---------------------------------------------------------------------
    def refresh(self) -> None:
        ctx = self.env.ctx
        f = dataclasses.replace(self.filters.value(), limit=SHOWN_AT_MOST)
        self.env.read(lambda: visits.list_visits(ctx, f), parent=self, key="visits",
                      on_done=self._show_rows)

    def _read_officers(self) -> None:
        ctx = self.env.ctx
        self.env.read(lambda: visits.officers(ctx), parent=self, key="officers",
                      on_done=self.filters.set_officers)

    def _show_rows(self, rows: list[VisitData]) -> None:
        keep = self.selected()
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        for col, width in ((1, 220), (4, 160), (5, 140)):
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), width))
        text = self.tr("共 %n 条接待记录", "", len(rows))
        if len(rows) >= SHOWN_AT_MOST:
            text = self.tr("显示最近 %1 条（请缩小筛选范围）").replace("%1", str(len(rows)))
        self.count_label.setText(text)
        self.loaded = True
        if self._pending_open is not None:
            wanted, self._pending_open = self._pending_open, None
            self.select_visit(wanted)
            self._open_by_id(wanted)
        elif self._select_after is not None and self.select_visit(self._select_after):
            self._select_after = None
        elif keep is not None:
            self.select_visit(keep.id)
        self._selected()

    def apply_changes(self, changes: Changes, source: object = None) -> None:
        if changes.visits or changes.clients:
            self.refresh()
        if changes.visits or changes.settings:
            self._read_officers()

    def status(self, text: str) -> None:
        self.status_label.setText(text)

    # -- selection -------------------------------------------------------------------
    def selected(self) -> VisitData | None:
        idx = self.table.currentIndex()
        return self.model.rows[idx.row()] if idx.isValid() and idx.row() < len(
            self.model.rows) else None

    def select_visit(self, visit_id: int | None) -> bool:
        for row, v in enumerate(self.model.rows):
            if v.id == visit_id:
                self.table.selectRow(row)
                return True
        return False

    def _selected(self) -> None:
        v = self.selected()
        for b in (self.edit_button, self.delete_button):
            b.setEnabled(v is not None)
        self.close_button.setEnabled(v is not None and v.follow_up_open)
        self.star_button.setEnabled(v is not None and bool(v.answer.strip()))
        self.star_button.setText(self.tr("取消范例答复") if v is not None and v.model_answer
                                 else self.tr("设为范例答复"))
        self.detail.setHtml(self._detail_html(v) if v else "")

    def _detail_html(self, v: VisitData) -> str:
        def esc(text: str) -> str:
            return html.escape(text).replace("\n", "<br>")

        parts = [f"<b>{esc(self.model.text(v, 'started_at'))}</b> · "
                 f"{esc(self.model.text(v, 'client'))} · {esc(v.officer)}"]
        for title, text in ((self.tr("咨询内容"), v.question), (self.tr("答复"), v.answer),
                            (self.tr("备注"), v.notes)):
            if text:
                parts.append(f"<p><b>{esc(title)}：</b>{esc(text)}</p>")
        if v.model_answer:
            parts.append("<p>★ " + esc(self.tr("范例答复")) + (
                f"（{esc(v.answer_item)}）" if v.answer_item else "") + "</p>")
        return "".join(parts)

    # -- actions ---------------------------------------------------------------------
    def open_target(self, visit_id: int | None = None, follow_ups: bool = False) -> None:
        """Show a visit (its editor opens once the list arrives) or the open follow-ups."""
        if follow_ups != self.filters.follow_ups.isChecked() or visit_id is not None:
            self.filters.reset()
            self.filters.follow_ups.setChecked(follow_ups)
        self._pending_open = visit_id
        self.refresh()

    def _open_by_id(self, visit_id: int) -> None:
        ctx = self.env.ctx
        self.env.read(lambda: visits.get_visit(ctx, visit_id), parent=self, key="open-visit",
                      on_done=self._open_visit)

    def _open_visit(self, visit: VisitData) -> None:
        self.open_dialog(visit)

    def open_dialog(self, visit: VisitData | None) -> VisitDialog:
        self.dialog = VisitDialog(self.env, visit, self)
        self.dialog.accepted.connect(self._dialog_saved)
        self.dialog.open()
        return self.dialog

    def add(self) -> VisitDialog:
        return self.open_dialog(None)

    def edit_selected(self) -> VisitDialog | None:
        v = self.selected()
        return self.open_dialog(v) if v else None

    def _dialog_saved(self) -> None:
        saved = self.dialog.saved if self.dialog else None
        if saved is not None and saved.id is None:  # offline: in the outbox
            self.status(self.tr("离线：接待记录已保存在本机，连接恢复后自动发送"))
        elif saved is not None:
            self.status(self.tr("已保存接待记录 %1").replace("%1", str(saved.id)))
            self._select_after = saved.id

    def delete_selected(self) -> None:
        v = self.selected()
        if v is None or v.id is None:
            return
        answer = QMessageBox.question(
            self, self.tr("删除接待记录"),
            self.tr("确定删除 %1 的这条接待记录吗？此操作不能撤销。").replace(
                "%1", self.model.text(v, "started_at")))
        if answer == QMessageBox.StandardButton.Yes:
            ctx, visit_id = self.env.ctx, v.id
            self.env.run_op(lambda _p, _c: visits.delete_visit(ctx, visit_id), parent=self,
                            show_dialog=False)

    def toggle_star(self) -> None:
        v = self.selected()
        if v is not None:
            toggle_star(self.env, self, v, self.status)

    def close_follow_up(self) -> None:
        v = self.selected()
        if v is None or v.id is None or not v.follow_up_open:
            return
        ctx, visit_id = self.env.ctx, v.id
        self.env.run_op(lambda _p, _c: visits.close_follow_up(ctx, visit_id), parent=self,
                        show_dialog=False,
                        on_done=lambda _v: self.status(self.tr("已标记跟进完成")))
