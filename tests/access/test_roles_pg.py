"""PostgreSQL enforces the roles: a read-only login cannot change anything even with raw SQL,
an officer cannot erase clients, edit the catalogue or read the audit log; the app reads its
role, never migrates as an officer, and reports a refusal in one sentence naming the role."""

from __future__ import annotations

import psycopg
import pytest
from psycopg import sql

from db.grants import GRANTS, OFFICER, READONLY
from db.models import Base
from desktop.access import api as access
from desktop.clients import api as clients
from desktop.clients.model import ClientData
from desktop.errors import UserError

pytestmark = pytest.mark.postgres
ALL_TABLES = sorted(set(Base.metadata.tables) | {"alembic_version"})


def _raw(url: str) -> psycopg.Connection:
    return psycopg.connect(url, autocommit=True)


def _refused(conn: psycopg.Connection, statement: sql.Composable) -> bool:
    try:
        conn.execute(statement)
    except psycopg.errors.InsufficientPrivilege:
        return True
    return False


def test_the_grant_table_names_every_table_for_the_officer() -> None:
    assert sorted(GRANTS[OFFICER]) == ALL_TABLES
    assert set(GRANTS[READONLY]) <= set(ALL_TABLES)


def test_setup_roles_is_idempotent_and_audited(admin_ctx) -> None:
    again = access.setup_roles(admin_ctx).value
    assert again.created == ()
    assert again.tables == len(ALL_TABLES)
    entries = access.audit_entries(admin_ctx, action="role_setup")
    assert len(entries) == 2 and entries[0].actor == "postgres" and entries[0].role == "admin"


def test_readonly_login_cannot_write_any_table_even_with_raw_sql(make_login, pg_url) -> None:
    _name, url = make_login("readonly")
    with _raw(url) as conn:
        for table in ALL_TABLES:
            t = sql.Identifier(table)
            assert _refused(conn, sql.SQL("DELETE FROM {}").format(t)), table
            assert _refused(conn, sql.SQL("INSERT INTO {} DEFAULT VALUES").format(t)), table
            assert _refused(conn, sql.SQL("TRUNCATE {}").format(t)), table
            col = sql.Identifier(next(iter(Base.metadata.tables[table].columns)).name
                                 if table in Base.metadata.tables else "version_num")
            assert _refused(conn, sql.SQL("UPDATE {} SET {} = {}").format(t, col, col)), table
        assert _refused(conn, sql.SQL("CREATE TABLE intruder (x int)"))
        assert _refused(conn, sql.SQL("ALTER TABLE clients ADD COLUMN x int"))
        # it reads the catalogue and the library, not clients, visits or the audit log
        conn.execute("SELECT count(*) FROM catalogue_items").fetchone()
        conn.execute("SELECT count(*) FROM library_records").fetchone()
        for secret in ("clients", "visits", "audit_log", "form_documents", "desk_profiles"):
            assert _refused(conn, sql.SQL("SELECT * FROM {}").format(sql.Identifier(secret)))


def test_officer_cannot_erase_clients_edit_the_catalogue_or_read_the_audit_log(
        make_login) -> None:
    _name, url = make_login("officer")
    with _raw(url) as conn:
        conn.execute("INSERT INTO clients (name, kind, created_at, updated_at, lock_version,"
                     " created_by, updated_by, id_check_confirmed)"
                     " VALUES ('officer co', 'enterprise', now(), now(), 1, '', '', false)")
        assert _refused(conn, sql.SQL("DELETE FROM clients"))
        assert _refused(conn, sql.SQL("UPDATE catalogue_items SET name = name"))
        assert _refused(conn, sql.SQL("INSERT INTO catalogue_item_history DEFAULT VALUES"))
        assert _refused(conn, sql.SQL("SELECT * FROM audit_log"))
        assert conn.execute("SELECT has_table_privilege('audit_log', 'INSERT'),"
                            " has_table_privilege('change_log', 'UPDATE'),"
                            " has_table_privilege('desk_profiles', 'SELECT')"
                            ).fetchone() == (True, True, False)
        assert _refused(conn, sql.SQL("UPDATE audit_log SET actor = 'x'"))
        assert _refused(conn, sql.SQL("DELETE FROM audit_log"))
        assert _refused(conn, sql.SQL("UPDATE settings SET value = value"))
        assert _refused(conn, sql.SQL("DELETE FROM visits"))
        conn.execute("DELETE FROM visit_topics")  # child rows rewritten when a visit is edited


