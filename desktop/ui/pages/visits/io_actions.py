"""The visit log's import and export buttons: file dialogs, the import report (bad rows by
row and field), and the confirmation before an export with personal data."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.settings.api import prefs
from desktop.ui.env import UiEnv
from desktop.visits import api as visits


def _tr(text: str) -> str:
    return QCoreApplication.translate("VisitsPage", text)


class ImportReportDialog(QDialog):
    """Counts, then one line per rejected row: sheet, row, field, reason."""

    def __init__(self, report: Any, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visitImportReport")
        self.setWindowTitle(self.tr("导入结果"))
        rows = report.rejected_rows
        self.summary = QLabel(self.tr("新增 %1，更新 %2，未变 %3，重复已跳过 %4，新建客户 %5，"
                                      "拒绝 %6 行").replace("%1", str(report.added))
                              .replace("%2", str(report.updated))
                              .replace("%3", str(report.unchanged))
                              .replace("%4", str(report.duplicates))
                              .replace("%5", str(report.clients_created))
                              .replace("%6", str(len(rows))))
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(len(report.rejected), 4)
        self.table.setObjectName("rejectedRows")
        self.table.setHorizontalHeaderLabels([self.tr("工作表"), self.tr("行"), self.tr("字段"),
                                              self.tr("原因")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for i, p in enumerate(report.rejected):
            reason = p.reason_zh if lang == "zh" else p.reason_en
            for col, text in enumerate((p.sheet, str(p.row), visits.field_label(p.key, lang),
                                        reason)):
                self.table.setItem(i, col, QTableWidgetItem(text))
        self.table.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.ResizeToContents)
        if not any(p.sheet for p in report.rejected):
            self.table.hideColumn(0)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        if report.rejected:
            lay.addWidget(QLabel(self.tr("以下各行未导入，其余各行已全部保存：")))
            lay.addWidget(self.table, 1)
        else:
            self.table.hide()
        if report.ignored_columns:
            lay.addWidget(QLabel(self.tr("未识别的列（已忽略）：")
                                 + "、".join(report.ignored_columns)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.accept)
        buttons.accepted.connect(self.accept)
        lay.addWidget(buttons)
        self.resize(720, 420 if report.rejected else 160)


class VisitFileActions:
    """Import and export for the visits page (``page`` gives the filter and the status)."""

    def __init__(self, env: UiEnv, page: Any) -> None:
        self.env = env
        self.page = page
        self.report_dialog: ImportReportDialog | None = None

    def _folder(self) -> str:
        return self.env.prefs.get(prefs.LAST_FOLDER) or str(self.env.ctx.paths.exports_dir)

    def import_(self) -> None:
        page = self.page
        path, _ = QFileDialog.getOpenFileName(page, _tr("导入接待记录"), self._folder(),
                                              _tr("Excel 工作簿 (*.xlsx)"))
        if not path:
            return
        self.env.prefs.set(prefs.LAST_FOLDER, str(Path(path).parent))
        ctx = self.env.ctx
        self.env.run_op(lambda progress, cancelled: visits.import_visits(
            ctx, path, progress=progress, cancelled=cancelled), parent=page,
            title=_tr("正在导入接待记录…"), on_done=self._imported)

    def _imported(self, report: Any) -> None:
        self.report_dialog = ImportReportDialog(report, self.env.lang, self.page)
        self.report_dialog.open()

    def export(self) -> None:
        page = self.page
        path, _ = QFileDialog.getSaveFileName(page, _tr("导出接待记录"),
                                              str(Path(self._folder()) / "接待登记.xlsx"),
                                              _tr("Excel 工作簿 (*.xlsx)"))
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        personal = self.ask_personal()
        if personal is None:
            return
        self.env.prefs.set(prefs.LAST_FOLDER, str(Path(path).parent))
        ctx, f, lang = self.env.ctx, page.filters.value(), self.env.lang
        officer = getpass.getuser()  # recorded with an export of personal data

        def job(progress: Any, cancelled: Any) -> int:
            return visits.export_visits(ctx, path, f, include_personal=personal, lang=lang,
                                        officer=officer, progress=progress,
                                        cancelled=cancelled)

        self.env.jobs.start(job, parent=page, title=_tr("正在导出…"), show_dialog=False,
                            on_done=lambda n: page.status(
                                _tr("已导出 %1 条接待记录到 %2").replace("%1", str(n))
                                .replace("%2", path)))

    def ask_personal(self) -> bool | None:
        """Ask whether to include personal data (a second, explicit confirmation when yes);
        None when the user cancels."""
        page = self.page
        box = QMessageBox(page)
        box.setObjectName("exportOptions")
        box.setWindowTitle(_tr("导出接待记录"))
        box.setText(_tr("导出当前筛选出的接待记录。"))
        check = QCheckBox(_tr("包含客户个人信息（证件号、电话、邮箱）"))
        check.setObjectName("includePersonal")
        box.setCheckBox(check)
        box.setStandardButtons(QMessageBox.StandardButton.Ok
                               | QMessageBox.StandardButton.Cancel)
        self.options_box = box
        if box.exec() != QMessageBox.StandardButton.Ok:
            return None
        if not check.isChecked():
            return False
        sure = QMessageBox.warning(
            page, _tr("包含个人信息"),
            _tr("导出文件将包含客户的证件号、电话和邮箱。按照个人信息保护法，本次导出会被记录。"
                    "确定导出吗？"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return True if sure == QMessageBox.StandardButton.Yes else None
