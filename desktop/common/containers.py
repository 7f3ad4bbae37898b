"""Checking ZIP containers (XLSX, DOCX) before anything unpacks them.

A damaged ZIP, or one whose parts would expand far beyond what a real workbook or document
holds (a "zip bomb"), is refused here with a :class:`UserError` naming the file, before any
parser reads it.  The sizes come from the ZIP directory; ``zipfile`` never reads a part
beyond its declared size, so they bound what the parsers can see.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path
from xml.etree.ElementTree import ParseError

from desktop.common.limits import (
    MAX_ZIP_MEMBER_BYTES,
    MAX_ZIP_RATIO,
    MAX_ZIP_TOTAL_BYTES,
    ZIP_RATIO_FROM,
)
from desktop.errors import UserError

# what reading a damaged container can raise, from zipfile, zlib, the XML parsers
# (lxml's XMLSyntaxError and ElementTree's ParseError are SyntaxErrors) and the readers
CONTAINER_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile, zlib.error, ParseError, SyntaxError, KeyError, ValueError, IndexError,
    TypeError, AttributeError, EOFError, OSError, NotImplementedError, UnicodeError,
)


def _mb(n: int) -> str:
    return f"{n / 1_000_000:,.0f} MB"


def check_zip(path: Path, kind: str) -> None:
    """Refuse a ZIP container (``kind``: 'XLSX', 'DOCX') that is damaged or would expand
    beyond the limits in :mod:`desktop.common.limits`."""
    name = str(path)
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise UserError(f"{kind}文件已损坏或不完整（{exc}）",
                        f"the {kind} file is damaged or incomplete ({exc})", file=name) from exc
    total = 0
    for info in infos:
        size, packed = info.file_size, max(1, info.compress_size)
        total += size
        bomb = size > MAX_ZIP_MEMBER_BYTES or (size > ZIP_RATIO_FROM
                                               and size / packed > MAX_ZIP_RATIO)
        if bomb:
            raise UserError(
                f"{kind}文件中的“{info.filename}”解压后达{_mb(size)}（压缩 {_mb(packed)}），"
                "远超正常文件，可能是恶意构造的文件，已拒绝",
                f"part '{info.filename}' of the {kind} file expands to {_mb(size)} (from "
                f"{_mb(packed)}), far beyond a real file; refused as a possible zip bomb",
                file=name)
    if total > MAX_ZIP_TOTAL_BYTES:
        raise UserError(f"{kind}文件解压后共{_mb(total)}，超过上限{_mb(MAX_ZIP_TOTAL_BYTES)}",
                        f"the {kind} file expands to {_mb(total)}, over the limit of "
                        f"{_mb(MAX_ZIP_TOTAL_BYTES)}", file=name)


def damaged(path: Path | str, kind: str, exc: BaseException, row: int | None = None
            ) -> UserError:
    """The one message for a container that breaks while being read."""
    why = " ".join(str(exc).split())[:200] or type(exc).__name__
    return UserError(f"{kind}文件已损坏或不完整，无法读取（{why}）",
                     f"the {kind} file is damaged or incomplete and cannot be read ({why})",
                     file=str(path), row=row)
