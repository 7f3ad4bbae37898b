"""The catalogue on PostgreSQL (a network of desks sharing one database).

Needs a server: set IPDESK_TEST_PG_URL (``.ci/start_postgres.sh`` starts one; CI does).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.app import open_folder
from desktop.catalogue import api as catalogue
from desktop.catalogue.spreadsheet import export_xlsx
from desktop.catalogue.store import ensure_loaded, get_item, item_history, list_items, save_item

pytestmark = pytest.mark.postgres


def test_two_desks_share_the_catalogue_and_its_history(pg_url: str, tmp_path: Path) -> None:
    desk1 = open_folder(tmp_path / "desk1", pg_url)
    desk2 = open_folder(tmp_path / "desk2", pg_url)
    try:
        assert ensure_loaded(desk1.db) >= 33
        assert ensure_loaded(desk2.db) == 0            # already loaded by the first desk
        item = get_item(desk1.db, "ZL-008")
        save_item(desk1.db, item.model_copy(update={"version": "2025.1"}))
        assert get_item(desk2.db, "ZL-008").version == "2025.1"
        assert item_history(desk2.db, "ZL-008")[0].item == item
        sheet = tmp_path / "清单.xlsx"
        export_xlsx(desk2.db, sheet)
        plan = catalogue.plan_import(desk1, sheet)
        assert not plan.has_changes
        assert not catalogue.apply_import(desk1, plan).changes
        assert len(list_items(desk2.db)) == len(list_items(desk1.db))
    finally:
        desk1.close()
        desk2.close()
