"""Fixtures for library tests: a Library on a fresh data folder and small patent files."""

from __future__ import annotations

from pathlib import Path

import pytest
from library_samples import CNIPA_HEADERS, PATENTS, write_xlsx


@pytest.fixture
def lib(ctx):  # type: ignore[no-untyped-def]
    from desktop.library.api import open_library

    library = open_library(ctx)
    yield library
    library.close()


@pytest.fixture
def patent_xlsx(tmp_path: Path) -> Path:
    return write_xlsx(tmp_path / "cnipa_export.xlsx", [CNIPA_HEADERS, *PATENTS],
                      title_row="专利检索结果导出")