def test_the_app_reads_its_role_and_records_who(make_login, open_as) -> None:
    officer, officer_url = make_login("officer")
    reader, reader_url = make_login("readonly")
    octx = open_as(officer_url)
    assert (octx.actor, octx.role) == (officer, "officer")
    assert octx.migration is not None and not octx.migration.changed
    perms = access.permissions(octx)
    assert perms.can_record_visits and not perms.can_erase and not perms.can_edit_catalogue
    saved = clients.save_client(octx, ClientData(name="晋中某科技公司")).value
    with octx.db.engine.connect() as conn:
        by = conn.exec_driver_sql(f"SELECT created_by, updated_by FROM clients "
                                  f"WHERE id = {saved.id}").one()
    assert tuple(by) == (officer, officer)
    with pytest.raises(UserError) as denied:
        clients.delete_client(octx, saved.id or 0)
    assert "officer" in denied.value.message("zh") and "无权" in denied.value.message("zh")
    assert clients.get_client(octx, saved.id or 0).name == "晋中某科技公司"  # nothing erased
    with pytest.raises(UserError, match="只有管理员"):
        access.audit_entries(octx)
    rctx = open_as(reader_url)
    assert (rctx.actor, rctx.role) == (reader, "readonly")
    assert not access.permissions(rctx).page_allowed("clients")
    with pytest.raises(UserError, match="readonly"):
        clients.list_clients(rctx)


def test_an_officer_never_migrates_a_schema_behind_the_app(make_login, open_as, pg_url) -> None:
    _name, url = make_login("officer")
    with _raw(pg_url) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0006_visits'")
    with pytest.raises(UserError, match="setup-roles"):
        open_as(url)
    with _raw(pg_url) as conn:  # untouched: still where it was
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            "0006_visits",)


def test_user_management_audited_and_enforced(admin_ctx, make_login, open_as, pg_url) -> None:
    name, url = make_login("readonly")
    assert access.set_user_role(admin_ctx, name, "officer").value == "readonly"
    listed = {u.name: u for u in access.list_users(admin_ctx)}
    assert listed[name].role == "officer" and listed[name].can_login
    assert open_as(url).role == "officer"
    access.disable_user(admin_ctx, name)
    assert not {u.name: u for u in access.list_users(admin_ctx)}[name].can_login
    with pytest.raises(UserError):
        open_as(url)
    access.enable_user(admin_ctx, name)
    assert open_as(url).actor == name
    actions = [e.action for e in access.audit_entries(admin_ctx)]
    assert actions[:4] == ["user_enable", "user_remove", "user_role", "user_add"]
    for bad in ("Zhang San", "pg_evil", "ipdesk_admin", "a\"; DROP ROLE postgres; --", ""):
        with pytest.raises(UserError):
            access.add_user(admin_ctx, bad, "officer", "long-enough-1")
    with pytest.raises(UserError, match="已存在"):
        access.add_user(admin_ctx, name, "officer", "long-enough-1")
    with pytest.raises(UserError, match="8"):
        access.add_user(admin_ctx, "t_short_pw", "officer", "short")


def test_an_officer_cannot_manage_users(make_login, open_as) -> None:
    _name, url = make_login("officer")
    octx = open_as(url)
    with pytest.raises(UserError, match="无权|角色"):
        access.add_user(octx, "t_never_made", "admin", "long-enough-1")
    with pytest.raises(UserError):
        access.setup_roles(octx)


def test_passwords_reach_the_server_hashed(admin_ctx, make_login, pg_url) -> None:
    name, _url = make_login("officer")
    with _raw(pg_url) as conn:
        stored = conn.execute("SELECT rolpassword FROM pg_authid WHERE rolname = %s",
                              (name,)).fetchone()
    assert stored is not None and stored[0].startswith("SCRAM-SHA-256$")


