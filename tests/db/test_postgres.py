"""The same schema and client functions on PostgreSQL (the shared store of a network of desks).

Needs a server: set IPDESK_TEST_PG_URL (``.ci/start_postgres.sh`` starts one; CI does).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.app import open_folder
from desktop.clients.model import ClientData
from desktop.clients.service import list_clients, save_client

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parents[2]


def test_migrate_and_use_clients(pg_url, tmp_path):
    ctx = open_folder(tmp_path, pg_url)
    assert ctx.db.engine.dialect.name == "postgresql"
    assert ctx.migration is not None and ctx.migration.after
    save_client(ctx.db, ClientData(name="大同商标品牌指导站", id_number="91350200776049653A"))
    assert [c.name for c in list_clients(ctx.db, "大同")] == ["大同商标品牌指导站"]
    ctx.close()
    again = open_folder(tmp_path, pg_url)  # second desk opening the same database
    assert again.migration is not None and not again.migration.changed
    assert again.migration.backup is None
    again.close()


def test_models_match_migrations_on_postgres(pg_url, tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from db.base import Base

    ctx = open_folder(tmp_path, pg_url)
    with ctx.db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    ctx.close()
    assert diff == []


def test_cli_with_db_url(pg_url, tmp_path):
    cmd = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(tmp_path), "--db", pg_url]
    add = subprocess.run(cmd + ["clients", "add", "运城盐湖企业"], capture_output=True, text=True,
                         timeout=60)
    assert add.returncode == 0, add.stderr
    listed = subprocess.run(cmd + ["clients", "list", "--json"], capture_output=True, text=True,
                            timeout=60)
    assert [c["name"] for c in json.loads(listed.stdout)] == ["运城盐湖企业"]


def test_unreachable_server_is_a_clear_error(tmp_path):
    res = subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(tmp_path),
                          "--db", "postgresql://nobody@127.0.0.1:1/none", "clients", "list"],
                         capture_output=True, text=True, timeout=60)
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert "127.0.0.1" in res.stderr
