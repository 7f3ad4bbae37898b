"""Fixtures for the catalogue tests: a context with the bundled catalogue loaded."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from desktop.catalogue.loader import bundled_dir
from desktop.catalogue.store import ensure_loaded
from desktop.context import AppContext


@pytest.fixture
def loaded(ctx: AppContext) -> AppContext:
    ensure_loaded(ctx.db)
    return ctx


@pytest.fixture
def item_data() -> dict:
    """A valid item's data (ZL-008 as bundled), to break in tests."""
    return yaml.safe_load((bundled_dir() / "ZL-008.yaml").read_text(encoding="utf-8"))


@pytest.fixture
def write_yaml():  # type: ignore[no-untyped-def]
    """``write_yaml(folder, name, data) -> Path``: write one item file."""

    def write(folder: Path, name: str, data: object) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / name
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
        return path

    return write
