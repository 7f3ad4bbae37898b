"""Signing in to a shared PostgreSQL database: the officer's login and password.

The ``--db`` URL names the server, the database and usually the login; a password in it is
used as it is (scripts).  Without one the password comes from ``IPDESK_DB_PASSWORD``, then the
system keyring (when the officer ticked "remember"), then the ``ask`` callback (the GUI's
sign-in dialog, or a terminal prompt); a refused password asks again (three times at most).
With nothing to ask, the URL is tried as it is (libpq's own ``~/.pgpass`` or trust rules).
"""

from __future__ import annotations

import getpass
import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.engine import make_url

from db.errors import AuthenticationFailed
from desktop.access import secrets
from desktop.context import AppContext
from desktop.errors import UserError

log = logging.getLogger(__name__)
PASSWORD_ENV = "IPDESK_DB_PASSWORD"
ATTEMPTS = 3


@dataclass(frozen=True)
class Credentials:
    user: str
    password: str
    remember: bool = False


@dataclass(frozen=True)
class SignInRequest:
    """What the sign-in prompt shows: the login proposed, the server, why it asks again."""

    user: str
    server: str
    error: str = ""
    error_en: str = ""
    can_remember: bool = True


AskFn = Callable[[SignInRequest], Credentials | None]
OpenFn = Callable[[str | None], AppContext]


def is_postgres(url: str | None) -> bool:
    return bool(url) and str(url).startswith(("postgres://", "postgresql"))


def server_label(url: str) -> str:
    u = make_url(url.replace("postgres://", "postgresql://", 1))
    return f"{u.host or 'localhost'}:{u.port or 5432}/{u.database or ''}"


def account(url: str, user: str) -> str:
    """The keyring entry of ``user`` on the server and database of ``url``."""
    return f"{user}@{server_label(url)}"


def with_credentials(url: str, user: str, password: str) -> str:
    u = make_url(url.replace("postgres://", "postgresql://", 1))
    return u.set(username=user, password=password).render_as_string(hide_password=False)


def wants_password(url: str | None) -> bool:
    """A PostgreSQL URL with a login and no password: the app signs the officer in."""
    if not url or not is_postgres(url):
        return False
    u = make_url(url.replace("postgres://", "postgresql://", 1))
    return bool(u.username) and u.password is None


def cancelled() -> UserError:
    return UserError("已取消登录", "sign-in cancelled")


def connect(url: str | None, open_ctx: OpenFn, ask: AskFn | None = None) -> AppContext:
    """Open ``url`` with ``open_ctx``, signing in first when the URL needs a password."""
    if url is None or not wants_password(url):
        return open_ctx(url)
    user = make_url(url.replace("postgres://", "postgresql://", 1)).username or ""
    server = server_label(url)
    password = os.environ.get(PASSWORD_ENV) or None
    source = "env" if password else ""
    if password is None:
        password = secrets.stored_password(account(url, user))
        source = "keyring" if password else ""
    creds: Credentials | None = None
    if password is None and ask is not None:
        creds = ask(SignInRequest(user, server, can_remember=secrets.keyring_available()))
        if creds is None:
            raise cancelled()
        user, password = creds.user, creds.password
    for attempt in range(ATTEMPTS):
        target = with_credentials(url, user, password) if password is not None else url
        try:
            ctx = open_ctx(target)
        except AuthenticationFailed as exc:
            log.info("sign-in as %s on %s refused (attempt %d)", user, server, attempt + 1)
            if source == "keyring":
                secrets.forget_password(account(url, user))  # stale: ask, remember anew
            source = ""
            if ask is None or attempt == ATTEMPTS - 1:
                raise
            creds = ask(SignInRequest(user, server, exc.message("zh"), exc.message("en"),
                                      can_remember=secrets.keyring_available()))
            if creds is None:
                raise cancelled() from exc
            user, password = creds.user, creds.password
            continue
        if creds is not None and creds.remember:
            secrets.remember_password(account(url, user), creds.password)
        return ctx
    raise AssertionError("unreachable")  # the loop returns or raises


def terminal_prompt() -> AskFn | None:
    """The command line's password prompt on a terminal; None elsewhere (nothing to ask:
    the URL is tried as it is)."""
    return terminal_ask if sys.stdin.isatty() else None


def terminal_ask(request: SignInRequest) -> Credentials | None:
    if request.error:
        sys.stderr.write(f"{request.error} / {request.error_en}\n")
    password = getpass.getpass(f"{request.user}@{request.server} 密码 / password: ")
    return Credentials(request.user, password)
