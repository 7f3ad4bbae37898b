"""Logging: a rotating file in the data folder, and warnings on stderr."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class OneLineFormatter(logging.Formatter):
    """For the terminal: the message on one line, never a traceback (that goes to the log
    file, whose handler formats the same record in full)."""

    def format(self, record: logging.LogRecord) -> str:
        plain = logging.makeLogRecord(record.__dict__)
        plain.exc_info = plain.exc_text = plain.stack_info = None
        if record.exc_info and record.exc_info[1] is not None:
            exc = record.exc_info[1]
            plain.msg = f"{record.getMessage()} ({type(exc).__name__}: {exc})"
            plain.args = None
        text = super().format(plain)
        return " ".join(text.split("\n"))


def setup_logging(logs_dir: Path | None, *, verbose: bool = False) -> None:
    logging.raiseExceptions = False  # a log that cannot be written (disk full) stays silent
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for h in list(root.handlers):
        if getattr(h, "_ipdesk", False):
            root.removeHandler(h)
            h.close()
    if logs_dir is not None:
        try:
            logs_dir.mkdir(parents=True, exist_ok=True)
            fh = logging.handlers.RotatingFileHandler(
                logs_dir / "ipdesk.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
            )
            fh.setFormatter(logging.Formatter(_FORMAT))
            fh._ipdesk = True  # type: ignore[attr-defined]
            root.addHandler(fh)
        except OSError:
            logging.getLogger(__name__).warning("cannot write a log file in %s", logs_dir)
    sh = logging.StreamHandler()
    sh.setLevel(logging.DEBUG if verbose else logging.WARNING)
    sh.setFormatter(OneLineFormatter("%(levelname)s %(name)s: %(message)s"))
    sh._ipdesk = True  # type: ignore[attr-defined]
    root.addHandler(sh)
    # Alembic reports every migration step at INFO; only its warnings belong in our log
    logging.getLogger("alembic").setLevel(logging.WARNING)
