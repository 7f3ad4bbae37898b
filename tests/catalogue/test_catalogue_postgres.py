"""The catalogue on PostgreSQL (a network of desks sharing one database).

Needs a server: set IPDESK_TEST_PG_URL (``.ci/start_postgres.sh`` starts one; CI does).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.catalogue import ensure_loaded, get_item, item_history, list_items, save_item
from desktop.catalogue.spreadsheet import apply_import, export_xlsx, plan_import
from desktop.context import open_context

pytestmark = pytest.mark.postgres


def test_two_desks_share_the_catalogue_and_its_history(pg_url: str, tmp_path: Path) -> None:
    desk1 = open_context(tmp_path / "desk1", pg_url)
    desk2 = open_context(tmp_path / "desk2", pg_url)
    try:
        assert ensure_loaded(desk1.db) >= 33
        assert ensure_loaded(desk2.db) == 0            # already loaded by the first desk
        item = get_item(desk1.db, "ZL-008")
        save_item(desk1.db, item.model_copy(update={"version": "2025.1"}))
        assert get_item(desk2.db, "ZL-008").version == "2025.1"
        assert item_history(desk2.db, "ZL-008")[0].item == item
        sheet = tmp_path / "清单.xlsx"
        export_xlsx(desk2.db, sheet)
        plan = plan_import(desk1.db, sheet)
        assert not plan.has_changes
        apply_import(desk1.db, plan)
        assert len(list_items(desk2.db)) == len(list_items(desk1.db))
    finally:
        desk1.close()
        desk2.close()
