"""Writing output files safely: never a half-written file in the user's folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desktop.errors import UserError


def save_atomically(path: str | Path, write: Callable[[str], object]) -> Path:
    """Call ``write(temporary_path)``, then move the result over ``path`` in one step.

    A failure (disk full, the target open in Word/Excel, no permission) leaves any existing
    file untouched, removes the temporary one and raises :class:`UserError` naming the file.
    """
    target = Path(path)
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        write(str(tmp))
        tmp.replace(target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(f"无法写入文件（{exc.strerror or exc}），文件可能正被其他程序打开",
                        f"cannot write the file ({exc.strerror or exc}); is it open in another "
                        "program?", file=str(target)) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def no_space(exc: BaseException) -> bool:
    """True for a full disk (or quota), whether from the OS or from SQLite."""
    import errno

    for e in (exc, exc.__cause__, getattr(exc, "orig", None)):
        if isinstance(e, OSError) and e.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        if e is not None and "database or disk is full" in str(e):
            return True
    return False


def free_mb(path: str | Path) -> float:
    """Free space on the disk holding ``path`` (its nearest existing parent), in MB."""
    import shutil

    p = Path(path)
    while not p.exists() and p != p.parent:
        p = p.parent
    try:
        return shutil.disk_usage(p).free / 1_000_000
    except OSError:
        return 0.0


def disk_full(where: str | Path, done_zh: str, done_en: str, need_mb: float | None = None
              ) -> UserError:
    """The one message for a full disk: what was and was not written, and the space."""
    free = free_mb(where)
    need_zh = f"，约需 {need_mb:,.0f} MB" if need_mb else ""
    need_en = f", about {need_mb:,.0f} MB needed" if need_mb else ""
    return UserError(f"磁盘已满（剩余 {free:,.1f} MB{need_zh}）：{done_zh}。请腾出空间后重试",
                     f"the disk is full ({free:,.1f} MB free{need_en}): {done_en}. Free some "
                     "space and try again", file=str(where))
