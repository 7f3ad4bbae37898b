"""The catalogue administrator password (editing items in the app is admin-only).

Stored as a salted PBKDF2 hash in the outlet settings, so every desk on a shared database
uses the same password.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from db.models import Setting
from db.session import Database
from desktop.errors import UserError

_KEY = "catalogue.admin_password"
_ROUNDS = 200_000
MIN_LENGTH = 6


def _hash(password: str, salt: bytes) -> str:
    return hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, _ROUNDS).hex()


def admin_password_set(db: Database) -> bool:
    with db.session() as s:
        row = s.get(Setting, _KEY)
        return bool(row and row.value)


def set_admin_password(db: Database, password: str, *, current: str | None = None) -> None:
    """Set (or change, given the current one) the administrator password."""
    if len(password) < MIN_LENGTH:
        raise UserError(f"管理员密码至少{MIN_LENGTH}位", f"the admin password needs at least "
                        f"{MIN_LENGTH} characters", field="密码")
    if admin_password_set(db) and not check_admin_password(db, current or ""):
        raise UserError("原管理员密码不正确", "the current admin password is wrong", field="原密码")
    salt = secrets.token_bytes(16)
    value = f"pbkdf2_sha256${_ROUNDS}${salt.hex()}${_hash(password, salt)}"
    with db.session() as s:
        row = s.get(Setting, _KEY)
        if row is None:
            s.add(Setting(key=_KEY, value=value))
        else:
            row.value = value


def check_admin_password(db: Database, password: str) -> bool:
    with db.session() as s:
        row = s.get(Setting, _KEY)
        stored = row.value if row else ""
    try:
        _algo, _rounds, salt_hex, digest = stored.split("$")
    except ValueError:
        return False
    return hmac.compare_digest(_hash(password, bytes.fromhex(salt_hex)), digest)
