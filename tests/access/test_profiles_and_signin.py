"""Desk profiles on SQLite (scrypt PINs) and signing in to PostgreSQL (keyring, environment,
asking again when the password is refused; no keyring at all is no crash)."""

from __future__ import annotations

import pytest

from db.errors import AuthenticationFailed
from db.models import DeskProfile
from desktop.access import api as access
from desktop.access import secrets
from desktop.access.signin import SignInRequest, account
from desktop.errors import UserError

URL = "postgresql://zhang@db.example:5433/ipdesk"


def test_profiles_with_pins_sign_in(ctx) -> None:
    assert access.list_profiles(ctx) == []
    access.add_profile(ctx, "zhang", "officer", display_name="张三", pin="2468")
    access.add_profile(ctx, "li", "readonly")
    assert [(p.name, p.role, p.has_pin) for p in access.list_profiles(ctx)] == [
        ("li", "readonly", False), ("zhang", "officer", True)]
    with ctx.db.session() as s:
        stored = s.get(DeskProfile, "zhang").pin_hash  # type: ignore[union-attr]
    assert stored.startswith("scrypt$") and "2468" not in stored
    with pytest.raises(UserError, match="PIN"):
        access.sign_in_profile(ctx, "zhang", "1357")
    assert ctx.role == ""  # a wrong PIN signs nobody in
    assert access.sign_in_profile(ctx, "zhang", "2468").label == "张三"
    assert (ctx.actor, ctx.role) == ("zhang", "officer")
    assert not access.permissions(ctx).can_erase
    access.sign_in_profile(ctx, "li")
    assert not access.permissions(ctx).page_allowed("visits")
    assert access.permissions(ctx).page_allowed("search")


def test_bad_profiles_are_refused(ctx) -> None:
    access.add_profile(ctx, "wang", "admin")
    for name, role, pin in (("wang", "admin", ""), ("has space", "officer", ""),
                            ("ok", "boss", ""), ("ok", "officer", "12"),
                            ("ok", "officer", "abcd")):
        with pytest.raises(UserError):
            access.add_profile(ctx, name, role, pin=pin)
    assert [p.name for p in access.list_profiles(ctx)] == ["wang"]
    access.remove_profile(ctx, "wang")
    assert access.list_profiles(ctx) == []


def test_profiles_are_for_sqlite_and_users_for_postgres(ctx) -> None:
    with pytest.raises(UserError, match="PostgreSQL"):
        access.add_user(ctx, "zhang", "officer", "long-enough")
    with pytest.raises(UserError, match="PostgreSQL"):
        access.setup_roles(ctx)


def _opener(accept: str, seen: list[str]):  # type: ignore[no-untyped-def]
    """An ``open_ctx`` that accepts only the password ``accept`` (records each URL tried)."""

    def open_ctx(url):  # type: ignore[no-untyped-def]
        seen.append(url)
        if f":{accept}@" not in (url or ""):
            raise AuthenticationFailed("数据库拒绝了用户名或密码", "refused")
        return url

    return open_ctx


def test_remembered_password_comes_from_the_keyring(memory_keyring, monkeypatch) -> None:
    monkeypatch.delenv("IPDESK_DB_PASSWORD", raising=False)
    asked: list[SignInRequest] = []

    def ask(req: SignInRequest) -> access.Credentials:
        asked.append(req)
        return access.Credentials(req.user, "right-one", remember=True)

    seen: list[str] = []
    assert access.connect(URL, _opener("right-one", seen), ask)
    assert len(asked) == 1 and asked[0].can_remember and asked[0].server == \
        "db.example:5433/ipdesk"
    assert memory_keyring.store == {("IPDesk", account(URL, "zhang")): "right-one"}
    # the next start: no question
    assert access.connect(URL, _opener("right-one", seen), ask)
    assert len(asked) == 1


def test_a_refused_password_asks_again_and_forgets_the_stale_one(memory_keyring,
                                                                 monkeypatch) -> None:
    monkeypatch.delenv("IPDESK_DB_PASSWORD", raising=False)
    secrets.remember_password(account(URL, "zhang"), "old-one")
    asked: list[SignInRequest] = []

    def ask(req: SignInRequest) -> access.Credentials:
        asked.append(req)
        return access.Credentials(req.user, "new-one", remember=False)

    seen: list[str] = []
    access.connect(URL, _opener("new-one", seen), ask)
    assert ":old-one@" in seen[0] and ":new-one@" in seen[1]
    assert asked[0].error  # the dialog says why it asks again
    assert memory_keyring.store == {}  # stale password gone; "remember" was not ticked


def test_cancelling_or_three_refusals_is_a_clear_error(memory_keyring, monkeypatch) -> None:
    monkeypatch.delenv("IPDESK_DB_PASSWORD", raising=False)
    with pytest.raises(UserError, match="取消"):
        access.connect(URL, _opener("x", []), lambda req: None)
    seen: list[str] = []
    with pytest.raises(AuthenticationFailed):
        access.connect(URL, _opener("never", seen),
                       lambda req: access.Credentials(req.user, "wrong"))
    assert len(seen) == 3


def test_environment_password_and_urls_with_passwords(memory_keyring, monkeypatch) -> None:
    monkeypatch.setenv("IPDESK_DB_PASSWORD", "from-env")
    seen: list[str] = []
    access.connect(URL, _opener("from-env", seen), None)
    assert len(seen) == 1
    seen.clear()
    access.connect("postgresql://zhang:inline@h/db", _opener("inline", seen), None)
    assert seen == ["postgresql://zhang:inline@h/db"]  # used as it is
    seen.clear()
    access.connect(None, lambda url: seen.append(str(url)) or url, None)  # SQLite
    assert seen == ["None"]


def test_no_keyring_backend_is_no_crash(no_keyring, monkeypatch) -> None:
    monkeypatch.delenv("IPDESK_DB_PASSWORD", raising=False)
    assert not access.keyring_available()
    assert not secrets.remember_password("a", "b")
    assert secrets.stored_password("a") is None
    secrets.forget_password("a")
    asked: list[SignInRequest] = []

    def ask(req: SignInRequest) -> access.Credentials:
        asked.append(req)
        return access.Credentials(req.user, "pw", remember=True)

    access.connect(URL, _opener("pw", []), ask)
    assert asked and not asked[0].can_remember  # the dialog says it asks each start


def test_nothing_to_ask_tries_the_url_as_it_is(memory_keyring, monkeypatch) -> None:
    monkeypatch.delenv("IPDESK_DB_PASSWORD", raising=False)
    seen: list[str] = []
    access.connect(URL, lambda url: seen.append(str(url)) or url, None)  # libpq decides
    assert seen == [URL]
