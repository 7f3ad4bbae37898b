"""The PostgreSQL group roles and the officers' logins, each change with its audit entry (in
the same transaction: the entry is there exactly when the change is)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from db import roles
from db.errors import as_user_error
from desktop import audit
from desktop.context import AppContext
from desktop.errors import UserError


@contextmanager
def _session(ctx: AppContext) -> Iterator[Session]:
    """One transaction; a refusal by the server (no CREATEROLE, say) as a clear message."""
    try:
        with ctx.db.session() as s:
            yield s
    except DBAPIError as exc:
        known = as_user_error(exc, ctx.db.display_url(), role=ctx.role)
        if known is None:
            raise
        raise known from exc


def need_postgres(ctx: AppContext) -> None:
    if ctx.db.is_sqlite:
        raise UserError("数据库角色和用户只适用于PostgreSQL共享数据库；单机（SQLite）请用服务台档案："
                        "python main.py profiles add NAME --role officer",
                        "database roles and users are for a shared PostgreSQL database; on a "
                        "desk of its own (SQLite) use desk profiles: python main.py profiles add "
                        "NAME --role officer")


def setup_roles(ctx: AppContext) -> roles.SetupReport:
    need_postgres(ctx)
    with _session(ctx) as s:
        report = roles.setup_roles(s.connection())
        audit.record(s, ctx, "role_setup", s.connection().engine.url.database or "",
                     {"created": list(report.created), "tables": report.tables})
    return report


def add_user(ctx: AppContext, name: str, role: str, password: str) -> roles.Login:
    need_postgres(ctx)
    with _session(ctx) as s:
        roles.create_login(s.connection(), name, role, password)
        audit.record(s, ctx, "user_add", name, {"role": role})
    return roles.Login(name, role, True)


def set_user_role(ctx: AppContext, name: str, role: str) -> str:
    """Returns the role the login had before."""
    need_postgres(ctx)
    with _session(ctx) as s:
        old = roles.set_login_role(s.connection(), name, role)
        audit.record(s, ctx, "user_role", name, {"from": old, "to": role})
    return old


def disable_user(ctx: AppContext, name: str, *, enable: bool = False) -> None:
    need_postgres(ctx)
    with _session(ctx) as s:
        roles.disable_login(s.connection(), name, enable=enable)
        audit.record(s, ctx, "user_enable" if enable else "user_remove", name, {})


def list_users(ctx: AppContext) -> list[roles.Login]:
    need_postgres(ctx)
    with _session(ctx) as s:
        return roles.list_logins(s.connection())
