"""Command-line tests run each command on SQLite and on PostgreSQL: for the ``[postgresql]``
run every ``main.py`` subprocess gets ``IPDESK_DB_URL`` (see ``db_backend``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def _commands_on_backend(db_backend: str | None, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    if db_backend is None:
        monkeypatch.delenv("IPDESK_DB_URL", raising=False)
    else:
        monkeypatch.setenv("IPDESK_DB_URL", db_backend)
    yield
