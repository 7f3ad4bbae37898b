"""DOCX → PDF with LibreOffice (``--headless --convert-to pdf``), where it is installed.

Each conversion runs with a private LibreOffice profile inside the data folder
(``-env:UserInstallation``), so it neither reads nor changes the user's own LibreOffice
settings and works while the user has LibreOffice open.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from desktop.errors import UserError


def pdf_converter() -> str | None:
    """The LibreOffice executable, or None when it is not installed."""
    return shutil.which("libreoffice") or shutil.which("soffice")


def require_pdf_converter() -> str:
    """The converter's path, or a clear :class:`UserError` saying PDF is not available."""
    exe = pdf_converter()
    if exe is None:
        raise UserError("本机未安装LibreOffice，无法生成PDF；请导出DOCX后用Word或WPS另存为PDF",
                        "LibreOffice is not installed, so no PDF can be made; export DOCX and "
                        "save it as PDF from Word or WPS")
    return exe


def convert_to_pdf(docx: str | Path, pdf: str | Path, *, profile: Path) -> Path:
    """Convert ``docx`` to ``pdf`` using the LibreOffice profile folder ``profile``."""
    exe = require_pdf_converter()
    src, target = Path(docx), Path(pdf)
    profile.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as out:
        try:
            subprocess.run([exe, f"-env:UserInstallation={profile.resolve().as_uri()}",
                            "--headless", "--convert-to", "pdf", "--outdir", out, str(src)],
                           check=True, capture_output=True, timeout=180)
        except (subprocess.SubprocessError, OSError) as exc:
            raise UserError(f"PDF转换失败（{exc}）", f"PDF conversion failed ({exc})",
                            file=str(src)) from exc
        produced = Path(out) / (src.stem + ".pdf")
        if not produced.exists():
            raise UserError("PDF转换没有生成文件", "the PDF converter produced no file",
                            file=str(src))
        shutil.move(str(produced), target)
    return target
