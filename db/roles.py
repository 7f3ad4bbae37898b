"""PostgreSQL roles and logins: the SQL behind ``db setup-roles``, ``db add-user`` & co.

Every statement is composed with :mod:`psycopg.sql` (identifiers quoted, literals escaped by
the driver): user names come from users.  Passwords are hashed (SCRAM) on this side before
they are sent, so the plain text never reaches the server's logs.  Everything runs inside the
caller's transaction (role DDL is transactional in PostgreSQL): all of it, or none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg import sql
from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

from db.grants import (
    ADMIN,
    COLUMN_GRANTS,
    DEFAULT_TABLE_PRIVILEGES,
    GRANTS,
    GROUPS,
    OWNER,
    SEQUENCE_USERS,
    role_of_group,
)
from desktop.errors import UserError

_NAME = re.compile(r"^[a-z_][a-z0-9_.\-]{0,62}$")
RESERVED = ("postgres", "public", "none", "current_user", "session_user", "current_role")


@dataclass(frozen=True)
class Identity:
    """Who a connection is: its login, the app role it has (admin | officer | readonly, ""
    for a login in no IP Desk group) and whether it is a superuser."""

    user: str
    role: str
    superuser: bool = False


@dataclass(frozen=True)
class Login:
    name: str
    role: str          # admin | officer | readonly
    can_login: bool


@dataclass(frozen=True)
class SetupReport:
    created: tuple[str, ...]   # group roles created now (the others existed)
    tables: int                # tables whose privileges were set


def check_login_name(name: str) -> str:
    """A login name users can type: lower-case letters, digits, ``_ . -``, ≤ 63."""
    if not _NAME.match(name or ""):
        raise UserError(f"用户名“{name}”不可用：只能用小写字母、数字和 _ . -，以字母或 _ 开头，最长63位",
                        f"the user name {name!r} cannot be used: lower-case letters, digits and "
                        "_ . - only, starting with a letter or _, at most 63", field="NAME")
    if name.startswith(("pg_", "ipdesk_")) or name in RESERVED:
        raise UserError(f"用户名“{name}”是保留名称", f"the user name {name!r} is reserved",
                        field="NAME")
    return name


def group_of(role: str) -> str:
    if role not in GROUPS:
        raise UserError(f"角色“{role}”不存在（可用：admin、officer、readonly）",
                        f"no role {role!r} (admin, officer or readonly)", field="--role")
    return GROUPS[role]


def _run(conn: Connection, query: sql.Composable, params: tuple[Any, ...] | None = None
         ) -> list[tuple[Any, ...]]:
    raw: Any = conn.connection.driver_connection
    try:
        with raw.cursor() as cur:
            cur.execute(query, params)
            return list(cur.fetchall()) if cur.description else []
    except psycopg.Error as exc:  # as SQLAlchemy's own errors are (db.errors reads them)
        raise DBAPIError(query.as_string(raw), params, exc) from exc


def _q(text: str) -> sql.SQL:
    return sql.SQL(text)  # static SQL of this module only


def _role_exists(conn: Connection, name: str) -> bool:
    return bool(_run(conn, _q("SELECT 1 FROM pg_roles WHERE rolname = %s"), (name,)))


def identity(conn: Connection) -> Identity:
    """The connection's login and app role: a superuser, the database's owner or a member of
    ``ipdesk_admin`` is an admin; else the highest of officer and readonly it belongs to."""
    rows = _run(conn, _q(
        "SELECT current_user, r.rolsuper, pg_has_role(current_user, d.datdba, 'MEMBER')"
        " FROM pg_roles r, pg_database d"
        " WHERE r.rolname = current_user AND d.datname = current_database()"))
    user, superuser, owner = rows[0]
    groups = {g for (g,) in _run(conn, _q(
        "SELECT rolname FROM pg_roles WHERE rolname = ANY(%s)"
        " AND pg_has_role(current_user, oid, 'MEMBER')"), (list(GROUPS.values()),))}
    if superuser or owner or ADMIN in groups:
        return Identity(user, "admin", bool(superuser))
    for role in ("officer", "readonly"):
        if GROUPS[role] in groups:
            return Identity(user, role)
    return Identity(user, "")


def group_roles_exist(conn: Connection) -> bool:
    return all(_role_exists(conn, g) for g in GROUPS.values())


def roles_set_up_here(conn: Connection) -> bool:
    """Whether ``db setup-roles`` ran on this database (the groups are cluster-wide; the
    admin group may create tables only in a database it was set up in)."""
    return group_roles_exist(conn) and bool(_run(conn, _q(
        "SELECT has_schema_privilege(%s, current_schema(), 'CREATE')"), (OWNER,))[0][0])


def app_tables(conn: Connection) -> list[str]:
    """The app's tables present in the current schema."""
    from db.models import Base

    known = set(Base.metadata.tables) | {"alembic_version"}
    found = [t for (t,) in _run(conn, _q(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"))]
    return sorted(t for t in found if t in known)


def setup_roles(conn: Connection) -> SetupReport:
    """Create the group roles (those missing) and apply :mod:`db.grants` to every app table,
    sequence, the schema and the database.  Idempotent: run it again after an upgrade."""
    created = []
    for group in GROUPS.values():
        if not _role_exists(conn, group):
            _run(conn, sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(group)))
            created.append(group)
    me = identity(conn)
    if not me.superuser:  # the owner must be able to hand the tables to the admin group
        member = _run(conn, _q("SELECT pg_has_role(current_user, %s, 'MEMBER')"), (OWNER,))
        if not member[0][0]:
            _run(conn, sql.SQL("GRANT {} TO CURRENT_USER").format(sql.Identifier(OWNER)))
    groups = [sql.Identifier(g) for g in GROUPS.values()]
    database = sql.Identifier(_run(conn, _q("SELECT current_database()"))[0][0])
    schema = sql.Identifier(_run(conn, _q("SELECT current_schema()"))[0][0])
    # nobody outside the three groups connects; nobody but the admin group creates tables
    _run(conn, sql.SQL("REVOKE ALL ON DATABASE {} FROM PUBLIC").format(database))
    _run(conn, sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(
        database, sql.SQL(", ").join(groups)))
    _run(conn, sql.SQL("GRANT TEMPORARY ON DATABASE {} TO {}").format(
        database, sql.Identifier(ADMIN)))
    _run(conn, sql.SQL("REVOKE CREATE ON SCHEMA {} FROM PUBLIC").format(schema))
    _run(conn, sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(
        schema, sql.SQL(", ").join(groups)))
    _run(conn, sql.SQL("GRANT CREATE ON SCHEMA {} TO {}").format(schema, sql.Identifier(OWNER)))
    tables = apply_table_grants(conn)
    _default_privileges(conn, schema)
    return SetupReport(tuple(created), tables)


def apply_table_grants(conn: Connection) -> int:
    """Hand every app table to the admin group and apply :data:`GRANTS` (and the sequences'
    privileges); returns how many tables.  Run again after an upgrade adds tables."""
    others = [sql.Identifier(g) for g in GROUPS.values() if g != OWNER]
    schema = sql.Identifier(_run(conn, _q("SELECT current_schema()"))[0][0])
    tables = app_tables(conn)
    for table in tables:
        t = sql.Identifier(table)
        _run(conn, sql.SQL("ALTER TABLE {} OWNER TO {}").format(t, sql.Identifier(OWNER)))
        _run(conn, sql.SQL("REVOKE ALL ON {} FROM PUBLIC, {}").format(
            t, sql.SQL(", ").join(others)))
        for group, table_grants in GRANTS.items():
            privileges = table_grants.get(table, ())
            if privileges:
                _run(conn, sql.SQL("GRANT {} ON {} TO {}").format(
                    sql.SQL(", ").join(sql.SQL(p) for p in privileges),
                    t, sql.Identifier(group)))
            for privilege, column in COLUMN_GRANTS.get(group, {}).get(table, ()):
                _run(conn, sql.SQL("GRANT {} ({}) ON {} TO {}").format(
                    sql.SQL(privilege), sql.Identifier(column), t,
                    sql.Identifier(group)))
    _run(conn, sql.SQL("REVOKE ALL ON ALL SEQUENCES IN SCHEMA {} FROM PUBLIC").format(schema))
    _run(conn, sql.SQL("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {} TO {}").format(
        schema, sql.SQL(", ").join(sql.Identifier(g) for g in SEQUENCE_USERS)))
    return len(tables)


def _default_privileges(conn: Connection, schema: sql.Identifier) -> None:
    """What tables created later (by the admin group, or by this login) give each group."""
    for creator in (sql.Identifier(OWNER), sql.SQL("CURRENT_USER")):
        head = sql.SQL("ALTER DEFAULT PRIVILEGES FOR ROLE {} IN SCHEMA {} ").format(
            creator, schema)
        _run(conn, head + sql.SQL("GRANT ALL ON TABLES TO {}").format(sql.Identifier(ADMIN)))
        _run(conn, head + sql.SQL("GRANT ALL ON SEQUENCES TO {}").format(sql.Identifier(ADMIN)))
        for group, privileges in DEFAULT_TABLE_PRIVILEGES.items():
            _run(conn, head + sql.SQL("GRANT {} ON TABLES TO {}").format(
                sql.SQL(", ").join(sql.SQL(p) for p in privileges),
                sql.Identifier(group)))
        for group in SEQUENCE_USERS:
            _run(conn, head + sql.SQL("GRANT USAGE, SELECT ON SEQUENCES TO {}").format(
                sql.Identifier(group)))


def _need_groups(conn: Connection) -> None:
    if not group_roles_exist(conn):
        raise UserError("数据库中还没有IP Desk角色，请先运行 python main.py db setup-roles",
                        "the IP Desk roles do not exist in this database yet; run "
                        "python main.py db setup-roles first")


def _need_login(conn: Connection, name: str) -> None:
    if not any(u.name == name for u in list_logins(conn)):
        raise UserError(f"没有IP Desk用户“{name}”（python main.py db users 列出用户）",
                        f"no IP Desk user {name!r} (python main.py db users lists them)",
                        field="NAME")


def create_login(conn: Connection, name: str, role: str, password: str) -> None:
    """A new LOGIN role ``name`` in ``role``'s group, with ``password`` (hashed here)."""
    check_login_name(name)
    group = group_of(role)
    _need_groups(conn)
    if _role_exists(conn, name):
        raise UserError(f"用户“{name}”已存在（更改角色用 db set-role）",
                        f"the user {name!r} exists already (db set-role changes a role)",
                        field="NAME")
    if len(password) < 8:
        raise UserError("密码至少8位", "the password needs at least 8 characters",
                        field="password")
    raw: Any = conn.connection.driver_connection
    verifier = raw.pgconn.encrypt_password(password.encode("utf-8"), name.encode("utf-8"))
    _run(conn, sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
        sql.Identifier(name), sql.Literal(verifier.decode("ascii")), sql.Identifier(group)))


def set_login_role(conn: Connection, name: str, role: str) -> str:
    """Move login ``name`` into ``role``'s group (out of the others); returns the old role."""
    check_login_name(name)
    group = group_of(role)
    _need_groups(conn)
    _need_login(conn, name)
    old = next(u.role for u in list_logins(conn) if u.name == name)
    for other in GROUPS.values():
        if other != group:
            _run(conn, sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(other),
                                                          sql.Identifier(name)))
    _run(conn, sql.SQL("GRANT {} TO {}").format(sql.Identifier(group), sql.Identifier(name)))
    return old


