"""Who the app runs as, read when it opens: ``ctx.actor`` and ``ctx.role``.

On PostgreSQL the login and its group (``db.roles.identity``); on SQLite the operating
system's user with role "" (everything) until a desk profile signs in.  Opening as an officer
or read-only login never migrates (they cannot): at the schema's head it goes on, behind it
asks for the administrator.  A permission error anywhere becomes a :class:`PermissionDenied`
naming the role (an engine event, so no caller has to catch it).
"""

from __future__ import annotations

import getpass
import logging

from sqlalchemy import event
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.exc import DBAPIError

from db import roles
from db.errors import as_user_error, permission_error
from db.grants import OWNER
from db.migrate import MigrationReport, app_heads, current_revisions, migrate
from desktop.context import AppContext
from desktop.errors import UserError

log = logging.getLogger(__name__)


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (a container without one): nobody in particular
        return ""


def read_identity(ctx: AppContext) -> roles.Identity:
    """The connection's login and role (PostgreSQL), or the OS user with role ""."""
    if ctx.db.is_sqlite:
        return roles.Identity(os_user(), "")
    try:
        with ctx.db.engine.connect() as conn:
            return roles.identity(conn)
    except DBAPIError as exc:
        known = as_user_error(exc, ctx.db.display_url())
        if known is not None:
            raise known from exc
        first = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        raise UserError(f"无法使用数据库 {ctx.db.display_url()}：{first}",
                        f"cannot use the database {ctx.db.display_url()}: {first}") from exc


def sign_in(ctx: AppContext) -> roles.Identity:
    """Set ``ctx.actor``/``ctx.role`` from the database and turn permission errors on this
    context's engine into a clear message naming the role."""
    who = read_identity(ctx)
    ctx.actor, ctx.role = who.user, who.role
    if not ctx.db.is_sqlite:
        _translate_permission_errors(ctx)
    return who


def _translate_permission_errors(ctx: AppContext) -> None:
    def on_error(info: ExceptionContext) -> None:
        orig = info.original_exception
        state = getattr(orig, "sqlstate", None)
        if state == "42501" or "permission denied" in str(orig).lower():
            first = str(orig).strip().splitlines()[0]
            log.info("permission denied for %s (role %s): %s", ctx.actor, ctx.role, first)
            raise permission_error(ctx.role, first) from orig

    event.listen(ctx.db.engine, "handle_error", on_error)


def behind_message() -> UserError:
    return UserError("数据库结构需要升级，但你的账号不能升级它；请管理员运行 python main.py db setup-roles"
                     "（或用管理员账号打开一次本程序）后再试",
                     "the database schema needs an upgrade your login cannot make; ask the "
                     "administrator to run python main.py db setup-roles (or open the app "
                     "once as an administrator), then try again")


def migrate_for_role(ctx: AppContext) -> MigrationReport | None:
    """Bring the schema up to date when this login may (admin, or a desk's own database);
    an officer or read-only login only checks it is at the head."""
    if ctx.role in ("officer", "readonly"):
        try:
            current = current_revisions(ctx.db)
        except DBAPIError as exc:
            raise as_user_error(exc, ctx.db.display_url(), role=ctx.role) or \
                behind_message() from exc
        heads = app_heads()
        if set(current) == set(heads):
            return MigrationReport(current, current, None)
        from alembic.script import ScriptDirectory

        from db.migrate import MIGRATIONS_DIR

        known = {r.revision for r in ScriptDirectory(str(MIGRATIONS_DIR)).walk_revisions()}
        if any(rev not in known for rev in current):
            return migrate(ctx.db, ctx.paths.backups_dir)  # refuses: written by a newer app
        raise behind_message()
    as_role = None
    if not ctx.db.is_sqlite:
        with ctx.db.engine.connect() as conn:
            if roles.roles_set_up_here(conn):
                as_role = OWNER  # new tables belong to the admin group (its members upgrade)
    report = migrate(ctx.db, ctx.paths.backups_dir, as_role=as_role)
    if as_role and report.changed:
        apply_grants_after_upgrade(ctx)
    return report


def apply_grants_after_upgrade(ctx: AppContext) -> None:
    """New tables of an upgrade get their privileges now (best effort: logged)."""
    try:
        with ctx.db.engine.begin() as conn:
            conn.exec_driver_sql(f"SET LOCAL ROLE {conn.dialect.identifier_preparer.quote_identifier(OWNER)}")
            roles.apply_table_grants(conn)
    except Exception as exc:  # the administrator can still run db setup-roles
        log.warning("privileges after the upgrade not applied (run db setup-roles): %s", exc)
