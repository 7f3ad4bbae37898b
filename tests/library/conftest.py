"""Fixtures for library tests: a Library on a fresh data folder and small patent files."""

from __future__ import annotations

from pathlib import Path

import pytest
from library_samples import CNIPA_HEADERS, PATENTS, write_xlsx


@pytest.fixture(autouse=True)
def no_catalogue(request, monkeypatch):  # type: ignore[no-untyped-def]
    """Library tests count exact hits: leave the catalogue's service items out unless a test
    asks for them with the ``with_catalogue`` fixture."""
    if "with_catalogue" in request.fixturenames:
        return
    import desktop.app

    real_wire = desktop.app.wire

    def wire_without_catalogue(ctx) -> None:  # type: ignore[no-untyped-def]
        real_wire(ctx)
        del ctx.wiring.document_sources["catalogue"]

    monkeypatch.setattr(desktop.app, "wire", wire_without_catalogue)


@pytest.fixture
def with_catalogue() -> None:
    """Keep the real catalogue's service items in the index."""


@pytest.fixture
def lib(ctx):  # type: ignore[no-untyped-def]
    from desktop.library.service import open_library

    library = open_library(ctx)
    yield library
    library.close()


@pytest.fixture
def patent_xlsx(tmp_path: Path) -> Path:
    return write_xlsx(tmp_path / "cnipa_export.xlsx", [CNIPA_HEADERS, *PATENTS],
                      title_row="专利检索结果导出")
