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
