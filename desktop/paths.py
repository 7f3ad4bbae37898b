"""Where IP Desk keeps its state.

Everything (database, search index, generated documents, logs, backups) lives under one
data folder: ``--data-dir`` / ``IPDESK_DATA_DIR``, or the platform's user-data folder.
Bundled read-only data lives in ``resources/`` beside the packages.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from desktop.errors import UserError

APP_NAME = "IPDesk"
PROJECT_ROOT = Path(__file__).resolve().parent.parent
RESOURCES_DIR = PROJECT_ROOT / "resources"
SHARED_DIR = PROJECT_ROOT.parent / "shared"


def resource(*parts: str) -> Path:
    return RESOURCES_DIR.joinpath(*parts)


@dataclass(frozen=True)
class DataPaths:
    root: Path

    @property
    def database(self) -> Path:
        return self.root / "ipdesk.sqlite3"

    @property
    def index_dir(self) -> Path:
        return self.root / "index"

    @property
    def generated_dir(self) -> Path:
        return self.root / "generated"

    @property
    def logs_dir(self) -> Path:
        return self.root / "logs"

    @property
    def backups_dir(self) -> Path:
        return self.root / "backups"

    @property
    def exports_dir(self) -> Path:
        """Where exports go when the user has not chosen a folder yet."""
        return self.root / "exports"

    @property
    def office_profile_dir(self) -> Path:
        """The private LibreOffice profile used for PDF conversions."""
        return self.root / "libreoffice-profile"

    @property
    def user_dir(self) -> Path:
        """Administrator additions: extra form specs, dictionary words, …"""
        return self.root / "user"

    def ensure(self) -> None:
        """Create the folders and check that the data folder can be written."""
        try:
            for d in (self.root, self.index_dir, self.generated_dir, self.exports_dir,
                      self.logs_dir, self.backups_dir, self.user_dir):
                d.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryFile(dir=self.root):
                pass
        except OSError as exc:
            raise UserError(
                f"数据文件夹不可写：{self.root}（{exc.strerror or exc}）。"
                "请检查权限，或用 --data-dir 指定其他文件夹。",
                f"the data folder is not writable: {self.root} ({exc.strerror or exc}); "
                "check its permissions or choose another with --data-dir",
            ) from exc


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def resolve_data_paths(data_dir: str | os.PathLike[str] | None = None) -> DataPaths:
    """``data_dir`` argument, else ``IPDESK_DATA_DIR``, else the platform default."""
    chosen = data_dir or os.environ.get("IPDESK_DATA_DIR")
    return DataPaths(Path(chosen).expanduser().resolve() if chosen else default_data_dir())
