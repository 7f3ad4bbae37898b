"""``profiles add | list | remove``: desk profiles, who works at a desk of its own (SQLite).

The GUI asks which profile at start when there are any (and its PIN when it has one).  A PIN
is typed at a prompt (twice) or taken from IPDESK_PROFILE_PIN; never on the command line.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from desktop.access import api as access
from desktop.cli.env import CommandEnv
from desktop.errors import UserError

PIN_ENV = "IPDESK_PROFILE_PIN"


def register(sub: argparse._SubParsersAction) -> None:
    from desktop.cli import add_command

    p = add_command(sub, "profiles", "服务台档案（单机）/ desk profiles (a desk of its own)")
    inner = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    a = add_command(inner, "add", "新增档案 / add a profile")
    a.add_argument("name", metavar="NAME")
    a.add_argument("--role", required=True, choices=access.ROLES)
    a.add_argument("--display-name", default="", metavar="TEXT")
    a.add_argument("--pin", action="store_true",
                   help=f"设置PIN（提示输入，或取自 {PIN_ENV}）/ set a PIN (prompted, or {PIN_ENV})")
    a.set_defaults(handler=run_add)
    add_command(inner, "list", "列出档案 / list the profiles").set_defaults(handler=run_list)
    r = add_command(inner, "remove", "删除档案 / remove a profile")
    r.add_argument("name", metavar="NAME")
    r.set_defaults(handler=run_remove)


def _pin(env: CommandEnv) -> str:
    if os.environ.get(PIN_ENV):
        return os.environ[PIN_ENV]
    if not sys.stdin.isatty():
        raise UserError(f"请在终端中运行以输入PIN，或设置环境变量 {PIN_ENV}",
                        f"run in a terminal to type the PIN, or set {PIN_ENV}")
    first = getpass.getpass("PIN: ")
    if getpass.getpass(env.t("再输入一次：", "again: ")) != first:
        raise UserError("两次输入的PIN不一致", "the two PINs differ", field="PIN")
    return first


def run_add(env: CommandEnv) -> int:
    ctx = env.context()
    pin = _pin(env) if env.args.pin else ""
    profile = access.add_profile(ctx, env.args.name, env.args.role,
                                 display_name=env.args.display_name, pin=pin).value
    if env.json:
        env.emit_json({"name": profile.name, "role": profile.role, "pin": profile.has_pin})
    else:
        env.out(env.t(f"已新增档案 {profile.name}（{access.role_label(profile.role)}）",
                      f"profile {profile.name} added ({access.role_label(profile.role, 'en')})"))
    return 0


def run_list(env: CommandEnv) -> int:
    ctx = env.context()
    if not ctx.db.is_sqlite:
        raise UserError("服务台档案只用于单机（SQLite）；PostgreSQL上用 db users",
                        "desk profiles are for a desk of its own (SQLite); on PostgreSQL use "
                        "db users")
    found = access.list_profiles(ctx)
    if env.json:
        env.emit_json([{"name": p.name, "display_name": p.display_name, "role": p.role,
                        "pin": p.has_pin} for p in found])
        return 0
    if not found:
        env.out(env.t("没有档案（任何人都可使用本服务台，拥有全部权限）",
                      "no profiles (anyone may use this desk, with every right)"))
    for p in found:
        pin = " PIN" if p.has_pin else ""
        env.out(f"{p.name:<20} {p.role:<9} {p.display_name}{pin}")
    return 0


def run_remove(env: CommandEnv) -> int:
    access.remove_profile(env.context(), env.args.name)
    env.emit_json({"removed": env.args.name}) if env.json else env.out(
        env.t(f"已删除档案 {env.args.name}", f"profile {env.args.name} removed"))
    return 0
