"""导出报表…: the report workbook for the page's date range, written in the background;
personal data only after the officer ticks the box and confirms."""

from __future__ import annotations

import getpass
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QCheckBox, QFileDialog, QMessageBox, QPushButton

from desktop.settings.api import prefs
from desktop.ui.widgets.outlet_check import outlet_ok
from desktop.visits import api as visits
from desktop.visits.api import ReportResult

if TYPE_CHECKING:
    from desktop.ui.pages.stats.page import StatsPage

log = logging.getLogger(__name__)


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name known (some containers)
        return ""


class ReportExport(QObject):
    """The export button and the include-personal-data box of the statistics page."""

    def __init__(self, page: StatsPage) -> None:
        super().__init__(page)
        self.page = page
        self.last: ReportResult | None = None
        self.button = QPushButton(self.tr("导出报表…"))
        self.button.setObjectName("exportReport")
        self.button.clicked.connect(lambda: self.run())
        self.personal = QCheckBox(self.tr("含个人信息"))
        self.personal.setObjectName("includePersonal")
        self.personal.setToolTip(self.tr("明细表写出完整的证件号、电话和电子邮箱（导出将被记录）；"
                                         "不勾选时这些信息以*号遮盖"))

    def default_path(self) -> Path:
        start, _end = self.page.range()
        folder = self.page.env.prefs.get(prefs.LAST_FOLDER) \
            or str(self.page.env.ctx.paths.exports_dir)
        return Path(folder) / f"接待统计_{start:%Y-%m}.xlsx"

    def run(self) -> None:
        page = self.page
        start, end = page.range()
        if start > end:
            QMessageBox.warning(page, self.tr("导出报表"), self.tr("开始日期晚于结束日期"))
            return
        if not outlet_ok(page.env, page):
            return
        self.page.env.ctx.paths.exports_dir.mkdir(parents=True, exist_ok=True)
        path, _ = QFileDialog.getSaveFileName(page, self.tr("导出接待统计报表"),
                                              str(self.default_path()),
                                              self.tr("Excel 工作簿 (*.xlsx)"))
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        include = self.personal.isChecked()
        if include:
            answer = QMessageBox.question(
                page, self.tr("包含个人信息"),
                self.tr("报表明细将包含客户的证件号、电话和电子邮箱。根据个人信息保护的要求，"
                        "本次导出将被记录。确定导出吗？"))
            if answer != QMessageBox.StandardButton.Yes:
                return
        page.env.prefs.set(prefs.LAST_FOLDER, str(Path(path).parent))
        ctx, lang, officer = page.env.ctx, page.env.lang, _user()
        page.status.setText(self.tr("正在导出报表…"))
        page.env.jobs.start(
            lambda progress, cancelled: visits.write_report(
                ctx, path, start, end, include_personal=include, officer=officer, lang=lang,
                progress=progress, cancelled=cancelled),
            parent=page, title=self.tr("正在导出报表…"), on_done=self._done)

    def _done(self, result: ReportResult) -> None:
        self.last = result
        page = self.page
        text = self.tr("已导出 %1 条明细到 %2").replace("%1", str(result.rows)).replace(
            "%2", str(result.path))
        if not result.outlet_set:
            text += self.tr("（尚未设置服务网点名称，请在设置中填写）")
        page.status.setText(text)
        log.info("report written: %s (%d rows, personal=%s)", result.path, result.rows,
                 result.include_personal)
