"""检索: the local IP library page (search, facets, results, detail, import, export)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.library import api as library
from desktop.paths import SHARED_DIR
from desktop.ui.env import UiEnv
from desktop.ui.pages.search.page import SearchPage


def create_page(env: UiEnv) -> QWidget:
    return SearchPage(env)


def screenshot_setup(page: SearchPage, env: UiEnv) -> None:
    """A representative state: real patents loaded, a search run, the first hit selected."""
    patents = SHARED_DIR / "data" / "patents"
    samples = [p for p in (patents / "bdci_cn_patents.jsonl", patents / "cn_patent_titles_ipc.csv")
               if p.exists()]
    env.jobs.wait(30000)
    if library.is_empty(env.ctx) and samples:
        env.notices.publish(library.import_files(env.ctx, samples).changes)
    page.ready = True
    page.query_box.setEditText("锂离子电池")
    page.run_search()


__all__ = ["SearchPage", "create_page", "screenshot_setup"]
