"""Turn database failures a user can cause or fix into a :class:`UserError`."""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError

from desktop.errors import UserError


def as_user_error(exc: BaseException, where: str = "") -> UserError | None:
    """A clear message for a locked, damaged, unreachable or read-only database, else None."""
    if not isinstance(exc, DBAPIError):
        return None
    text = str(getattr(exc, "orig", exc))
    low = text.lower()
    where = where or "数据库"
    if "locked" in low:
        return UserError(f"数据库被其他程序锁定，请稍后再试：{where}",
                         f"the database is locked by another program, try again later: {where}")
    if "not a database" in low or "malformed" in low:
        return UserError(f"文件不是可用的IP Desk数据库（可能已损坏）：{where}",
                         f"the file is not a usable IP Desk database (damaged?): {where}")
    if "readonly" in low or "read-only" in low or "unable to open" in low:
        return UserError(f"无法打开或写入数据库（请检查文件权限）：{where}",
                         f"cannot open or write the database (check permissions): {where}")
    if "connection" in low or "could not connect" in low or "timeout" in low:
        return UserError(f"无法连接数据库服务器：{where}（{text.strip().splitlines()[0]}）",
                         f"cannot reach the database server: {where} "
                         f"({text.strip().splitlines()[0]})")
    return None
