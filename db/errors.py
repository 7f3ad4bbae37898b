"""Turn database failures a user can cause or fix into a :class:`UserError`."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.exc import DBAPIError

from desktop.errors import UserError


class DatabaseDamaged(UserError):
    """The database file is not a (sound) SQLite database."""


class AuthenticationFailed(UserError):
    """The database server refused the login's password (or got none): ask again."""


class PermissionDenied(UserError):
    """The signed-in login's role may not do what was asked (PostgreSQL said so)."""


# PostgreSQL's SQLSTATEs: insufficient_privilege, invalid_password / invalid authorization
_DENIED, _AUTH = ("42501",), ("28P01", "28000")


def permission_error(role: str = "", detail: str = "") -> PermissionDenied:
    """The message for an operation the login's role may not do."""
    who_zh = f"（角色 {role}）" if role else ""
    who_en = f" (role {role})" if role else ""
    tail = f"（{detail}）" if detail else ""
    return PermissionDenied(
        f"你的账号{who_zh}无权执行此操作{tail}；如需此权限，请联系管理员",
        f"your login{who_en} may not do this{' (' + detail + ')' if detail else ''}; ask the "
        "administrator if you need it")


def damaged_error(where: str, backups_dir: Path | None) -> DatabaseDamaged:
    from db.backups import damaged_hint

    zh, en = damaged_hint(backups_dir)
    return DatabaseDamaged(f"数据库文件已损坏或不是IP Desk数据库（{where}），未做任何改动；{zh}",
                           f"the database file is damaged or not an IP Desk database ({where}) "
                           f"and was left untouched; {en}")


def as_user_error(exc: BaseException, where: str = "",
                  backups_dir: Path | None = None, *, role: str = "") -> UserError | None:
    """A clear message for a locked, damaged, unreachable or read-only database, a refused
    password or an operation the login's ``role`` may not do; else None."""
    if not isinstance(exc, DBAPIError):
        return None
    text = str(getattr(exc, "orig", exc))
    low = text.lower()
    where = where or "数据库"
    state = getattr(getattr(exc, "orig", None), "sqlstate", None)
    if state in _DENIED or "permission denied" in low or "must be owner" in low:
        first = text.strip().splitlines()[0] if text.strip() else ""
        return permission_error(role, first)
    if state in _AUTH or "password authentication failed" in low or "no password supplied" \
            in low:
        return AuthenticationFailed(f"数据库拒绝了用户名或密码：{where}",
                                    f"the database refused the user name or password: {where}")
    if "locked" in low:
        return UserError(f"数据库被其他程序锁定，请稍后再试：{where}",
                         f"the database is locked by another program, try again later: {where}")
    if "not a database" in low or "malformed" in low:
        return damaged_error(where, backups_dir)
    if "disk is full" in low or "no space" in low:
        return UserError(f"磁盘已满，无法写入数据库：{where}；本次操作未提交，数据库保持原样。"
                         "请腾出空间后重试",
                         f"the disk is full, the database cannot be written: {where}; nothing "
                         "of this operation was committed, the database is as it was. Free "
                         "some space and try again")
    if "readonly" in low or "read-only" in low or "unable to open" in low:
        return UserError(f"无法打开或写入数据库（请检查文件权限）：{where}",
                         f"cannot open or write the database (check permissions): {where}")
    if "connection" in low or "could not connect" in low or "timeout" in low:
        return UserError(f"无法连接数据库服务器：{where}（{text.strip().splitlines()[0]}）",
                         f"cannot reach the database server: {where} "
                         f"({text.strip().splitlines()[0]})")
    return None
