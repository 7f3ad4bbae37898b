"""Desk profiles (服务台档案): who works at a desk of its own (SQLite), each with a role and
an optional PIN (scrypt with a random salt; the PIN itself is never stored).

They are a courtesy, not a lock: whoever can open the database file can change it.  On a
shared PostgreSQL database each officer has a login instead (``db add-user``).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

from sqlalchemy import select

from db.base import utcnow
from db.models import DeskProfile
from desktop import audit
from desktop.access.permissions import ROLES
from desktop.context import AppContext
from desktop.errors import UserError

_NAME = re.compile(r"^[\w.\-]{1,64}$")
_PIN = re.compile(r"^\d{4,12}$")
_N, _R, _P = 2 ** 14, 8, 1


@dataclass(frozen=True)
class Profile:
    name: str
    display_name: str
    role: str
    has_pin: bool

    @property
    def label(self) -> str:
        return self.display_name or self.name


def need_sqlite(ctx: AppContext) -> None:
    if not ctx.db.is_sqlite:
        raise UserError("服务台档案只用于单机（SQLite）；共享的PostgreSQL数据库请用 python main.py db "
                        "add-user NAME --role officer",
                        "desk profiles are for a desk of its own (SQLite); on a shared "
                        "PostgreSQL database use python main.py db add-user NAME --role officer")


def hash_pin(pin: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def pin_matches(stored: str, pin: str) -> bool:
    try:
        algo, n, r, p, salt, digest = stored.split("$")
        if algo != "scrypt":
            return False
        got = hashlib.scrypt(pin.encode("utf-8"), salt=bytes.fromhex(salt), n=int(n),
                             r=int(r), p=int(p), dklen=len(digest) // 2)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got.hex(), digest)


def check_name(name: str) -> str:
    if not _NAME.match(name or ""):
        raise UserError(f"档案名“{name}”不可用：1–64个字母、数字、汉字或 _ . -，不含空格",
                        f"the profile name {name!r} cannot be used: 1-64 letters, digits or "
                        "_ . -, no spaces", field="NAME")
    return name


def check_role(role: str) -> str:
    if role not in ROLES:
        raise UserError(f"角色“{role}”不存在（可用：admin、officer、readonly）",
                        f"no role {role!r} (admin, officer or readonly)", field="--role")
    return role


def add_profile(ctx: AppContext, name: str, role: str, *, display_name: str = "",
                pin: str = "") -> Profile:
    need_sqlite(ctx)
    check_name(name)
    check_role(role)
    if pin and not _PIN.match(pin):
        raise UserError("PIN须为4–12位数字", "a PIN is 4-12 digits", field="PIN")
    if len(display_name) > 200:
        raise UserError("显示名称最长200字", "the display name is at most 200 characters",
                        field="--display-name")
    with ctx.db.session() as s:
        if s.get(DeskProfile, name) is not None:
            raise UserError(f"档案“{name}”已存在", f"the profile {name!r} exists already",
                            field="NAME")
        s.add(DeskProfile(name=name, display_name=display_name.strip(), role=role,
                          pin_hash=hash_pin(pin) if pin else ""))
        audit.record(s, ctx, "user_add", name, {"role": role, "profile": True})
    return Profile(name, display_name.strip(), role, bool(pin))


def remove_profile(ctx: AppContext, name: str) -> None:
    need_sqlite(ctx)
    with ctx.db.session() as s:
        row = s.get(DeskProfile, name)
        if row is None:
            raise UserError(f"没有档案“{name}”", f"no profile {name!r}", field="NAME")
        s.delete(row)
        audit.record(s, ctx, "user_remove", name, {"role": row.role, "profile": True})


def list_profiles(ctx: AppContext) -> list[Profile]:
    """The desk's profiles by name ([] on PostgreSQL, where logins take their place)."""
    if not ctx.db.is_sqlite:
        return []
    with ctx.db.session() as s:
        rows = s.execute(select(DeskProfile).order_by(DeskProfile.name)).scalars().all()
        return [Profile(r.name, r.display_name, r.role, bool(r.pin_hash)) for r in rows]


def sign_in_profile(ctx: AppContext, name: str, pin: str = "") -> Profile:
    """Check the PIN (if the profile has one) and make the profile ``ctx``'s actor/role."""
    need_sqlite(ctx)
    with ctx.db.session() as s:
        row = s.get(DeskProfile, name)
        if row is None:
            raise UserError(f"没有档案“{name}”", f"no profile {name!r}", field="NAME")
        if row.pin_hash and not pin_matches(row.pin_hash, pin):
            raise UserError("PIN不正确", "the PIN is wrong", field="PIN")
        row.last_used_at = utcnow()
        profile = Profile(row.name, row.display_name, row.role, bool(row.pin_hash))
    ctx.actor, ctx.role = profile.name, profile.role
    return profile
