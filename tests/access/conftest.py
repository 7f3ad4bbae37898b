"""Fixtures of the access tests: PostgreSQL logins (cluster-wide, so named with a random
suffix and dropped afterwards) and an in-memory keyring."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop.app import open_folder
from desktop.context import AppContext

PASSWORD = "s3cret-pass"


@pytest.fixture
def admin_ctx(pg_url: str, tmp_path: Path) -> Iterator[AppContext]:
    """The superuser's context on a fresh database after ``db setup-roles``."""
    from desktop.access import api as access

    ctx = open_folder(tmp_path / "admin", pg_url)
    access.setup_roles(ctx)
    yield ctx
    ctx.close()


@pytest.fixture
def make_login(admin_ctx: AppContext, pg_url: str, tmp_path: Path
               ) -> Iterator[Callable[[str], tuple[str, str]]]:
    """``make_login(role)`` -> (login name, its URL): a new login in that role's group."""
    import psycopg

    from desktop.access import api as access

    made: list[str] = []

    def make(role: str) -> tuple[str, str]:
        name = f"t_{role}_{uuid.uuid4().hex[:8]}"
        access.add_user(admin_ctx, name, role, PASSWORD)
        made.append(name)
        return name, pg_url.replace("postgres@", f"{name}:{PASSWORD}@", 1)

    yield make
    with psycopg.connect(pg_url, autocommit=True) as conn:
        for name in made:
            conn.execute(f'DROP ROLE IF EXISTS "{name}"')


@pytest.fixture
def open_as(tmp_path: Path) -> Iterator[Callable[[str], AppContext]]:
    """``open_as(url)``: the app opened on ``url`` (closed after the test)."""
    opened: list[AppContext] = []

    def open_url(url: str) -> AppContext:
        ctx = open_folder(tmp_path / f"desk{len(opened)}", url)
        opened.append(ctx)
        return ctx

    yield open_url
    for ctx in opened:
        ctx.close()


class MemoryKeyring:
    """A keyring backend in a dict (tests: nothing touches the system keyring)."""

    def __init__(self) -> None:
        from keyring.backend import KeyringBackend

        store: dict[tuple[str, str], str] = {}

        class _Backend(KeyringBackend):
            priority = 1  # type: ignore[assignment]

            def get_password(self, service: str, username: str) -> str | None:
                return store.get((service, username))

            def set_password(self, service: str, username: str, password: str) -> None:
                store[(service, username)] = password

            def delete_password(self, service: str, username: str) -> None:
                from keyring.errors import PasswordDeleteError

                if store.pop((service, username), None) is None:
                    raise PasswordDeleteError(username)

        self.store = store
        self.backend = _Backend()


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    import keyring

    before = keyring.get_keyring()
    mem = MemoryKeyring()
    keyring.set_keyring(mem.backend)
    yield mem
    keyring.set_keyring(before)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    """A desk without any keyring backend (headless Linux)."""
    import keyring
    from keyring.backends import fail

    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)
