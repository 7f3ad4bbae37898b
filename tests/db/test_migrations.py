"""Schema by migrations: backups before migrating, newer databases refused, bad files named."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import inspect, text

from db.migrate import app_heads, current_revisions, migrate
from db.session import Database, sqlite_url
from desktop.app import open_folder
from desktop.errors import UserError


def test_fresh_database_gets_every_table(tmp_path):
    ctx = open_folder(tmp_path)
    tables = set(inspect(ctx.db.engine).get_table_names())
    assert {"clients", "settings", "alembic_version"} <= tables
    assert current_revisions(ctx.db) == app_heads()
    with ctx.db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    ctx.close()


def test_models_match_migrations(tmp_path):
    """What Alembic would autogenerate against the migrated database is nothing."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    import db.models  # noqa: F401
    from db.base import Base

    ctx = open_folder(tmp_path)
    with ctx.db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    ctx.close()
    assert diff == []


def test_backup_before_migrating_an_older_database(tmp_path):
    path = tmp_path / "ipdesk.sqlite3"
    db = Database(sqlite_url(path))
    from alembic import command

    from db.migrate import alembic_config

    with db.engine.begin() as conn:  # an "older" database: the schema of revision 0001 only
        cfg = alembic_config(db)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001_foundation")
        conn.execute(text("CREATE TABLE marker (x INTEGER)"))
        conn.execute(text("INSERT INTO marker VALUES (42)"))
    db.dispose()
    if app_heads() == ("0001_foundation",):
        pytest.skip("only one revision so far: nothing to migrate from")
    report = migrate(Database(sqlite_url(path)), tmp_path / "backups")
    assert report.backup is not None and report.backup.exists()
    con = sqlite3.connect(report.backup)
    assert con.execute("SELECT x FROM marker").fetchone() == (42,)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (
        "0001_foundation",)
    con.close()


def test_newer_database_is_refused_untouched(tmp_path):
    path = tmp_path / "ipdesk.sqlite3"
    ctx = open_folder(tmp_path)
    with ctx.db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    ctx.close()
    before = path.read_bytes()
    with pytest.raises(UserError) as info:
        open_folder(tmp_path)
    assert "更新版本" in info.value.zh and "9999_future" in info.value.zh
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_database(tmp_path):
    (tmp_path / "ipdesk.sqlite3").write_text("this is a spreadsheet, honestly")
    with pytest.raises(UserError) as info:
        open_folder(tmp_path)
    assert "ipdesk.sqlite3" in info.value.zh


def test_locked_database_is_reported(tmp_path):
    from db.errors import as_user_error
    from desktop.clients.model import ClientData
    from desktop.clients.service import save_client

    open_folder(tmp_path).close()
    blocker = sqlite3.connect(tmp_path / "ipdesk.sqlite3")
    blocker.execute("BEGIN EXCLUSIVE")  # another program is writing
    try:
        db = Database(sqlite_url(tmp_path / "ipdesk.sqlite3"), busy_timeout_s=0.2)
        with pytest.raises(Exception) as info:
            save_client(db, ClientData(name="甲"))
        err = as_user_error(info.value, "ipdesk.sqlite3")
        assert err is not None and "锁定" in err.zh and "ipdesk.sqlite3" in err.zh
    finally:
        blocker.rollback()
        blocker.close()
