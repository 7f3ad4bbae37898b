"""The library on PostgreSQL: import, re-import without duplicates, search through the index.

Needs a server: set IPDESK_TEST_PG_URL (``.ci/start_postgres.sh`` starts one; CI does).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.app import open_folder
from desktop.library.service import open_library

pytestmark = pytest.mark.postgres


def test_import_and_search_on_postgres(pg_url: str, patent_xlsx: Path, tmp_path: Path) -> None:
    ctx = open_folder(tmp_path / "desk", pg_url)
    lib = open_library(ctx)
    try:
        first = lib.import_files([patent_xlsx])
        assert first.added > 0 and first.indexed
        again = lib.import_files([patent_xlsx])
        assert again.added == 0 and again.unchanged == first.added
        result = lib.search("锂离子电池")
        assert result.total >= 1
        assert any("锂离子电池" in (h.title or "") for h in result.hits)
    finally:
        lib.close()
        ctx.close()
