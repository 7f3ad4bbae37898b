"""The catalogue administrator's actions: unlock, edit/delete an item, history, and keeping
the list current from Excel (export; import with a diff shown before it is applied)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from desktop.catalogue import api as catalogue
from desktop.catalogue.api import CatalogueIndex, ImportPlan, ServiceItem
from desktop.settings.api import prefs
from desktop.ui.env import UiEnv
from desktop.ui.pages.catalogue.conflict import item_conflict
from desktop.ui.pages.catalogue.dialogs import HistoryDialog, ImportDiffDialog, ItemEditorDialog


class AdminActions(QWidget):
    """The catalogue administrator's buttons (a base of ``CataloguePage``)."""

    env: UiEnv
    admin_unlocked: bool
    index: CatalogueIndex
    dialog: QDialog | None
    pending_import: QDialog | None
    select_after_reload: str | None
    current: ServiceItem | None

    def with_admin(self, then: Callable[[], None]) -> None:
        """Run ``then`` once the administrator is unlocked for this session: ask for the
        password (or to set one, if there is none yet) and check it in the background."""
        if self.admin_unlocked:
            then()
            return
        ctx = self.env.ctx

        def unlocked() -> None:
            self.admin_unlocked = True
            then()

        def ask(password_set: bool) -> None:
            if not password_set:
                pw, ok = QInputDialog.getText(self, self.tr("设置管理员密码"),
                                              self.tr("尚未设置管理员密码。请设置（至少6位）："),
                                              QLineEdit.EchoMode.Password)
                if ok:
                    self.env.run_op(lambda _p, _c: catalogue.set_admin_password(ctx, pw),
                                    parent=self, show_dialog=False, on_done=lambda _v: unlocked())
                return
            pw, ok = QInputDialog.getText(self, self.tr("管理员验证"), self.tr("请输入管理员密码："),
                                          QLineEdit.EchoMode.Password)
            if not ok:
                return

            def checked(right: bool) -> None:
                if right:
                    unlocked()
                else:
                    QMessageBox.warning(self, "IP Desk", self.tr("管理员密码不正确"))

            self.env.read(lambda: catalogue.check_admin_password(ctx, pw), parent=self,
                          key="admin", on_done=checked)

        self.env.read(lambda: catalogue.admin_password_set(ctx), parent=self, key="admin",
                      on_done=ask)

    def edit_current(self) -> None:
        """Open the item editor for the current item (after the administrator check)."""
        item = self.current
        if item is None:
            return

        ctx = self.env.ctx

        def open_editor() -> None:  # the item as stored now, with its lock version
            self.env.read(lambda: catalogue.get_item_for_edit(ctx, item.code), parent=self,
                          key="edit", on_done=lambda ed: self.open_item_editor(
                              ed.item, ed.lock_version))

        self.with_admin(open_editor)

    def open_item_editor(self, item: ServiceItem, lock_version: int | None,
                         mine_text: str | None = None) -> None:
        dialog = ItemEditorDialog(item, {i.code for i in self.index.items},
                                  on_delete=lambda code: self.delete_item(code),
                                  lang=self.env.lang, parent=self, lock_version=lock_version,
                                  mine_text=mine_text)
        dialog.accepted.connect(lambda: self.save_edit(dialog))
        self.dialog = dialog
        dialog.open()

    def save_edit(self, dialog: ItemEditorDialog) -> None:
        item = dialog.result_item
        if item is None:
            return
        self.save_item_version(item, dialog.lock_version)

    def save_item_version(self, item: ServiceItem, lock_version: int | None) -> None:
        """Save in the background; a conflict (another desk saved it since) asks what to do."""
        ctx = self.env.ctx
        self.select_after_reload = item.code
        self.env.run_op(lambda _p, _c: catalogue.save_item(ctx, item, lock_version=lock_version),
                        parent=self, show_dialog=False,
                        on_error=lambda exc: item_conflict(self, item, exc))

    def delete_item(self, code: str) -> None:
        ctx = self.env.ctx

        def done(outcome: str) -> None:
            if outcome == "retired":
                QMessageBox.information(self, "IP Desk",
                                        self.tr("该事项被表单或接待记录引用，已停用而未删除。"))

        self.current = None
        self.env.run_op(lambda _p, _c: catalogue.delete_item(ctx, code), parent=self,
                        show_dialog=False, on_done=done)

    def show_history(self) -> None:
        item = self.current
        if item is None:
            return
        ctx = self.env.ctx

        def show(entries: list[catalogue.HistoryEntry]) -> None:
            dialog = HistoryDialog(item, entries, self)
            self.dialog = dialog
            dialog.open()

        self.env.read(lambda: catalogue.item_history(ctx, item.code), parent=self, key="history",
                      on_done=show)


    # -- spreadsheet ---------------------------------------------------------------------

    def _folder(self) -> str:
        return self.env.prefs.get(prefs.LAST_FOLDER) or str(self.env.ctx.paths.exports_dir)

    def export_sheet(self) -> None:
        default = str(Path(self._folder()) / "服务事项清单.xlsx")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出服务事项清单"), default,
                                              self.tr("Excel 工作簿 (*.xlsx)"))
        if path:
            self.start_sheet_export(path)

    def start_sheet_export(self, path: str) -> None:
        ctx = self.env.ctx
        self.env.jobs.start(lambda progress, cancelled: catalogue.export_xlsx(ctx, path, progress,
                                                                              cancelled),
                            parent=self, title=self.tr("正在导出服务事项清单"))

    def import_sheet(self) -> None:
        def choose() -> None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("导入服务事项清单"), self._folder(),
                                                  self.tr("Excel 工作簿 (*.xlsx)"))
            if path:
                self.start_import(path)

        self.with_admin(choose)

    def start_import(self, path: str) -> None:
        """Read and diff ``path`` in the background, then show the diff for confirmation."""
        ctx = self.env.ctx
        self.env.jobs.start(lambda progress, cancelled: catalogue.plan_import(ctx, path, progress,
                                                                              cancelled),
                            parent=self, title=self.tr("正在读取服务事项清单"),
                            on_done=lambda plan: self.show_plan(plan))

    def show_plan(self, plan: ImportPlan) -> None:
        dialog = ImportDiffDialog(plan, self.env.lang, self)
        self.pending_import = dialog
        dialog.accepted.connect(lambda: self.apply_plan(plan))
        dialog.open()

    def apply_plan(self, plan: ImportPlan) -> None:
        ctx = self.env.ctx
        self.env.run_op(lambda _p, _c: catalogue.apply_import(ctx, plan), parent=self,
                        title=self.tr("正在更新服务事项清单"))
