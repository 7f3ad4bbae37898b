"""``db setup-roles | add-user | users | set-role | disable-user | enable-user``: the group roles
and the officers' logins (a shared database only; on SQLite the desk profiles, ``profiles``).

``setup-roles`` is run by an administrator whose connection may CREATE ROLE: it upgrades the
schema first (as the owner), then creates the groups and applies the privileges.  Passwords
are never taken from the command line: prompted twice, or from IPDESK_NEW_USER_PASSWORD.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from desktop.access import api as access
from desktop.cli.env import CommandEnv
from desktop.errors import UserError

PASSWORD_ENV = "IPDESK_NEW_USER_PASSWORD"


def register(inner: argparse._SubParsersAction) -> None:
    from desktop.cli import add_command

    add_command(inner, "setup-roles", "升级数据库并建立角色 ipdesk_admin / ipdesk_officer / "
                "ipdesk_readonly 及其权限（PostgreSQL，管理员运行）/ upgrade the schema, create the "
                "group roles and their privileges (PostgreSQL, run by an administrator)"
                ).set_defaults(handler=run_setup)
    a = add_command(inner, "add-user", "新增登录用户（密码交互输入两次，或取自环境变量 "
                    f"{PASSWORD_ENV}）/ add a login (password prompted twice, or from "
                    f"{PASSWORD_ENV})")
    a.add_argument("name", metavar="NAME")
    a.add_argument("--role", required=True, choices=access.ROLES)
    a.set_defaults(handler=run_add)
    add_command(inner, "users", "列出用户及其角色 / list the logins and their roles"
                ).set_defaults(handler=run_users)
    r = add_command(inner, "set-role", "更改用户角色 / change a login's role")
    r.add_argument("name", metavar="NAME")
    r.add_argument("--role", required=True, choices=access.ROLES)
    r.set_defaults(handler=run_set_role)
    d = add_command(inner, "disable-user", "停用用户（不能再登录）/ disable a login (NOLOGIN)")
    d.add_argument("name", metavar="NAME")
    d.set_defaults(handler=run_disable)
    e = add_command(inner, "enable-user", "重新启用已停用的用户 / let a disabled login sign in again")
    e.add_argument("name", metavar="NAME")
    e.set_defaults(handler=run_enable)


def new_password(env: CommandEnv, name: str) -> str:
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        raise UserError(f"请在终端中运行以输入密码，或设置环境变量 {PASSWORD_ENV}",
                        f"run in a terminal to type the password, or set {PASSWORD_ENV}")
    first = getpass.getpass(env.t(f"{name} 的密码：", f"password for {name}: "))
    second = getpass.getpass(env.t("再输入一次：", "again: "))
    if first != second:
        raise UserError("两次输入的密码不一致", "the two passwords differ", field="password")
    return first


def run_setup(env: CommandEnv) -> int:
    ctx = env.context()  # opening migrates the schema (an administrator's login)
    report = access.setup_roles(ctx).value
    rev = list(ctx.migration.after) if ctx.migration else []
    if env.json:
        env.emit_json({"created": list(report.created), "tables": report.tables,
                       "revision": rev})
        return 0
    created = ", ".join(report.created) or env.t("无（已存在）", "none (they existed)")
    env.out(env.t(f"数据库已是版本 {', '.join(rev)}；新建角色：{created}；已设置 {report.tables} 张表的权限",
                  f"schema at {', '.join(rev)}; roles created: {created}; privileges set "
                  f"on {report.tables} tables"))
    return 0


def run_add(env: CommandEnv) -> int:
    name = access.check_login_name(env.args.name)  # before asking for a password
    ctx = env.context()
    password = new_password(env, name)
    login = access.add_user(ctx, name, env.args.role, password).value
    if env.json:
        env.emit_json({"name": login.name, "role": login.role})
    else:
        env.out(env.t(f"已新增用户 {login.name}（{access.role_label(login.role)}）",
                      f"user {login.name} added ({access.role_label(login.role, 'en')})"))
    return 0


def run_users(env: CommandEnv) -> int:
    logins = access.list_users(env.context())
    if env.json:
        env.emit_json([{"name": u.name, "role": u.role, "can_login": u.can_login}
                       for u in logins])
        return 0
    if not logins:
        env.out(env.t("还没有用户（db add-user 新增）", "no users yet (db add-user adds one)"))
    for u in logins:
        state = "" if u.can_login else env.t("  已停用", "  disabled")
        env.out(f"{u.name:<24} {u.role:<9}{state}")
    return 0


def run_set_role(env: CommandEnv) -> int:
    old = access.set_user_role(env.context(), env.args.name, env.args.role).value
    if env.json:
        env.emit_json({"name": env.args.name, "from": old, "to": env.args.role})
    else:
        env.out(env.t(f"{env.args.name}：{old} → {env.args.role}",
                      f"{env.args.name}: {old} -> {env.args.role}"))
    return 0


def run_disable(env: CommandEnv) -> int:
    access.disable_user(env.context(), env.args.name)
    if env.json:
        env.emit_json({"name": env.args.name, "disabled": True})
    else:
        env.out(env.t(f"已停用 {env.args.name}（不能再登录；历史记录保留）",
                      f"{env.args.name} disabled (cannot sign in; records kept)"))
    return 0


def run_enable(env: CommandEnv) -> int:
    access.enable_user(env.context(), env.args.name)
    if env.json:
        env.emit_json({"name": env.args.name, "disabled": False})
    else:
        env.out(env.t(f"已重新启用 {env.args.name}", f"{env.args.name} may sign in again"))
    return 0