def disable_login(conn: Connection, name: str, *, enable: bool = False) -> None:
    """NOLOGIN for ``name`` (it keeps its group, so the audit log still names its role);
    ``enable``: LOGIN again."""
    check_login_name(name)
    _need_login(conn, name)
    if name == identity(conn).user and not enable:
        raise UserError("不能停用自己正在使用的账号", "you cannot disable the login you are using",
                        field="NAME")
    _run(conn, sql.SQL("ALTER ROLE {} LOGIN" if enable else "ALTER ROLE {} NOLOGIN").format(
        sql.Identifier(name)))


def list_logins(conn: Connection) -> list[Login]:
    """The roles that belong to an IP Desk group (groups themselves excepted), by name."""
    rows = _run(conn, _q(
        "SELECT r.rolname, g.rolname, r.rolcanlogin FROM pg_roles r"
        " JOIN pg_auth_members m ON m.member = r.oid JOIN pg_roles g ON g.oid = m.roleid"
        " WHERE g.rolname = ANY(%s) AND r.rolname <> ALL(%s) ORDER BY r.rolname"),
        (list(GROUPS.values()), list(GROUPS.values())))
    best: dict[str, Login] = {}
    rank = {"admin": 0, "officer": 1, "readonly": 2}
    for name, group, can_login in rows:
        login = Login(name, role_of_group(group), bool(can_login))
        if name not in best or rank[login.role] < rank[best[name].role]:
            best[name] = login
    return list(best.values())
