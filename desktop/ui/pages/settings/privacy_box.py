"""设置 → 个人信息保护: the retention period of visits' personal data, anonymising now, and
the record of exports that wrote personal data."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QWidget,
)

from desktop.settings import api as settings
from desktop.ui.env import UiEnv
from desktop.visits import api as visits
from desktop.visits.api import PersonalExport


class PrivacyBox(QGroupBox):
    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("个人信息保护"))
        self.env = env
        self.loaded = False
        self.exports: list[PersonalExport] = []
        form = QFormLayout(self)
        row = QHBoxLayout()
        self.retention = QSpinBox()
        self.retention.setObjectName("retention_days")
        self.retention.setRange(30, 36500)
        self.retention.setSuffix(self.tr(" 天"))
        self.save_button = QPushButton(self.tr("保存期限"))
        self.save_button.setObjectName("saveRetention")
        self.save_button.clicked.connect(self.save_retention)
        self.anonymise_button = QPushButton(self.tr("立即匿名化"))
        self.anonymise_button.setObjectName("anonymiseNow")
        self.anonymise_button.setToolTip(self.tr(
            "清除超过保存期限的接待记录中的个人信息（统计数字不变；应用启动时也会自动执行）"))
        self.anonymise_button.clicked.connect(self.anonymise_now)
        row.addWidget(self.retention)
        row.addWidget(self.save_button)
        row.addWidget(self.anonymise_button)
        row.addStretch(1)
        form.addRow(self.tr("接待记录个人信息保存期限"), row)
        self.status = QLabel()
        self.status.setObjectName("privacy_status")
        form.addRow("", self.status)
        self.export_list = QListWidget()
        self.export_list.setObjectName("personal_exports")
        self.export_list.setMaximumHeight(120)
        form.addRow(self.tr("个人信息导出记录"), self.export_list)
        self.reload()

    def reload(self) -> None:
        ctx = self.env.ctx
        self.env.read(lambda: (settings.get_retention_days(ctx),
                               visits.personal_data_exports(ctx)),
                      parent=self, key="settings.privacy", on_done=self._show)

    def _show(self, result: tuple[int, list[PersonalExport]]) -> None:
        days, self.exports = result
        self.retention.setValue(days)
        self.export_list.clear()
        for r in self.exports:
            self.export_list.addItem(f"{r.at:%Y-%m-%d %H:%M} · {r.kind} · {r.officer or '-'} · "
                                     f"{r.rows} · {r.path}")
        if not self.exports:
            self.export_list.addItem(self.tr("（尚无导出记录）"))
        self.loaded = True

    def save_retention(self) -> None:
        ctx, days = self.env.ctx, self.retention.value()
        self.env.run_op(lambda _p, _c: settings.set_retention_days(ctx, days), parent=self,
                        on_done=lambda d: self.status.setText(
                            self.tr("已保存：{n}天").replace("{n}", str(d))))

    def anonymise_now(self) -> None:
        ctx = self.env.ctx
        self.env.run_op(lambda _p, _c: visits.anonymise_old_visits(ctx), parent=self,
                        on_done=lambda n: self.status.setText(
                            self.tr("已匿名化 {n} 条接待记录").replace("{n}", str(n))))