def test_a_readonly_desk_reads_the_catalogue_when_the_bundle_changed(admin_ctx, make_login,
                                                                     open_as, pg_url) -> None:
    from desktop.catalogue import api as catalogue

    catalogue.list_items(admin_ctx)  # loaded once by the administrator
    _name, url = make_login("readonly")
    with _raw(pg_url) as conn:  # as if a newer app bundled other items
        conn.execute("UPDATE settings SET value = 'older' WHERE key = %s",
                     ("catalogue.bundle_fingerprint",))
        assert conn.execute("SELECT count(*) FROM settings WHERE value = 'older'"
                            ).fetchone() == (1,)
    rctx = open_as(url)
    assert len(catalogue.list_items(rctx)) > 40  # served from the database, no error


def test_a_database_owner_with_createrole_sets_up_and_upgrades(pg_url, tmp_path) -> None:
    """The usual deployment: the provincial administrator owns the database (no superuser)."""
    import uuid

    from desktop.app import open_folder

    owner = f"t_owner_{uuid.uuid4().hex[:8]}"
    db_name = pg_url.rsplit("/", 1)[1]
    with _raw(pg_url) as conn:
        conn.execute(sql.SQL("CREATE ROLE {} LOGIN CREATEROLE PASSWORD 'owner-pass'").format(
            sql.Identifier(owner)))
        conn.execute(sql.SQL("ALTER DATABASE {} OWNER TO {}").format(
            sql.Identifier(db_name), sql.Identifier(owner)))
    officer = f"t_of_{uuid.uuid4().hex[:8]}"
    try:
        ctx = open_folder(tmp_path / "owner", pg_url.replace("postgres@", f"{owner}:owner-pass@"))
        try:
            assert (ctx.actor, ctx.role) == (owner, "admin")
            access.setup_roles(ctx)
            access.add_user(ctx, officer, "officer", "officer-pass")
        finally:
            ctx.close()
        with _raw(pg_url) as conn:
            owners = {o for (o,) in conn.execute(
                "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'")}
        assert owners == {"ipdesk_admin"}
        octx = open_folder(tmp_path / "officer",
                           pg_url.replace("postgres@", f"{officer}:officer-pass@"))
        try:
            assert octx.role == "officer"
            assert clients.save_client(octx, ClientData(name="长治某公司")).value.id
        finally:
            octx.close()
    finally:
        with _raw(pg_url) as conn:
            conn.execute(sql.SQL("ALTER DATABASE {} OWNER TO postgres").format(
                sql.Identifier(db_name)))
            conn.execute(sql.SQL("REASSIGN OWNED BY {} TO postgres").format(
                sql.Identifier(owner)))
            conn.execute(sql.SQL("DROP OWNED BY {}").format(sql.Identifier(owner)))
            for role in (officer, owner):
                conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)))


def test_an_admin_login_upgrades_and_new_tables_get_their_privileges(admin_ctx, make_login,
                                                                     open_as, pg_url) -> None:
    from alembic import command

    from db.migrate import alembic_config

    _a, admin_url = make_login("admin")
    _o, officer_url = make_login("officer")
    with admin_ctx.db.engine.begin() as conn:  # back to 0006: the audit log etc. are gone
        cfg = alembic_config(admin_ctx.db)
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0006_visits")
    with pytest.raises(UserError, match="setup-roles"):
        open_as(officer_url)  # behind: the officer does not try
    actx = open_as(admin_url)  # a member of ipdesk_admin, neither owner nor superuser
    assert actx.role == "admin" and actx.migration is not None and actx.migration.changed
    with _raw(pg_url) as conn:
        owners = {o for (o,) in conn.execute(
            "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'")}
    assert owners == {"ipdesk_admin"}  # the upgrade's new tables belong to the group
    octx = open_as(officer_url)
    clients.save_client(octx, ClientData(name="忻州某合作社"))
    with _raw(officer_url) as conn:  # the re-created audit log: write-only for officers
        assert _refused(conn, sql.SQL("SELECT * FROM audit_log"))
