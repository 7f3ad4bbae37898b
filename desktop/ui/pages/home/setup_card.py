"""The first-run set-up on the start page: the outlet's name, address, phone, hours and
officers (printed on every handout, packet and form), until they are filled in."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from desktop.changes import Op
from desktop.jobs import CancelledFn, ProgressFn
from desktop.settings import api as settings
from desktop.settings.api import Outlet
from desktop.ui.env import UiEnv


class SetupCard(QGroupBox):
    saved = Signal()

    def __init__(self, env: UiEnv) -> None:
        super().__init__()
        self.env = env
        self.setObjectName("home_setup")
        self.setTitle(self.tr("首次使用：填写服务网点信息"))
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("这些信息印在办事指南、材料包和表单上；未填写前导出会先提示。")))
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        for key, label, hint in (
                ("name", self.tr("网点名称"), self.tr("例如：晋城市知识产权公共服务站")),
                ("address", self.tr("地址"), ""), ("phone", self.tr("电话"), ""),
                ("hours", self.tr("服务时间"), self.tr("例如：工作日 9:00–17:00")),
                ("officers", self.tr("接待人员"), self.tr("多名以顿号分隔，如：王敏、李强"))):
            edit = QLineEdit()
            edit.setObjectName(f"setup_{key}")
            edit.setPlaceholderText(hint)
            self.fields[key] = edit
            form.addRow(label, edit)
        lay.addLayout(form)
        row = QHBoxLayout()
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020;")
        row.addWidget(self.problem, 1)
        self.save_button = QPushButton(self.tr("保存网点信息"))
        self.save_button.setObjectName("setup_save")
        row.addWidget(self.save_button)
        lay.addLayout(row)
        self.save_button.clicked.connect(self.save)

    def show_outlet(self, outlet: Outlet) -> None:
        for key, edit in self.fields.items():
            if not edit.text():
                edit.setText(getattr(outlet, key))

    def save(self) -> None:
        values = {k: e.text().strip() for k, e in self.fields.items()}
        if not values["name"]:
            self.problem.setText(self.tr("请填写网点名称"))
            return
        self.problem.clear()
        ctx = self.env.ctx

        def job(_p: ProgressFn, _c: CancelledFn) -> Op[Outlet]:
            current = settings.get_outlet(ctx)
            return settings.set_outlet(ctx, replace(current, **values))

        self.env.run_op(job, parent=self, show_dialog=False, on_done=lambda _v: self.saved.emit())
