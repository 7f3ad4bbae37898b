"""``validate KIND VALUE``: check an identifier and print its canonical form."""

from __future__ import annotations

import argparse

from desktop.cli.env import CommandEnv

KINDS = ("appno", "pubno", "uscc", "idcard", "ipc", "nice", "phone", "postcode", "email")


def register(sub: argparse._SubParsersAction) -> None:
    from desktop.cli import add_command

    p = add_command(sub, "validate", "校验标识符 / check an identifier "
                    "(appno, pubno, uscc, idcard, ipc, nice, …)")
    p.add_argument("kind", choices=KINDS)
    p.add_argument("value")
    p.set_defaults(handler=run)


def run(env: CommandEnv) -> int:
    from desktop.validators.api import validate

    args = env.args
    res = validate(args.kind, args.value)
    if env.json:
        env.emit_json({"kind": args.kind, "value": args.value, "valid": res.ok,
                       "canonical": res.canonical, "warn_only": res.warn_only,
                       "unverifiable": res.unverifiable,
                       "reason": res.message(env.lang) or None, "reason_zh": res.zh or None,
                       "reason_en": res.en or None, "details": res.details})
    elif res.ok:
        env.out(res.canonical or "")
        if res.unverifiable:
            env.err(env.t(f"提醒（无法校验）：{res.zh}", f"note (unverifiable): {res.en}"))
        elif res.zh:
            env.err(res.message(env.lang))
    else:
        env.out(env.t(f"无效：{res.zh}", f"invalid: {res.en}"))
    return 0 if res.ok else 2
