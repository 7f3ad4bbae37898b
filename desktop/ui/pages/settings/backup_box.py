"""设置 → 备份与恢复: all data to one portable file and back (SQLite or PostgreSQL), the
automatic backups of a SQLite desk (interval, how many kept) and the time of the last one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from desktop.changes import Op
from desktop.transfer import api as transfer
from desktop.transfer.api import Archived, ArchiveInfo, BackupStatus, Restored
from desktop.ui.env import UiEnv
from desktop.ui.jobs import show_error
from desktop.ui.pages.settings.join_dialog import JoinDialog

FILTER = "IP Desk 备份 (*.zip);;*"
SHOWN_COUNTS = ("clients", "visits", "library_records", "catalogue_items", "form_documents")


class BackupBox(QGroupBox):
    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("备份与恢复"))
        self.env = env
        self.loaded = False
        self.last_archive: Path | None = None
        form = QFormLayout(self)
        row = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("备份到文件…"))
        self.backup_button.setObjectName("backupToFile")
        self.backup_button.setToolTip(self.tr("全部数据写入一个文件，可恢复到SQLite或PostgreSQL数据库"))
        self.backup_button.clicked.connect(self.backup_to_file)
        self.restore_button = QPushButton(self.tr("从备份文件恢复…"))
        self.restore_button.setObjectName("restoreFromFile")
        self.restore_button.clicked.connect(self.choose_restore)
        self.join_button = QPushButton(self.tr("加入网络数据库…"))
        self.join_button.setObjectName("joinNetwork")
        self.join_button.setToolTip(self.tr("把本服务台的数据并入全省共享的PostgreSQL数据库"))
        self.join_button.clicked.connect(self.open_join)
        self.join_dialog: JoinDialog | None = None
        row.addWidget(self.backup_button)
        row.addWidget(self.restore_button)
        row.addWidget(self.join_button)
        row.addStretch(1)
        form.addRow(self.tr("备份文件"), row)
        self.status = QLabel()
        self.status.setObjectName("backup_status")
        self.status.setWordWrap(True)
        form.addRow("", self.status)

        auto = QHBoxLayout()
        self.hours = QSpinBox()
        self.hours.setObjectName("auto_backup_hours")
        self.hours.setRange(0, 24 * 365)
        self.hours.setSuffix(self.tr(" 小时"))
        self.hours.setSpecialValueText(self.tr("不自动备份"))
        self.keep = QSpinBox()
        self.keep.setObjectName("auto_backup_keep")
        self.keep.setRange(1, 1000)
        self.keep.setPrefix(self.tr("保留最近 "))
        self.keep.setSuffix(self.tr(" 份"))
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setObjectName("saveAutoBackup")
        self.save_button.clicked.connect(self.save_auto)
        for w in (self.hours, self.keep, self.save_button):
            auto.addWidget(w)
        auto.addStretch(1)
        self.auto_label = QLabel(self.tr("自动备份间隔"))
        form.addRow(self.auto_label, auto)
        self.last_label = QLabel()
        self.last_label.setObjectName("last_backup")
        form.addRow(self.tr("最近一次备份"), self.last_label)
        self.reload()

    # -- status -----------------------------------------------------------------------
    def reload(self) -> None:
        ctx = self.env.ctx
        self.env.read(lambda: transfer.backup_status(ctx), parent=self, key="backup.status",
                      on_done=self._show)

    def _show(self, st: BackupStatus) -> None:
        self.hours.setValue(st.settings.hours)
        self.keep.setValue(st.settings.keep)
        for w in (self.hours, self.keep, self.save_button, self.join_button):
            w.setEnabled(st.is_sqlite)
        if not st.is_sqlite:
            self.auto_label.setToolTip(self.tr("自动备份只适用于本机SQLite数据库；共享数据库由服务器备份"))
        self.last_label.setText(
            f"{st.last_at:%Y-%m-%d %H:%M} · {st.last_path.name}" if st.last_at and st.last_path
            else self.tr("（尚无备份）"))
        self.loaded = True

    def save_auto(self) -> None:
        ctx = self.env.ctx
        value = transfer.AutoBackupSettings(self.hours.value(), self.keep.value())
        self.env.run_op(lambda _p, _c: transfer.set_auto_backup(ctx, value), parent=self,
                        show_dialog=False,
                        on_done=lambda _v: self.status.setText(self.tr("自动备份设置已保存")))

    def open_join(self) -> None:
        self.join_dialog = JoinDialog(self.env, self)
        self.join_dialog.open()

    # -- backup -----------------------------------------------------------------------
    def backup_to_file(self) -> None:
        ctx = self.env.ctx
        folder = ctx.paths.backups_dir
        folder.mkdir(parents=True, exist_ok=True)
        name, _ = QFileDialog.getSaveFileName(self, self.tr("备份到文件"),
                                              str(folder / transfer.default_name()), FILTER)
        if not name:
            return
        target = Path(name)
        self.status.setText(self.tr("正在备份…"))
        self.env.run_op(lambda p, c: Op(transfer.backup_to_file(ctx, target, p, c)),
                        parent=self, title=self.tr("正在备份…"), on_done=self._backed_up,
                        on_error=self._failed)

    def _backed_up(self, done: Archived) -> None:
        self.last_archive = done.path
        self.status.setText(self.tr("已备份 {n} 行到 {file}").replace(
            "{n}", f"{done.info.total_rows:,}").replace("{file}", str(done.path)))
        self.reload()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("未完成"))
        show_error(self, exc, self.env.lang)

    # -- restore ----------------------------------------------------------------------
    def choose_restore(self) -> None:
        ctx = self.env.ctx
        name, _ = QFileDialog.getOpenFileName(self, self.tr("从备份文件恢复"),
                                              str(ctx.paths.backups_dir), FILTER)
        if not name:
            return
        path = Path(name)
        self.env.read(lambda: transfer.read_archive_info(ctx, path), parent=self,
                      key="backup.info", on_done=self.confirm_restore, on_error=self._failed)

    def describe(self, info: ArchiveInfo) -> str:
        names = {"clients": self.tr("客户"), "visits": self.tr("接待记录"),
                 "library_records": self.tr("专利与文献"), "catalogue_items": self.tr("服务事项"),
                 "form_documents": self.tr("生成的表单")}
        counts = self.tr("、").join(f"{names[k]} {info.counts.get(k, 0):,}" for k in SHOWN_COUNTS)
        return (self.tr("备份时间：{when}\n来源：{source}（{dialect}，服务台 {desk}）\n内容：{counts}")
                .replace("{when}", f"{info.created_at:%Y-%m-%d %H:%M}")
                .replace("{source}", info.source).replace("{dialect}", info.source_dialect)
                .replace("{desk}", info.desk or "-").replace("{counts}", counts))

    def confirm_restore(self, info: ArchiveInfo) -> None:
        text = (self.describe(info) + "\n\n"
                + self.tr("恢复将替换当前数据库中的全部数据（{db}）。继续吗？").replace(
                    "{db}", self.env.ctx.db.display_url()))
        answer = QMessageBox.question(self, self.tr("从备份文件恢复"), text,
                                      QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        ctx, path = self.env.ctx, info.path
        self.status.setText(self.tr("正在恢复…"))
        self.env.run_op(lambda p, c: transfer.restore_from_file(ctx, path, p, c), parent=self,
                        title=self.tr("正在恢复…"), on_done=self._restored,
                        on_error=self._failed)

    def _restored(self, done: Restored) -> None:
        text = self.tr("已从 {file} 恢复 {n} 行").replace("{file}", done.path.name).replace(
            "{n}", f"{sum(done.counts.values()):,}")
        if done.sqlite_backup is not None:
            text += self.tr("；恢复前的数据库已备份到 {file}").replace(
                "{file}", str(done.sqlite_backup))
        self.status.setText(text)
        self.reload()
