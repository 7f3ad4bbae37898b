"""What every page gets: the app context, the job runner, preferences and the language."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings

from desktop.context import AppContext
from desktop.ui.jobs import JobRunner


@dataclass
class UiEnv:
    ctx: AppContext
    jobs: JobRunner
    prefs: QSettings
    lang: str = "zh"

    def t(self, zh: str, en: str) -> str:
        """For texts built at run time (e.g. from data): pick the language."""
        return zh if self.lang == "zh" else en
