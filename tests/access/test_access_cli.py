"""The command line: db setup-roles / add-user / users / set-role / disable-user, audit and
profiles; bad input is one sentence and exit code 2."""

from __future__ import annotations

import json
import uuid

import psycopg
import pytest

from desktop.cli import main


def run(capsys, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.postgres
def test_roles_and_users_from_the_command_line(pg_url, tmp_path, capsys, monkeypatch) -> None:
    base = ["--data-dir", str(tmp_path / "d"), "--db", pg_url]
    name = f"t_cli_{uuid.uuid4().hex[:8]}"
    try:
        code, out, err = run(capsys, *base, "db", "setup-roles", "--json")
        assert code == 0, err
        assert json.loads(out)["tables"] >= 15 and json.loads(out)["revision"]
        monkeypatch.setenv("IPDESK_NEW_USER_PASSWORD", "cli-password-1")
        assert run(capsys, *base, "db", "add-user", name, "--role", "readonly")[0] == 0
        code, _out, err = run(capsys, *base, "db", "add-user", "Bad Name", "--role", "officer")
        assert code == 2 and "Bad Name" in err and "Traceback" not in err
        code, out, _err = run(capsys, *base, "db", "users", "--json")
        assert {"name": name, "role": "readonly", "can_login": True} in json.loads(out)
        assert run(capsys, *base, "db", "set-role", name, "--role", "officer")[0] == 0
        user_url = pg_url.replace("postgres@", f"{name}:cli-password-1@", 1)
        user = ["--data-dir", str(tmp_path / "u"), "--db", user_url]
        code, _out, err = run(capsys, *user, "audit")
        assert code == 2 and "只有管理员" in err
        code, _out, err = run(capsys, *user, "db", "add-user", "t_nope", "--role", "admin")
        assert code == 2 and ("无权" in err or "权限" in err), err
        assert run(capsys, *base, "db", "disable-user", name)[0] == 0
        code, out, _err = run(capsys, *base, "audit", "--json")
        actions = [e["action"] for e in json.loads(out)]
        assert actions[:4] == ["user_remove", "user_role", "user_add", "role_setup"]
        code, out, _err = run(capsys, *base, "audit", "--action", "user_add", "--json")
        assert [e["target"] for e in json.loads(out)] == [name]
    finally:
        with psycopg.connect(pg_url, autocommit=True) as conn:
            conn.execute(f'DROP ROLE IF EXISTS "{name}"')


def test_user_commands_on_sqlite_point_to_profiles(tmp_path, capsys) -> None:
    base = ["--data-dir", str(tmp_path)]
    for args in (["db", "users"], ["db", "setup-roles"]):
        code, _out, err = run(capsys, *base, *args)
        assert code == 2 and "PostgreSQL" in err and "profiles" in err


def test_profiles_from_the_command_line(tmp_path, capsys, monkeypatch) -> None:
    base = ["--data-dir", str(tmp_path), "--lang", "en"]
    code, out, _err = run(capsys, *base, "profiles", "list")
    assert code == 0 and "no profiles" in out
    monkeypatch.setenv("IPDESK_PROFILE_PIN", "4321")
    assert run(capsys, *base, "profiles", "add", "zhang", "--role", "officer", "--pin",
               "--display-name", "张三")[0] == 0
    code, out, _err = run(capsys, *base, "profiles", "list", "--json")
    assert json.loads(out) == [{"name": "zhang", "display_name": "张三", "role": "officer",
                                "pin": True}]
    code, _out, err = run(capsys, *base, "profiles", "add", "zhang", "--role", "officer")
    assert code == 2 and "exists" in err
    code, _out, err = run(capsys, *base, "audit", "--since", "not-a-date")
    assert code == 2 and "--since" in err
    code, out, _err = run(capsys, *base, "audit", "--json")
    assert [e["action"] for e in json.loads(out)] == ["user_add"]
    assert run(capsys, *base, "profiles", "remove", "zhang")[0] == 0
