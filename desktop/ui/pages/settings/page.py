"""设置: language, the outlet's name and contact (printed on handouts), data folder, and the
privacy settings (retention period, anonymise now, the record of personal-data exports)."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop.access import api as access
from desktop.changes import Changes
from desktop.settings import api as settings
from desktop.settings.api import Outlet, prefs
from desktop.ui.env import UiEnv
from desktop.ui.pages.settings.audit_box import AuditBox
from desktop.ui.pages.settings.backup_box import BackupBox
from desktop.ui.pages.settings.privacy_box import PrivacyBox
from desktop.ui.widgets.scrolling import scrolling_layout


class SettingsPage(QWidget):
    def __init__(self, env: UiEnv) -> None:
        super().__init__()
        self.env = env
        lay = scrolling_layout(self)
        lay.addWidget(QLabel("<h2>" + self.tr("设置") + "</h2>"))

        lang_box = QGroupBox(self.tr("界面语言"))
        lang_form = QFormLayout(lang_box)
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")
        current = env.prefs.get(prefs.LANGUAGE)
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        self.language.currentIndexChanged.connect(self._language_changed)
        self.language_note = QLabel()
        lang_form.addRow(self.tr("语言"), self.language)
        lang_form.addRow("", self.language_note)
        lay.addWidget(lang_box)

        outlet_box = QGroupBox(self.tr("服务网点信息（打印在办事指南和表单上）"))
        form = QFormLayout(outlet_box)
        self.outlet_inputs: dict[str, QLineEdit] = {}
        for key, label in (("name", self.tr("网点名称")), ("address", self.tr("地址")),
                           ("phone", self.tr("电话")), ("email", self.tr("电子邮箱")),
                           ("hours", self.tr("办公时间")),
                           ("officers", self.tr("接待人员（用顿号分隔）"))):
            edit = QLineEdit()
            edit.setObjectName(f"outlet_{key}")
            self.outlet_inputs[key] = edit
            form.addRow(label, edit)
        save_row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("保存网点信息"))
        self.save_button.setObjectName("saveOutlet")
        self.save_button.clicked.connect(self.save_outlet)
        self.saved_label = QLabel()
        save_row.addWidget(self.save_button)
        save_row.addWidget(self.saved_label, 1)
        form.addRow("", save_row)
        lay.addWidget(outlet_box)

        data_box = QGroupBox(self.tr("数据"))
        data_form = QFormLayout(data_box)
        paths = env.ctx.paths
        rev = ", ".join(env.ctx.migration.after) if env.ctx.migration else ""
        for label, value in ((self.tr("数据文件夹"), str(paths.root)),
                             (self.tr("数据库"), env.ctx.db.display_url()),
                             (self.tr("数据库版本"), rev),
                             (self.tr("备份文件夹"), str(paths.backups_dir)),
                             (self.tr("日志"), str(paths.logs_dir / "ipdesk.log"))):
            value_label = QLabel(value)
            value_label.setTextInteractionFlags(value_label.textInteractionFlags()
                                                | value_label.textInteractionFlags().
                                                TextSelectableByMouse)
            data_form.addRow(label, value_label)
        open_button = QPushButton(self.tr("打开数据文件夹"))
        open_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.root))))
        data_form.addRow("", open_button)
        lay.addWidget(data_box)
        perms = access.permissions(env.ctx)
        # a read-only login reads neither visits nor the export record; only an administrator
        # changes what every desk shares (the outlet), reads the audit log and restores backups
        self.privacy: PrivacyBox | None = PrivacyBox(env) if perms.can_record_visits else None
        if self.privacy is not None:
            lay.addWidget(self.privacy)
        self.save_button.setVisible(perms.can_edit_settings)
        for edit in self.outlet_inputs.values():
            edit.setReadOnly(not perms.can_edit_settings)
        self.backup: BackupBox | None = BackupBox(env) if perms.can_edit_settings else None
        if self.backup is not None:
            lay.addWidget(self.backup)
        self.audit: AuditBox | None = AuditBox(env) if perms.can_read_audit else None
        if self.audit is not None:
            lay.addWidget(self.audit)
        lay.addStretch(1)
        self.loaded = False
        self.reload_outlet()

    def reload_outlet(self) -> None:
        ctx = self.env.ctx
        self.save_button.setEnabled(False)
        self.env.read(lambda: settings.get_outlet(ctx), parent=self, key="outlet",
                      on_done=self._show_outlet)

    def _show_outlet(self, outlet: Outlet) -> None:
        for key, edit in self.outlet_inputs.items():
            edit.setText(getattr(outlet, key))
        self.save_button.setEnabled(True)
        self.loaded = True

    def apply_changes(self, changes: Changes, source: object = None) -> None:
        if changes.settings and source is not self:
            self.reload_outlet()
        if (changes.settings or changes.visits) and self.privacy is not None:
            self.privacy.reload()
        if self.audit is not None and (changes.catalogue or changes.clients or changes.visits):
            self.audit.reload()  # their changes may have written audit entries
        if changes.settings and self.backup is not None:
            self.backup.reload()

    def _language_changed(self) -> None:
        lang = str(self.language.currentData())
        self.env.prefs.set(prefs.LANGUAGE, lang)
        self.language_note.setText(self.tr("重新启动后生效") if lang != self.env.lang else "")

    def save_outlet(self) -> None:
        outlet = Outlet(**{k: e.text() for k, e in self.outlet_inputs.items()})
        ctx = self.env.ctx
        self.saved_label.clear()
        self.env.run_op(lambda _p, _c: settings.set_outlet(ctx, outlet), parent=self,
                        show_dialog=False,
                        on_done=lambda _o: self.saved_label.setText(self.tr("已保存")))


