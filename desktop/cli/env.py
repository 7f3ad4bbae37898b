"""What a command handler gets: its arguments, the app context (opened lazily), output."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from desktop.context import AppContext
from desktop.errors import UserError
from desktop.options import options_from
from desktop.paths import DataPaths


class CommandEnv:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.options = options_from(args)
        self.lang: str = self.options.lang or "zh"
        self.json: bool = self.options.json
        self._ctx: AppContext | None = None

    # -- context ---------------------------------------------------------------------
    def context(self, *, offline_ok: bool = False) -> AppContext:
        """Open the app (data folder, logging, database, wiring) on first use; with
        ``offline_ok`` an unreachable server opens the desk offline (``desktop.connection``)."""
        if self._ctx is None:
            from desktop.access import api as access
            from desktop.app import open_app  # commands that need no data never load it

            self._ctx = open_app(self.options, ask=access.terminal_prompt(),
                                 offline_ok=offline_ok)
        return self._ctx

    def close(self) -> None:
        if self._ctx is not None:
            self._ctx.close()

    def data_paths(self) -> DataPaths | None:
        """The data folder's paths when its SQLite database is the one in use."""
        if self._ctx is not None:
            return self._ctx.paths if self._ctx.db.sqlite_path else None
        if self.options.resolved_db_url:
            return None
        from desktop.paths import resolve_data_paths

        return resolve_data_paths(self.options.data_dir)

    def log_hint(self) -> str:
        if self._ctx is not None:
            return str(self._ctx.paths.logs_dir / "ipdesk.log")
        return "the log file"

    # -- output ----------------------------------------------------------------------
    def out(self, text: str = "") -> None:
        print(text, file=sys.stdout, flush=True)

    def emit_json(self, obj: Any, *, compact: bool = False) -> None:
        """One JSON document on stdout (one line when ``compact``)."""
        if compact:
            text = json.dumps(obj, ensure_ascii=False, default=str, separators=(",", ":"))
        else:
            text = json.dumps(obj, ensure_ascii=False, default=str, indent=2)
        print(text, file=sys.stdout, flush=True)

    def err(self, text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    def fail(self, exc: UserError) -> None:
        if self.json:
            self.emit_json({"error": exc.message(self.lang), "error_zh": exc.message("zh"),
                            "error_en": exc.message("en"), "file": exc.file, "row": exc.row,
                            "field": exc.field}, compact=True)
        self.err(f"错误 / error: {exc.message(self.lang)}")

    def t(self, zh: str, en: str) -> str:
        """Pick the message in the chosen language."""
        return zh if self.lang == "zh" else en

    def progress(self, done: int, total: int, text: str) -> None:
        """A progress callback for jobs: a line on stderr when attached to a terminal."""
        if sys.stderr.isatty() and not self.json:
            pct = f"{done * 100 // total}%" if total else str(done)
            sys.stderr.write(f"\r{pct} {text[:60]:<60}")
            if total and done >= total:
                sys.stderr.write("\n")
            sys.stderr.flush()
