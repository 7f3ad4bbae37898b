"""The pages of the main window, in sidebar order.

Each page lives in its own module exposing ``create_page(env: UiEnv) -> QWidget``; the
window imports and builds a page the first time it is shown, so start-up stays fast.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageSpec:
    key: str
    module: str
    zh: str
    en: str
    icon: str


PAGES: tuple[PageSpec, ...] = (
    PageSpec("home", "desktop.ui.pages.home", "工作台", "Desk", "home"),
    PageSpec("visit", "desktop.ui.pages.visit", "新接待", "New visit", "visit"),
    PageSpec("catalogue", "desktop.ui.pages.catalogue", "服务事项", "Services", "catalogue"),
    PageSpec("search", "desktop.ui.pages.search", "检索", "Search", "search"),
    PageSpec("forms", "desktop.ui.pages.forms", "表单", "Forms", "forms"),
    PageSpec("visits", "desktop.ui.pages.visits", "接待登记", "Visits", "visits"),
    PageSpec("stats", "desktop.ui.pages.stats", "统计", "Statistics", "stats"),
    PageSpec("clients", "desktop.ui.pages.clients", "客户", "Clients", "clients"),
    PageSpec("settings", "desktop.ui.pages.settings", "设置", "Settings", "settings"),
)
