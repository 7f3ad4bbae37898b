"""Shared fixtures: a fresh data folder and database per test, and the shared real data."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.app import open_folder  # noqa: E402
from desktop.context import AppContext  # noqa: E402
from desktop.paths import SHARED_DIR  # noqa: E402

TESTS = Path(__file__).resolve().parent
# Data-layer and command-line tests run on SQLite and on PostgreSQL (a network of desks must
# behave as a desk of its own): their ``ctx`` (and, in tests/cli, the commands' database) is
# parametrised ``[sqlite]`` / ``[postgresql]``.  ``@pytest.mark.sqlite_only`` opts a test out
# (it is about the SQLite file itself: backups of the file, WAL, a damaged file).
BOTH_BACKENDS = ("catalogue", "cli", "clients", "forms", "library", "visits")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "db_backend" not in metafunc.fixturenames:
        return
    try:
        top = Path(str(metafunc.definition.path)).relative_to(TESTS).parts[0]
    except ValueError:
        return
    if top in BOTH_BACKENDS and metafunc.definition.get_closest_marker("sqlite_only") is None:
        metafunc.parametrize("db_backend", ["sqlite", "postgresql"], indirect=True)


def _pg_admin_url() -> str:
    base = os.environ.get("IPDESK_TEST_PG_URL")
    if not base:
        if os.environ.get("IPDESK_REQUIRE_PG"):
            pytest.fail("IPDESK_REQUIRE_PG is set but IPDESK_TEST_PG_URL is not: the "
                        "PostgreSQL tests must run here")
        pytest.skip("no PostgreSQL server: set IPDESK_TEST_PG_URL (see .ci/start_postgres.sh)")
    return base.replace("postgresql+psycopg://", "postgresql://")


def _create_database(template: str | None = None) -> str:
    import uuid

    import psycopg

    admin = _pg_admin_url()
    name = f"ipdesk_t_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
    return admin.rsplit("/", 1)[0] + "/" + name


def _drop_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(_pg_admin_url(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def _pg_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A database migrated to the app's schema once, copied for each test (fast)."""
    url = _create_database()
    context = open_folder(tmp_path_factory.mktemp("pg-template"), url)
    context.close()
    yield url.rsplit("/", 1)[1]
    _drop_database(url)


@pytest.fixture
def db_backend(request: pytest.FixtureRequest) -> Iterator[str | None]:
    """The database URL of this test's backend: None for SQLite (the data folder's file),
    else a fresh PostgreSQL database at the app's schema (dropped afterwards)."""
    if getattr(request, "param", "sqlite") == "sqlite":
        yield None
        return
    url = _create_database(template=request.getfixturevalue("_pg_template"))
    yield url
    _drop_database(url)


@pytest.fixture
def ctx(tmp_path: Path, db_backend: str | None) -> Iterator[AppContext]:
    """An app context under a temporary data folder, on a new SQLite database (or, for
    the data-layer tests' ``[postgresql]`` run, a new PostgreSQL database)."""
    context = open_folder(tmp_path / "data", db_backend)
    yield context
    context.close()


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test (dropped afterwards).

    Needs a server: set IPDESK_TEST_PG_URL (``.ci/start_postgres.sh`` starts one; CI does).
    """
    url = _create_database()
    yield url
    _drop_database(url)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data`` (real records); tests needing it skip where it is absent."""
    path = SHARED_DIR / "data"
    if not path.is_dir():
        pytest.skip(f"real data not available at {path} (../shared/data beside the project)")
    return path


@pytest.fixture
def ui_env(ctx: AppContext, qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A UiEnv with its own preferences file (in the data folder), for page tests."""
    from desktop.settings import api as settings
    from desktop.ui.env import UiEnv
    from desktop.ui.jobs import JobRunner
    from desktop.ui.prefs import Prefs

    # a desk whose outlet is set (exports warn otherwise; tests of the first run clear it)
    settings.set_outlet(ctx, settings.Outlet(name="测试知识产权服务站"))
    env = UiEnv(ctx=ctx, jobs=JobRunner(), prefs=Prefs(settings.prefs_path(ctx.paths)),
                lang="zh")
    yield env
    from PySide6.QtWidgets import QApplication

    env.jobs.wait(10000)
    QApplication.processEvents()  # results of finished jobs arrive while the database is open


@pytest.fixture
def english_window(ui_env, qtbot):  # type: ignore[no-untyped-def]
    """The real main window with the English translation loaded (Chinese restored after)."""
    from PySide6.QtWidgets import QApplication

    from desktop.ui.i18n import install_language
    from desktop.ui.main_window import MainWindow

    app = QApplication.instance()
    install_language(app, "en")
    ui_env.lang = "en"
    try:
        win = MainWindow(ui_env)
        qtbot.addWidget(win)
        yield win
    finally:
        install_language(app, "zh")


@pytest.fixture
def main_window(ui_env, qtbot):  # type: ignore[no-untyped-def]
    """The real main window on a fresh database."""
    from desktop.ui.main_window import MainWindow

    win = MainWindow(ui_env)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def type_text(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type ``text`` into a widget as a person with a Chinese input method does.

    ``qtbot.keyClicks`` aborts Qt on non-ASCII characters (an assertion in QTest's ASCII key
    table), so CJK text arrives the way an IME delivers it: an input-method commit event.
    """
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def typist():  # type: ignore[no-untyped-def]
    """``typist(widget, text)``: type any text (Chinese included) into a widget."""
    return type_text
