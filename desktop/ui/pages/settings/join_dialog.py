"""设置 → 加入网络数据库…: merge this desk's data into the province's shared database
(``db copy --to URL``): a dry run first shows what would be added, matched and skipped;
the copy itself asks once more.  The URL (with its password) is not stored."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.changes import Op
from desktop.transfer import api as transfer
from desktop.transfer.api import CopyReport
from desktop.ui.env import UiEnv
from desktop.ui.jobs import show_error


class JoinDialog(QDialog):
    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.report: CopyReport | None = None
        self.setWindowTitle(self.tr("加入网络数据库"))
        self.resize(760, 520)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr(
            "把本服务台的客户、接待记录、生成的表单、专利与文献和服务事项历史并入共享的数据库；"
            "已有的记录会被识别，不会重复。先试运行查看结果。")))
        form = QFormLayout()
        self.url = QLineEdit()
        self.url.setObjectName("join_url")
        self.url.setPlaceholderText("postgresql://用户名:密码@服务器/ipdesk")
        form.addRow(self.tr("共享数据库地址"), self.url)
        lay.addLayout(form)
        row = QHBoxLayout()
        self.dry_button = QPushButton(self.tr("试运行"))
        self.dry_button.setObjectName("joinDryRun")
        self.dry_button.clicked.connect(lambda: self.run(dry_run=True))
        self.copy_button = QPushButton(self.tr("并入共享数据库"))
        self.copy_button.setObjectName("joinCopy")
        self.copy_button.clicked.connect(self.confirm_copy)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        row.addWidget(self.dry_button)
        row.addWidget(self.copy_button)
        row.addStretch(1)
        row.addWidget(close)
        lay.addLayout(row)
        self.output = QPlainTextEdit()
        self.output.setObjectName("join_report")
        self.output.setReadOnly(True)
        self.output.setFont(QFont("monospace"))
        lay.addWidget(self.output, 1)

    def confirm_copy(self) -> None:
        if not self.url.text().strip():
            return
        answer = QMessageBox.question(
            self, self.tr("加入网络数据库"),
            self.tr("将本服务台的数据并入共享数据库（一次完成，出错则不写入任何内容）。继续吗？"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.run(dry_run=False)

    def run(self, *, dry_run: bool) -> None:
        url = self.url.text().strip()
        if not url:
            self.output.setPlainText(self.tr("请填写共享数据库地址"))
            return
        ctx = self.env.ctx
        for b in (self.dry_button, self.copy_button):
            b.setEnabled(False)
        self.output.setPlainText(self.tr("正在试运行…") if dry_run else self.tr("正在并入…"))
        self.env.run_op(lambda p, c: Op(transfer.copy_to_database(
            ctx, url, dry_run=dry_run, progress=p, cancelled=c)), parent=self,
            title=self.tr("正在并入…"), on_done=self._done, on_error=self._failed)

    def _enable(self) -> None:
        for b in (self.dry_button, self.copy_button):
            b.setEnabled(True)

    def _done(self, report: CopyReport) -> None:
        self.report = report
        self._enable()
        self.output.setPlainText("\n".join(report.lines(self.env.lang)))

    def _failed(self, exc: BaseException) -> None:
        self._enable()
        self.output.setPlainText(self.tr("未完成，共享数据库未做任何改动"))
        show_error(self, exc, self.env.lang)
