"""Front door of the access capability: who is signed in, what their role may do, the
PostgreSQL roles and logins, desk profiles on SQLite, and reading the audit log.

The composition root (:func:`desktop.app.open_app`) calls :func:`connect` (sign-in),
:func:`sign_in` and :func:`migrate_for_role` when the app opens; pages ask
:func:`permissions` what to show; the command line manages users and reads the log.
"""

from __future__ import annotations

import datetime as _dt

from db import roles
from db.migrate import MigrationReport
from db.roles import Login, SetupReport
from desktop.access import audit_log, identity, profiles, secrets, signin, users
from desktop.access.audit_log import AuditRow
from desktop.access.permissions import ROLES, Permissions, for_role, role_label
from desktop.access.profiles import Profile
from desktop.access.signin import AskFn, Credentials, OpenFn, SignInRequest
from desktop.audit import ACTIONS
from desktop.changes import Changes, Op
from desktop.context import AppContext

# -- who is signed in, and what they may do ------------------------------------------------

def permissions(ctx: AppContext) -> Permissions:
    """What ``ctx``'s role may do (the pages hide the rest)."""
    return for_role(ctx.role)


def signed_in_label(ctx: AppContext, lang: str = "zh") -> str:
    """"zhang（业务人员）" for the status bar ("" when nobody in particular)."""
    if not ctx.actor and not ctx.role:
        return ""
    return f"{ctx.actor or '?'}（{role_label(ctx.role, lang)}）" if lang == "zh" else \
        f"{ctx.actor or '?'} ({role_label(ctx.role, lang)})"


def sign_in(ctx: AppContext) -> str:
    """Set ``ctx.actor``/``ctx.role`` from the database login (the OS user with role ""
    on SQLite) and make permission errors clear messages; returns the role."""
    return identity.sign_in(ctx).role


def migrate_for_role(ctx: AppContext) -> MigrationReport | None:
    """Upgrade the schema if this login may; an officer/read-only login checks it is current
    (raises :class:`UserError` asking for the administrator when it is not)."""
    return identity.migrate_for_role(ctx)


def connect(url: str | None, open_ctx: OpenFn, ask: AskFn | None = None) -> AppContext:
    """``open_ctx(url)`` after signing in (password from the environment, the keyring or
    ``ask``) when ``url`` is a PostgreSQL URL with a login and no password."""
    return signin.connect(url, open_ctx, ask)


def terminal_prompt() -> AskFn | None:
    """The command line's password prompt (None when not on a terminal)."""
    return signin.terminal_prompt()


def wants_password(url: str | None) -> bool:
    return signin.wants_password(url)


def keyring_available() -> bool:
    return secrets.keyring_available()


# -- PostgreSQL roles and logins ----------------------------------------------------------

def check_login_name(name: str) -> str:
    """``name`` if it can be a login (else :class:`UserError` naming the rule)."""
    return roles.check_login_name(name)


def setup_roles(ctx: AppContext) -> Op[SetupReport]:
    return Op(users.setup_roles(ctx), Changes())


def add_user(ctx: AppContext, name: str, role: str, password: str) -> Op[Login]:
    return Op(users.add_user(ctx, name, role, password), Changes())


def set_user_role(ctx: AppContext, name: str, role: str) -> Op[str]:
    """Move a login to another role; the value is the role it had."""
    return Op(users.set_user_role(ctx, name, role), Changes())


def disable_user(ctx: AppContext, name: str) -> Op[None]:
    """NOLOGIN: the login cannot sign in any more (its records and group stay)."""
    users.disable_user(ctx, name)
    return Op(None, Changes())


def enable_user(ctx: AppContext, name: str) -> Op[None]:
    """A disabled login may sign in again."""
    users.disable_user(ctx, name, enable=True)
    return Op(None, Changes())


def list_users(ctx: AppContext) -> list[Login]:
    return users.list_users(ctx)


# -- desk profiles (SQLite) ---------------------------------------------------------------

def list_profiles(ctx: AppContext) -> list[Profile]:
    return profiles.list_profiles(ctx)


def add_profile(ctx: AppContext, name: str, role: str, *, display_name: str = "",
                pin: str = "") -> Op[Profile]:
    return Op(profiles.add_profile(ctx, name, role, display_name=display_name, pin=pin),
              Changes())


def remove_profile(ctx: AppContext, name: str) -> Op[None]:
    profiles.remove_profile(ctx, name)
    return Op(None, Changes())


def sign_in_profile(ctx: AppContext, name: str, pin: str = "") -> Profile:
    """Check the profile's PIN and make it ``ctx``'s actor and role."""
    return profiles.sign_in_profile(ctx, name, pin)


# -- the audit log ------------------------------------------------------------------------

def audit_entries(ctx: AppContext, *, since: _dt.date | None = None, action: str = "",
                  limit: int = audit_log.MAX_ROWS) -> list[AuditRow]:
    """The audit log, newest first (administrators only)."""
    return audit_log.list_entries(ctx, since=since, action=action, limit=limit)


def parse_day(text: str) -> _dt.date | None:
    """A day as an officer types it (the forms :func:`desktop.common.dates.parse_date` reads);
    None if it is not one."""
    from desktop.common.dates import parse_date

    return parse_date(text)


def audit_actions(lang: str = "zh") -> dict[str, str]:
    """Action name -> its label."""
    return {k: (zh if lang == "zh" else en) for k, (zh, en) in ACTIONS.items()}


__all__ = ["AskFn", "AuditRow", "Credentials", "Login", "Permissions", "Profile",
           "ROLES", "SetupReport", "SignInRequest", "add_profile", "add_user", "parse_day",
           "audit_actions", "audit_entries", "check_login_name", "connect",
           "disable_user", "enable_user", "keyring_available", "list_profiles",
           "list_users", "migrate_for_role", "permissions", "remove_profile",
           "role_label", "set_user_role", "setup_roles", "sign_in", "sign_in_profile",
           "signed_in_label", "terminal_prompt", "wants_password"]
