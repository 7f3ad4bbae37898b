"""审计日志 in the settings page (administrators): who did what, when, at which desk —
filtered by action, read in the background."""

from __future__ import annotations

import json

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.access import api as access
from desktop.access.api import AuditRow
from desktop.ui.env import UiEnv

ROWS = 1000


class AuditBox(QGroupBox):
    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("审计日志（管理员）"), parent)
        self.env = env
        self.setObjectName("auditBox")
        self.loaded = False
        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.action_box = QComboBox()
        self.action_box.setObjectName("auditAction")
        self.action_box.addItem(self.tr("全部操作"), "")
        for key, label in access.audit_actions(env.lang).items():
            self.action_box.addItem(label, key)
        self.action_box.currentIndexChanged.connect(lambda _i: self.reload())
        refresh = QPushButton(self.tr("刷新"))
        refresh.setObjectName("auditRefresh")
        refresh.clicked.connect(self.reload)
        self.count_label = QLabel()
        bar.addWidget(QLabel(self.tr("操作")))
        bar.addWidget(self.action_box)
        bar.addWidget(refresh)
        bar.addWidget(self.count_label, 1)
        lay.addLayout(bar)
        self.table = QTableWidget(0, 7)
        self.table.setObjectName("auditTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("时间"), self.tr("用户"), self.tr("角色"), self.tr("服务台"), self.tr("操作"),
            self.tr("对象"), self.tr("详情")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(220)
        lay.addWidget(self.table)
        self.reload()

    def reload(self) -> None:
        ctx, action = self.env.ctx, str(self.action_box.currentData() or "")
        self.env.read(lambda: access.audit_entries(ctx, action=action, limit=ROWS),
                      parent=self, key="audit", on_done=self._show)

    def _show(self, rows: list[AuditRow]) -> None:
        lang = self.env.lang
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            values = (f"{r.at:%Y-%m-%d %H:%M:%S}", r.actor, access.role_label(r.role, lang)
                      if r.role else "", r.desk, r.action_label(lang), r.target,
                      _detail_text(r.detail))
            for col, value in enumerate(values):
                self.table.setItem(i, col, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        more = self.tr("（仅显示最近 %n 条）", "", ROWS) if len(rows) >= ROWS else ""
        self.count_label.setText(self.tr("%n 条记录", "", len(rows)) + more)
        self.loaded = True


def _detail_text(detail: str) -> str:
    """``{"role": "officer"}`` as ``role: officer`` (JSON read; other text as it is)."""
    try:
        data = json.loads(detail)
    except ValueError:
        return detail
    if isinstance(data, dict):
        return "; ".join(f"{k}: {v}" for k, v in data.items())
    return detail
