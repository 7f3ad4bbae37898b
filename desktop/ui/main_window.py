"""The main window: a navigation sidebar and one page at a time, built on first view.

It also carries change notices: whatever a page changes (through ``UiEnv.run_op``) is
handed to every page that is built, through its ``apply_changes(changes, source)``.
"""

from __future__ import annotations

import importlib
import logging
from typing import Any, cast

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.access import api as access
from desktop.changes import Changes
from desktop.settings.api import prefs
from desktop.ui.connection_banner import ConnectionBanner
from desktop.ui.env import UiEnv
from desktop.ui.index_follower import IndexFollower, follow_interval
from desktop.ui.pages import PAGES, PageSpec

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(self, env: UiEnv) -> None:
        super().__init__()
        self.env = env
        self.setWindowTitle(self.tr("IP Desk 知识产权服务台") + f" {__version__}")
        self.setObjectName("MainWindow")
        central = QWidget()
        lay = QHBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(150)
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setStyleSheet(
            "QListWidget#nav { background: #21384f; color: #e8eef4; border: none;"
            " font-size: 15px; padding-top: 8px; }"
            "QListWidget#nav::item { padding: 12px 14px; }"
            "QListWidget#nav::item:selected { background: #2f6f9f; color: white; }"
        )
        self.stack = QStackedWidget()
        self._pages: dict[str, QWidget] = {}
        self.permissions = access.permissions(env.ctx)  # pages its role may not use: hidden
        for spec in PAGES:
            item = QListWidgetItem(spec.zh if env.lang == "zh" else spec.en)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.nav.addItem(item)
            item.setHidden(not self.permissions.page_allowed(spec.key))
            holder = QWidget()
            holder.setObjectName(f"holder_{spec.key}")
            QHBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.stack.addWidget(holder)
        lay.addWidget(self.nav)
        lay.addWidget(self.stack, 1)
        # the connection banner above everything (shown while the server is away)
        self.banner = ConnectionBanner(env, self)
        outer = QWidget()
        column = QVBoxLayout(outer)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(central, 1)
        self.setCentralWidget(outer)
        self.nav.currentRowChanged.connect(self._show_row)
        db_text = env.ctx.db.display_url()
        self.statusBar().addPermanentWidget(QLabel(self.tr("数据库：") + db_text))
        who = access.signed_in_label(env.ctx, env.lang)
        self.signed_in = QLabel(self.tr("登录：") + who if who else "")
        self.signed_in.setObjectName("signedIn")
        self.statusBar().addPermanentWidget(self.signed_in)
        self.statusBar().addPermanentWidget(self.banner.status)
        self.resize(1200, 780)
        geometry = env.prefs.get(prefs.GEOMETRY)
        if geometry:
            self.restoreGeometry(QByteArray(geometry))
        env.notices.changed.connect(self.broadcast)
        env.navigator = self.navigate
        # the day starts on the start page (工作台), or the first page the role may use
        self.nav.setCurrentRow(next(i for i, p in enumerate(PAGES)
                                    if self.permissions.page_allowed(p.key)))
        self.read_outlet()
        self.follower = IndexFollower(env, self, follow_interval())  # search at every desk
        self.follower.start()

    # -- navigation ------------------------------------------------------------------
    def page(self, key: str) -> QWidget:
        """The page widget for ``key``, built on first use."""
        if key not in self._pages:
            spec = next(p for p in PAGES if p.key == key)
            self._pages[key] = self._build(spec)
            holder = self.stack.widget([p.key for p in PAGES].index(key))
            holder.layout().addWidget(self._pages[key])
        return self._pages[key]

    def show_page(self, key: str) -> QWidget:
        keys = [p.key for p in PAGES]
        self.nav.setCurrentRow(keys.index(key))
        return self.page(key)

    def navigate(self, key: str, target: dict[str, Any]) -> None:
        """``UiEnv.open_page``: show a page and hand it what to open."""
        if not self.permissions.page_allowed(key):
            log.info("page %s is not for role %r", key, self.env.ctx.role)
            return
        page = self.show_page(key)
        if target:
            open_target = getattr(page, "open_target", None)
            if callable(open_target):
                open_target(**target)
            else:
                log.warning("page %s has no open_target for %s", key, sorted(target))

    def _build(self, spec: PageSpec) -> QWidget:
        module = importlib.import_module(spec.module)
        widget: QWidget = module.create_page(self.env)
        widget.setObjectName(f"page_{spec.key}")
        self._connect(spec.key, widget)
        return widget

    def _connect(self, key: str, widget: QWidget) -> None:
        """Links between pages: the catalogue's 相关表格 open the forms page."""
        if key == "catalogue" and hasattr(widget, "open_form_requested"):
            widget.open_form_requested.connect(self.open_form)
            ctx = self.env.ctx

            def known_form_ids(_progress: object, _cancelled: object) -> set[str]:
                from desktop.forms import api as forms  # loaded after the window is up

                return set(forms.form_registry(ctx).forms)

            self.env.jobs.start_when_idle(known_form_ids, parent=widget, show_dialog=False,
                                          on_done=cast(Any, widget).set_form_ids,
                                          on_error=lambda exc: log.warning("form list: %s",
                                                                           exc))

    def read_outlet(self) -> None:
        """Keep ``env.outlet_set`` current (exports warn while the outlet is unset)."""
        from desktop.settings import api as settings

        ctx = self.env.ctx
        self.env.read(lambda: settings.get_outlet(ctx).is_set, parent=self, key="outlet-set",
                      on_done=lambda is_set: setattr(self.env, "outlet_set", is_set))

    def broadcast(self, changes: Changes, source: object = None) -> None:
        """Tell every built page what changed, so each refreshes what it shows."""
        log.debug("changes %s from %r", changes.kinds, source)
        if changes.settings:
            self.read_outlet()
        for page in list(self._pages.values()):
            apply = getattr(page, "apply_changes", None)
            if callable(apply):
                apply(changes, source)

    def open_form(self, form_id: str) -> None:
        self.show_page("forms").open_form(form_id)  # type: ignore[attr-defined]

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        key = PAGES[row].key
        self.page(key)
        self.stack.setCurrentIndex(row)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt name)
        self.follower.stop()
        self.env.prefs.set(prefs.GEOMETRY, bytes(self.saveGeometry().data()))
        self.env.prefs.sync()
        self.env.jobs.wait(5000)
        super().closeEvent(event)
